from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import pgettext

from nada_site.localized import localize, sort_key
from nada_site.templatetags.localized import lang_attrs

register = template.Library()


@register.simple_tag
def partner_names(partners):
    """
    `{% partner_names agreement.partners.all %}`: the partners' names as a
    list in the page's language; a name shown in another language is marked
    with its own `lang` and `dir`.
    """
    names = []
    for partner in sorted(partners, key=lambda partner: sort_key(partner.display_name)):
        name = localize(partner, "name")
        if name.is_fallback:
            names.append(format_html("<span{}>{}</span>", lang_attrs(name), partner.display_name))
        else:
            names.append(format_html("{}", partner.display_name))
    separator = pgettext("between the items of a list", ", ")
    return format_html_join(separator, "{}", ((name,) for name in names))
