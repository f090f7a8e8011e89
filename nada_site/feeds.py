"""What every feed of the site shares: its language, and descriptions that read as text."""

from django.contrib.syndication.views import Feed
from django.utils.html import escape, linebreaks
from django.utils.translation import get_language


class LanguageFeed(Feed):
    """
    A feed in the request's language (one feed per language), which says so.
    A feed reader reads an item's description as HTML: `item_text()` gives
    it as plain text, which `item_description()` escapes once, so that the
    reader shows it as typed, a `<b>` included.
    """

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = get_language()
        return feed

    def item_text(self, item):
        raise NotImplementedError

    def item_description(self, item):
        return linebreaks(escape(self.item_text(item)))
