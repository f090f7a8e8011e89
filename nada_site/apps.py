from functools import partial

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The project package: base templates' tags, shared helpers and commands."""

    name = "nada_site"
    verbose_name = _("Site")

    def ready(self):
        from nada_site import addresses, demo, pagecache, start_page, translation_state
        from nada_site.models import (
            Marker,
            Page,
            SiteLink,
            SiteSettings,
            SocialAccount,
            forget_site_settings,
        )
        from nada_site.site import site
        from nada_site.splask import MARKERS, FreshContent

        # The pages that stand for fresh content (the FAQ, the client charter…).
        fresh_pages = [
            FreshContent(
                marker,
                partial(Page.objects.changed_at_of, marker),
                "nada_site.change_page",
                "admin:nada_site_page_changelist",
            )
            for marker in Marker.values
            if MARKERS[marker].max_age_days
        ]

        # The site's own part, first: the home page in the menu, and the pages staff keep.
        site.register(
            self,
            navigation=[(_("Home"), "home")],
            demo=demo.load,
            start_tasks=start_page.TASKS,
            fresh_content=fresh_pages,
        )
        pagecache.connect_signals()
        for model in (SiteSettings, SocialAccount, SiteLink):
            for signal in (post_save, post_delete):
                signal.connect(forget_site_settings, sender=model, dispatch_uid=f"settings:{model}")
        addresses.connect_signals(self.apps.get_models())
        translation_state.connect_signals()
