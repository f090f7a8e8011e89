"""
What each app brings to the site, registered from its `AppConfig.ready()`:
its addresses, its entries in the main navigation, its sections of the home
page and of the sitemap, its fixed pages, its demo content, its tasks on the
admin's start page, its providers of the site search, its content that must
stay fresh for the SPLaSK assessment (`nada_site.splask.FreshContent`), and
whether its changes refresh the cached pages. `nada_site` builds the site
from this and never imports an app, as `django.contrib.sitemaps` knows nothing of the
models it is handed. `news/apps.py` shows a registration; README, "How an
app plugs in", the whole of it.

A new kind of content then plugs in with one app and one line in
`INSTALLED_APPS`. (An app's scheduled items need no registration: every
`nada_site.workflow.Publishable` model counts for the page cache.)
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class HomeSection:
    """A section of the home page: its template, and what it needs from the database."""

    template: str
    context: Callable  # request -> dict, merged into the page's context


@dataclass(frozen=True)
class StartTask:
    """
    One line of the admin's start page ("What needs you"): what to do, how
    many, and the admin list that shows them. `items` may name a few of them,
    each `(label, url, when)`, `when` an aware datetime or None.
    """

    label: str
    count: int
    url: str
    items: tuple = ()


class Site:
    def __init__(self):
        self.urls = []  # (prefix, URLconf module), under each language's prefix
        self.navigation = []  # (label, URL name), in the main menu's order
        self.home_sections = []
        self.sitemaps = {}  # section name -> Sitemap class
        self.fixed_pages = []  # URL names of pages without a record, for the sitemap
        self.demo = []  # callables that create the demo records still missing
        self.page_apps = set()  # labels of the apps whose changes refresh the cached pages
        # Callables user -> iterable of StartTask, in the start page's order. Each
        # runs a fixed number of queries, whatever the number of items.
        self.start_tasks = []
        # nada_site.search.SearchProvider: one per type of result of the site search.
        self.search_providers = []
        # nada_site.splask.FreshContent, by marker name: when each fresh content last changed.
        self.fresh_content = {}

    def register(
        self,
        app_config,
        *,
        urls=None,
        navigation=(),
        home=None,
        sitemaps=None,
        fixed_pages=(),
        demo=None,
        start_tasks=(),
        search=(),
        fresh_content=(),
        refreshes_pages=True,
    ):
        if urls:
            self.urls.append(urls)
        self.navigation += list(navigation)
        if home:
            self.home_sections.append(home)
        self.sitemaps.update(sitemaps or {})
        self.fixed_pages += list(fixed_pages)
        if demo:
            self.demo.append(demo)
        self.start_tasks += list(start_tasks)
        self.search_providers = sorted(
            [*self.search_providers, *search], key=lambda provider: provider.order
        )
        for content in fresh_content:
            self.fresh_content[content.marker] = content
        if refreshes_pages:
            self.page_apps.add(app_config.label)

    def tasks_for(self, user):
        """
        What `user` may act on now, for the start page: the tasks with something
        to do. A provider may also hand back mappings with the same keys
        (`{"label": …, "count": …, "url": …}`), as `content_warnings()` does.
        """
        tasks = []
        for provider in self.start_tasks:
            for task in provider(user):
                task = task if isinstance(task, StartTask) else StartTask(**task)
                if task.count:
                    tasks.append(task)
        return tasks

    def home_context(self, request):
        context = {"home_sections": self.home_sections}
        for section in self.home_sections:
            context.update(section.context(request))
        return context


site = Site()
