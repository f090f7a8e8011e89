"""What the contact app brings to the admin's start page: the inbox's work, for those who read it."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import ngettext

from contact.models import ContactMessage
from nada_site.site import StartTask

UNANSWERED = (ContactMessage.Status.NEW, ContactMessage.Status.IN_PROGRESS)


def inbox_tasks(user):
    """Messages not yet answered (new or in progress) and notifications that failed: one query."""
    if not user.has_perm("contact.view_contactmessage"):
        return
    counts = ContactMessage.objects.aggregate(
        unanswered=Count("pk", filter=Q(status__in=UNANSWERED)),
        failed=Count("pk", filter=Q(notification_state=ContactMessage.Notification.FAILED)),
    )
    inbox = reverse("admin:contact_contactmessage_changelist")
    unanswered = counts["unanswered"]
    yield StartTask(
        ngettext(
            "%(count)d contact message not yet answered",
            "%(count)d contact messages not yet answered",
            unanswered,
        )
        % {"count": unanswered},
        unanswered,
        f"{inbox}?{urlencode({'status__in': ','.join(UNANSWERED)})}",
    )
    failed = counts["failed"]
    yield StartTask(
        ngettext(
            "%(count)d contact message whose notification failed",
            "%(count)d contact messages whose notification failed",
            failed,
        )
        % {"count": failed},
        failed,
        f"{inbox}?{urlencode({'notification_state__exact': ContactMessage.Notification.FAILED})}",
    )
