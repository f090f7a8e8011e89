"""
The state of each language of a translated item (nada_site/translation_state.py):
filled, missing, or older than the Malay text, whatever path the change took
(the admin, the approval of an Editor's proposal, the restoring of a
revision, the demo content); the tabs that show it; the admin lists' filter;
the translation status page and the start page's count.
"""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from reversion.models import Version

from nada_site.localized import language_name
from nada_site.models import Page, ReviewRequest, StaffPreferences, TranslationChange
from nada_site.translation_state import (
    FILLED,
    MISSING,
    OUTDATED,
    key_fields,
    translation_gaps,
)
from nada_site.workflow import Status
from news.models import Article
from tests.admin_forms import open_form
from tests.conftest import make_page
from tests.news.conftest import make_article

pytestmark = pytest.mark.django_db

LANGUAGES = ["ms", "en", "ar"]
ARTICLE_URL = "/admin/news/article/{}/change/"
STATUS_URL = "/admin/translation-status/"


def staff(django_user_model, role="Publishers", language="en", username=None):
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


def tabs_of(response):
    """What the change form hands its tabs script: the JSON of #translation-tabs-data."""
    assert response.status_code == 200, response.status_code
    found = re.search(
        r'<script id="translation-tabs-data" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.DOTALL,
    )
    assert found, "no tab data on the form"
    return json.loads(found.group(1))


def state(client, article, field):
    return tabs_of(client.get(ARTICLE_URL.format(article.pk)))["fields"][f"id_{field}"]


def save(client, obj, **changes):
    opts = obj._meta
    url = f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/"
    _response, form = open_form(client, url, opts.model_name)
    response = client.post(url, form.update(changes).post_data())
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def malay_only(slug="one", **fields):
    return make_article(slug, title_ms=f"Berita {slug}", **fields)


@pytest.mark.parametrize("admin_language", LANGUAGES)
def test_english_is_older_once_malay_changes_and_current_once_saved_again(
    django_user_model, admin_language
):
    publisher = staff(django_user_model, language=admin_language)
    article = malay_only()
    assert state(publisher, article, "title_en") == MISSING
    assert state(publisher, article, "title_ms") == FILLED

    save(publisher, article, title_en="News one")
    assert state(publisher, article, "title_en") == FILLED

    save(publisher, article, title_ms="Berita satu yang dikemas kini")
    assert state(publisher, article, "title_en") == OUTDATED
    assert state(publisher, article, "title_ms") == FILLED  # Malay is never older than itself
    assert state(publisher, article, "title_ar") == MISSING  # nothing to be out of date

    save(publisher, article, title_en="News one, updated")
    assert state(publisher, article, "title_en") == FILLED


def test_saving_without_changing_the_english_text_leaves_it_older(django_user_model):
    publisher = staff(django_user_model)
    article = malay_only(title_en="News one")
    save(publisher, article, title_ms="Berita lain")
    save(publisher, article, slug="another-address")
    assert state(publisher, article, "title_en") == OUTDATED


def test_an_approved_proposal_that_changes_malay_makes_english_older(django_user_model):
    editor = staff(django_user_model, "Editors", "ms")
    publisher = staff(django_user_model, "Publishers", "en")
    article = make_article("live")
    save(editor, article, title_ms="Tajuk baharu yang dicadangkan")
    # A proposal is not the stored article: English is as current as it was.
    assert state(publisher, article, "title_en") == FILLED

    review = ReviewRequest.objects.get()
    publisher.post(f"/admin/nada_site/reviewrequest/{review.pk}/change/", {"_approve": "1"})
    assert Article.objects.get(pk=article.pk).title_ms == "Tajuk baharu yang dicadangkan"
    assert state(publisher, article, "title_en") == OUTDATED

    # The Editor brings English up to date; once approved, it is current again.
    save(editor, article, title_en="The new proposed title")
    review = ReviewRequest.objects.get(state=ReviewRequest.State.DRAFT)
    publisher.post(f"/admin/nada_site/reviewrequest/{review.pk}/change/", {"_approve": "1"})
    assert state(publisher, article, "title_en") == FILLED


def test_the_editor_opening_the_proposal_sees_the_proposed_state(django_user_model):
    editor = staff(django_user_model, "Editors", "ms")
    article = make_article("live")
    save(editor, article, title_ms="Tajuk baharu")
    assert state(editor, article, "title_en") == OUTDATED


def test_restoring_a_revision_with_other_malay_makes_english_older(django_user_model):
    publisher = staff(django_user_model)
    article = malay_only()
    save(publisher, article, title_ms="Berita pertama", title_en="First news")
    save(publisher, article, title_ms="Berita kedua")
    save(publisher, article, title_en="Second news")
    assert state(publisher, article, "title_en") == FILLED

    first = Version.objects.get_for_object(article).order_by("pk").first()
    url = f"/admin/news/article/{article.pk}/history/{first.pk}/"
    response, form = open_form(publisher, url, "article")
    response = publisher.post(url, form.post_data())
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title_ms, article.title_en) == ("Berita pertama", "First news")
    # Malay and English both changed back at once: English is as current as Malay.
    assert state(publisher, article, "title_en") == FILLED

    # Malay changes again, then the revision with the second Malay text (and the first
    # English one, as now) is restored: only Malay changed, English is older.
    save(publisher, article, title_ms="Berita ketiga")
    second = Version.objects.get_for_object(article).order_by("pk")[1]
    url = f"/admin/news/article/{article.pk}/history/{second.pk}/"
    response, form = open_form(publisher, url, "article")
    publisher.post(url, form.post_data())
    article.refresh_from_db()
    assert (article.title_ms, article.title_en) == ("Berita kedua", "First news")
    assert state(publisher, article, "title_en") == OUTDATED


