from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.views import View
from django.views.generic import DetailView, ListView

from events.calendar import calendar, location, plain_text
from events.models import Event
from nada_site.localized import localize
from nada_site.pagination import ForgivingPaginationMixin
from nada_site.workflow import PublishedOrPreviewMixin
from news.models import Article
from publications.models import Publication

# schema.org's word for the venue's kind of attendance and the event's standing.
SCHEDULED = "https://schema.org/EventScheduled"
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"


class EventListView(ForgivingPaginationMixin, ListView):
    """Upcoming events, soonest first (on the first page), then past events, paged, latest first."""

    template_name = "events/event_list.html"
    context_object_name = "past_events"
    paginate_by = 12

    def get_queryset(self):
        return Event.objects.past()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        first_page = context["page_obj"].number == 1
        context["upcoming_events"] = list(Event.objects.upcoming()) if first_page else []
        return context


class EventDetailView(PublishedOrPreviewMixin, DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"
    queryset = Event.objects.all()

    def get_context_data(self, **kwargs):
        event = self.object
        context = super().get_context_data(**kwargs)
        context.update(
            title=localize(event, "title"),
            description=localize(event, "description"),
            city=localize(event, "city"),
            related_articles=Article.objects.published().for_listing().filter(events=event),
            related_publications=Publication.objects.for_listing().filter(events=event),
            page_updated_at=event.updated_at,
        )
        context["structured_data"] = self.structured_data(context)
        return context

    def structured_data(self, context):
        """schema.org Event data for search engines (JSON-LD)."""
        event = self.object
        agency = {
            "@type": "GovernmentOrganization",
            "name": gettext("National Anti-Drugs Agency"),
            "url": self.request.build_absolute_uri(reverse("home")),
        }
        if event.all_day:
            start, end = event.local_start.date(), event.local_end.date()
        else:
            start, end = event.local_start, event.local_end
        address = {"@type": "PostalAddress"}
        if context["city"]:
            address["addressLocality"] = context["city"].text
        if event.country:
            address["addressCountry"] = event.country.code
        place = {
            "@type": "Place",
            "name": location(event) or gettext("Venue to be announced"),
            "address": address,
        }
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": context["title"].text,
            "inLanguage": context["title"].language,
            "startDate": start.isoformat(),
            "endDate": end.isoformat(),
            "eventStatus": SCHEDULED,
            "eventAttendanceMode": OFFLINE,
            "location": place,
            "url": self.request.build_absolute_uri(event.get_absolute_url()),
        }
        description = plain_text(context["description"].text)
        if description:
            data["description"] = description
        if event.role == Event.Role.HOSTS:
            data["organizer"] = agency
        return data


class CalendarView(View):
    """The published events as an iCalendar feed in the page's language."""

    def get(self, request):
        body = calendar(get_language(), request.build_absolute_uri)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="events-{get_language()}.ics"'
        return response
