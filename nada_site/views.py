from django.http import Http404
from django.views.generic import TemplateView

from international.models import Agreement, UnitProfile


class HomeView(TemplateView):
    """Introduces the unit and leads to everything the site holds."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        profile = UnitProfile.objects.first()
        context["profile"] = profile
        context["latest_agreements"] = Agreement.objects.for_listing()[:3]
        context["page_updated_at"] = profile.updated_at if profile else None
        return context


class PageView(TemplateView):
    """The fixed pages linked from the footer (disclaimer, privacy policy)."""

    pages = {"disclaimer", "privacy"}

    def get_template_names(self):
        slug = self.kwargs["slug"]
        if slug not in self.pages:
            raise Http404
        return [f"pages/{slug}.html"]
