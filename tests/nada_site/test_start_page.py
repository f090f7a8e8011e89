"""
The admin's start page (nada_site/start_page.py and the tasks apps register
in nada_site/site.py): each role sees exactly the tasks it may act on, with
their counts, in Malay, English and Arabic; each task opens the admin list
of those items; the page's queries do not grow with the number of items.
"""

import datetime
import html
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from contact.models import ContactMessage
from nada_site.models import Page, ReviewRequest
from nada_site.site import StartTask, site
from nada_site.workflow import Status
from news.models import Article
from tests.conftest import make_agreement, make_page
from tests.news.conftest import make_article

pytestmark = pytest.mark.django_db

LANGUAGES = ["ms", "en", "ar"]
TASK = re.compile(r'<li class="staff-task"><a href="([^"]+)" data-count="(\d+)">([^<]*)</a>')

# What each task's link is known by: its list and the filter that names the task.
AWAITING = "/admin/nada_site/reviewrequest/?state__exact=pending"
RETURNED = "/admin/nada_site/reviewrequest/?state__exact=returned"
ARTICLE_DRAFTS = "/admin/news/article/?status__exact=draft"
PAGE_DRAFTS = "/admin/nada_site/page/?status__exact=draft"
AGREEMENT_DRAFTS = "/admin/international/agreement/?status__exact=draft"
ARTICLES_SCHEDULED = "/admin/news/article/?status__exact=published"
PAGE_WARNINGS = "/admin/nada_site/page/?warnings=yes"
# A page written in Malay alone (make_page), published: a gap in English and Arabic.
PAGE_GAPS = "/admin/nada_site/page/?status__exact=published"
UNANSWERED = "/admin/contact/contactmessage/?status__in=new%2Cin_progress"
FAILED = "/admin/contact/contactmessage/?notification_state__exact=failed"

CONTENT = {ARTICLE_DRAFTS: 3, PAGE_DRAFTS: 1, AGREEMENT_DRAFTS: 1, PAGE_WARNINGS: 1, PAGE_GAPS: 1}
SCHEDULE = {ARTICLES_SCHEDULED: 2}
INBOX = {UNANSWERED: 2, FAILED: 1}
EXPECTED = {
    "editor": {**CONTENT, RETURNED: 1},
    "publisher": {AWAITING: 1, **CONTENT, **SCHEDULE},
    "administrator": INBOX,
    "correspondent": INBOX,
    "superuser": {AWAITING: 1, **CONTENT, **SCHEDULE, **INBOX},
}


@pytest.fixture(autouse=True)
def _markers_checked(db):
    """The assessment's markers all found at the last check: their tasks are tested apart."""
    from nada_site.models import MarkerCheck
    from nada_site.splask import MARKERS

    MarkerCheck.objects.create(found=list(MARKERS))


