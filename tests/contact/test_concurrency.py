"""Two senders at once, on a database with row locks (PostgreSQL): each message is sent once."""

import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections, transaction

from contact.mail import claim_due
from contact.models import ContactMessage
from tests.contact.conftest import make_message

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not connection.features.has_select_for_update_skip_locked,
        reason=(
            "Workers claiming notifications side by side need SELECT … FOR UPDATE "
            "SKIP LOCKED, which SQLite lacks (it locks the whole file); CI runs "
            "these tests on PostgreSQL."
        ),
    ),
]


def in_thread(function):
    """Run a function in another thread, with its own database connection."""
    result = []

    def target():
        try:
            result.append(function())
        finally:
            connections.close_all()

    thread = threading.Thread(target=target)
    thread.start()
    return thread, result


def test_a_second_run_skips_the_messages_the_first_holds_without_waiting(profile):
    messages = [make_message(subject=f"Soalan {n}") for n in range(4)]
    held = {messages[0].pk, messages[1].pk}
    with transaction.atomic():
        list(ContactMessage.objects.select_for_update().filter(pk__in=held))
        thread, result = in_thread(lambda: [m.pk for m in claim_due()])
        thread.join(timeout=10)
        assert not thread.is_alive()  # It did not wait for the lock.
    assert set(result[0]) == {messages[2].pk, messages[3].pk}


def test_overlapping_runs_send_every_message_exactly_once(profile):
    messages = [make_message(subject=f"Soalan {n}", email=f"s{n}@example.com") for n in range(6)]
    start = threading.Barrier(3)

    def run():
        start.wait()
        call_command("send_pending_notifications")

    threads = [in_thread(run)[0] for _ in range(3)]
    for thread in threads:
        thread.join(timeout=30)
    acknowledgements = sorted(m.to[0] for m in mail.outbox if m.to != [profile.email])
    assert acknowledgements == sorted(m.email for m in messages)
    assert len(mail.outbox) == 2 * len(messages)
    assert set(ContactMessage.objects.values_list("notification_state", flat=True)) == {"sent"}
