"""
Publishing: what every kind of public content shares.

An item is a draft, in review, published (scheduled while its publication
time is in the future) or withdrawn. Editors write drafts and submit them;
only Publishers (the `publish_<model>` permission) publish, schedule and
withdraw. When an Editor changes something already published, the change is
kept aside as a proposal (a `ReviewRequest` holding a snapshot of the item
and its parts, as django-reversion serialises them) and the public keeps
seeing the approved version until a Publisher approves it.

A proposal is made, edited and previewed by running the admin's own form (or
the public page) inside a *rehearsal*: a transaction that applies the
proposal, does the work, takes what it needs and is then rolled back, without
telling the page cache. So the stored item only ever changes when a
Publisher approves.
"""

import json
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from reversion.revisions import _follow_relations_recursive, _get_options

from nada_site import pagecache


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What the public sees: published, and its publication time has come."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        return self.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())


class Publishable(models.Model):
    """The publishing state of an item of public content. See the module's docstring."""

    Status = Status
    # Set by the workflow, never from a form, and kept when a proposal is approved.
    WORKFLOW_FIELDS = ("status", "was_published")

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_(
            "Drafts and items in review are seen only by staff. Only a Publisher publishes, "
            "schedules (a future publication time) or withdraws."
        ),
    )
    published_at = models.DateTimeField(
        _("publication date and time"),
        default=timezone.now,
        help_text=_(
            "A published item appears on the site from this time (Malaysia time). "
            "Set a future time to schedule it."
        ),
    )
    was_published = models.BooleanField(
        _("has been published"),
        default=False,
        editable=False,
        help_text=_("Once published or scheduled, only a Publisher may delete or recover it."),
    )
    # What the content checks found in the item's texts when it was last saved or
    # approved (nada_site.content_warnings): never part of a revision, a proposal
    # or the edit fingerprint.
    warning_count = models.PositiveIntegerField(
        _("content warnings"), default=0, editable=False, serialize=False
    )

    # Fields besides the status that only a Publisher sets (read only for others).
    publisher_fields = ()
    # Fields that a proposed change never carries: they are changed elsewhere, by
    # those entitled to (the unit's inbox address).
    fields_outside_review = ()
    # Other times of a published item whose arrival changes what the public
    # sees (an announcement's start and end): the page cache counts them as
    # it counts a scheduled publication.
    scheduled_fields = ()

    class Meta:
        abstract = True
        default_permissions = ("add", "change", "delete", "view", "publish")

    @property
    def is_live(self):
        """Published or scheduled: what the public sees now, or will see at its time."""
        return self.status == Status.PUBLISHED

    @property
    def is_public(self):
        return self.is_live and self.published_at <= timezone.now()

    @property
    def is_scheduled(self):
        return self.is_live and self.published_at > timezone.now()


class PublishedOrPreviewMixin:
    """
    For a detail view: visitors see what is published; staff who may view this
    kind of content also see it unpublished, as a preview that is never cached
    nor indexed.
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.request.user.has_perm(permission_name(queryset.model, "view")):
            return queryset
        return queryset.published()

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_preview=not self.object.is_public, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context["is_preview"]:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex"
        return response


def is_publishable(model):
    return isinstance(model, type) and issubclass(model, Publishable)


def permission_name(model, action):
    opts = model._meta
    return f"{opts.app_label}.{action}_{opts.model_name}"


def can_publish(user, model):
    return user.has_perm(permission_name(model, "publish"))


def publishers_of(model):
    """The active staff who may publish `model`: by group, by their own permission, or superusers."""
    opts = model._meta
    permission = Permission.objects.filter(
        content_type=ContentType.objects.get_for_model(model), codename=f"publish_{opts.model_name}"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__in=permission)
            | Q(user_permissions__in=permission)
        )
        .distinct()
    )


# Rehearsals: run the admin's own code against a proposal, then undo it.


class _Undo(Exception):
    pass


_rehearsing = ContextVar("workflow_rehearsing", default=False)


@contextmanager
def rehearsal():
    """
    Whatever the block writes to the database is rolled back; the page cache
    is not told, and what records a change going live (nada_site.addresses)
    records nothing.
    """
    token = _rehearsing.set(True)
    try:
        with transaction.atomic(), pagecache.unchanged():
            yield
            raise _Undo
    except _Undo:
        pass
    finally:
        _rehearsing.reset(token)


def is_rehearsing():
    """True inside `rehearsal()`: what is saved now is about to be undone."""
    return _rehearsing.get()


def graph(obj):
    """The item and the parts it is edited with (its inlines), as django-reversion follows them."""
    return _follow_relations_recursive(obj)


def graph_keys(obj):
    return {(item._meta.label_lower, str(item.pk)) for item in graph(obj)}


def snapshot(obj, existing_keys=None):
    """
    The item and its parts, serialised as django-reversion stores a version.
    Parts that are not in `existing_keys` (what is stored outside the
    rehearsal) are marked new: they get a new number when approved.
    """
    entries = []
    for item in sorted(graph(obj), key=lambda item: (item is not obj, item._meta.label_lower)):
        options = _get_options(type(item))
        key = (item._meta.label_lower, str(item.pk))
        entries.append(
            {
                "model": key[0],
                "pk": key[1],
                "new": existing_keys is not None and key not in existing_keys,
                "data": serializers.serialize(
                    options.format,
                    [item],
                    fields=options.fields,
                    use_natural_foreign_keys=options.use_natural_foreign_keys,
                ),
            }
        )
    return entries


def apply(live, entries, *, for_real):
    """
    Write a snapshot over the stored item and its parts with raw saves (as
    restoring a revision does), and delete the parts the snapshot no longer
    has. The workflow's own fields and those changed outside review keep
    their stored values. `for_real` (approval) gives new parts new numbers;
    a rehearsal keeps their numbers so that a form opened on a proposal
    posts back to the same parts.
    """
    model = type(live)
    # Kept as stored too: the fields a snapshot leaves out (never serialised, such
    # as the recorded image renditions), which a raw save would otherwise empty.
    unserialised = [
        field.attname
        for field in model._meta.concrete_fields
        if not field.serialize and not field.primary_key and not field.generated
    ]
    kept = {
        name: getattr(live, name)
        for name in (*model.WORKFLOW_FIELDS, *model.fields_outside_review, *unserialised)
    }
    before = {(item._meta.label_lower, str(item.pk)): item for item in graph(live)}
    root_key = (live._meta.label_lower, str(live.pk))
    saved = set()
    for entry in entries:
        deserialized = next(serializers.deserialize("json", entry["data"], ignorenonexistent=True))
        item = deserialized.object
        key = (entry["model"], entry["pk"])
        if key == root_key:
            for name, value in kept.items():
                setattr(item, name, value)
        elif entry.get("new") and (
            for_real or type(item)._default_manager.filter(pk=item.pk).exists()
        ):
            item.pk = None
        deserialized.save()
        saved.add((item._meta.label_lower, str(item.pk)))
    for key, item in before.items():
        if key not in saved and key != root_key:
            item.delete()


def field_values(entry):
    """The stored fields of one snapshot entry, as a dict."""
    return json.loads(entry["data"])[0]["fields"]
