"""
Staff accounts in the admin: roles and second factors at a glance, roles
given through groups, superuser status and single permissions left to
superusers, superusers' accounts out of others' reach, a lost second factor
reset by an Administrator or a command, and every change of role recorded.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from nada_site.models import AuditEntry

pytestmark = pytest.mark.django_db

USERS = "/admin/auth/user/"
ROLE_CHANGED = AuditEntry.Action.ROLE_CHANGED
SECOND_FACTOR_RESET = AuditEntry.Action.SECOND_FACTOR_RESET


def auth_permissions(*codenames):
    return Permission.objects.filter(content_type__app_label="auth", codename__in=codenames)


@pytest.fixture
def administrator(client, django_user_model):
    """An Administrator: manages accounts and roles, but is not a superuser."""
    user = django_user_model.objects.create_user("faridah", password="pw", is_staff=True)
    group = Group.objects.get(name="Administrators")  # the role as the migrations grant it
    user.groups.add(group)
    client.force_login(user)
    return user


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.gov.my", "pw")


@pytest.fixture
def member(django_user_model):
    user = django_user_model.objects.create_user("aminah", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def give_second_factor(user):
    TOTPDevice.objects.create(user=user, name="default", confirmed=True)
    backup = StaticDevice.objects.create(user=user, name="backup")
    backup.token_set.create(token="k7m2q9xa")


def devices_of(user):
    return (
        TOTPDevice.objects.filter(user=user).count()
        + StaticDevice.objects.filter(user=user).count()
    )


def change_form_data(user, **changes):
    """What the user's change page posts when saved as it is, with `changes`."""
    joined = timezone.localtime(user.date_joined)
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "date_joined_0": joined.strftime("%Y-%m-%d"),
        "date_joined_1": joined.strftime("%H:%M:%S"),
        "groups": [group.pk for group in user.groups.all()],
    }
    for flag in ("is_active", "is_staff", "is_superuser"):
        if getattr(user, flag):
            data[flag] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def row_of(html, username):
    start = html.index(f">{username}</a>")
    return html[start : html.index("</tr>", start)]


def test_the_users_list_shows_roles_and_second_factors(client, administrator, member):
    give_second_factor(member)
    html = client.get(USERS).content.decode()
    assert 'field-roles">Editor<' in row_of(html, "aminah")  # the role, in Malay
    assert "icon-yes.svg" in row_of(html, "aminah")
    assert 'field-roles">Pentadbir<' in row_of(html, "faridah")
    assert "icon-no.svg" in row_of(html, "faridah")


def test_the_users_list_filters_by_second_factor(client, administrator, member):
    give_second_factor(member)
    without = client.get(USERS, {"second_factor": "no"}).context["cl"].result_list
    assert [user.username for user in without] == ["faridah"]


def test_the_list_does_not_query_per_account(client, administrator, django_user_model):
    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(USERS).status_code == 200
        return len(captured)

    few = count_queries()
    for number in range(10):
        user = django_user_model.objects.create_user(f"staff{number}", is_staff=True)
        user.groups.add(Group.objects.get(name="Editors"))
        give_second_factor(user)
    assert count_queries() == few


def test_an_administrator_resets_a_second_factor_from_the_list(client, administrator, member):
    give_second_factor(member)
    response = client.post(
        USERS, {"action": "reset_second_factor", "_selected_action": [member.pk]}
    )
    assert response.status_code == 302
    assert devices_of(member) == 0
    entry = AuditEntry.objects.get(action=SECOND_FACTOR_RESET)
    assert entry.actor == administrator
    assert entry.object_repr == "aminah"


def test_an_administrator_resets_a_second_factor_from_the_user_page(client, administrator, member):
    give_second_factor(member)
    reset_url = f"{USERS}{member.pk}/reset-second-factor/"
    assert reset_url in client.get(f"{USERS}{member.pk}/change/").content.decode()
    confirmation = client.get(reset_url)
    assert confirmation.status_code == 200
    assert devices_of(member) == 2

    response = client.post(reset_url)
    assert response.status_code == 302
    assert response["Location"] == f"{USERS}{member.pk}/change/"
    assert devices_of(member) == 0
    assert AuditEntry.objects.get(action=SECOND_FACTOR_RESET).actor == administrator


def test_the_command_resets_a_second_factor(member):
    give_second_factor(member)
    call_command("reset_second_factor", "aminah")
    assert devices_of(member) == 0
    entry = AuditEntry.objects.get(action=SECOND_FACTOR_RESET)
    assert entry.actor is None
    assert entry.object_id == str(member.pk)


def test_the_command_names_an_unknown_account(db):
    with pytest.raises(CommandError, match="nobody"):
        call_command("reset_second_factor", "nobody")


@pytest.fixture
def viewer(client, django_user_model):
    """Staff who may see the accounts but not change them."""
    user = django_user_model.objects.create_user("viewer", password="pw", is_staff=True)
    user.user_permissions.set(auth_permissions("view_user"))
    client.force_login(user)
    return user


def test_staff_without_change_user_cannot_reset(client, viewer, member):
    give_second_factor(member)
    response = client.get(USERS)
    assert response.status_code == 200
    action_form = response.context["action_form"]
    actions = dict(action_form.fields["action"].choices) if action_form else {}
    assert "reset_second_factor" not in actions
    client.post(USERS, {"action": "reset_second_factor", "_selected_action": [member.pk]})
    reset_url = f"{USERS}{member.pk}/reset-second-factor/"
    assert reset_url not in client.get(f"{USERS}{member.pk}/change/").content.decode()
    assert client.get(reset_url).status_code == 403
    assert client.post(reset_url).status_code == 403
    assert devices_of(member) == 2
    assert not AuditEntry.objects.filter(action=SECOND_FACTOR_RESET).exists()


