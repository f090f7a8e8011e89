from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from nada_site.list_columns import TranslatedListMixin, short_date
from nada_site.localized import localized_names
from nada_site.workflow_admin import PublishableAdmin
from publications.models import Publication


class YearFilter(admin.SimpleListFilter):
    """The year of the publication's own date."""

    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = model_admin.get_queryset(request).dates("date", "year", "DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        value = self.value() or ""
        if not value.isdigit() or len(value) != 4:
            return queryset
        return queryset.filter(date__year=int(value))


@admin.register(Publication)
class PublicationAdmin(TranslatedListMixin, PublishableAdmin):
    list_display = ("list_title", "kind", "dated", "state", "languages")
    list_filter = ("status", "kind", YearFilter)
    search_fields = (*localized_names("title"), "slug")
    slug_source = "title"
    date_hierarchy = "date"
    save_on_top = True
    fieldsets = [
        (None, {"fields": ("title", "slug", "kind", "date", "summary")}),
        (
            _("Files"),
            {
                "description": _(
                    "A PDF in each language the publication exists in. Statistics may add their "
                    "data, as an XLSX or CSV file: one for all languages, or one per language."
                ),
                "fields": ("pdf_ms", "pdf_en", "pdf_ar", "data", "data_ms", "data_en", "data_ar"),
            },
        ),
        (_("Publication"), {"fields": ("status", "published_at")}),
    ]

    @admin.display(description=_("date"), ordering="date")
    def dated(self, obj):
        return short_date(obj.date)
