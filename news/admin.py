import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

from nada_site.translated_admin import (
    TranslatedAdmin,
    TranslatedStackedInline,
    languages_column,
)
from news.images import make_renditions, upright
from news.models import Article, Category, KeyPoint, Tag


@admin.register(Category)
class CategoryAdmin(TranslatedAdmin):
    list_display = ("name", "slug", "languages")
    search_fields = ("name_ms", "name_en", "name_ar", "slug")
    fields = ("name", "slug")

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return languages_column(obj, "name")


@admin.register(Tag)
class TagAdmin(CategoryAdmin):
    pass


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
class ArticleAdmin(TranslatedAdmin):
    list_display = ("title", "category", "status", "published_at", "is_visible", "languages")
    list_filter = ("status", "category", "published_at", LanguageFilter, "tags")
    search_fields = ("title_ms", "title_en", "title_ar", "slug")
    date_hierarchy = "published_at"
    autocomplete_fields = ("tags", "related")
    list_select_related = ("category",)
    inlines = [KeyPointInline]
    actions = ["publish", "unpublish"]
    save_on_top = True
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ("title", "slug", "summary", "body", "key_points_heading")}),
        (_("Publication"), {"fields": ("status", "published_at", "category", "tags")}),
        (_("Source"), {"fields": ("source_name", "source_url")}),
        (_("Image"), {"fields": ("image", "image_alt", "image_caption")}),
        (_("Read also"), {"fields": ("related",)}),
    ]

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": (f"title_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}",)}

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return languages_column(obj, "title")

    @admin.display(description=_("on the site"), boolean=True)
    def is_visible(self, obj):
        return obj.is_public

    # Publishing: only Publishers (the permission news.publish_article) put an
    # article on the site or take it off, through whatever path: the form, the
    # actions, or restoring an old revision.

    def has_publish_permission(self, request):
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.publish_article")

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly.append("status")
        return readonly

    def save_model(self, request, obj, form, change):
        if not self.has_publish_permission(request):
            stored = Article.objects.filter(pk=obj.pk).values_list("status", flat=True).first()
            if obj.status == Article.Status.PUBLISHED and stored != Article.Status.PUBLISHED:
                raise PermissionDenied
        new_image = "image" in form.changed_data and obj.image
        if new_image:
            obj.image = upright(obj.image.file)
        super().save_model(request, obj, form, change)
        if new_image:
            make_renditions(obj)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        self.check_publishing_of_version(request, version_id, object_id)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        self.check_publishing_of_version(request, version_id)
        return super().recover_view(request, version_id, extra_context)

    def check_publishing_of_version(self, request, version_id, object_id=None):
        """Restoring a revision must not publish an article for someone who may not publish."""
        if self.has_publish_permission(request):
            return
        version = Version.objects.filter(pk=version_id).first()
        if version is None or version.field_dict.get("status") != Article.Status.PUBLISHED:
            return
        current = Article.objects.filter(pk=object_id).values_list("status", flat=True).first()
        if current != Article.Status.PUBLISHED:
            raise PermissionDenied

    def set_status(self, request, queryset, status):
        """Save each article, so that every change keeps a revision with who made it."""
        changed = 0
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(_("Status changed from the list of articles."))
            for article in queryset.exclude(status=status):
                article.status = status
                article.save(update_fields=["status", "updated_at"])
                reversion.add_to_revision(article)
                changed += 1
        return changed

    @admin.action(description=_("Publish the selected articles"), permissions=["publish"])
    def publish(self, request, queryset):
        count = self.set_status(request, queryset, Article.Status.PUBLISHED)
        self.message_user(
            request,
            ngettext(
                "%(count)d article published. Those with a future time appear at that time.",
                "%(count)d articles published. Those with a future time appear at that time.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected articles"), permissions=["publish"])
    def unpublish(self, request, queryset):
        count = self.set_status(request, queryset, Article.Status.DRAFT)
        self.message_user(
            request,
            ngettext(
                "%(count)d article returned to draft.",
                "%(count)d articles returned to draft.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
