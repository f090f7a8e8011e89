from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from nada_site.feeds import LanguageFeed
from nada_site.localized import localize
from news.models import Article


class LatestArticlesFeed(LanguageFeed):
    """The newest published articles written in the feed's language (one feed per language)."""

    item_count = 20

    def title(self):
        return _("News from the International Unit, National Anti-Drugs Agency")

    def description(self):
        return _("The latest news published by the International Unit.")

    def link(self):
        return reverse("news:list")

    def feed_url(self):
        return reverse("news:feed")

    def items(self):
        return (
            Article.objects.published()
            .in_language(get_language())
            .for_listing()
            .prefetch_related("tags")[: self.item_count]
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
        names = [localize(item.category, "name").text]
        names += [localize(tag, "name").text for tag in item.tags.all()]
        return [name for name in names if name]
