"""The site search at /<lang>/search/: every type of content, the reader's language first."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Event
from nada_site.models import Question
from nada_site.search import MAX_TERMS, parse_query
from nada_site.workflow import Status
from news.models import Announcement
from publications.models import Publication
from tests.conftest import full_text_on_postgresql as postgresql_only
from tests.conftest import make_agreement, make_page, make_partner
from tests.events.conftest import make_event
from tests.news.conftest import make_announcement, make_article, make_category
from tests.publications.conftest import make_publication

pytestmark = pytest.mark.django_db

LANGUAGES = ["ms", "en", "ar"]
# A made-up word, so that every database matches it the same way, in each language's script.
WORD = {"ms": "zamrudika", "en": "zamrudika", "ar": "زمرديكا"}


def search(client, language="en", **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def result_urls(html):
    return re.findall(r'<h2 class="search-result__title"><a href="([^"]+)"', html)


@pytest.fixture
def one_of_each(db):
    """
    An article, a page, a question of the FAQ, an agreement, a publication, an
    event and an announcement, each with the word in every language.
    """
    article = make_article(
        "news-zam",
        title_ms=f"Berita {WORD['ms']}",
        title_en=f"News {WORD['en']}",
        title_ar=f"خبر {WORD['ar']}",
    )
    page = make_page(
        "about",
        title_ms="Tentang kami",
        body_ms=f"<p>Kami {WORD['ms']}.</p>",
        title_en="About us",
        body_en=f"<p>We {WORD['en']}.</p>",
        title_ar="من نحن",
        body_ar=f"<p>نحن {WORD['ar']}.</p>",
    )
    faq = make_page("faq", title_ms="Soalan lazim", title_en="FAQ", title_ar="الأسئلة")
    question = Question.objects.create(
        page=faq,
        question_ms=f"Apakah {WORD['ms']}?",
        answer_ms="<p>Jawapan.</p>",
        question_en=f"What is {WORD['en']}?",
        answer_en="<p>An answer.</p>",
        question_ar=f"ما هو {WORD['ar']}؟",
        answer_ar="<p>جواب.</p>",
    )
    agreement = make_agreement(
        "mou-zam",
        title_ms=f"Perjanjian {WORD['ms']}",
        title_en=f"Agreement {WORD['en']}",
        title_ar=f"اتفاقية {WORD['ar']}",
        signed_on=datetime.date(2024, 5, 1),
        partners=[make_partner("asean")],
    )
    publication = make_publication(
        "report-zam",
        title_ms="Laporan tahunan",
        summary_ms=f"Ringkasan {WORD['ms']}.",
        title_en="Annual report",
        summary_en=f"A summary of {WORD['en']}.",
        title_ar="التقرير السنوي",
        summary_ar=f"ملخص {WORD['ar']}.",
        date=datetime.date(2025, 6, 1),
    )
    event = make_event(
        "meeting-zam",
        title_ms="Mesyuarat serantau",
        description_ms=f"<p>Mesyuarat <strong>{WORD['ms']}</strong>.</p>",
        title_en="Regional meeting",
        description_en=f"<p>A meeting on <strong>{WORD['en']}</strong>.</p>",
        title_ar="اجتماع إقليمي",
        description_ar=f"<p>اجتماع <strong>{WORD['ar']}</strong>.</p>",
    )
    announcement = make_announcement(
        "notice-zam",
        title_ms=f"Notis {WORD['ms']}",
        text_ms="Pejabat ditutup.",
        title_en="Office notice",
        text_en=f"The {WORD['en']} office is closed.",
        title_ar=f"إعلان {WORD['ar']}",
        text_ar="المكتب مغلق.",
    )
    return {
        "article": article,
        "page": page,
        "question": question,
        "agreement": agreement,
        "publication": publication,
        "event": event,
        "announcement": announcement,
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_type_is_found_in_every_language(client, one_of_each, language):
    html = search(client, language, q=WORD[language])
    urls = result_urls(html)
    assert f"/{language}/news/news-zam/" in urls
    assert f"/{language}/pages/about/" in urls
    assert f"/{language}/pages/faq/#question-{one_of_each['question'].pk}" in urls
    assert f"/{language}/international/cooperation/mou-zam/" in urls
    assert f"/{language}/publications/report-zam/" in urls
    assert f"/{language}/events/meeting-zam/" in urls
    assert f"/{language}/announcements/notice-zam/" in urls
    assert len(urls) == 7


@pytest.mark.parametrize("language", LANGUAGES)
def test_publications_events_and_announcements_show_their_text(client, one_of_each, language):
    html = search(client, language, q=WORD[language])
    # The event's description is rich text: its snippet is plain.
    description = {
        "ms": "Mesyuarat zamrudika.",
        "en": "A meeting on zamrudika.",
        "ar": "اجتماع زمرديكا.",
    }[language]
    assert f'<p class="search-result__summary">{description}</p>' in html
    assert {"ms": "Laporan tahunan", "en": "Annual report", "ar": "التقرير السنوي"}[
        language
    ] in html


def test_a_question_link_opens_on_its_answer(client, one_of_each):
    html = client.get("/en/pages/faq/").content.decode()
    assert f'id="question-{one_of_each["question"].pk}"' in html


def test_what_the_public_does_not_see_is_not_found(client, db):
    make_article("draft-zam", title_en=f"Draft {WORD['en']}", status=Status.DRAFT)
    make_article(
        "later-zam",
        title_en=f"Later {WORD['en']}",
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    make_page("hidden", title_en=f"Hidden {WORD['en']}", status=Status.DRAFT)
    draft_faq = make_page("draft-faq", status=Status.DRAFT)
    Question.objects.create(page=draft_faq, question_ms=WORD["ms"], answer_ms="<p>x</p>")
    make_agreement("draft-mou", title_en=f"Draft {WORD['en']}", status=Status.DRAFT)
    make_publication("draft-report", title_en=f"Draft {WORD['en']}", status=Status.DRAFT)
    make_publication("withdrawn-report", title_en=f"Old {WORD['en']}", status=Status.WITHDRAWN)
    make_event("draft-meeting", title_en=f"Draft {WORD['en']}", status=Status.DRAFT)
    make_announcement("draft-notice", title_en=f"Draft {WORD['en']}", status=Status.DRAFT)
    # Published, but its start is still to come: seen only by staff until then.
    make_announcement(
        "coming-notice",
        title_en=f"Coming {WORD['en']}",
        starts_at=timezone.now() + datetime.timedelta(days=1),
    )
    assert result_urls(search(client, "en", q=WORD["en"])) == []


def test_results_in_the_readers_language_come_first_then_others_marked(client, db):
    make_article("english-only", title_ms="Laporan tahunan", title_en="Zamrudika in English")
    make_article(
        "malay-match",
        title_ms="Zamrudika dalam bahasa Melayu",
        title_en="Annual report",
        published_at=timezone.now() - datetime.timedelta(days=30),
    )
    html = search(client, "ms", q="zamrudika")
    assert result_urls(html) == ["/ms/news/malay-match/", "/ms/news/english-only/"]
    # The English match is shown in English, marked as such.
    assert '<a href="/ms/news/english-only/" lang="en" dir="ltr">Zamrudika in English</a>' in html
    assert '<a href="/ms/news/malay-match/">Zamrudika dalam bahasa Melayu</a>' in html
    assert html.count('class="language-label"') == 1


def test_arabic_results_in_another_language_are_marked_left_to_right(client, db):
    make_article("english-only", title_ms="", title_ar="", title_en="Zamrudika in English")
    html = search(client, "ar", q="zamrudika")
    assert '<html lang="ar" dir="rtl">' in html
    assert '<a href="/ar/news/english-only/" lang="en" dir="ltr">' in html


def test_results_are_filtered_by_type_with_links_that_keep_the_query(client, one_of_each):
    html = search(client, "en", q=WORD["en"], type="agreements")
    assert result_urls(html) == ["/en/international/cooperation/mou-zam/"]
    links = dict(re.findall(r'<li><a href="\?([^"]+)"[^>]*>([^<]+) \(\d+\)</a></li>', html))
    assert "q=zamrudika&amp;type=news" in links
    assert "q=zamrudika&amp;type=pages" in links
    assert links["q=zamrudika&amp;type=publications"] == "Publications"
    assert links["q=zamrudika&amp;type=events"] == "Events"
    assert links["q=zamrudika&amp;type=announcements"] == "Announcements"
    assert "q=zamrudika" in links  # All types.
    assert 'aria-current="page">Cooperation agreements (1)' in html
    both = search(client, "en", q=WORD["en"], type=["news", "agreements"])
    assert len(result_urls(both)) == 2
    for kind, url in [
        ("publications", "/en/publications/report-zam/"),
        ("events", "/en/events/meeting-zam/"),
        ("announcements", "/en/announcements/notice-zam/"),
    ]:
        html = search(client, "en", q=WORD["en"], type=kind)
        assert result_urls(html) == [url]
        assert 'aria-current="page">' + links[f"q=zamrudika&amp;type={kind}"] + " (1)" in html


def test_the_new_types_are_named_in_arabic_right_to_left(client, one_of_each):
    html = search(client, "ar", q=WORD["ar"])
    assert '<html lang="ar" dir="rtl">' in html
    for label in ("المنشورات", "الفعاليات", "الإعلانات"):
        assert f">{label} (1)</a></li>" in html
        assert f'<p class="search-result__type">{label}</p>' in html


def test_an_unknown_type_is_refused_calmly(client, one_of_each):
    html = search(client, "en", q=WORD["en"], type="recipes")
    assert result_urls(html) == []
    assert 'class="error-summary"' in html
    advanced = client.get("/en/search/advanced/", {"q": WORD["en"], "type": "recipes"})
    html = advanced.content.decode()
    assert 'href="#id_type_0"' in html
    assert 'id="id_type_0"' in html


def test_results_are_paginated_keeping_the_query_and_filters(client, db):
    for number in range(14):
        make_article(f"zam-{number}", title_en=f"Zamrudika report {number}")
    html = search(client, "en", q="zamrudika", type="news")
    assert len(result_urls(html)) == 10
    assert "?q=zamrudika&amp;type=news&amp;page=2" in html
    assert len(result_urls(search(client, "en", q="zamrudika", type="news", page="2"))) == 4
    assert len(result_urls(search(client, "en", q="zamrudika", type="news", page="99"))) == 4


def test_advanced_search_narrows_by_date(client, one_of_each):
    make_article(
        "old-zam",
        title_en=f"Old {WORD['en']}",
        published_at=timezone.make_aware(datetime.datetime(2020, 3, 1, 9)),
    )
    response = client.get(
        "/en/search/advanced/",
        {"q": WORD["en"], "date_from": "2020-01-01", "date_to": "2020-12-31"},
    )
    assert result_urls(response.content.decode()) == ["/en/news/old-zam/"]
    html = search(client, "en", q=WORD["en"], date_from="2024-01-01", date_to="2024-12-31")
    assert "/en/international/cooperation/mou-zam/" in result_urls(html)
    assert "/en/news/old-zam/" not in result_urls(html)


def test_advanced_search_narrows_publications_events_and_announcements_by_date(client, one_of_each):
    make_publication("old-report", title_en=f"Old {WORD['en']}", date=datetime.date(2019, 3, 1))
    make_event(
        "old-meeting",
        title_en=f"Old {WORD['en']}",
        starts_at=timezone.make_aware(datetime.datetime(2019, 5, 1, 9)),
    )
    make_announcement(
        "old-notice",
        title_en=f"Old {WORD['en']}",
        starts_at=timezone.make_aware(datetime.datetime(2019, 7, 1, 9)),
    )
    urls = result_urls(
        client.get(
            "/en/search/advanced/",
            {"q": WORD["en"], "date_from": "2019-01-01", "date_to": "2019-12-31"},
        ).content.decode()
    )
    assert sorted(urls) == [
        "/en/announcements/old-notice/",
        "/en/events/old-meeting/",
        "/en/publications/old-report/",
    ]
    # One day each side of the event's start: on its day it is found, not the day after.
    day = one_of_each["event"].starts_at.astimezone(timezone.get_current_timezone()).date()
    on_the_day = search(client, "en", q=WORD["en"], type="events", date_from=day, date_to=day)
    assert result_urls(on_the_day) == ["/en/events/meeting-zam/"]
    after = day + datetime.timedelta(days=1)
    assert result_urls(search(client, "en", q=WORD["en"], type="events", date_from=after)) == []
    # A publication's own date counts, not when it was put online.
    html = search(client, "en", q=WORD["en"], date_from="2025-06-01", date_to="2025-06-01")
    assert result_urls(html) == ["/en/publications/report-zam/"]


def test_an_event_is_found_by_its_city(client, db):
    make_event("cnd", title_en="Commission session", city_en="Vienna", city_ms="Vienna")
    assert result_urls(search(client, "en", q="Vienna")) == ["/en/events/cnd/"]


def test_a_publication_found_in_another_language_is_marked_as_such(client, db):
    make_publication("english-report", title_en=f"Report {WORD['en']}", summary_en="In English.")
    html = search(client, "ms", q=WORD["en"])
    assert result_urls(html) == ["/ms/publications/english-report/"]
    assert '<a href="/ms/publications/english-report/" lang="en" dir="ltr">' in html


def test_advanced_search_narrows_by_kind_of_publication(client, one_of_each):
    make_publication(
        "stats-zam", kind=Publication.Kind.STATISTICS, title_en=f"Figures {WORD['en']}"
    )
    html = client.get("/en/search/advanced/", {"q": WORD["en"], "kind": "statistics"})
    # Only publications have a kind: the other types are left out.
    assert result_urls(html.content.decode()) == ["/en/publications/stats-zam/"]
    form = client.get("/en/search/advanced/").content.decode()
    assert '<option value="statistics">Statistics</option>' in form


def test_advanced_search_narrows_by_news_category(client, one_of_each):
    events = make_category("events", name_en="Events")
    make_article("event-zam", category=events, title_en=f"Event {WORD['en']}")
    html = client.get("/en/search/advanced/", {"q": WORD["en"], "category": "events"})
    # Only news have a category: the other types are left out.
    assert result_urls(html.content.decode()) == ["/en/news/event-zam/"]


def test_advanced_search_narrows_by_partner(client, one_of_each):
    thailand = make_partner("thailand", kind="country", country="TH")
    make_agreement("mou-th", title_en=f"Thailand {WORD['en']}", partners=[thailand])
    html = client.get("/en/search/advanced/", {"q": WORD["en"], "partner": "thailand"})
    assert result_urls(html.content.decode()) == ["/en/international/cooperation/mou-th/"]
    form = client.get("/en/search/advanced/").content.decode()
    assert '<option value="thailand">Thailand</option>' in form
    assert '<option value="asean">ASEAN</option>' in form


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "params, field",
    [
        ({"date_from": "2025-06-01", "date_to": "2025-01-01"}, "date_to"),
        ({"date_from": "2025-13-45"}, "date_from"),
        ({"date_to": "yesterday"}, "date_to"),
        ({"date_from": "0001-01-01"}, "date_from"),
        ({"date_to": "99999-01-01"}, "date_to"),
        ({"category": "no-such-category"}, "category"),
        ({"partner": "<script>"}, "partner"),
        ({"kind": "recipes"}, "kind"),
    ],
)
def test_advanced_search_explains_what_is_wrong(client, one_of_each, language, params, field):
    response = client.get(f"/{language}/search/advanced/", {"q": WORD[language], **params})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}"' in html
    assert 'class="error-summary" role="alert"' in html
    assert f'href="#id_{field}"' in html
    assert re.search(rf'<[^>]+aria-invalid="true"[^>]+id="id_{field}"', html) or re.search(
        rf'<[^>]+id="id_{field}"[^>]+aria-invalid="true"', html
    )
    assert result_urls(html) == []
    assert "<script>" not in html.split("</head>")[1].replace("<script src=", "")


def test_the_news_search_address_leads_to_the_site_search_with_its_query(client, db):
    response = client.get("/ms/news/search/?q=pemulihan+dadah&page=2")
    assert response.status_code == 301
    assert response["Location"] == "/ms/search/?q=pemulihan+dadah&page=2"
    assert client.get("/en/news/search/")["Location"] == "/en/search/"


@pytest.mark.parametrize("path", ["/{}/", "/{}/news/", "/{}/search/", "/{}/pages/about/"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_the_search_form_with_its_marker(client, one_of_each, path, language):
    html = client.get(path.format(language)).content.decode()
    form = re.search(r'<form class="site-search"[^>]*>(.*?)</form>', html, re.S)
    assert form is not None
    tag = form.group(0).split(">")[0]
    assert 'role="search"' in tag
    assert 'splwpk-search-function="splwpk-search-function"' in tag
    assert f'action="/{language}/search/"' in tag
    assert '<label for="site-search-q"' in form.group(1)
    assert 'id="site-search-q" name="q"' in form.group(1)
    assert html.count("splwpk-search-function=") == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_advanced_search_form_has_its_marker(client, db, language):
    html = client.get(f"/{language}/search/advanced/").content.decode()
    form = re.search(r"<form [^>]*splwpk-advanced-search-function[^>]*>", html, re.S)
    assert form is not None
    assert 'splwpk-advanced-search-function="splwpk-advanced-search-function"' in form.group(0)
    assert f'action="/{language}/search/advanced/"' in form.group(0)
    for name in ("q", "type", "date_from", "date_to", "category", "partner", "kind"):
        assert f'name="{name}"' in html


def test_the_search_is_never_kept_in_the_page_cache(client, one_of_each, settings):
    settings.PAGE_CACHE_SECONDS = 300
    response = client.get("/en/search/", {"q": WORD["en"]})
    assert "no-store" in response["Cache-Control"]
    make_article("new-zam", title_en=f"New {WORD['en']}")
    assert "/en/news/new-zam/" in result_urls(search(client, "en", q=WORD["en"]))


def test_queries_per_results_page_do_not_grow_with_the_matches(client, db):
    partner = make_partner("asean")

    def make_items(start, count):
        for number in range(start, start + count):
            make_article(f"zam-{number}", title_en=f"Zamrudika {number}")
            make_agreement(f"mou-zam-{number}", title_en=f"Zamrudika {number}", partners=[partner])
            page = make_page(f"page-zam-{number}", title_en=f"Zamrudika {number}")
            Question.objects.create(page=page, question_ms="Zamrudika?", answer_ms="<p>Ya.</p>")
            make_publication(f"report-zam-{number}", title_en=f"Zamrudika {number}")
            make_event(f"meeting-zam-{number}", title_en=f"Zamrudika {number}")
            make_announcement(f"notice-zam-{number}", title_en=f"Zamrudika {number}")

    def count(**params):
        with CaptureQueriesContext(connection) as queries:
            html = search(client, "en", q="zamrudika", **params)
        assert result_urls(html)
        return len(queries)

    make_items(0, 2)
    search(client, "en", q="zamrudika")  # Warm what every request reads once (the site settings).
    few = (
        count(),
        count(type="news"),
        count(page="2"),
        count(partner="asean"),
        count(kind="annual-report"),
    )
    make_items(2, 20)
    assert (
        count(),
        count(type="news"),
        count(page="2"),
        count(partner="asean"),
        count(kind="annual-report"),
    ) == few
    # One query per type searched (news, pages, questions, agreements, publications,
    # events, announcements), the page's menus, and on PostgreSQL the
    # transaction's BEGIN, statement timeout and COMMIT.
    assert few[0] == 8 + (3 if connection.vendor == "postgresql" else 0)


HOSTILE = [
    "-" * 33,
    "x" * 10_000,
    "zamrudika " * 1000,
    '"',
    '"""',
    '"zamrudika',
    "'; DROP TABLE news_article; --",
    "& | ! : * ( ) <-> <2> \\",
    "zam:* & !x | (y",
    "a\x00b",
    "\x00",
    "😀 " * 60,
    "\u200f\u200e\u202b\u202c",
    "\u200fzamrudika\u200e",
    "the and of a",
    "dan yang di",
    "في من على",
    "",
    "   ",
    "ـــ",
    "%_%",
    "\ufeff\ufffd\U0010ffff",
]


