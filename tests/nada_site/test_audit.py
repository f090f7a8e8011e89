import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from nada_site.audit import Action, record
from nada_site.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_an_entry_names_who_did_what_to_which_item(django_user_model):
    user = django_user_model.objects.create_user("aminah", is_staff=True)
    page = user  # any saved object will do
    entry = record(Action.PUBLISHED, actor=user, obj=page, detail="at 09:00")
    assert entry.actor_name == "aminah"
    assert entry.object_repr == "aminah"
    assert entry.object_id == str(user.pk)
    user.delete()
    entry.refresh_from_db()
    assert entry.actor is None and entry.actor_name == "aminah"


def test_entries_older_than_the_retention_period_are_purged(settings):
    settings.AUDIT_RETENTION_DAYS = 30
    old = record(Action.DELETED, object_repr="old")
    recent = record(Action.DELETED, object_repr="recent")
    AuditEntry.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    call_command("purge_audit_trail")
    assert list(AuditEntry.objects.values_list("pk", flat=True)) == [recent.pk]


def test_no_one_edits_or_deletes_the_trail_even_a_superuser(staff_client):
    entry = record(Action.DELETED, object_repr="x")
    assert staff_client.get("/admin/nada_site/auditentry/").status_code == 200
    assert staff_client.get(f"/admin/nada_site/auditentry/{entry.pk}/change/").status_code == 200
    response = staff_client.post(f"/admin/nada_site/auditentry/{entry.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
