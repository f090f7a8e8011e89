"""The announcements in the site search (nada_site.search): those the public may read."""

from django.utils.translation import gettext_lazy as _

from nada_site import search

FIELDS = (("title", "A"), ("text", "B"))


def search_announcements(request):
    from news.models import Announcement

    # Published and started, as in the archive: those still to come stay unseen.
    announcements = Announcement.objects.public()
    return search.found_items(
        announcements,
        request,
        type="announcements",
        url_name="announcements:detail",
        fields=[name for name, _weight in FIELDS],
        date="starts_at",
        date_lookup="starts_at__date",
        summary="text",
    )


PROVIDER = search.SearchProvider(
    type="announcements",
    label=_("Announcements"),
    search=search_announcements,
    order=60,
)
