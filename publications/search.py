"""The publications in the site search (nada_site.search), narrowed by kind and date."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nada_site import search

FIELDS = (("title", "A"), ("summary", "B"))


def kind_choices():
    from publications.models import Publication

    return list(Publication.Kind.choices)


def search_publications(request):
    from publications.models import Publication

    publications = Publication.objects.public()
    if request.date_from:
        publications = publications.filter(date__gte=request.date_from)
    if request.date_to:
        publications = publications.filter(date__lte=request.date_to)
    if request.filters.get("kind"):
        publications = publications.filter(kind=request.filters["kind"])
    rows = search.matching_rows(
        publications,
        request,
        fields=[name for name, _weight in FIELDS],
        values=["slug", "date", *search.translated("title"), *search.translated("summary")],
        order_by=("-date", "-id"),
    )
    return [
        search.SearchResult(
            type="publications",
            title=search.text_in(row, "title", row["search_language"], request.language),
            summary=search.snippet(
                search.text_in(row, "summary", row["search_language"], request.language)
            ),
            url=reverse("publications:detail", kwargs={"slug": row["slug"]}),
            date=row["date"],
            rank=row["rank"],
            match_language=row["search_language"],
        )
        for row in rows
    ]


PROVIDER = search.SearchProvider(
    type="publications",
    label=_("Publications"),
    search=search_publications,
    filters=(search.SearchFilter("kind", _("Kind of publication"), kind_choices),),
    order=40,
)
