from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.static import serve as static_serve

from nada_site import handbook, search_views, two_factor, uploads, views
from nada_site.site import site
from nada_site.sitemaps import sitemaps
from nada_site.translation_status import TranslationStatusView

SITEMAPS = sitemaps()

# The admin's sign-in and the staff's own two-factor pages, under /admin/ and
# ahead of the admin's URLs, so that /admin/login/ is two-factor's login.
two_factor_patterns = (
    [
        path("login/", two_factor.LoginView.as_view(), name="login"),
        path("two-factor/", two_factor.ProfileView.as_view(), name="profile"),
        path("two-factor/setup/", two_factor.SetupView.as_view(), name="setup"),
        path("two-factor/setup/qr-code/", two_factor.QRGeneratorView.as_view(), name="qr"),
        path(
            "two-factor/setup/complete/",
            two_factor.SetupCompleteView.as_view(),
            name="setup_complete",
        ),
        path(
            "two-factor/backup-codes/", two_factor.BackupTokensView.as_view(), name="backup_tokens"
        ),
        path("two-factor/disable/", two_factor.DisableView.as_view(), name="disable"),
    ],
    "two_factor",
)

urlpatterns = [
    path("admin/", include(two_factor_patterns)),
    # The staff handbook, inside the admin, for signed-in staff only.
    path("admin/handbook/", handbook.handbook_view, name="handbook"),
    path(
        "admin/translation-status/",
        TranslationStatusView.as_view(),
        name="translation_status",
    ),
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
    path("pages/<slug:slug>/", views.PageView.as_view(), name="page"),
    path("sitemap/", views.SiteMapView.as_view(), name="sitemap"),
    path("search/", search_views.SearchView.as_view(), name="search"),
    path("search/advanced/", search_views.AdvancedSearchView.as_view(), name="advanced_search"),
    # Each app's addresses, as it registered them (nada_site.site).
    *[path(prefix, include(urlconf)) for prefix, urlconf in site.urls],
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
