"""
Who may do what, on every path: a matrix of role × kind of content × action.

Each action is done the way staff do it, through the admin (the change
form, the list actions, list editing, history restore, recover, delete, the
review page), and the test asserts whether it took effect. README shows the
same table ("The admin: roles and publishing").
"""

import datetime

import pytest
import reversion
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from events.models import Event
from international.models import Agreement, Partner, UnitProfile
from nada_site.models import Page, ReviewRequest
from nada_site.workflow import Status
from news.models import Announcement, Article
from publications.models import Publication
from tests.admin_forms import read_form
from tests.conftest import PUBLISHED, make_agreement, make_page, make_partner
from tests.events.conftest import make_event
from tests.news.conftest import make_announcement, make_article
from tests.publications.conftest import make_publication

pytestmark = pytest.mark.django_db

ROLES = ("Editors", "Publishers", "Administrators", None)


def make_profile(**fields):
    return UnitProfile.objects.create(
        **{**PUBLISHED, **fields},
        name_ms="Unit Antarabangsa",
        introduction_ms="<p>Pengenalan.</p>",
        address_ms="Kajang",
        email="unit@example.gov.my",
    )


def make(kind, slug, **fields):
    if kind == "article":
        return make_article(slug=slug, **fields)
    if kind == "announcement":
        return make_announcement(slug=slug, **fields)
    if kind == "page":
        return make_page(slug=slug, **fields)
    if kind == "event":
        return make_event(slug=slug, **fields)
    if kind == "agreement":
        partner = Partner.objects.first() or make_partner("asean")
        return make_agreement(slug=slug, partners=[partner], **fields)
    if kind == "publication":
        return make_publication(slug=slug, **fields)
    return make_profile(**fields)


KINDS = {
    "article": Article,
    "page": Page,
    "agreement": Agreement,
    "event": Event,
    "unitprofile": UnitProfile,
    "announcement": Announcement,
    "publication": Publication,
}
DRAFT = {"status": Status.DRAFT, "was_published": False}


def admin_url(obj, view="change"):
    opts = obj._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/{view}/"


def changelist(model):
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/"


