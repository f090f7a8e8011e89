from django.core.management.base import BaseCommand

from nada_site.content_warnings import checked_models, recount


class Command(BaseCommand):
    help = (
        "Run the content checks over every item of public content and its parts, and keep "
        "each item's number of warnings for the admin's start page (nada_site/content_warnings.py)."
    )

    def handle(self, *args, **options):
        for model in checked_models():
            with_warnings = 0
            for obj in model._default_manager.order_by("pk").iterator(chunk_size=200):
                recount(obj)
                with_warnings += obj.warning_count > 0
            self.stdout.write(f"{model._meta.label}: {with_warnings} with warnings.")