def test_an_editor_cannot_reach_the_accounts(client, member):
    give_second_factor(member)
    client.force_login(member)
    assert client.get(USERS).status_code == 403
    assert client.post(f"{USERS}{member.pk}/reset-second-factor/").status_code == 403
    assert devices_of(member) == 2


def test_an_administrator_gives_roles_but_not_superuser_status(client, administrator, member):
    publish = Permission.objects.get(codename="publish_article")
    response = client.post(
        f"{USERS}{member.pk}/change/",
        change_form_data(member, is_superuser="on", user_permissions=[publish.pk]),
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert not member.is_superuser
    assert not member.user_permissions.exists()
    form = client.get(f"{USERS}{member.pk}/change/").context["adminform"].form
    assert "groups" in form.fields
    assert "is_superuser" not in form.fields and "user_permissions" not in form.fields


def test_a_superuser_gives_superuser_status_and_it_is_recorded(client, superuser, member):
    client.force_login(superuser)
    form = client.get(f"{USERS}{member.pk}/change/").context["adminform"].form
    assert "is_superuser" in form.fields and "user_permissions" in form.fields
    response = client.post(
        f"{USERS}{member.pk}/change/", change_form_data(member, is_superuser="on")
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.is_superuser
    entry = AuditEntry.objects.get(action=ROLE_CHANGED)
    assert entry.actor == superuser
    assert "is_superuser: False → True" in entry.detail


def test_an_administrator_cannot_change_a_superuser(client, administrator, superuser):
    change_url = f"{USERS}{superuser.pk}/change/"
    page = client.get(change_url)
    assert page.status_code == 200
    assert not page.context["has_change_permission"]
    assert 'name="_save"' not in page.content.decode()
    response = client.post(change_url, change_form_data(superuser, is_active=None))
    assert response.status_code == 403
    assert client.post(f"{USERS}{superuser.pk}/password/", {}).status_code == 403
    superuser.refresh_from_db()
    assert superuser.is_active


def test_an_administrator_cannot_delete_a_superuser(client, administrator, superuser, member):
    assert client.post(f"{USERS}{superuser.pk}/delete/", {"post": "yes"}).status_code == 403
    response = client.post(
        USERS,
        {"action": "delete_selected", "_selected_action": [superuser.pk, member.pk], "post": "yes"},
    )
    assert response.status_code == 403
    assert type(superuser).objects.filter(pk__in=[superuser.pk, member.pk]).count() == 2


def test_an_administrator_cannot_reset_a_superuser(client, administrator, superuser):
    give_second_factor(superuser)
    assert client.post(f"{USERS}{superuser.pk}/reset-second-factor/").status_code == 403
    response = client.post(
        USERS, {"action": "reset_second_factor", "_selected_action": [superuser.pk]}
    )
    assert response.status_code == 403
    assert devices_of(superuser) == 2


def test_a_change_of_groups_and_staff_status_is_recorded(client, administrator, member):
    member.is_staff = False
    member.save()
    publishers = Group.objects.get(name="Publishers")
    response = client.post(
        f"{USERS}{member.pk}/change/",
        change_form_data(member, groups=[publishers.pk], is_staff="on"),
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action=ROLE_CHANGED)
    assert entry.actor == administrator
    assert entry.object_id == str(member.pk)
    assert "groups added: Publishers" in entry.detail
    assert "groups removed: Editors" in entry.detail
    assert "is_staff: False → True" in entry.detail


def test_saving_an_account_without_a_change_of_role_records_nothing(client, administrator, member):
    response = client.post(f"{USERS}{member.pk}/change/", change_form_data(member, first_name="A"))
    assert response.status_code == 302
    assert not AuditEntry.objects.filter(action=ROLE_CHANGED).exists()


def test_a_change_of_a_group_permissions_is_recorded(client, administrator):
    editors = Group.objects.get(name="Editors")
    publish = Permission.objects.get(codename="publish_article")
    add_page = Permission.objects.get(codename="add_page")
    permissions = [
        pk for pk in editors.permissions.values_list("pk", flat=True) if pk != add_page.pk
    ]
    response = client.post(
        f"/admin/auth/group/{editors.pk}/change/",
        {"name": "Editors", "permissions": [*permissions, publish.pk]},
    )
    assert response.status_code == 302
    assert editors.permissions.filter(pk=publish.pk).exists()
    entry = AuditEntry.objects.get(action=ROLE_CHANGED)
    assert entry.actor == administrator
    assert entry.object_repr == "Editors"
    assert "permissions added: news.publish_article" in entry.detail
    assert "permissions removed: nada_site.add_page" in entry.detail


def test_a_new_group_with_permissions_is_recorded(client, administrator):
    publish = Permission.objects.get(codename="publish_article")
    response = client.post(
        "/admin/auth/group/add/", {"name": "Reviewers", "permissions": [publish.pk]}
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action=ROLE_CHANGED)
    assert entry.object_repr == "Reviewers"
    assert entry.detail == "permissions added: news.publish_article"


def test_an_administrator_adds_an_account_then_gives_it_a_role(client, administrator):
    assert client.get(f"{USERS}add/").status_code == 200
    response = client.post(
        f"{USERS}add/",
        {
            "username": "zainal",
            "usable_password": "true",
            "password1": "a-long-passphrase-42",
            "password2": "a-long-passphrase-42",
        },
    )
    assert response.status_code == 302
    assert not AuditEntry.objects.filter(action=ROLE_CHANGED).exists()
