"""
`find_copied_translations`: the copies an old defect left (one language's
text saved into another language's field) are listed, and emptied only when
an operator asks for it, with a revision in the item's history.
"""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from reversion.models import Version

from international.models import Agreement
from nada_site.models import Page, Question
from news.models import Article, KeyPoint
from tests.conftest import make_agreement, make_page
from tests.news.conftest import make_article, make_category

pytestmark = pytest.mark.django_db

ARABIC = "<p>نص الخبر باللغة العربية.</p>"
MALAY = "<p>Isi berita dalam bahasa Melayu.</p>"


@pytest.fixture(autouse=True)
def category(db):
    """The articles' category, named differently in each language."""
    return make_category(name_ms="Antarabangsa", name_en="Global", name_ar="دولي")


def run(*args, answer=None, monkeypatch=None):
    if answer is not None:
        monkeypatch.setattr("builtins.input", lambda prompt: answer)
    out = StringIO()
    call_command("find_copied_translations", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def copied_article():
    """An Arabic article whose Arabic body was saved into the English field too."""
    return make_article("baghdad-visit", title_ar="زيارة إلى بغداد", body_ar=ARABIC, body_en=ARABIC)


def stored(record):
    return type(record)._default_manager.get(pk=record.pk)


def test_reports_each_copy_with_the_languages_that_share_it(copied_article):
    out = run()
    assert f'news.Article {copied_article.pk} "زيارة إلى بغداد" body: en = ar' in out
    assert out.strip().splitlines()[-1] == (
        "1 fields with the same text in several languages, in 1 records."
    )


def test_reports_a_copy_in_all_three_languages_and_in_a_part():
    article = make_article(title_ms="Sama", title_en="Sama", title_ar="Sama")
    point = KeyPoint.objects.create(article=article, text_ms="Satu", text_en="Satu")
    out = run()
    assert f'news.Article {article.pk} "Sama" title: ms = en = ar' in out
    assert f'news.KeyPoint {point.pk} "Satu" text: ms = en' in out
    assert out.strip().splitlines()[-1].startswith("2 fields")


def test_reports_nothing_when_every_language_has_its_own_text():
    make_article()  # three titles, each in its own language
    make_page(title_ms="Mengenai", title_en="About", body_ms=MALAY)
    make_article("untitled-elsewhere", title_ms="Berita", title_en="", title_ar=None)
    out = run()
    assert out.strip() == "0 fields with the same text in several languages, in 0 records."


def test_the_search_reads_only_the_records_with_copies(copied_article, django_assert_num_queries):
    make_article("other")
    with django_assert_num_queries(1):
        out = run("--model", "news.Article")
    assert out.count("news.Article") == 1


def test_without_clear_nothing_changes(copied_article):
    before = stored(copied_article).body_en
    run()
    run("--model", "news.article", "--ids", str(copied_article.pk))
    assert stored(copied_article).body_en == before == ARABIC
    assert not Version.objects.get_for_object(copied_article).exists()


def test_clears_the_copy_after_yes_and_lists_it_first(copied_article, monkeypatch):
    out = run(
        "--clear", "en", "--model", "news.Article", "--ids", str(copied_article.pk),
        answer="yes", monkeypatch=monkeypatch,
    )  # fmt: skip
    assert "body" in out and str(copied_article.pk) in out
    article = stored(copied_article)
    assert not article.body_en
    assert article.body_ar == ARABIC
    assert article.title_ar == "زيارة إلى بغداد"


def test_changes_nothing_after_no(copied_article, monkeypatch):
    out = run(
        "--clear", "en", "--model", "news.Article", "--ids", str(copied_article.pk),
        answer="no", monkeypatch=monkeypatch,
    )  # fmt: skip
    assert "nothing was changed" in out
    assert stored(copied_article).body_en == ARABIC
    assert not Version.objects.get_for_object(copied_article).exists()


def test_changes_nothing_when_no_one_answers(copied_article, monkeypatch):
    def end_of_input(prompt):
        raise EOFError

    monkeypatch.setattr("builtins.input", end_of_input)
    out = run("--clear", "en", "--model", "news.Article", "--ids", str(copied_article.pk))
    assert "nothing was changed" in out
    assert stored(copied_article).body_en == ARABIC


def test_no_input_clears_without_asking(copied_article, monkeypatch):
    def no_prompt(prompt):
        raise AssertionError("asked although --no-input")

    monkeypatch.setattr("builtins.input", no_prompt)
    run("--clear", "en", "--model", "news.Article", "--ids", str(copied_article.pk), "--no-input")
    assert not stored(copied_article).body_en


def test_only_the_fields_where_the_language_holds_a_copy_are_emptied():
    article = make_article(
        title_ms="Tajuk", title_en="Title", body_ms=MALAY, body_en=MALAY, summary_en="Own words"
    )
    run("--clear", "en", "--model", "news.Article", "--ids", str(article.pk), "--no-input")
    article = stored(article)
    assert not article.body_en
    assert article.body_ms == MALAY
    assert (article.title_en, article.summary_en) == ("Title", "Own words")


def test_the_revision_is_in_the_items_history_with_a_comment(copied_article):
    run("--clear", "en", "--model", "news.Article", "--ids", str(copied_article.pk), "--no-input")
    version = Version.objects.get_for_object(copied_article).get()
    assert version.revision.comment == (
        "Emptied the en text of body: it was a copy of another language's text."
    )
    assert not version.field_dict["body_en"]
    assert version.field_dict["body_ar"] == ARABIC


def test_a_parts_revision_is_also_in_its_items_history(monkeypatch):
    page = make_page("faq", title_ms="Soalan lazim")
    question = Question.objects.create(
        page=page, question_ms="Apa?", question_en="Apa?", answer_ms=MALAY
    )
    run("--clear", "en", "--model", "nada_site.Question", "--ids", str(question.pk), "--no-input")
    assert not stored(question).question_en
    own = Version.objects.get_for_object(question).get()
    of_page = Version.objects.get_for_object(page).get()
    assert own.revision == of_page.revision
    assert "Emptied the en text of question" in of_page.revision.comment
    history = Version.objects.get_for_object(page).get().revision.version_set.all()
    assert {version.object_id for version in history} == {str(page.pk), str(question.pk)}


def test_the_change_shows_in_the_admin_history(staff_client, copied_article):
    run("--clear", "en", "--model", "news.Article", "--ids", str(copied_article.pk), "--no-input")
    staff_client.cookies["django_language"] = "en"
    response = staff_client.get(f"/admin/news/article/{copied_article.pk}/history/")
    assert "Emptied the en text of body" in response.content.decode()


@pytest.mark.parametrize(
    "model",
    [
        "international.Agreement",
        "international.UnitProfile",
        "international.Objective",
        "international.Approach",
        "nada_site.Page",
        "nada_site.Question",
    ],
)
def test_refuses_to_empty_malay_where_the_model_requires_it(model):
    agreement = make_agreement(title_ms="Memorandum", title_en="Memorandum")
    with pytest.raises(CommandError, match="requires text in 'ms'"):
        run("--clear", "ms", "--model", model, "--ids", str(agreement.pk), "--no-input")
    assert Agreement.objects.get().title_ms == "Memorandum"


def test_empties_a_language_the_model_does_not_require():
    agreement = make_agreement(title_ms="Memorandum", title_en="Memorandum")
    run(
        "--clear",
        "en",
        "--model",
        "international.Agreement",
        "--ids",
        str(agreement.pk),
        "--no-input",
    )
    agreement = stored(agreement)
    assert (agreement.title_ms, agreement.title_en) == ("Memorandum", None)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--clear", "fr", "--model", "news.Article", "--ids", "{pk}"], "Unknown language"),
        (["--clear", "en", "--model", "news.Story", "--ids", "{pk}"], "Unknown model"),
        (["--clear", "en", "--model", "Article", "--ids", "{pk}"], "Unknown model"),
        (["--clear", "en", "--model", "auth.User", "--ids", "{pk}"], "not translated"),
        (["--clear", "en", "--model", "news.Article", "--ids", "{pk}", "999"], "with id 999"),
        (["--clear", "en", "--model", "news.Article", "--ids", "one"], "Not an id"),
        (["--clear", "en", "--model", "news.Article"], "needs --model and --ids"),
        (["--clear", "en", "--ids", "{pk}"], "--ids needs --model"),
    ],
)
def test_refuses_what_it_does_not_know_and_changes_nothing(copied_article, args, message):
    args = [arg.format(pk=copied_article.pk) for arg in args]
    with pytest.raises(CommandError, match=message):
        run(*args, "--no-input")
    assert stored(copied_article).body_en == ARABIC


def test_says_so_when_the_records_hold_no_copy_in_that_language(copied_article):
    out = run(
        "--clear", "ms", "--model", "news.Article", "--ids", str(copied_article.pk), "--no-input"
    )
    assert "nothing to do" in out
    assert not Version.objects.get_for_object(copied_article).exists()


def test_names_that_are_the_same_in_two_languages_are_listed_for_a_person_to_judge(category):
    category.name_en = category.name_ms
    category.save()
    assert f'news.Category {category.pk} "Antarabangsa" name: ms = en' in run()


def test_every_translated_model_can_be_searched():
    for label in ("nada_site.Page", "news.Article", "international.Partner", "news.Tag"):
        assert run("--model", label).strip().startswith("0 fields")


def test_other_articles_are_left_alone(copied_article):
    other = make_article("meeting", title_ms="Mesyuarat", body_ms=MALAY, body_en=MALAY)
    run("--clear", "en", "--model", "news.Article", "--ids", str(copied_article.pk), "--no-input")
    assert Article.objects.get(pk=other.pk).body_en == MALAY
    assert Page.objects.count() == 0
