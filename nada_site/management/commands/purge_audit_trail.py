from django.conf import settings

from nada_site.audit import expired_entries
from nada_site.management.purge import PurgeCommand


class Command(PurgeCommand):
    help = "Delete the audit trail entries older than AUDIT_RETENTION_DAYS (five years by default)."
    records = "audit entries"

    def handle(self, *args, dry_run, **options):
        self.purge(expired_entries(), settings.AUDIT_RETENTION_DAYS, dry_run)
