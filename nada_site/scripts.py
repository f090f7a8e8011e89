"""
Which script a text is written in, to catch a text typed or pasted into the
wrong language's field: Arabic in a Malay or English field, Latin letters
alone in an Arabic one.

Only letters count, of the text without its HTML tags, addresses (web and
email) and acronyms (AADK, UNODC). Short and technical values (numbers,
codes, a single name) are never judged: a Malay or English text is in the
wrong script when at least MIN_LETTERS of its letters are Arabic and they
make up at least a third of its letters (a quoted Arabic name in an English
sentence is fine); an Arabic text is when it has no Arabic letter and at
least two Latin words, MIN_LETTERS letters in all (a partner's Latin name
alone is fine).
"""

import re
import unicodedata
from html import unescape

from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

from nada_site.localized import direction, field_label

MIN_LETTERS = 8
ARABIC = "Arabic"
LATIN = "Latin"

ADDRESSES = re.compile(r"(?:https?://|www\.|mailto:)\S+|\S+@\S+", re.IGNORECASE)
ACRONYM = re.compile(r"\b[A-Z]{2,}s?\b")
LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]{2,}")


def letters(text):
    """The text's letters, once its tags, entities, addresses and acronyms are taken out."""
    text = unescape(strip_tags(text or ""))
    text = ADDRESSES.sub(" ", text)
    text = ACRONYM.sub(" ", text)
    return text, [char for char in text if char.isalpha()]


def script_of(char):
    name = unicodedata.name(char, "")
    if name.startswith("ARABIC"):
        return ARABIC
    if name.startswith("LATIN"):
        return LATIN
    return None


def wrong_script(text, language):
    """
    The script `text` is wrongly written in for `language` (ARABIC or LATIN),
    or None when it fits or is too short or technical to judge.
    """
    cleaned, found = letters(text)
    if len(found) < MIN_LETTERS:
        return None
    scripts = [script_of(char) for char in found]
    arabic = scripts.count(ARABIC)
    if direction(language) == "rtl":
        if arabic == 0 and len(LATIN_WORD.findall(cleaned)) >= 2:
            return LATIN
        return None
    if arabic >= MIN_LETTERS and arabic * 3 >= len(found):
        return ARABIC
    return None


def text_fields(model):
    """The translation fields of `model` that hold prose (not addresses, slugs or numbers)."""
    for field in model._meta.concrete_fields:
        if not getattr(field, "language", None):
            continue
        if isinstance(field, models.URLField | models.SlugField | models.EmailField):
            continue
        if isinstance(field, models.CharField | models.TextField):
            yield field


def script_warnings(items):
    """
    A warning for each field of `items` (an item, then its parts) written in
    the wrong script, in the staff member's language.
    """
    warnings = []
    for index, item in enumerate(items):
        for field in text_fields(type(item)):
            found = wrong_script(getattr(item, field.attname), field.language)
            if found is None:
                continue
            where = field_label(field)
            if index:
                where = _("%(part)s “%(name)s”, %(field)s") % {
                    "part": capfirst(item._meta.verbose_name),
                    "name": Truncator(str(item)).chars(60),
                    "field": where,
                }
            if found == ARABIC:
                problem = _("the text is written in Arabic letters. Is it in the right tab?")
            else:
                problem = _("the text has only Latin letters. Is it in the right tab?")
            warnings.append(_("%(where)s: %(problem)s") % {"where": where, "problem": problem})
    return warnings
