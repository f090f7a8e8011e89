"""
The notifications of a contact message: the unit is told, the sender gets an
acknowledgement in the language they wrote in.

A message is saved before anything is sent. Sending is claimed first, so that
the form's request and `send_pending_notifications` (or two runs of it) never
send the same message twice; each attempt is recorded on the message, and a
failed one is retried later with a growing delay.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from contact.models import ContactMessage

logger = logging.getLogger(__name__)

# How long one process may hold a message while it sends; a crashed sender's
# claim runs out after this and the message becomes due again.
SENDING_LEASE = timedelta(minutes=10)
# Delay before the retry that follows the n-th failed attempt: 5 minutes,
# then doubling, at most a day apart; after MAX_ATTEMPTS staff must look.
FIRST_RETRY_DELAY = timedelta(minutes=5)
LONGEST_RETRY_DELAY = timedelta(hours=24)
MAX_ATTEMPTS = 10


def retry_delay(attempts):
    return min(FIRST_RETRY_DELAY * 2 ** max(attempts - 1, 0), LONGEST_RETRY_DELAY)


def unit_address():
    """The unit's address from its profile, or the fallback setting when no profile exists."""
    from international.models import UnitProfile

    profile = UnitProfile.objects.only("email").single()
    if profile and profile.email:
        return profile.email
    logger.warning("No unit profile email: contact notifications go to CONTACT_FALLBACK_EMAIL.")
    return settings.CONTACT_FALLBACK_EMAIL


def claim(message_id):
    """Take one message for sending if it is due and no one else holds it; None otherwise."""
    now = timezone.now()
    taken = (
        ContactMessage.objects.notification_due(now)
        .filter(pk=message_id)
        .update(sending_until=now + SENDING_LEASE)
    )
    return ContactMessage.objects.get(pk=message_id) if taken else None


def claim_due(limit=100):
    """
    Take up to `limit` due messages for sending. On PostgreSQL the rows are
    locked with SKIP LOCKED while the claim is written, so runs at the same
    time share the work without waiting; elsewhere (SQLite, one writer at a
    time) each message is claimed by a conditional UPDATE.
    """
    now = timezone.now()
    due = ContactMessage.objects.notification_due(now).order_by("next_attempt_at", "pk")
    if connection.features.has_select_for_update_skip_locked:
        with transaction.atomic():
            ids = list(due.select_for_update(skip_locked=True).values_list("pk", flat=True)[:limit])
            ContactMessage.objects.filter(pk__in=ids).update(sending_until=now + SENDING_LEASE)
        return list(ContactMessage.objects.filter(pk__in=ids).order_by("pk"))
    ids = list(due.values_list("pk", flat=True)[:limit])
    return [message for message in map(claim, ids) if message is not None]


def render_mail(template_prefix, context, language):
    with translation.override(language):
        subject = render_to_string(f"contact/email/{template_prefix}_subject.txt", context)
        body = render_to_string(f"contact/email/{template_prefix}_body.txt", context)
    return " ".join(subject.split()), body


def unit_mail(message, to):
    context = {"message": message, "unit_address": to}
    subject, body = render_mail("unit", context, settings.LANGUAGE_CODE)
    return EmailMessage(subject, body, to=[to], reply_to=[message.email])


def acknowledgement_mail(message, unit_email):
    # Only our own words go to the sender's address: none of the text typed in
    # the form is repeated, so the form cannot relay spam to someone else.
    context = {"message": message, "unit_address": unit_email}
    subject, body = render_mail("acknowledgement", context, message.language)
    return EmailMessage(subject, body, to=[message.email], reply_to=[unit_email])


def send_notifications(message):
    """
    Send what is still unsent for a claimed message (the unit's copy, the
    acknowledgement) and record the attempt. Returns True when both are sent.
    """
    now = timezone.now()
    address = message.notified_address or unit_address()
    message.notified_address = address
    error = ""
    try:
        with get_connection(fail_silently=False) as mail_connection:
            if message.unit_notified_at is None:
                mail_connection.send_messages([unit_mail(message, address)])
                message.unit_notified_at = timezone.now()
            if message.acknowledged_at is None:
                mail_connection.send_messages([acknowledgement_mail(message, address)])
                message.acknowledged_at = timezone.now()
    except Exception as exc:  # Any failure of the mail server is recorded, never raised.
        error = f"{type(exc).__name__}: {exc}"[:2000]
        logger.warning("Contact message %s: sending failed (%s)", message.reference, error)

    message.notification_attempts += 1
    message.sending_until = None
    if error:
        message.notification_state = ContactMessage.Notification.FAILED
        message.notification_error = error
        message.next_attempt_at = (
            now + retry_delay(message.notification_attempts)
            if message.notification_attempts < MAX_ATTEMPTS
            else None
        )
    else:
        message.notification_state = ContactMessage.Notification.SENT
        message.notification_error = ""
        message.next_attempt_at = None
    message.save(
        update_fields=[
            "notified_address",
            "unit_notified_at",
            "acknowledged_at",
            "notification_attempts",
            "notification_state",
            "notification_error",
            "next_attempt_at",
            "sending_until",
        ]
    )
    return not error


def notify(message_id):
    """Send a new message's notifications now, unless another process already is."""
    message = claim(message_id)
    return send_notifications(message) if message else False
