"""
The markers MAMPU's SPLaSK assessment crawls public-sector sites for, written
once here and everywhere through `{% splask %}` (templatetags/splask.py).

A marker is an attribute equal to its own name, on the element it describes:
`<form splwpk-feedback-form="splwpk-feedback-form">`. Content that must stay
fresh also carries `<marker>-timestamp="YYYY-MM-DD HH:MM:SS"`: the time that
content last changed, read from the database, in Malaysia time.

`MARKERS` is every marker the site is expected to carry, whichever app writes
it; `splask_report` (management/commands) names those it does not find. An app
tells when its fresh content last changed with `site.register(fresh_content=…)`
(`FreshContent`): the same function gives the page its timestamp and the
admin's start page its age, so both always agree.
"""

from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

from django.db.models import Max
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

PREFIX = "splwpk-"
TIMESTAMP_SUFFIX = "-timestamp"
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"
MALAYSIA = ZoneInfo("Asia/Kuala_Lumpur")


@dataclass(frozen=True)
class Marker:
    name: str  # without the prefix: "news"
    description: str
    max_age_days: int | None = None  # set for the content that must stay fresh

    @property
    def attribute(self):
        return PREFIX + self.name


MARKERS = {
    marker.name: marker
    for marker in [
        # Forms
        Marker("search-function", _("the site search form")),
        Marker("advanced-search-function", _("the advanced search form")),
        Marker("feedback-form", _("the contact form")),
        # Features
        Marker("sitemap", _("the link to the site map")),
        Marker("w3c", _("the display controls")),
        Marker("multilang", _("the language switcher")),
        Marker("privacy-policy", _("the privacy policy")),
        Marker("freedom", _("the disclaimer and access to information")),
        Marker("publication", _("the publications")),
        Marker("open-data", _("the statistics publications")),
        Marker("online-e-participation", _("the page feedback")),
        Marker("online-services", _("the links to online services")),
        Marker("procurement", _("the link to the agency's procurement")),
        Marker("mobile-apps", _("the link to the agency's mobile apps")),
        # Content that must stay fresh
        Marker("about-us", _("about the unit"), 30),
        Marker("news", _("the news"), 30),
        Marker("broadcast", _("the announcements"), 30),
        Marker("gov-policies", _("the government policies"), 30),
        Marker("faq", _("the frequently asked questions"), 30),
        Marker("client-charter", _("the client charter"), 60),
        Marker("contact-details", _("the unit's contact details"), 30),
    ]
}


def marker(name):
    """The marker called `name`, with or without its prefix; a name not in MARKERS is an error."""
    name = name.removeprefix(PREFIX)
    if name not in MARKERS:
        raise ValueError(f"No SPLaSK marker {name!r}")
    return MARKERS[name]


def malaysia_time(when):
    """`when` (an aware datetime) as the markers write it: Malaysia time, to the second."""
    return timezone.localtime(when, MALAYSIA).strftime(TIMESTAMP_FORMAT)


def attributes(name, timestamp=None):
    """
    ` splwpk-x="splwpk-x"`, and for content that must stay fresh ` splwpk-x-timestamp="…"`
    when `timestamp` is given (None: the content has no date yet).
    """
    found = marker(name)
    attribute = found.attribute
    if timestamp is None or found.max_age_days is None:
        return format_html(' {0}="{0}"', attribute)
    return format_html(
        ' {0}="{0}" {0}{1}="{2}"', attribute, TIMESTAMP_SUFFIX, malaysia_time(timestamp)
    )


def last_change(queryset, *fields):
    """
    The latest of `fields` (default: updated_at) over `queryset`, in one query,
    or None when it is empty. For published items pass also "published_at":
    a scheduled item changes the page when it appears.
    """
    fields = fields or ("updated_at",)
    expression = Greatest(*fields) if len(fields) > 1 else fields[0]
    return queryset.aggregate(latest=Max(expression))["latest"]


def latest(*moments):
    """The latest of the moments that are not None, or None."""
    moments = [moment for moment in moments if moment is not None]
    return max(moments) if moments else None


@dataclass(frozen=True)
class FreshContent:
    """
    Content that must stay fresh, as an app registers it: its marker's name,
    `changed_at()` (the aware datetime it last changed, or None when there is
    none), the permission that may change it, and the admin URL name of its list.
    """

    marker: str
    changed_at: object  # () -> datetime | None
    permission: str
    admin_url_name: str


# Reading the markers in a page ---------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    marker: str  # without the prefix
    url: str
    element: str  # the tag and what tells it apart, e.g. 'a href="/ms/sitemap/"'
    timestamp: datetime | None  # aware, or None when the marker has none
    well_formed: bool  # the attribute's value is its own name


class MarkerParser(HTMLParser):
    """Collects every `splwpk-*` attribute in a page, with the element carrying it."""

    def __init__(self, url):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.found = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for attribute, value in attrs:
            if not attribute.startswith(PREFIX) or attribute.endswith(TIMESTAMP_SUFFIX):
                continue
            stamp = values.get(attribute + TIMESTAMP_SUFFIX)
            self.found.append(
                Found(
                    marker=attribute.removeprefix(PREFIX),
                    url=self.url,
                    element=describe(tag, values),
                    timestamp=parse_timestamp(stamp),
                    well_formed=value == attribute,
                )
            )

    handle_startendtag = handle_starttag


def describe(tag, values):
    for key in ("id", "href", "action", "class"):
        if values.get(key):
            return f'{tag} {key}="{values[key]}"'
    return tag


def parse_timestamp(text):
    if not text:
        return None
    try:
        return datetime.strptime(text, TIMESTAMP_FORMAT).replace(tzinfo=MALAYSIA)
    except ValueError:
        return None


def markers_in(html, url):
    parser = MarkerParser(url)
    parser.feed(html)
    parser.close()
    return parser.found


def age_in_days(when, now=None):
    return ((now or timezone.now()) - when).days


def is_stale(name, when, now=None):
    """True when the content of a fresh marker is older than its limit (or has no date)."""
    limit = marker(name).max_age_days
    if limit is None:
        return False
    return when is None or age_in_days(when, now) > limit


@dataclass(frozen=True)
class Report:
    stale: list  # (marker name, its latest timestamp or None), of the fresh markers found
    missing: list  # names of the expected markers found nowhere (as name="name")
    unknown: list  # names found that are not in MARKERS


def summarize(found, now=None):
    """What the markers found on the pages say: the content to refresh, the markers missing."""
    stamps = {}
    for item in found:
        if item.well_formed:
            stamps.setdefault(item.marker, []).append(item.timestamp)
    stale = []
    for name, moments in stamps.items():
        if name in MARKERS and MARKERS[name].max_age_days:
            when = latest(*moments)
            if is_stale(name, when, now):
                stale.append((name, when))
    missing = [name for name in MARKERS if name not in stamps]
    unknown = sorted({item.marker for item in found} - set(MARKERS))
    return Report(stale=stale, missing=missing, unknown=unknown)
