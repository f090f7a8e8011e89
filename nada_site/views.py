from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, TemplateView

from international.models import Agreement, UnitProfile
from nada_site.models import Page
from news.models import Article


class HomeView(TemplateView):
    """Introduces the unit and leads to everything the site holds."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        profile = UnitProfile.objects.first()
        context["profile"] = profile
        context["latest_agreements"] = Agreement.objects.for_listing()[:3]
        context["latest_articles"] = Article.objects.published().for_listing()[:3]
        context["page_updated_at"] = profile.updated_at if profile else None
        return context


class PageView(DetailView):
    """A page that staff keep up to date, with its questions and answers if it has any."""

    template_name = "pages/page.html"
    context_object_name = "page"

    def get_queryset(self):
        return Page.objects.prefetch_related("questions")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_updated_at"] = self.object.updated_at
        return context


class SiteMapView(TemplateView):
    """A site map for people: every public section and page, in the page's language."""

    template_name = "pages/sitemap.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pages"] = Page.objects.only("slug", "title_ms", "title_en", "title_ar")
        return context


@require_GET
def robots_txt(request):
    """Crawlers may read every public page; the sitemap lists them."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /ckeditor/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap_xml'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
