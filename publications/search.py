"""The publications in the site search (nada_site.search), narrowed by kind and date."""

from django.utils.translation import gettext_lazy as _

from nada_site import search

FIELDS = (("title", "A"), ("summary", "B"))


def kind_choices():
    from publications.models import Publication

    return list(Publication.Kind.choices)


def search_publications(request):
    from publications.models import Publication

    publications = Publication.objects.public()
    if request.filters.get("kind"):
        publications = publications.filter(kind=request.filters["kind"])
    return search.found_items(
        publications,
        request,
        type="publications",
        url_name="publications:detail",
        fields=[name for name, _weight in FIELDS],
        date="date",
    )


PROVIDER = search.SearchProvider(
    type="publications",
    label=_("Publications"),
    search=search_publications,
    filters=(search.SearchFilter("kind", _("Kind of publication"), kind_choices),),
    order=40,
)
