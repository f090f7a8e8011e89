"""
Page weight: the home page and an article without images, with the files they
load, stay under 100 KB on the wire (gzip, as WhiteNoise and the proxy send
them). Content images are counted apart: they come in renditions sized for
their slot.
"""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command

from news.models import Article

pytestmark = pytest.mark.django_db

BUDGET = 100 * 1024
ASSET = re.compile(r'<(?:link|script)\b[^>]*?(?:href|src)="/static/([^"?#]+)"')


def transferred(client, url):
    """The page's HTML, and the bytes sent for it and every static file it loads, gzipped."""
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    sizes = {url: len(gzip.compress(response.content))}
    for path in set(ASSET.findall(html)):
        found = finders.find(path)
        assert found, path
        with open(found, "rb") as asset:
            sizes[path] = len(gzip.compress(asset.read()))
    return html, sizes


@pytest.fixture
def demo_site():
    call_command("load_demo_content", verbosity=0)


@pytest.mark.parametrize("language", ["ms", "en", "ar"])
def test_the_home_page_weighs_under_100_kb(client, demo_site, language):
    _html, sizes = transferred(client, f"/{language}/")
    assert "css/site.css" in sizes
    assert sum(sizes.values()) < BUDGET, sizes


@pytest.mark.parametrize("language", ["ms", "en", "ar"])
def test_an_article_without_images_weighs_under_100_kb(client, demo_site, language):
    article = max(
        Article.objects.published().filter(image=""),
        key=lambda article: len(article.body_ms or "") + len(article.body_en or ""),
    )
    html, sizes = transferred(client, f"/{language}/news/{article.slug}/")
    assert "<img" not in html
    assert sum(sizes.values()) < BUDGET, sizes
