"""
The site search's time in the database, per query: a common word (in every
generated article), a rare word (in the demo content only), a phrase and a
hostile input, in each language, through the search page as a visitor asks
it. Prints, for each, the articles matching in the reader's language, and
the median over the runs of the search queries' time as the site sees it
(sent, executed, rows read back) and in the database (EXPLAIN ANALYZE's
execution time, summed); with --uncapped, the same with every match ranked.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nada_bench \
        .venv/bin/python bench/search.py --runs 7

Run bench/generate.py first (10,000 articles). PostgreSQL only.
"""

import argparse
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nada_site.settings")
os.environ.setdefault("DJANGO_PAGE_CACHE_SECONDS", "0")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from nada_site import search  # noqa: E402
from news.models import Article  # noqa: E402

QUERIES = {
    "ms": {
        "common word": "kerjasama",
        "rare word": "Baghdad",
        "phrase": '"kerjasama serantau"',
        "33 hyphens": "-" * 33,
    },
    "en": {
        "common word": "cooperation",
        "rare word": "Baghdad",
        "phrase": '"regional cooperation"',
        "33 hyphens": "-" * 33,
    },
    "ar": {
        "common word": "التعاون",
        "rare word": "بغداد",
        "phrase": '"التعاون الإقليمي"',
        "33 hyphens": "-" * 33,
    },
}
# The statements of a search that are not the providers' (the transaction, the timeout).
SETUP = ("BEGIN", "SET LOCAL", "COMMIT", "SAVEPOINT", "RELEASE")


def matches(language, text):
    query = search.parse_query(text)
    if not query:
        return 0
    return search.matches(Article.objects.published(), query, language).count()


def execution_times(statements):
    """Each statement's execution time in the database, in ms, as EXPLAIN ANALYZE reports it."""
    times = []
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
            times.append(cursor.fetchone()[0][0]["Execution Time"])
    return times


def measure(client, language, text, runs):
    """Median over the runs: the search's time as the site sees it, and in the database."""
    seen, in_database = [], []
    for _run in range(runs + 1):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/{language}/search/", {"q": text})
        assert response.status_code == 200, response.status_code
        statements = [q for q in queries if not q["sql"].startswith(SETUP)]
        seen.append(sum(float(q["time"]) * 1000 for q in statements))
        in_database.append(sum(execution_times([q["sql"] for q in statements])))
    # The first run warms the process and the database's caches.
    return statistics.median(seen[1:]), statistics.median(in_database[1:])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--uncapped", action="store_true", help="rank every match, for comparison")
    options = parser.parse_args(argv)
    if connection.vendor != "postgresql":
        sys.exit("The search benchmark needs PostgreSQL (DATABASE_URL).")
    if options.uncapped:
        search.CANDIDATES = 1_000_000
    setup_test_environment()
    client = Client(HTTP_HOST="127.0.0.1")
    print(
        f"{Article.objects.published().count()} published articles; candidates ranked: "
        f"{search.CANDIDATES}; statement timeout {search.STATEMENT_TIMEOUT_MS} ms"
    )
    print(f"\n{'language':<9} {'query':<12} {'matches':>8} {'seen ms':>8} {'database ms':>12}")
    worst = 0
    for language, queries in QUERIES.items():
        for name, text in queries.items():
            seen, in_database = measure(client, language, text, options.runs)
            worst = max(worst, in_database)
            count = matches(language, text)
            print(f"{language:<9} {name:<12} {count:>8} {seen:>8.1f} {in_database:>12.1f}")
    print(f"\nSlowest search: {worst:.1f} ms in the database (median of {options.runs} runs).")


if __name__ == "__main__":
    main()
