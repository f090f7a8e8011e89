"""What the publications bring to the site's sitemap (nada_site.site)."""

from nada_site.sitemaps import MultilingualSitemap
from publications.models import Publication


class PublicationSitemap(MultilingualSitemap):
    """Each published publication in every language, with links to its other language versions."""

    changefreq = "monthly"

    def items(self):
        return Publication.objects.public().order_by("slug").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"publications": PublicationSitemap}
