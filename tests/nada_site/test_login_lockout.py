"""
The admin login locks a user name out from one client address after
repeated failures, for a cool-off time, with a message in the staff
member's language; the address is the one the proxy saw.
"""

import datetime

import pytest
from axes.models import AccessAttempt
from django.test import Client

from tests.conftest import password_step

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "a-long-passphrase"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "e@example.gov.my", PASSWORD)


def attempt(client, password, username="editor", **headers):
    return client.post(LOGIN, password_step(username, password), **headers)


def fail_five_times(client, **headers):
    for _ in range(5):
        response = attempt(client, "wrong", **headers)
    return response


def test_five_failures_lock_the_user_out_even_with_the_right_password(client, editor):
    for _ in range(4):
        assert attempt(client, "wrong").status_code == 200
    locked = attempt(client, "wrong")
    assert locked.status_code == 429
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Signing in is locked for 15 minutes"),
        ("ms", "Log masuk dikunci selama 15 minit"),
        ("ar", "تسجيل الدخول مقفل لمدة 15 دقيقة"),
    ],
)
def test_the_lockout_message_says_how_long_in_the_staff_language(client, editor, language, message):
    client.cookies["django_language"] = language
    response = fail_five_times(client)
    assert response.status_code == 429
    assert message in response.content.decode()


def test_the_lockout_is_per_user_name_and_address(editor, django_user_model):
    django_user_model.objects.create_superuser("other", "o@example.gov.my", PASSWORD)
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    fail_five_times(attacker)
    # The same user from another address, and another user from the same address, still sign in.
    assert attempt(Client(REMOTE_ADDR="198.51.100.7"), PASSWORD).status_code == 302
    assert attempt(attacker, PASSWORD, username="other").status_code == 302


def test_the_lockout_ends_after_the_cool_off_time(client, editor):
    fail_five_times(client)
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16)
    )
    assert attempt(client, PASSWORD).status_code == 302


def test_the_address_comes_from_the_trusted_proxy(editor, settings):
    settings.CONTACT_TRUSTED_PROXIES = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    # A client cannot choose its address by writing X-Forwarded-For itself.
    fail_five_times(Client(**proxy), HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.9")
    attempt_record = AccessAttempt.objects.get()
    assert attempt_record.ip_address == "203.0.113.9"
    # Another visitor behind the same proxy is not locked out.
    response = attempt(Client(**proxy), PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert response.status_code == 302


def test_a_successful_sign_in_clears_the_failures(client, editor):
    for _ in range(4):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert attempt(client, "wrong").status_code == 200
