from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from nada_site import uploads, views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("ckeditor/upload/", uploads.upload_image, name="ckeditor_upload"),
    path("ckeditor/browse/", uploads.browse_images, name="ckeditor_browse"),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("international/", include("international.urls")),
    path("pages/<slug:slug>/", views.PageView.as_view(), name="page"),
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
