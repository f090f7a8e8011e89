"""
Searching the news in the reader's language.

On PostgreSQL each article keeps one full-text document per language
(`Article.search_ms`, `search_en`, `search_ar`): a generated column that the
database recomputes on every write, whatever wrote it (the admin, a restored
revision, a bulk import), with a GIN index. A search reads the index and ranks
the stored documents, so its cost follows the number of matches rather than
the number of articles. SQLite (development and tests) stores no document and
answers with a contains-search on the same fields.
"""

from django.conf import settings
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connection
from django.db.models import F, Func, GeneratedField, Q
from modeltranslation.utils import build_localized_fieldname

# Each language's text search configuration (settings.LANGUAGE_SEARCH_CONFIGS).
SEARCH_CONFIGS = settings.LANGUAGE_SEARCH_CONFIGS
# What is searched, and how much a match in it weighs in the ranking.
FIELDS = (("title", "A"), ("summary", "B"), ("body", "C"))


class OnPostgreSQL(Func):
    """Its expression on PostgreSQL; NULL on any other database."""

    template = "%(expressions)s"

    def as_sql(self, compiler, connection, **extra_context):
        return "NULL", []

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, **extra_context)


def search_field_name(language):
    return f"search_{language}"


def search_document_field(language):
    """The generated column holding an article's weighted search document in `language`."""
    config = SEARCH_CONFIGS[language]
    document = None
    for field, weight in FIELDS:
        part = SearchVector(
            build_localized_fieldname(field, language), weight=weight, config=config
        )
        document = part if document is None else document + part
    return GeneratedField(
        expression=OnPostgreSQL(document, output_field=SearchVectorField()),
        output_field=SearchVectorField(null=True),
        db_persist=True,
        # Never part of a revision, a fixture or a form: the database owns it.
        serialize=False,
    )


def search_articles(queryset, query, language):
    """`queryset` narrowed to the articles matching `query` in `language`, best first."""
    if language not in SEARCH_CONFIGS:
        return queryset.none()
    if connection.vendor == "postgresql":
        document = F(search_field_name(language))
        search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIGS[language])
        return (
            queryset.filter(**{search_field_name(language): search_query})
            .annotate(rank=SearchRank(document, search_query))
            .order_by("-rank", "-published_at", "-id")
        )
    names = [build_localized_fieldname(field, language) for field, _weight in FIELDS]
    condition = Q()
    for word in query.split()[:10]:
        condition &= Q(*[Q(**{f"{name}__icontains": word}) for name in names], _connector=Q.OR)
    return queryset.filter(condition).order_by("-published_at", "-id")
