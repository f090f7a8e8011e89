from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.static import serve as static_serve

from nada_site import uploads, views
from nada_site.sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", admin.site.urls),
    path("ckeditor/upload/", uploads.upload_image, name="ckeditor_upload"),
    path("ckeditor/browse/", uploads.browse_images, name="ckeditor_browse"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap_xml",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("international/", include("international.urls")),
    path("pages/<slug:slug>/", views.PageView.as_view(), name="page"),
    path("sitemap/", views.SiteMapView.as_view(), name="sitemap"),
    path("news/", include("news.urls")),
    path("contact/", include("contact.urls")),
)

if settings.BENCHMARK_VIEWS:
    # The floor of the load benchmark (bench/load.py): a view through every middleware.
    urlpatterns += [path("bench/minimal/", views.minimal, name="bench_minimal")]
    # In production the proxy serves the uploads; the benchmark's server has no proxy.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", static_serve, {"document_root": settings.MEDIA_ROOT})
    ]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "nada_site.errors.bad_request"
handler403 = "nada_site.errors.permission_denied"
handler404 = "nada_site.errors.page_not_found"
handler500 = "nada_site.errors.server_error"
