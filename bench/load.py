"""
Load run: gunicorn on 127.0.0.1 against the benchmark database, `wrk` on each
page for a bounded time, cached (page cache on) and uncached (off), next to
a floor measured in the same run: a static file served by WhiteNoise and a
minimal Django view through the same middleware (/bench/minimal/).

    apt-get install wrk
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nada_bench \
        .venv/bin/python bench/load.py --duration 10

Prints requests per second and p50/p95/p99 latency per page as it goes, and
each page's throughput as a share of the minimal view's in the same mode.
Traffic stays on loopback. With REDIS_URL set, the page cache is in Redis, as
in production; without it, in each worker's memory.
"""

import argparse
import contextlib
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import queries  # noqa: E402  (sets Django up on the same database)

from news.models import Article  # noqa: E402

WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %f %d %d %d %d\\n", summary.requests,
    summary.duration / 1e6, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), summary.errors.status))
end
"""
PORT = 8765


def server_env(page_cache_seconds, static_root):
    env = dict(os.environ)
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=env.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_STATIC_ROOT=str(static_root),
        DJANGO_BENCH="1",
        DJANGO_PAGE_CACHE_SECONDS=str(page_cache_seconds),
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_CONN_MAX_AGE="600",
        GUNICORN_BIND=f"127.0.0.1:{PORT}",
        GUNICORN_MAX_REQUESTS="0",
        GUNICORN_GRACEFUL_TIMEOUT="3",
    )
    return env


def wait_until_up(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
            with urllib.request.urlopen(request, timeout=2):  # nosec: loopback only
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not start")


def run_wrk(url, duration, connections, script):
    output = subprocess.run(
        [
            "wrk",
            f"-t{min(connections, os.cpu_count() or 1)}",
            f"-c{connections}",
            f"-d{duration}s",
            "-H",
            "X-Forwarded-Proto: https",
            # One request per connection, as from the proxy (nginx speaks
            # HTTP/1.0 to gunicorn): a kept-alive connection would pin every
            # request of a wrk connection to one worker process.
            "-H",
            "Connection: close",
            "-H",
            "Accept-Encoding: gzip, br",
            "-s",
            script,
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT"))
    count, seconds, p50, p95, p99, errors = line.split()[1:]
    return {
        "rps": int(count) / float(seconds),
        "p50": int(p50) / 1000,
        "p95": int(p95) / 1000,
        "p99": int(p99) / 1000,
        "errors": int(errors),
    }


HEADER = f"{'page':<20} {'mode':<9} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
FLOOR_AGAIN = "minimal view, again"


def row_text(name, mode, row):
    errors = f"  {row['errors']} errors" if row["errors"] else ""
    return (
        f"{name:<20} {mode:<9} {row['rps']:>8.0f} {row['p50']:>7.1f} {row['p95']:>7.1f} "
        f"{row['p99']:>7.1f}{errors}"
    )


def collect_static(env):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


@contextlib.contextmanager
def serving(env, log_path):
    """gunicorn with `env` on PORT for the block, its output in `log_path`; yields its URL."""
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [str(ROOT / ".venv/bin/gunicorn")],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{PORT}"
            wait_until_up(base + "/healthz")
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def measure(mode, page_cache_seconds, urls, options, static_root, script):
    """Serve the site in `mode` and print one row per page as it is measured."""
    results = {}
    env = server_env(page_cache_seconds, static_root)
    with serving(env, static_root.parent / f"gunicorn-{mode}.log") as base:
        for path in urls.values():  # Every worker loads its code and templates first.
            run_wrk(base + path, 2, options.connections, script)
        # The floor is measured first and again last, so that a drift of the
        # machine during the run shows.
        for name, path in {**urls, FLOOR_AGAIN: urls["minimal view"]}.items():
            row = results[name] = run_wrk(
                base + path, options.duration, options.connections, script
            )
            print(row_text(name, mode, row), flush=True)
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per page")
    parser.add_argument(
        "--connections",
        type=int,
        default=os.cpu_count() or 1,
        help="wrk connections, each one request at a time (default: one per CPU)",
    )
    parser.add_argument(
        "--pages", nargs="*", metavar="NAME", help="measure only these pages (and the floor)"
    )
    parser.add_argument(
        "--modes", nargs="*", choices=("cached", "uncached"), default=("cached", "uncached")
    )
    options = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="nada-load-"))
    static_root = work / "static"
    collect_static(server_env(0, static_root))
    css = next(static_root.glob("css/site.*.css")).name
    script = work / "report.lua"
    script.write_text(WRK_SCRIPT)
    # The minimal view comes first: every other row is read against it.
    pages = queries.pages()
    if options.pages:
        pages = {name: pages[name] for name in options.pages}
    urls = {"minimal view": "/bench/minimal/", "static file": f"/static/css/{css}", **pages}
    cache = "Redis" if os.environ.get("REDIS_URL") else "local memory"
    print(
        f"{options.duration} s per page, {options.connections} connections, "
        f"{os.cpu_count()} CPUs, {Article.objects.count()} articles, cache: {cache}\n"
    )
    print(HEADER)
    print("-" * len(HEADER), flush=True)
    runs = {
        mode: measure(mode, 300 if mode == "cached" else 0, urls, options, static_root, script)
        for mode in options.modes
    }
    # Each page's throughput as a share of the minimal view's, in the same
    # server and mode, against the higher of its two measurements.
    print(f"\n{'page':<20}" + "".join(f" {mode + ' % min':>16}" for mode in runs))
    floors = {
        mode: max(results["minimal view"]["rps"], results[FLOOR_AGAIN]["rps"])
        for mode, results in runs.items()
    }
    for name in urls:
        shares = "".join(
            f" {100 * results[name]['rps'] / floors[mode]:>15.0f}%"
            for mode, results in runs.items()
        )
        print(f"{name:<20}{shares}")


if __name__ == "__main__":
    main()
