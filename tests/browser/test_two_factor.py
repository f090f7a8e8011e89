"""
A staff member sets up the second factor and signs in with it using the
keyboard alone, typing the key shown as text (no camera), in Arabic; axe-core
finds no WCAG A/AA violation on the sign-in and setup pages.
"""

import time
from base64 import b32decode

import pytest
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser.conftest import LANGUAGES, axe_violations
from tests.browser.test_keyboard import tab_to
from tests.nada_site.test_two_factor import code_of

pytestmark = pytest.mark.browser

PASSWORD = "a-long-passphrase"


@pytest.fixture
def staff_member(transactional_db, django_user_model, settings):
    settings.TWO_FACTOR_REQUIRED = True
    user = django_user_model.objects.create_user("aminah", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get_or_create(name="Editors")[0])
    return user


def sign_in_with_the_keyboard(page, password=PASSWORD):
    # The user name field has the focus when the page opens.
    assert page.evaluate("document.activeElement.id") == "id_auth-username"
    page.keyboard.type("aminah")
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    page.keyboard.press("Enter")


def test_setup_and_sign_in_with_the_keyboard_alone_in_arabic(live_server, page, staff_member):
    page.context.add_cookies([{"name": "django_language", "value": "ar", "url": live_server.url}])
    page.goto(live_server.url + "/admin/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    sign_in_with_the_keyboard(page)
    page.wait_for_url("**/admin/two-factor/setup/")

    tab_to(page, "input[type=submit]")
    page.keyboard.press("Enter")
    key = page.locator(".two-factor-key").inner_text().replace(" ", "")
    assert page.locator(".two-factor-qr img").get_attribute("alt")
    device = TOTPDevice(key=b32decode(key).hex())  # what the app now holds
    tab_to(page, "#id_generator-token")
    page.keyboard.type(code_of(device))
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/two-factor/setup/complete/")
    assert TOTPDevice.objects.filter(user=staff_member, confirmed=True).exists()

    tab_to(page, "#logout-form button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/logout/")
    page.goto(live_server.url + "/admin/")
    sign_in_with_the_keyboard(page)
    page.wait_for_selector("#id_token-otp_token")
    assert page.evaluate("document.activeElement.id") == "id_token-otp_token"
    device = TOTPDevice.objects.get(user=staff_member)
    # A code signs in once: wait for the next one if this one was used.
    page.keyboard.type(next_unused_code(device))
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/admin/")
    assert page.locator("#user-tools").count() == 1


def next_unused_code(device):
    device.refresh_from_db()
    while int(time.time()) // device.step <= device.last_t:
        time.sleep(0.5)
    return code_of(device)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_wcag_violation_on_the_sign_in_and_setup_pages(
    live_server, page, axe, staff_member, language
):
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    found = {}

    def check(name):
        assert page.locator("html").get_attribute("lang") == language
        violations = axe_violations(axe, page)
        if violations:
            found[name] = violations

    page.goto(live_server.url + "/admin/login/")
    check("password step")
    page.fill("#id_auth-username", "aminah")
    page.fill("#id_auth-password", "wrong")
    page.click("input[type=submit]")
    check("password step with an error")
    page.fill("#id_auth-password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/two-factor/setup/")
    check("setup")
    page.click("input[type=submit]")
    page.wait_for_selector(".two-factor-key")
    check("setup: the key")
    page.fill("#id_generator-token", "000000")
    page.click("input[type=submit]")
    check("setup: a wrong code")

    report = "\n".join(f"{name}:\n  " + "\n  ".join(lines) for name, lines in found.items())
    assert not found, f"axe found WCAG violations ({language}):\n{report}"
