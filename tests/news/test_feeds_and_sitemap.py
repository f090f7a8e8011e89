import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from nada_site.models import Page
from news.models import Article
from tests.conftest import make_agreement
from tests.news.conftest import LANGUAGES, make_article

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_a_feed_of_its_published_articles(
    client, article, arabic_article, language
):
    make_article("draft", status=Article.Status.DRAFT)
    make_article("soon", published_at=timezone.now() + datetime.timedelta(hours=2))

    response = client.get(f"/{language}/news/feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == language
    links = [item.findtext("link") for item in channel.findall("item")]
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert f"http://testserver/{language}/news/{article.slug}/" in links
    assert getattr(article, f"title_{language}") in titles
    assert not any("/draft/" in link or "/soon/" in link for link in links)
    # A feed carries only the articles written in its language.
    assert (f"http://testserver/{language}/news/{arabic_article.slug}/" in links) == (
        language == "ar"
    )


def test_feed_items_carry_date_summary_and_categories(client, article):
    item = ET.fromstring(client.get("/en/news/feed/").content).find("channel/item")
    assert item.findtext("description") == article.summary_en
    assert item.findtext("pubDate")
    assert {element.text for element in item.findall("category")} == {"Global", "Rehabilitation"}


def urls_of(response):
    root = ET.fromstring(response.content)
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SITEMAP}url")
    }


def test_sitemap_lists_every_public_page_in_every_language(client, article, tag):
    make_agreement("mou-thailand")
    Page.objects.create(slug="privacy", title_ms="Dasar privasi", title_en="Privacy policy")
    urls = urls_of(client.get("/sitemap.xml"))
    for language in LANGUAGES:
        base = f"http://testserver/{language}"
        for path in (
            "/",
            "/international/",
            "/international/cooperation/",
            "/international/cooperation/mou-thailand/",
            "/news/",
            f"/news/{article.slug}/",
            "/news/category/global/",
            f"/news/tag/{tag.slug}/",
            "/pages/privacy/",
            "/contact/",
            "/sitemap/",
        ):
            assert base + path in urls, base + path
    alternates = urls[f"http://testserver/en/news/{article.slug}/"]
    assert alternates == {
        "ms": f"http://testserver/ms/news/{article.slug}/",
        "en": f"http://testserver/en/news/{article.slug}/",
        "ar": f"http://testserver/ar/news/{article.slug}/",
        "x-default": f"http://testserver/news/{article.slug}/",
    }


def test_sitemap_lists_an_article_only_in_the_languages_it_exists_in(client, category):
    article = make_article("two-languages", title_en="In English", title_ar="بالعربية")
    urls = urls_of(client.get("/sitemap.xml"))
    assert "http://testserver/ms/news/two-languages/" not in urls
    assert urls["http://testserver/ar/news/two-languages/"] == {
        "en": f"http://testserver/en/news/{article.slug}/",
        "ar": f"http://testserver/ar/news/{article.slug}/",
    }


def test_sitemap_leaves_out_drafts_and_scheduled_articles(client, category):
    make_article("draft", status=Article.Status.DRAFT)
    make_article("soon", published_at=timezone.now() + datetime.timedelta(days=1))
    content = client.get("/sitemap.xml").content.decode()
    assert "/news/draft/" not in content
    assert "/news/soon/" not in content
    # A category with nothing published is left out too.
    assert "/news/category/global/" not in content


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()
