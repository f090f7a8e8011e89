"""The cooperation agreements in the site search (nada_site.search), narrowed by partner and date."""

from django.db.models import F
from django.urls import reverse
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
    if request.date_from:
        agreements = agreements.filter(signed_on__gte=request.date_from)
    if request.date_to:
        agreements = agreements.filter(signed_on__lte=request.date_to)
    if request.filters.get("partner"):
        agreements = agreements.filter(
            pk__in=Agreement.partners.through.objects.filter(
                partner__slug=request.filters["partner"]
            ).values("agreement_id")
        )
    rows = search.matching_rows(
        agreements,
        request,
        fields=[name for name, _weight in FIELDS],
        values=["slug", "signed_on", *search.translated("title"), *search.translated("summary")],
        order_by=(F("signed_on").desc(nulls_last=True), "-id"),
    )
    return [
        search.SearchResult(
            type="agreements",
            title=search.text_in(row, "title", row["search_language"], request.language),
            summary=search.snippet(
                search.text_in(row, "summary", row["search_language"], request.language)
            ),
            url=reverse("international:agreement_detail", kwargs={"slug": row["slug"]}),
            date=row["signed_on"],
            rank=row["rank"],
            match_language=row["search_language"],
        )
        for row in rows
    ]


PROVIDER = search.SearchProvider(
    type="agreements",
    label=_("Cooperation agreements"),
    search=search_agreements,
    filters=(search.SearchFilter("partner", _("Partner"), partner_choices),),
    order=30,
)
