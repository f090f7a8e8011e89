"""The contact form can be filled and sent with the keyboard alone, in Arabic."""

import pytest

from contact.models import ContactMessage

pytestmark = pytest.mark.browser

# Whether the focused element shows a focus indicator and is not hidden under anything.
FOCUS_STATE = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {
    id: element.id,
    tag: element.tagName,
    indicator: style.outlineStyle !== "none" || style.boxShadow !== "none",
    uncovered: top !== null && (element === top || element.contains(top) || top.contains(element)),
  };
}"""


def tab_to(page, selector, limit=80):
    """Press Tab until `selector` has focus, checking each stop is visible and uncovered."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        assert state["indicator"], f"No visible focus on {state}"
        assert state["uncovered"], f"Focused element is covered: {state}"
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never received focus")


def test_contact_form_is_sent_in_arabic_with_the_keyboard_alone(site, page):
    page.goto(site.url + "/ar/contact/")
    assert page.locator("html").get_attribute("dir") == "rtl"

    tab_to(page, "#id_name")
    page.keyboard.type("أمينة يوسف")
    page.keyboard.press("Tab")
    page.keyboard.type("amina@example.com")
    tab_to(page, "#id_subject")
    page.keyboard.type("زيارة عمل")
    page.keyboard.press("Tab")
    page.keyboard.type("نود ترتيب زيارة عمل إلى الوحدة في الشهر القادم.")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    tab_to(page, "form.contact-form button[type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_url("**/ar/contact/thanks/")
    assert page.locator("h1").count() == 1
    message = ContactMessage.objects.get()
    assert message.name == "أمينة يوسف"
    assert message.subject == "زيارة عمل"
    assert message.language == "ar"
