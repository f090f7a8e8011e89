"""
The events as an iCalendar feed (RFC 5545), one per language, written with the
icalendar library: each published event a VEVENT with a UID that never
changes, its times in the venue's time zone (with its VTIMEZONE) or, for whole
days, as dates, its title and description in the feed's language (or the
first language that has them, marked with its LANGUAGE), its page and its
place.
"""

import datetime
import html
import re

import icalendar
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext

from events.models import Event
from nada_site.localized import localize

# The most events a feed lists, the latest first: a calendar needs no history older than that.
FEED_SIZE = 500
BLOCK_ENDS = re.compile(r"</(p|li|h[2-4]|blockquote|tr)>|<br\s*/?>", re.IGNORECASE)


def plain_text(rich_text):
    """Rich text as plain text: a line between blocks, no markup, no entities."""
    text = html.unescape(strip_tags(BLOCK_ENDS.sub("\n", rich_text or "")))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def location(event):
    city = localize(event, "city").text
    country = str(event.country.name) if event.country else ""
    return ", ".join(part for part in (city, country) if part)


def feed_events():
    return Event.objects.published().order_by("-starts_at", "-id")[:FEED_SIZE]


def vevent(event, absolute_url):
    item = icalendar.Event()
    item.add("uid", str(event.uid))
    item.add("dtstamp", event.updated_at)
    item.add("last-modified", event.updated_at)
    if event.all_day:
        item.add("dtstart", event.local_start.date())
        # A whole day's end is the next day's start (RFC 5545, 3.6.1).
        item.add("dtend", event.local_end.date() + datetime.timedelta(days=1))
    else:
        item.add("dtstart", event.local_start)
        item.add("dtend", event.local_end)
    title = localize(event, "title")
    item.add("summary", title.text, parameters={"LANGUAGE": title.language})
    description = localize(event, "description")
    text = plain_text(description.text)
    if text:
        item.add("description", text, parameters={"LANGUAGE": description.language})
    place = location(event)
    if place:
        item.add("location", place)
    item.add("url", absolute_url(event.get_absolute_url()))
    item.add("categories", [event.get_role_display()])
    return item


def calendar(language, absolute_url):
    """The feed in `language` as bytes; `absolute_url(path)` makes a full address."""
    with translation.override(language):
        feed = icalendar.Calendar()
        feed.add("prodid", "-//AADK International Unit//Events//" + language.upper())
        feed.add("version", "2.0")
        feed.add("calscale", "GREGORIAN")
        name = gettext("Events of the International Unit, National Anti-Drugs Agency")
        feed.add("name", name)
        feed.add("x-wr-calname", name)
        for event in feed_events():
            feed.add_component(vevent(event, absolute_url))
        feed.add_missing_timezones()
        return feed.to_ical()