@pytest.mark.parametrize("query", HOSTILE)
@pytest.mark.parametrize("path", ["/{}/search/", "/{}/search/advanced/"])
def test_any_search_is_answered_calmly(client, one_of_each, query, path):
    for language in LANGUAGES:
        response = client.get(path.format(language), {"q": query})
        assert response.status_code == 200, (language, query)


def test_a_too_long_search_says_so(client, db):
    html = search(client, "en", q="x" * 201)
    assert "at most 200 characters" in html
    assert 'aria-invalid="true"' in html


def test_hostile_parameters_are_answered_calmly(client, one_of_each):
    for params in [
        "q=zamrudika&q=x&type=news&type=news&page=-1",
        "q=zamrudika&date_from=&date_to=&category=&partner=",
        "q=zamrudika&page=999999999999999999999",
        "q=zamrudika&type=" + "x" * 5000,
        "q=%00&type=%00&date_from=%00&category=%00",
        "q=zamrudika&kind=" + "x" * 5000,
        "q=zamrudika&kind=%00&kind=statistics&type=publications",
        "q=zamrudika&type=events&type=announcements&date_from=2026-02-30",
    ]:
        assert client.get(f"/en/search/?{params}").status_code == 200, params
        assert client.get(f"/en/search/advanced/?{params}").status_code == 200, params


