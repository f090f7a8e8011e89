"""
When something breaks: the database unreachable, an unknown page, a server
error. Visitors get a short page in their language, never a traceback; the
health check says what is down; logs are JSON lines.
"""

import json
import logging

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import path

from nada_site import urls as site_urls
from nada_site.logs import JsonFormatter

pytestmark = pytest.mark.django_db

UNAVAILABLE = {
    "ms": "Tidak tersedia buat sementara waktu",
    "en": "Temporarily unavailable",
    "ar": "غير متاح مؤقتًا",
}
NOT_FOUND = {"ms": "Halaman tidak dijumpai", "en": "Page not found", "ar": "الصفحة غير موجودة"}
SERVER_ERROR = {"ms": "Berlaku ralat", "en": "Something went wrong", "ar": "حدث خطأ ما"}
BAD_REQUEST = {"ms": "Permintaan tidak sah", "en": "Bad request", "ar": "طلب غير صالح"}
DENIED = {"ms": "Akses ditolak", "en": "Access denied", "ar": "الوصول مرفوض"}


@pytest.fixture
def database_down(monkeypatch):
    """Every new use of the database fails as if the server were unreachable."""

    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(connection, "ensure_connection", refuse)
    monkeypatch.setattr(connection, "cursor", refuse)


@pytest.fixture
def broken_views(settings):
    """A URLconf with views that fail, beside the site's own routes."""

    def fails(request):
        raise RuntimeError("a bug")

    def denied(request):
        from django.core.exceptions import PermissionDenied, SuspiciousOperation

        if "suspicious" in request.path:
            raise SuspiciousOperation("a tampered request")
        raise PermissionDenied

    from django.conf.urls.i18n import i18n_patterns

    module = type(site_urls)("broken_urls")
    module.urlpatterns = site_urls.urlpatterns + i18n_patterns(
        path("fails/", fails), path("denied/", denied), path("suspicious/", denied)
    )
    for name in ("handler400", "handler403", "handler404", "handler500"):
        setattr(module, name, getattr(site_urls, name))
    settings.ROOT_URLCONF = module
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("language", ["ms", "en", "ar"])
def test_database_down_gives_a_translated_503_without_a_traceback(
    client, profile, database_down, language
):
    response = client.get(f"/{language}/international/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert UNAVAILABLE[language] in html
    assert f'lang="{language}"' in html
    assert "Traceback" not in html
    assert "OperationalError" not in html


def test_database_down_in_a_middleware_also_gives_the_503(database_down, settings):
    # The session is read by the authentication middleware, before any view.
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "a" * 32
    response = client.get("/en/news/")
    assert response.status_code == 503
    assert UNAVAILABLE["en"] in response.content.decode()


def test_the_arabic_503_is_right_to_left(client, database_down):
    html = client.get("/ar/news/").content.decode()
    assert 'dir="rtl"' in html


@pytest.mark.parametrize("language", ["ms", "en", "ar"])
def test_unknown_page_is_a_translated_404(client, language):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert NOT_FOUND[language] in html
    assert f'lang="{language}"' in html


def test_the_arabic_404_is_right_to_left(client):
    html = client.get("/ar/no-such-page/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html


@pytest.mark.parametrize("language", ["ms", "en", "ar"])
def test_a_server_error_is_a_translated_500(broken_views, language):
    response = broken_views.get(f"/{language}/fails/")
    assert response.status_code == 500
    html = response.content.decode()
    assert SERVER_ERROR[language] in html
    assert f'lang="{language}"' in html
    assert "RuntimeError" not in html


@pytest.mark.parametrize("language", ["ms", "en", "ar"])
def test_a_refused_request_is_a_translated_403(broken_views, language):
    response = broken_views.get(f"/{language}/denied/")
    assert response.status_code == 403
    assert DENIED[language] in response.content.decode()


@pytest.mark.parametrize("language", ["ms", "en", "ar"])
def test_a_tampered_request_is_a_translated_400(broken_views, language):
    response = broken_views.get(f"/{language}/suspicious/")
    assert response.status_code == 400
    assert BAD_REQUEST[language] in response.content.decode()


def test_the_500_and_503_pages_need_no_database(database_down, broken_views):
    response = broken_views.get("/en/fails/")
    assert response.status_code == 500
    assert SERVER_ERROR["en"] in response.content.decode()


def test_health_check_is_ok_when_database_and_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_health_check_reports_an_unreachable_database(client, database_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    assert response.json()["cache"] == "ok"


def test_health_check_reports_an_unreachable_cache(client, monkeypatch):
    from django.core.cache.backends.locmem import LocMemCache

    def refuse(*args, **kwargs):
        raise ConnectionError("Connection refused")

    monkeypatch.setattr(LocMemCache, "set", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "unavailable"}


def test_logs_are_one_json_object_per_line(rf):
    request = rf.get("/en/news/")
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/en/news/",), None
    )
    record.request = request
    record.status_code = 404
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "django.request"
    assert entry["message"] == "Not Found: /en/news/"
    assert entry["path"] == "/en/news/"
    assert entry["status"] == 404
    assert entry["time"].endswith("+00:00")


def test_a_logged_exception_stays_on_one_line():
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    entry = json.loads(JsonFormatter().format(record))
    assert "ValueError: boom" in entry["exception"]


def test_a_logged_extra_is_a_field_and_the_request_object_is_not(rf):
    record = logging.LogRecord("contact", logging.INFO, __file__, 1, "sent", (), None)
    record.request = rf.post("/ms/contact/")
    record.reference = "UA-2026-7K3M9Q"
    entry = json.loads(JsonFormatter().format(record))
    assert entry["reference"] == "UA-2026-7K3M9Q"
    assert entry["method"] == "POST"
    assert "request" not in entry
