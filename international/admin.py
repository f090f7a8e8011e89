from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter

from international.inbox import InboxForm, change_inbox
from international.models import Agreement, Approach, Objective, Partner, UnitProfile
from nada_site.list_columns import TranslatedListMixin
from nada_site.localized import localized_names, sort_key
from nada_site.translated_admin import (
    TranslatedAdmin,
    TranslatedStackedInline,
)
from nada_site.workflow_admin import PublishableAdmin


class OrderedItemInline(TranslatedStackedInline):
    """The unit's objectives or approaches (OrderedItem), edited on the profile's page."""

    fields = ("text", "order", "is_visible")
    extra = 0


class ObjectiveInline(OrderedItemInline):
    model = Objective


class ApproachInline(OrderedItemInline):
    model = Approach


@admin.register(UnitProfile)
class UnitProfileAdmin(PublishableAdmin):
    """The unit's one profile: staff edit it, and cannot add a second or delete it."""

    inlines = [ObjectiveInline, ApproachInline]
    fieldsets = [
        (None, {"fields": ("name", "introduction", "objectives_lead", "approaches_lead")}),
        (
            _("Contact details"),
            {"fields": ("address", "telephone", "fax", "email", "office_hours")},
        ),
        (_("Publication"), {"fields": ("status",)}),
    ]
    actions = ["submit_for_review"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not UnitProfile.objects.exists()

    def has_inbox_permission(self, request):
        return request.user.has_perm("international.change_inbox_unitprofile")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        # Once the profile exists, its inbox changes on a page of its own.
        return [
            (
                name,
                {
                    **options,
                    "fields": [
                        "inbox_address" if field == "email" else field
                        for field in options["fields"]
                    ],
                },
            )
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            readonly.append("inbox_address")
        elif not self.has_inbox_permission(request):
            readonly.append("email")
        return readonly

    @admin.display(description=_("email"))
    def inbox_address(self, obj):
        return obj.email

    def workflow_context(self, request, obj):
        context = super().workflow_context(request, obj)
        if obj is not None and self.has_inbox_permission(request):
            context["inbox_url"] = reverse("admin:international_unitprofile_inbox", args=[obj.pk])
        return context

    def get_urls(self):
        inbox = path(
            "<path:object_id>/inbox/",
            self.admin_site.admin_view(self.inbox_view),
            name="international_unitprofile_inbox",
        )
        return [inbox, *super().get_urls()]

    def inbox_view(self, request, object_id):
        """Administrators change where contact messages go; both addresses are told."""
        if not self.has_inbox_permission(request):
            raise PermissionDenied
        profile = self.get_object(request, object_id)
        if profile is None:
            raise Http404
        form = InboxForm(request.POST or None, initial={"email": profile.email})
        if request.method == "POST" and form.is_valid():
            change_inbox(profile, form.cleaned_data["email"], request)
            self.message_user(
                request,
                _("Contact messages now go to %(email)s. Both addresses were told.")
                % {"email": profile.email},
                messages.SUCCESS,
            )
            return redirect("admin:international_unitprofile_change", profile.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Where contact messages are sent"),
            "opts": self.opts,
            "original": profile,
            "form": form,
        }
        return TemplateResponse(request, "admin/international/unitprofile/inbox.html", context)

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        profile = UnitProfile.objects.single()
        if profile is None:
            return redirect("admin:international_unitprofile_add")
        return redirect("admin:international_unitprofile_change", profile.pk)


class PartnerFilter(admin.RelatedFieldListFilter):
    """The agreements' filter by partner, the partners in the language's alphabetical order."""

    def field_choices(self, field, request, model_admin):
        choices = super().field_choices(field, request, model_admin)
        return sorted(choices, key=lambda choice: sort_key(choice[1]))


@admin.register(Partner)
class PartnerAdmin(TranslatedAdmin):
    list_display = ("__str__", "kind", "acronym", "slug")
    list_filter = ("kind", ("country", CountryFilter))
    search_fields = (*localized_names("name"), "acronym", "slug", "country")
    fields = ("kind", "country", "name", "acronym", "slug")


@admin.register(Agreement)
class AgreementAdmin(TranslatedListMixin, PublishableAdmin):
    list_display = ("list_title", "signed_on", "state", "last_updated", "languages")
    list_filter = ("status", "standing", "kind", "instrument", ("partners", PartnerFilter))
    search_fields = (*localized_names("title"), "slug")
    slug_source = "title"
    date_hierarchy = "signed_on"
    filter_horizontal = ("partners", "texts")
    fieldsets = [
        (None, {"fields": ("title", "slug", "summary")}),
        (
            _("Details"),
            {"fields": ("partners", "kind", "instrument", "signed_on", "standing", "document")},
        ),
        (_("Texts"), {"fields": ("texts",)}),
        (_("Publication"), {"fields": ("status", "published_at")}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("partners")
