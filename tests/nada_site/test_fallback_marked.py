"""
Text shown in another language than the page's (a fallback) is marked: an
element with the text's own `lang` and `dir` holds it, and the page says in
its own language that the content is shown in another language. Each kind of
public page is requested in every language its content is not written in.
"""

from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import get_language_info, gettext

from international.models import Approach, Objective, Partner, UnitProfile
from nada_site.localized import LocalizedText
from nada_site.models import Question
from news.models import KeyPoint
from tests.conftest import PUBLISHED, make_agreement, make_page, make_partner
from tests.events.conftest import make_event
from tests.news.conftest import make_article, make_category, make_tag
from tests.publications.conftest import make_publication

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
WORDS = {"ms": "Teks dalam bahasa Melayu", "en": "Text in English", "ar": "نص باللغة العربية"}
VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


def words(language, what):
    """A text in `language` that says what it is, to be found on the page."""
    return f"{WORDS[language]}: {what}"


def direction(language):
    return "rtl" if get_language_info(language)["bidi"] else "ltr"


class _TextLanguages(HTMLParser):
    """Every piece of text in <body>, with the `lang` and `dir` it inherits."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []  # (tag, lang, dir)
        self.texts = []  # (text, lang, dir)

    def handle_starttag(self, tag, attrs):
        if tag in VOID_ELEMENTS:
            return
        attrs = dict(attrs)
        parent_lang, parent_dir = self.open[-1][1:] if self.open else (None, None)
        self.open.append((tag, attrs.get("lang", parent_lang), attrs.get("dir", parent_dir)))

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return

    def handle_data(self, data):
        if data.strip() and any(tag == "body" for tag, _lang, _dir in self.open):
            _tag, lang, text_dir = self.open[-1]
            self.texts.append((data, lang, text_dir))


def languages_of(html, text):
    """The (lang, dir) of every place in the page's body that shows `text`."""
    reader = _TextLanguages()
    reader.feed(html)
    return [(lang, text_dir) for data, lang, text_dir in reader.texts if text in data]


def assert_shown_in_its_own_language(html, text, language):
    places = languages_of(html, text)
    assert places, f"{text!r} is not on the page"
    assert set(places) == {(language, direction(language))}, f"{text!r} is shown as {places}"


def fallback_note(language, page_language):
    """The note that says the content is in `language`, as a page in `page_language` shows it."""
    with translation.override(page_language):
        return render_to_string(
            "includes/fallback_note.html", {"text": LocalizedText("…", language, page_language)}
        )


def language_label(language, page_language):
    """The short label of a list item in `language` (agreements, news cards)."""
    with translation.override(page_language):
        name = get_language_info(language)["name_translated"]
        return gettext("In %(language)s") % {"language": name}


