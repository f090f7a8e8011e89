"""Every news page makes the same number of queries, whether there are 5 articles or 500."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.images import make_renditions
from news.models import Article, KeyPoint
from tests.news.conftest import LANGUAGES, image_bytes, make_category, make_tag

pytestmark = pytest.mark.django_db

# Queries of each page's own, on top of those every page makes.
PAGE_QUERIES = {
    "/news/": 3,  # count, page, when the news last changed (its SPLaSK timestamp)
    "/news/category/global/": 3,  # category, count, page
    "/news/tag/tag-0/": 3,  # tag, count, page
    "/news/item-0/": 5,  # article, its tags, its key points, hand-picked, top-up
    "/news/feed/": 2,  # articles, their tags
    # One per type of the site search (news, pages, questions, agreements,
    # publications, events, announcements); on PostgreSQL the transaction's
    # savepoint, its statement timeout and its release.
    "/search/?type=news&q=item": 7 + (3 if connection.vendor == "postgresql" else 0),
}


def build_articles(count):
    """`count` published articles, a third of them in Arabic alone, some with images."""
    categories = [make_category("global"), make_category("events", name_en="Events")]
    tags = [make_tag(f"tag-{number}", name_en=f"Tag {number}") for number in range(5)]
    image = default_storage.save("news/photo.jpg", ContentFile(image_bytes((800, 450))))
    # Its renditions made and recorded, as when staff save an image in the admin.
    photo = Article(image=image, image_width=800, image_height=450)
    make_renditions(photo)
    now = timezone.now()
    articles = []
    for number in range(count):
        titles = {"title_ar": f"خبر item {number}"}
        if number % 3:
            titles.update(title_ms=f"Berita item {number}", title_en=f"News item {number}")
        articles.append(
            Article(
                slug=f"item-{number}",
                category=categories[number % 2],
                status=Article.Status.PUBLISHED,
                published_at=now - datetime.timedelta(minutes=number + 1),
                summary_en=f"Summary {number}",
                summary_ar=f"ملخص {number}",
                image=image if number % 4 == 0 else "",
                image_width=800 if number % 4 == 0 else None,
                image_height=450 if number % 4 == 0 else None,
                image_renditions=photo.image_renditions if number % 4 == 0 else [],
                image_alt_ar="صورة",
                image_alt_en="A photo",
                image_alt_ms="Foto",
                **titles,
            )
        )
    articles = Article.objects.bulk_create(articles)
    Through = Article.tags.through
    Through.objects.bulk_create(
        Through(article_id=article.pk, tag_id=tags[index % 5].pk)
        for index, article in enumerate(articles)
    )
    Through.objects.bulk_create(
        Through(article_id=article.pk, tag_id=tags[(index + 1) % 5].pk)
        for index, article in enumerate(articles)
    )
    first = articles[0]
    KeyPoint.objects.bulk_create(
        KeyPoint(article=first, order=order, heading_en=f"Point {order}") for order in range(5)
    )
    first.related.set(articles[-3:])
    # Drafts and scheduled articles are there too, and stay out of sight.
    Article.objects.bulk_create(
        [
            Article(slug="draft", category=categories[0], title_en="Draft"),
            Article(
                slug="scheduled",
                category=categories[0],
                title_en="Scheduled",
                status=Article.Status.PUBLISHED,
                published_at=now + datetime.timedelta(days=1),
            ),
        ]
    )
    return articles


@pytest.mark.parametrize("size", [5, 500])
@pytest.mark.parametrize("path", list(PAGE_QUERIES))
def test_news_pages_make_a_constant_number_of_queries(
    client, django_assert_num_queries, site_queries, path, size
):
    build_articles(size)
    for language in LANGUAGES:
        # The feed is XML: it has none of the shared parts of an HTML page.
        shared = 0 if path.endswith("/feed/") else site_queries(language)
        expected = shared + PAGE_QUERIES[path]
        with django_assert_num_queries(expected):
            response = client.get(f"/{language}{path}")
        assert response.status_code == 200


@pytest.mark.parametrize("path", ["/", "/news/?page=2", "/news/?page=999"])
def test_the_home_page_and_later_pages_do_not_grow_with_the_news(
    client, django_assert_num_queries, path
):
    articles = build_articles(20)
    client.get(f"/en{path}")  # The site settings are cached from the first page on.
    with CaptureQueriesContext(connection) as small:
        assert client.get(f"/en{path}").status_code == 200
    now = timezone.now()
    more = Article.objects.bulk_create(
        Article(
            slug=f"more-{number}",
            category=articles[0].category,
            title_en=f"More {number}",
            status=Article.Status.PUBLISHED,
            published_at=now - datetime.timedelta(days=1, minutes=number),
        )
        for number in range(480)
    )
    assert len(more) == 480
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(f"/en{path}").status_code == 200


def test_lists_leave_the_article_bodies_and_search_documents_in_the_database(article):
    # A list shows summaries; the bodies and search documents are the bulk of a row.
    listed = Article.objects.published().for_listing().get()
    assert {
        "body",
        "body_ms",
        "body_en",
        "body_ar",
        "search_ms",
        "search_en",
        "search_ar",
    } <= listed.get_deferred_fields()
