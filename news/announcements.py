"""
The announcements' public pages: the archive at /<lang>/announcements/ (the
current ones first, then the ended ones), a page for each, and a feed per
language. The home page's part is in news/sections.py.

The text is plain: it is escaped wherever it is shown, and a feed hands it
to feed readers as HTML-escaped text, so that "<b>" reaches the reader as
the four characters it is.
"""

import zoneinfo

from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from nada_site.feeds import LanguageFeed
from nada_site.localized import localize
from nada_site.pagination import ForgivingPaginationMixin
from nada_site.workflow import permission_name
from news.models import Announcement

# The SPLaSK timestamps are written in Malaysia time, whatever the server's zone.
MALAYSIA = zoneinfo.ZoneInfo("Asia/Kuala_Lumpur")
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"


def splask_timestamp(when):
    """`2026-11-20 09:30:00`: a time as SPLaSK reads it, in Malaysia time."""
    return when.astimezone(MALAYSIA).strftime(TIMESTAMP_FORMAT) if when else ""


class AnnouncementArchiveView(ForgivingPaginationMixin, ListView):
    """The current announcements, then the ended ones; the upcoming ones are not public yet."""

    template_name = "news/announcement_list.html"
    context_object_name = "announcements"
    paginate_by = 12

    def get_queryset(self):
        self.now = timezone.now()
        return Announcement.objects.for_archive(self.now)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        items = list(context["announcements"])
        context["current"] = [item for item in items if not item.has_ended(self.now)]
        context["ended"] = [item for item in items if item.has_ended(self.now)]
        return context


class AnnouncementDetailView(DetailView):
    """
    One announcement, current or ended. Staff who may view announcements also
    see one not yet public (a draft, or one whose start is to come) as a
    preview, never cached nor indexed; others get a 404.
    """

    template_name = "news/announcement_detail.html"
    context_object_name = "announcement"

    def get_queryset(self):
        self.now = timezone.now()
        if self.request.user.has_perm(permission_name(Announcement, "view")):
            return Announcement.objects.all()
        return Announcement.objects.public(self.now)

    def get_context_data(self, **kwargs):
        item = self.object
        is_public = item.is_public and item.starts_at <= self.now
        return super().get_context_data(
            is_preview=not is_public,
            is_current=item.is_current(self.now),
            title=localize(item, "title"),
            text=localize(item, "text"),
            page_updated_at=item.updated_at,
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context["is_preview"]:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex"
        return response


class AnnouncementsFeed(LanguageFeed):
    """The announcements written in the feed's language, newest start first (one feed per language)."""

    item_count = 20

    def title(self):
        return _("Announcements of the International Unit, National Anti-Drugs Agency")

    def description(self):
        return _("Notices published by the International Unit.")

    def link(self):
        return reverse("announcements:list")

    def feed_url(self):
        return reverse("announcements:feed")

    def items(self):
        public = Announcement.objects.public().in_language(get_language())
        return public.order_by("-starts_at", "-id")[: self.item_count]

    def item_title(self, item):
        # A title is text: feed readers show it as it is.
        return localize(item, "title").text

    def item_text(self, item):
        return localize(item, "text").text

    def item_pubdate(self, item):
        return item.starts_at

    def item_updateddate(self, item):
        return item.updated_at
