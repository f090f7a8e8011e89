from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.forms import EventAdminForm
from events.models import Event
from nada_site.list_columns import TranslatedListMixin, short_date
from nada_site.localized import localized_names
from nada_site.workflow_admin import PublishableAdmin


class WhenFilter(admin.SimpleListFilter):
    """Events to come (those under way included) or already over."""

    title = _("when")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", _("Upcoming")), ("past", _("Past"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "upcoming":
            return queryset.filter(ends_at__gte=now)
        if self.value() == "past":
            return queryset.filter(ends_at__lt=now)
        return queryset


@admin.register(Event)
class EventAdmin(TranslatedListMixin, PublishableAdmin):
    form = EventAdminForm
    list_display = ("list_title", "start_date", "role", "state", "languages")
    list_filter = ("status", WhenFilter, "role", "country")
    search_fields = (*localized_names("title"), *localized_names("city"), "slug")
    slug_source = "title"
    date_hierarchy = "starts_at"
    autocomplete_fields = ("related_articles", "related_publications")
    fieldsets = [
        (None, {"fields": ("title", "slug", "description")}),
        (
            _("When and where"),
            {
                "fields": ("time_zone", "starts_at", "ends_at", "all_day", "city", "country"),
                "description": _(
                    "Type the start and the end as the venue's clocks read them. The site shows "
                    "them in Malaysia time too."
                ),
            },
        ),
        (_("The unit's part"), {"fields": ("role", "related_articles", "related_publications")}),
        (_("Publication"), {"fields": ("status", "published_at")}),
    ]

    @admin.display(description=_("start"), ordering="starts_at")
    def start_date(self, obj):
        return short_date(obj.starts_at)