def test_the_query_is_cleaned_to_words_and_phrases():
    assert parse_query("-" * 33).words == ()
    assert not parse_query("&|!:*()<->\\")
    assert parse_query("zam:* & !x | (y").words == ("zam", "x", "y")
    assert parse_query('drug "border control" -x').phrases == (("border", "control"),)
    assert parse_query('"unclosed phrase').words == ("unclosed", "phrase")
    assert parse_query("a\x00b").words == ("a", "b")
    assert parse_query("\u200fزمرديكا\u200e").words == ("زمرديكا",)
    # Arabic letters with their vowel marks stay one word.
    assert parse_query("مُخَدِّرات").words == ("مُخَدِّرات",)
    many = parse_query(" ".join(f"w{number}" for number in range(100)))
    assert len(many.words) == MAX_TERMS
    assert len(parse_query("x" * 10_000).words[0]) == 200
    assert parse_query('"a b" c').websearch == 'c "a b"'


@postgresql_only
def test_phrases_and_stemming_on_postgresql(client, db):
    make_article("border", title_en="Border control strengthened")
    make_article("control", title_en="Control of the border")
    html = search(client, "en", q='"border control"')
    assert result_urls(html) == ["/en/news/border/"]
    assert result_urls(search(client, "en", q="controls")) != []


