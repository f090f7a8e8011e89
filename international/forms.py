from django import forms
from django.utils.translation import gettext_lazy as _

from international.models import Agreement
from nada_site.localized import localize


class PartnerSelect(forms.Select):
    """A choice of partners whose names shown in another language carry its `lang` and `dir`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.names = {}  # the partners' LocalizedText names, by slug

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        text = self.names.get(value)
        if text is not None and text.is_fallback:
            option["attrs"].update(lang=text.language, dir=text.direction)
        return option


class AgreementFilterForm(forms.Form):
    """
    The filters of the cooperation list, read from the query string. A value
    that is not one of the choices is ignored rather than reported: a filter
    link that went stale still shows the list.
    """

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    partner = forms.ChoiceField(label=_("Partner"), required=False, widget=PartnerSelect)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, partners=(), **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(Agreement.Kind.choices)
        self.fields["status"].choices = everything + list(Agreement.Standing.choices)
        self.fields["partner"].choices = everything + [
            (partner.slug, partner.display_name) for partner in partners
        ]
        self.fields["partner"].widget.names = {
            partner.slug: localize(partner, "name") for partner in partners
        }

    def filter(self, queryset):
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        if cleaned.get("kind"):
            queryset = queryset.filter(kind=cleaned["kind"])
        if cleaned.get("status"):
            queryset = queryset.filter(standing=cleaned["status"])
        if cleaned.get("partner"):
            queryset = queryset.filter(partners__slug=cleaned["partner"])
        return queryset
