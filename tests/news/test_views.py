import datetime
import json
import re

import pytest
from django.utils import timezone

from news.models import Article, KeyPoint
from tests.news.conftest import LANGUAGES, make_article, make_category, make_tag

pytestmark = pytest.mark.django_db

HEADINGS = {"ms": "Berita", "en": "News", "ar": "الأخبار"}


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_list_shows_published_articles_in_the_page_language(client, article, language):
    html = page(client, f"/{language}/news/")
    assert f"<h1>{HEADINGS[language]}</h1>" in html
    assert getattr(article, f"title_{language}") in html
    assert getattr(article, f"summary_{language}") in html
    assert 'datetime="' in html
    assert "/news/category/global/" in html
    assert "language-label" not in html


def test_arabic_pages_are_right_to_left(client, article):
    html = page(client, "/ar/news/")
    assert '<html lang="ar" dir="rtl">' in html
    html = page(client, f"/ar/news/{article.slug}/")
    assert '<html lang="ar" dir="rtl">' in html


def test_news_list_is_newest_first_and_hides_drafts_and_scheduled_articles(client, category):
    now = timezone.now()
    make_article("older", title_en="Older item", published_at=now - datetime.timedelta(days=2))
    make_article("newer", title_en="Newer item", published_at=now - datetime.timedelta(days=1))
    make_article("draft", title_en="Draft item", status=Article.Status.DRAFT)
    make_article("soon", title_en="Future item", published_at=now + datetime.timedelta(days=1))

    html = page(client, "/en/news/")

    assert html.index("Newer item") < html.index("Older item")
    assert "Draft item" not in html
    assert "Future item" not in html


@pytest.mark.parametrize("language", ["ms", "en"])
def test_an_article_not_in_the_page_language_is_listed_in_its_own_marked(
    client, arabic_article, language
):
    html = page(client, f"/{language}/news/")
    assert f'lang="ar" dir="rtl">{arabic_article.title_ar}</a>' in html
    assert 'class="language-label"' in html
    label = {"ms": "Dalam Bahasa Arab", "en": "In Arabic"}[language]
    assert label in html


def test_an_article_in_the_page_language_is_not_marked(client, arabic_article):
    html = page(client, "/ar/news/")
    assert f">{arabic_article.title_ar}</a>" in html
    assert 'class="language-label"' not in html


@pytest.mark.parametrize(
    "query",
    ["page=abc", "page=0", "page=-3", "page=99999", "page=%00", "page=1.5", "page=last&page=x"],
)
def test_bad_page_numbers_show_a_real_page(client, category, query):
    for number in range(3):
        make_article(f"item-{number}")
    for language in LANGUAGES:
        page(client, f"/{language}/news/?{query}")
        page(client, f"/{language}/news/category/global/?{query}")


def test_the_list_is_paginated(client, category):
    for number in range(13):
        make_article(f"item-{number}", title_en=f"Item number {number}")
    first = page(client, "/en/news/")
    assert "Page 1 of 2" in first
    assert 'rel="next"' in first
    last = page(client, "/en/news/?page=2")
    assert "Item number 0<" in last


@pytest.mark.parametrize("language", LANGUAGES)
def test_category_page_lists_only_its_articles(client, article, language):
    other = make_category("events", name_en="Events", name_ms="Acara", name_ar="فعاليات")
    make_article("elsewhere", category=other, title_ms="Lain", title_en="Elsewhere", title_ar="آخر")

    html = page(client, f"/{language}/news/category/global/")

    assert getattr(article.category, f"name_{language}") in html
    assert getattr(article, f"title_{language}") in html
    assert "/news/elsewhere/" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_tag_page_lists_only_its_articles(client, article, tag, language):
    make_article("untagged", title_en="Untagged")

    html = page(client, f"/{language}/news/tag/{tag.slug}/")

    assert getattr(tag, f"name_{language}") in html
    assert f"/{language}/news/{article.slug}/" in html
    assert "/news/untagged/" not in html


