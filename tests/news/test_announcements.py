"""
Announcements: on the home page while they run (with the `splwpk-broadcast`
marker and the real time they last changed), then in the archive, the feed
and the sitemap; never before their start. Times are fixed by setting the
clock (`timezone.now`), as the page cache's tests do.
"""

import datetime
import zoneinfo
from xml.etree import ElementTree

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from nada_site import pagecache
from news import demo
from news.models import Announcement
from tests.nada_site.test_fallback_marked import assert_shown_in_its_own_language
from tests.news.conftest import LANGUAGES, make_announcement

pytestmark = pytest.mark.django_db

MALAYSIA = zoneinfo.ZoneInfo("Asia/Kuala_Lumpur")
START = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=MALAYSIA)
END = START + datetime.timedelta(days=7)
MARKER = 'splwpk-broadcast="splwpk-broadcast"'


class Clock:
    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch

    def set(self, when):
        self.monkeypatch.setattr(timezone, "now", lambda: when)
        self.monkeypatch.setattr(pagecache.time, "time", when.timestamp)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def notice(clock):
    clock.set(START - datetime.timedelta(days=3))
    return make_announcement(
        "office-closed",
        starts_at=START,
        ends_at=END,
        title_ms="Pejabat ditutup",
        title_en="Office closed",
        title_ar="المكتب مغلق",
        text_ms="Pejabat ditutup pada hari cuti.",
        text_en="The office is closed on the holiday.",
        text_ar="المكتب مغلق يوم العطلة.",
    )


def home(language="en"):
    return Client().get(f"/{language}/").content.decode()


def archive(language="en", query=""):
    response = Client().get(f"/{language}/announcements/{query}")
    assert response.status_code == 200
    return response.content.decode()


def timestamp_of(html):
    marker = 'splwpk-broadcast-timestamp="'
    start = html.index(marker) + len(marker)
    return html[start : start + 19]


# Where an announcement shows, at each point of its period.


@pytest.mark.parametrize("language", LANGUAGES)
def test_before_its_start_an_announcement_is_nowhere_public(clock, notice, language):
    clock.set(START - datetime.timedelta(minutes=1))
    assert "/announcements/office-closed/" not in home(language)
    assert MARKER not in home(language)
    assert "/announcements/office-closed/" not in archive(language)
    assert Client().get(f"/{language}/announcements/office-closed/").status_code == 404
    assert "office-closed" not in Client().get(f"/{language}/announcements/feed/").content.decode()
    assert "office-closed" not in Client().get("/sitemap-announcements.xml").content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_while_it_runs_it_is_on_the_home_page_with_the_marker(clock, notice, language):
    clock.set(START)
    html = home(language)
    assert f'href="/{language}/announcements/office-closed/"' in html
    assert MARKER in html
    assert html.count(MARKER) == 1
    # The region holds the announcement: the marker is on the element it describes.
    region = html[html.index(MARKER) :]
    region = region[: region.index("</section>")]
    assert "/announcements/office-closed/" in region
    assert f'href="/{language}/announcements/"' in region
    assert "data-announcement-hide hidden" in region  # The script shows the button.
    assert "js/announcements.js" in region
    current = archive(language)
    assert current.index('id="current-heading"') < current.index("office-closed")
    assert 'id="ended-heading"' not in current
    assert Client().get(f"/{language}/announcements/office-closed/").status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_at_its_end_it_leaves_the_home_page_for_the_archive(clock, notice, language):
    clock.set(END)
    html = home(language)
    assert "/announcements/office-closed/" not in html
    assert MARKER not in html
    assert "splwpk-broadcast-timestamp" not in html
    ended = archive(language)
    assert 'id="current-heading"' not in ended
    assert ended.index('id="ended-heading"') < ended.index("office-closed")
    assert Client().get(f"/{language}/announcements/office-closed/").status_code == 200
    assert "office-closed" in Client().get(f"/{language}/announcements/feed/").content.decode()
    sitemap = Client().get("/sitemap-announcements.xml").content.decode()
    assert f"/{language}/announcements/office-closed/" in sitemap


