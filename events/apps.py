from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from events import demo, search, sections
        from nada_site.site import site

        site.register(
            self,
            urls=("events/", "events.urls"),
            navigation=[(_("Events"), "events:list")],
            sitemaps=sections.SITEMAPS,
            fixed_pages=["events:list"],
            demo=demo.load,
            search=[search.PROVIDER],
        )
