import datetime
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image

from news.images import rendition_name
from news.models import Article
from tests.news.conftest import image_bytes, image_upload, make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(staff_client):
    """The admin in English, so that messages can be checked by their text."""
    staff_client.cookies["django_language"] = "en"
    return staff_client


def article_form(category, **fields):
    data = {
        "title_ms": "",
        "title_en": "",
        "title_ar": "",
        "slug": "",
        "status": "published",
        "published_at_0": "2024-05-03",
        "published_at_1": "15:00:00",
        "category": category.pk,
        "key_points-TOTAL_FORMS": "0",
        "key_points-INITIAL_FORMS": "0",
        "key_points-MIN_NUM_FORMS": "0",
        "key_points-MAX_NUM_FORMS": "1000",
    }
    data.update(fields)
    return data


def test_an_article_can_be_written_in_arabic_alone_with_its_key_points(staff_client, category):
    data = article_form(
        category,
        title_ar="زيارة مديرية شؤون المخدرات",
        slug="baghdad-visit",
        **{
            "key_points-TOTAL_FORMS": "2",
            "key_points-0-order": "2",
            "key_points-0-heading_ar": "الخطوة الثانية",
            "key_points-1-order": "1",
            "key_points-1-heading_ar": "الخطوة الأولى",
        },
    )
    response = staff_client.post("/admin/news/article/add/", data)
    assert response.status_code == 302, response.context["adminform"].errors
    article = Article.objects.get(slug="baghdad-visit")
    assert article.available_languages == ["ar"]
    assert [point.heading_ar for point in article.key_points.all()] == [
        "الخطوة الأولى",
        "الخطوة الثانية",
    ]
    assert timezone.localtime(article.published_at).hour == 15


def test_an_article_without_any_title_is_refused(staff_client, category):
    response = staff_client.post("/admin/news/article/add/", article_form(category, summary_en="x"))
    assert response.status_code == 200
    assert "Give the article a title in at least one language." in response.content.decode()
    assert not Article.objects.exists()


def test_an_image_without_description_is_refused(staff_client, category):
    data = article_form(category, title_en="With image", image=image_upload())
    response = staff_client.post("/admin/news/article/add/", data)
    assert response.status_code == 200
    assert "Describe the image" in response.content.decode()


def test_an_image_that_is_not_allowed_is_refused(staff_client, category):

    gif = SimpleUploadedFile("anim.gif", image_bytes((40, 30), "GIF"))
    data = article_form(category, title_en="With GIF", image=gif, image_alt_en="A picture")
    response = staff_client.post("/admin/news/article/add/", data)
    assert response.status_code == 200
    assert "Only JPEG, PNG and WebP images" in response.content.decode()
    assert not Article.objects.exists()


def test_saving_an_image_makes_its_renditions(staff_client, category, settings):
    data = article_form(
        category, title_en="With image", image=image_upload(), image_alt_en="Delegates"
    )
    response = staff_client.post("/admin/news/article/add/", data)
    assert response.status_code == 302, response.context["adminform"].errors
    assert len(list((settings.MEDIA_ROOT / "news" / "renditions").iterdir())) == 4


def test_saving_an_image_records_its_renditions_on_the_article(staff_client, category):
    data = article_form(
        category, title_en="With image", image=image_upload(), image_alt_en="Delegates"
    )
    assert staff_client.post("/admin/news/article/add/", data).status_code == 302
    article = Article.objects.get()
    assert article.image_renditions == [
        rendition_name(article.image.name, width) for width in (320, 640, 960, 1280)
    ]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?status__exact=draft",
        "?language=ms",
        "?language=no-ms",
        "?language=nonsense",
        "?q=meeting",
        "?published_at__year=2024",
        "?category__id__exact=1",
    ],
)
def test_the_article_list_filters_and_searches(staff_client, article, arabic_article, query):
    response = staff_client.get(f"/admin/news/article/{query}")
    assert response.status_code == 200


def test_the_language_filter_finds_articles_missing_a_language(
    staff_client, article, arabic_article
):
    html = staff_client.get("/admin/news/article/?language=no-ms").content.decode()
    assert arabic_article.title_ar in html
    assert article.title_ms not in html
    listing = staff_client.get("/admin/news/article/").content.decode()
    assert "Malay: complete, English: complete, Arabic: complete" in listing


def test_publish_and_withdraw_actions(staff_client, category):
    draft = make_article("draft", status=Article.Status.DRAFT)
    live = make_article("live")
    staff_client.post(
        "/admin/news/article/",
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    staff_client.post(
        "/admin/news/article/",
        {"action": "withdraw", "_selected_action": [live.pk]},
    )
    draft.refresh_from_db()
    live.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert live.status == Article.Status.WITHDRAWN
    assert staff_client.get(f"/en/news/{draft.slug}/").status_code == 200
    assert Client().get(f"/en/news/{live.slug}/").status_code == 404


def test_the_change_page_offers_view_on_site_and_language_tabs(staff_client, article):
    html = staff_client.get(f"/admin/news/article/{article.pk}/change/").content.decode()
    assert 'href="/admin/r/' in html  # view on site
    assert 'name="title_ar"' in html
    assert 'dir="rtl"' in html
    assert "key_points-TOTAL_FORMS" in html


def test_categories_and_tags_are_managed_in_the_admin(staff_client, category, tag):
    assert staff_client.get("/admin/news/category/").status_code == 200
    assert staff_client.get("/admin/news/tag/").status_code == 200
    assert staff_client.get(f"/admin/news/tag/{tag.pk}/change/").status_code == 200


def test_a_future_publication_time_schedules_the_article(staff_client, category):
    later = timezone.localtime() + datetime.timedelta(days=1)
    data = article_form(
        category,
        title_en="Scheduled",
        slug="scheduled",
        published_at_0=later.strftime("%Y-%m-%d"),
        published_at_1=later.strftime("%H:%M:%S"),
    )
    assert staff_client.post("/admin/news/article/add/", data).status_code == 302
    assert Client().get("/en/news/scheduled/").status_code == 404


def test_a_photo_taken_sideways_is_stored_upright(staff_client, category, settings):
    buffer = BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was turned: show the picture rotated a quarter turn
    Image.new("RGB", (800, 600)).save(buffer, "JPEG", exif=exif)
    photo = SimpleUploadedFile("sideways.jpg", buffer.getvalue())
    data = article_form(
        category, title_en="Sideways", slug="sideways", image=photo, image_alt_en="A photo"
    )
    assert staff_client.post("/admin/news/article/add/", data).status_code == 302
    article = Article.objects.get(slug="sideways")
    assert (article.image_width, article.image_height) == (600, 800)
    html = staff_client.get("/en/news/sideways/").content.decode()
    assert 'width="600" height="800"' in html
