from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from contact.models import ContactMessage


class Command(BaseCommand):
    help = (
        "Delete the contact messages received more than DAYS days ago, as the "
        "personal data notice promises (default: CONTACT_RETENTION_DAYS, two years)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=settings.CONTACT_RETENTION_DAYS,
            metavar="DAYS",
            help="Delete messages received more than this many days ago.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, older_than, dry_run, **options):
        if older_than < 1:
            raise CommandError("--older-than must be at least 1 day.")
        old = ContactMessage.objects.older_than(older_than)
        if dry_run:
            self.stdout.write(
                f"{old.count()} contact messages older than {older_than} days would be deleted."
            )
            return
        deleted, _by_model = old.delete()
        self.stdout.write(f"Deleted {deleted} contact messages older than {older_than} days.")
