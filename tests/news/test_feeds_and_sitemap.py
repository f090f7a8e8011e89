import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from news.models import Article
from news.sections import ArticleSitemap
from tests.conftest import make_agreement, make_page
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
    assert item.findtext("description") == f"<p>{article.summary_en}</p>"
    assert item.findtext("pubDate")
    assert {element.text for element in item.findall("category")} == {"Global", "Rehabilitation"}


def test_a_summary_reaches_feed_readers_as_the_text_it_is(client):
    make_article(
        "tricky", title_en="Fish & chips", summary_en="Read <b>this</b> & <script>x</script>"
    )
    item = ET.fromstring(client.get("/en/news/feed/").content).find("channel/item")
    # A description is HTML to a feed reader: the summary's own "<" arrives as "&lt;".
    assert item.findtext("description") == (
        "<p>Read &lt;b&gt;this&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;</p>"
    )
    assert item.findtext("title") == "Fish & chips"


def sections_of(client):
    """The section addresses listed by the sitemap index, as paths."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [loc.text.removeprefix("http://testserver") for loc in root.iter(f"{SITEMAP}loc")]


def sitemap_urls(client):
    """Every address of every section of the sitemap, with its hreflang alternates."""
    urls = {}
    for section in sections_of(client):
        response = client.get(section)
        assert response.status_code == 200, section
        for url in ET.fromstring(response.content).findall(f"{SITEMAP}url"):
            urls[url.findtext(f"{SITEMAP}loc")] = {
                link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
            }
    return urls


def test_sitemap_lists_every_public_page_in_every_language(client, article, tag):
    make_agreement("mou-thailand")
    make_page(slug="privacy", title_ms="Dasar privasi", title_en="Privacy policy")
    urls = sitemap_urls(client)
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
    urls = sitemap_urls(client)
    assert "http://testserver/ms/news/two-languages/" not in urls
    assert urls["http://testserver/ar/news/two-languages/"] == {
        "en": f"http://testserver/en/news/{article.slug}/",
        "ar": f"http://testserver/ar/news/{article.slug}/",
    }


def test_sitemap_leaves_out_drafts_and_scheduled_articles(client, category):
    make_article("draft", status=Article.Status.DRAFT)
    make_article("soon", published_at=timezone.now() + datetime.timedelta(days=1))
    content = "".join(client.get(section).content.decode() for section in sections_of(client))
    assert "/news/draft/" not in content
    assert "/news/soon/" not in content
    # A category with nothing published is left out too.
    assert "/news/category/global/" not in content


def test_the_news_sitemap_has_a_section_per_language_paged_in_order(client, category, monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    for number in range(5):
        make_article(
            f"item-{number}", published_at=timezone.now() - datetime.timedelta(days=number)
        )
    sections = sections_of(client)
    for language in LANGUAGES:
        assert f"/sitemap-news-{language}.xml" in sections
    assert "/sitemap-news-en.xml?p=3" in sections
    assert "/sitemap-news-en.xml?p=4" not in sections
    second = ET.fromstring(client.get("/sitemap-news-en.xml?p=2").content)
    assert [loc.text for loc in second.iter(f"{SITEMAP}loc")] == [
        "http://testserver/en/news/item-2/",
        "http://testserver/en/news/item-3/",
    ]


@pytest.mark.parametrize(
    "path",
    ["/sitemap-unknown.xml", "/sitemap-news-en.xml?p=9", "/sitemap-news-en.xml?p=x"],
)
def test_an_unknown_sitemap_section_or_page_is_not_found(client, article, path):
    assert client.get(path).status_code == 404


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()
