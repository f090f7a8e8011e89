from django.conf import settings
from django.contrib import admin
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from international.models import Agreement, Approach, Objective, Partner, UnitProfile
from nada_site.translated_admin import (
    TranslatedAdmin,
    TranslatedStackedInline,
    languages_column,
)


class ObjectiveInline(TranslatedStackedInline):
    model = Objective
    fields = ("text", "order", "is_visible")
    extra = 0


class ApproachInline(TranslatedStackedInline):
    model = Approach
    fields = ("text", "order", "is_visible")
    extra = 0


@admin.register(UnitProfile)
class UnitProfileAdmin(TranslatedAdmin):
    """The unit's one profile: staff edit it, and cannot add a second or delete it."""

    inlines = [ObjectiveInline, ApproachInline]
    fieldsets = [
        (None, {"fields": ("name", "introduction", "objectives_lead", "approaches_lead")}),
        (
            _("Contact details"),
            {"fields": ("address", "telephone", "fax", "email", "office_hours")},
        ),
    ]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not UnitProfile.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        profile = UnitProfile.objects.first()
        if profile is None:
            return redirect("admin:international_unitprofile_add")
        return redirect("admin:international_unitprofile_change", profile.pk)


@admin.register(Partner)
class PartnerAdmin(TranslatedAdmin):
    list_display = ("__str__", "kind", "acronym", "slug")
    list_filter = ("kind",)
    search_fields = ("name_ms", "name_en", "name_ar", "acronym", "slug", "country")
    fields = ("kind", "country", "name", "acronym", "slug")


@admin.register(Agreement)
class AgreementAdmin(TranslatedAdmin):
    list_display = ("title", "kind", "instrument", "status", "signed_on", "languages")
    list_filter = ("status", "kind", "instrument", "partners")
    search_fields = ("title_ms", "title_en", "title_ar", "slug")
    date_hierarchy = "signed_on"
    filter_horizontal = ("partners",)
    fieldsets = [
        (None, {"fields": ("title", "slug", "summary")}),
        (
            _("Details"),
            {"fields": ("partners", "kind", "instrument", "signed_on", "status", "document")},
        ),
    ]

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": (f"title_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}",)}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("partners")

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return languages_column(obj, "title")
