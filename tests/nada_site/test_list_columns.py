"""
The lists of articles, agreements and pages in the admin: which languages
are complete, the title (in another language marked as such), the state,
the date, and a number of queries that does not grow with the list.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from nada_site.list_columns import has_text
from nada_site.models import Page
from tests.conftest import make_agreement, make_page
from tests.news.conftest import make_article

pytestmark = pytest.mark.django_db

CHANGE_LISTS = {
    "articles": "/admin/news/article/",
    "agreements": "/admin/international/agreement/",
    "pages": "/admin/nada_site/page/",
}
MAKERS = {"articles": make_article, "agreements": make_agreement, "pages": make_page}


def listing(client, path, language="en"):
    client.cookies["django_language"] = language
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_each_language_is_complete_incomplete_or_missing_in_words(staff_client):
    # An agreement needs its title and summary in a language, as on the translation status page.
    make_agreement(
        "partly-english",
        title_ms="Memorandum serantau",
        summary_ms="Ringkasan.",
        title_en="Regional memorandum",
        summary_en="  ",
    )
    html = listing(staff_client, CHANGE_LISTS["agreements"])
    assert "Malay: complete, English: incomplete, Arabic: missing" in html
    assert 'language-status__item--complete" aria-hidden="true">MS' in html
    assert 'language-status__item--missing" aria-hidden="true">AR' in html


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("ms", ["Bahasa Melayu", "Bahasa Inggeris", "Bahasa Arab"]),
        ("ar", ["الملايوية", "الإنجليزية"]),
    ],
)
def test_the_languages_are_named_in_the_admin_language(staff_client, language, names):
    make_page("about", title_en="About", body_ms="<p>Isi.</p>", body_en="<p>Text.</p>")
    html = listing(staff_client, CHANGE_LISTS["pages"], language=language)
    words = html.split('<span class="visually-hidden">')[1].split("</span>")[0]
    assert [part.split(":")[0] for part in words.split(", ")][: len(names)] == names


def test_a_title_in_another_language_is_marked_with_its_language(staff_client):
    make_article("baghdad-visit", title_ar="زيارة إلى مديرية شؤون المخدرات")
    html = listing(staff_client, CHANGE_LISTS["articles"])
    assert (
        '<span class="list-title" title="زيارة إلى مديرية شؤون المخدرات" lang="ar" dir="rtl">'
        in html
    )


def test_an_item_published_with_a_time_to_come_is_scheduled(staff_client):
    make_article("tomorrow", published_at=timezone.now() + datetime.timedelta(days=1))
    make_agreement("mou-thailand", status=Page.Status.DRAFT, was_published=False)
    assert '<span class="list-state" title="' in listing(staff_client, CHANGE_LISTS["articles"])
    assert ">Scheduled</span>" in listing(staff_client, CHANGE_LISTS["articles"])
    assert '<span class="list-state">Draft</span>' in listing(
        staff_client, CHANGE_LISTS["agreements"]
    )


def test_the_date_is_short_with_the_full_time_as_a_tooltip(staff_client):
    when = datetime.datetime(2024, 6, 14, 10, 0, tzinfo=datetime.UTC)
    make_article("meeting", published_at=when)
    html = listing(staff_client, CHANGE_LISTS["articles"])
    assert '<time class="list-date" datetime="2024-06-14T18:00:00+08:00"' in html
    assert ">June 14, 2024</time>" in html


@pytest.mark.parametrize("name", CHANGE_LISTS)
@pytest.mark.parametrize("language", ["ms", "ar"])
def test_the_list_makes_as_many_queries_for_thirty_items_as_for_one(
    staff_client, django_assert_num_queries, name, language
):
    make = MAKERS[name]
    make(f"{name}-0", title_en="One", title_ar="واحد")
    listing(staff_client, CHANGE_LISTS[name], language)  # the session and the cookie settle
    with CaptureQueriesContext(connection) as one:
        listing(staff_client, CHANGE_LISTS[name], language)
    for number in range(1, 30):
        make(f"{name}-{number}", title_en=f"Item {number}")
    with django_assert_num_queries(len(one.captured_queries)):
        html = listing(staff_client, CHANGE_LISTS[name], language)
    assert html.count('class="language-status"') == 30


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", False),
        (None, False),
        ("   ", False),
        ("Tajuk", True),
        ("<p></p>", False),
        ("<p>&nbsp;</p>", False),
        ('<p><img src="/media/a.jpg" alt="Peta"></p>', True),
        ("<p>Isi</p>", True),
    ],
)
def test_text_is_what_a_reader_would_see(value, expected):
    assert has_text(value) is expected


def test_each_box_of_list_editing_is_named_for_its_column_and_item(staff_client):
    make_page("about", title_en="About the unit")
    html = listing(staff_client, CHANGE_LISTS["pages"])
    assert 'aria-label="Show in the main menu: About the unit"' in html
    assert 'aria-label="Order: About the unit"' in html


def test_the_date_and_time_boxes_have_labels(staff_client):
    staff_client.cookies["django_language"] = "ms"
    html = staff_client.get("/admin/news/article/add/").content.decode()
    assert '<label for="id_published_at_0">Tarikh:</label>' in html
    assert '<label for="id_published_at_1">Masa:</label>' in html


@pytest.mark.parametrize("name", CHANGE_LISTS)
def test_every_column_sorts(staff_client, name):
    MAKERS[name](f"{name}-a", title_en="Alpha", title_ar="ألف")
    MAKERS[name](f"{name}-b", title_en="Beta")
    for column in range(1, 8):
        for order in (str(column), f"-{column}"):
            response = staff_client.get(f"{CHANGE_LISTS[name]}?o={order}")
            assert response.status_code == 200, order


def test_the_title_column_sorts_by_the_title_in_the_admin_language(staff_client):
    make_article("b", title_en="Beta", title_ms="Alfa")
    make_article("a", title_en="Alpha", title_ms="Beta")
    english = listing(staff_client, CHANGE_LISTS["articles"] + "?o=1")
    assert english.index(">Alpha<") < english.index(">Beta<")
    malay = listing(staff_client, CHANGE_LISTS["articles"] + "?o=1", language="ms")
    assert malay.index(">Alfa<") < malay.index(">Beta<")
