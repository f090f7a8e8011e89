from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from contact.mail import MAX_ATTEMPTS, claim, claim_due, notify, retry_delay
from contact.models import ContactMessage
from international.models import UnitProfile
from tests.contact.conftest import (
    FAILING_BACKEND,
    MEMORY_BACKEND,
    REFUSES_SENDERS_BACKEND,
    TIMEOUT_BACKEND,
    make_message,
)

pytestmark = pytest.mark.django_db


def run_retries():
    call_command("send_pending_notifications")


def make_due(message):
    ContactMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())


@pytest.mark.parametrize("backend", [FAILING_BACKEND, TIMEOUT_BACKEND])
def test_no_message_is_lost_when_the_mail_server_fails(client, send, settings, profile, backend):
    settings.EMAIL_BACKEND = backend
    response = send("en")

    # The visitor still gets the confirmation.
    assert response.status_code == 302
    assert "Your message has been received" in client.get(response["Location"]).content.decode()

    # The message is kept, and the failure recorded.
    message = ContactMessage.objects.get()
    assert message.notification_state == ContactMessage.Notification.FAILED
    assert message.notification_attempts == 1
    assert message.notification_error
    assert message.next_attempt_at > timezone.now()
    assert message.unit_notified_at is None
    assert message.sending_until is None

    # Later the server works again and the retry sends both mails.
    settings.EMAIL_BACKEND = MEMORY_BACKEND
    make_due(message)
    run_retries()
    message.refresh_from_db()
    assert message.notification_state == ContactMessage.Notification.SENT
    assert message.notification_attempts == 2
    assert message.notification_error == ""
    assert message.next_attempt_at is None
    assert sorted(m.to[0] for m in mail.outbox) == [profile.email, "siti@example.com"]

    # Nothing is sent twice.
    run_retries()
    assert len(mail.outbox) == 2


def test_retry_waits_for_the_back_off(settings, profile):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    message = make_message()
    assert notify(message.pk) is False

    settings.EMAIL_BACKEND = MEMORY_BACKEND
    run_retries()  # Too early: the next attempt is 5 minutes away.
    assert mail.outbox == []
    message.refresh_from_db()
    assert message.notification_state == ContactMessage.Notification.FAILED
    assert message.next_attempt_at - timezone.now() > timedelta(minutes=4)


def test_back_off_grows_and_is_capped():
    assert retry_delay(1) == timedelta(minutes=5)
    assert retry_delay(2) == timedelta(minutes=10)
    assert retry_delay(3) == timedelta(minutes=20)
    assert retry_delay(20) == timedelta(hours=24)


def test_attempts_stop_after_the_last_one(settings, profile):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    message = make_message(notification_attempts=MAX_ATTEMPTS - 1)
    notify(message.pk)
    message.refresh_from_db()
    assert message.notification_state == ContactMessage.Notification.FAILED
    assert message.next_attempt_at is None
    assert ContactMessage.objects.notification_due(timezone.now() + timedelta(days=30)).count() == 0


def test_only_the_missing_mail_is_resent(settings, profile):
    settings.EMAIL_BACKEND = REFUSES_SENDERS_BACKEND
    message = make_message()
    notify(message.pk)
    message.refresh_from_db()
    assert message.unit_notified_at is not None
    assert message.acknowledged_at is None
    assert message.notification_state == ContactMessage.Notification.FAILED
    assert "SMTPRecipientsRefused" in message.notification_error
    assert [m.to for m in mail.outbox] == [[profile.email]]

    settings.EMAIL_BACKEND = MEMORY_BACKEND
    make_due(message)
    run_retries()
    assert [m.to for m in mail.outbox] == [[profile.email], ["ali@example.com"]]


def test_a_message_held_by_one_sender_is_not_taken_by_another(profile):
    message = make_message()
    first = claim(message.pk)
    assert first is not None
    assert claim(message.pk) is None
    assert claim_due() == []


def test_two_overlapping_runs_send_each_message_once(profile):
    messages = [make_message(subject=f"Soalan {n}") for n in range(3)]
    first_run = claim_due()
    second_run = claim_due()
    assert {m.pk for m in first_run} == {m.pk for m in messages}
    assert second_run == []


def test_a_crashed_senders_claim_runs_out(profile):
    message = make_message()
    claim(message.pk)
    ContactMessage.objects.filter(pk=message.pk).update(
        sending_until=timezone.now() - timedelta(seconds=1)
    )
    run_retries()
    message.refresh_from_db()
    assert message.notification_state == ContactMessage.Notification.SENT


def test_a_message_whose_request_died_before_sending_is_sent_by_the_command(profile):
    message = make_message()  # Saved, but the after-commit send never ran.
    run_retries()
    message.refresh_from_db()
    assert message.notification_state == ContactMessage.Notification.SENT
    assert len(mail.outbox) == 2


def test_without_a_unit_profile_the_fallback_address_is_used_and_recorded(send, settings):
    assert not UnitProfile.objects.exists()
    settings.CONTACT_FALLBACK_EMAIL = "webmaster@example.gov.my"
    send("en")
    message = ContactMessage.objects.get()
    assert message.notified_address == "webmaster@example.gov.my"
    assert mail.outbox[0].to == ["webmaster@example.gov.my"]


ACKNOWLEDGEMENTS = [
    ("ms", "Kami telah menerima mesej anda", "7 hari bekerja"),
    ("en", "We have received your message", "7 working days"),
    ("ar", "لقد تلقينا رسالتك", "7 أيام عمل"),
]


@pytest.mark.parametrize(("language", "subject", "promise"), ACKNOWLEDGEMENTS)
def test_acknowledgement_is_in_the_language_the_sender_wrote_in(
    send, profile, language, subject, promise
):
    send(language)
    message = ContactMessage.objects.get()
    acknowledgement = next(m for m in mail.outbox if m.to == ["siti@example.com"])
    assert subject in acknowledgement.subject
    assert message.reference in acknowledgement.subject
    assert promise in acknowledgement.body
    assert message.reference in acknowledgement.body
    assert acknowledgement.reply_to == [profile.email]
    # Nothing the visitor typed is echoed to the address they gave.
    assert "Lawatan kerja" not in acknowledgement.subject + acknowledgement.body
    assert "Siti" not in acknowledgement.body


def test_unit_copy_is_in_the_site_language_whatever_the_sender_wrote_in(send, profile):
    send("ar", message="نود ترتيب زيارة عمل")
    unit_copy = next(m for m in mail.outbox if m.to == [profile.email])
    assert "Borang hubungan" in unit_copy.subject
    assert "نود ترتيب زيارة عمل" in unit_copy.body
    assert "Arab" in unit_copy.body  # The sender's language, named for staff.


def test_command_reports_failures(settings, profile, capsys):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    make_message()
    run_retries()
    captured = capsys.readouterr()
    assert "0 messages sent, 1 failed" in captured.out


def test_a_notification_that_raises_after_the_commit_never_gives_the_visitor_an_error(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    """A robust on-commit callback that fails is logged by Django; the visitor sees the thanks."""
    import contact.views

    def broken(pk):
        raise RuntimeError("mail system down in an unexpected way")

    monkeypatch.setattr(contact.views, "notify", broken)
    from tests.contact.conftest import form_data

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ms/contact/", form_data())
    assert response.status_code == 302
    assert ContactMessage.objects.count() == 1
