import pytest
from django.core.management import CommandError, call_command

from international.models import Agreement, Approach, Objective, UnitProfile

pytestmark = pytest.mark.django_db


def snapshot():
    return [
        (
            model.__name__,
            model.objects.count(),
            list(model.objects.values_list("updated_at", flat=True)),
        )
        for model in (UnitProfile, Objective, Approach, Agreement)
    ]


def test_demo_content_loads_the_unit_page(client):
    call_command("load_demo_content")
    assert Objective.objects.count() == 4
    assert Approach.objects.count() == 5
    assert Agreement.objects.count() >= 5
    for language in ("ms", "en", "ar"):
        assert client.get(f"/{language}/international/").status_code == 200


def test_loading_demo_content_twice_changes_nothing():
    call_command("load_demo_content")
    before = snapshot()
    call_command("load_demo_content")
    assert snapshot() == before


def test_demo_content_leaves_staff_edits_alone():
    call_command("load_demo_content")
    UnitProfile.objects.update(name_en="Edited by staff")
    call_command("load_demo_content")
    assert UnitProfile.objects.get().name_en == "Edited by staff"


def test_staff_account_is_made_once_with_a_random_password(settings, capsys, django_user_model):
    settings.DEBUG = True
    call_command("ensure_staff_account")
    first = capsys.readouterr().out
    call_command("ensure_staff_account")
    second = capsys.readouterr().out
    user = django_user_model.objects.get(username="admin")
    password = first.split("with password ")[1].split()[0]
    assert user.is_staff and user.check_password(password)
    assert password not in second
    assert django_user_model.objects.count() == 1


def test_staff_account_is_never_made_in_production(settings, django_user_model):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_staff_account")
    assert not django_user_model.objects.exists()


def test_demo_content_makes_one_example_account_per_role_in_development(
    settings, capsys, django_user_model
):
    settings.DEBUG = True
    call_command("load_demo_content")
    first = capsys.readouterr().out
    for username, role in (
        ("editor", "Editors"),
        ("publisher", "Publishers"),
        ("administrator", "Administrators"),
    ):
        user = django_user_model.objects.get(username=username)
        password = first.split(f"'{username}' ({role}) with password ")[1].split()[0]
        assert user.check_password(password)
        assert user.is_staff and not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == [role]
    call_command("load_demo_content")
    second = capsys.readouterr().out
    assert "with password" not in second


def test_demo_content_makes_no_account_in_production(settings, django_user_model):
    settings.DEBUG = False
    call_command("load_demo_content")
    assert not django_user_model.objects.exists()
