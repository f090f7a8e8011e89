import datetime
import zoneinfo

from django import forms
from django.utils import timezone

from events.models import MALAYSIA, Event, time_zone_choices
from nada_site.translated_admin import ConcurrentEditForm

TIMES = ("starts_at", "ends_at")
# Where a meeting of whole days starts and ends, on the venue's clocks.
WHOLE_DAY = {"starts_at": datetime.time(0, 0), "ends_at": datetime.time(23, 59)}


def venue_zone(name):
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        return None


class EventAdminForm(ConcurrentEditForm):
    """
    Staff type the start and the end as the venue's clocks read them (the
    organisers' programme): the form shows and reads them in the event's time
    zone, not in Malaysia time. A meeting of whole days starts at midnight of
    its first day and ends at 23:59 of its last, at the venue.
    """

    class Meta:
        model = Event
        fields = "__all__"
        widgets = {"time_zone": forms.Select(choices=time_zone_choices())}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = venue_zone(self.instance.time_zone) if self.instance.pk else None
        for name in TIMES:
            value = getattr(self.instance, name, None)
            if zone and value is not None and name in self.fields:
                # A naive value is shown as it is: the venue's clock.
                self.initial[name] = timezone.make_naive(value, zone)

    def clean(self):
        cleaned_data = super().clean()
        zone = venue_zone(cleaned_data.get("time_zone") or MALAYSIA)
        if zone is None:
            return cleaned_data
        current = timezone.get_current_timezone()
        for name in TIMES:
            value = cleaned_data.get(name)
            if value is None:
                continue
            # Read as Malaysia time by the field: what was typed is the venue's clock.
            typed = timezone.make_naive(value, current)
            if cleaned_data.get("all_day"):
                typed = datetime.datetime.combine(typed.date(), WHOLE_DAY[name])
            cleaned_data[name] = timezone.make_aware(typed, zone)
        return cleaned_data