def client_for(django_user_model, role):
    user = django_user_model.objects.create_user(
        f"{role or 'nobody'}-user".lower(), password="pw", is_staff=True
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client


def post_form(client, url, obj, **changes):
    """Open the admin page at `url` as the staff member, change what is asked and save."""
    response = client.get(url)
    if response.status_code != 200:
        return response
    form = read_form(response.content.decode(), obj._meta.model_name)
    return client.post(url, form.update(changes).post_data())


def stored(obj):
    return type(obj)._default_manager.filter(pk=obj.pk).first()


# The actions. Each returns whether it took effect.


def edit_a_draft(client, kind):
    item = make(kind, "draft", **DRAFT)
    post_form(client, admin_url(item), item, **title_change(item, "Disunting"))
    return field_of(stored(item)) == "Disunting"


def field_of(item):
    return item.name_ms if isinstance(item, UnitProfile) else item.title_ms


def title_change(item, text):
    return {"name_ms" if isinstance(item, UnitProfile) else "title_ms": text}


def edit_published_straight(client, kind):
    item = make(kind, "live")
    post_form(client, admin_url(item), item, **title_change(item, "Disunting"))
    return field_of(stored(item)) == "Disunting"


def publish_through_the_form(client, kind):
    item = make(kind, "draft", **DRAFT)
    post_form(client, admin_url(item), item, status=Status.PUBLISHED)
    return stored(item).status == Status.PUBLISHED


def publish_with_the_action(client, kind):
    item = make(kind, "draft", **DRAFT)
    client.post(changelist(KINDS[kind]), {"action": "publish", "_selected_action": [item.pk]})
    return stored(item).status == Status.PUBLISHED


def withdraw_with_the_action(client, kind):
    item = make(kind, "live")
    client.post(changelist(KINDS[kind]), {"action": "withdraw", "_selected_action": [item.pk]})
    return stored(item).status == Status.WITHDRAWN


def move_the_time_of_a_scheduled_item_into_the_past(client, kind):
    later = timezone.localtime() + datetime.timedelta(days=3)
    item = make(kind, "scheduled", published_at=later)
    post_form(client, admin_url(item), item, published_at_0="2020-01-01", published_at_1="09:00:00")
    return stored(item).published_at.year == 2020


def push_the_time_of_a_published_item_to_2099(client, kind):
    item = make(kind, "live")
    post_form(client, admin_url(item), item, published_at_0="2099-01-01", published_at_1="09:00:00")
    return stored(item).published_at.year == 2099


def delete_a_published_item(client, kind):
    item = make(kind, "live")
    client.post(admin_url(item, "delete"), {"post": "yes"})
    return stored(item) is None


def delete_a_withdrawn_item_with_the_bulk_action(client, kind):
    item = make(kind, "withdrawn", status=Status.WITHDRAWN, was_published=True)
    client.post(
        changelist(KINDS[kind]),
        {"action": "delete_selected", "_selected_action": [item.pk], "post": "yes"},
    )
    return stored(item) is None


def delete_a_draft_never_published(client, kind):
    item = make(kind, "draft", **DRAFT)
    client.post(admin_url(item, "delete"), {"post": "yes"})
    return stored(item) is None


def recover_a_deleted_published_item(client, kind):
    item = make(kind, "deleted")
    with reversion.create_revision():
        item.save()
    pk = item.pk
    item.delete()
    version = reversion.models.Version.objects.get_deleted(type(item)).get(object_id=str(pk))
    url = f"{changelist(type(item))}recover/{version.pk}/"
    response = client.get(url)
    if response.status_code == 200:
        form = read_form(response.content.decode(), item._meta.model_name)
        client.post(url, form.post_data())
    return type(item)._default_manager.filter(pk=pk).exists()


def publish_by_restoring_a_published_revision(client, kind):
    item = make(kind, "restored")
    with reversion.create_revision():
        item.save()
    version = reversion.models.Version.objects.get_for_object(item).first()
    type(item)._default_manager.filter(pk=item.pk).update(status=Status.DRAFT)
    url = f"{admin_url(item, 'history')}{version.pk}/"
    response = client.get(url)
    if response.status_code == 200:
        form = read_form(response.content.decode(), item._meta.model_name)
        client.post(url, form.post_data())
    return stored(item).status == Status.PUBLISHED


def approve_a_proposed_change(client, kind, editor):
    item = make(kind, "live")
    post_form(editor, admin_url(item), item, **title_change(item, "Dicadangkan"))
    review = ReviewRequest.objects.get()
    client.post(f"/admin/nada_site/reviewrequest/{review.pk}/change/", {"_approve": "1"})
    return field_of(stored(item)) == "Dicadangkan"


def submit_a_draft_for_review(client, kind):
    item = make(kind, "draft", **DRAFT)
    post_form(client, admin_url(item), item, _submit_for_review="1")
    return stored(item).status == Status.REVIEW


def submit_drafts_with_the_action(client, kind):
    item = make(kind, "draft", **DRAFT)
    client.post(
        changelist(KINDS[kind]), {"action": "submit_for_review", "_selected_action": [item.pk]}
    )
    return stored(item).status == Status.REVIEW


ACTIONS = {
    # action: (roles allowed, kinds it does not apply to)
    edit_a_draft: ({"Editors", "Publishers"}, ()),
    submit_a_draft_for_review: ({"Editors", "Publishers"}, ()),
    # The unit's one profile has no list, hence no list actions.
    submit_drafts_with_the_action: ({"Editors", "Publishers"}, ("unitprofile",)),
    edit_published_straight: ({"Publishers"}, ()),
    publish_through_the_form: ({"Publishers"}, ()),
    publish_with_the_action: ({"Publishers"}, ("unitprofile",)),
    withdraw_with_the_action: ({"Publishers"}, ("unitprofile",)),
    move_the_time_of_a_scheduled_item_into_the_past: ({"Publishers"}, ("unitprofile",)),
    push_the_time_of_a_published_item_to_2099: ({"Publishers"}, ("unitprofile",)),
    # The unit's profile is never deleted, by anyone.
    delete_a_published_item: ({"Publishers"}, ("unitprofile",)),
    delete_a_withdrawn_item_with_the_bulk_action: ({"Publishers"}, ("unitprofile",)),
    delete_a_draft_never_published: ({"Editors", "Publishers"}, ("unitprofile",)),
    recover_a_deleted_published_item: ({"Publishers"}, ("unitprofile",)),
    publish_by_restoring_a_published_revision: ({"Publishers"}, ()),
    approve_a_proposed_change: ({"Publishers"}, ()),
}

CASES = [
    pytest.param(action, kind, role, id=f"{action.__name__}-{kind}-{role or 'no role'}")
    for action, (_allowed, skipped) in ACTIONS.items()
    for kind in KINDS
    if kind not in skipped
    for role in ROLES
]


@pytest.mark.parametrize(("action", "kind", "role"), CASES)
def test_role_and_action_on_each_kind_of_content(action, kind, role, django_user_model):
    client = client_for(django_user_model, role)
    allowed = role in ACTIONS[action][0]
    if action is approve_a_proposed_change:
        editor = client_for(django_user_model, "Editors") if role != "Editors" else client
        took_effect = action(client, kind, editor)
    else:
        took_effect = action(client, kind)
    assert took_effect is allowed


# The page's place in the menu and the footer is a Publisher's choice.


@pytest.mark.parametrize("role", ROLES)
def test_only_publishers_put_a_page_in_the_menu_through_list_editing(role, django_user_model):
    page = make_page(slug="faq", show_in_menu=False)
    client = client_for(django_user_model, role)
    client.post(
        "/admin/nada_site/page/",
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": page.pk,
            "form-0-show_in_menu": "on",
            "form-0-show_in_footer": "on",
            "form-0-order": "1",
            "_save": "Save",
        },
    )
    assert stored(page).show_in_menu is (role == "Publishers")


@pytest.mark.parametrize("role", ["Editors", "Publishers"])
def test_a_page_added_with_show_in_menu_is_not_in_the_menu_until_published(role, django_user_model):
    client = client_for(django_user_model, role)
    response = client.get("/admin/nada_site/page/add/")
    form = read_form(response.content.decode(), "page")
    form.update({"title_ms": "Halaman baharu", "slug": "baharu", "show_in_menu": "on"})
    assert client.post("/admin/nada_site/page/add/", form.post_data()).status_code == 302
    page = Page.objects.get(slug="baharu")
    assert page.show_in_menu is (role == "Publishers")
    assert page.status == Status.DRAFT
    assert "Halaman baharu" not in Client().get("/ms/").content.decode()


# What is not content: the editor's library, personal data and accounts.

OTHER_PATHS = {
    "/ckeditor/browse/": {"Editors", "Publishers", "Administrators"},
    "/admin/contact/contactmessage/": {"Administrators"},
    "/admin/international/unitprofile/1/inbox/": {"Administrators"},
    "/admin/auth/user/": {"Administrators"},
    "/admin/nada_site/auditentry/": {"Administrators"},
}


@pytest.mark.parametrize("path", OTHER_PATHS)
@pytest.mark.parametrize("role", ROLES)
def test_role_and_the_paths_beyond_content(path, role, django_user_model):
    make_profile()
    client = client_for(django_user_model, role)
    status = client.get(path).status_code
    assert (status == 200) is (role in OTHER_PATHS[path]), status
