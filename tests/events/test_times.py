"""An event's times are shown in Malaysia time, and in the venue's when its clocks differ."""

import datetime
import re
import zoneinfo

import pytest
from django.utils import translation

from events.models import Event
from events.times import when

VIENNA = zoneinfo.ZoneInfo("Europe/Vienna")


def event(start, end, zone="Europe/Vienna", **fields):
    return Event(starts_at=start, ends_at=end, time_zone=zone, city_en="Vienna", **fields)


def text(html):
    return re.sub(r"<[^>]+>", "", str(html))


def test_vienna_in_winter_is_seven_hours_behind_malaysia():
    with translation.override("en"):
        shown = when(
            event(
                datetime.datetime(2027, 3, 15, 10, 0, tzinfo=VIENNA),
                datetime.datetime(2027, 3, 15, 17, 0, tzinfo=VIENNA),
            )
        )
    # In Malaysia it ends at midnight, the next day: both dates are given.
    assert text(shown.malaysia) == "15 March 2027, 17:00 – 16 March 2027, 00:00"
    assert 'datetime="2027-03-15T17:00:00+08:00"' in shown.malaysia
    # At the venue the meeting is within one day: its date is given once.
    assert text(shown.venue) == "15 March 2027, 10:00–17:00"
    assert 'datetime="2027-03-15T10:00:00+01:00"' in shown.venue


def test_vienna_in_summer_time_is_six_hours_behind_malaysia():
    with translation.override("en"):
        shown = when(
            event(
                datetime.datetime(2027, 6, 15, 9, 0, tzinfo=VIENNA),
                datetime.datetime(2027, 6, 15, 12, 0, tzinfo=VIENNA),
            )
        )
    assert text(shown.malaysia) == "15 June 2027, 15:00–18:00"
    # Same date in both places: the venue's times leave it out.
    assert text(shown.venue) == "09:00–12:00"
    assert 'datetime="2027-06-15T09:00:00+02:00"' in shown.venue
    assert 'datetime="2027-06-15T15:00:00+08:00"' in shown.malaysia


def test_a_meeting_across_the_change_to_summer_time_keeps_each_offset():
    start = datetime.datetime(2027, 3, 27, 10, 0, tzinfo=VIENNA)  # CET, +01:00
    end = datetime.datetime(2027, 3, 29, 13, 0, tzinfo=VIENNA)  # CEST, +02:00
    with translation.override("en"):
        shown = when(event(start, end))
    assert 'datetime="2027-03-27T10:00:00+01:00"' in shown.venue
    assert 'datetime="2027-03-29T13:00:00+02:00"' in shown.venue
    assert text(shown.malaysia) == "27 March 2027, 17:00 – 29 March 2027, 19:00"


def test_a_venue_on_malaysia_time_shows_one_time_only():
    zone = zoneinfo.ZoneInfo("Asia/Singapore")
    with translation.override("en"):
        shown = when(
            event(
                datetime.datetime(2027, 5, 4, 9, 0, tzinfo=zone),
                datetime.datetime(2027, 5, 4, 16, 30, tzinfo=zone),
                zone="Asia/Singapore",
            )
        )
    assert shown.venue is None
    assert text(shown.malaysia) == "4 May 2027, 09:00–16:30"


def test_whole_days_show_the_venues_dates_only():
    zone = zoneinfo.ZoneInfo("America/New_York")
    with translation.override("en"):
        shown = when(
            event(
                datetime.datetime(2027, 5, 4, 0, 0, tzinfo=zone),
                datetime.datetime(2027, 5, 6, 23, 59, tzinfo=zone),
                zone="America/New_York",
                all_day=True,
            )
        )
    assert shown.venue is None
    assert text(shown.malaysia) == "4 May 2027 – 6 May 2027"
    assert '<time datetime="2027-05-04">' in shown.malaysia
    assert '<time datetime="2027-05-06">' in shown.malaysia


def test_one_whole_day_is_one_date():
    with translation.override("en"):
        shown = when(
            event(
                datetime.datetime(2027, 5, 4, 0, 0, tzinfo=VIENNA),
                datetime.datetime(2027, 5, 4, 23, 59, tzinfo=VIENNA),
                all_day=True,
            )
        )
    assert text(shown.malaysia) == "4 May 2027"


@pytest.mark.parametrize(("language", "month"), [("ms", "Mac"), ("ar", "مارس")])
def test_dates_are_written_in_the_pages_language(language, month):
    with translation.override(language):
        shown = when(
            event(
                datetime.datetime(2027, 3, 15, 10, 0, tzinfo=VIENNA),
                datetime.datetime(2027, 3, 15, 12, 0, tzinfo=VIENNA),
            )
        )
    assert month in text(shown.malaysia)
