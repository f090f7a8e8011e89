"""The events in the site search (nada_site.search), narrowed by the date they start on."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nada_site import search

# The description is rich text: its snippet is made plain (search.snippet).
FIELDS = (("title", "A"), ("description", "B"), ("city", "C"))


def search_events(request):
    from events.models import Event

    events = Event.objects.published()
    if request.date_from:
        events = events.filter(starts_at__date__gte=request.date_from)
    if request.date_to:
        events = events.filter(starts_at__date__lte=request.date_to)
    rows = search.matching_rows(
        events,
        request,
        fields=[name for name, _weight in FIELDS],
        values=[
            "slug",
            "starts_at",
            *search.translated("title"),
            *search.translated("description"),
        ],
        order_by=("-starts_at", "-id"),
    )
    return [
        search.SearchResult(
            type="events",
            title=search.text_in(row, "title", row["search_language"], request.language),
            summary=search.snippet(
                search.text_in(row, "description", row["search_language"], request.language)
            ),
            url=reverse("events:detail", kwargs={"slug": row["slug"]}),
            date=row["starts_at"],
            rank=row["rank"],
            match_language=row["search_language"],
        )
        for row in rows
    ]


PROVIDER = search.SearchProvider(
    type="events",
    label=_("Events"),  # As the events' own pages name them.
    search=search_events,
    order=50,
)
