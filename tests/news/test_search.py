import pytest
import reversion
from django.db import connection
from reversion.models import Version

from nada_site.search import matches, parse_query
from news.models import Article
from tests.conftest import full_text_on_postgresql as postgresql_only
from tests.news.conftest import LANGUAGES, make_article

pytestmark = pytest.mark.django_db

WORDS = {"ms": "pemulihan", "en": "rehabilitation", "ar": "التأهيل"}


@pytest.fixture
def articles(category):
    found = make_article(
        "rehab",
        title_ms="Pusat pemulihan baharu dibuka",
        title_en="New rehabilitation centre opens",
        title_ar="افتتاح مركز جديد لإعادة التأهيل",
    )
    other = make_article(
        "other",
        title_ms="Mesyuarat serantau",
        title_en="Regional meeting",
        title_ar="اجتماع إقليمي",
    )
    make_article(
        "draft-rehab",
        title_ms="Draf pemulihan",
        title_en="Draft about rehabilitation",
        title_ar="مسودة عن التأهيل",
        status=Article.Status.DRAFT,
    )
    return found, other


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_published_articles_in_the_page_language(client, articles, language):
    found, other = articles
    response = client.get(f"/{language}/search/", {"type": "news", "q": WORDS[language]})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"/{language}/news/{found.slug}/" in html
    assert f"/{language}/news/{other.slug}/" not in html
    assert "/news/draft-rehab/" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_empty_search_shows_a_calm_prompt(client, articles, language):
    for query in ("", "   ", None):
        response = client.get(
            f"/{language}/search/", {"type": "news", "q": query} if query is not None else {}
        )
        assert response.status_code == 200
        assert 'class="result-count"' not in response.content.decode()
        assert 'name="q"' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "x" * 5000,
        "a\x00b",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        '"unbalanced',
        "!!! ??? &&& |||",
        "-",
        "😀 " * 50,
        "rehabilitation " * 40,
    ],
)
def test_absurd_searches_are_answered_calmly(client, articles, query):
    for language in LANGUAGES:
        response = client.get(f"/{language}/search/", {"type": "news", "q": query})
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_too_long_search_says_so(client, articles):
    html = client.get("/en/search/", {"type": "news", "q": "x" * 201}).content.decode()
    assert "at most 200 characters" in html
    assert 'aria-invalid="true"' in html


def test_repeated_parameters_do_not_break_the_search(client, articles):
    assert client.get("/en/search/?q=a&q=rehabilitation&page=x&page=2").status_code == 200


def test_search_results_are_paginated_and_keep_the_query(client, category):
    for number in range(14):
        make_article(f"rehab-{number}", title_en=f"Rehabilitation report {number}")
    html = client.get("/en/search/", {"type": "news", "q": "rehabilitation"}).content.decode()
    assert "14 results for" in html
    assert "?type=news&amp;q=rehabilitation&amp;page=2" in html
    second = client.get("/en/search/", {"type": "news", "q": "rehabilitation", "page": "2"})
    assert second.status_code == 200


# Each database answers a search its own way, so each way is tested on its own
# database; CI runs the whole suite on both.
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason=(
        "The contains-search is the SQLite fallback; on PostgreSQL full-text "
        "search answers instead, tested by the PostgreSQL cases. CI runs both."
    ),
)


@postgresql_only
def test_english_search_matches_other_forms_of_a_word(client, articles):
    found, _other = articles
    html = client.get("/en/search/", {"type": "news", "q": "opening centres"}).content.decode()
    assert f"/en/news/{found.slug}/" in html


@postgresql_only
def test_arabic_search_uses_the_arabic_configuration(client, articles):
    found, _other = articles
    html = client.get("/ar/search/", {"type": "news", "q": "مركز التأهيل"}).content.decode()
    assert f"/ar/news/{found.slug}/" in html


@postgresql_only
def test_a_search_in_the_title_ranks_above_one_in_the_body(client, category):
    make_article("body-only", title_en="Annual report", body_en="<p>Border cooperation.</p>")
    make_article("in-title", title_en="Border cooperation agreed")
    html = client.get("/en/search/", {"type": "news", "q": "border"}).content.decode()
    assert html.index("/en/news/in-title/") < html.index("/en/news/body-only/")


@sqlite_only
def test_search_on_sqlite_contains_every_word(client, category):
    make_article("both", title_en="Border cooperation agreed")
    make_article("one", title_en="Border report")
    html = client.get("/en/search/", {"type": "news", "q": "border cooperation"}).content.decode()
    assert "/en/news/both/" in html
    assert "/en/news/one/" not in html


def test_articles_are_read_without_their_search_documents(articles):
    # The documents are large and only the database reads them.
    article = Article.objects.get(slug="rehab")
    assert {"search_ms", "search_en", "search_ar"} <= article.get_deferred_fields()


@postgresql_only
def test_an_edited_article_is_found_by_its_new_words_at_once(client, articles):
    found, _other = articles
    found.title_en = "New treatment centre opens"
    found.save()
    assert (
        f"/en/news/{found.slug}/"
        in client.get("/en/search/", {"type": "news", "q": "treatment"}).content.decode()
    )
    assert (
        f"/en/news/{found.slug}/"
        not in client.get("/en/search/", {"type": "news", "q": "rehabilitation"}).content.decode()
    )


@postgresql_only
def test_a_restored_revision_is_searched_by_its_restored_text(client, category):
    with reversion.create_revision():
        article = make_article("restored", title_en="Border cooperation agreed")
    article.title_en = "Annual report"
    article.save()
    Version.objects.get_for_object(article).first().revision.revert()
    html = client.get("/en/search/", {"type": "news", "q": "border"}).content.decode()
    assert "/en/news/restored/" in html


@postgresql_only
@pytest.mark.parametrize("language", LANGUAGES)
def test_search_reads_the_full_text_index(articles, language):
    # With the sequential scan ruled out, the plan shows whether the query
    # matches the index; a query that misses it would still scan every row.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = matches(Article.objects.all(), parse_query(WORDS[language]), language).explain()
    assert f"news_article_search_{language}" in plan
