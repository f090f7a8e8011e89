from django import template
from django.utils.html import format_html

from events.times import when
from nada_site.localized import localize
from nada_site.templatetags.localized import lang_attrs

register = template.Library()


@register.inclusion_tag("includes/event_when.html")
def event_when(event):
    """The event's dates and times, in Malaysia time and in the venue's (events/times.py)."""
    city = localize(event, "city")
    city_html = format_html("<span{}>{}</span>", lang_attrs(city), city) if city else ""
    return {"when": when(event), "city": city_html}
