from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from nada_site.feeds import LanguageFeed
from nada_site.localized import localize
from publications.models import Publication


class LatestPublicationsFeed(LanguageFeed):
    """The newest published publications with a title in the feed's language (one feed per language)."""

    item_count = 20

    def title(self):
        return _("Publications of the International Unit, National Anti-Drugs Agency")

    def description(self):
        return _("Reports, statistics, agreement texts and speeches of the International Unit.")

    def link(self):
        return reverse("publications:list")

    def feed_url(self):
        return reverse("publications:feed")

    def items(self):
        title = build_localized_fieldname("title", get_language())
        return (
            Publication.objects.public()
            .exclude(**{title: ""})
            .exclude(**{f"{title}__isnull": True})
            .order_by("-published_at", "-id")[: self.item_count]
        )

    def item_title(self, item):
        return localize(item, "title").text

    def item_text(self, item):
        return localize(item, "summary").text

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_kind_display()]
