"""What the International Unit brings to the site's home page and sitemap (nada_site.site)."""

from international.models import Agreement, UnitProfile
from nada_site.site import HomeSection
from nada_site.sitemaps import MultilingualSitemap


def home_context(request):
    """The unit's introduction and its latest agreements; the page is as fresh as the profile."""
    profile = UnitProfile.objects.public()
    return {
        "profile": profile,
        "latest_agreements": Agreement.objects.for_listing()[:3],
        "page_updated_at": profile.updated_at if profile else None,
    }


HOME = HomeSection("international/home_section.html", home_context)


class AgreementSitemap(MultilingualSitemap):
    changefreq = "monthly"

    def items(self):
        return Agreement.objects.published().order_by("slug").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"cooperation": AgreementSitemap}
