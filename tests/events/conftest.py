"""Small factories for the events tests."""

import datetime
import zoneinfo

from django.utils import timezone

from events.models import Event
from tests.conftest import PUBLISHED


def at(days, hour=10, minute=0, zone="Asia/Kuala_Lumpur"):
    """`days` from today at `hour:minute` on the clocks of `zone`."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), zoneinfo.ZoneInfo(zone))


def make_event(slug="event", days=10, hours=7, zone="Asia/Kuala_Lumpur", **fields):
    """A published event in `days` days (negative: past), of `hours` hours, in Malay."""
    fields.setdefault("title_ms", f"Mesyuarat {slug}")
    fields.setdefault("starts_at", at(days, zone=zone))
    fields.setdefault("ends_at", fields["starts_at"] + datetime.timedelta(hours=hours))
    fields.setdefault("published_at", timezone.now() - datetime.timedelta(hours=1))
    return Event.objects.create(slug=slug, time_zone=zone, **{**PUBLISHED, **fields})
