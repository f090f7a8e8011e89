"""
Where contact messages go is personal data's destination: only
Administrators change it, on its own page; both addresses are told, and no
proposal or approval of the profile can change it.
"""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from contact.mail import unit_address
from international.models import UnitProfile
from nada_site.models import AuditEntry, ReviewRequest

pytestmark = pytest.mark.django_db

INBOX = "/admin/international/unitprofile/1/inbox/"
PROFILE = "/admin/international/unitprofile/1/change/"


def client_in(django_user_model, role):
    user = django_user_model.objects.create_user(role.lower(), password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client


def test_an_administrator_changes_the_inbox_and_both_addresses_are_told(django_user_model, profile):
    administrator = client_in(django_user_model, "Administrators")
    assert administrator.get(INBOX).status_code == 200
    response = administrator.post(INBOX, {"email": "baru@example.gov.my"})
    assert response.status_code == 302
    assert unit_address() == "baru@example.gov.my"
    assert sorted(message.to[0] for message in mail.outbox) == [
        "antarabangsa@example.gov.my",
        "baru@example.gov.my",
    ]
    assert "baru@example.gov.my" in mail.outbox[0].body
    entry = AuditEntry.objects.get(action="inbox_changed")
    assert entry.actor_name == "administrators"
    assert "antarabangsa@example.gov.my" in entry.detail and "baru@example.gov.my" in entry.detail


def test_a_bad_address_is_refused_and_changes_nothing(django_user_model, profile):
    administrator = client_in(django_user_model, "Administrators")
    response = administrator.post(INBOX, {"email": "not an address"})
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert unit_address() == "antarabangsa@example.gov.my"
    assert mail.outbox == []


@pytest.mark.parametrize("role", ["Editors", "Publishers"])
def test_editors_and_publishers_cannot_divert_the_inbox(django_user_model, profile, role):
    client = client_in(django_user_model, role)
    assert client.get(INBOX).status_code == 403
    assert client.post(INBOX, {"email": "elsewhere@example.com"}).status_code == 403
    form = client.get(PROFILE).context["adminform"].form
    assert "email" not in form.fields  # shown, not editable
    assert unit_address() == "antarabangsa@example.gov.my"


def test_approving_a_proposal_never_changes_the_inbox(django_user_model, profile):
    """A proposal made before the inbox changed must not bring the old address back."""
    editor = client_in(django_user_model, "Editors")
    form = editor.get(PROFILE).context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data.update(
        {
            "name_en": "The proposed name",
            "email": "elsewhere@example.com",
            "objective_items-TOTAL_FORMS": "0",
            "objective_items-INITIAL_FORMS": "0",
            "approach_items-TOTAL_FORMS": "0",
            "approach_items-INITIAL_FORMS": "0",
        }
    )
    assert editor.post(PROFILE, data).status_code == 302
    UnitProfile.objects.update(email="changed-meanwhile@example.gov.my")
    publisher = client_in(django_user_model, "Publishers")
    review = ReviewRequest.objects.get()
    publisher.post(f"/admin/nada_site/reviewrequest/{review.pk}/change/", {"_approve": "1"})
    profile.refresh_from_db()
    assert profile.name_en == "The proposed name"
    assert profile.email == "changed-meanwhile@example.gov.my"
