from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from nada_site import review_admin  # noqa: F401  (registers the reviews)
from nada_site.list_columns import TranslatedListMixin
from nada_site.localized import localized_names
from nada_site.models import (
    AddressChange,
    AuditEntry,
    Page,
    Question,
    SiteLink,
    SiteSettings,
    SocialAccount,
    StaffPreferences,
)
from nada_site.review_admin import ReadOnlyAdmin
from nada_site.staff_admin import StaffGroupAdmin, StaffUserAdmin
from nada_site.translated_admin import TranslatedAdmin, TranslatedStackedInline
from nada_site.workflow_admin import PublishableAdmin

# The admin speaks as the unit, in each language: its header, page titles and start page.
admin.site.site_header = _("AADK International Unit")
admin.site.site_title = _("AADK International Unit")
admin.site.index_title = _("AADK International Unit")

# Staff accounts and roles (nada_site/staff_admin.py) in place of Django's own admin.
admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), StaffUserAdmin)
admin.site.unregister(Group)
admin.site.register(Group, StaffGroupAdmin)
# Second factors are set up by their owners and reset from the Users admin,
# which records it; django-otp's own device lists would bypass both.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


class FailedSignInAdmin(AccessAttemptAdmin):
    """django-axes' list of failed sign-ins, its status column named in the staff member's language."""

    @admin.display(description=_("Status"))
    def status(self, obj):
        return super().status(obj)


admin.site.unregister(AccessAttempt)
admin.site.register(AccessAttempt, FailedSignInAdmin)


class QuestionInline(TranslatedStackedInline):
    model = Question
    fields = ("question", "answer", "order")
    extra = 0


@admin.register(Page)
class PageAdmin(TranslatedListMixin, PublishableAdmin):
    list_display = (
        "list_title",
        "state",
        "show_in_menu",
        "show_in_footer",
        "order",
        "last_updated",
        "languages",
    )
    list_editable = ("show_in_menu", "show_in_footer", "order")
    list_filter = ("status", "show_in_menu", "show_in_footer")
    search_fields = (*localized_names("title"), "slug")
    slug_source = "title"
    fieldsets = [
        (None, {"fields": ("title", "slug", "body")}),
        (
            _("Publication"),
            {
                "fields": (
                    "status",
                    "published_at",
                    "show_in_menu",
                    "show_in_footer",
                    "order",
                    "marker",
                )
            },
        ),
    ]
    inlines = [QuestionInline]


# An address typed without its scheme is read as https://.
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


class SocialAccountInline(admin.StackedInline):
    model = SocialAccount
    formfield_overrides = HTTPS_URLS
    fields = ("network", "url", "order")
    extra = 0


class SiteLinkInline(TranslatedStackedInline):
    model = SiteLink
    formfield_overrides = HTTPS_URLS
    fields = ("kind", "label", "url", "order")
    extra = 0


@admin.register(SiteSettings)
class SiteSettingsAdmin(TranslatedAdmin):
    """
    The one record of the site settings, for Administrators: its list leads
    straight to it, and it is never added or deleted by hand.
    """

    fieldsets = [
        (_("Header images"), {"fields": ("logo", "logo_alt", "crest", "crest_alt")}),
        (_("Links"), {"fields": ("complaints_url", "procurement_url", "mobile_apps_url")}),
    ]
    inlines = [SocialAccountInline, SiteLinkInline]
    formfield_overrides = HTTPS_URLS

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        record = SiteSettings.objects.first() or SiteSettings.objects.create()
        return redirect("admin:nada_site_sitesettings_change", record.pk)


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """The audit trail, for Administrators: read only, never edited or deleted by hand."""

    list_display = ("created_at", "actor_name", "action", "content_type", "object_repr", "detail")
    list_filter = ("action", "content_type", ("created_at", admin.DateFieldListFilter))
    search_fields = ("actor_name", "object_repr", "detail")
    date_hierarchy = "created_at"
    list_select_related = ("content_type",)


@admin.register(AddressChange)
class AddressChangeAdmin(admin.ModelAdmin):
    """
    The old addresses that lead to new ones (nada_site/addresses.py). They are
    made when a slug changes; deleting one ends its redirect. Publishers and
    Administrators may delete them; Editors read them.
    """

    list_display = (
        "old_address_link",
        "new_address_link",
        "content_type",
        "item_link",
        "created_at",
    )
    list_filter = ("content_type", ("created_at", admin.DateFieldListFilter))
    search_fields = ("old_slug", "new_slug")
    fields = list_display
    readonly_fields = list_display

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("content_type").prefetch_related("item")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("old address"), ordering="old_slug")
    def old_address_link(self, obj):
        return format_html('<a href="{0}">{0}</a>', obj.old_address())

    @admin.display(description=_("leads to"), ordering="new_slug")
    def new_address_link(self, obj):
        return format_html('<a href="{0}">{0}</a>', obj.new_address())

    @admin.display(description=_("item"))
    def item_link(self, obj):
        item = obj.item
        if item is None:
            return _("(deleted)")
        opts = item._meta
        try:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
        except NoReverseMatch:
            return str(item)
        return format_html('<a href="{}">{}</a>', url, item)


@admin.register(StaffPreferences)
class StaffPreferencesAdmin(admin.ModelAdmin):
    """Each staff member's own choices: the list opens their own."""

    fields = ("email_notifications", "email_language", "editing_language")

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request) and (
            obj is None or obj.user_id == request.user.pk
        )

    has_change_permission = has_view_permission

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).filter(user=request.user)

    def changelist_view(self, request, extra_context=None):
        preferences, _created = StaffPreferences.objects.get_or_create(user=request.user)
        return redirect("admin:nada_site_staffpreferences_change", preferences.pk)
