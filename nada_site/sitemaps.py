"""
The sitemap of every public page, in each language with `hreflang`
alternates. An article is listed only in the languages it is written in.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from international.models import Agreement
from nada_site.models import Page
from news.models import Article, Category, Tag


class MultilingualSitemap(Sitemap):
    """Each item in every language, with links to its other language versions."""

    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(MultilingualSitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "home",
            "international:unit",
            "international:agreement_list",
            "news:list",
            "contact:form",
            "sitemap",
        ]

    def location(self, item):
        return reverse(item)


class PageSitemap(MultilingualSitemap):
    """The pages staff keep (disclaimer, privacy policy…)."""

    changefreq = "monthly"

    def items(self):
        return Page.objects.order_by("order", "id").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class AgreementSitemap(MultilingualSitemap):
    changefreq = "monthly"

    def items(self):
        return Agreement.objects.order_by("slug").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class ArticleSitemap(MultilingualSitemap):
    changefreq = "monthly"

    def items(self):
        return (
            Article.objects.published()
            .order_by("-published_at", "-id")
            .only("slug", "updated_at", "title_ms", "title_en", "title_ar")
        )

    def get_languages_for_item(self, item):
        # An article not written in a language has no page of its own in it.
        return item.available_languages

    def lastmod(self, item):
        return item.updated_at


class CategorySitemap(MultilingualSitemap):
    changefreq = "weekly"

    def items(self):
        return Category.objects.filter(articles__in=Article.objects.published()).distinct()


class TagSitemap(MultilingualSitemap):
    changefreq = "weekly"

    def items(self):
        return Tag.objects.filter(articles__in=Article.objects.published()).distinct()


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "site-pages": PageSitemap,
    "cooperation": AgreementSitemap,
    "news": ArticleSitemap,
    "news-categories": CategorySitemap,
    "news-tags": TagSitemap,
}
