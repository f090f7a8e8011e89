"""
When an event takes place, as a reader needs it: in Malaysia time, and in the
venue's time when the clocks there read differently. Each time is written in
a `<time datetime="…">` element with its offset, so that a machine reads the
instant and a reader the clock.

- A meeting of whole days shows its dates, as the venue counts them.
- A meeting within one day shows its date once: `5 March 2027, 10:00–17:00`.
- A meeting over several days shows both ends: `5 March 2027, 10:00 – 7 March 2027, 13:00`.
- The venue's times leave out the dates when they are the same as Malaysia's.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import pgettext

from events.models import MALAYSIA

MALAYSIA_ZONE = zoneinfo.ZoneInfo(MALAYSIA)
DATE = "j F Y"
TIME = "H:i"


@dataclass(frozen=True)
class Span:
    start: datetime.datetime
    end: datetime.datetime

    @property
    def same_day(self):
        return self.start.date() == self.end.date()

    @property
    def dates(self):
        return (self.start.date(), self.end.date())


def span_in(event, zone):
    return Span(event.starts_at.astimezone(zone), event.ends_at.astimezone(zone))


def offsets_differ(event):
    """True when the venue's clocks read otherwise than Malaysia's at the start or the end."""
    zone = event.zone
    return any(
        moment.astimezone(zone).utcoffset() != moment.astimezone(MALAYSIA_ZONE).utcoffset()
        for moment in (event.starts_at, event.ends_at)
    )


def _time(value, text, date_only=False):
    """`<time datetime="…">text</time>`: the instant with its offset, or the date alone."""
    iso = value.date().isoformat() if date_only else value.isoformat()
    return format_html('<time datetime="{}">{}</time>', iso, text)


def _date(value):
    return formats.date_format(value, DATE)


def _clock(value):
    return formats.date_format(value, TIME)


def _date_and_clock(value):
    return pgettext("a date and a time of day", "%(date)s, %(time)s") % {
        "date": _date(value),
        "time": _clock(value),
    }


def whole_days(span):
    """`5 March 2027` or `5 March 2027 – 9 March 2027`, as `<time>` elements."""
    first = _time(span.start, _date(span.start), date_only=True)
    if span.same_day:
        return first
    return format_html("{} – {}", first, _time(span.end, _date(span.end), date_only=True))


def clock_times(span, with_dates=True):
    """The span's start and end, each a `<time>` with its offset."""
    if span.same_day:
        start_text = _date_and_clock(span.start) if with_dates else _clock(span.start)
        return format_html(
            "{}–{}",
            _time(span.start, start_text),
            _time(span.end, _clock(span.end)),
        )
    return format_html(
        "{} – {}",
        _time(span.start, _date_and_clock(span.start)),
        _time(span.end, _date_and_clock(span.end)),
    )


@dataclass(frozen=True)
class When:
    """What a page shows: Malaysia's times, and the venue's when they differ (else None)."""

    all_day: bool
    malaysia: str
    venue: str | None


def when(event):
    if event.all_day:
        return When(True, whole_days(span_in(event, event.zone)), None)
    malaysia = span_in(event, MALAYSIA_ZONE)
    if not offsets_differ(event):
        return When(False, clock_times(malaysia), None)
    venue = span_in(event, event.zone)
    return When(False, clock_times(malaysia), clock_times(venue, venue.dates != malaysia.dates))