def test_the_demo_content_records_when_each_language_was_written(db):
    call_command("load_demo_content", verbosity=0)
    page = Page.objects.get(slug="about")
    languages = set(
        TranslationChange.objects.filter(
            object_id=str(page.pk), content_type__model="page"
        ).values_list("language", flat=True)
    )
    assert languages == set(LANGUAGES)


def test_a_deleted_item_leaves_no_record(db):
    article = malay_only()
    article.delete()
    assert not TranslationChange.objects.filter(object_id=str(article.pk)).exists()


def test_the_inlines_tabs_have_their_state_too(django_user_model):
    publisher = staff(django_user_model)
    page = make_page("faq")
    page.questions.create(question_ms="Bagaimana?", answer_ms="<p>Begini.</p>", question_en="How?")
    data = tabs_of(publisher.get(f"/admin/nada_site/page/{page.pk}/change/"))
    assert data["fields"]["id_questions-0-question_en"] == FILLED
    assert data["fields"]["id_questions-0-answer_en"] == MISSING


# The tabs: the language they open on, and their names.


@pytest.mark.parametrize(
    ("admin_language", "names", "older"),
    [
        ("en", ["Malay", "English", "Arabic"], "older than the Malay text"),
        ("ms", ["Bahasa Melayu", "Bahasa Inggeris", "Bahasa Arab"], None),
        ("ar", ["الملايوية", "الإنجليزية", "العربية"], None),
    ],
)
def test_forms_open_on_malay_with_language_names_in_the_admins_language(
    django_user_model, admin_language, names, older
):
    publisher = staff(django_user_model, language=admin_language)
    data = tabs_of(publisher.get(ARTICLE_URL.format(malay_only().pk)))
    assert data["language"] == "ms"
    assert [language["name"] for language in data["languages"]] == names
    if older:
        assert data["states"][OUTDATED] == older
    assert set(data["states"]) == {FILLED, MISSING, OUTDATED}


def test_an_add_form_opens_on_malay_with_every_tab_missing(django_user_model):
    publisher = staff(django_user_model)
    data = tabs_of(publisher.get("/admin/news/article/add/"))
    assert data["language"] == "ms"
    assert data["fields"]["id_title_ms"] == MISSING


@pytest.mark.parametrize("admin_language", LANGUAGES)
def test_staff_choose_their_editing_language_in_their_preferences(
    django_user_model, admin_language
):
    editor = staff(django_user_model, "Editors", admin_language)
    preferences_url = "/admin/nada_site/staffpreferences/"
    response = editor.get(preferences_url, follow=True)
    url = response.redirect_chain[-1][0]
    response, form = open_form(editor, url, "staffpreferences")
    assert "editing_language" in form
    assert form["editing_language"] == "ms"
    editor.post(url, form.update({"editing_language": "ar"}).post_data())
    assert StaffPreferences.objects.get(user=editor.user).editing_language == "ar"
    data = tabs_of(editor.get(ARTICLE_URL.format(malay_only().pk)))
    assert data["language"] == "ar"


# The admin lists' filter.


@pytest.fixture
def three_articles():
    complete = make_article("complete")
    no_english = malay_only("no-english", title_ar="خبر")
    older = make_article("older")
    older.title_ms = "Berita yang berubah"
    older.save()
    return complete, no_english, older