def task_key(url):
    """The task's list and its first filter (a scheduled task's time filter changes every run)."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query.split('&')[0]}"


def tasks_on(response):
    assert response.status_code == 200
    page = response.content.decode()
    return {
        task_key(html.unescape(url)): (html.unescape(url), int(count), label)
        for url, count, label in TASK.findall(page)
    }


def review(author, obj, state):
    return ReviewRequest.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj),
        kind=ReviewRequest.Kind.PUBLICATION,
        state=state,
        author=author,
        submitted_at=timezone.now(),
    )


def users(django_user_model):
    made = {}
    for name, group in [
        ("editor", "Editors"),
        ("publisher", "Publishers"),
        ("administrator", "Administrators"),
    ]:
        user = django_user_model.objects.create_user(name, password="pw", is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        made[name] = user
    # Someone who only reads the inbox: no group, the one permission.
    correspondent = django_user_model.objects.create_user(
        "correspondent", password="pw", is_staff=True
    )
    correspondent.user_permissions.add(
        Permission.objects.get(content_type__app_label="contact", codename="view_contactmessage")
    )
    made["correspondent"] = correspondent
    made["superuser"] = django_user_model.objects.create_superuser("superuser", "", "pw")
    return made


def content(editor, drafts=3, scheduled=2, messages=2):
    """Drafts, scheduled items, reviews, warnings and messages, as many as asked."""
    soon = timezone.now() + datetime.timedelta(days=1)
    for number in range(drafts):
        make_article(f"draft-{number}", status=Status.DRAFT)
    for number in range(scheduled):
        make_article(
            f"later-{number}",
            published_at=soon + datetime.timedelta(hours=number),
            was_published=True,
        )
    make_article("public")  # published, its time has come: not a task
    make_page("draft-page", status=Status.DRAFT)
    make_agreement("draft-mou", status=Status.DRAFT, was_published=False)
    Page.objects.filter(pk=make_page("warned").pk).update(warning_count=2)
    review(editor, make_article("submitted", status=Status.REVIEW), ReviewRequest.State.PENDING)
    review(editor, make_article("mend", status=Status.REVIEW), ReviewRequest.State.RETURNED)
    for number in range(messages):
        ContactMessage.objects.create(
            name="Aminah",
            email="a@example.my",
            subject=f"Soalan {number}",
            message="…",
            language="ms",
        )
    ContactMessage.objects.create(
        name="Ali",
        email="ali@example.my",
        subject="Dijawab",
        message="…",
        language="en",
        status=ContactMessage.Status.ANSWERED,
        notification_state=ContactMessage.Notification.FAILED,
    )


def client_for(user, language):
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = language
    return client


@pytest.fixture
def staff(django_user_model):
    made = users(django_user_model)
    content(made["editor"])
    return made


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", EXPECTED)
def test_each_role_sees_the_tasks_it_may_act_on_with_their_counts(staff, role, language):
    response = client_for(staff[role], language).get("/admin/")

    tasks = tasks_on(response)
    assert {key: count for key, (_url, count, _label) in tasks.items()} == EXPECTED[role]
    for _url, count, label in tasks.values():
        # Arabic writes a single item in words ("عنصر واحد").
        assert str(count) in label or (language == "ar" and count == 1 and label)
    page = response.content.decode()
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}"' in page


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", EXPECTED)
def test_each_task_opens_the_list_of_those_items(staff, role, language):
    client = client_for(staff[role], language)
    for key, (url, count, _label) in tasks_on(client.get("/admin/")).items():
        response = client.get(url)
        assert response.status_code == 200, (key, response.status_code)
        assert response.context["cl"].result_count == count, key


def test_a_task_lists_exactly_its_items(staff):
    client = client_for(staff["superuser"], "en")
    tasks = tasks_on(client.get("/admin/"))

    drafts = client.get(tasks[ARTICLE_DRAFTS][0]).context["cl"].result_list
    assert {article.slug for article in drafts} == {"draft-0", "draft-1", "draft-2"}
    scheduled = client.get(tasks[ARTICLES_SCHEDULED][0]).context["cl"].result_list
    assert {article.slug for article in scheduled} == {"later-0", "later-1"}
    unanswered = client.get(tasks[UNANSWERED][0]).context["cl"].result_list
    assert {message.subject for message in unanswered} == {"Soalan 0", "Soalan 1"}
    gaps = client.get(tasks[PAGE_GAPS][0]).context["cl"].result_list
    assert {page.slug for page in gaps} == {"warned"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_start_page_leads_to_the_translation_status_page(staff, language):
    page = client_for(staff["editor"], language).get("/admin/").content.decode()
    assert 'href="/admin/translation-status/"' in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_scheduled_items_are_named_with_their_time_in_malaysia(staff, language):
    first = Article.objects.get(slug="later-0")
    response = client_for(staff["publisher"], language).get("/admin/")

    page = response.content.decode()
    change = f"/admin/news/article/{first.pk}/change/"
    assert f'<a href="{change}">{first}</a>' in page
    local = timezone.localtime(first.published_at, datetime.timezone(datetime.timedelta(hours=8)))
    assert f'<time datetime="{local.isoformat()}">' in page
    assert client_for(staff["publisher"], language).get(change).status_code == 200


def test_nothing_waits_for_someone_without_tasks(django_user_model):
    editor = users(django_user_model)["editor"]
    response = client_for(editor, "ms").get("/admin/")
    assert tasks_on(response) == {}
    assert "Tiada apa-apa yang menunggu tindakan anda." in response.content.decode()


def test_the_start_page_reads_a_fixed_number_of_queries_whatever_the_items(django_user_model):
    made = users(django_user_model)
    superuser = made["superuser"]

    def queries():
        client = client_for(superuser, "en")
        client.get("/admin/")  # the session and the permissions, once
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/admin/").status_code == 200
        print(f"start page: {len(captured)} queries")
        return len(captured)

    content(made["editor"], drafts=2, scheduled=2, messages=2)
    few = queries()
    for number in range(20):
        make_article(f"more-draft-{number}", status=Status.DRAFT)
        make_article(
            f"more-later-{number}",
            published_at=timezone.now() + datetime.timedelta(days=2, hours=number),
            was_published=True,
        )
        review(made["editor"], make_article(f"more-review-{number}"), ReviewRequest.State.PENDING)
        ContactMessage.objects.create(
            name="B", email="b@example.my", subject="S", message="…", language="ar"
        )
    assert queries() == few


def test_an_app_registers_tasks_as_it_likes_and_only_those_with_a_count_show(
    django_user_model, monkeypatch
):
    def provider(user):
        yield StartTask("Two things", 2, "/admin/news/article/")
        yield {"label": "A mapping", "count": 1, "url": "/admin/nada_site/page/"}
        yield StartTask("Nothing", 0, "/admin/")

    monkeypatch.setattr(site, "start_tasks", [provider])
    user = users(django_user_model)["editor"]
    tasks = tasks_on(client_for(user, "en").get("/admin/"))
    assert {key: count for key, (_url, count, _label) in tasks.items()} == {
        "/admin/news/article/?": 2,
        "/admin/nada_site/page/?": 1,
    }


def test_the_review_tasks_read_in_malay(staff):
    tasks = tasks_on(client_for(staff["publisher"], "ms").get("/admin/"))
    assert tasks[AWAITING][2] == "1 item menunggu semakan anda"
    tasks = tasks_on(client_for(staff["editor"], "ms").get("/admin/"))
    assert tasks[RETURNED][2] == "1 item dikembalikan kepada anda"
