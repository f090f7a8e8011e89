"""
The Content Security Policy breaks nothing: Chromium reports no violation on
any kind of public page (the JSON-LD of an article is data, not a script),
and in the admin the rich text editor loads under
the admin's own policy.
"""

import pytest

from international.models import UnitProfile

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def watched_page(context):
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.console_messages = []
    page.on(
        "console",
        lambda message: (
            page.console_messages.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return page


def violations(page):
    return page.evaluate("window.__cspViolations") + page.console_messages


def test_public_pages_run_under_the_policy_without_violations(site, watched_page):
    page = watched_page
    for language in ("ms", "ar"):
        for name, url in site.urls(language).items():
            response = page.goto(site.url + url)
            assert "script-src 'self'" in response.headers["content-security-policy"]
            page.wait_for_load_state("load")
            assert violations(page) == [], f"{name} ({language})"


def test_the_article_json_ld_is_not_reported_as_a_script(site, watched_page):
    page = watched_page
    page.goto(site.url + site.urls("en")["article"])
    assert page.locator("script[type='application/ld+json']").count() == 1
    assert violations(page) == []


def test_the_rich_text_editor_loads_in_the_admin(site, watched_page, django_user_model):
    django_user_model.objects.create_superuser("editor", "e@example.gov.my", "a-long-passphrase")
    page = watched_page
    page.goto(site.url + "/admin/login/")
    page.fill("#id_auth-username", "editor")
    page.fill("#id_auth-password", "a-long-passphrase")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    profile = UnitProfile.objects.get()
    page.goto(site.url + f"/admin/international/unitprofile/{profile.pk}/change/")
    page.wait_for_selector(".cke .cke_wysiwyg_frame", state="attached")
    assert page.locator(".cke").count() >= 1
    assert violations(page) == []
