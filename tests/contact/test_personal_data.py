"""
Contact messages are personal data: only those with the contact-message
permissions see them, and once a message is purged nothing it said is left
in the admin's log, the history or the audit trail.
"""

import datetime
import importlib

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone
from reversion.models import Version

from contact.models import ContactMessage
from nada_site.models import AuditEntry
from tests.contact.conftest import make_message

pytestmark = pytest.mark.django_db

INBOX = "/admin/contact/contactmessage/"
SECRET_SUBJECT = "Maklumat peribadi saya"
SECRET_TEXT = "Nombor kad pengenalan saya 800101-14-5555"


def staff_in(client, django_user_model, role):
    user = django_user_model.objects.create_user(f"{role.lower()}-1", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("role", "allowed"), [("Editors", False), ("Publishers", False), ("Administrators", True)]
)
def test_only_administrators_read_the_inbox(client, django_user_model, role, allowed):
    message = make_message(subject=SECRET_SUBJECT)
    staff_in(client, django_user_model, role)
    expected = 200 if allowed else 403
    assert client.get(INBOX).status_code == expected
    assert client.get(f"{INBOX}{message.pk}/change/").status_code == expected
    response = client.post(INBOX, {"action": "export_csv", "_selected_action": [message.pk]})
    assert (
        SECRET_SUBJECT in response.getvalue().decode() if allowed else response.status_code == 403
    )


def handled_in_the_admin(client, message):
    """An Administrator sets the status and a note, as staff do every day."""
    response = client.post(
        f"{INBOX}{message.pk}/change/", {"status": "answered", "internal_note": "Dijawab."}
    )
    assert response.status_code == 302


def test_a_purged_message_leaves_no_trace_of_what_it_said(client, django_user_model):
    message = make_message(subject=SECRET_SUBJECT, message=SECRET_TEXT)
    staff_in(client, django_user_model, "Administrators")
    handled_in_the_admin(client, message)
    client.post(INBOX, {"action": "export_csv", "_selected_action": [message.pk]})
    ContactMessage.objects.filter(pk=message.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=800)
    )
    call_command("purge_contact_messages")
    assert not ContactMessage.objects.exists()

    traces = [
        *LogEntry.objects.values_list("object_repr", "change_message"),
        *AuditEntry.objects.values_list("object_repr", "detail"),
        *Version.objects.values_list("object_repr", "serialized_data"),
    ]
    for trace in traces:
        for text in trace:
            assert SECRET_SUBJECT not in text and "800101" not in text
    assert LogEntry.objects.get(action_flag=CHANGE).object_repr == message.reference
    assert AuditEntry.objects.get(action="contact_exported").detail == message.reference


def test_the_log_written_before_names_messages_by_reference_only(django_user_model):
    message = make_message(subject=SECRET_SUBJECT)
    user = django_user_model.objects.create_user("old-admin")
    LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(ContactMessage),
        object_id=str(message.pk),
        object_repr=f"{message.reference}: {SECRET_SUBJECT}",
        action_flag=CHANGE,
    )
    migration = importlib.import_module("contact.migrations.0003_log_names_messages_by_reference")
    migration.name_by_reference(apps, None)
    assert LogEntry.objects.get().object_repr == message.reference
