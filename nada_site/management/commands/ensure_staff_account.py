import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


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
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Staff account '{username}' exists. Log in at http://127.0.0.1:8000/admin/ "
                f"(forgot the password? python manage.py changepassword {username})"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created staff account '{username}' with password {password}\n"
                "Log in at http://127.0.0.1:8000/admin/ and keep the password; "
                "it is shown only this once."
            )
        )
