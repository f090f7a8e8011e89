"""
The sitemap of every public page, in each language with `hreflang`
alternates. An article is listed only in the languages it is written in.

/sitemap.xml is an index of sections (/sitemap-<section>.xml); the news has
a section per language, paged in the database, so that no file nears the
limit of 50,000 addresses and a page costs the same however many articles
there are. The index gives no dates: they would cost a query per section.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import translation

from international.models import Agreement
from nada_site.models import Page
from news.models import Article, Category, Tag


class SitemapSection(Sitemap):
    """A section of the index, which lists it without a date."""

    def get_latest_lastmod(self):
        return None


class MultilingualSitemap(SitemapSection):
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
        return Page.objects.published().order_by("order", "id").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class AgreementSitemap(MultilingualSitemap):
    changefreq = "monthly"

    def items(self):
        return Agreement.objects.published().order_by("slug").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class ArticleSitemap(SitemapSection):
    """
    The articles written in one language, newest first, each with links to
    its other language versions. Unlike the multilingual sections, it is paged
    by the database rather than in memory.
    """

    language = None
    limit = 1000
    changefreq = "monthly"

    def items(self):
        return (
            Article.objects.published()
            .in_language(self.language)
            .order_by("-published_at", "-id")
            .only("slug", "updated_at", "title_ms", "title_en", "title_ar")
        )

    def location(self, item, language=None):
        with translation.override(language or self.language):
            return item.get_absolute_url()

    def lastmod(self, item):
        return item.updated_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        default = settings.LANGUAGE_CODE
        for url in urls:
            article = url["item"]
            paths = {code: self.location(article, code) for code in article.available_languages}
            if default in paths:
                paths["x-default"] = paths[default].replace(f"/{default}/", "/", 1)
            url["alternates"] = [
                {"lang_code": code, "location": origin + path} for code, path in paths.items()
            ]
        return urls


def article_sitemap(language):
    return type(f"ArticleSitemap_{language}", (ArticleSitemap,), {"language": language})


class CategorySitemap(MultilingualSitemap):
    changefreq = "weekly"

    def items(self):
        return Category.objects.filter(
            Exists(Article.objects.published().filter(category=OuterRef("pk")))
        )


class TagSitemap(MultilingualSitemap):
    changefreq = "weekly"

    def items(self):
        return Tag.objects.filter(Exists(Article.objects.published().filter(tags=OuterRef("pk"))))


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "site-pages": PageSitemap,
    "cooperation": AgreementSitemap,
    **{f"news-{code}": article_sitemap(code) for code, _name in settings.LANGUAGES},
    "news-categories": CategorySitemap,
    "news-tags": TagSitemap,
}