@pytest.mark.parametrize(
    "url",
    ["/en/news/category/nope/", "/en/news/tag/nope/", "/en/news/nope/", "/en/news/bad%20slug/"],
)
def test_unknown_addresses_are_not_found(client, db, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_page_shows_everything_in_the_page_language(client, article, language):
    KeyPoint.objects.create(
        article=article, order=2, heading_ms="Kedua", heading_en="Second", heading_ar="الثانية"
    )
    KeyPoint.objects.create(
        article=article, order=1, heading_ms="Pertama", heading_en="First", heading_ar="الأولى"
    )
    html = page(client, f"/{language}/news/{article.slug}/")

    assert html.count("<h1") == 1
    assert f"<h1>{getattr(article, f'title_{language}')}</h1>" in html
    local = timezone.localtime(article.published_at)
    assert f'<time datetime="{local.isoformat()}">' in html
    assert getattr(article, f"body_{language}") in html
    points = re.search(r'<ol class="numbered">(.*?)</ol>', html, re.S).group(1)
    first = {"ms": "Pertama", "en": "First", "ar": "الأولى"}[language]
    second = {"ms": "Kedua", "en": "Second", "ar": "الثانية"}[language]
    assert points.index(first) < points.index(second)
    source_label = {"ms": "Sumber:", "en": "Source:", "ar": "المصدر:"}[language]
    source = getattr(article, f"source_name_{language}")
    assert (
        f'{source_label} <a href="https://www.moha.gov.my/" rel="noopener noreferrer">{source}</a>'
        in html
    )
    assert f"/{language}/news/tag/{article.tags.get().slug}/" in html
    assert 'class="fallback-note"' not in html


def test_source_without_address_is_plain_text(client, category):
    article = make_article("plain-source", title_en="Title", source_name_en="Iraq News Network")
    html = page(client, f"/en/news/{article.slug}/")
    assert "Source: <span>Iraq News Network</span>" in html


@pytest.mark.parametrize("language", ["ms", "en"])
def test_an_arabic_only_article_is_shown_marked_with_a_note(client, arabic_article, language):
    html = page(client, f"/{language}/news/{arabic_article.slug}/")
    assert f'<h1 lang="ar" dir="rtl">{arabic_article.title_ar}</h1>' in html
    assert 'class="fallback-note"' in html
    assert "/ar/news/baghdad-visit/" in html  # "also available in" Arabic


def test_drafts_and_scheduled_articles_are_hidden_from_visitors(client, category):
    draft = make_article("draft", status=Article.Status.DRAFT)
    scheduled = make_article("soon", published_at=timezone.now() + datetime.timedelta(days=1))
    for language in LANGUAGES:
        assert client.get(f"/{language}/news/{draft.slug}/").status_code == 404
        assert client.get(f"/{language}/news/{scheduled.slug}/").status_code == 404


def test_a_signed_in_non_staff_user_cannot_preview(client, django_user_model, category):
    draft = make_article("draft", status=Article.Status.DRAFT)
    client.force_login(django_user_model.objects.create_user("reader", password="pw"))
    assert client.get(f"/en/news/{draft.slug}/").status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_can_preview_a_draft_and_a_scheduled_article(staff_client, category, language):
    draft = make_article("draft", status=Article.Status.DRAFT)
    scheduled = make_article("soon", published_at=timezone.now() + datetime.timedelta(days=1))

    response = staff_client.get(f"/{language}/news/{draft.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="preview-note"' in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "no-cache" in response["Cache-Control"]

    assert 'class="preview-note"' in page(staff_client, f"/{language}/news/{scheduled.slug}/")
    # Previews stay out of lists.
    assert f"/news/{draft.slug}/" not in page(staff_client, f"/{language}/news/")


def test_read_also_puts_hand_picked_articles_first_then_shared_tags_or_category(
    client, category, tag
):
    now = timezone.now()
    other_category = make_category("events")
    current = make_article("current", tags=[tag], published_at=now - datetime.timedelta(days=9))
    picked = make_article(
        "picked", category=other_category, published_at=now - datetime.timedelta(days=30)
    )
    same_tag = make_article(
        "same-tag",
        category=other_category,
        tags=[tag],
        published_at=now - datetime.timedelta(days=2),
    )
    same_category = make_article("same-category", published_at=now - datetime.timedelta(days=1))
    make_article(
        "unrelated", category=other_category, published_at=now - datetime.timedelta(hours=3)
    )
    draft = make_article("draft-related", tags=[tag], status=Article.Status.DRAFT)
    current.related.set([picked, draft, current])

    html = page(client, "/en/news/current/")
    read_also = html[html.index('id="read-also-heading"') :]

    found = re.findall(r'href="/en/news/([a-z-]+)/"', read_also)
    assert found == [picked.slug, same_category.slug, same_tag.slug]
    assert "/en/news/current/" not in read_also


def test_read_also_is_left_out_when_there_is_nothing_to_read(client, article):
    assert "read-also-heading" not in page(client, f"/en/news/{article.slug}/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_page_has_open_graph_and_news_article_data(client, article, language):
    html = page(client, f"/{language}/news/{article.slug}/")
    title = getattr(article, f"title_{language}")
    assert f'<meta property="og:title" content="{title}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert (
        f'<meta property="og:url" content="http://testserver/{language}/news/{article.slug}/">'
        in html
    )
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == title
    assert data["inLanguage"] == language
    assert data["datePublished"] == article.published_at.isoformat()
    assert data["isBasedOn"] == "https://www.moha.gov.my/"


def test_scripts_in_fields_are_shown_as_text(client, category):
    attack = "</script><script>alert(1)</script>"
    article = make_article(
        "attack", title_en=f"Title {attack}", summary_en=attack, source_name_en=attack
    )
    make_tag("attack-tag", name_en=attack)
    for url in ("/en/news/", f"/en/news/{article.slug}/"):
        html = page(client, url)
        assert "<script>alert(1)</script>" not in html
    data = re.search(
        r'<script type="application/ld\+json">(.*?)</script>',
        page(client, f"/en/news/{article.slug}/"),
        re.S,
    ).group(1)
    assert "</script" not in data
    assert json.loads(data)["headline"] == f"Title {attack}"


def test_navigation_leads_to_the_news_and_marks_it_current(client, db):
    for language in LANGUAGES:
        html = page(client, f"/{language}/news/")
        assert f'<a href="/{language}/news/" aria-current="page">' in html


def test_the_list_links_to_the_feed_of_its_language(client, db):
    for language in LANGUAGES:
        html = page(client, f"/{language}/news/")
        assert 'type="application/rss+xml"' in html
        assert f'href="/{language}/news/feed/"' in html


def test_a_fallback_page_names_the_article_in_its_own_language_as_canonical(client, arabic_article):
    html = page(client, f"/en/news/{arabic_article.slug}/")
    assert f'<link rel="canonical" href="http://testserver/ar/news/{arabic_article.slug}/">' in html


@pytest.mark.parametrize(
    "query",
    [
        "page=99999999999999999999999999",
        "page=%ff%fe",
        "page[]=1",
        "q=%00&page=%00",
        "utm_source=<script>alert(1)</script>",
        "q=" + "a" * 3000,
        "&&&==&",
    ],
)
def test_odd_query_strings_never_break_a_news_page(client, article, tag, query):
    for language in LANGUAGES:
        for path in (
            "/news/",
            "/news/category/global/",
            f"/news/tag/{tag.slug}/",
            f"/news/{article.slug}/",
            "/search/",
            "/news/feed/",
        ):
            response = client.get(f"/{language}{path}?{query}")
            assert response.status_code == 200, (path, query)
            assert b"<script>alert(1)</script>" not in response.content