def listed(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return {obj.slug for obj in response.context["cl"].result_list}


@pytest.mark.parametrize("admin_language", LANGUAGES)
def test_every_translated_list_filters_by_missing_and_older_language(
    django_user_model, three_articles, admin_language
):
    publisher = staff(django_user_model, language=admin_language)
    assert listed(publisher, "/admin/news/article/?translation=missing-en") == {"no-english"}
    assert listed(publisher, "/admin/news/article/?translation=outdated-en") == {"older"}
    assert listed(publisher, "/admin/news/article/?translation=outdated-ar") == {"older"}
    assert listed(publisher, "/admin/news/article/?translation=filled-en") == {"complete"}
    assert listed(publisher, "/admin/news/article/?translation=incomplete") == {
        "no-english",
        "older",
    }
    assert listed(publisher, "/admin/news/article/?translation=missing-ms") == set()
    page = publisher.get("/admin/news/article/").content.decode()
    with translation.override(admin_language):
        assert "?translation=missing-en" in page
        assert language_name("en") in page


@pytest.mark.parametrize(
    "value", ["nonsense", "missing-xx", "outdated-ms", "missing-", "-", "x" * 500]
)
def test_a_strange_filter_value_is_no_error(django_user_model, three_articles, value):
    publisher = staff(django_user_model)
    response = publisher.get(f"/admin/news/article/?translation={value}")
    assert response.status_code in (200, 302)


def test_the_filter_is_on_every_translated_list(django_user_model):
    publisher = staff(django_user_model)
    for url in (
        "/admin/nada_site/page/",
        "/admin/international/agreement/",
        "/admin/news/category/",
    ):
        response = publisher.get(url)
        assert response.status_code == 200
        assert "?translation=missing-en" in response.content.decode(), url


def test_key_fields_are_what_an_item_needs_in_a_language():
    assert key_fields(Article) == ["title"]
    assert key_fields(Page) == ["title"]


# The status page and the start page's count.


def test_the_status_page_counts_published_items_and_links_each_number(
    django_user_model, three_articles
):
    make_article("draft-no-english", title_ms="Draf", status=Status.DRAFT, was_published=False)
    publisher = staff(django_user_model)
    response = publisher.get(STATUS_URL)
    assert response.status_code == 200
    [articles] = [row for row in response.context["rows"] if row["label"] == "Articles"]
    assert articles["total"] == 3
    english = {cell["state"]: cell for cell in articles["languages"][1]["cells"]}
    assert {state: cell["count"] for state, cell in english.items()} == {
        FILLED: 1,
        MISSING: 1,
        OUTDATED: 1,
    }
    assert (
        english[MISSING]["url"]
        == "/admin/news/article/?status__exact=published&translation=missing-en"
    )
    html = response.content.decode()
    assert f'href="{english[MISSING]["url"]}"'.replace("&", "&amp;") in html
    # The link lists what the number counts.
    assert listed(publisher, english[MISSING]["url"]) == {"no-english"}
    assert listed(publisher, english[OUTDATED]["url"]) == {"older"}
    malay = {cell["state"]: cell for cell in articles["languages"][0]["cells"] if cell}
    assert set(malay) == {FILLED, MISSING}  # Malay is never older than itself


@pytest.mark.parametrize(
    ("admin_language", "direction"), [("ms", "ltr"), ("en", "ltr"), ("ar", "rtl")]
)
def test_the_status_page_speaks_the_admins_language(
    django_user_model, three_articles, admin_language, direction
):
    publisher = staff(django_user_model, language=admin_language)
    response = publisher.get(STATUS_URL)
    html = response.content.decode()
    assert f'dir="{direction}"' in html
    with translation.override(admin_language):
        assert language_name("en") in html
    if admin_language == "en":
        assert "<h1>Translation status</h1>" in html


def test_the_status_page_takes_the_same_number_of_queries_for_more_items(django_user_model):
    publisher = staff(django_user_model)
    make_article("a")
    publisher.get(STATUS_URL)
    with CaptureQueriesContext(connection) as few:
        publisher.get(STATUS_URL)
    for index in range(6):
        malay_only(f"more-{index}")
        make_page(f"page-{index}")
    with CaptureQueriesContext(connection) as many:
        publisher.get(STATUS_URL)
    assert len(many) == len(few)


def test_items_saved_before_their_languages_were_recorded_count_as_complete(django_user_model):
    make_article("old")
    TranslationChange.objects.all().delete()
    publisher = staff(django_user_model)
    [articles] = [
        row for row in publisher.get(STATUS_URL).context["rows"] if row["label"] == "Articles"
    ]
    english = {cell["state"]: cell["count"] for cell in articles["languages"][1]["cells"]}
    assert english == {FILLED: 1, MISSING: 0, OUTDATED: 0}
    assert listed(publisher, "/admin/news/article/?translation=filled-en") == {"old"}


def test_the_status_page_is_for_staff_only(client, django_user_model):
    assert client.get(STATUS_URL).status_code == 302
    visitor = django_user_model.objects.create_user("visitor", password="pw")
    client.force_login(visitor)
    response = client.get(STATUS_URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_staff_without_permissions_see_no_kind(django_user_model, three_articles):
    nobody = staff(django_user_model, None)
    response = nobody.get(STATUS_URL)
    assert response.status_code == 200
    assert response.context["rows"] == []


def test_the_start_page_learns_how_many_items_have_gaps_per_kind(django_user_model, three_articles):
    editor = staff(django_user_model, "Editors")
    nobody = staff(django_user_model, None)
    make_page("about", title_en="About", title_ar="حول")
    make_page("faq")  # missing English and Arabic
    with translation.override("en"):
        entries = translation_gaps(editor.user)
    assert {
        "count": 2,
        "label": "Articles",
        "url": "/admin/news/article/?status__exact=published&translation=incomplete",
    } in entries
    assert {
        "count": 1,
        "label": "Pages",
        "url": "/admin/nada_site/page/?status__exact=published&translation=incomplete",
    } in entries
    assert translation_gaps(nobody.user) == []
    assert listed(
        editor, "/admin/news/article/?status__exact=published&translation=incomplete"
    ) == {
        "no-english",
        "older",
    }
