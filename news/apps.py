from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from nada_site.site import site
        from news import announcement_search, demo, search, sections

        # The current announcements come first among the news's parts of the home page.
        site.register(
            self, urls=("announcements/", "news.announcement_urls"), home=sections.ANNOUNCEMENTS
        )
        site.register(
            self,
            urls=("news/", "news.urls"),
            navigation=[(_("News"), "news:list")],
            home=sections.HOME,
            sitemaps=sections.SITEMAPS,
            fixed_pages=["news:list", "announcements:list"],
            demo=demo.load,
            search=[search.PROVIDER, announcement_search.PROVIDER],
            fresh_content=sections.FRESH_CONTENT,
        )
