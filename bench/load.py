"""
Load run: gunicorn on 127.0.0.1 against the benchmark database, `wrk` on each
page for a bounded time, cached (page cache on) and uncached (off), next to
a floor measured in the same run: a static file served by WhiteNoise and a
minimal Django view through the same middleware (/bench/minimal/).

    apt-get install wrk
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nada_bench \
        .venv/bin/python bench/load.py --duration 10

Prints requests per second and p50/p95/p99 latency per page, and each
page's throughput as a share of the minimal view's. Traffic stays on loopback.
"""

import argparse
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


def measure(label, page_cache_seconds, urls, options, static_root, script):
    log = open(static_root.parent / f"gunicorn-{label}.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "--access-logfile", "/dev/null"],
        cwd=ROOT,
        env=server_env(page_cache_seconds, static_root),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    results = {}
    try:
        base = f"http://127.0.0.1:{PORT}"
        wait_until_up(base + "/healthz")
        for name, path in urls.items():
            run_wrk(base + path, 1, options.connections, script)  # Warm every worker.
            results[name] = run_wrk(base + path, options.duration, options.connections, script)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per page")
    parser.add_argument(
        "--connections", type=int, default=2 * (os.cpu_count() or 1), help="wrk connections"
    )
    options = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="nada-load-"))
    static_root = work / "static"
    env = server_env(0, static_root)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    css = next(static_root.glob("css/site.*.css")).name
    script = work / "report.lua"
    script.write_text(WRK_SCRIPT)
    pages = queries.pages()
    # Search is left out: see RESULTS.md (it needs a full-text index at this size).
    pages.pop("search")
    floor = {"static file": f"/static/css/{css}", "minimal view": "/bench/minimal/"}
    cached = measure("cached", 300, {**floor, **pages}, options, static_root, script)
    uncached = measure("uncached", 0, {**floor, **pages}, options, static_root, script)
    minimal = cached["minimal view"]["rps"]
    print(
        f"\n{options.duration} s per page, {options.connections} connections, {os.cpu_count()} CPUs"
    )
    header = f"{'page':<20} {'mode':<9} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'% min':>6}"
    print(header)
    print("-" * len(header))
    for name in {**floor, **pages}:
        for mode, results in (("cached", cached), ("uncached", uncached)):
            row = results[name]
            share = 100 * row["rps"] / minimal
            errors = f"  {row['errors']} errors" if row["errors"] else ""
            print(
                f"{name:<20} {mode:<9} {row['rps']:>8.0f} {row['p50']:>7.1f} {row['p95']:>7.1f} "
                f"{row['p99']:>7.1f} {share:>5.0f}%{errors}"
            )


if __name__ == "__main__":
    main()
