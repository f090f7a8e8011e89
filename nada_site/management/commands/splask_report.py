"""
Read the site's own pages as the SPLaSK assessment would and say what it finds.

The pages are requested through Django's test client, in the default language,
as an anonymous visitor: the home page, the registry's navigation and fixed
pages, the site map, and the items of every sitemap section (the first
`--per-section` of each). The result is kept (nada_site.MarkerCheck) for the
admin's start page, which names the markers missing at the last run.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from nada_site import splask
from nada_site.models import MarkerCheck
from nada_site.site import site
from nada_site.sitemaps import sitemaps


def page_paths(per_section):
    """The paths to read, each once, in the default language."""
    with translation.override(settings.LANGUAGE_CODE):
        paths = [reverse("home")]
        paths += [reverse(name) for _label, name in site.navigation]
        paths += [reverse(name) for name in site.fixed_pages]
        paths.append(reverse("sitemap"))
        paths.append(reverse("advanced_search"))
        for section in sitemaps().values():
            sitemap = section()
            for item in list(sitemap.items()[:per_section]):
                paths.append(sitemap.location(item))
    # An item written in another language alone (an article) has no page in this one.
    prefix = f"/{settings.LANGUAGE_CODE}/"
    return list(dict.fromkeys(path for path in paths if path.startswith(prefix)))


def host():
    """A name the site answers to (the test client's own when any host is allowed)."""
    for name in settings.ALLOWED_HOSTS:
        if name and name != "*" and not name.startswith("."):
            return name
    return "testserver"


def read_site(per_section):
    """Every marker found, and how many pages were read (pages that did not answer 200 are named)."""
    client = Client(HTTP_HOST=host())
    found, failed = [], []
    paths = page_paths(per_section)
    for path in paths:
        response = client.get(path, secure=not settings.DEBUG, follow=True)
        if response.status_code != 200:
            failed.append((path, response.status_code))
            continue
        found += splask.markers_in(response.content.decode(), path)
    return found, len(paths), failed


class Command(BaseCommand):
    help = (
        "Read the site's pages for the SPLaSK assessment's markers: where each is, how old its "
        "content is, what needs refreshing and what is missing. Keeps the result for the "
        "admin's start page."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--per-section",
            type=int,
            default=20,
            help="How many items of each sitemap section to read (default 20).",
        )

    def handle(self, *args, per_section, **options):
        now = timezone.now()
        found, pages, failed = read_site(per_section)
        report = splask.summarize(found, now)
        MarkerCheck.objects.all().delete()
        MarkerCheck.objects.create(
            checked_at=now, pages=pages, found=sorted({f.marker for f in found if f.well_formed})
        )
        write = self.stdout.write
        write(f"SPLaSK markers on {pages} pages, {splask.malaysia_time(now)} (Malaysia time)")
        write("")
        write("Found (each marker, its element, its content's age, and the pages it is on):")
        # A marker of the header or footer is on every page: said once, with its pages.
        places = {}
        for item in found:
            key = (item.marker, item.element, item.timestamp, item.well_formed)
            places.setdefault(key, []).append(item.url)
        for (name, element, when, well_formed), urls in places.items():
            age = ""
            if when:
                age = f"  {splask.malaysia_time(when)}, {splask.age_in_days(when, now)} days old"
            elif name in splask.MARKERS and splask.MARKERS[name].max_age_days:
                age = "  no timestamp"
            wrong = "" if well_formed else '  NOT written as name="name"'
            urls = list(dict.fromkeys(urls))
            where = urls[0] + (f" and {len(urls) - 1} more pages" if len(urls) > 1 else "")
            write(f"  {splask.PREFIX}{name}  <{element}>{age}{wrong}  on {where}")
        write("")
        write("To refresh (older than its limit):")
        for name, when in report.stale:
            limit = splask.MARKERS[name].max_age_days
            age = f"{splask.age_in_days(when, now)} days old" if when else "no timestamp"
            write(f"  {splask.PREFIX}{name}: {age} (limit {limit} days)")
        if not report.stale:
            write("  none")
        write("")
        write("Missing:")
        for name in report.missing:
            write(f"  {splask.PREFIX}{name}: {splask.MARKERS[name].description}")
        if not report.missing:
            write("  none")
        for name in report.unknown:
            write(f"Not a SPLaSK marker of the list: {splask.PREFIX}{name}")
        for path, status in failed:
            write(f"Could not read {path}: {status}")
