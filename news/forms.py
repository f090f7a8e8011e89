from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    """The news search box, read from the query string."""

    q = forms.CharField(
        label=_("Search the news"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={
            "max_length": _("Please use at most %(limit_value)d characters."),
            "null_characters_not_allowed": _("The search contains characters that cannot be used."),
        },
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    def query(self):
        """The words to look for, or an empty string for an empty or unusable search."""
        if not self.is_valid():
            return ""
        return " ".join(self.cleaned_data["q"].split())