@postgresql_only
def test_search_queries_run_under_a_statement_timeout(client, one_of_each):
    with CaptureQueriesContext(connection) as queries:
        search(client, "en", q=WORD["en"])
    statements = [query["sql"] for query in queries]
    assert any(sql.startswith("SET LOCAL statement_timeout") for sql in statements)


@postgresql_only
@pytest.mark.parametrize(
    "table",
    [
        "nada_site_page",
        "nada_site_question",
        "international_agreement",
        "publications_publication",
        "events_event",
        "news_announcement",
    ],
)
def test_pages_questions_and_agreements_have_full_text_indexes(table):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [table])
        names = {row[0] for row in cursor.fetchall()}
    assert {f"{table}_search_{code}" for code in LANGUAGES} <= names


@pytest.mark.parametrize(
    "found",
    [
        lambda: Publication.objects.get(),
        lambda: Event.objects.get(),
        lambda: Announcement.objects.get(),
    ],
    ids=["publication", "event", "announcement"],
)
def test_the_search_documents_stay_in_the_database(db, found):
    make_publication("report")
    make_event("meeting")
    make_announcement("notice")
    record = found()
    assert {"search_ms", "search_en", "search_ar"} <= record.get_deferred_fields()
    field = record._meta.get_field("search_ms")
    assert not field.serialize  # Neither in a revision nor in a fixture.


