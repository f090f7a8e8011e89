"""
One search for the whole site, at /<lang>/search/. Each app registers a
provider (`site.register(self, search=[SearchProvider(...)])`) that, given a
`SearchRequest`, returns a bounded list of `SearchResult`s; the site search
merges them, the reader's language first. docs/search.md describes how to
add a provider.

On PostgreSQL each searched model keeps one full-text document per language
(`search_ms`, `search_en`, `search_ar`): a generated column with a GIN index
(`search_document_field`, and an index made in the app's migration). A
search reads the index for the matches, keeps the newest `CANDIDATES` of them
and ranks only those, so that a word found in every document costs the same
as a rare one; the search also runs under a statement timeout. SQLite
(development and tests) stores no document and answers with a contains-match
on the same fields.

The visitor's words never reach the database as query syntax: `parse_query`
keeps letters, digits and marks, in quoted phrases or not, at most
`MAX_TERMS` words from the first `MAX_QUERY_LENGTH` characters.
"""

import datetime
import html
import unicodedata
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    GeneratedField,
    Manager,
    Q,
    Value,
)
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from modeltranslation.utils import build_localized_fieldname

from nada_site.localized import LANGUAGE_CODES, LocalizedText

SEARCH_CONFIGS = settings.LANGUAGE_SEARCH_CONFIGS
MAX_QUERY_LENGTH = 200
MAX_TERMS = 16
# Matches ranked per provider and language: the newest this many. Beyond them
# a search finds more than anyone reads, and ranking them would cost time.
CANDIDATES = 300
# Results kept per provider and language, best ranked first.
RESULTS_PER_LANGUAGE = 100
# No search query may keep the database longer than this.
STATEMENT_TIMEOUT_MS = 2000
SNIPPET_WORDS = 40


def search_field_name(language):
    return f"search_{language}"


class OnPostgreSQL(Func):
    """Its expression on PostgreSQL; NULL on any other database."""

    template = "%(expressions)s"

    def as_sql(self, compiler, connection, **extra_context):
        return "NULL", []

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, **extra_context)


def search_document_field(fields, language):
    """
    The generated column holding a record's weighted search document in
    `language`: `fields` is `(("title", "A"), ("summary", "B"), …)`, translated
    fields named without their language.
    """
    config = SEARCH_CONFIGS[language]
    document = None
    for name, weight in fields:
        part = SearchVector(build_localized_fieldname(name, language), weight=weight, config=config)
        document = part if document is None else document + part
    return GeneratedField(
        expression=OnPostgreSQL(document, output_field=SearchVectorField()),
        output_field=SearchVectorField(null=True),
        db_persist=True,
        # Never part of a revision, a fixture or a form: the database owns it.
        serialize=False,
    )


def add_search_documents(model, fields):
    """Give `model` a search document per language (see `search_document_field`)."""
    for code in SEARCH_CONFIGS:
        model.add_to_class(search_field_name(code), search_document_field(fields, code))


SEARCH_DOCUMENTS = tuple(search_field_name(code) for code in SEARCH_CONFIGS)


