from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from nada_site.two_factor import reset_second_factor


class Command(BaseCommand):
    help = (
        "Remove a staff member's second factor (authenticator app and backup codes) when "
        "they have lost their device; they set up a new one at their next sign-in. "
        "Recorded in the audit trail."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No account with the user name {username!r}.") from None
        removed = reset_second_factor(user, actor=None)
        self.stdout.write(
            self.style.SUCCESS(
                f"Reset the second factor of {username} ({removed} device(s) removed). "
                "They set up a new one when they next sign in."
            )
        )
