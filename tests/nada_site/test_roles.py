import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from reversion.models import Version

from nada_site.translated_admin import edit_token
from news.models import Article
from tests.news.conftest import make_article

pytestmark = pytest.mark.django_db

ARTICLES = "/admin/news/article/"


def staff_in(group_name, client, django_user_model):
    user = django_user_model.objects.create_user(
        f"{group_name.lower()}-user", password="pw", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return client


@pytest.fixture
def editor(client, django_user_model):
    return staff_in("Editors", client, django_user_model)


@pytest.fixture
def publisher(client, django_user_model):
    return staff_in("Publishers", client, django_user_model)


def article_form_data(article, **changes):
    article.refresh_from_db()
    local = timezone.localtime(article.published_at)
    data = {
        "title_ms": article.title_ms or "",
        "title_en": article.title_en or "",
        "title_ar": article.title_ar or "",
        "slug": article.slug,
        "category": article.category_id,
        "status": article.status,
        "published_at_0": local.strftime("%Y-%m-%d"),
        "published_at_1": local.strftime("%H:%M:%S"),
        "edit_token": edit_token(article),
        "key_points-TOTAL_FORMS": "0",
        "key_points-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def test_the_roles_exist_with_what_they_may_do():
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    publishers = set(
        Group.objects.get(name="Publishers").permissions.values_list("codename", flat=True)
    )
    assert {
        "add_article",
        "change_article",
        "change_unitprofile",
        "add_page",
        "add_agreement",
    } <= editors
    # Editors delete only drafts never published (the admin refuses the rest), and no taxonomy.
    assert not {"delete_category", "delete_tag", "delete_partner"} & editors
    assert not {codename for codename in editors if codename.startswith("publish_")}
    assert {
        "publish_article",
        "publish_page",
        "publish_agreement",
        "publish_unitprofile",
    } <= publishers
    assert {"delete_article", "delete_agreement", "delete_page", "delete_tag"} <= publishers
    assert editors < publishers
    administrators = set(
        Group.objects.get(name="Administrators").permissions.values_list("codename", flat=True)
    )
    assert {"change_inbox_unitprofile", "change_user", "view_contactmessage"} <= administrators
    assert not {"change_inbox_unitprofile", "change_user", "view_contactmessage"} & publishers


@pytest.fixture
def draft():
    return make_article(slug="draft-news", status=Article.Status.DRAFT)


def test_editor_edits_a_draft_but_it_stays_a_draft(editor, draft):
    response = editor.post(
        f"{ARTICLES}{draft.pk}/change/",
        article_form_data(draft, title_en="Edited by an editor", status=Article.Status.PUBLISHED),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title_en == "Edited by an editor"
    assert draft.status == Article.Status.DRAFT


def test_editor_does_not_see_the_publish_actions(editor, draft):
    response = editor.get(ARTICLES)
    assert response.status_code == 200
    action_form = response.context["action_form"]
    actions = dict(action_form.fields["action"].choices) if action_form else {}
    assert "publish" not in actions and "unpublish" not in actions


def test_editor_cannot_publish_through_the_action(editor, draft):
    editor.post(ARTICLES, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_editor_cannot_publish_by_restoring_a_published_revision(editor, draft):
    import reversion

    with reversion.create_revision():
        draft.status = Article.Status.PUBLISHED
        draft.title_en = "The published title"
        draft.save()
    published_version = Version.objects.get_for_object(draft).first()
    Article.objects.filter(pk=draft.pk).update(
        status=Article.Status.DRAFT, title_en="A later title"
    )

    revision_url = f"{ARTICLES}{draft.pk}/history/{published_version.pk}/"
    opened = editor.get(revision_url)
    assert opened.status_code == 200
    token = opened.context["adminform"].form.initial["edit_token"]
    data = article_form_data(draft, title_en="The published title", edit_token=token)
    response = editor.post(revision_url, data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title_en == "The published title"  # the text is restored…
    assert draft.status == Article.Status.DRAFT  # …but it stays a draft


def test_editor_cannot_delete_what_is_or_was_published(editor):
    for slug, fields in (
        ("live", {}),
        ("withdrawn", {"status": Article.Status.WITHDRAWN, "was_published": True}),
    ):
        article = make_article(slug=slug, **fields)
        assert editor.get(f"{ARTICLES}{article.pk}/delete/").status_code == 403
        assert editor.post(f"{ARTICLES}{article.pk}/delete/", {"post": "yes"}).status_code == 403
        assert Article.objects.filter(pk=article.pk).exists()


def test_editor_deletes_a_draft_never_published(editor, draft):
    assert editor.post(f"{ARTICLES}{draft.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=draft.pk).exists()


def test_editor_creates_articles_as_drafts(editor):
    from news.models import Category

    category = Category.objects.create(slug="global", name_ms="Global")
    data = {
        "title_ms": "Berita baharu",
        "slug": "berita-baharu",
        "category": category.pk,
        "status": Article.Status.PUBLISHED,
        "published_at_0": "2026-01-01",
        "published_at_1": "09:00:00",
        "edit_token": "",
        "key_points-TOTAL_FORMS": "0",
        "key_points-INITIAL_FORMS": "0",
    }
    response = editor.post(f"{ARTICLES}add/", data)
    assert response.status_code == 302
    assert Article.objects.get(slug="berita-baharu").status == Article.Status.DRAFT


def test_publisher_publishes_with_the_action_and_it_is_recorded(publisher, draft):
    draft.published_at = timezone.now() - datetime.timedelta(minutes=5)
    draft.save()
    publisher.post(ARTICLES, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    latest = Version.objects.get_for_object(draft).first()
    assert latest.revision.user.username == "publishers-user"
    assert latest.field_dict["status"] == Article.Status.PUBLISHED
    assert publisher.get(f"/en/news/{draft.slug}/").status_code == 200


def test_publisher_publishes_through_the_form(publisher, draft):
    response = publisher.post(
        f"{ARTICLES}{draft.pk}/change/", article_form_data(draft, status=Article.Status.PUBLISHED)
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
