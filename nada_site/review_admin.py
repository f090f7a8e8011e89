"""
The Publishers' review: the list of what awaits them, and for each item what
changed (field by field, language by language), a preview in each language
as the public would see it, and the buttons to approve it or send it back
with a comment. Editors see the same page for their own items, with the
Publisher's comment.
"""

import copy
import html

from django.apps import apps
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models.functions import Least
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, resolve, reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator
from reversion_compare.helpers import html_diff

from nada_site import reviews
from nada_site.localized import direction, field_label
from nada_site.models import Notification, ReviewRequest
from nada_site.notifications import unread_for
from nada_site.richtext import SanitizedRichTextField
from nada_site.workflow import (
    Publishable,
    Status,
    apply,
    can_publish,
    field_values,
    rehearsal,
    snapshot,
)

# Past this many characters (old and new together), the review also shows what differs.
LONG_TEXT = 300
# Fields a review never shows: kept by the system, or the workflow's own.
HIDDEN_FIELDS = {"id", "created_at", "updated_at", *Publishable.WORKFLOW_FIELDS}


def translated_originals(model):
    """The untranslated fields of a translated model: copies of one language, never shown."""
    try:
        return set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return set()


def display_value(field, value):
    """A stored value as staff read it."""
    if value in (None, "", []):
        return ""
    if field.many_to_many:
        return ", ".join(
            str(item) for item in field.related_model._default_manager.filter(pk__in=value)
        )
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.get_internal_type() == "BooleanField":
        return _("Yes") if value else _("No")
    if field.get_internal_type() == "DateTimeField":
        return date_format(timezone.localtime(field.to_python(value)), "DATETIME_FORMAT")
    if isinstance(field, SanitizedRichTextField):
        # The text as read: tags out, each block apart, entities decoded.
        return " ".join(html.unescape(strip_tags(value.replace("<", " <"))).split())
    return str(value)


def entry_fields(entries):
    return {(entry["model"], entry["pk"]): field_values(entry) for entry in entries}


def changes(review):
    """What the review would change, item by item (the item, then its parts), field by field."""
    live = review.model._default_manager.filter(pk=review.object_id).first()
    if live is None:
        return []
    if review.kind == ReviewRequest.Kind.CHANGE:
        before, after = entry_fields(snapshot(live)), entry_fields(review.payload)
    else:
        before, after = {}, entry_fields(snapshot(live))
    keys = list(after) + [key for key in before if key not in after]
    sections = []
    for key in keys:
        model = apps.get_model(key[0])
        old, new = before.get(key, {}), after.get(key, {})
        rows = []
        hidden = HIDDEN_FIELDS | translated_originals(model)
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
            if (
                field.name in hidden
                or not field.editable
                or field.name in model_fields_outside_review(model)
            ):
                continue
            if field.is_relation and not field.many_to_many and field.related_model is review.model:
                continue  # a part's link to its item
            old_text = display_value(field, old.get(field.name))
            new_text = display_value(field, new.get(field.name))
            if old_text == new_text:
                continue
            language = getattr(field, "language", "") or ""
            rows.append(
                {
                    "label": field_label(field),
                    "language": language,
                    "direction": direction(language) if language else "",
                    "old": old_text,
                    "new": new_text,
                    # For long texts, where a change is hard to spot, the words that differ too.
                    "diff": html_diff(old_text, new_text)
                    if old_text and new_text and len(old_text) + len(new_text) > LONG_TEXT
                    else "",
                }
            )
        state = "added" if key not in before else "removed" if key not in after else "changed"
        if rows or state != "changed":
            name = model._meta.verbose_name
            sections.append(
                {
                    "name": name,
                    "state": state,
                    "rows": rows,
                    "is_item": key[0] == review.model._meta.label_lower,
                }
            )
    return sections


def model_fields_outside_review(model):
    return getattr(model, "fields_outside_review", ())


