import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Letters and digits that cannot be mistaken for one another when read aloud
# or copied by hand (no 0/O, 1/I/L, U/V).
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
REFERENCE_LENGTH = 6


def new_reference(when=None):
    """A public reference such as UA-2026-7K3M9Q: random, so it reveals no count."""
    year = timezone.localtime(when or timezone.now()).year
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
    return f"UA-{year}-{code}"


class ContactMessageQuerySet(models.QuerySet):
    def notification_due(self, now=None):
        """Messages with a notification still to send, whose next attempt has come."""
        now = now or timezone.now()
        return self.exclude(notification_state=ContactMessage.Notification.SENT).filter(
            Q(sending_until__isnull=True) | Q(sending_until__lt=now),
            next_attempt_at__isnull=False,
            next_attempt_at__lte=now,
        )

    def older_than(self, days):
        return self.filter(created_at__lt=timezone.now() - timedelta(days=days))


class ContactMessage(models.Model):
    """A message written to the unit through the contact form, kept as it was sent."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        ANSWERED = "answered", _("Answered")
        SPAM = "spam", _("Spam")

    class Notification(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    reference = models.CharField(
        _("reference"), max_length=20, unique=True, default=new_reference, editable=False
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"))
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        help_text=_(
            "The language of the page the message was written on. The reply is expected in it."
        ),
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    internal_note = models.TextField(
        _("internal note"),
        blank=True,
        help_text=_("Seen only by staff: who is handling the message, what was answered."),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    # The notifications: the unit is told, the sender gets an acknowledgement.
    notification_state = models.CharField(
        _("notification"),
        max_length=20,
        choices=Notification.choices,
        default=Notification.PENDING,
        db_index=True,
    )
    notified_address = models.EmailField(
        _("unit address notified"),
        blank=True,
        help_text=_("The address the unit's copy was sent to."),
    )
    unit_notified_at = models.DateTimeField(_("unit notified"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledgement sent"), null=True, blank=True)
    notification_attempts = models.PositiveSmallIntegerField(_("sending attempts"), default=0)
    notification_error = models.TextField(_("last sending error"), blank=True)
    next_attempt_at = models.DateTimeField(
        _("next attempt"),
        null=True,
        blank=True,
        default=timezone.now,
        help_text=_("Empty when nothing is left to send or the attempts have run out."),
    )
    sending_until = models.DateTimeField(
        _("being sent until"),
        null=True,
        blank=True,
        help_text=_("Set while one process sends, so that no other sends the same message."),
    )

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-created_at", "-id"]
        permissions = [("export_contactmessage", _("Can export contact messages"))]
        indexes = [models.Index(fields=["notification_state", "next_attempt_at"])]

    def __str__(self):
        # The admin's log and the audit trail name a message by this: its
        # reference only, so that no trace of what was written outlives it.
        return self.reference


class FeedbackPage(models.Model):
    """
    A page of the site that visitors answered "Was this page useful?" on: its
    canonical path (no query string) in one language. The answers hang on it,
    so that the admin lists the pages with their counts.
    """

    path = models.CharField(_("page"), max_length=500)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("page feedback count")
        verbose_name_plural = _("page feedback counts")
        ordering = ["path", "language"]
        constraints = [
            models.UniqueConstraint(fields=["path", "language"], name="feedback_page_unique")
        ]
        permissions = [("export_feedbackpage", _("Can export page feedback counts"))]

    def __str__(self):
        return f"{self.path} ({self.language})"


class PageFeedbackQuerySet(models.QuerySet):
    def older_than(self, days):
        return self.filter(created_on__lt=timezone.localdate() - timedelta(days=days))


class PageFeedback(models.Model):
    """
    One visitor's answer on one page, anonymous: whether the page was useful
    and an optional comment from which emails, telephone and IC numbers were
    removed. No address, browser or cookie is kept, and only the day.
    """

    page = models.ForeignKey(
        FeedbackPage, on_delete=models.CASCADE, related_name="answers", verbose_name=_("page")
    )
    useful = models.BooleanField(_("useful"))
    comment = models.TextField(_("comment"), blank=True)
    created_on = models.DateField(_("day"), default=timezone.localdate, db_index=True)

    objects = PageFeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("page feedback answer")
        verbose_name_plural = _("page feedback answers")
        ordering = ["-created_on", "-id"]
        permissions = [("export_pagefeedback", _("Can export page feedback answers"))]

    def __str__(self):
        # The admin's log names an answer by its page and day, never by what it said.
        return f"{self.page} {self.created_on:%Y-%m-%d}"
