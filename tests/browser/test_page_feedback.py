"""
"Was this page useful?" in the browser: with JavaScript the thanks are
announced in place and nothing else on the page changes; without it the
visitor gets the thank-you page. axe finds nothing wrong either way.
"""

import pytest

from contact.models import PageFeedback
from tests.browser.conftest import LANGUAGES, axe_violations

pytestmark = pytest.mark.browser

FORM = "form[data-page-feedback]"
STATUS = ".page-feedback__status"


@pytest.mark.parametrize("language", LANGUAGES)
def test_with_javascript_a_yes_is_thanked_in_place(site, page, axe, language):
    url = f"{site.url}/{language}/pages/about/"
    page.goto(url)
    assert axe_violations(axe, page) == []
    heading = page.locator("h1").inner_text()
    assert page.locator(STATUS).get_attribute("role") == "status"
    page.fill("#page-feedback-comment", "Halaman yang jelas.")
    page.locator(f"{FORM} button[value=yes]").click()
    status = page.locator(STATUS)
    status.wait_for(state="visible")
    assert status.inner_text().strip()
    assert page.locator(FORM).is_hidden()
    # The visitor is still on the page they were reading, and it is otherwise unchanged.
    assert page.url == url
    assert page.locator("h1").inner_text() == heading
    assert page.evaluate("document.activeElement.className") == "page-feedback__status"
    assert axe_violations(axe, page) == []
    stored = PageFeedback.objects.select_related("page").get()
    assert (stored.page.path, stored.useful) == (f"/{language}/pages/about/", True)
    assert stored.comment == "Halaman yang jelas."
    # No cookie but the remembered language, which every page sets.
    assert {cookie["name"] for cookie in page.context.cookies()} <= {"django_language"}


def test_with_javascript_the_limit_is_announced_and_the_form_stays(site, page, settings):
    settings.FEEDBACK_RATE_LIMIT_ANSWERS = 0
    page.goto(f"{site.url}/en/news/")
    page.locator(f"{FORM} button[value=no]").click()
    page.locator(STATUS).wait_for(state="visible")
    assert "Please try again in" in page.locator(STATUS).inner_text()
    assert page.locator(FORM).is_visible()
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_a_no_leads_to_the_thank_you_page(site, browser, axe, language):
    context = browser.new_context(java_script_enabled=False)
    context.set_default_timeout(10_000)
    try:
        plain = context.new_page()
        plain.goto(f"{site.url}/{language}/pages/faq/")
        plain.locator(f"{FORM} button[value=no]").click()
        plain.wait_for_url("**/contact/feedback/thanks/**")
        assert plain.locator("html").get_attribute("lang") == language
        thanks = plain.url
        plain.locator(f'main a[href="/{language}/pages/faq/"]').click()
        plain.wait_for_url(f"**/{language}/pages/faq/")
    finally:
        context.close()
    assert PageFeedback.objects.get().useful is False
    # axe runs as a script: the thank-you page is checked in a browser that runs them.
    checked = browser.new_context()
    try:
        page = checked.new_page()
        page.goto(thanks)
        assert axe_violations(axe, page) == []
    finally:
        checked.close()
