import logging

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Max
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.crypto import get_random_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, TemplateView

from nada_site.localized import localized_names
from nada_site.models import Page
from nada_site.site import site
from nada_site.workflow import PublishedOrPreviewMixin

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    """Introduces the unit and leads to everything the site holds: the apps' home sections."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**site.home_context(self.request), **kwargs)


class PageView(PublishedOrPreviewMixin, DetailView):
    """A page that staff keep up to date, with its questions and answers if it has any."""

    template_name = "pages/page.html"
    context_object_name = "page"
    queryset = Page.objects.prefetch_related("questions").annotate(
        questions_changed_at=Max("questions__updated_at")
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_updated_at"] = self.object.updated_at
        return context


class SiteMapView(TemplateView):
    """A site map for people: every public section and page, in the page's language."""

    template_name = "pages/sitemap.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pages"] = Page.objects.published().only("slug", *localized_names("title"))
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


@never_cache
def minimal(request):
    """The smallest page, for the load benchmark's floor (DJANGO_BENCH=1 only)."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


@never_cache
@require_GET
def healthz(request):
    """
    For the load balancer and monitoring: 200 when the database and the cache
    answer, 503 (and which one failed) otherwise. Never cached.
    """
    checks = {"database": "ok", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database does not answer.")
        checks["database"] = "unavailable"
    try:
        key = "healthz:" + get_random_string(12)
        cache.set(key, "1", timeout=10)
        if cache.get(key) != "1":
            raise ConnectionError("the cache did not return what was stored")
        cache.delete(key)
    except Exception:  # Every cache backend raises its own errors.
        logger.exception("Health check: the cache does not answer.")
        checks["cache"] = "unavailable"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503
    )
