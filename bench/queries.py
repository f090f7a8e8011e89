"""
SQL queries per public page, at two sizes of the database, printed as a
table. Fails when a page makes more than MAX_QUERIES queries or when the
count changes with the size.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nada_bench \
        .venv/bin/python bench/queries.py --small 100 --large 10000

It (re)generates the data with bench/generate.py at each size, so use a
database kept for the benchmarks. The page cache is off while counting.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_PAGE_CACHE_SECONDS", "0")

import generate  # noqa: E402  (sets Django up)
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from events.models import Event  # noqa: E402
from international.models import Agreement  # noqa: E402
from news.models import Announcement, Article  # noqa: E402
from publications.models import Publication  # noqa: E402

MAX_QUERIES = 8
# Pages allowed more, and why.
LIMITS = {
    # The site search: one query per type searched (news, pages, questions,
    # agreements, publications, events, announcements), its transaction's
    # BEGIN, statement timeout and COMMIT, and the menus.
    "search": 11,
    # The same, and the two lists of its narrowings (categories, partners).
    "advanced search": 13,
    # Django's sitemap index counts each section's items to page them: one
    # query per section (news in three languages, categories, tags, pages,
    # agreements, publications, events, announcements), whatever their size.
    "sitemap index": 10,
}


def pages():
    article = Article.objects.filter(slug__startswith=generate.PREFIX).order_by("-published_at")[1]
    agreement = Agreement.objects.filter(slug__startswith=generate.PREFIX, texts__isnull=False)[0]
    announcement = Announcement.objects.ended().filter(slug__startswith=generate.PREFIX).first()
    publication = Publication.objects.filter(
        slug__startswith=generate.PREFIX, kind=Publication.Kind.STATISTICS
    ).first()
    event = Event.objects.past().filter(slug__startswith=generate.PREFIX).first()
    return {
        "home": "/en/",
        "unit page": "/en/international/",
        "cooperation list": "/en/international/cooperation/",
        "cooperation detail": agreement.get_absolute_url().replace("/ms/", "/en/", 1),
        "news list": "/en/news/",
        "article": f"/en/news/{article.slug}/",
        "category": f"/en/news/category/{article.category.slug}/",
        "tag": f"/en/news/tag/{article.tags.first().slug}/",
        "search": "/en/search/?q=cooperation",
        "advanced search": "/en/search/advanced/?q=cooperation&date_from=2020-01-01",
        "feed": "/en/news/feed/",
        "events": "/en/events/",
        "past events, page 2": "/en/events/?page=2",
        "event": f"/en/events/{event.slug}/",
        "events calendar": "/en/events/calendar.ics",
        "sitemap index": "/sitemap.xml",
        "news sitemap": "/sitemap-news-en.xml",
        "announcements": "/en/announcements/",
        "announcements p.2": "/en/announcements/?page=2",
        "announcement": f"/en/announcements/{announcement.slug}/",
        "announcements feed": "/en/announcements/feed/",
        "announcements map": "/sitemap-announcements.xml",
        "publications list": "/en/publications/",
        "publications filtered": "/en/publications/?kind=statistics&year=2012&language=en",
        "publication": f"/en/publications/{publication.slug}/",
        "publications feed": "/en/publications/feed/",
        "publications sitemap": "/sitemap-publications.xml",
    }


def count_queries():
    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for name, url in pages().items():
        client.get(url)  # Warm the process: counts are for a running server.
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        counts[name] = len(queries)
    return counts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=10_000)
    options = parser.parse_args(argv)
    setup_test_environment()
    results = {}
    for size in (options.small, options.large):
        generate.main(
            [
                *("--articles", str(size)),
                *("--agreements", str(max(size // 30, 10))),
                *("--announcements", str(max(size // 10, 30))),
                *("--publications", str(max(size // 10, 10))),
                *("--events", str(max(size // 30, 30))),
            ]
        )
        results[size] = count_queries()
    small, large = results[options.small], results[options.large]
    print(f"\n{'page':<22} {options.small:>8} {options.large:>8}")
    for name in small:
        print(f"{name:<22} {small[name]:>8} {large[name]:>8}")
    grows = [name for name in small if small[name] != large[name]]
    too_many = [name for name in large if large[name] > LIMITS.get(name, MAX_QUERIES)]
    if grows or too_many:
        sys.exit(f"queries grow with the data: {grows}; more than {MAX_QUERIES}: {too_many}")
    print(f"\nEqual at both sizes and at most {MAX_QUERIES} per page (see LIMITS).")


if __name__ == "__main__":
    main()
