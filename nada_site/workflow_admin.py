"""
The admin of public content: publishing is a Publisher's act on every path.

- The change form: only a Publisher sets the status and the fields listed in
  the model's `publisher_fields`; an Editor's save keeps what was stored. An
  Editor's edit of a published item becomes a proposal (nada_site.workflow)
  and the public keeps seeing the published version.
- List actions: submit for review (anyone who edits), publish and withdraw
  (Publishers).
- List editing: only for Publishers.
- History: restoring a revision follows the same rules as the form.
- Recover and delete: what is or was published is a Publisher's to delete or
  recover; Editors may delete or recover drafts that were never published.
"""

from functools import partial

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import router, transaction
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from reversion.models import Version

from nada_site import audit, content_warnings, reviews
from nada_site.review_admin import preview_links
from nada_site.translated_admin import TranslatedAdmin, lock_stored
from nada_site.workflow import (
    Status,
    apply,
    can_publish,
    field_values,
    graph_keys,
    rehearsal,
    snapshot,
)

SUBMIT = "_submit_for_review"


def was_ever_published(version):
    """From a stored version: was the item published then, or before? Unknown counts as yes."""
    # Read the stored fields themselves: reversion's field_dict would load the
    # fields left out of versions from an item that no longer exists.
    fields = field_values({"data": version.serialized_data})
    return fields.get("was_published", True) or fields.get("status") == Status.PUBLISHED