def render_public_page(request, obj, language):
    """The item's public page in `language`, rendered for an anonymous visitor."""
    with translation.override(language):
        url = obj.get_absolute_url()
        match = resolve(url)
        public = copy.copy(request)
        public.user = AnonymousUser()
        public.path = public.path_info = url
        public.LANGUAGE_CODE = language
        public.is_workflow_preview = True
        response = match.func(public, *match.args, **match.kwargs)
        if hasattr(response, "render"):
            response.render()
    return response


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records the system keeps: staff read them, never add, edit or delete them by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReviewRequest)
class ReviewRequestAdmin(ReadOnlyAdmin):
    list_display = (
        "object_repr",
        "content_type",
        "kind",
        "state",
        "author",
        "submitted_at",
        "reviewer",
    )
    list_filter = ("state", "kind", "content_type", ("author", admin.RelatedOnlyFieldListFilter))
    search_fields = ("object_repr",)
    list_select_related = ("content_type", "author", "reviewer")
    change_form_template = "admin/nada_site/reviewrequest/review.html"

    def get_queryset(self, request):
        """The reviews of the kinds of content the staff member may see."""
        visible = [
            content_type.pk
            for content_type in ContentType.objects.filter(
                pk__in=ReviewRequest.objects.values("content_type").distinct()
            )
            if content_type.model_class()
            and request.user.has_perm(
                f"{content_type.app_label}.view_{content_type.model_class()._meta.model_name}"
            )
        ]
        return super().get_queryset(request).filter(content_type__in=visible)

    def get_urls(self):
        preview = path(
            "preview/<int:content_type_id>/<str:object_id>/<str:language>/",
            self.admin_site.admin_view(self.preview_view),
            name="nada_site_reviewrequest_preview",
        )
        read = path(
            "notifications/read/",
            self.admin_site.admin_view(self.notifications_read_view),
            name="nada_site_notifications_read",
        )
        return [preview, read, *super().get_urls()]

    def notifications_read_view(self, request):
        """Mark every notice of the staff member as read (a POST from the start page)."""
        if request.method != "POST":
            raise PermissionDenied
        unread_for(request.user).update(read_at=timezone.now())
        return redirect("admin:index")

    def changelist_view(self, request, extra_context=None):
        if not request.GET and can_review_anything(request.user):
            # Publishers open on what awaits them.
            return redirect(f"{request.path}?state__exact={ReviewRequest.State.PENDING}")
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        review = self.get_object(request, object_id)
        if review is None or not self.has_view_permission(request, review):
            raise Http404
        # Opening or acting on the review is reading its notices.
        Notification.objects.filter(
            recipient=request.user, review=review, read_at__isnull=True
        ).update(read_at=timezone.now())
        if request.method == "POST":
            return self.act(request, review)
        obj = review.content_object
        is_open = review.state in ReviewRequest.OPEN_STATES
        context = {
            **self.admin_site.each_context(request),
            "title": _("Review: %(item)s") % {"item": review.object_repr},
            "opts": self.opts,
            "review": review,
            "item": obj,
            "item_url": reverse(
                f"admin:{review.content_type.app_label}_{review.content_type.model}_change",
                args=[review.object_id],
            )
            if obj
            else "",
            "changes": changes(review) if obj else [],
            "previews": preview_links(obj) if obj else [],
            "can_decide": is_open and can_publish(request.user, review.model),
            "can_send_back": review.state == ReviewRequest.State.PENDING
            and can_publish(request.user, review.model),
            "can_discard": is_open
            and (review.author_id == request.user.pk or can_publish(request.user, review.model)),
            "is_stale": review.kind == ReviewRequest.Kind.CHANGE
            and obj is not None
            and review.updated_at < obj.updated_at,
        }
        return TemplateResponse(request, self.change_form_template, context)

    def act(self, request, review):
        """Approve, send back or discard: each checked here, whatever the page showed."""
        publisher = can_publish(request.user, review.model)
        is_open = review.state in ReviewRequest.OPEN_STATES
        if review.content_object is None:
            is_open = False  # the item was deleted: nothing to approve or send back
        here = reverse("admin:nada_site_reviewrequest_change", args=[review.pk])
        if "_approve" in request.POST and is_open and publisher:
            reviews.approve(review, request)
            self.message_user(
                request, _("Approved: the public now sees this version."), messages.SUCCESS
            )
        elif (
            "_send_back" in request.POST
            and review.state == ReviewRequest.State.PENDING
            and publisher
        ):
            comment = request.POST.get("comment", "").strip()
            if not comment:
                self.message_user(
                    request,
                    _("Say what to change, so the Editor knows what to do."),
                    messages.ERROR,
                )
                return redirect(here)
            reviews.send_back(review, request, comment)
            self.message_user(
                request, _("Sent back to the Editor with your comment."), messages.SUCCESS
            )
        elif (
            "_discard" in request.POST
            and is_open
            and (publisher or review.author_id == request.user.pk)
        ):
            reviews.discard(review, request)
            self.message_user(request, _("The proposal was discarded."), messages.SUCCESS)
        else:
            raise PermissionDenied
        return redirect(here)

    def preview_view(self, request, content_type_id, object_id, language):
        """The item as the public would see it, with its proposed change, in one language."""
        content_type = get_object_or_404(ContentType, pk=content_type_id)
        model = content_type.model_class()
        model_admin = self.admin_site._registry.get(model)
        if model_admin is None or not issubclass(model, Publishable):
            raise Http404
        if language not in dict(settings.LANGUAGES):
            raise Http404
        if not request.user.has_perm(f"{content_type.app_label}.view_{model._meta.model_name}"):
            raise PermissionDenied
        obj = model_admin.get_object(request, object_id)  # None for a number that is not one
        if obj is None:
            raise Http404
        review = reviews.open_review(obj)
        with rehearsal():
            if review is not None and review.kind == ReviewRequest.Kind.CHANGE:
                apply(obj, review.payload, for_real=False)
            # As the public would see it once published.
            model._default_manager.filter(pk=obj.pk).update(
                status=Status.PUBLISHED, published_at=Least("published_at", timezone.now())
            )
            obj.refresh_from_db()
            response = render_public_page(request, obj, language)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
        return response


def can_review_anything(user):
    return any(
        can_publish(user, model) for model in apps.get_models() if issubclass(model, Publishable)
    )


def preview_links(obj):
    """Links to the item as the public would see it, proposal included, in each language."""
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": reverse(
                "admin:nada_site_reviewrequest_preview", args=[content_type.pk, obj.pk, code]
            ),
        }
        for code, _name in settings.LANGUAGES
    ]


def pending_for(user):
    """The reviews awaiting this Publisher, across the kinds of content they may publish."""
    models = [m for m in apps.get_models() if issubclass(m, Publishable) and can_publish(user, m)]
    if not models:
        return ReviewRequest.objects.none()
    content_types = ContentType.objects.get_for_models(*models).values()
    return ReviewRequest.objects.filter(
        state=ReviewRequest.State.PENDING, content_type__in=content_types
    )


def returned_to(user):
    return ReviewRequest.objects.filter(state=ReviewRequest.State.RETURNED, author=user)


def proposals_of(user):
    return ReviewRequest.objects.filter(state=ReviewRequest.State.DRAFT, author=user)
