from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = _("Publications")

    def ready(self):
        from nada_site.site import site
        from publications import demo, search, sections

        site.register(
            self,
            urls=("publications/", "publications.urls"),
            navigation=[(_("Publications"), "publications:list")],
            sitemaps=sections.SITEMAPS,
            fixed_pages=["publications:list"],
            demo=demo.load,
            search=[search.PROVIDER],
        )
