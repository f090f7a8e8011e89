"""Admin classes for translated models: tabs per language, right to left where it belongs."""

from django.utils.translation import get_language_info
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from nada_site.localized import filled_languages


class DirectionalFieldsMixin:
    """Text inputs of a right-to-left language's translation fields write right to left."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if formfield is not None and language:
            formfield.widget.attrs["lang"] = language
            if get_language_info(language)["bidi"]:
                formfield.widget.attrs["dir"] = "rtl"
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
