from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from international import demo as international_demo
from nada_site import demo as site_demo
from nada_site.roles import ADMINISTRATORS, EDITORS, PUBLISHERS, example_account
from news import demo as news_demo

# Development only: one account per role, to try the workflow end to end.
EXAMPLE_ACCOUNTS = [
    ("editor", EDITORS),
    ("publisher", PUBLISHERS),
    ("administrator", ADMINISTRATORS),
]


class Command(BaseCommand):
    help = (
        "Load the demo content of every app. Running it again changes nothing, and "
        "it never overwrites what staff have edited. In development it also makes "
        "one example account per staff role and prints their passwords once."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        created = international_demo.load()
        created += site_demo.load()
        created += news_demo.load()
        self.stdout.write(f"Demo content loaded: {created} new records.")
        if settings.DEBUG:
            self.example_accounts()

    def example_accounts(self):
        for username, role in EXAMPLE_ACCOUNTS:
            password = example_account(username, role)
            if password:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Created example account '{username}' ({role}) with password {password}"
                    )
                )
            else:
                self.stdout.write(f"Example account '{username}' ({role}) exists.")
