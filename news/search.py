"""
Searching the news in the reader's language: PostgreSQL full-text search
with a configuration that suits the language, or a plain contains-search on
SQLite (development and tests).
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q
from modeltranslation.utils import build_localized_fieldname

# Malay has no stemmer in PostgreSQL: `simple` lower-cases words and keeps them.
SEARCH_CONFIGS = {"ms": "simple", "en": "english", "ar": "arabic"}
FIELDS = (("title", "A"), ("summary", "B"), ("body", "C"))


def search_articles(queryset, query, language):
    """`queryset` narrowed to the articles matching `query` in `language`, best first."""
    names = [(build_localized_fieldname(field, language), weight) for field, weight in FIELDS]
    if connection.vendor == "postgresql":
        config = SEARCH_CONFIGS.get(language, "simple")
        vector = None
        for name, weight in names:
            part = SearchVector(name, weight=weight, config=config)
            vector = part if vector is None else vector + part
        search_query = SearchQuery(query, search_type="websearch", config=config)
        return (
            queryset.annotate(search=vector, rank=SearchRank(vector, search_query))
            .filter(search=search_query)
            .order_by("-rank", "-published_at", "-id")
        )
    condition = Q()
    for word in query.split()[:10]:
        condition &= Q(
            *[Q(**{f"{name}__icontains": word}) for name, _weight in names], _connector=Q.OR
        )
    return queryset.filter(condition).order_by("-published_at", "-id")
