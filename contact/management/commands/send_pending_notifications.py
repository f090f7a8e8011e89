import logging

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from contact.mail import claim_due, send_notifications

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Send the contact form notifications that are due: the first try failed or "
        "never ran. Safe to run from cron every few minutes, and when two runs overlap."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=100, help="At most this many messages per run."
        )

    def handle(self, *args, limit, **options):
        sent = failed = 0
        for message in claim_due(limit):
            try:
                delivered = send_notifications(message)
            except DatabaseError:  # e.g. the message was deleted meanwhile; go on with the rest.
                logger.exception(
                    "Contact message %s: the attempt was not recorded", message.reference
                )
                delivered = False
            if delivered:
                sent += 1
            else:
                failed += 1
        self.stdout.write(f"Notifications: {sent} messages sent, {failed} failed (retried later).")
        if failed:
            self.stderr.write(
                "Some notifications failed; see the contact messages' last sending error in the admin."
            )
