"""
Staff read what visitors answered: counts per page and language for
Publishers and Administrators, the comments (which may hold what a visitor
should not have written) for Administrators only, and both as CSV.
"""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from contact.feedback import record_answer
from contact.models import FeedbackPage, PageFeedback

pytestmark = pytest.mark.django_db

COUNTS = "/admin/contact/feedbackpage/"
ANSWERS = "/admin/contact/pagefeedback/"
ARABIC_COMMENT = "الصفحة مفيدة جدا، شكرا"
MALAY_COMMENT = "Sila tambah jadual mesyuarat ASOD."
FORMULA_COMMENT = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture
def answers():
    record_answer("/ms/pages/about/", "ms", True, MALAY_COMMENT)
    record_answer("/ms/pages/about/", "ms", True, "")
    record_answer("/ms/pages/about/", "ms", False, FORMULA_COMMENT)
    record_answer("/ar/pages/about/", "ar", False, ARABIC_COMMENT)
    return FeedbackPage.objects.order_by("language")


def staff_in(client, django_user_model, role):
    user = django_user_model.objects.create_user(f"{role.lower()}-1", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    return client


def rows(response):
    content = response.getvalue().decode("utf-8")
    assert content.startswith("\ufeff")  # UTF-8 with a byte order mark, for spreadsheets.
    return list(csv.reader(io.StringIO(content[1:])))


def export(client, url, objects):
    client.cookies["django_language"] = "en"  # The column names in English.
    return client.post(url, {"action": "export_csv", "_selected_action": [o.pk for o in objects]})


@pytest.mark.parametrize(
    ("role", "counts", "comments"),
    [("Editors", False, False), ("Publishers", True, False), ("Administrators", True, True)],
)
def test_who_sees_the_counts_and_who_the_comments(
    client, django_user_model, answers, role, counts, comments
):
    staff_in(client, django_user_model, role)
    malay = answers.get(language="ms")
    listing = client.get(COUNTS)
    assert listing.status_code == (200 if counts else 403)
    detail = client.get(f"{COUNTS}{malay.pk}/change/")
    assert detail.status_code == (200 if counts else 403)
    if counts:
        assert "/ms/pages/about/" in listing.content.decode()
        assert (MALAY_COMMENT in detail.content.decode()) == comments
    assert client.get(ANSWERS).status_code == (200 if comments else 403)


def test_the_counts_are_per_page_and_language(client, django_user_model, answers):
    staff_in(client, django_user_model, "Publishers")
    listing = client.get(COUNTS)
    pages = {
        (page.path, page.language): (page.yes_count, page.no_count, page.comment_count)
        for page in listing.context["cl"].result_list
    }
    assert pages == {("/ms/pages/about/", "ms"): (2, 1, 2), ("/ar/pages/about/", "ar"): (0, 1, 1)}


def test_the_counts_list_costs_the_same_whatever_the_number_of_pages(client, django_user_model):
    staff_in(client, django_user_model, "Publishers")
    record_answer("/en/news/", "en", True, "")
    client.get(COUNTS)
    with CaptureQueriesContext(connection) as few:
        client.get(COUNTS)
    for number in range(30):
        record_answer(f"/en/pages/page-{number}/", "en", number % 2 == 0, "x")
    with CaptureQueriesContext(connection) as many:
        client.get(COUNTS)
    assert len(many) == len(few)


def test_nobody_edits_or_adds_answers(client, django_user_model, answers):
    staff_in(client, django_user_model, "Administrators")
    answer = PageFeedback.objects.first()
    assert client.get(f"{COUNTS}add/").status_code == 403
    assert client.get(f"{ANSWERS}add/").status_code == 403
    assert client.post(f"{ANSWERS}{answer.pk}/change/", {"comment": "changed"}).status_code == 403
    answer.refresh_from_db()
    assert answer.comment != "changed"


def test_a_publisher_exports_the_counts(client, django_user_model, answers):
    staff_in(client, django_user_model, "Publishers")
    response = export(client, COUNTS, answers)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "page-feedback-counts-" in response["Content-Disposition"]
    header, *lines = rows(response)
    assert header == ["Page", "Language", "Useful", "Not useful", "Comments", "Last answer"]
    today = timezone.localdate().isoformat()
    assert lines == [
        ["/ar/pages/about/", "Arabic", "0", "1", "1", today],
        ["/ms/pages/about/", "Malay", "2", "1", "2", today],
    ]
    # The answers and their comments are not theirs to export.
    refused = export(client, ANSWERS, PageFeedback.objects.all())
    assert refused.status_code == 403


def test_an_administrator_exports_the_comments_intact_and_safe(client, django_user_model, answers):
    staff_in(client, django_user_model, "Administrators")
    response = export(client, ANSWERS, PageFeedback.objects.all())
    header, *lines = rows(response)
    assert header == ["Day", "Page", "Language", "Useful", "Comment"]
    comments = [line[4] for line in lines]
    assert MALAY_COMMENT in comments
    assert ARABIC_COMMENT in comments
    # A comment a spreadsheet would run as a formula is written as text.
    assert "'" + FORMULA_COMMENT in comments
    assert FORMULA_COMMENT not in comments


def test_a_comment_is_shown_escaped_in_its_language(client, django_user_model):
    record_answer("/ar/pages/about/", "ar", False, '<script>alert("x")</script>' + ARABIC_COMMENT)
    staff_in(client, django_user_model, "Administrators")
    page = FeedbackPage.objects.get()
    html = client.get(f"{COUNTS}{page.pk}/change/").content.decode()
    assert "<script>alert" not in html
    assert '<span lang="ar" dir="auto">&lt;script&gt;' in html
    listing = client.get(ANSWERS).content.decode()
    assert "<script>alert" not in listing


@pytest.mark.parametrize("language", ["ms", "en", "ar"])
def test_the_counts_list_works_in_every_admin_language(
    client, django_user_model, answers, language
):
    staff_in(client, django_user_model, "Administrators")
    client.cookies["django_language"] = language
    response = client.get(COUNTS, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()


def aged(days):
    answer = record_answer("/en/news/", "en", True, "old comment")
    PageFeedback.objects.filter(pk=answer.pk).update(
        created_on=timezone.localdate() - timedelta(days=days)
    )
    return answer


def test_the_purge_deletes_old_answers_and_pages_left_without_any(capsys):
    aged(800)
    aged(800)
    recent = record_answer("/en/pages/about/", "en", False, "recent")
    call_command("purge_page_feedback", "--dry-run")
    assert "2 page feedback answers older than 730 days would be deleted" in capsys.readouterr().out
    assert PageFeedback.objects.count() == 3
    call_command("purge_page_feedback")
    assert "Deleted 2 page feedback answers" in capsys.readouterr().out
    assert list(PageFeedback.objects.all()) == [recent]
    assert list(FeedbackPage.objects.values_list("path", flat=True)) == ["/en/pages/about/"]
