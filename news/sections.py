"""
What the news brings to the site's home page and sitemap (nada_site.site).
An article is listed in the sitemap only in the languages it is written in,
one section per language, paged by the database so that no file nears the
limit of 50,000 addresses and a page costs the same however many articles
there are.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import translation

from nada_site.localized import localized_names
from nada_site.site import HomeSection
from nada_site.sitemaps import MultilingualSitemap, SitemapSection
from nada_site.splask import FreshContent, last_change
from news.announcements import splask_timestamp
from news.models import Announcement, Article, Category, Tag

# At most this many current announcements on the home page; the archive has them all.
HOME_ANNOUNCEMENTS = 5


def news_changed_at():
    """When the published news last changed: an edit, or an article appearing at its time."""
    return last_change(Article.objects.published(), "updated_at", "published_at")


FRESH_CONTENT = [
    FreshContent("news", news_changed_at, "news.change_article", "admin:news_article_changelist")
]


def home_context(request):
    return {
        "latest_articles": Article.objects.published().for_listing()[:3],
        "news_changed_at": news_changed_at(),
    }


HOME = HomeSection("news/home_section.html", home_context)


def announcements_context(request):
    """
    The current announcements, newest start first, and the time the latest
    changed of them was last changed (for the `splwpk-broadcast` marker).
    """
    current = list(Announcement.objects.current()[:HOME_ANNOUNCEMENTS])
    changed = max((item.updated_at for item in current), default=None)
    return {
        "current_announcements": current,
        "announcements_timestamp": splask_timestamp(changed),
    }


ANNOUNCEMENTS = HomeSection("news/announcements_section.html", announcements_context)


class ArticleSitemap(SitemapSection):
    """
    The articles written in one language, newest first, each with links to
    its other language versions. Unlike the multilingual sections, it is paged
    by the database rather than in memory.
    """

    language = None
    limit = 1000
    changefreq = "monthly"

    def items(self):
        return (
            Article.objects.published()
            .in_language(self.language)
            .order_by("-published_at", "-id")
            .only("slug", "updated_at", *localized_names("title"))
        )

    def location(self, item, language=None):
        with translation.override(language or self.language):
            return item.get_absolute_url()

    def lastmod(self, item):
        return item.updated_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        default = settings.LANGUAGE_CODE
        for url in urls:
            article = url["item"]
            paths = {code: self.location(article, code) for code in article.available_languages}
            if default in paths:
                paths["x-default"] = paths[default].replace(f"/{default}/", "/", 1)
            url["alternates"] = [
                {"lang_code": code, "location": origin + path} for code, path in paths.items()
            ]
        return urls


def article_sitemap(language):
    return type(f"ArticleSitemap_{language}", (ArticleSitemap,), {"language": language})


class CategorySitemap(MultilingualSitemap):
    changefreq = "weekly"

    def items(self):
        return Category.objects.filter(
            Exists(Article.objects.published().filter(category=OuterRef("pk")))
        )


class TagSitemap(MultilingualSitemap):
    changefreq = "weekly"

    def items(self):
        return Tag.objects.filter(Exists(Article.objects.published().filter(tags=OuterRef("pk"))))


class AnnouncementSitemap(MultilingualSitemap):
    """The announcements the public may read, current and ended, in every language."""

    changefreq = "weekly"

    def items(self):
        return (
            Announcement.objects.public().order_by("-starts_at", "-id").only("slug", "updated_at")
        )

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {
    **{f"news-{code}": article_sitemap(code) for code, _name in settings.LANGUAGES},
    "news-categories": CategorySitemap,
    "news-tags": TagSitemap,
    "announcements": AnnouncementSitemap,
}
