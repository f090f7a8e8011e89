"""
Telling staff what needs them: a notice in the admin for each recipient, and
an email to those who asked for one (their preferences), in the language
they chose. Emails leave once the change is committed, and a mail server that
fails never undoes the act that caused them.
"""

import logging

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from nada_site.models import Notification, StaffPreferences

logger = logging.getLogger(__name__)


def review_url(review):
    return reverse("admin:nada_site_reviewrequest_change", args=[review.pk])


def notify(recipients, review, event, request):
    """A notice for each recipient; an email too for those who chose it."""
    recipients = list(recipients)
    if not recipients:
        return
    actor = request.user.get_username()
    Notification.objects.bulk_create(
        Notification(recipient=user, review=review, event=event, actor_name=actor)
        for user in recipients
    )
    link = request.build_absolute_uri(review_url(review))
    wanted = StaffPreferences.objects.filter(
        user__in=recipients, email_notifications=True
    ).select_related("user")
    for preferences in wanted:
        if preferences.user.email:
            transaction.on_commit(
                lambda p=preferences: send_notification(p, review, event, actor, link)
            )


def send_notification(preferences, review, event, actor, link):
    with translation.override(preferences.email_language):
        context = {
            "item": review.object_repr,
            "kind": review.model._meta.verbose_name if review.model else "",
            "event": Notification.Event(event).label,
            "actor": actor,
            "comment": review.comment,
            "link": link,
        }
        subject = render_to_string("nada_site/email/notification_subject.txt", context)
        body = render_to_string("nada_site/email/notification_body.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, None, [preferences.user.email])
    except Exception:  # Every mail backend raises its own errors; the notice in the admin stays.
        logger.exception("Could not email a notification to staff member %s.", preferences.user_id)


def unread_for(user):
    return Notification.objects.filter(recipient=user, read_at__isnull=True)