def test_a_snippet_is_plain_text_of_the_rich_text(client, db):
    make_page("rich", title_en="Zamrudika", body_en="<p>Tom &amp; Jerry <strong>meet</strong></p>")
    html = search(client, "en", q="zamrudika")
    assert '<p class="search-result__summary">Tom &amp; Jerry meet</p>' in html


def test_a_search_with_more_matches_than_shown_says_so(client, db, monkeypatch):
    monkeypatch.setattr("nada_site.search.RESULTS_PER_LANGUAGE", 2)
    monkeypatch.setattr("nada_site.search_views.RESULTS_PER_LANGUAGE", 2)
    for number in range(4):
        make_article(f"zam-{number}", title_en=f"Zamrudika {number}")
    html = search(client, "en", q="zamrudika", type="news")
    assert len(result_urls(html)) == 2
    assert 'class="search-capped"' in html


@postgresql_only
def test_only_the_newest_candidates_are_ranked(client, db, monkeypatch):
    monkeypatch.setattr("nada_site.search.CANDIDATES", 2)
    # The best match by rank (the word in its title, twice) is the oldest.
    make_article(
        "best-but-old",
        title_en="Zamrudika zamrudika",
        published_at=timezone.now() - datetime.timedelta(days=9),
    )
    for number in range(3):
        make_article(f"newer-{number}", title_en="Report", summary_en=f"Zamrudika {number}")
    urls = result_urls(search(client, "en", q="zamrudika", type="news"))
    assert len(urls) == 2
    assert "/en/news/best-but-old/" not in urls


@postgresql_only
def test_a_search_cut_short_by_the_timeout_says_so(client, one_of_each, monkeypatch):
    from nada_site.search import SearchProvider
    from nada_site.site import site

    def slow(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(2)")
        return []

    monkeypatch.setattr("nada_site.search.STATEMENT_TIMEOUT_MS", 100)
    monkeypatch.setattr(
        site, "search_providers", [*site.search_providers, SearchProvider("slow", "Slow", slow)]
    )
    html = search(client, "en", q=WORD["en"])
    assert "The search took too long" in html
    assert result_urls(html) == []
    # The connection is usable again for the rest of the request and the next.
    assert result_urls(search(client, "en", q=WORD["en"], type="news")) == []
