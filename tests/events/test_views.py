"""The events' list and pages, as visitors and search engines read them."""

import datetime
import json
import re
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events import demo
from events.models import Event
from nada_site.workflow import Status
from tests.events.conftest import make_event
from tests.news.conftest import make_article
from tests.publications.conftest import make_publication

pytestmark = pytest.mark.django_db

VIENNA = zoneinfo.ZoneInfo("Europe/Vienna")


def titles_in(html, heading_id):
    """The event titles listed in the section labelled by `heading_id`, in order."""
    section = html.split(f'aria-labelledby="{heading_id}"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'class="card__title"><a href="/\w+/events/([\w-]+)/"', section)


def json_ld(html):
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1
    return json.loads(found[0])


def test_upcoming_events_soonest_first_and_past_events_latest_first(client):
    make_event("later", days=30)
    make_event("soon", days=2)
    make_event("under-way", days=0, starts_at=datetime.datetime.now(VIENNA), hours=5)
    make_event("last-week", days=-7)
    make_event("last-year", days=-365)
    make_event("draft", days=3, status=Status.DRAFT, was_published=False)
    make_event(
        "scheduled", days=3, published_at=datetime.datetime.now(VIENNA) + datetime.timedelta(days=1)
    )
    html = client.get("/ms/events/").content.decode()
    assert titles_in(html, "upcoming-heading") == ["under-way", "soon", "later"]
    assert titles_in(html, "past-heading") == ["last-week", "last-year"]


def test_past_events_are_paged_and_the_upcoming_ones_shown_on_the_first_page(client):
    make_event("coming", days=5)
    for number in range(15):
        make_event(f"past-{number}", days=-1 - number)
    first = client.get("/en/events/").content.decode()
    second = client.get("/en/events/?page=2").content.decode()
    assert titles_in(first, "past-heading") == [f"past-{n}" for n in range(12)]
    assert titles_in(second, "past-heading") == [f"past-{n}" for n in range(12, 15)]
    assert "coming" in first and "upcoming-heading" not in second
    assert 'rel="next"' in first


def test_an_empty_list_says_so(client):
    html = client.get("/en/events/").content.decode()
    assert "No upcoming event has been announced yet." in html


def test_the_event_page_shows_both_times_and_where(client):
    make_event(
        "cnd",
        zone="Europe/Vienna",
        title_en="CND session",
        city_en="Vienna",
        country="AT",
        role=Event.Role.LEADS,
        starts_at=datetime.datetime(2027, 6, 15, 10, 0, tzinfo=VIENNA),
        ends_at=datetime.datetime(2027, 6, 15, 17, 0, tzinfo=VIENNA),
    )
    html = client.get("/en/events/cnd/").content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    assert "15 June 2027, 16:00–23:00 (Malaysia time) · 10:00–17:00 in Vienna" in text
    assert '<time datetime="2027-06-15T16:00:00+08:00">' in html
    assert '<time datetime="2027-06-15T10:00:00+02:00">' in html
    assert "Vienna, Austria" in text
    assert "Head of delegation" in text


def test_the_event_page_has_schema_org_event_data(client):
    make_event(
        "cnd",
        zone="Europe/Vienna",
        title_en="CND </script><script>alert(1)</script> session",
        description_en="<p>Malaysia &amp; its partners.</p>",
        city_en="Vienna",
        country="AT",
        role=Event.Role.HOSTS,
        starts_at=datetime.datetime(2027, 3, 15, 10, 0, tzinfo=VIENNA),
        ends_at=datetime.datetime(2027, 3, 15, 17, 0, tzinfo=VIENNA),
    )
    html = client.get("/en/events/cnd/").content.decode()
    assert "<script>alert(1)</script>" not in html
    data = json_ld(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "CND </script><script>alert(1)</script> session"
    assert data["inLanguage"] == "en"
    assert datetime.datetime.fromisoformat(data["startDate"]) == datetime.datetime(
        2027, 3, 15, 9, 0, tzinfo=datetime.UTC
    )
    assert data["endDate"] == "2027-03-15T17:00:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Vienna",
        "addressCountry": "AT",
    }
    assert data["description"] == "Malaysia & its partners."
    assert data["organizer"]["@type"] == "GovernmentOrganization"
    assert data["url"] == "http://testserver/en/events/cnd/"


def test_schema_org_data_of_whole_days_gives_dates_and_the_fallbacks_language(client):
    make_event("asod", all_day=True, title_ms="Mesyuarat ASOD", role=Event.Role.ATTENDS)
    data = json_ld(client.get("/ar/events/asod/").content.decode())
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", data["startDate"])
    assert data["inLanguage"] == "ms"
    assert "organizer" not in data


def test_related_news_are_linked_once_published(client):
    event = make_event("visit")
    shown = make_article("visit-report", title_en="Report of the visit")
    hidden = make_article("draft-report", status=Status.DRAFT, title_en="Draft report")
    event.related_articles.set([shown, hidden])
    html = client.get("/en/events/visit/").content.decode()
    assert "Report of the visit" in html
    assert "Draft report" not in html


@pytest.mark.parametrize("language", ["ms", "en", "ar"])
def test_the_meetings_publications_are_linked_once_published(client, language):
    event = make_event("cnd")
    statement = make_publication("statement", kind="speech", title_ms="Kenyataan Malaysia")
    draft = make_publication("draft", status=Status.DRAFT, title_ms="Draf kenyataan")
    event.related_publications.set([statement, draft])
    html = client.get(f"/{language}/events/cnd/").content.decode()
    section = html.split('aria-labelledby="related-publications-heading"', 1)[1]
    assert f'href="/{language}/publications/statement/"' in section
    # Shown in Malay where the reader's language is missing, and said to be.
    assert ">Kenyataan Malaysia</a>" in section
    if language != "ms":
        assert 'lang="ms" dir="ltr">Kenyataan Malaysia' in section
    assert "Draf kenyataan" not in html


def test_unpublished_events_are_not_found_and_unknown_addresses_too(client):
    make_event("draft", status=Status.DRAFT, was_published=False)
    assert client.get("/en/events/draft/").status_code == 404
    assert client.get("/en/events/no-such-event/").status_code == 404
    assert client.get("/en/events/" + "x" * 3000 + "/").status_code == 404


def test_staff_preview_a_draft_that_is_never_cached(staff_client):
    make_event("draft", status=Status.DRAFT, was_published=False)
    response = staff_client.get("/en/events/draft/")
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize(
    "query",
    [
        "page=-1",
        "page=0",
        "page=abc",
        "page=99999999999999999999",
        "page=1&page=x",
        "q=" + "x" * 10000,
        "role=%ff",
        "%zz=%zz",
    ],
)
def test_hostile_query_strings_give_a_page(client, query):
    make_event("one", days=-2)
    for path in ("/ar/events/", "/ar/events/one/", "/ar/events/calendar.ics"):
        assert client.get(f"{path}?{query}").status_code == 200


def build(count, start=0):
    for number in range(start, start + count):
        event = make_event(f"past-{number}", days=-1 - number, city_en=f"City {number}")
        make_event(f"next-{number}", days=1 + number, country="AT")
        event.related_articles.set([make_article(f"article-{number}")])


@pytest.mark.parametrize(
    ("path", "own_queries"),
    [
        ("/en/events/", 3),  # count, page of past events, upcoming events
        ("/en/events/past-0/", 3),  # event, its related news, its publications
        ("/en/events/calendar.ics", None),  # only the events: no menu, no session
    ],
)
def test_queries_stay_the_same_as_events_grow(client, path, own_queries):
    def count():
        client.get(path)  # Warm what every request reads once per process.
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    build(2)
    small = count()
    build(30, start=2)
    assert count() == small
    # On top of the queries every page makes: the news list makes those and three of its own
    # (the count, the page of articles, the time the news last changed).
    if own_queries is None:
        assert small == 1
        return
    every_page = count_for(client, "/en/news/") - 3
    assert small - every_page == own_queries


def count_for(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


def test_demo_has_past_and_upcoming_events_in_three_languages(client):
    assert demo.load() >= 4
    assert demo.load() == 0
    assert Event.objects.upcoming().exists()
    assert Event.objects.past().exists()
    for event in Event.objects.all():
        assert event.title_ms and event.title_en and event.title_ar
        assert event.description_ms and event.description_en and event.description_ar
    assert len({event.role for event in Event.objects.all()}) >= 3
    for language in ("ms", "en", "ar"):
        assert client.get(f"/{language}/events/").status_code == 200


def test_the_events_are_in_the_menu_and_the_sitemap(client):
    make_event("cnd")
    html = client.get("/en/").content.decode()
    assert 'href="/en/events/"' in html
    sitemap = client.get("/sitemap-events.xml").content.decode()
    assert "/ms/events/cnd/" in sitemap and "/ar/events/cnd/" in sitemap
    assert "/en/events/" in client.get("/sitemap-pages.xml").content.decode()


@pytest.mark.parametrize("path", ["/en/events/", "/en/events/cnd/", "/en/events/calendar.ics"])
def test_the_page_cache_serves_the_events_and_a_change_refreshes_them(
    client, settings, django_assert_num_queries, path
):
    settings.PAGE_CACHE_SECONDS = 300
    event = make_event("cnd", title_en="Old title")
    assert "Old title" in client.get(path).content.decode()
    with django_assert_num_queries(0):
        assert "Old title" in client.get(path).content.decode()
    event.title_en = "New title"
    event.save()
    assert "New title" in client.get(path).content.decode()
    article = make_article("report", title_en="Report")
    event.related_articles.add(article)
    if path == "/en/events/cnd/":
        assert "Report" in client.get(path).content.decode()


def test_the_site_map_for_people_links_the_events(client):
    assert 'href="/ar/events/"' in client.get("/ar/sitemap/").content.decode()
