"""
axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation in the admin's forms of
translated content and its lists, with the admin in Malay, English and Arabic.
"""

import pytest

from events.models import Event
from international.models import Agreement
from nada_site.models import Page
from news.models import Announcement
from publications.models import Publication
from tests.browser.conftest import AXE_OPTIONS, LANGUAGES
from tests.browser.test_admin_lists import CHANGE_LISTS, sign_in

pytestmark = pytest.mark.browser

# Violations inside other projects' widgets that our templates, CSS and JS
# cannot mend cleanly: each names the axe rule, the exact selector, and why.
THIRD_PARTY = [
    (
        "nested-interactive",
        '.ui-tabs-nav > li[role="tab"]',
        "jQuery UI Tabs (django-modeltranslation's language tabs) keep each tab's own link, "
        "tabindex -1, inside the element with the tab role; the link is how the widget works",
    ),
    (
        "label",
        ".select2-search__field",
        "select2 (Django's autocomplete widget) adds an unlabelled search box inside its "
        "combobox, and makes it again on every change; the combobox itself is labelled",
    ),
    (
        "list",
        ".select2-selection__rendered",
        "select2 shows the chosen items as a list that also holds its search box in a span",
    ),
    (
        "aria-prohibited-attr",
        ".selector .help-tooltip.search-label-icon",
        "Django's two-box selector (SelectFilter2.js, filter_horizontal) puts its filter "
        "help in an aria-label on a span without a role; the filter box has the same help",
    ),
]
IS_THIRD_PARTY = """([target, selector]) => {
  const element = document.querySelector(target);
  return element !== null && element.matches(selector);
}"""


def admin_axe_violations(axe, page):
    """axe-core's WCAG A/AA violations, but those of THIRD_PARTY, as readable lines."""
    results = axe.run(page, options=AXE_OPTIONS)
    lines = []
    for violation in results.response["violations"]:
        selectors = [selector for rule, selector, _why in THIRD_PARTY if rule == violation["id"]]
        for node in violation["nodes"]:
            target = node["target"][-1]
            if any(page.evaluate(IS_THIRD_PARTY, [target, selector]) for selector in selectors):
                continue
            lines.append(f"{violation['id']}: {node['target']} {node['failureSummary']!r}")
    return lines


def admin_pages(site):
    agreement = Agreement.objects.first()
    page = Page.objects.get(slug="about")
    announcement = Announcement.objects.first()
    publication = Publication.objects.get(kind=Publication.Kind.STATISTICS)
    return {
        "article add form": "/admin/news/article/add/",
        "article change form": f"/admin/news/article/{site.article.pk}/change/",
        "agreement change form": f"/admin/international/agreement/{agreement.pk}/change/",
        "site page change form": f"/admin/nada_site/page/{page.pk}/change/",
        "announcement add form": "/admin/news/announcement/add/",
        "announcement change form": f"/admin/news/announcement/{announcement.pk}/change/",
        "publication change form": f"/admin/publications/publication/{publication.pk}/change/",
        "publications list": "/admin/publications/publication/",
        "event change form": f"/admin/events/event/{Event.objects.first().pk}/change/",
        "site settings form": "/admin/nada_site/sitesettings/",
        **{f"{name} list": path for name, path in CHANGE_LISTS.items()},
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_wcag_violation_in_the_translated_admin(site, page, axe, django_user_model, language):
    sign_in(page, site, django_user_model, language)
    found = {}
    for name, path in admin_pages(site).items():
        response = page.goto(site.url + path)
        assert response.status == 200, name
        assert page.locator("html").get_attribute("lang") == language
        violations = admin_axe_violations(axe, page)
        if violations:
            found[name] = violations
    report = "\n".join(f"{name}:\n  " + "\n  ".join(lines) for name, lines in found.items())
    assert not found, f"axe found WCAG violations in the admin ({language}):\n{report}"
