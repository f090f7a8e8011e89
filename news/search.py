"""
The news in the site search (nada_site.search): each article keeps a stored
full-text document per language on PostgreSQL (`Article.search_ms`,
`search_en`, `search_ar`), a generated column that the database recomputes on
every write, whatever wrote it (the admin, a restored revision, a bulk
import), with a GIN index. The provider narrows by category and date.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from nada_site import search
from nada_site.localized import localize
from nada_site.search import OnPostgreSQL, search_field_name  # noqa: F401  (migration 0003)

SEARCH_CONFIGS = settings.LANGUAGE_SEARCH_CONFIGS
# What is searched, and how much a match in it weighs in the ranking.
FIELDS = (("title", "A"), ("summary", "B"), ("body", "C"))


def search_document_field(language):
    """The generated column holding an article's weighted search document in `language`."""
    return search.search_document_field(FIELDS, language)


def category_choices():
    from news.models import Category

    return [(category.slug, localize(category, "name").text) for category in Category.objects.all()]


def search_news(request):
    """The published articles matching the request, best first (nada_site.search)."""
    from news.models import Article, Category

    articles = Article.objects.published()
    if request.filters.get("category"):
        category = Category.objects.filter(slug=request.filters["category"]).values("pk")
        articles = articles.filter(category__in=category)
    return search.found_items(
        articles,
        request,
        type="news",
        url_name="news:detail",
        fields=[name for name, _weight in FIELDS],
        date="published_at",
        date_lookup="published_at__date",
    )


PROVIDER = search.SearchProvider(
    type="news",
    label=_("News"),
    search=search_news,
    filters=(search.SearchFilter("category", _("News category"), category_choices),),
    order=10,
)
