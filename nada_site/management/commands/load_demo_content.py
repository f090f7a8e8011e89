from django.core.management.base import BaseCommand
from django.db import transaction

from international import demo as international_demo
from nada_site import demo as site_demo
from news import demo as news_demo


class Command(BaseCommand):
    help = (
        "Load the demo content of every app. Running it again changes nothing, and "
        "it never overwrites what staff have edited."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        created = international_demo.load()
        created += site_demo.load()
        created += news_demo.load()
        self.stdout.write(f"Demo content loaded: {created} new records.")