def search_indexes(tables, languages):
    """
    The migration operation that makes a GIN index on each language's search
    document of each of `tables` (and drops them when reversed). PostgreSQL
    only: the indexes are kept out of the models' Meta, since SQLite could
    not build them when it remakes a table. A migration names its languages,
    so that it does the same whatever the settings become.
    """
    from django.db import migrations

    def create(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table in tables:
            for language in languages:
                schema_editor.execute(
                    f"CREATE INDEX {table}_search_{language} ON {table} USING gin (search_{language})"
                )

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table in tables:
            for language in languages:
                schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_{language}")

    return migrations.RunPython(create, drop)


class WithoutSearchDocuments(Manager):
    """
    A manager leaving the search documents in the database: they are large
    and read only there. `WithoutSearchDocuments.from_queryset(QuerySet)()`.
    """

    def get_queryset(self):
        return super().get_queryset().defer(*SEARCH_DOCUMENTS)


def _is_word_character(character):
    return unicodedata.category(character)[0] in "LNM"


@dataclass(frozen=True)
class ParsedQuery:
    """What is searched for: single words and quoted phrases (tuples of words)."""

    words: tuple = ()
    phrases: tuple = ()

    def __bool__(self):
        return bool(self.words or self.phrases)

    @property
    def websearch(self):
        """The query in websearch_to_tsquery's syntax, made only of words, spaces and quotes."""
        parts = list(self.words) + ['"' + " ".join(phrase) + '"' for phrase in self.phrases]
        return " ".join(parts)

    @property
    def needles(self):
        """What a contains-match looks for: each word, and each phrase as written."""
        return list(self.words) + [" ".join(phrase) for phrase in self.phrases]


def parse_query(text):
    """
    The visitor's search as words and phrases: letters, digits and combining
    marks only (any script), everything else a separator, a double quote
    opening or closing a phrase. At most MAX_TERMS words, read from the first
    MAX_QUERY_LENGTH characters.
    """
    words, phrases = [], []
    current, phrase, in_phrase = [], [], False
    count = 0

    def end_word():
        nonlocal count
        if current and count < MAX_TERMS:
            (phrase if in_phrase else words).append("".join(current))
            count += 1
        current.clear()

    for character in (text or "")[:MAX_QUERY_LENGTH]:
        if character == '"':
            end_word()
            if in_phrase:
                if len(phrase) > 1:
                    phrases.append(tuple(phrase))
                else:
                    words.extend(phrase)
                phrase = []
            in_phrase = not in_phrase
        elif _is_word_character(character):
            current.append(character)
        else:
            end_word()
    end_word()
    if in_phrase:  # An unclosed quote: its words count on their own.
        words.extend(phrase)
    if len(phrases) == 0 and len(words) == 0:
        return ParsedQuery()
    return ParsedQuery(tuple(dict.fromkeys(words)), tuple(dict.fromkeys(phrases)))


@dataclass(frozen=True)
class SearchRequest:
    """What a provider is asked: the words, the reader's language and the filters."""

    query: ParsedQuery
    language: str
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    # Narrowing a provider may know (`SearchProvider.filters`): name -> value.
    filters: dict = field(default_factory=dict)

    @property
    def languages(self):
        """The reader's language first, then the others in settings order."""
        return [self.language, *[code for code in LANGUAGE_CODES if code != self.language]]


@dataclass(frozen=True)
class SearchResult:
    type: str
    title: LocalizedText
    url: str
    summary: LocalizedText | None = None
    date: datetime.date | datetime.datetime | None = None
    rank: float = 0.0
    # The language the words were found in (the reader's comes first).
    match_language: str = ""

    @property
    def language(self):
        """The language of the result's text."""
        return self.title.language


@dataclass(frozen=True)
class SearchFilter:
    """
    A narrowing of the advanced search (`category`, `partner`…): its label and
    a callable giving its choices `[(value, label), …]` in the current language.
    """

    name: str
    label: str
    choices: Callable


@dataclass(frozen=True)
class SearchProvider:
    """
    One type of result: `type` (in the address, `?type=news`), its `label`
    (plural, for the filters), and `search(request) -> [SearchResult]`, at
    most RESULTS_PER_LANGUAGE per language. `filters` names the narrowings
    it knows; when the visitor narrows by one it does not know, the provider
    is not asked.
    """

    type: str
    label: str
    search: Callable
    filters: tuple = ()
    order: int = 100


@contextmanager
def bounded_time():
    """Inside: the database gives up a query after STATEMENT_TIMEOUT_MS (PostgreSQL)."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = {int(STATEMENT_TIMEOUT_MS)}")
        yield


def full_text_query(query, language):
    """`query` as a tsquery in `language`'s configuration (PostgreSQL)."""
    return SearchQuery(query.websearch, search_type="websearch", config=SEARCH_CONFIGS[language])


def matches(queryset, query, language):
    """The records of `queryset` whose stored document in `language` matches (PostgreSQL)."""
    return queryset.filter(**{search_field_name(language): full_text_query(query, language)})


def found_items(
    queryset,
    request,
    *,
    type,
    url_name,
    fields,
    date,
    summary="summary",
    date_lookup=None,
    order_by=None,
):
    """
    What a provider returns for `queryset`, in one query: its items the
    request finds, narrowed to the request's dates on `date_lookup` (`date`
    unless told), as `SearchResult`s of `type` linked by slug to `url_name`,
    with the title and the `summary` field in the language they were found
    in and the `date` field as their date. `fields` are the translated fields
    searched; `order_by` the cheap key that picks the candidates (the newest
    by `date` unless told).
    """
    lookup = date_lookup or date
    if request.date_from:
        queryset = queryset.filter(**{f"{lookup}__gte": request.date_from})
    if request.date_to:
        queryset = queryset.filter(**{f"{lookup}__lte": request.date_to})
    rows = matching_rows(
        queryset,
        request,
        fields=fields,
        values=["slug", date, *translated("title"), *translated(summary)],
        order_by=order_by or (f"-{date}", "-id"),
    )
    return [
        SearchResult(
            type=type,
            title=text_in(row, "title", row["search_language"], request.language),
            summary=snippet(text_in(row, summary, row["search_language"], request.language)),
            url=reverse(url_name, kwargs={"slug": row["slug"]}),
            date=row[date],
            rank=row["rank"],
            match_language=row["search_language"],
        )
        for row in rows
    ]


def matching_rows(queryset, request, fields, values, order_by):
    """
    The rows of `queryset` that match the request in each language, as dicts
    of `values` plus `search_language` (the language the match is in) and
    `rank`, in one query. `fields` are the translated fields searched (without
    their language); `order_by` is the cheap key that picks the candidates
    to rank, e.g. `("-published_at", "-id")`.

    On PostgreSQL: per language, the newest CANDIDATES matches of the stored
    document, ranked, the best RESULTS_PER_LANGUAGE kept, the languages joined
    with UNION ALL. On SQLite: a contains-match of every word in the
    language's fields, the newest RESULTS_PER_LANGUAGE.
    """
    query = request.query
    if not query:
        return []
    values = list(dict.fromkeys([*values, "pk"]))
    if connection.vendor == "postgresql":
        branches = []
        for code in request.languages:
            document = search_field_name(code)
            tsquery = full_text_query(query, code)
            candidates = matches(queryset, query, code).order_by(*order_by).values("pk")
            branch = (
                queryset.model._base_manager.filter(pk__in=candidates[:CANDIDATES])
                .annotate(
                    search_language=Value(code),
                    rank=SearchRank(F(document), tsquery, cover_density=False),
                )
                .values(*values, "search_language", "rank")
                .order_by("-rank", *order_by)[:RESULTS_PER_LANGUAGE]
            )
            branches.append(branch)
        first, *others = branches
        return first_language_only(first.union(*others, all=True), request)
    annotations = {}
    any_language = Q()
    for code in request.languages:
        names = [build_localized_fieldname(name, code) for name in fields]
        condition = Q()
        for needle in query.needles:
            condition &= Q(
                *[Q(**{f"{name}__icontains": needle}) for name in names], _connector=Q.OR
            )
        annotations[f"in_{code}"] = ExpressionWrapper(condition, output_field=BooleanField())
        any_language |= condition
    rows = (
        queryset.filter(any_language)
        .annotate(**annotations, rank=Value(0.0, output_field=FloatField()))
        .order_by(*order_by)
        .values(*values, "rank", *annotations)[: RESULTS_PER_LANGUAGE * len(annotations)]
    )
    found = []
    for row in rows:
        for code in request.languages:
            if row[f"in_{code}"]:
                found.append({**row, "search_language": code})
    return first_language_only(found, request)


def first_language_only(rows, request):
    """
    Each record once, in the first of the reader's languages it matches in,
    best first, at most RESULTS_PER_LANGUAGE per language.
    """
    order = {code: index for index, code in enumerate(request.languages)}
    rows = sorted(rows, key=lambda row: (order[row["search_language"]], -row["rank"]))
    seen, kept, per_language = set(), [], dict.fromkeys(order, 0)
    for row in rows:
        language = row["search_language"]
        if row["pk"] not in seen and per_language[language] < RESULTS_PER_LANGUAGE:
            seen.add(row["pk"])
            per_language[language] += 1
            kept.append(row)
    return kept


def translated(name):
    """`["title_ms", "title_en", "title_ar"]`, for `matching_rows(values=…)`."""
    return [build_localized_fieldname(name, code) for code in LANGUAGE_CODES]


def text_in(row, name, language, reader):
    """
    The text of translated field `name` from `row` in `language`, else in the
    first other language that has it, marked for the reader's language.
    """
    order = [
        language,
        *[code for code in settings.MODELTRANSLATION_FALLBACK_LANGUAGES if code != language],
    ]
    for code in order:
        value = row.get(build_localized_fieldname(name, code))
        if value:
            return LocalizedText(value, code, reader)
    return LocalizedText("", language, reader)


def snippet(text):
    """Plain text of at most SNIPPET_WORDS words, from rich text or plain."""
    if not text:
        return text
    plain = " ".join(html.unescape(strip_tags(text.text)).split())
    return LocalizedText(Truncator(plain).words(SNIPPET_WORDS), text.language, text.requested)
