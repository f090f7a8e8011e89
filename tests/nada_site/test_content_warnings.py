"""
The content checks while writing (nada_site/content_warnings.py): warnings
after a save in the admin, naming the field and its language, on every path
(an Editor's proposal too); the save always goes through; the start page's
list of the items with warnings.
"""

from io import StringIO

import pytest
from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from international.models import Agreement
from nada_site.content_warnings import content_warnings
from nada_site.localized import field_label
from nada_site.models import Page, Question, ReviewRequest
from nada_site.workflow import Status
from news.models import Article
from tests.admin_forms import open_form
from tests.conftest import make_agreement, make_page, make_partner
from tests.news.conftest import make_article

pytestmark = pytest.mark.django_db

NO_ALT = '<p>Delegasi.</p><p><img src="/media/a.jpg"></p>'
VAGUE_AR = '<p>التقرير <a href="/ar/news/">اضغط هنا</a></p>'
CLEAN = "<p>Teks yang baik.</p>"


def staff(django_user_model, role=None, language="en", username=None):
    user = django_user_model.objects.create_user(
        username or f"{role or 'nobody'}-{language}".lower(), password="pw", is_staff=True
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = language
    client.user = user
    return client


def warnings_after(response):
    assert response.status_code == 200, response.status_code
    return [str(m) for m in response.context["messages"] if m.level == messages.WARNING]


def save(client, obj, **changes):
    """Open the item's change form as the staff member, change what is asked and save."""
    opts = obj._meta
    url = f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/"
    _response, form = open_form(client, url, opts.model_name)
    return client.post(url, form.update(changes).post_data(), follow=True)


def label(model, name, language):
    with translation.override(language):
        return field_label(model._meta.get_field(name))


@pytest.mark.parametrize("admin_language", ["ms", "ar"])
def test_a_save_with_problems_goes_through_and_warns_naming_field_and_language(
    django_user_model, admin_language
):
    publisher = staff(django_user_model, "Publishers", admin_language)
    article = make_article("checked")
    response = save(publisher, article, body_ms=NO_ALT, body_ar=VAGUE_AR)

    article.refresh_from_db()
    assert "<img" in article.body_ms and "اضغط هنا" in article.body_ar  # saved as written
    warnings = warnings_after(response)
    assert len(warnings) == 2
    malay, arabic = warnings
    # In the admin's language: the field's name and its language, as the review page names them.
    assert malay.startswith(label(Article, "body_ms", admin_language) + ": ")
    assert arabic.startswith(label(Article, "body_ar", admin_language) + ": ")
    assert "اضغط هنا" in arabic
    assert article.warning_count == 2


def test_english_staff_read_the_warning_as_written(django_user_model):
    publisher = staff(django_user_model, "Publishers", "en")
    agreement = make_agreement("mou", partners=[make_partner("asean")])
    response = save(publisher, agreement, summary_en=NO_ALT)
    assert warnings_after(response) == ["Summary (English): an image has no description (alt text)"]


def test_a_repeated_problem_is_one_warning_that_says_how_often(django_user_model):
    publisher = staff(django_user_model, "Publishers", "en")
    article = make_article("repeated")
    response = save(publisher, article, body_en='<img src="/a.jpg"><img src="/b.jpg">')
    assert warnings_after(response) == [
        "Body (English): an image has no description (alt text) (2 times)"
    ]
    assert Article.objects.get(pk=article.pk).warning_count == 2


def test_a_clean_save_warns_of_nothing_and_clears_the_count(django_user_model):
    publisher = staff(django_user_model, "Publishers", "en")
    article = make_article("mended")
    save(publisher, article, body_en=NO_ALT)
    assert Article.objects.get(pk=article.pk).warning_count == 1
    response = save(publisher, article, body_en=CLEAN)
    assert warnings_after(response) == []
    assert Article.objects.get(pk=article.pk).warning_count == 0


def test_the_parts_edited_with_an_item_are_checked_too(django_user_model):
    publisher = staff(django_user_model, "Publishers", "en")
    page = make_page("faq")
    Question.objects.create(
        page=page,
        question_ms="Bagaimana memohon?",
        question_en="How do I apply?",
        answer_ms="<p>J.</p>",
        answer_en="<p>A.</p>",
    )
    response = save(publisher, page, **{"questions-0-answer_en": '<p><a href="/x/">here</a></p>'})
    assert warnings_after(response) == [
        "Question and answer “How do I apply?”, Answer (English): a link says nothing of where "
        "it leads (“here”): name its destination"
    ]
    assert Page.objects.get(pk=page.pk).warning_count == 1


def test_an_editors_proposal_is_checked_as_proposed_and_the_warning_reaches_them(
    django_user_model,
):
    editor = staff(django_user_model, "Editors", "ms")
    publisher = staff(django_user_model, "Publishers", "en")
    article = make_article("live", body_en=CLEAN)
    response = save(editor, article, body_en=NO_ALT)

    [warning] = warnings_after(response)
    assert warning.startswith(label(Article, "body_en", "ms") + ": ")
    success = [str(m) for m in response.context["messages"] if m.level == messages.SUCCESS]
    assert success  # the proposal was kept…
    stored = Article.objects.get(pk=article.pk)
    assert stored.body_en == CLEAN  # …the stored article and its count are as approved
    assert stored.warning_count == 0

    review = ReviewRequest.objects.get()
    publisher.post(f"/admin/nada_site/reviewrequest/{review.pk}/change/", {"_approve": "1"})
    approved = Article.objects.get(pk=article.pk)
    assert "<img" in approved.body_en
    assert approved.warning_count == 1


def test_the_start_page_list_names_each_kind_with_warnings_the_user_may_change(
    django_user_model,
):
    editor = staff(django_user_model, "Editors", "en")
    nobody = staff(django_user_model, None, "en")
    for slug in ("one", "two"):
        make_article(slug, body_en=NO_ALT, status=Status.DRAFT, was_published=False)
    make_article("fine", body_en=CLEAN)
    make_page("about", body_ms=NO_ALT)
    call_command("check_content", stdout=StringIO())

    with translation.override("en"):
        entries = content_warnings(editor.user)
    assert entries == [
        {"count": 1, "label": "Pages", "url": "/admin/nada_site/page/?warnings=yes"},
        {"count": 2, "label": "Articles", "url": "/admin/news/article/?warnings=yes"},
    ]
    assert content_warnings(nobody.user) == []
    listed = editor.get("/admin/news/article/?warnings=yes")
    assert listed.status_code == 200
    assert {article.slug for article in listed.context["cl"].result_list} == {"one", "two"}


def test_check_content_counts_every_item_again(django_user_model):
    article = make_article("old", body_en=NO_ALT, body_ar=VAGUE_AR)
    agreement = make_agreement("mou", partners=[make_partner("asean")], summary_ms=CLEAN)
    assert Article.objects.get(pk=article.pk).warning_count == 0  # saved before any check

    call_command("check_content", stdout=StringIO())
    assert Article.objects.get(pk=article.pk).warning_count == 2
    assert Agreement.objects.get(pk=agreement.pk).warning_count == 0
