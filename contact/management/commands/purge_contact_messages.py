from django.conf import settings
from django.core.management.base import CommandError

from contact.models import ContactMessage
from nada_site.management.purge import PurgeCommand


class Command(PurgeCommand):
    help = (
        "Delete the contact messages received more than DAYS days ago, as the "
        "personal data notice promises (default: CONTACT_RETENTION_DAYS, two years)."
    )

    records = "contact messages"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--older-than",
            type=int,
            default=settings.CONTACT_RETENTION_DAYS,
            metavar="DAYS",
            help="Delete messages received more than this many days ago.",
        )

    def handle(self, *args, older_than, dry_run, **options):
        if older_than < 1:
            raise CommandError("--older-than must be at least 1 day.")
        self.purge(ContactMessage.objects.older_than(older_than), older_than, dry_run)
