from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InternationalConfig(AppConfig):
    name = "international"
    verbose_name = _("International Unit")

    def ready(self):
        from international import demo, search, sections
        from nada_site.site import site

        site.register(
            self,
            urls=("international/", "international.urls"),
            navigation=[
                (_("International Unit"), "international:unit"),
                (_("International Cooperation"), "international:agreement_list"),
            ],
            home=sections.HOME,
            sitemaps=sections.SITEMAPS,
            fixed_pages=["international:unit", "international:agreement_list"],
            demo=demo.load,
            search=[search.PROVIDER],
            fresh_content=sections.FRESH_CONTENT,
        )
