"""
Every public URL pattern of the site, taken from the URLconf, answers
malformed, huge and hostile path segments and query strings without a server
error: a 4xx or a page, never a 5xx.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation

from tests.conftest import make_agreement, make_page, make_partner
from tests.events.conftest import make_event
from tests.news.conftest import make_article, make_category, make_tag
from tests.publications.conftest import make_publication, statistics_files

pytestmark = pytest.mark.django_db

STAFF_ONLY_PREFIXES = ("admin/", "ckeditor/")
CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")

HOSTILE_SEGMENTS = [
    "no-such-thing",
    "x" * 5000,
    "../../../../etc/passwd",
    "..%2f..%2f..%2fetc%2fpasswd",
    "%00",
    "%ff%fe%fd",
    "%",
    "%%32%65",
    "<script>alert(1)<%2fscript>",
    "'%20OR%201=1--",
    "%E2%80%AE%E2%80%8Bslug",
    "ملف-عربي",
    "0",
    "-1",
    "9" * 40,
    "slug;rm%20-rf",
    "%0d%0aSet-Cookie:%20x=1",
    "a/b/c/d/e/f",
]

HOSTILE_QUERIES = [
    "page=-1",
    "page=0",
    "page=99999999999999999999",
    "page=1e10",
    "page=abc",
    "page=",
    "page=1&page=2&page=x",
    "q=" + "x" * 10000,
    "q=%00%ff",
    "q=%",
    "q=<script>alert(1)</script>",
    "q=' OR 1=1 --",
    "q=" + "خبر " * 300,
    "kind=nonsense&partner=%ff&status[]=1&category=../../",
    "kind=statistics&year=" + "9" * 40 + "&language=%00",
    "year=-2025&language=" + "ar" * 2000,
    "partner=" + "9" * 40 + "&kind=bilateral",
    "tag=\x00&category=\u202e",
    "&&&==&=&",
    "a=" + "&a=".join(["1"] * 500),
    "lang=../../etc&next=javascript:alert(1)",
    "%zz=%zz",
]


def url_templates(patterns=None, prefix=""):
    """Every route of the URLconf as a template such as `ms/news/<slug:slug>/`."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for entry in patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from url_templates(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern) and not route.startswith("^"):
            yield prefix + route


def public_url_templates():
    with translation.override("ms"):
        templates = [t for t in url_templates() if not t.startswith(STAFF_ONLY_PREFIXES)]
    assert "ms/news/<slug:slug>/" in templates
    return templates


@pytest.fixture
def content(profile):
    """One item of each kind, so that the detail pages exist under `real`."""
    category = make_category("real")
    make_tag("real")
    make_article("real", category=category)
    make_agreement("real", partners=[make_partner("asean")])
    make_page(slug="real", title_ms="Halaman")
    make_publication("real", kind="statistics", files=statistics_files())
    make_event("real", zone="Europe/Vienna", city_ms="Vienna", country="AT")


def fill(template, value):
    return "/" + CONVERTER.sub(value, template)


def assert_no_server_error(client, url):
    response = client.get(url)
    assert response.status_code < 500, (url[:200], response.status_code)


def test_every_public_pattern_survives_hostile_paths_and_queries(client, content):
    templates = public_url_templates()
    for template in templates:
        for language in ("ms", "ar"):
            localized = re.sub(r"^ms/", f"{language}/", template)
            for query in HOSTILE_QUERIES:
                assert_no_server_error(client, fill(localized, "real") + "?" + query)
        if CONVERTER.search(template):
            for segment in HOSTILE_SEGMENTS:
                assert_no_server_error(client, fill(template, segment))
        # A hostile segment after the route, and the route without its language.
        assert_no_server_error(client, fill(template, "real") + HOSTILE_SEGMENTS[2])
        assert_no_server_error(client, fill(re.sub(r"^ms/", "", template), "real"))


@pytest.mark.parametrize(
    "path",
    [
        "/media/../nada_site/settings.py",
        "/static/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/xx/news/",
        "/ms" + "/x" * 2000,
        "/\\\\evil.example/",
        "//evil.example/%2f..",
        "/ms/news/%c0%ae%c0%ae/",
    ],
)
def test_paths_outside_every_pattern_are_not_found(client, path):
    response = client.get(path)
    assert response.status_code in {301, 302, 400, 404}


def test_an_overlong_host_or_odd_headers_are_refused_without_an_error(client):
    assert client.get("/ms/", HTTP_HOST="x" * 3000).status_code == 400
    response = client.get(
        "/ms/", HTTP_ACCEPT_LANGUAGE="x" * 5000, HTTP_COOKIE="django_language=" + "%" * 300
    )
    assert response.status_code == 200
