"""
`nada_site` is the core every app uses: it never imports a feature app.
Apps plug in by registering what they bring (nada_site.site).
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings

from nada_site.site import site

CORE = Path(settings.BASE_DIR) / "nada_site"
APPS = ("international", "news", "events", "contact")


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


@pytest.mark.parametrize(
    "path", sorted(CORE.rglob("*.py")), ids=lambda path: str(path.relative_to(CORE))
)
def test_no_core_module_imports_an_app(path):
    imports_an_app = [module for module in imported_modules(path) if module.split(".")[0] in APPS]
    assert imports_an_app == []


def test_each_app_brings_its_addresses_menu_sections_and_demo():
    assert [prefix for prefix, _urlconf in site.urls] == [
        "international/",
        "announcements/",
        "news/",
        "publications/",
        "events/",
        "contact/",
    ]
    assert [name for _label, name in site.navigation] == [
        "home",
        "international:unit",
        "international:agreement_list",
        "news:list",
        "publications:list",
        "events:list",
        "contact:form",
    ]
    assert [section.template for section in site.home_sections] == [
        "international/home_section.html",
        "news/announcements_section.html",
        "news/home_section.html",
    ]
    assert {
        "cooperation",
        "news-ms",
        "news-categories",
        "announcements",
        "publications",
        "events",
    } <= set(site.sitemaps)
    assert len(site.demo) == 5
    # Contact messages are personal data: saving one changes no public page.
    assert site.page_apps == {"nada_site", "international", "news", "publications", "events"}
