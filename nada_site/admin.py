from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from nada_site.models import AuditEntry, Page, Question
from nada_site.staff_admin import StaffGroupAdmin, StaffUserAdmin
from nada_site.translated_admin import TranslatedAdmin, TranslatedStackedInline, languages_column

# Staff accounts and roles (nada_site/staff_admin.py) in place of Django's own admin.
admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), StaffUserAdmin)
admin.site.unregister(Group)
admin.site.register(Group, StaffGroupAdmin)
# Second factors are set up by their owners and reset from the Users admin,
# which records it; django-otp's own device lists would bypass both.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


class QuestionInline(TranslatedStackedInline):
    model = Question
    fields = ("question", "answer", "order")
    extra = 0


@admin.register(Page)
class PageAdmin(TranslatedAdmin):
    list_display = (
        "title",
        "slug",
        "show_in_menu",
        "show_in_footer",
        "order",
        "languages",
        "updated_at",
    )
    list_editable = ("show_in_menu", "show_in_footer", "order")
    list_filter = ("show_in_menu", "show_in_footer")
    search_fields = ("title_ms", "title_en", "title_ar", "slug")
    fields = ("title", "slug", "body", "show_in_menu", "show_in_footer", "order")
    inlines = [QuestionInline]

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": ("title_ms",)}

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return languages_column(obj, "title")


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit trail, for Administrators: read only, never edited or deleted by hand."""

    list_display = ("created_at", "actor_name", "action", "content_type", "object_repr", "detail")
    list_filter = ("action", "content_type", ("created_at", admin.DateFieldListFilter))
    search_fields = ("actor_name", "object_repr", "detail")
    date_hierarchy = "created_at"
    list_select_related = ("content_type",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
