"""
The sitemap of every public page, in each language with `hreflang`
alternates.

/sitemap.xml is an index of sections (/sitemap-<section>.xml): the site's
own (its fixed pages and the pages staff keep) and those the apps register
(nada_site.site). The base classes here serve the apps' sections too. The
index gives no dates: they would cost a query per section.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from nada_site.models import Page
from nada_site.site import site


class SitemapSection(Sitemap):
    """A section of the index, which lists it without a date."""

    def get_latest_lastmod(self):
        return None


class MultilingualSitemap(SitemapSection):
    """Each item in every language, with links to its other language versions."""

    i18n = True
    alternates = True
    x_default = True


class FixedPagesSitemap(MultilingualSitemap):
    """The pages that are not records: the home page, the apps' lists and forms, the site map."""

    changefreq = "weekly"

    def items(self):
        return ["home", *site.fixed_pages, "sitemap"]

    def location(self, item):
        return reverse(item)


class PageSitemap(MultilingualSitemap):
    """The pages staff keep (disclaimer, privacy policy…)."""

    changefreq = "monthly"

    def items(self):
        return Page.objects.published().order_by("order", "id").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


def sitemaps():
    """Every section of the index: the site's own first, then each app's."""
    return {"pages": FixedPagesSitemap, "site-pages": PageSitemap, **site.sitemaps}