def test_drafts_and_withdrawn_announcements_never_show(clock):
    clock.set(START)
    make_announcement("draft", starts_at=START, ends_at=END, status=Announcement.Status.DRAFT)
    make_announcement(
        "withdrawn", starts_at=START, ends_at=END, status=Announcement.Status.WITHDRAWN
    )
    clock.set(START + datetime.timedelta(hours=1))
    assert MARKER not in home()
    page = archive()
    assert "/announcements/draft/" not in page
    assert "/announcements/withdrawn/" not in page
    assert Client().get("/en/announcements/draft/").status_code == 404


def test_the_archive_lists_the_current_ones_first_then_the_ended(clock):
    clock.set(START - datetime.timedelta(days=30))
    make_announcement("long-ago", starts_at=START - datetime.timedelta(days=20), ends_at=START)
    make_announcement(
        "recently-ended",
        starts_at=START - datetime.timedelta(days=5),
        ends_at=START + datetime.timedelta(hours=1),
    )
    make_announcement("running", starts_at=START, ends_at=END)
    make_announcement(
        "running-longer",
        starts_at=START - datetime.timedelta(days=2),
        ends_at=END + datetime.timedelta(days=30),
    )
    make_announcement("to-come", starts_at=END, ends_at=END + datetime.timedelta(days=1))
    clock.set(START + datetime.timedelta(days=1))
    html = archive()
    # The current ones by their start, newest first; the ended ones by their end, latest first.
    positions = [
        html.index(f"/en/announcements/{slug}/")
        for slug in ("running", "running-longer", "recently-ended", "long-ago")
    ]
    assert positions == sorted(positions)
    assert html.index('id="current-heading"') < positions[0] < html.index('id="ended-heading"')
    assert "/en/announcements/to-come/" not in html


# The marker's timestamp: the real time of the latest change, in Malaysia time.


def test_the_timestamp_is_the_last_change_of_the_current_announcements(clock):
    clock.set(datetime.datetime(2026, 3, 1, 8, 15, 30, tzinfo=datetime.UTC))
    first = make_announcement("first", starts_at=START, ends_at=END)
    clock.set(datetime.datetime(2026, 3, 2, 23, 45, 5, tzinfo=datetime.UTC))
    make_announcement("second", starts_at=START, ends_at=END)
    ended = make_announcement("ended", starts_at=START - datetime.timedelta(days=9), ends_at=START)
    clock.set(START + datetime.timedelta(days=1))
    # 23:45:05 UTC is 07:45:05 the next day in Malaysia.
    assert timestamp_of(home()) == "2026-03-03 07:45:05"
    # A change to an ended announcement changes nothing on the home page.
    ended.save()
    assert timestamp_of(home()) == "2026-03-03 07:45:05"
    # Nor does the time passing: the timestamp is never a rolling date.
    clock.set(START + datetime.timedelta(days=2))
    assert timestamp_of(home("ms")) == "2026-03-03 07:45:05"
    clock.set(datetime.datetime(2026, 3, 11, 12, 0, 1, tzinfo=MALAYSIA))
    first.text_en = "Changed."
    first.save()
    assert timestamp_of(home("ar")) == "2026-03-11 12:00:01"


