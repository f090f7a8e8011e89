"""axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on any kind of page, in every language."""

import pytest

from tests.browser.conftest import (
    HIGH_CONTRAST_LARGEST_TEXT,
    LANGUAGES,
    axe_violations,
    set_preferences,
)

pytestmark = pytest.mark.browser

MODES = {
    "toolbar off": {},
    "high contrast and largest text": HIGH_CONTRAST_LARGEST_TEXT,
}


def fill_contact_form(page):
    page.fill("#id_name", "Aminah Yusof")
    page.fill("#id_email", "aminah@example.com")
    page.fill("#id_subject", "Lawatan kerja")
    page.fill("#id_message", "Kami ingin mengatur lawatan kerja ke unit anda pada bulan depan.")
    page.check("#id_consent")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_wcag_violation_on_any_page(site, context, page, axe, language, mode):
    set_preferences(context, MODES[mode])
    found = {}

    def check(name):
        html = page.locator("html")
        assert html.get_attribute("lang") == language
        if mode != "toolbar off":
            assert "a11y-contrast" in html.get_attribute("class")
            assert html.get_attribute("data-text-size") == "200"
        violations = axe_violations(axe, page)
        if violations:
            found[name] = violations

    for name, path in site.urls(language).items():
        response = page.goto(site.url + path)
        assert response.status == 200, name
        check(name)
        if name == "home":
            page.click(".a11y-toolbar__toggle")
            check("home with the toolbar open")
        if name == "contact":
            page.locator("form.contact-form button[type=submit]").click()
            page.wait_for_selector(".error-summary")
            check("contact with errors")
            fill_contact_form(page)
            page.locator("form.contact-form button[type=submit]").click()
            page.wait_for_url("**/contact/thanks/")
            check("contact confirmation")

    report = "\n".join(f"{name}:\n  " + "\n  ".join(lines) for name, lines in found.items())
    assert not found, f"axe found WCAG violations ({language}, {mode}):\n{report}"
