from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.generic import DetailView, ListView

from nada_site.localized import language_links, localize
from nada_site.pagination import ForgivingPaginationMixin
from nada_site.workflow import PublishedOrPreviewMixin
from news.images import renditions
from news.models import Article
from news.sections import news_changed_at

# Open Graph locales of the site's languages.
OG_LOCALES = settings.LANGUAGE_OG_LOCALES


class PaginatedListView(ForgivingPaginationMixin, ListView):
    paginate_by = 12
    context_object_name = "articles"


class ArticleListView(PaginatedListView):
    """Published news, newest first."""

    template_name = "news/article_list.html"

    def get_queryset(self):
        return Article.objects.published().for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(news_changed_at=news_changed_at(), **kwargs)


class ArticleGroupView(PaginatedListView):
    """
    The published articles of one category or tag (`group`), newest first.
    The template receives the group under its model's name.
    """

    template_name = "news/article_list.html"
    group = None  # Category or Tag
    article_field = None  # The Article field that leads to the group.

    def get_queryset(self):
        self.group_object = get_object_or_404(self.group, slug=self.kwargs["slug"])
        articles = Article.objects.published().for_listing()
        return articles.filter(**{self.article_field: self.group_object})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context[self.group._meta.model_name] = self.group_object
        return context


class ArticleDetailView(PublishedOrPreviewMixin, DetailView):
    """One article. Staff may preview a draft or a scheduled article; others get a 404."""

    template_name = "news/article_detail.html"
    context_object_name = "article"
    read_also_count = 4

    queryset = Article.objects.select_related("category").prefetch_related("tags", "key_points")

    def get_context_data(self, **kwargs):
        article = self.object
        context = super().get_context_data(**kwargs)
        title = localize(article, "title")
        summary = localize(article, "summary")
        images = renditions(article)
        share_image = self.request.build_absolute_uri(images[-1].url) if images else ""
        context.update(
            title=title,
            summary=summary,
            body=localize(article, "body"),
            key_points_heading=localize(article, "key_points_heading"),
            source_name=localize(article, "source_name"),
            other_languages=self.other_languages(article),
            read_also=self.read_also(article),
            page_updated_at=article.updated_at,
            canonical_url=self.canonical_url(article, title.language),
            share_image=share_image,
            share_image_alt=localize(article, "image_alt") if share_image else "",
            og_locale=OG_LOCALES.get(title.language, ""),
        )
        context["structured_data"] = self.structured_data(context)
        return context

    def canonical_url(self, article, language):
        """The article's address in the language its text is shown in (itself, or a fallback)."""
        with translation.override(language):
            return self.request.build_absolute_uri(article.get_absolute_url())

    def other_languages(self, article):
        """The other languages the article is written in, with its address in each."""

        def address_in(code):
            with translation.override(code):
                return article.get_absolute_url()

        links = language_links(address_in, article.available_languages)
        return [link for link in links if not link["is_current"]]

    def structured_data(self, context):
        """schema.org NewsArticle data for search engines (JSON-LD)."""
        article = self.object
        agency = {
            "@type": "GovernmentOrganization",
            "name": gettext("National Anti-Drugs Agency"),
            "url": self.request.build_absolute_uri(reverse("home")),
        }
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": context["title"].text[:110],
            "inLanguage": context["title"].language,
            "datePublished": article.published_at.isoformat(),
            "dateModified": article.updated_at.isoformat(),
            "mainEntityOfPage": context["canonical_url"],
            "url": context["canonical_url"],
            "author": agency,
            "publisher": agency,
            "articleSection": localize(article.category, "name").text,
        }
        if context["summary"]:
            data["description"] = context["summary"].text
        if context["share_image"]:
            data["image"] = [context["share_image"]]
        keywords = [localize(tag, "name").text for tag in article.tags.all()]
        if any(keywords):
            data["keywords"] = [keyword for keyword in keywords if keyword]
        if article.source_url:
            data["isBasedOn"] = article.source_url
        return data

    def read_also(self, article):
        """Hand-picked related articles first, then the newest on the same tags or category."""
        published = Article.objects.published().for_listing().exclude(pk=article.pk)
        chosen = list(published.filter(pk__in=article.related.values("pk")))
        missing = self.read_also_count - len(chosen)
        if missing > 0:
            # EXISTS rather than a join: no duplicate rows to sort away, so the
            # newest matches come straight from the listing index.
            shares_a_tag = Exists(
                Article.tags.through.objects.filter(
                    article_id=OuterRef("pk"), tag_id__in=[tag.pk for tag in article.tags.all()]
                )
            )
            candidates = published.exclude(pk__in=[item.pk for item in chosen]).filter(
                Q(category_id=article.category_id) | shares_a_tag
            )
            chosen += list(candidates[:missing])
        return chosen[: self.read_also_count]
