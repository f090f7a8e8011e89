"""
Lighthouse (mobile) on the home page, the unit page, the news list and an
article in each language, against gunicorn on 127.0.0.1 in production mode,
driving Debian's chromium. Prints the four scores per page, the bytes
transferred, and the audits that cost points.

    cd bench && npm install lighthouse && cd ..
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nada_bench \
        .venv/bin/python bench/lighthouse.py
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import load  # noqa: E402
import queries  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def audit(url, output):
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    subprocess.run(
        [
            str(BENCH / "node_modules/.bin/lighthouse"),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={output}",
            "--chrome-flags=--headless --no-sandbox --disable-gpu",
            '--extra-headers={"X-Forwarded-Proto": "https"}',
            "--only-categories=" + ",".join(CATEGORIES),
        ],
        env=env,
        check=True,
    )
    report = json.loads(Path(output).read_text())
    scores = {name: round(100 * report["categories"][name]["score"]) for name in CATEGORIES}
    scores["KB"] = round(report["audits"]["total-byte-weight"]["numericValue"] / 1024)
    # What cost points, to read without opening the report.
    missed = sorted(
        {
            ref["id"]
            for name in CATEGORIES
            for ref in report["categories"][name]["auditRefs"]
            if ref["weight"] and (report["audits"][ref["id"]]["score"] or 0) < 1
        }
    )
    return scores, missed


def main():
    work = Path(tempfile.mkdtemp(prefix="nada-lighthouse-"))
    static_root = work / "static"
    env = load.server_env(300, static_root)
    # Lighthouse fetches robots.txt without the page's extra headers, so
    # without X-Forwarded-Proto: let plain HTTP through, as a proxy would.
    env["DJANGO_SECURE_SSL_REDIRECT"] = "0"
    load.collect_static(env)
    pages = queries.pages()
    paths = {
        "home": "/{}/",
        "unit page": "/{}/international/",
        "news list": "/{}/news/",
        "article": pages["article"].replace("/en/", "/{}/", 1),
    }
    rows = []
    with load.serving(env, work / "gunicorn.log") as base:
        for language in ("ms", "en", "ar"):
            for name, path in paths.items():
                url = base + path.format(language)
                scores, missed = audit(url, work / "report.json")
                rows.append((name, language, scores))
                print(f"{name} ({language}): {scores}; below full marks: {missed}", flush=True)
    columns = (*CATEGORIES, "KB")
    print(f"\n{'page':<12} {'lang':<5}" + "".join(f" {name:>14}" for name in columns))
    for name, language, scores in rows:
        print(f"{name:<12} {language:<5}" + "".join(f" {scores[c]:>14}" for c in columns))


if __name__ == "__main__":
    main()