class PublishableAdmin(TranslatedAdmin):
    actions = ["submit_for_review", "publish", "withdraw"]

    def has_publish_permission(self, request):
        return can_publish(request.user, self.model)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        if obj is None or self.has_publish_permission(request):
            return True
        return not (obj.was_published or obj.is_live)

    def publisher_only_fields(self):
        return ["status", *self.model.publisher_fields]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly += [name for name in self.publisher_only_fields() if name not in readonly]
        return readonly

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        if content_warnings.has_rich_text(self.model):
            filters.append(content_warnings.ContentWarningsFilter)
        return filters

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if not self.has_publish_permission(request):
            # List editing would save straight over published items.
            changelist.list_editable = ()
        return changelist

    # What the item was before this request changed anything.

    def stored_values(self, request, obj, change):
        names = [*self.publisher_only_fields(), "was_published"]
        if not change:
            return {name: self.model._meta.get_field(name).get_default() for name in names}
        stored = getattr(request, "_workflow_stored", None)
        if stored is None:
            stored = self.model._default_manager.filter(pk=obj.pk).values(*names).first()
        return stored

    def save_model(self, request, obj, form, change):
        stored = self.stored_values(request, obj, change)
        publisher = self.has_publish_permission(request)
        if not publisher:
            # Only a Publisher sets these, whatever the form or the restored revision says.
            for name in self.publisher_only_fields():
                setattr(obj, name, stored[name])
        obj.was_published = stored["was_published"] or obj.status == Status.PUBLISHED
        super().save_model(request, obj, form, change)
        if publisher and not getattr(request, "_workflow_rehearsing", False):
            reviews.status_changed(obj, stored["status"], request)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if SUBMIT in request.POST and not getattr(request, "_workflow_rehearsing", False):
            if reviews.submit(form.instance, request):
                self.message_user(request, _("Submitted for review."), messages.SUCCESS)

    def report_content_problems(self, request, obj, problems):
        if getattr(request, "_workflow_rehearsing", False):
            # What the Editor proposes: told once the proposal is kept (rehearse_proposal).
            request._proposal_warnings = content_warnings.messages_of(problems)
            return
        super().report_content_problems(request, obj, problems)
        content_warnings.store_count(obj, len(problems))

    def report_script_problems(self, request, warnings):
        if getattr(request, "_workflow_rehearsing", False):
            # Told with the content warnings once the proposal is kept.
            request._proposal_warnings = [*getattr(request, "_proposal_warnings", ()), *warnings]
            return
        super().report_script_problems(request, warnings)

    def message_user(self, request, *args, **kwargs):
        # Inside a rehearsal nothing is saved, so "changed successfully" would mislead.
        if not getattr(request, "_workflow_rehearsing", False):
            super().message_user(request, *args, **kwargs)

    # Editing a published item: the change becomes a proposal.

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "workflow": self.workflow_context(request, None)}
        return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        extra_context = {**(extra_context or {}), "workflow": self.workflow_context(request, obj)}
        run = partial(super().change_view, request, object_id, form_url, extra_context)
        if reviews.edits_wait_for_review(request.user, obj):
            return self.rehearse_proposal(request, obj, run, apply_open_change=True)
        return run()

    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        run = partial(super().revision_view, request, object_id, version_id, extra_context)
        if obj is None:
            return run()
        names = [*self.publisher_only_fields(), "was_published"]
        request._workflow_stored = {name: getattr(obj, name) for name in names}
        extra_context = {**(extra_context or {}), "workflow": self.workflow_context(request, obj)}
        run = partial(super().revision_view, request, object_id, version_id, extra_context)
        if reviews.edits_wait_for_review(request.user, obj):
            # The restored revision becomes the proposal, in place of any other.
            return self.rehearse_proposal(request, obj, run, apply_open_change=False)
        return run()

    def rehearse_proposal(self, request, live, run_view, apply_open_change):
        """
        Run the admin's own view with the proposal in the database, keep what
        the Editor saved as the new proposal, and undo the rest.

        A post holds the item's row locked from before the proposal is read
        until the new one is saved, so that the form's check against the
        proposal it was opened on (ConcurrentEditForm) holds until the save.
        """
        with transaction.atomic(using=router.db_for_write(self.model)):
            if request.method == "POST":
                lock_stored(live)
            return self._rehearse_proposal(request, live, run_view, apply_open_change)

    def _rehearse_proposal(self, request, live, run_view, apply_open_change):
        review = reviews.open_review(live)
        existing = graph_keys(live)
        captured = {}
        request._workflow_rehearsing = True
        try:
            with rehearsal():
                if apply_open_change and review is not None and review.kind == review.Kind.CHANGE:
                    apply(live, review.payload, for_real=False)
                response = run_view()
                if request.method == "POST" and response.status_code == 302:
                    proposed = self.model._default_manager.get(pk=live.pk)
                    captured.update(entries=snapshot(proposed, existing), name=str(proposed))
                elif hasattr(response, "render"):
                    response.render()
        finally:
            request._workflow_rehearsing = False
        if captured:
            reviews.save_proposal(live, captured["entries"], request.user, captured["name"])
            for message in getattr(request, "_proposal_warnings", ()):
                self.message_user(request, message, messages.WARNING)
            if SUBMIT in request.POST:
                reviews.submit(live, request)
                self.message_user(
                    request,
                    _(
                        "Your change was sent to the Publishers for review. The public sees the "
                        "published version until a Publisher approves it."
                    ),
                    messages.SUCCESS,
                )
            else:
                self.message_user(
                    request,
                    _(
                        "Your change is saved as a proposal. The public sees the published "
                        "version until a Publisher approves it: submit it for review when it "
                        "is ready."
                    ),
                    messages.SUCCESS,
                )
        return response

    def workflow_context(self, request, obj):
        """What the change form shows of the item's publishing state and its review."""
        if obj is None:
            return {"can_submit": not self.has_publish_permission(request)}
        review = reviews.open_review(obj)
        return {
            "obj": obj,
            "review": review,
            "review_url": reverse("admin:nada_site_reviewrequest_change", args=[review.pk])
            if review
            else "",
            "is_proposal": reviews.edits_wait_for_review(request.user, obj),
            "can_publish": self.has_publish_permission(request),
            "can_submit": not self.has_publish_permission(request),
            "previews": preview_links(obj),
        }

    # Recover and delete.

    def recover_view(self, request, version_id, extra_context=None):
        version = get_object_or_404(Version, pk=version_id)
        if not self.has_publish_permission(request) and was_ever_published(version):
            raise PermissionDenied
        response = super().recover_view(request, version_id, extra_context)
        if request.method == "POST" and response.status_code == 302:
            recovered = self.model._default_manager.filter(pk=version.object_id).first()
            audit.record(
                audit.Action.RECOVERED, request.user, recovered, object_repr=version.object_repr
            )
        return response

    def delete_model(self, request, obj):
        audit.record(audit.Action.DELETED, request.user, obj)
        reviews.item_deleted(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        if not self.has_publish_permission(request) and any(
            not self.has_delete_permission(request, obj) for obj in queryset
        ):
            raise PermissionDenied
        for obj in queryset:
            audit.record(audit.Action.DELETED, request.user, obj)
            reviews.item_deleted(obj)
        super().delete_queryset(request, queryset)

    # List actions: each item through the same acts as the form.

    @admin.action(description=_("Submit the selected items for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        count = sum(1 for obj in queryset if reviews.submit(obj, request))
        self.report(request, count, SUBMITTED)

    @admin.action(description=_("Publish the selected items"), permissions=["publish"])
    def publish(self, request, queryset):
        items = list(queryset.exclude(status=Status.PUBLISHED))
        for obj in items:
            reviews.publish(obj, request)
        self.report(request, len(items), PUBLISHED)

    @admin.action(
        description=_("Withdraw the selected items from the site"), permissions=["publish"]
    )
    def withdraw(self, request, queryset):
        items = list(queryset.filter(status=Status.PUBLISHED))
        for obj in items:
            reviews.withdraw(obj, request)
        self.report(request, len(items), WITHDRAWN)

    def report(self, request, count, message):
        self.message_user(request, message % {"count": count}, messages.SUCCESS)


# What the list actions say they did; the count picks the plural form.
SUBMITTED = ngettext_lazy(
    "%(count)d item submitted for review.", "%(count)d items submitted for review.", "count"
)
PUBLISHED = ngettext_lazy(
    "%(count)d item published. Those with a future time appear at that time.",
    "%(count)d items published. Those with a future time appear at that time.",
    "count",
)
WITHDRAWN = ngettext_lazy(
    "%(count)d item withdrawn from the site.", "%(count)d items withdrawn from the site.", "count"
)
