"""Mail backends for tests: a server that is down, and one that refuses only some mail."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as MemoryBackend


class FailingBackend(BaseEmailBackend):
    """A mail server that cannot be reached."""

    def open(self):
        raise smtplib.SMTPConnectError(421, "Service not available")

    def send_messages(self, email_messages):
        self.open()


class TimeoutBackend(BaseEmailBackend):
    """A mail server that accepts the connection, then never answers in time."""

    def send_messages(self, email_messages):
        raise TimeoutError("timed out")


class RefusesSendersBackend(MemoryBackend):
    """Delivers mail to the unit, refuses the acknowledgements to senders."""

    def send_messages(self, email_messages):
        for message in email_messages:
            if not message.to[0].endswith(".gov.my"):
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"Mailbox unavailable")})
        return super().send_messages(email_messages)
