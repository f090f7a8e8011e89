"""Fixtures and small factories for the news tests."""

import datetime
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image

from news.models import Announcement, Article, Category, Tag

LANGUAGES = ["ms", "en", "ar"]


def make_category(slug="global", **fields):
    fields.setdefault("name_ms", "Global")
    fields.setdefault("name_en", "Global")
    fields.setdefault("name_ar", "دولي")
    return Category.objects.create(slug=slug, **fields)


def make_tag(slug="rehabilitation", **fields):
    fields.setdefault("name_ms", "Pemulihan")
    fields.setdefault("name_en", "Rehabilitation")
    fields.setdefault("name_ar", "إعادة التأهيل")
    return Tag.objects.create(slug=slug, **fields)


def make_article(slug="article", category=None, tags=(), **fields):
    """A published article in all three languages unless told otherwise."""
    if not any(key.startswith("title") for key in fields):
        fields.update(title_ms=f"Berita {slug}", title_en=f"News {slug}", title_ar=f"خبر {slug}")
    fields.setdefault("status", Article.Status.PUBLISHED)
    fields.setdefault("was_published", fields["status"] == Article.Status.PUBLISHED)
    fields.setdefault("published_at", timezone.now() - datetime.timedelta(hours=1))
    if category is None:
        category = Category.objects.filter(slug="global").first() or make_category()
    article = Article.objects.create(slug=slug, category=category, **fields)
    if tags:
        article.tags.set(tags)
    return article


def make_announcement(slug="notice", starts_at=None, ends_at=None, **fields):
    """A published announcement in all three languages, running from an hour ago for a week."""
    if not any(key.startswith("title") for key in fields):
        fields.update(
            title_ms=f"Pengumuman {slug}", title_en=f"Notice {slug}", title_ar=f"إعلان {slug}"
        )
    now = timezone.now()
    fields.setdefault("status", Announcement.Status.PUBLISHED)
    fields.setdefault("was_published", fields["status"] == Announcement.Status.PUBLISHED)
    fields.setdefault("published_at", now - datetime.timedelta(days=60))
    starts_at = starts_at or now - datetime.timedelta(hours=1)
    ends_at = ends_at or starts_at + datetime.timedelta(days=7)
    return Announcement.objects.create(slug=slug, starts_at=starts_at, ends_at=ends_at, **fields)


def image_bytes(size=(1600, 900), image_format="JPEG", color=(20, 90, 160)):
    buffer = BytesIO()
    Image.new("RGB", size, color).save(buffer, image_format)
    return buffer.getvalue()


def image_upload(name="photo.jpg", size=(1600, 900), image_format="JPEG"):
    return SimpleUploadedFile(name, image_bytes(size, image_format))


@pytest.fixture
def category(db):
    return make_category()


@pytest.fixture
def tag(db):
    return make_tag()


@pytest.fixture
def article(db, category, tag):
    return make_article(
        "regional-meeting",
        category=category,
        tags=[tag],
        title_ms="Mesyuarat serantau di Kuala Lumpur",
        title_en="Regional meeting in Kuala Lumpur",
        title_ar="اجتماع إقليمي في كوالالمبور",
        summary_ms="Ringkasan dalam bahasa Melayu.",
        summary_en="A summary in English.",
        summary_ar="ملخص باللغة العربية.",
        body_ms="<p>Isi berita.</p>",
        body_en="<p>The body of the news.</p>",
        body_ar="<p>نص الخبر.</p>",
        source_name_ms="Kementerian Dalam Negeri",
        source_name_en="Ministry of Home Affairs",
        source_name_ar="وزارة الداخلية",
        source_url="https://www.moha.gov.my/",
    )


@pytest.fixture
def arabic_article(db, category):
    """An article written in Arabic only, like the items from Iraq."""
    return make_article(
        "baghdad-visit",
        category=category,
        title_ar="زيارة إلى مديرية شؤون المخدرات",
        summary_ar="ملخص الزيارة.",
        body_ar="<p>نص الخبر.</p>",
    )


@pytest.fixture
def site_queries(client):
    """How many queries the site's shared parts (menu, footer) make on any page."""

    def count(language):
        # The site settings (header, footer) are cached from the first page on.
        client.get(f"/{language}/search/")
        with CaptureQueriesContext(connection) as context:
            # The search page without a search runs no query of its own.
            assert client.get(f"/{language}/search/").status_code == 200
        return len(context.captured_queries)

    return count
