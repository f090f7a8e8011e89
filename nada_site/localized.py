"""
Reading a translated field the way a reader needs it: the text, and which
language it is really in, so that a fallback can be marked with its own
`lang` and `dir` and announced on the page.
"""

from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info
from modeltranslation.fields import TranslationFieldDescriptor
from modeltranslation.utils import build_localized_fieldname
from pyuca import Collator

# The site's languages, in settings order: Malay first (the default).
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def direction(code):
    """`rtl` for a language written right to left (Arabic), `ltr` otherwise."""
    return "rtl" if get_language_info(code)["bidi"] else "ltr"


def language_name(code):
    """The language's name in the current language: `Malay`, `Bahasa Melayu`, `الملايوية`."""
    return str(get_language_info(code)["name_translated"])


@cache
def _collator():
    return Collator()


def sort_key(text):
    """
    Where `text` sorts in a list of names: the Unicode Collation Algorithm's
    order, which holds for Malay and English (accents and case aside) and
    for Arabic, unlike the order of code points.
    """
    return _collator().sort_key(str(text))


def localized_names(field, languages=None):
    """`["title_ms", "title_en", "title_ar"]`: a translated field's name in each language."""
    return [build_localized_fieldname(field, code) for code in languages or LANGUAGE_CODES]


def language_links(url_in, languages=None):
    """
    An entry per language (of `languages`, or all the site's): its code, its
    own name, its direction, and `url_in(code)`, the address in it.
    """
    current = get_language()
    links = []
    for code in languages or LANGUAGE_CODES:
        links.append(
            {
                "code": code,
                "name_local": get_language_info(code)["name_local"],
                "direction": direction(code),
                "url": url_in(code),
                "is_current": code == current,
            }
        )
    return links


@dataclass(frozen=True)
class LocalizedText:
    text: str
    language: str
    requested: str

    @property
    def is_fallback(self):
        return bool(self.text) and self.language != self.requested

    @property
    def direction(self):
        return direction(self.language)

    @property
    def language_name(self):
        """The language's name in the reader's language (for the note)."""
        return get_language_info(self.language)["name_translated"]

    def __str__(self):
        return self.text or ""

    def __bool__(self):
        return bool(self.text)


def language_order(requested):
    """The requested language first, then the fallbacks in settings order."""
    fallbacks = [code for code in settings.MODELTRANSLATION_FALLBACK_LANGUAGES if code != requested]
    return [requested, *fallbacks]


def localize(obj, field, language=None):
    """The value of `field` on `obj` in `language`, or in the first language that has one."""
    requested = language or get_language() or settings.LANGUAGE_CODE
    for code in language_order(requested):
        value = getattr(obj, build_localized_fieldname(field, code), None)
        if value:
            return LocalizedText(value, code, requested)
    return LocalizedText("", requested, requested)


def filled_languages(obj, field):
    """The codes of the languages in which `field` has text, in settings order."""
    return [
        code
        for code in LANGUAGE_CODES
        if getattr(obj, build_localized_fieldname(field, code), None)
    ]


class TitledInAnyLanguage:
    """
    A model mixin for items that may be written in any one language: they
    exist in the languages with a title, and are named by the first of them
    (by their slug when none has one).
    """

    @property
    def available_languages(self):
        """The languages the item is written in: those with a title."""
        return filled_languages(self, "title")

    def __str__(self):
        for code in self.available_languages:
            return getattr(self, build_localized_fieldname("title", code))
        return self.slug


def field_label(field):
    """`Title (English)`: the field as staff see it, and the language of a translated one."""
    language = getattr(field, "language", None)
    if language:
        name = get_language_info(language)["name_translated"]
        return f"{capfirst(field.translated_field.verbose_name)} ({name})"
    return capfirst(field.verbose_name)


def is_translated_original(model, name):
    """
    True for the untranslated field of a translated model (`body` beside
    `body_ms`, `body_en`…): django-modeltranslation answers it with the
    current language's text, or a fallback, so it belongs to no language.
    """
    return isinstance(getattr(model, name, None), TranslationFieldDescriptor)
