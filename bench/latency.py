"""
Time of one request to each public page, one at a time, in this process,
with the page cache off: the median of N requests after a warm-up. It
measures what a change costs a page without the noise of a load run, on the
data already in the database (run bench/generate.py first).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nada_bench \
        .venv/bin/python bench/latency.py --requests 30
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import queries  # noqa: E402  (sets Django up, page cache off)
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=30)
    options = parser.parse_args(argv)
    setup_test_environment()
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'page':<20} {'median ms':>10} {'p90 ms':>8}")
    for name, url in queries.pages().items():
        for _ in range(3):
            client.get(url)
        times = []
        for _ in range(options.requests):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        p90 = statistics.quantiles(times, n=10)[-1]
        print(f"{name:<20} {statistics.median(times):>10.1f} {p90:>8.1f}")


if __name__ == "__main__":
    main()
