from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from contact.models import ContactMessage
from tests.contact.conftest import make_message

pytestmark = pytest.mark.django_db


def aged(days, **fields):
    message = make_message(**fields)
    ContactMessage.objects.filter(pk=message.pk).update(
        created_at=timezone.now() - timedelta(days=days)
    )
    return message


def test_purge_dry_run_counts_and_keeps_everything(capsys):
    aged(800)
    aged(10)
    call_command("purge_contact_messages", "--older-than", "730", "--dry-run")
    assert "1 contact messages older than 730 days would be deleted" in capsys.readouterr().out
    assert ContactMessage.objects.count() == 2


def test_purge_removes_only_older_messages(capsys):
    old = aged(800)
    recent = aged(10)
    call_command("purge_contact_messages", "--older-than", "730")
    assert "Deleted 1 contact messages" in capsys.readouterr().out
    assert list(ContactMessage.objects.all()) == [recent]
    assert not ContactMessage.objects.filter(pk=old.pk).exists()


def test_purge_defaults_to_the_two_years_the_notice_promises():
    aged(731)
    kept = aged(729)
    call_command("purge_contact_messages")
    assert list(ContactMessage.objects.all()) == [kept]


def test_purge_refuses_a_nonsense_age():
    aged(5)
    with pytest.raises(CommandError):
        call_command("purge_contact_messages", "--older-than", "0")
    assert ContactMessage.objects.count() == 1


def test_send_pending_respects_the_limit(profile):
    for n in range(3):
        make_message(subject=f"Soalan {n}")
    call_command("send_pending_notifications", "--limit", "2")
    states = ContactMessage.objects.values_list("notification_state", flat=True)
    assert sorted(states) == ["pending", "sent", "sent"]
