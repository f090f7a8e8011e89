from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from nada_site.roles import example_account


class Command(BaseCommand):
    help = (
        "Development only: make sure a staff account exists, with a fresh random "
        "password the first time, and print how to log in."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to create an account outside development (DJANGO_DEBUG is off). "
                "Use `manage.py createsuperuser` on a production server."
            )
        password = example_account(username)
        if password is None:
            self.stdout.write(
                f"Staff account '{username}' exists. Log in at http://127.0.0.1:8000/admin/ "
                f"(forgot the password? python manage.py changepassword {username})"
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Created staff account '{username}' with password {password}\n"
                "Log in at http://127.0.0.1:8000/admin/ and keep the password; "
                "it is shown only this once."
            )
        )
