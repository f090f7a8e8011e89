from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The project package: base templates' tags, shared helpers and commands."""

    name = "nada_site"
    verbose_name = _("Site")

    def ready(self):
        from nada_site import addresses, demo, page_search, pagecache, start_page, translation_state
        from nada_site.site import site

        # The site's own part, first: the home page in the menu, and the pages staff keep.
        site.register(
            self,
            navigation=[(_("Home"), "home")],
            demo=demo.load,
            start_tasks=start_page.TASKS,
            search=[page_search.PROVIDER],
        )
        pagecache.connect_signals()
        addresses.connect_signals(self.apps.get_models())
        translation_state.connect_signals()
