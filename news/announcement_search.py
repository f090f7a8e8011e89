"""The announcements in the site search (nada_site.search): those the public may read."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nada_site import search

FIELDS = (("title", "A"), ("text", "B"))


def search_announcements(request):
    from news.models import Announcement

    # Published and started, as in the archive: those still to come stay unseen.
    announcements = Announcement.objects.public()
    if request.date_from:
        announcements = announcements.filter(starts_at__date__gte=request.date_from)
    if request.date_to:
        announcements = announcements.filter(starts_at__date__lte=request.date_to)
    rows = search.matching_rows(
        announcements,
        request,
        fields=[name for name, _weight in FIELDS],
        values=["slug", "starts_at", *search.translated("title"), *search.translated("text")],
        order_by=("-starts_at", "-id"),
    )
    return [
        search.SearchResult(
            type="announcements",
            title=search.text_in(row, "title", row["search_language"], request.language),
            summary=search.snippet(
                search.text_in(row, "text", row["search_language"], request.language)
            ),
            url=reverse("announcements:detail", kwargs={"slug": row["slug"]}),
            date=row["starts_at"],
            rank=row["rank"],
            match_language=row["search_language"],
        )
        for row in rows
    ]


PROVIDER = search.SearchProvider(
    type="announcements",
    label=_("Announcements"),
    search=search_announcements,
    order=60,
)
