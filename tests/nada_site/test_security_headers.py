"""
Production headers and cookies: what the public pages send with DEBUG off,
the admin's own Content Security Policy, and Django's deployment checks.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import password_step

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]
HTTPS = {"HTTP_X_FORWARDED_PROTO": "https"}
PUBLIC_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


@pytest.fixture
def production(settings):
    """The production settings of nada_site/settings.py (DJANGO_DEBUG=0)."""
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["international.adk.gov.my"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    settings.LANGUAGE_COOKIE_SECURE = True
    return settings


@pytest.fixture
def secure_client(client, production):
    client.defaults.update(HTTP_HOST="international.adk.gov.my", **HTTPS)
    return client


def policy(response):
    directives = [part.strip() for part in response["Content-Security-Policy"].split(";")]
    return dict(directive.split(" ", 1) for directive in directives if directive)


def test_public_page_sends_every_security_header(secure_client, profile):
    response = secure_client.get("/en/")
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions
    assert policy(response) == PUBLIC_POLICY


@pytest.mark.parametrize("path", ["/ms/news/", "/ar/international/", "/en/contact/", "/ms/nope/"])
def test_public_pages_never_allow_inline_or_evaluated_script(secure_client, profile, path):
    header = secure_client.get(path)["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header
    assert policy(secure_client.get(path))["script-src"] == "'self'"


def test_plain_http_is_redirected_to_https(client, production):
    response = client.get("/en/news/?page=2", HTTP_HOST="international.adk.gov.my")
    assert response.status_code == 301
    assert response["Location"] == "https://international.adk.gov.my/en/news/?page=2"


def test_the_health_check_answers_over_plain_http(client, production):
    response = client.get("/healthz", HTTP_HOST="international.adk.gov.my")
    assert response.status_code == 200


def test_cookies_are_secure_and_out_of_reach_of_scripts(secure_client, django_user_model):
    response = secure_client.get("/en/contact/")
    for name in ("csrftoken", "django_language"):
        cookie = response.cookies[name]
        assert cookie["secure"] is True, name
        assert cookie["httponly"] is True, name
        assert cookie["samesite"] == "Lax", name

    django_user_model.objects.create_superuser("editor", "e@example.gov.my", "a-long-passphrase")
    response = secure_client.post(
        "/admin/login/?next=/admin/", password_step("editor", "a-long-passphrase")
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] is True
    assert session["httponly"] is True


def test_the_admin_has_a_looser_policy_of_its_own(staff_client, profile):
    response = staff_client.get(f"/admin/international/unitprofile/{profile.pk}/change/")
    admin_policy = policy(response)
    assert "'unsafe-inline'" in admin_policy["style-src"]
    assert admin_policy["object-src"] == "'none'"
    assert admin_policy["frame-ancestors"] == "'self'"
    assert "'unsafe-eval'" not in admin_policy["script-src"]
    assert policy(staff_client.get("/en/")) == PUBLIC_POLICY


def production_environment(tmp_path):
    return {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "international.adk.gov.my",
        "DJANGO_CSRF_TRUSTED_ORIGINS": "https://international.adk.gov.my",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "CONTACT_TRUSTED_PROXIES": "1",
    }


def deployment_check(environment):
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_deployment_checks_pass_with_the_documented_variables(tmp_path):
    result = deployment_check(production_environment(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_https_redirect_can_be_left_to_the_proxy(tmp_path):
    environment = production_environment(tmp_path) | {"DJANGO_SECURE_SSL_REDIRECT": "0"}
    result = deployment_check(environment)
    # Django's own warning that the site no longer redirects to HTTPS.
    assert "security.W008" in result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    environment = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "DJANGO_DEBUG": "0"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr
