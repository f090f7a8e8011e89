"""
The columns shared by the change lists of translated public content, so that
a list fits a 1280 px screen in every language of the admin:

- the title, in the staff member's language or the first one that has it
  (marked with its own `lang` and `dir`), at most two lines tall, with the
  whole title in a tooltip (static/css/admin.css clamps it; the text itself
  stays whole for screen readers);
- which languages are complete: each language's code with a mark (✓ complete,
  ◐ incomplete, ✗ missing), and the same in words for screen readers and as
  a tooltip ("Malay: complete, English: missing, Arabic: incomplete");
- the publishing state, "Scheduled" for an item published with a time to come;
- a date in the short form of the admin's language;
- and each box of list editing named for its column and its item ("Show in
  the main menu: About the unit"), since a table cell is no label.

Every column reads only the row's own fields: no query per row.
"""

from django.contrib import admin
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from nada_site.localized import LANGUAGE_CODES, direction, localize
from nada_site.translation_state import key_fields

COMPLETE, INCOMPLETE, MISSING = "complete", "incomplete", "missing"
# What each state looks like in the column, and what it is called in words.
STATE_MARKS = {COMPLETE: "✓", INCOMPLETE: "◐", MISSING: "✗"}
STATE_NAMES = {
    COMPLETE: _("complete"),
    INCOMPLETE: _("incomplete"),
    MISSING: _("missing"),
}


def has_text(value):
    """True when a field holds text a reader would see (rich text's bare tags are not)."""
    if not value:
        return False
    if "<" not in value:
        return bool(value.strip())
    return "<img" in value or bool(strip_tags(value).replace("&nbsp;", "").strip())


def language_states(obj, fields):
    """`{"ms": "complete", "en": "missing", …}`: how much of `fields` has text in each language."""
    states = {}
    for code in LANGUAGE_CODES:
        filled = sum(has_text(getattr(obj, build_localized_fieldname(f, code), "")) for f in fields)
        states[code] = COMPLETE if filled == len(fields) else MISSING if not filled else INCOMPLETE
    return states


def language_status(states):
    """The compact column: a mark per language, with the states in words for everyone else."""
    words = ", ".join(
        _("%(language)s: %(state)s")
        % {"language": get_language_info(code)["name_translated"], "state": STATE_NAMES[state]}
        for code, state in states.items()
    )
    marks = format_html_join(
        "",
        '<span class="language-status__item language-status__item--{}" aria-hidden="true">'
        '{}<span class="language-status__mark">{}</span></span>',
        ((state, code.upper(), STATE_MARKS[state]) for code, state in states.items()),
    )
    return format_html(
        '<span class="language-status" title="{}">{}<span class="visually-hidden">{}</span></span>',
        words,
        marks,
        words,
    )


def short_date(value):
    """A date as the admin's language writes it briefly, the full time as a tooltip."""
    if value is None:
        return "—"
    if hasattr(value, "tzinfo"):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        full = formats.date_format(value, "DATETIME_FORMAT")
    else:
        full = formats.date_format(value, "DATE_FORMAT")
    return format_html(
        '<time class="list-date" datetime="{}" title="{}">{}</time>',
        value.isoformat(),
        full,
        formats.date_format(value, "DATE_FORMAT"),
    )


class TranslatedListMixin:
    """
    The shared columns of a list of translated, publishable content; an admin
    puts `list_title`, `languages`, `state` and a date column in its
    `list_display`. A language is complete when the item's key fields have
    text in it (`translation_state.key_fields()`, the title first), as on the
    translation status page.
    """

    def get_changelist_form(self, request, **kwargs):
        base = super().get_changelist_form(request, **kwargs)
        title_field = key_fields(self.model)[0]

        class LabelledRowForm(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                item = str(localize(self.instance, title_field)) or str(self.instance)
                for field in self.fields.values():
                    if field.widget.is_hidden:
                        continue
                    field.widget.attrs["aria-label"] = _("%(column)s: %(item)s") % {
                        "column": field.label,
                        "item": item,
                    }

        return LabelledRowForm

    @admin.display(description=_("title"), ordering="title")
    def list_title(self, obj):
        text = localize(obj, key_fields(self.model)[0])
        label = str(text) or str(obj)
        if text and text.language != get_language():
            return format_html(
                '<span class="list-title" title="{}" lang="{}" dir="{}">{}</span>',
                label,
                text.language,
                direction(text.language),
                label,
            )
        return format_html('<span class="list-title" title="{}">{}</span>', label, label)

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return language_status(language_states(obj, key_fields(self.model)))

    @admin.display(description=_("status"), ordering="status")
    def state(self, obj):
        if obj.is_scheduled:
            return format_html(
                '<span class="list-state" title="{}">{}</span>',
                formats.date_format(timezone.localtime(obj.published_at), "DATETIME_FORMAT"),
                _("Scheduled"),
            )
        return format_html('<span class="list-state">{}</span>', obj.get_status_display())

    @admin.display(description=_("publication date"), ordering="published_at")
    def publication_date(self, obj):
        return short_date(obj.published_at)

    @admin.display(description=_("last updated"), ordering="updated_at")
    def last_updated(self, obj):
        return short_date(obj.updated_at)
