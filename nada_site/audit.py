"""
The audit trail: `record()` writes who did what to which item. Callers name
the item by the object itself, or by a text of their own when the object's
own name could carry personal data (a contact message is named by its
reference only).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from nada_site.models import AuditEntry

Action = AuditEntry.Action


def record(action, actor=None, obj=None, detail="", object_repr=None):
    """Add an entry to the audit trail and return it."""
    entry = AuditEntry(action=action, detail=str(detail))
    if actor is not None and actor.is_authenticated:
        entry.actor = actor
        entry.actor_name = actor.get_username()
    if obj is not None:
        entry.content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        entry.object_id = str(obj.pk)
        entry.object_repr = str(obj)[:200] if object_repr is None else object_repr[:200]
    elif object_repr:
        entry.object_repr = object_repr[:200]
    entry.save()
    return entry


def expired_entries(now=None):
    """The entries older than the retention period (AUDIT_RETENTION_DAYS)."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.AUDIT_RETENTION_DAYS)
    return AuditEntry.objects.filter(created_at__lt=cutoff)
