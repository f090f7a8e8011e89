"""
The translation status page of the admin (/admin/translation-status/): for
each kind of public content and each language, how many published items are
complete, missing or out of date (nada_site.translation_state), each number
a link to the admin list showing those items. One query per kind of content.
"""

from django.contrib import admin
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from nada_site.localized import language_name
from nada_site.translation_state import DEFAULT, status_rows


@method_decorator(admin.site.admin_view, name="dispatch")
class TranslationStatusView(TemplateView):
    template_name = "admin/translation_status.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **admin.site.each_context(self.request),
            title=_("Translation status"),
            rows=status_rows(self.request.user),
            default_language=language_name(DEFAULT),
            **kwargs,
        )
