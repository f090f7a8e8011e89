from django.conf import settings
from django.core.management.base import CommandError

from contact.models import FeedbackPage, PageFeedback
from nada_site.management.purge import PurgeCommand


class Command(PurgeCommand):
    help = (
        "Delete the page feedback answers (and their comments) given more than DAYS days "
        "ago, and the pages left without answers (default: FEEDBACK_RETENTION_DAYS, two years)."
    )

    records = "page feedback answers"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--older-than",
            type=int,
            default=settings.FEEDBACK_RETENTION_DAYS,
            metavar="DAYS",
            help="Delete answers given more than this many days ago.",
        )

    def handle(self, *args, older_than, dry_run, **options):
        if older_than < 1:
            raise CommandError("--older-than must be at least 1 day.")
        self.purge(PageFeedback.objects.older_than(older_than), older_than, dry_run)
        if not dry_run:
            FeedbackPage.objects.filter(answers__isnull=True).delete()
