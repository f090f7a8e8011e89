from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from nada_site.list_columns import TranslatedListMixin, short_date
from nada_site.localized import localized_names
from nada_site.translated_admin import (
    TranslatedAdmin,
    TranslatedStackedInline,
    languages_column,
)
from nada_site.workflow_admin import PublishableAdmin
from news.images import make_renditions, upright
from news.models import Announcement, Article, Category, KeyPoint, Tag


@admin.register(Category, Tag)
class ArticleGroupAdmin(TranslatedAdmin):
    list_display = ("name", "slug", "languages")
    search_fields = (*localized_names("name"), "slug")
    slug_source = "name"
    fields = ("name", "slug")

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return languages_column(obj, "name")


class KeyPointInline(TranslatedStackedInline):
    model = KeyPoint
    fields = ("order", "heading", "text")
    extra = 0


class LanguageFilter(admin.SimpleListFilter):
    """Which languages an article is written in (has a title in), or is missing."""

    title = _("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        choices = []
        for code, _name in settings.LANGUAGES:
            name = get_language_info(code)["name_translated"]
            choices.append((code, _("In %(language)s") % {"language": name}))
            choices.append((f"no-{code}", _("Not in %(language)s") % {"language": name}))
        return choices

    def queryset(self, request, queryset):
        value = self.value() or ""
        code = value.removeprefix("no-")
        if code not in dict(settings.LANGUAGES):
            return queryset
        field = build_localized_fieldname("title", code)
        missing = Q(**{field: ""}) | Q(**{f"{field}__isnull": True})
        return queryset.filter(missing) if value.startswith("no-") else queryset.exclude(missing)


@admin.register(Article)
class ArticleAdmin(TranslatedListMixin, PublishableAdmin):
    list_display = ("list_title", "category", "state", "publication_date", "languages")
    list_filter = ("status", "category", "published_at", LanguageFilter, "tags")
    search_fields = (*localized_names("title"), "slug")
    slug_source = "title"
    date_hierarchy = "published_at"
    autocomplete_fields = ("tags", "related")
    list_select_related = ("category",)
    inlines = [KeyPointInline]
    save_on_top = True
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ("title", "slug", "summary", "body", "key_points_heading")}),
        (_("Publication"), {"fields": ("status", "published_at", "category", "tags")}),
        (_("Source"), {"fields": ("source_name", "source_url")}),
        (_("Image"), {"fields": ("image", "image_alt", "image_caption")}),
        (_("Read also"), {"fields": ("related",)}),
    ]

    def save_model(self, request, obj, form, change):
        new_image = "image" in form.changed_data and obj.image
        if new_image:
            obj.image = upright(obj.image.file)
        super().save_model(request, obj, form, change)
        if new_image:
            make_renditions(obj)


class AnnouncementPeriodFilter(admin.SimpleListFilter):
    """Where an announcement stands in its period: running now, still to start, or ended."""

    title = _("period")
    parameter_name = "period"

    def lookups(self, request, model_admin):
        return [
            ("current", _("Current")),
            ("upcoming", _("Upcoming")),
            ("ended", _("Ended")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        value = self.value()
        if value == "current":
            return queryset.filter(starts_at__lte=now, ends_at__gt=now)
        if value == "upcoming":
            return queryset.filter(starts_at__gt=now)
        if value == "ended":
            return queryset.filter(ends_at__lte=now)
        return queryset  # No filter, or a value that means nothing.


@admin.register(Announcement)
class AnnouncementAdmin(TranslatedListMixin, PublishableAdmin):
    list_display = ("list_title", "state", "period", "languages")
    list_filter = ("status", AnnouncementPeriodFilter, LanguageFilter)
    search_fields = (*localized_names("title"), "slug")
    slug_source = "title"
    date_hierarchy = "starts_at"
    save_on_top = True
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ("title", "slug", "text", "link")}),
        (_("Shown"), {"fields": ("starts_at", "ends_at")}),
        (_("Publication"), {"fields": ("status", "published_at")}),
    ]

    @admin.display(description=_("period"), ordering="starts_at")
    def period(self, obj):
        return format_html("{} – {}", short_date(obj.starts_at), short_date(obj.ends_at))
