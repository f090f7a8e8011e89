"""What the events bring to the site's sitemap (nada_site.site)."""

from events.models import Event
from nada_site.sitemaps import MultilingualSitemap


class EventSitemap(MultilingualSitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().order_by("slug").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"events": EventSitemap}
