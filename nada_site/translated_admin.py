"""Admin classes for translated models: tabs per language, right to left where it belongs."""

from ckeditor.widgets import CKEditorWidget
from django.utils.translation import get_language_info
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from nada_site.localized import filled_languages


class DirectionalFieldsMixin:
    """
    Each translation field's input carries its language, and those of a
    right-to-left language (inputs and the rich text editor) write right to
    left. django-modeltranslation gives each translation field a `language`
    and copies the original field's widget, so the copy is adjusted here.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if formfield is None or not language:
            return formfield
        widget = formfield.widget
        widget.attrs["lang"] = language
        if get_language_info(language)["bidi"]:
            widget.attrs["dir"] = "rtl"
            if isinstance(widget, CKEditorWidget):
                widget.config = {
                    **widget.config,
                    "contentsLangDirection": "rtl",
                    "contentsLanguage": language,
                }
        return formfield


class TranslatedAdmin(DirectionalFieldsMixin, TabbedTranslationAdmin):
    pass


class TranslatedStackedInline(DirectionalFieldsMixin, TranslationStackedInline):
    pass


class TranslatedTabularInline(DirectionalFieldsMixin, TranslationTabularInline):
    pass


def languages_column(obj, field):
    """`MS EN AR`: the languages in which `field` of `obj` has text, for a list column."""
    return " ".join(code.upper() for code in filled_languages(obj, field)) or "—"
