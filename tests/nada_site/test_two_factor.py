"""
Staff sign in with a password and a code from an authenticator app, or a
single-use backup code. In production (TWO_FACTOR_REQUIRED) no admin or
editor page opens without the second factor; in development it is offered.
A wrong code is a failed sign-in for the lockout, like a wrong password.
"""

import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from nada_site.models import AuditEntry
from tests.conftest import password_step

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
SETUP = "/admin/two-factor/setup/"
PASSWORD = "a-long-passphrase"


@pytest.fixture
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("aminah", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def device(editor):
    return TOTPDevice.objects.create(user=editor, name="default", confirmed=True)


def code_of(device):
    """The code the authenticator app shows now."""
    return str(totp(device.bin_key, device.step, device.t0, device.digits, device.drift)).zfill(
        device.digits
    )


def wrong_code_for(device):
    return str((int(code_of(device)) + 1) % 10**device.digits).zfill(device.digits)


def code_step(code):
    return {"login_view-current_step": "token", "token-otp_token": code}


def sign_in(client, code=None, username="aminah", password=PASSWORD):
    response = client.post(LOGIN, password_step(username, password))
    if code is not None:
        response = client.post(LOGIN, code_step(code))
    return response


def is_signed_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("path", ["/admin/", "/admin/news/article/", "/ckeditor/browse/"])
def test_without_a_device_staff_are_sent_to_set_one_up(client, editor, required, path):
    client.force_login(editor)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == SETUP


def test_the_password_alone_signs_in_a_member_without_a_device_but_only_to_the_setup(
    client, editor, required
):
    response = sign_in(client)
    assert response.status_code == 302
    assert is_signed_in(client)
    assert client.get("/admin/")["Location"] == SETUP
    assert client.get(SETUP).status_code == 200


def test_setup_shows_the_qr_code_and_the_same_key_as_text_then_reaches_the_admin(
    client, editor, required
):
    client.force_login(editor)
    client.get(SETUP)
    response = client.post(SETUP, {"setup_view-current_step": "welcome"})
    assert response.status_code == 200
    html = response.content.decode()
    key = response.context["secret_key"]
    assert " ".join(re.findall(".{1,4}", key)) in html
    assert 'alt="Kod QR bagi kunci di bawah, untuk aplikasi pengesah"' in html
    qr_code = client.get("/admin/two-factor/setup/qr-code/")
    assert qr_code["Content-Type"].startswith("image/svg+xml")

    device = TOTPDevice(key=response.context["wizard"]["form"].key)
    response = client.post(
        SETUP, {"setup_view-current_step": "generator", "generator-token": code_of(device)}
    )
    assert response.status_code == 302
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/news/article/").status_code == 200


def test_setup_refuses_a_wrong_first_code(client, editor, required):
    client.force_login(editor)
    client.get(SETUP)
    response = client.post(SETUP, {"setup_view-current_step": "welcome"})
    device = TOTPDevice(key=response.context["wizard"]["form"].key)
    response = client.post(
        SETUP, {"setup_view-current_step": "generator", "generator-token": wrong_code_for(device)}
    )
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_with_a_device_the_password_alone_does_not_reach_the_admin(client, device, required):
    response = sign_in(client)
    assert response.status_code == 200
    assert response.context["wizard"]["steps"].current == "token"
    assert not is_signed_in(client)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_password_and_the_right_code_reach_the_admin(client, device, required):
    response = sign_in(client, code=code_of(device))
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/news/article/").status_code == 200
    assert client.get("/ckeditor/browse/").status_code == 200


def test_a_session_signed_in_without_the_code_is_sent_to_sign_in_with_it(
    client, editor, device, required
):
    client.force_login(editor)
    response = client.get("/admin/news/article/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/news/article/"


def test_a_backup_code_works_once_only(client, editor, device, required):
    backup = StaticDevice.objects.create(user=editor, name="backup")
    backup.token_set.create(token="k7m2q9xa")

    response = sign_in(client)
    assert "Guna Kod Sandaran" in response.content.decode()
    client.post(LOGIN, {"wizard_goto_step": "backup"})
    response = client.post(
        LOGIN, {"login_view-current_step": "backup", "backup-otp_token": "k7m2q9xa"}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200

    client.post("/admin/logout/")
    assert not is_signed_in(client)
    sign_in(client)
    client.post(LOGIN, {"wizard_goto_step": "backup"})
    response = client.post(
        LOGIN, {"login_view-current_step": "backup", "backup-otp_token": "k7m2q9xa"}
    )
    assert response.status_code == 200
    assert not is_signed_in(client)


def test_staff_generate_their_backup_codes_once_signed_in(client, device, required):
    sign_in(client, code=code_of(device))
    response = client.post("/admin/two-factor/backup-codes/")
    assert response.status_code == 302
    codes = client.get("/admin/two-factor/backup-codes/").context["device"].token_set.all()
    assert len(codes) == 10


def test_a_wrong_code_counts_as_a_failed_sign_in(client, device, required):
    response = sign_in(client, code=wrong_code_for(device))
    assert response.status_code == 200
    assert not is_signed_in(client)
    attempt = AccessAttempt.objects.get(username="aminah")
    assert attempt.failures_since_start == 1


def test_the_fifth_wrong_code_locks_out_even_the_right_code(client, device, required):
    sign_in(client)
    for _ in range(4):
        assert client.post(LOGIN, code_step(wrong_code_for(device))).status_code == 200
    assert client.post(LOGIN, code_step(wrong_code_for(device))).status_code == 429

    response = client.post(LOGIN, code_step(code_of(device)))
    assert response.status_code == 429
    assert "Log masuk dikunci selama 15 minit" in response.content.decode()
    assert not is_signed_in(client)
    # Starting again with the right password is refused too.
    assert sign_in(client).status_code == 429
    assert not is_signed_in(client)


def test_wrong_passwords_and_wrong_codes_count_together(client, device, required):
    for _ in range(3):
        sign_in(client, password="wrong")
    sign_in(client)
    assert client.post(LOGIN, code_step(wrong_code_for(device))).status_code == 200
    assert client.post(LOGIN, code_step(wrong_code_for(device))).status_code == 429


def test_the_backup_step_is_locked_out_too(client, editor, device, required):
    backup = StaticDevice.objects.create(user=editor, name="backup")
    backup.token_set.create(token="k7m2q9xa")
    sign_in(client)
    for _ in range(5):
        client.post(LOGIN, code_step(wrong_code_for(device)))
    client.post(LOGIN, {"wizard_goto_step": "backup"})
    response = client.post(
        LOGIN, {"login_view-current_step": "backup", "backup-otp_token": "k7m2q9xa"}
    )
    assert response.status_code == 429
    assert not is_signed_in(client)
    assert backup.token_set.filter(token="k7m2q9xa").exists()


def test_the_failed_attempts_keep_no_password_or_code(client, device):
    sign_in(client, password="my-secret-guess")
    sign_in(client, code="424242")
    post_data = AccessAttempt.objects.get(username="aminah").post_data
    assert "my-secret-guess" not in post_data
    assert "424242" not in post_data


def test_in_development_the_password_alone_reaches_the_admin(client, editor, settings):
    settings.TWO_FACTOR_REQUIRED = False
    response = sign_in(client)
    assert response.status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Anda log masuk dengan kata laluan sahaja." in html
    assert f'href="{SETUP}"' in html


def test_in_development_a_member_with_a_device_still_gives_the_code(client, device, settings):
    settings.TWO_FACTOR_REQUIRED = False
    assert sign_in(client).status_code == 200
    assert not is_signed_in(client)
    sign_in(client, code=code_of(device))
    html = client.get("/admin/").content.decode()
    assert "Anda log masuk dengan kata laluan sahaja." not in html


def test_visitors_are_sent_to_the_sign_in(client, required):
    response = client.get("/admin/news/article/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/news/article/"


def test_the_sign_in_is_an_admin_page_in_the_staff_language(client):
    client.cookies["django_language"] = "ar"
    html = client.get(LOGIN).content.decode()
    assert 'dir="rtl"' in html
    assert 'id="site-name"' in html
    assert "admin/css/login.css" in html
    assert 'name="auth-username"' in html


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Enable Two-Factor Authentication"),
        ("ms", "Dayakan Pengesahan Dua Faktor"),
        ("ar", "تفعيل خاصية التحقق من خطوتين"),
    ],
)
def test_the_setup_speaks_the_staff_language(client, editor, language, text):
    client.cookies["django_language"] = language
    client.force_login(editor)
    assert text in client.get(SETUP).content.decode()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Please enter the token generated by your token generator."),
        ("ms", "Sila masukkan kod yang dijana oleh aplikasi pengesah anda."),
        ("ar", "يرجى إدخال الرمز الذي أنشأه تطبيق المصادقة."),
    ],
)
def test_the_code_step_speaks_the_staff_language(client, device, language, text):
    client.cookies["django_language"] = language
    assert text in sign_in(client).content.decode()


def test_the_profile_offers_backup_codes_and_no_switch_off_when_required(client, device, required):
    sign_in(client, code=code_of(device))
    html = client.get("/admin/two-factor/").content.decode()
    assert "/admin/two-factor/backup-codes/" in html
    assert "/admin/two-factor/disable/" not in html
    assert client.post("/admin/two-factor/disable/", {"understand": "on"}).status_code == 403
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_switching_off_where_it_is_offered_is_recorded(client, editor, device, settings):
    settings.TWO_FACTOR_REQUIRED = False
    sign_in(client, code=code_of(device))
    response = client.post("/admin/two-factor/disable/", {"understand": "on"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    entry = AuditEntry.objects.get(action=AuditEntry.Action.SECOND_FACTOR_RESET)
    assert entry.actor == editor


def test_signing_out_still_works(client, device, required):
    sign_in(client, code=code_of(device))
    response = client.post("/admin/logout/")
    assert response.status_code == 200
    assert not is_signed_in(client)
    assert client.get("/admin/")["Location"] == LOGIN
