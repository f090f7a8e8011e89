from django.conf import settings
from django.core.management.base import BaseCommand

from nada_site.audit import expired_entries


class Command(BaseCommand):
    help = "Delete the audit trail entries older than AUDIT_RETENTION_DAYS (five years by default)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run, **options):
        old = expired_entries()
        days = settings.AUDIT_RETENTION_DAYS
        if dry_run:
            self.stdout.write(
                f"{old.count()} audit entries older than {days} days would be deleted."
            )
            return
        deleted, _by_model = old.delete()
        self.stdout.write(f"Deleted {deleted} audit entries older than {days} days.")
