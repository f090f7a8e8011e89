"""
Browser tests: the site served by `live_server`, driven by Debian's Chromium
through Playwright's sync API, checked with axe-core.

They run whenever /usr/bin/chromium exists. Without it they are skipped,
except in continuous integration (CI=true), where a missing browser fails
the run: there the browser tests are part of what must pass.
"""

import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LANGUAGES = ["ms", "en", "ar"]
PREFERENCES_KEY = "nada-display"
# What the visitor chose in the toolbar, as display-preferences.js stores it.
HIGH_CONTRAST_LARGEST_TEXT = {"size": "200", "contrast": True}
# WCAG 2.0, 2.1 and 2.2, levels A and AA (axe-core tags; 2.2 adds AA rules only).
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}


@pytest.fixture(scope="module")
def browser():
    """
    One Chromium per test module. Playwright's sync API keeps an event loop
    running in this thread while it is open, and Django refuses database
    calls from such a thread unless told they are safe: they are, the loop
    only waits for the browser. Module scope keeps that to these tests.
    """
    if not CHROMIUM.exists():
        message = (
            f"Browser tests need Chromium at {CHROMIUM}: `apt-get install chromium "
            "fonts-noto-core` (.ci/run installs it)."
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message} It is missing, and CI=true requires the browser tests to run.")
        # A newcomer without Chromium still gets every other test; CI never skips.
        pytest.skip(message)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS
            )
            yield chromium
            chromium.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


def set_preferences(context, preferences):
    """Store toolbar choices before the first page of `context` runs its scripts (once per tab)."""
    value = json.dumps(json.dumps(preferences))
    context.add_init_script(
        f"""if (location.protocol.startsWith("http") && !sessionStorage.getItem("seeded")) {{
              localStorage.setItem({json.dumps(PREFERENCES_KEY)}, {value});
              sessionStorage.setItem("seeded", "1");
            }}"""
    )


@pytest.fixture
def axe():
    return Axe()


def axe_violations(axe, page):
    """axe-core's WCAG A/AA violations on the page as shown, as readable lines."""
    results = axe.run(page, options=AXE_OPTIONS)
    lines = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            lines.append(f"{violation['id']}: {node['target']} {node['failureSummary']!r}")
    return lines


@pytest.fixture
def site(transactional_db, live_server):
    """The demo content, and the address of one page of each kind."""
    from events import demo as events_demo
    from events.models import Event
    from international import demo as international_demo
    from international.models import Agreement
    from nada_site import demo as site_demo
    from news import demo as news_demo
    from news.models import Announcement, Article
    from publications import demo as publications_demo
    from publications.models import Publication

    international_demo.load()
    site_demo.load()
    news_demo.load()
    publications_demo.load()
    statistics = Publication.objects.public().filter(kind=Publication.Kind.STATISTICS).first()
    events_demo.load()
    article = (
        Article.objects.published().select_related("category").filter(tags__isnull=False).first()
    )
    agreement = Agreement.objects.for_listing().first()
    tag = article.tags.first()
    announcement = Announcement.objects.current().first()
    # An event whose venue keeps other hours than Malaysia: both times are shown.
    event = Event.objects.upcoming().exclude(time_zone="Asia/Kuala_Lumpur").first()

    def urls(language):
        with translation.override(language):
            return {
                "home": reverse("home"),
                "unit": reverse("international:unit"),
                "cooperation list": reverse("international:agreement_list"),
                "cooperation detail": agreement.get_absolute_url(),
                "news list": reverse("news:list"),
                "article": article.get_absolute_url(),
                "category": article.category.get_absolute_url(),
                "tag": tag.get_absolute_url(),
                "search": reverse("search") + "?q=Malaysia",
                "search without results": reverse("search") + "?q=zzzqqq",
                "advanced search": reverse("advanced_search"),
                "advanced search results": reverse("advanced_search")
                + "?q=Malaysia&type=news&type=agreements&date_from=2020-01-01",
                "advanced search with errors": reverse("advanced_search")
                + "?q=Malaysia&date_from=2026-02-30&date_to=2020-01-01",
                "announcements": reverse("announcements:list"),
                "announcement": announcement.get_absolute_url(),
                "events": reverse("events:list"),
                "event": event.get_absolute_url(),
                "contact": reverse("contact:form"),
                "site map": reverse("sitemap"),
                "site page": reverse("page", kwargs={"slug": "about"}),
                "publications": reverse("publications:list"),
                "publications filtered": reverse("publications:list") + "?kind=statistics",
                "publication": statistics.get_absolute_url(),
            }

    return SimpleNamespace(url=live_server.url, urls=urls, article=article)
