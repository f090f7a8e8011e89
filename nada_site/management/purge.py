"""What the commands that delete old records share: a --dry-run, and the same report."""

from django.core.management.base import BaseCommand


class PurgeCommand(BaseCommand):
    # What is deleted, in the report: "contact messages", "audit entries".
    records = ""

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def purge(self, old, days, dry_run):
        """Delete the queryset `old` (older than `days` days), or only count it with --dry-run."""
        if dry_run:
            self.stdout.write(
                f"{old.count()} {self.records} older than {days} days would be deleted."
            )
            return
        deleted, _by_model = old.delete()
        self.stdout.write(f"Deleted {deleted} {self.records} older than {days} days.")
