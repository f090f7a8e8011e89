"""Staff type an event's times as the venue's clocks read them; the list fits and filters."""

import datetime
import zoneinfo

import pytest

from events.models import Event
from tests.admin_forms import open_form
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db

VIENNA = zoneinfo.ZoneInfo("Europe/Vienna")
ADD = "/admin/events/event/add/"


def add(staff_client, **changes):
    _response, form = open_form(staff_client, ADD, "event")
    form.update({"title_ms": "Sesi CND", "slug": "", **changes})
    return staff_client.post(ADD, form.post_data())


def test_times_typed_are_the_venues_clock_in_summer_and_winter(staff_client):
    response = add(
        staff_client,
        time_zone="Europe/Vienna",
        starts_at_0="2027-06-15",
        starts_at_1="10:00:00",
        ends_at_0="2027-12-15",
        ends_at_1="17:00:00",
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get()
    assert event.starts_at == datetime.datetime(2027, 6, 15, 8, 0, tzinfo=datetime.UTC)
    assert event.ends_at == datetime.datetime(2027, 12, 15, 16, 0, tzinfo=datetime.UTC)
    # Opened again, the form shows the same clock times, and saving them changes nothing.
    url = f"/admin/events/event/{event.pk}/change/"
    _response, form = open_form(staff_client, url, "event")
    assert (form["starts_at_0"], form["starts_at_1"]) == ("2027-06-15", "10:00:00")
    assert (form["ends_at_0"], form["ends_at_1"]) == ("2027-12-15", "17:00:00")
    assert staff_client.post(url, form.post_data()).status_code == 302
    event.refresh_from_db()
    assert event.starts_at == datetime.datetime(2027, 6, 15, 8, 0, tzinfo=datetime.UTC)


def test_whole_days_run_from_midnight_to_the_last_minute_at_the_venue(staff_client):
    add(
        staff_client,
        time_zone="Asia/Bangkok",
        all_day="on",
        starts_at_0="2027-02-01",
        starts_at_1="09:30:00",
        ends_at_0="2027-02-03",
        ends_at_1="12:00:00",
    )
    event = Event.objects.get()
    assert event.local_start.time() == datetime.time(0, 0)
    assert event.local_end == datetime.datetime(2027, 2, 3, 23, 59, tzinfo=event.zone)


@pytest.mark.parametrize("zone", ["Mars/Olympus", "", "../../etc/passwd", "x" * 300])
def test_an_unknown_time_zone_is_refused(staff_client, zone):
    response = add(
        staff_client,
        time_zone=zone,
        starts_at_0="2027-02-01",
        starts_at_1="09:30:00",
        ends_at_0="2027-02-03",
        ends_at_1="12:00:00",
    )
    assert response.status_code == 200
    assert not Event.objects.exists()


def test_an_event_cannot_end_before_it_starts(staff_client):
    response = add(
        staff_client,
        starts_at_0="2027-02-03",
        starts_at_1="09:30:00",
        ends_at_0="2027-02-01",
        ends_at_1="12:00:00",
    )
    assert response.status_code == 200
    assert "Acara tidak boleh tamat sebelum ia bermula." in response.content.decode()
    assert not Event.objects.exists()


def test_the_list_filters_by_role_and_by_upcoming_or_past(staff_client):
    make_event("coming", days=5, role=Event.Role.HOSTS, title_ms="Mesyuarat ASOD")
    make_event("over", days=-5, role=Event.Role.OBSERVES, title_ms="Sesi CND lalu")
    upcoming = staff_client.get("/admin/events/event/?when=upcoming").content.decode()
    assert "Mesyuarat ASOD" in upcoming and "Sesi CND lalu" not in upcoming
    past = staff_client.get("/admin/events/event/?when=past").content.decode()
    assert "Sesi CND lalu" in past and "Mesyuarat ASOD" not in past
    observers = staff_client.get("/admin/events/event/?role__exact=observes").content.decode()
    assert "Sesi CND lalu" in observers and "Mesyuarat ASOD" not in observers
    assert staff_client.get("/admin/events/event/?when=%ff").status_code == 200


@pytest.mark.parametrize("language", ["ms", "en", "ar"])
def test_the_list_and_the_form_open_in_each_language_of_the_admin(staff_client, language):
    make_event("coming", title_ms="Akan datang")
    for url in ("/admin/events/event/", ADD, "/admin/events/event/?when=past"):
        response = staff_client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        assert f'lang="{language}"' in response.content.decode()