# Validation.


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_end_before_the_start_is_refused_in_the_admin_in_each_language(staff_client, language):
    staff_client.cookies["django_language"] = language
    response = staff_client.post(
        "/admin/news/announcement/add/",
        {
            "title_ms": "Pengumuman",
            "slug": "",
            "text_ms": "Teks.",
            "link": "",
            "starts_at_0": "2026-03-10",
            "starts_at_1": "09:00:00",
            "ends_at_0": "2026-03-09",
            "ends_at_1": "09:00:00",
            "status": "draft",
            "published_at_0": "2026-03-01",
            "published_at_1": "09:00:00",
        },
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert [error.code for error in form.errors.as_data()["ends_at"]] == ["ends_before_start"]
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert 'dir="rtl"' in html if language == "ar" else 'dir="rtl"' not in html.split("<body")[0]
    assert not Announcement.objects.exists()


def test_the_database_refuses_an_end_before_the_start():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_announcement("wrong", starts_at=START, ends_at=START)


def test_a_title_in_one_language_is_needed_and_the_slug_is_made_from_it(staff_client):
    staff_client.cookies["django_language"] = "en"
    data = {
        "title_ms": "",
        "title_en": "",
        "title_ar": "",
        "slug": "",
        "starts_at_0": "2026-03-10",
        "starts_at_1": "09:00:00",
        "ends_at_0": "2026-03-12",
        "ends_at_1": "09:00:00",
        "status": "published",
        "published_at_0": "2026-03-01",
        "published_at_1": "09:00:00",
    }
    response = staff_client.post("/admin/news/announcement/add/", data)
    assert response.status_code == 200
    assert "Give the announcement a title in at least one language." in response.content.decode()
    data["title_ar"] = "إغلاق المكتب"
    assert staff_client.post("/admin/news/announcement/add/", data).status_code == 302
    assert Announcement.objects.get().slug == "ghlq-lmktb"


# The feed: plain text reaches feed readers as text.


def test_the_feed_hands_plain_text_to_feed_readers_escaped_once_for_html(clock):
    clock.set(START)
    make_announcement(
        "tricky",
        starts_at=START,
        ends_at=END,
        title_en="Fish & chips <b>not bold</b>",
        text_en="Bring <script>alert(1)</script> & your pass.\nSecond line.",
    )
    response = Client().get("/en/announcements/feed/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "en"
    item = channel.find("item")
    # The title is text in RSS: the reader shows it as it is.
    assert item.findtext("title") == "Fish & chips <b>not bold</b>"
    # The description is HTML: the text's own "<" arrives as "&lt;", never as markup.
    assert item.findtext("description") == (
        "<p>Bring &lt;script&gt;alert(1)&lt;/script&gt; &amp; your pass.<br>Second line.</p>"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_feed_of_what_is_written_in_it(clock, language):
    clock.set(START)
    make_announcement("arabic-only", starts_at=START, ends_at=END, title_ar="إعلان بالعربية")
    make_announcement("everywhere", starts_at=START, ends_at=END)
    feed = Client().get(f"/{language}/announcements/feed/").content.decode()
    assert f"/{language}/announcements/everywhere/" in feed
    assert ("arabic-only" in feed) is (language == "ar")
    assert f'href="/{language}/announcements/feed/"' in archive(language)


# The page cache knows when an announcement starts and ends.


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 3600


def test_the_cached_home_page_shows_an_announcement_at_its_start(page_cache, clock, notice):
    clock.set(START - datetime.timedelta(minutes=1))
    assert "Office closed" not in home()
    token = pagecache.current_generation()
    assert token
    clock.set(START - datetime.timedelta(seconds=1))
    assert "Office closed" not in home()  # Still the cached page.
    assert pagecache.current_generation() == token
    clock.set(START + datetime.timedelta(seconds=1))
    assert "Office closed" in home()
    assert "Office closed" in archive()


def test_the_cached_home_page_drops_an_announcement_at_its_end(page_cache, clock, notice):
    clock.set(END - datetime.timedelta(minutes=1))
    assert "Office closed" in home()
    assert MARKER in home()
    clock.set(END + datetime.timedelta(seconds=1))
    html = home()
    assert "Office closed" not in html
    assert MARKER not in html
    page = archive()
    assert 'id="ended-heading"' in page


def test_a_change_to_an_announcement_refreshes_the_cached_pages(page_cache, clock, notice):
    clock.set(START + datetime.timedelta(hours=1))
    assert "Office closed" in home()
    notice.title_en = "Office open after all"
    notice.save()
    assert "Office open after all" in home()


# Hostile input never gives an error.


@pytest.mark.parametrize(
    "query",
    [
        "?page=abc",
        "?page=0",
        "?page=-1",
        "?page=99999999999999999999",
        "?page=" + "9" * 5000,
        "?page=1&page=%00",
        "?" + "x" * 8000 + "=1",
        "?page=%F0%9F%92%A9&q=<script>",
    ],
)
def test_the_archive_answers_any_query_string(clock, notice, query):
    clock.set(START)
    assert "office-closed" in archive("en", query)


@pytest.mark.parametrize(
    "path",
    [
        "/en/announcements/nothing-here/",
        "/en/announcements/" + "a" * 3000 + "/",
        "/en/announcements/%00/",
        "/ar/announcements/%D8%A5%D8%B9%D9%84%D8%A7%D9%86/",
    ],
)
def test_unknown_announcements_are_not_found(clock, notice, path):
    clock.set(START)
    assert Client().get(path).status_code == 404


@pytest.mark.parametrize(
    "query", ["?period=bogus", "?period=" + "x" * 3000, "?period=current&page=x"]
)
def test_the_admin_list_takes_any_filter_value(staff_client, notice, query):
    assert staff_client.get(f"/admin/news/announcement/{query}").status_code in (200, 302)


def test_the_admin_filter_of_the_period(staff_client, clock):
    clock.set(START - datetime.timedelta(days=30))
    make_announcement("ended", starts_at=START - datetime.timedelta(days=20), ends_at=START)
    make_announcement("running", starts_at=START, ends_at=END)
    make_announcement("to-come", starts_at=END, ends_at=END + datetime.timedelta(days=1))
    clock.set(START + datetime.timedelta(days=1))
    staff_client.cookies["django_language"] = "en"
    for period, slug in (("current", "running"), ("upcoming", "to-come"), ("ended", "ended")):
        response = staff_client.get(f"/admin/news/announcement/?period={period}")
        assert [item.slug for item in response.context["cl"].result_list] == [slug]


# Queries do not grow with the number of announcements.


def count_queries(path):
    client = Client()
    client.get(path)
    with CaptureQueriesContext(connection) as context:
        assert client.get(path).status_code == 200
    return len(context.captured_queries)


def add_announcements(first, count):
    for number in range(first, first + count):
        starts_at = START - datetime.timedelta(days=number % 3 * 10)
        make_announcement(
            f"item-{number}",
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(days=5 if number % 2 else 40),
            link="https://www.adk.gov.my/",
        )


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/ar/",
        "/en/announcements/",
        "/en/announcements/?page=2",
        "/ms/announcements/item-1/",
        "/en/announcements/feed/",
        "/sitemap-announcements.xml",
    ],
)
def test_queries_stay_the_same_as_announcements_grow(clock, profile, path):
    clock.set(START - datetime.timedelta(days=40))
    add_announcements(1, 14)
    clock.set(START)
    few = count_queries(path)
    clock.set(START - datetime.timedelta(days=40))
    add_announcements(15, 30)
    clock.set(START)
    assert count_queries(path) == few


# Text shown in another language is marked.


@pytest.mark.parametrize("language", ["ms", "en"])
def test_an_announcement_in_arabic_alone_is_marked_on_every_page(clock, language):
    clock.set(START)
    make_announcement(
        "arabic-only",
        starts_at=START,
        ends_at=END,
        title_ar="نص باللغة العربية: العنوان",
        text_ar="نص باللغة العربية: الإعلان",
    )
    for html in (home(language), archive(language)):
        assert_shown_in_its_own_language(html, "نص باللغة العربية: العنوان", "ar")
        assert_shown_in_its_own_language(html, "نص باللغة العربية: الإعلان", "ar")
        assert 'class="language-label"' in html
    detail = Client().get(f"/{language}/announcements/arabic-only/").content.decode()
    assert_shown_in_its_own_language(detail, "نص باللغة العربية: العنوان", "ar")
    assert_shown_in_its_own_language(detail, "نص باللغة العربية: الإعلان", "ar")
    assert 'class="fallback-note"' in detail


# Staff preview, old addresses, demo content.


def test_staff_preview_an_announcement_still_to_come_uncached(staff_client, clock, notice):
    clock.set(START - datetime.timedelta(days=1))
    response = staff_client.get("/en/announcements/office-closed/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_a_changed_slug_keeps_the_old_address(clock, notice):
    clock.set(START)
    notice.slug = "office-closed-for-the-holiday"
    notice.save()
    response = Client().get("/ar/announcements/office-closed/")
    assert response.status_code == 301
    assert response["Location"] == "/ar/announcements/office-closed-for-the-holiday/"


def test_the_demo_has_a_current_an_upcoming_and_an_ended_announcement_in_three_languages():
    demo.load()
    assert Announcement.objects.current().count() == 1
    assert Announcement.objects.upcoming().count() == 1
    assert Announcement.objects.ended().count() == 1
    for item in Announcement.objects.all():
        assert item.available_languages == LANGUAGES
        assert all(getattr(item, f"text_{code}") for code in LANGUAGES)
    count = Announcement.objects.count()
    demo.load()
    assert Announcement.objects.count() == count
