"""The site's own pages and their questions and answers in the site search (nada_site.search)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nada_site import search

PAGE_FIELDS = (("title", "A"), ("body", "C"))
QUESTION_FIELDS = (("question", "A"), ("answer", "B"))


def search_pages(request):
    """The published pages, then the questions of published pages, matching the request."""
    from nada_site.models import Page, Question

    pages = Page.objects.published()
    questions = Question.objects.filter(page__in=Page.objects.published().values("pk"))
    if request.date_from:
        pages = pages.filter(updated_at__date__gte=request.date_from)
        questions = questions.filter(page__updated_at__date__gte=request.date_from)
    if request.date_to:
        pages = pages.filter(updated_at__date__lte=request.date_to)
        questions = questions.filter(page__updated_at__date__lte=request.date_to)
    reader = request.language
    results = []
    for row in search.matching_rows(
        pages,
        request,
        fields=[name for name, _weight in PAGE_FIELDS],
        values=["slug", "updated_at", *search.translated("title"), *search.translated("body")],
        order_by=("-updated_at", "-id"),
    ):
        language = row["search_language"]
        results.append(
            search.SearchResult(
                type="pages",
                title=search.text_in(row, "title", language, reader),
                summary=search.snippet(search.text_in(row, "body", language, reader)),
                url=reverse("page", kwargs={"slug": row["slug"]}),
                date=row["updated_at"],
                rank=row["rank"],
                match_language=language,
            )
        )
    for row in search.matching_rows(
        questions,
        request,
        fields=[name for name, _weight in QUESTION_FIELDS],
        values=[
            "page__slug",
            "page__updated_at",
            *search.translated("question"),
            *search.translated("answer"),
        ],
        order_by=("-page__updated_at", "order", "-id"),
    ):
        language = row["search_language"]
        page_url = reverse("page", kwargs={"slug": row["page__slug"]})
        results.append(
            search.SearchResult(
                type="pages",
                title=search.text_in(row, "question", language, reader),
                summary=search.snippet(search.text_in(row, "answer", language, reader)),
                url=f"{page_url}#question-{row['pk']}",
                date=row["page__updated_at"],
                rank=row["rank"],
                match_language=language,
            )
        )
    return results


PROVIDER = search.SearchProvider(
    type="pages", label=_("Pages and questions"), search=search_pages, order=20
)
