"""
A text in the wrong script (nada_site/scripts.py): Arabic letters in a Malay
or English field, Latin letters alone in an Arabic one. The save goes
through and staff are warned, in their language, naming the field and its
language, on every path (an Editor's proposal too).
"""

import pytest
from django.contrib import messages
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import translation

from nada_site.localized import field_label
from nada_site.models import ReviewRequest
from nada_site.scripts import ARABIC, LATIN, wrong_script
from news.models import Article
from tests.admin_forms import open_form
from tests.conftest import make_page
from tests.news.conftest import make_article

ARABIC_SENTENCE = "تعزيز التعاون الدولي في مكافحة المخدرات"
MALAY_SENTENCE = "Kerjasama antarabangsa dalam pencegahan dadah"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (ARABIC_SENTENCE, "ms", ARABIC),
        (ARABIC_SENTENCE, "en", ARABIC),
        (f"<p><strong>{ARABIC_SENTENCE}</strong></p>", "en", ARABIC),
        (ARABIC_SENTENCE, "ar", None),
        (MALAY_SENTENCE, "ar", LATIN),
        (f"<p>{MALAY_SENTENCE}</p>", "ar", LATIN),
        (MALAY_SENTENCE, "ms", None),
        (MALAY_SENTENCE, "en", None),
        # An Arabic name quoted in a Malay sentence is fine.
        (f"{MALAY_SENTENCE} bersama pihak berkuasa Mesir (مصر) dan rakan serantau", "ms", None),
        # Short or technical values are never judged.
        ("2024/15", "ar", None),
        ("AADK UNODC ASEAN", "ar", None),
        ("https://www.unodc.org/unodc/en/frontpage.html", "ar", None),
        ("antarabangsa@example.gov.my", "ar", None),
        ("Bernama", "ar", None),
        ("مصر", "en", None),
        ("", "ar", None),
        (None, "en", None),
        # An Arabic text with a Latin acronym or address in it is Arabic.
        (f"{ARABIC_SENTENCE} AADK https://www.adk.gov.my", "ar", None),
        ("<p>&nbsp;</p><p><img src='/media/a.jpg' alt=''></p>", "ar", None),
    ],
)
def test_the_script_detector(text, language, expected):
    assert wrong_script(text, language) == expected


def staff(django_user_model, role, language):
    user = django_user_model.objects.create_user(f"{role}-{language}", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = language
    return client


def save(client, obj, **changes):
    opts = obj._meta
    url = f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/"
    _response, form = open_form(client, url, opts.model_name)
    response = client.post(url, form.update(changes).post_data(), follow=True)
    assert response.status_code == 200
    return response


def warnings_of(response):
    return [str(m) for m in response.context["messages"] if m.level == messages.WARNING]


def label(model, name, language):
    with translation.override(language):
        return field_label(model._meta.get_field(name))


@pytest.mark.django_db
@pytest.mark.parametrize("admin_language", ["ms", "en", "ar"])
def test_arabic_in_the_english_title_saves_and_warns_naming_field_and_language(
    django_user_model, admin_language
):
    publisher = staff(django_user_model, "Publishers", admin_language)
    article = make_article("mixed")
    response = save(publisher, article, title_en=ARABIC_SENTENCE)
    assert Article.objects.get(pk=article.pk).title_en == ARABIC_SENTENCE  # saved as written
    [warning] = warnings_of(response)
    assert warning.startswith(label(Article, "title_en", admin_language) + ": ")
    if admin_language == "en":
        assert warning == (
            "Title (English): the text is written in Arabic letters. Is it in the right tab?"
        )


@pytest.mark.django_db
def test_latin_letters_alone_in_an_arabic_field_warn(django_user_model):
    publisher = staff(django_user_model, "Publishers", "en")
    article = make_article("latin")
    response = save(publisher, article, summary_ar=f"<p>{MALAY_SENTENCE}</p>")
    assert warnings_of(response) == [
        "Summary (Arabic): the text has only Latin letters. Is it in the right tab?"
    ]


@pytest.mark.django_db
def test_texts_in_their_own_script_warn_of_nothing(django_user_model):
    publisher = staff(django_user_model, "Publishers", "en")
    article = make_article("fine")
    response = save(publisher, article, title_en="Cooperation on drugs", title_ar=ARABIC_SENTENCE)
    assert warnings_of(response) == []


@pytest.mark.django_db
def test_the_parts_edited_with_an_item_are_checked_too(django_user_model):
    publisher = staff(django_user_model, "Publishers", "en")
    page = make_page("faq")
    page.questions.create(question_ms="Bagaimana?", answer_ms="<p>Begini.</p>")
    response = save(publisher, page, **{"questions-0-question_ms": ARABIC_SENTENCE})
    assert warnings_of(response) == [
        f"Question and answer “{ARABIC_SENTENCE}”, Question (Malay): the text is written "
        "in Arabic letters. Is it in the right tab?"
    ]


@pytest.mark.django_db
def test_an_editors_proposal_is_checked_as_proposed(django_user_model):
    editor = staff(django_user_model, "Editors", "ar")
    article = make_article("live")
    response = save(editor, article, title_ms=ARABIC_SENTENCE)
    [warning] = warnings_of(response)
    assert warning.startswith(label(Article, "title_ms", "ar") + ": ")
    assert ReviewRequest.objects.exists()  # kept as a proposal
    assert Article.objects.get(pk=article.pk).title_ms != ARABIC_SENTENCE
