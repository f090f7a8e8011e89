from django import forms
from django.utils.translation import gettext_lazy as _

from nada_site.localized import LANGUAGE_CODES, language_name
from publications.models import Publication


class PublicationFilterForm(forms.Form):
    """
    The filters of the publications list, read from the query string. A value
    that is not one of the choices is ignored rather than reported: a stale
    or tampered link still shows the list.
    """

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    year = forms.ChoiceField(label=_("Year"), required=False)
    language = forms.ChoiceField(label=_("Language of the file"), required=False)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(Publication.Kind.choices)
        self.fields["year"].choices = everything + [(str(year), str(year)) for year in years]
        self.fields["language"].choices = everything + [
            (code, language_name(code)) for code in LANGUAGE_CODES
        ]

    def filter(self, queryset):
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        if cleaned.get("kind"):
            queryset = queryset.filter(kind=cleaned["kind"])
        if cleaned.get("year"):
            queryset = queryset.filter(date__year=int(cleaned["year"]))
        if cleaned.get("language"):
            queryset = queryset.in_language(cleaned["language"])
        return queryset

    @property
    def is_filtered(self):
        return any(getattr(self, "cleaned_data", {}).values())
