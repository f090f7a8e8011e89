"""The accessibility toolbar: each control says and applies its state, the choice lasts, reset undoes it."""

import pytest

from tests.browser.conftest import PREFERENCES_KEY, set_preferences

pytestmark = pytest.mark.browser

TOGGLES = {
    "font": "Readable font",
    "contrast": "High contrast",
    "calm": "Calm background",
    "links": "Highlight links",
    "spacing": "More spacing",
}
SIZES = ["125", "150", "175", "200"]


def open_toolbar(page):
    page.click(".a11y-toolbar__toggle")
    return page.locator(".a11y-toolbar")


def root_font_size(page):
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


@pytest.mark.parametrize("name", TOGGLES)
def test_each_display_control_applies_says_and_persists(site, page, name):
    page.goto(site.url + "/en/")
    toolbar = open_toolbar(page)
    button = toolbar.get_by_role("button", name=TOGGLES[name])
    assert button.get_attribute("aria-pressed") == "false"

    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert toolbar.get_by_role("status").inner_text() == f"{TOGGLES[name]}: on"
    assert f"a11y-{name}" in page.locator("html").get_attribute("class")

    page.click("nav.site-nav >> text=News")
    page.wait_for_url("**/en/news/")
    assert f"a11y-{name}" in page.locator("html").get_attribute("class")
    button = open_toolbar(page).get_by_role("button", name=TOGGLES[name])
    assert button.get_attribute("aria-pressed") == "true"

    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    assert f"a11y-{name}" not in page.locator("html").get_attribute("class")


def test_display_controls_change_what_the_page_looks_like(site, page):
    page.goto(site.url + "/en/")
    toolbar = open_toolbar(page)
    paragraph = page.locator(".hero__lead")

    def style(prop):
        return paragraph.evaluate(f"(element) => getComputedStyle(element).{prop}")

    before = {prop: style(prop) for prop in ("fontFamily", "letterSpacing", "backgroundColor")}
    toolbar.get_by_role("button", name="Readable font").click()
    assert style("fontFamily") != before["fontFamily"]
    toolbar.get_by_role("button", name="More spacing").click()
    assert style("letterSpacing") != before["letterSpacing"]
    toolbar.get_by_role("button", name="High contrast").click()
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(255, 255, 255)"
    toolbar.get_by_role("button", name="Highlight links").click()
    link = page.locator("main a.more").first
    assert link.evaluate("(a) => getComputedStyle(a).backgroundColor") == "rgb(255, 255, 0)"


def test_text_size_has_four_steps_up_to_double(site, page):
    page.goto(site.url + "/en/")
    toolbar = open_toolbar(page)
    normal = root_font_size(page)
    group = toolbar.get_by_role("group", name="Text size")
    for size in SIZES:
        button = group.get_by_role("button", name=f"{size}%")
        button.click()
        assert button.get_attribute("aria-pressed") == "true"
        assert group.locator("[aria-pressed=true]").count() == 1
        assert root_font_size(page) == pytest.approx(normal * int(size) / 100)
        assert toolbar.get_by_role("status").inner_text() == f"Text size: {size}%"

    page.goto(site.url + "/en/contact/")
    assert root_font_size(page) == pytest.approx(normal * 2)


def test_reset_restores_every_default(site, context, page):
    set_preferences(context, {"size": "175", **dict.fromkeys(TOGGLES, True)})
    page.goto(site.url + "/ms/")
    normal_classes = "js"
    toolbar = open_toolbar(page)
    assert toolbar.locator("[aria-pressed=true]").count() == 6

    toolbar.get_by_role("button", name="Set semula").click()
    html = page.locator("html")
    assert html.get_attribute("class") == normal_classes
    assert html.get_attribute("data-text-size") is None
    assert toolbar.locator("[aria-pressed=true]").count() == 1
    assert toolbar.get_by_role("button", name="100%").get_attribute("aria-pressed") == "true"
    assert page.evaluate(f"localStorage.getItem('{PREFERENCES_KEY}')") is None

    page.goto(site.url + "/ms/news/")
    assert page.locator("html").get_attribute("class") == normal_classes


def test_saved_choice_is_on_the_page_before_the_body_exists(site, context, page):
    # Record <html>'s state at the moment <body> is inserted: before anything can paint.
    set_preferences(context, {"size": "150", "contrast": True})
    context.add_init_script(
        """new MutationObserver((changes, observer) => {
             if (document.body) {
               window.stateAtBody = document.documentElement.className + " "
                 + document.documentElement.getAttribute("data-text-size");
               observer.disconnect();
             }
           }).observe(document, {childList: true, subtree: true});"""
    )
    page.goto(site.url + "/en/news/")
    assert page.evaluate("window.stateAtBody") == "js a11y-contrast 150"


def test_toolbar_works_under_a_strict_content_security_policy(site, page):
    policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    def with_policy(route):
        response = route.fetch()
        route.fulfill(
            response=response, headers={**response.headers, "content-security-policy": policy}
        )

    page.route("**/*", with_policy)
    page.goto(site.url + "/en/")
    toolbar = open_toolbar(page)
    toolbar.get_by_role("button", name="High contrast").click()
    page.goto(site.url + "/en/international/")
    assert "a11y-contrast" in page.locator("html").get_attribute("class")
    assert refused == []
    # The page's late requests (its icon) finish through the route before the page closes.
    page.unroute_all(behavior="wait")


def test_toolbar_is_translated_and_right_to_left_in_arabic(site, page):
    page.goto(site.url + "/ar/")
    toolbar = open_toolbar(page)
    assert page.locator(".a11y-toolbar__toggle").inner_text() == "إمكانية الوصول"
    group = toolbar.get_by_role("group", name="حجم النص")
    sizes = group.get_by_role("button")
    first, last = sizes.first.bounding_box(), sizes.last.bounding_box()
    assert first["x"] > last["x"], "The first step should be on the right in Arabic"
    toolbar.get_by_role("button", name="تباين عالٍ").click()
    assert toolbar.get_by_role("status").inner_text() == "تباين عالٍ: مفعّل"


def test_controls_are_large_enough_and_work_with_the_keyboard(site, page):
    page.goto(site.url + "/en/")
    page.focus(".a11y-toolbar__toggle")
    page.keyboard.press("Enter")
    buttons = page.locator(".a11y-toolbar button")
    assert buttons.count() == 11
    for index in range(buttons.count()):
        box = buttons.nth(index).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.locator("html").get_attribute("data-text-size") == "125"
    page.keyboard.press("Space")
    assert page.locator("html").get_attribute("data-text-size") == "125"


def test_open_toolbar_never_covers_focused_content(site, context, page):
    set_preferences(context, {"size": "200"})
    page.set_viewport_size({"width": 800, "height": 600})
    page.goto(site.url + "/en/")
    open_toolbar(page)
    for _ in range(40):
        page.keyboard.press("Tab")
        covered = page.evaluate(
            """() => {
                 const element = document.activeElement;
                 const box = element.getBoundingClientRect();
                 const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                 return top && (element.contains(top) || top.contains(element)) ? null : element.outerHTML.slice(0, 80);
               }"""
        )
        assert covered is None, f"Covered while focused: {covered}"
