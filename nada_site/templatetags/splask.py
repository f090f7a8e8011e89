from django import template

from nada_site import splask as markers

register = template.Library()


@register.simple_tag
def splask(name, timestamp=None):
    """
    `<form{% splask "feedback-form" %}>`, `<section{% splask "news" timestamp=changed %}>`:
    a SPLaSK marker's attributes (nada_site/splask.py). An empty name writes nothing,
    so a page may pass its own optional marker.
    """
    if not name:
        return ""
    return markers.attributes(name, timestamp)
