from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The project package: base templates' tags, shared helpers and commands."""

    name = "nada_site"
    verbose_name = _("Site")

    def ready(self):
        from nada_site import pagecache

        pagecache.connect_signals()