def request(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    page_language = url.split("/")[1]
    assert f'<html lang="{page_language}" dir="{direction(page_language)}">' in html
    return html


def other_languages(language):
    return [code for code in LANGUAGES if code != language]


def fallback_cases(written_in):
    return [
        pytest.param(source, requested, id=f"{source}-shown-in-{requested}")
        for source in written_in
        for requested in other_languages(source)
    ]


def named_only_in(language, name):
    return {**{f"name_{code}": "" for code in LANGUAGES}, f"name_{language}": name}


EVERY_LANGUAGE = fallback_cases(LANGUAGES)
# Malay is required for pages, questions, the unit's profile and agreements.
MALAY_ONLY = fallback_cases(["ms"])


@pytest.mark.parametrize("source, requested", EVERY_LANGUAGE)
def test_an_article_in_one_language_is_marked_on_its_page(client, source, requested):
    category = make_category("global", **named_only_in(source, words(source, "category")))
    tag = make_tag("iraq", **named_only_in(source, words(source, "tag")))
    fields = ("title", "summary", "key_points_heading", "source_name")
    article = make_article(
        "visit",
        category=category,
        tags=[tag],
        source_url="https://example.org/",
        **{f"{field}_{source}": words(source, field) for field in fields},
        **{f"body_{source}": f"<p>{words(source, 'body')}</p>"},
    )
    KeyPoint.objects.create(
        article=article,
        **{f"heading_{source}": words(source, "heading"), f"text_{source}": words(source, "point")},
    )

    html = request(client, f"/{requested}/news/{article.slug}/")
    for what in (*fields, "body", "heading", "point", "category", "tag"):
        assert_shown_in_its_own_language(html, words(source, what), source)
    assert fallback_note(source, requested) in html


@pytest.mark.parametrize("source, requested", MALAY_ONLY)
def test_a_site_page_and_its_questions_in_one_language_are_marked(client, source, requested):
    page = make_page(
        "faq",
        **{f"title_{source}": words(source, "title")},
        **{f"body_{source}": f"<p>{words(source, 'body')}</p>"},
    )
    Question.objects.create(
        page=page,
        **{f"question_{source}": words(source, "question")},
        **{f"answer_{source}": f"<p>{words(source, 'answer')}</p>"},
    )

    html = request(client, f"/{requested}/pages/faq/")
    for what in ("title", "body", "question", "answer"):
        assert_shown_in_its_own_language(html, words(source, what), source)
    assert fallback_note(source, requested) in html


def agreement_in(source):
    partner = make_partner(
        "asean", kind=Partner.Kind.ORGANISATION, **named_only_in(source, words(source, "partner"))
    )
    return make_agreement(
        "mou-asean",
        partners=[partner],
        **{f"title_{source}": words(source, "title")},
        **{f"summary_{source}": f"<p>{words(source, 'summary')}</p>"},
    )


@pytest.mark.parametrize("source, requested", MALAY_ONLY)
def test_an_agreement_in_one_language_is_marked_on_its_page(client, source, requested):
    agreement_in(source)
    html = request(client, f"/{requested}/international/cooperation/mou-asean/")
    for what in ("title", "summary", "partner"):
        assert_shown_in_its_own_language(html, words(source, what), source)
    assert fallback_note(source, requested) in html


@pytest.mark.parametrize("source, requested", MALAY_ONLY)
def test_an_agreement_in_one_language_is_marked_in_the_list(client, source, requested):
    agreement_in(source)
    html = request(client, f"/{requested}/international/cooperation/")
    for what in ("title", "partner"):
        assert_shown_in_its_own_language(html, words(source, what), source)
    # Each item of a list says which language it is in.
    assert f'<p class="language-label">{language_label(source, requested)}</p>' in html


@pytest.mark.parametrize("source, requested", EVERY_LANGUAGE)
def test_a_partners_name_in_one_language_is_marked_where_agreements_show_it(
    client, profile, source, requested
):
    partner = make_partner(
        "unodc",
        kind=Partner.Kind.ORGANISATION,
        acronym="UNODC",
        **named_only_in(source, words(source, "partner")),
    )
    make_agreement(
        "unodc-programme",
        partners=[partner],
        **{f"title_{code}": words(code, "title") for code in LANGUAGES},
    )
    for url in (
        f"/{requested}/international/cooperation/unodc-programme/",
        f"/{requested}/international/cooperation/",
        f"/{requested}/international/",
        f"/{requested}/",
    ):
        html = request(client, url)
        assert_shown_in_its_own_language(html, words(source, "partner"), source)
        assert_shown_in_its_own_language(html, words(requested, "title"), requested)


@pytest.mark.parametrize("source, requested", MALAY_ONLY)
def test_the_unit_page_in_one_language_is_marked(client, source, requested):
    texts = ("name", "objectives_lead", "approaches_lead", "address", "office_hours")
    profile = UnitProfile.objects.create(
        **PUBLISHED,
        email="unit@example.gov.my",
        **{f"{field}_{source}": words(source, field) for field in texts},
        **{f"introduction_{source}": f"<p>{words(source, 'introduction')}</p>"},
    )
    Objective.objects.create(profile=profile, **{f"text_{source}": words(source, "objective")})
    Approach.objects.create(profile=profile, **{f"text_{source}": words(source, "approach")})

    html = request(client, f"/{requested}/international/")
    for what in (*texts, "introduction", "objective", "approach"):
        assert_shown_in_its_own_language(html, words(source, what), source)
    assert fallback_note(source, requested) in html


@pytest.mark.parametrize("kind", ["category", "tag"])
@pytest.mark.parametrize("source, requested", EVERY_LANGUAGE)
def test_a_category_or_tag_named_in_one_language_is_marked_on_its_page(
    client, kind, source, requested
):
    name = named_only_in(source, words(source, kind))
    category = make_category("global", **(name if kind == "category" else {}))
    tag = make_tag("iraq", **(name if kind == "tag" else {}))
    make_article(
        "visit", category=category, tags=[tag], **{f"title_{source}": words(source, "title")}
    )

    html = request(
        client, f"/{requested}/news/{kind}/{'global' if kind == 'category' else 'iraq'}/"
    )
    assert_shown_in_its_own_language(html, words(source, kind), source)
    assert_shown_in_its_own_language(html, words(source, "title"), source)
    assert fallback_note(source, requested) in html


def event_in(source):
    return make_event(
        "cnd",
        zone="Europe/Vienna",
        country="AT",
        **{f"title_{source}": words(source, "title")},
        **{f"city_{source}": words(source, "city")},
        **{f"description_{source}": f"<p>{words(source, 'description')}</p>"},
    )


@pytest.mark.parametrize("source, requested", MALAY_ONLY)
def test_an_event_in_one_language_is_marked_on_its_page(client, source, requested):
    event_in(source)
    html = request(client, f"/{requested}/events/cnd/")
    for what in ("title", "city", "description"):
        assert_shown_in_its_own_language(html, words(source, what), source)
    assert fallback_note(source, requested) in html


@pytest.mark.parametrize("source, requested", MALAY_ONLY)
def test_an_event_in_one_language_is_marked_in_the_list(client, source, requested):
    event_in(source)
    html = request(client, f"/{requested}/events/")
    for what in ("title", "city"):
        assert_shown_in_its_own_language(html, words(source, what), source)
    assert f'<p class="language-label">{language_label(source, requested)}</p>' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_text_in_the_pages_language_is_not_marked_as_a_fallback(client, language):
    make_page("about", **{f"title_{language}": words(language, "title")})
    html = request(client, f"/{language}/pages/about/")
    assert set(languages_of(html, words(language, "title"))) == {(language, direction(language))}
    assert 'class="fallback-note"' not in html


def publication_in(source):
    return make_publication(
        "laporan",
        kind="agreement-text",
        **{f"title_{source}": words(source, "publication")},
        **{f"summary_{source}": words(source, "about it")},
    )


@pytest.mark.parametrize("source, requested", MALAY_ONLY)
def test_a_publication_in_one_language_is_marked_on_its_page_its_list_and_its_agreement(
    client, source, requested
):
    agreement_in(source).texts.add(publication_in(source))
    html = request(client, f"/{requested}/publications/laporan/")
    for what in ("publication", "about it", "title"):  # the agreement's title too
        assert_shown_in_its_own_language(html, words(source, what), source)
    assert fallback_note(source, requested) in html
    listing = request(client, f"/{requested}/publications/")
    assert_shown_in_its_own_language(listing, words(source, "publication"), source)
    assert f'<p class="language-label">{language_label(source, requested)}</p>' in listing
    agreement = request(client, f"/{requested}/international/cooperation/mou-asean/")
    assert_shown_in_its_own_language(agreement, words(source, "publication"), source)
