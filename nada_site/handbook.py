"""
The staff handbook in the admin (/admin/handbook/), for signed-in staff:
docs/editing.ms.md for a Malay admin, docs/editing.en.md otherwise (the
Arabic admin says so, and marks the text as English, left to right).

The files are Markdown, read with Python-Markdown with its raw HTML
patterns removed, so markup typed in a file is shown as text; the result
then passes the rich text's allow-list (nada_site.richtext) all the same.
"""

from functools import lru_cache
from pathlib import Path

import markdown
import nh3
from django.conf import settings
from django.contrib import admin
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.generic import TemplateView

from nada_site import richtext

DOCS = Path(settings.BASE_DIR) / "docs"
# The handbook's languages; any other admin language reads the English one.
HANDBOOK_LANGUAGES = ("ms", "en")
FALLBACK = "en"
HEADINGS = {"h2", "h3", "h4"}


def handbook_path(language):
    return DOCS / f"editing.{language}.md"


def handbook_language(language):
    return language if language in HANDBOOK_LANGUAGES else FALLBACK


def clean(html):
    """The rich text's allow-list, and the headings' anchors for the contents."""
    attributes = {name: set(value) for name, value in richtext.ALLOWED_ATTRIBUTES.items()}
    for heading in HEADINGS:
        attributes[heading] = richtext.GLOBAL_ATTRIBUTES | {"id"}
    return nh3.clean(
        html,
        tags=richtext.ALLOWED_TAGS | {"pre"},
        attributes=attributes,
        url_schemes=richtext.URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def converted(text):
    """`(contents, html)`: Markdown to HTML with no raw HTML from the text, then cleaned."""
    converter = markdown.Markdown(extensions=["tables", "sane_lists", "toc"])
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    html = converter.convert(text)
    return clean(converter.toc), clean(html)


def to_html(text):
    return converted(text)[1]


@lru_cache(maxsize=8)
def rendered(path, modified):
    """`(title, contents, html)` of one handbook file: its first line `# Title`, then the rest."""
    text = path.read_text(encoding="utf-8")
    first, _newline, rest = text.partition("\n")
    return (first.lstrip("#").strip(), *converted(rest))


def handbook(language):
    path = handbook_path(handbook_language(language))
    return rendered(path, path.stat().st_mtime_ns)


class HandbookView(TemplateView):
    """The handbook, inside the admin and in its language (see the module's docstring)."""

    template_name = "admin/handbook.html"

    def get_context_data(self, **kwargs):
        language = get_language()
        title, contents, html = handbook(language)
        return {
            **super().get_context_data(**kwargs),
            **admin.site.each_context(self.request),
            "title": title,
            "contents": mark_safe(contents),  # noqa: S308  # nosec B308, B703
            "handbook": mark_safe(html),  # noqa: S308  # nosec B308, B703
            "handbook_language": handbook_language(language),
            "in_other_language": handbook_language(language) != language,
        }


handbook_view = admin.site.admin_view(HandbookView.as_view())
