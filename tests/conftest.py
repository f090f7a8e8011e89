"""Shared fixtures: test-only settings and small factories for each app's content."""

import pytest
from django.db import connection
from django.utils import timezone, translation

from international.models import Agreement, Partner, UnitProfile
from nada_site.models import Page
from nada_site.workflow import Status

# Factories make public content published, as a Publisher would, unless told otherwise.
PUBLISHED = {"status": Status.PUBLISHED, "was_published": True}


# Tests that need PostgreSQL, each saying why; CI runs every test on both databases.
full_text_on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason=(
        "Full-text search (stemming, ranking, the arabic configuration, the GIN "
        "indexes) exists on PostgreSQL only; CI runs these tests there."
    ),
)
concurrent_writers_on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason=(
        "Threads saving side by side need a database that takes concurrent writers; "
        "SQLite's in-memory test database refuses them (table locked). CI runs this on PostgreSQL."
    ),
)


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    # The page cache is off unless a test turns it on (tests/nada_site/test_page_cache.py).
    settings.PAGE_CACHE_SECONDS = 0
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": str(tmp_path),
        }
    }
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def profile(db):
    return UnitProfile.objects.create(
        **PUBLISHED,
        name_ms="Unit Antarabangsa",
        name_en="International Unit",
        name_ar="الوحدة الدولية",
        introduction_ms="<p>Unit ini menyelaras kerjasama antarabangsa.</p>",
        introduction_en="<p>The unit coordinates international cooperation.</p>",
        introduction_ar="<p>تنسق الوحدة التعاون الدولي.</p>",
        address_ms="Kajang, Selangor",
        email="antarabangsa@example.gov.my",
        telephone="+603 0000 0000",
    )


def make_partner(slug="asean", **fields):
    fields.setdefault("kind", Partner.Kind.ORGANISATION)
    if fields["kind"] == Partner.Kind.ORGANISATION:
        fields.setdefault("name_ms", slug.upper())
    return Partner.objects.create(slug=slug, **fields)


def make_agreement(slug="mou-thailand", partners=(), **fields):
    fields.setdefault("title_ms", f"Perjanjian {slug}")
    fields.setdefault("kind", Agreement.Kind.BILATERAL)
    fields.setdefault("instrument", Agreement.Instrument.MOU)
    agreement = Agreement.objects.create(slug=slug, **{**PUBLISHED, **fields})
    agreement.partners.set(partners)
    return agreement


def publication_data(obj=None, status=Status.PUBLISHED):
    """The publication fields of an admin form, as a Publisher would post them."""
    when = timezone.localtime(obj.published_at if obj else timezone.now())
    return {
        "status": obj.status if obj else status,
        "published_at_0": when.strftime("%Y-%m-%d"),
        "published_at_1": when.strftime("%H:%M:%S"),
    }


def make_page(slug="about", **fields):
    fields.setdefault("title_ms", f"Halaman {slug}")
    return Page.objects.create(slug=slug, **{**PUBLISHED, **fields})


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("staff", "staff@example.gov.my", "pw")
    client.force_login(user)
    return client


def password_step(username, password):
    """The first step of the admin's sign-in (two-factor's wizard), as the browser posts it."""
    return {"login_view-current_step": "auth", "auth-username": username, "auth-password": password}


EDITOR_TOKEN = "editor-token-0123456789abcdef"


def post_to_editor(client, url, data, token=EDITOR_TOKEN):
    """Post as CKEditor 4 does: its own token in a cookie and a form field (see nada_site/uploads.py)."""
    client.cookies["ckCsrfToken"] = EDITOR_TOKEN
    return client.post(url, {**data, "ckCsrfToken": token})
