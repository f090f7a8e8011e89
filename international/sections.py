"""What the International Unit brings to the site's home page and sitemap (nada_site.site)."""

from django.db.models import OuterRef, Subquery

from international.models import Agreement, Approach, Objective, UnitProfile
from nada_site.site import HomeSection
from nada_site.sitemaps import MultilingualSitemap
from nada_site.splask import FreshContent, latest


def about_changed_at(profile=None):
    """When the unit's page last changed: its profile, objectives or approaches."""
    profile = profile or UnitProfile.objects.public()
    if profile is None:
        return None
    objectives, approaches = (
        UnitProfile.objects.filter(pk=profile.pk)
        .annotate(objectives=newest(Objective), approaches=newest(Approach))
        .values_list("objectives", "approaches")
        .get()
    )
    return latest(contact_changed_at(profile), objectives, approaches)


def newest(model):
    """The latest change of the profile's items of `model`, as a subquery (one query for both)."""
    items = model.objects.filter(profile=OuterRef("pk")).order_by("-updated_at")
    return Subquery(items.values("updated_at")[:1])


def contact_changed_at(profile=None):
    """When the unit's contact details (on its profile) last changed."""
    profile = profile or UnitProfile.objects.public()
    if profile is None:
        return None
    return latest(profile.updated_at, profile.published_at)


FRESH_CONTENT = [
    FreshContent(
        "about-us",
        about_changed_at,
        "international.change_unitprofile",
        "admin:international_unitprofile_changelist",
    ),
    FreshContent(
        "contact-details",
        contact_changed_at,
        "international.change_unitprofile",
        "admin:international_unitprofile_changelist",
    ),
]


def home_context(request):
    """The unit's introduction and its latest agreements; the page is as fresh as the profile."""
    profile = UnitProfile.objects.public()
    return {
        "profile": profile,
        "latest_agreements": Agreement.objects.for_listing()[:3],
        "page_updated_at": profile.updated_at if profile else None,
        "about_changed_at": about_changed_at(profile),
    }


HOME = HomeSection("international/home_section.html", home_context)


class AgreementSitemap(MultilingualSitemap):
    changefreq = "monthly"

    def items(self):
        return Agreement.objects.published().order_by("slug").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"cooperation": AgreementSitemap}
