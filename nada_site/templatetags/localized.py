from django import template
from django.utils.html import format_html

from nada_site.localized import localize

register = template.Library()


@register.simple_tag
def localized(obj, field):
    """`{% localized article "title" as title %}`: the text and the language it is in."""
    return localize(obj, field)


@register.filter
def lang_attrs(value):
    """
    ` lang="…" dir="…"` for text shown in another language than the page's;
    nothing when the text is in the page's language.
    """
    if getattr(value, "is_fallback", False):
        return format_html(' lang="{}" dir="{}"', value.language, value.direction)
    return ""
