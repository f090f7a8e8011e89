"""The cooperation agreements in the site search (nada_site.search), narrowed by partner and date."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from nada_site import search

FIELDS = (("title", "A"), ("summary", "B"))


def partner_choices():
    from international.models import Partner

    partners = Partner.objects.filter(agreements__isnull=False).distinct()
    return sorted(
        ((partner.slug, partner.display_name) for partner in partners),
        key=lambda choice: choice[1].casefold(),
    )


def search_agreements(request):
    from international.models import Agreement

    agreements = Agreement.objects.published()
    if request.filters.get("partner"):
        agreements = agreements.filter(
            pk__in=Agreement.partners.through.objects.filter(
                partner__slug=request.filters["partner"]
            ).values("agreement_id")
        )
    return search.found_items(
        agreements,
        request,
        type="agreements",
        url_name="international:agreement_detail",
        fields=[name for name, _weight in FIELDS],
        date="signed_on",
        order_by=(F("signed_on").desc(nulls_last=True), "-id"),
    )


PROVIDER = search.SearchProvider(
    type="agreements",
    label=_("Cooperation agreements"),
    search=search_agreements,
    filters=(search.SearchFilter("partner", _("Partner"), partner_choices),),
    order=30,
)
