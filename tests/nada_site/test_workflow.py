"""
Publishing is a Publisher's act: Editors write drafts and submit them;
changes to published content wait, out of the public's sight, until a
Publisher approves them; Publishers see what changed and a preview, and
approve or send back with a comment that the Editor sees.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.utils import timezone

from nada_site import pagecache
from nada_site.models import AuditEntry, Notification, ReviewRequest, StaffPreferences
from nada_site.translated_admin import edit_token
from news.models import Article, KeyPoint
from tests.news.conftest import make_article

pytestmark = pytest.mark.django_db

ARTICLES = "/admin/news/article/"
REVIEWS = "/admin/nada_site/reviewrequest/"


def staff(django_user_model, group_name, username=None):
    user = django_user_model.objects.create_user(
        username or group_name.lower(), f"{group_name.lower()}@example.gov.my", "pw", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def editor(django_user_model):
    return staff(django_user_model, "Editors")


@pytest.fixture
def publisher(django_user_model):
    return staff(django_user_model, "Publishers")


@pytest.fixture
def published():
    article = make_article(
        slug="published", title_en="The approved title", body_en="<p>Approved.</p>"
    )
    KeyPoint.objects.create(article=article, order=1, text_en="First approved point")
    return article


def form_data(client, article, **changes):
    """What the change form holds when the staff member opens it, with their changes."""
    response = client.get(f"{ARTICLES}{article.pk}/change/")
    assert response.status_code == 200
    form = response.context["adminform"].form
    points = response.context["inline_admin_formsets"][0].formset
    data = {
        name: form.initial.get(name) or ""
        for name in ("title_ms", "title_en", "title_ar", "body_en", "slug", "edit_token")
    }
    data["category"] = article.category_id
    local = timezone.localtime(form.initial["published_at"])
    data.update(published_at_0=f"{local:%Y-%m-%d}", published_at_1=f"{local:%H:%M:%S}")
    if "status" in form.fields:
        data["status"] = form.initial["status"]
    data["key_points-TOTAL_FORMS"] = str(len(points.forms))
    data["key_points-INITIAL_FORMS"] = str(points.initial_form_count())
    for index, point in enumerate(points.forms):
        prefix = f"key_points-{index}"
        data.update(
            {
                f"{prefix}-id": point.instance.pk or "",
                f"{prefix}-article": article.pk,
                f"{prefix}-order": point.initial.get("order", index),
                f"{prefix}-text_en": point.initial.get("text_en") or "",
            }
        )
    data.update(changes)
    return data


def public_title(slug="published", language="en"):
    html = Client().get(f"/{language}/news/{slug}/").content.decode()
    return html


def test_an_editors_change_to_published_news_waits_for_a_publisher(editor, publisher, published):
    response = editor.post(
        f"{ARTICLES}{published.pk}/change/",
        form_data(editor, published, title_en="The proposed title", _continue="1"),
    )
    assert response.status_code == 302
    # The public, and the stored article, keep the approved version.
    assert "The approved title" in public_title()
    assert "The proposed title" not in public_title()
    published.refresh_from_db()
    assert published.title_en == "The approved title"
    # The Editor sees their proposal when they open the article again.
    reopened = editor.get(f"{ARTICLES}{published.pk}/change/")
    assert reopened.context["adminform"].form.initial["title_en"] == "The proposed title"
    # The admin (in Malay) says it is a proposal that the public does not see yet.
    assert "ialah cadangan perubahan" in reopened.content.decode()

    review = ReviewRequest.objects.get()
    assert review.kind == ReviewRequest.Kind.CHANGE
    assert review.state == ReviewRequest.State.DRAFT
    # Submitted, it awaits the Publishers.
    editor.post(
        f"{ARTICLES}{published.pk}/change/",
        form_data(editor, published, _submit_for_review="1"),
    )
    review.refresh_from_db()
    assert review.state == ReviewRequest.State.PENDING
    assert Notification.objects.filter(recipient=publisher.user, review=review).exists()

    page = publisher.get(f"{REVIEWS}{review.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "The approved title" in html and "The proposed title" in html
    assert "Tajuk (Bahasa Inggeris)" in html  # the field and its language, in the admin's language

    publisher.post(f"{REVIEWS}{review.pk}/change/", {"_approve": "1"})
    published.refresh_from_db()
    assert published.title_en == "The proposed title"
    assert "The proposed title" in public_title()
    review.refresh_from_db()
    assert review.state == ReviewRequest.State.APPROVED
    assert review.reviewer == publisher.user
    assert AuditEntry.objects.filter(action="approved", actor=publisher.user).exists()
    assert Notification.objects.filter(recipient=editor.user, event="approved").exists()


def test_a_proposal_can_change_the_parts_and_the_publisher_sees_it(editor, publisher, published):
    data = form_data(editor, published)
    data.update(
        {
            "key_points-TOTAL_FORMS": "2",
            "key_points-0-text_en": "First point, reworded",
            "key_points-1-article": published.pk,
            "key_points-1-order": "2",
            "key_points-1-text_en": "A new second point",
        }
    )
    assert editor.post(f"{ARTICLES}{published.pk}/change/", data).status_code == 302
    assert list(KeyPoint.objects.values_list("text_en", flat=True)) == ["First approved point"]
    # Opened again, the form shows the proposal's points, and saves them again.
    again = form_data(editor, published, _submit_for_review="1")
    assert again["key_points-TOTAL_FORMS"] == "2"
    assert editor.post(f"{ARTICLES}{published.pk}/change/", again).status_code == 302

    review = ReviewRequest.objects.get()
    html = publisher.get(f"{REVIEWS}{review.pk}/change/").content.decode()
    assert "A new second point" in html
    publisher.post(f"{REVIEWS}{review.pk}/change/", {"_approve": "1"})
    assert list(KeyPoint.objects.order_by("order").values_list("text_en", flat=True)) == [
        "First point, reworded",
        "A new second point",
    ]


def test_the_preview_shows_the_proposal_in_each_language_without_publishing_it(
    editor, publisher, published
):
    editor.post(
        f"{ARTICLES}{published.pk}/change/",
        form_data(editor, published, title_en="The proposed title", title_ar="العنوان المقترح"),
    )
    review = ReviewRequest.objects.get()
    links = publisher.get(f"{REVIEWS}{review.pk}/change/").context["previews"]
    assert [link["code"] for link in links] == ["ms", "en", "ar"]
    english = publisher.get(links[1]["url"])
    assert english.status_code == 200
    assert "The proposed title" in english.content.decode()
    assert english["X-Robots-Tag"] == "noindex"
    arabic = publisher.get(links[2]["url"]).content.decode()
    assert 'lang="ar" dir="rtl"' in arabic and "العنوان المقترح" in arabic
    assert "The proposed title" not in public_title()
    # Anyone without the right to see the content gets no preview.
    assert Client().get(links[1]["url"]).status_code == 302


def test_the_publisher_sends_back_with_a_comment_the_editor_sees(editor, publisher, published):
    editor.post(
        f"{ARTICLES}{published.pk}/change/",
        form_data(editor, published, title_en="A hasty title", _submit_for_review="1"),
    )
    review = ReviewRequest.objects.get()
    refused = publisher.post(f"{REVIEWS}{review.pk}/change/", {"_send_back": "1", "comment": ""})
    assert refused.status_code == 302
    review.refresh_from_db()
    assert review.state == ReviewRequest.State.PENDING  # a comment is needed
    publisher.post(
        f"{REVIEWS}{review.pk}/change/",
        {"_send_back": "1", "comment": "Please check the minister's name."},
    )
    review.refresh_from_db()
    assert review.state == ReviewRequest.State.RETURNED
    assert Notification.objects.filter(recipient=editor.user, event="sent_back").exists()
    page = editor.get(f"{ARTICLES}{published.pk}/change/").content.decode()
    assert "Please check the minister&#x27;s name." in page
    assert "A hasty title" not in public_title()
    assert AuditEntry.objects.filter(action="sent_back").exists()


def test_an_editor_cannot_approve_or_send_back(editor, published):
    editor.post(
        f"{ARTICLES}{published.pk}/change/",
        form_data(editor, published, title_en="Mine", _submit_for_review="1"),
    )
    review = ReviewRequest.objects.get()
    assert editor.post(f"{REVIEWS}{review.pk}/change/", {"_approve": "1"}).status_code == 403
    assert (
        editor.post(
            f"{REVIEWS}{review.pk}/change/", {"_send_back": "1", "comment": "x"}
        ).status_code
        == 403
    )
    published.refresh_from_db()
    assert published.title_en == "The approved title"


def test_a_pending_change_costs_the_public_nothing(settings, editor, published):
    settings.PAGE_CACHE_SECONDS = 300
    Client().get("/en/news/published/")
    generation = pagecache.current_generation()
    assert generation is not None
    editor.post(
        f"{ARTICLES}{published.pk}/change/",
        form_data(editor, published, title_en="The proposed title", _submit_for_review="1"),
    )
    assert pagecache.current_generation() == generation


def test_a_draft_is_submitted_and_published_on_approval(editor, publisher):
    draft = make_article(slug="draft", status=Article.Status.DRAFT, title_en="A draft")
    editor.post(ARTICLES, {"action": "submit_for_review", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Article.Status.REVIEW
    assert Client().get("/en/news/draft/").status_code == 404
    review = ReviewRequest.objects.get()
    assert review.kind == ReviewRequest.Kind.PUBLICATION
    publisher.post(f"{REVIEWS}{review.pk}/change/", {"_approve": "1"})
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED and draft.was_published
    assert Client().get("/en/news/draft/").status_code == 200
    assert AuditEntry.objects.filter(action="published", actor=publisher.user).exists()


def test_publishers_who_chose_it_get_an_email_in_their_language(
    editor, publisher, published, django_capture_on_commit_callbacks
):
    StaffPreferences.objects.create(
        user=publisher.user, email_notifications=True, email_language="ar"
    )
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(
            f"{ARTICLES}{published.pk}/change/",
            form_data(editor, published, title_en="The proposed title", _submit_for_review="1"),
        )
    assert [message.to for message in mail.outbox] == [["publishers@example.gov.my"]]
    assert "/admin/nada_site/reviewrequest/" in mail.outbox[0].body
    assert "The proposed title" in mail.outbox[0].subject


def test_no_email_for_those_who_did_not_choose_it(
    editor, publisher, published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(
            f"{ARTICLES}{published.pk}/change/",
            form_data(editor, published, title_en="The proposed title", _submit_for_review="1"),
        )
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=publisher.user).count() == 1


def test_a_scheduled_article_waits_for_its_time(publisher):
    later = timezone.now() + datetime.timedelta(days=2)
    draft = make_article(slug="later", status=Article.Status.DRAFT, published_at=later)
    publisher.post(ARTICLES, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.is_scheduled
    assert Client().get("/en/news/later/").status_code == 404
    entry = AuditEntry.objects.get(action="published")
    assert entry.detail  # says when


def test_the_editors_edit_token_survives_the_proposal(editor, published):
    editor.post(f"{ARTICLES}{published.pk}/change/", form_data(editor, published, title_en="One"))
    published.refresh_from_db()
    stale = edit_token(published)  # the approved version's fingerprint, not the proposal's
    response = editor.post(
        f"{ARTICLES}{published.pk}/change/",
        {**form_data(editor, published, title_en="Two"), "edit_token": stale},
    )
    assert response.status_code == 200  # refused: the form was opened on another version
    review = ReviewRequest.objects.get()
    assert '"title_en": "One"' in review.payload[0]["data"]


def test_the_start_page_tells_each_one_what_needs_them(editor, publisher, published):
    with_nothing = publisher.get("/admin/").content.decode()
    assert "Perlu tindakan anda" in with_nothing
    editor.post(
        f"{ARTICLES}{published.pk}/change/",
        form_data(editor, published, title_en="The proposed title", _submit_for_review="1"),
    )
    review = ReviewRequest.objects.get()
    start = publisher.get("/admin/").content.decode()
    assert f"{REVIEWS}?state__exact=pending" in start
    assert f"{REVIEWS}{review.pk}/change/" in start  # the notice
    publisher.post(
        f"{REVIEWS}{review.pk}/change/", {"_send_back": "1", "comment": "Shorter, please."}
    )
    assert not Notification.objects.filter(recipient=publisher.user, read_at__isnull=True).exists()
    start = editor.get("/admin/").content.decode()
    assert f"{REVIEWS}?state__exact=returned&amp;author__id__exact={editor.user.pk}" in start
    editor.post("/admin/nada_site/reviewrequest/notifications/read/")
    assert not Notification.objects.filter(recipient=editor.user, read_at__isnull=True).exists()


def test_each_staff_member_sets_their_own_preferences_only(editor, publisher):
    response = editor.get("/admin/nada_site/staffpreferences/")
    assert response.status_code == 302
    own = StaffPreferences.objects.get(user=editor.user)
    assert response["Location"] == f"/admin/nada_site/staffpreferences/{own.pk}/change/"
    editor.post(
        response["Location"],
        {"email_notifications": "on", "email_language": "en", "editing_language": "ms"},
    )
    own.refresh_from_db()
    assert own.email_notifications and own.email_language == "en"
    assert publisher.get(f"/admin/nada_site/staffpreferences/{own.pk}/change/").status_code in (
        302,
        403,
        404,
    )
    publisher.post(f"/admin/nada_site/staffpreferences/{own.pk}/change/", {"email_language": "ar"})
    own.refresh_from_db()
    assert own.email_language == "en"


def test_an_editor_adds_a_draft_and_submits_it_at_once(editor, publisher):
    page = editor.get(f"{ARTICLES}add/").content.decode()
    assert 'name="_submit_for_review"' in page
    assert 'name="_submit_for_review"' not in publisher.get(f"{ARTICLES}add/").content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/nada_site/reviewrequest/preview/999/1/en/",
        "/admin/nada_site/reviewrequest/preview/{article}/not-a-number/en/",
        "/admin/nada_site/reviewrequest/preview/{article}/99999/en/",
        "/admin/nada_site/reviewrequest/preview/{article}/{pk}/xx/",
        "/admin/nada_site/reviewrequest/preview/{user}/1/en/",
        "/admin/nada_site/reviewrequest/99999/change/",
        "/admin/international/unitprofile/abc/inbox/",
    ],
)
def test_odd_review_and_preview_addresses_are_not_found(staff_client, published, path):
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType

    path = path.format(
        article=ContentType.objects.get_for_model(Article).pk,
        user=ContentType.objects.get_for_model(get_user_model()).pk,
        pk=published.pk,
    )
    assert staff_client.get(path).status_code == 404


def test_approving_a_change_keeps_what_snapshots_leave_out(editor, publisher, published):
    """The recorded image renditions are not in a proposal: approval must not empty them."""
    Article.objects.filter(pk=published.pk).update(image_renditions=["news/x-320.webp"])
    editor.post(
        f"{ARTICLES}{published.pk}/change/",
        form_data(editor, published, title_en="The proposed title", _submit_for_review="1"),
    )
    review = ReviewRequest.objects.get()
    publisher.post(f"{REVIEWS}{review.pk}/change/", {"_approve": "1"})
    published.refresh_from_db()
    assert published.title_en == "The proposed title"
    assert published.image_renditions == ["news/x-320.webp"]
