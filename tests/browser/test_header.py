"""
On a phone (375 x 667) the header takes at most a quarter of the screen
before the content starts, in every language; its menu opens behind a button
that works with the keyboard, and without the script the menu's links show.
"""

import pytest

from tests.browser.conftest import LANGUAGES, axe_violations
from tests.browser.test_keyboard import tab_to

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
QUARTER = 166  # px: a quarter of 667, rounded down
CONTENT_TOP = "() => document.querySelector('main').getBoundingClientRect().top"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_takes_at_most_a_quarter_of_a_phone_screen(site, page, language):
    page.set_viewport_size(PHONE)
    for name in ("home", "article", "contact", "site page"):
        page.goto(site.url + site.urls(language)[name])
        top = page.evaluate(CONTENT_TOP)
        assert top <= QUARTER, f"{name} ({language}): the content starts at {top} px"
        # The menu is closed, but one button away.
        assert page.locator(".site-nav").is_hidden()
        assert page.locator(".site-nav__toggle").get_attribute("aria-expanded") == "false"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_menu_opens_and_closes_with_the_keyboard(site, page, language):
    page.set_viewport_size(PHONE)
    page.goto(site.url + site.urls(language)["home"])
    toggle = page.locator(".site-nav__toggle")
    box = toggle.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24  # WCAG 2.2 target size

    tab_to(page, ".site-nav__toggle")
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator(".site-nav").is_visible()
    # The next Tab goes into the menu it opened.
    tab_to(page, ".site-nav a", limit=2)
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.locator(".site-nav").is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('site-nav__toggle')")
    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-expanded") == "true"


def test_without_the_script_the_menu_links_show_and_the_button_does_not(site, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + site.urls("ms")["home"])
    assert page.locator(".site-nav__toggle").is_hidden()
    assert page.locator(".site-nav a").first.is_visible()
    context.close()


def test_the_desktop_header_shows_the_menu_without_a_button(site, page):
    page.goto(site.url + site.urls("en")["home"])
    assert page.locator(".site-nav__toggle").is_hidden()
    assert page.locator(".site-nav a").first.is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_header_with_open_menu_and_full_footer_pass_axe(site, page, axe, language):
    from nada_site.models import SiteSettings, SocialAccount

    settings_ = SiteSettings.objects.get()
    settings_.complaints_url = "https://sispaa.example.gov.my/"
    settings_.procurement_url = "https://www.example.gov.my/tenders/"
    settings_.mobile_apps_url = "https://www.example.gov.my/apps/"
    settings_.save()
    SocialAccount.objects.create(settings=settings_, network="facebook", url="https://fb.example/")
    SocialAccount.objects.create(settings=settings_, network="youtube", url="https://yt.example/")

    page.set_viewport_size(PHONE)
    page.goto(site.url + site.urls(language)["home"])
    page.click(".site-nav__toggle")
    assert page.locator(".site-footer__group").count() == 3
    assert axe_violations(axe, page) == []
    page.set_viewport_size({"width": 1280, "height": 900})
    assert axe_violations(axe, page) == []
