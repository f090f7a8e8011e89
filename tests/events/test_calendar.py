"""The iCalendar feed, read back with the icalendar library as a calendar application would."""

import datetime
import zoneinfo

import icalendar
import pytest

from events.models import Event
from nada_site.workflow import Status
from tests.events.conftest import at, make_event

pytestmark = pytest.mark.django_db

VIENNA = zoneinfo.ZoneInfo("Europe/Vienna")


def feed(client, language="en"):
    response = client.get(f"/{language}/events/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def events_of(calendar):
    return {str(item["uid"]): item for item in calendar.walk("VEVENT")}


def test_each_published_event_is_a_vevent_with_a_stable_uid(client):
    shown = make_event("shown", title_en="Shown")
    make_event("draft", status=Status.DRAFT, was_published=False)
    make_event("withdrawn", status=Status.WITHDRAWN)
    first = events_of(feed(client))
    assert set(first) == {str(shown.uid)}
    shown.slug = "renamed"
    shown.title_en = "Renamed"
    shown.save()
    again = events_of(feed(client))
    assert set(again) == {str(shown.uid)}
    assert str(again[str(shown.uid)]["summary"]) == "Renamed"
    assert str(again[str(shown.uid)]["url"]) == "http://testserver/en/events/renamed/"


def test_times_carry_the_venues_time_zone_across_summer_time(client):
    event = make_event(
        "cnd",
        zone="Europe/Vienna",
        starts_at=datetime.datetime(2027, 3, 27, 10, 0, tzinfo=VIENNA),
        ends_at=datetime.datetime(2027, 3, 29, 13, 0, tzinfo=VIENNA),
    )
    calendar = feed(client)
    item = events_of(calendar)[str(event.uid)]
    start, end = item.decoded("dtstart"), item.decoded("dtend")
    assert item["dtstart"].params["TZID"] == "Europe/Vienna"
    assert start.utcoffset() == datetime.timedelta(hours=1)
    assert end.utcoffset() == datetime.timedelta(hours=2)
    assert start == event.starts_at and end == event.ends_at
    # The zone is described in the feed itself, for applications without a database.
    assert "Europe/Vienna" in {str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")}


def test_whole_days_are_dates_and_the_end_is_the_day_after(client):
    event = make_event(
        "asod",
        all_day=True,
        starts_at=at(20, 0, 0),
        ends_at=at(22, 23, 59),
    )
    item = events_of(feed(client))[str(event.uid)]
    assert item.decoded("dtstart") == at(20).date()
    assert item.decoded("dtend") == at(23).date()
    assert not isinstance(item.decoded("dtstart"), datetime.datetime)


def test_texts_are_in_the_feeds_language_with_a_fallback_marked(client):
    event = make_event(
        "texts",
        title_ms="Mesyuarat ASOD",
        title_en="ASOD meeting",
        description_ms="<p>Pegawai kanan &amp; <strong>menteri</strong>.</p><p>Hari kedua.</p>",
        city_ms="Bandar Seri Begawan",
        country="BN",
    )
    english = events_of(feed(client, "en"))[str(event.uid)]
    assert str(english["summary"]) == "ASOD meeting"
    assert english["summary"].params["LANGUAGE"] == "en"
    # No English description: the Malay one, said to be Malay, as plain text.
    assert str(english["description"]) == "Pegawai kanan & menteri.\nHari kedua."
    assert english["description"].params["LANGUAGE"] == "ms"
    assert str(english["location"]) == "Bandar Seri Begawan, Brunei"
    assert str(english["url"]) == f"http://testserver/en/events/{event.slug}/"

    arabic = events_of(feed(client, "ar"))[str(event.uid)]
    assert str(arabic["summary"]) == "Mesyuarat ASOD"
    assert arabic["summary"].params["LANGUAGE"] == "ms"
    assert str(arabic["location"]).endswith("بروناي")
    assert str(arabic["url"]) == f"http://testserver/ar/events/{event.slug}/"


def test_the_feed_is_linked_from_the_events_page(client):
    html = client.get("/ar/events/").content.decode()
    assert '<link rel="alternate" type="text/calendar" href="/ar/events/calendar.ics"' in html
    assert 'href="/ar/events/calendar.ics" type="text/calendar"' in html


def test_an_empty_feed_is_a_valid_calendar(client):
    calendar = feed(client, "ms")
    assert calendar.walk("VEVENT") == []
    assert str(calendar["version"]) == "2.0"
    assert Event.objects.count() == 0
