from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from nada_site.roles import ADMINISTRATORS, EDITORS, PUBLISHERS, example_account
from nada_site.site import site

# Development only: one account per role, to try the workflow end to end.
EXAMPLE_ACCOUNTS = [
    ("editor", EDITORS),
    ("publisher", PUBLISHERS),
    ("administrator", ADMINISTRATORS),
]


class Command(BaseCommand):
    help = (
        "Load the demo content that every app registered. Running it again changes nothing, and "
        "it never overwrites what staff have edited. In development it also makes "
        "one example account per staff role and prints their passwords once."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        created = sum(load() for load in site.demo)
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
