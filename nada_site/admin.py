from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from nada_site import review_admin  # noqa: F401  (registers the reviews)
from nada_site.models import AuditEntry, Page, Question
from nada_site.translated_admin import TranslatedStackedInline, languages_column
from nada_site.workflow_admin import PublishableAdmin


class QuestionInline(TranslatedStackedInline):
    model = Question
    fields = ("question", "answer", "order")
    extra = 0


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    list_display = (
        "title",
        "slug",
        "status",
        "show_in_menu",
        "show_in_footer",
        "order",
        "languages",
        "updated_at",
    )
    list_editable = ("show_in_menu", "show_in_footer", "order")
    list_filter = ("status", "show_in_menu", "show_in_footer")
    search_fields = ("title_ms", "title_en", "title_ar", "slug")
    fieldsets = [
        (None, {"fields": ("title", "slug", "body")}),
        (
            _("Publication"),
            {"fields": ("status", "published_at", "show_in_menu", "show_in_footer", "order")},
        ),
    ]
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
