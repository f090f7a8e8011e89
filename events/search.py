"""The events in the site search (nada_site.search), narrowed by the date they start on."""

from django.utils.translation import gettext_lazy as _

from nada_site import search

# The description is rich text: its snippet is made plain (search.snippet).
FIELDS = (("title", "A"), ("description", "B"), ("city", "C"))


def search_events(request):
    from events.models import Event

    return search.found_items(
        Event.objects.published(),
        request,
        type="events",
        url_name="events:detail",
        fields=[name for name, _weight in FIELDS],
        date="starts_at",
        date_lookup="starts_at__date",
        summary="description",
    )


PROVIDER = search.SearchProvider(
    type="events",
    label=_("Events"),  # As the events' own pages name them.
    search=search_events,
    order=50,
)
