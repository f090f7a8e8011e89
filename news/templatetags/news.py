import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from nada_site.localized import localize
from news.images import renditions

register = template.Library()

# Characters that must not appear raw inside a <script> element.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.inclusion_tag("includes/news_image.html")
def news_image(article, sizes="100vw", eager=False, caption=False):
    """
    The article's image with its responsive renditions, or nothing when it has none.
    Images below the fold load lazily; pass `eager` for one the reader sees at once.
    """
    items = renditions(article)
    if not items:
        return {"image": None}
    default = next((item for item in items if item.width >= 640), items[-1])
    return {
        "image": default,
        "srcset": ", ".join(f"{item.url} {item.width}w" for item in items),
        "sizes": sizes,
        "lazy": not eager,
        "alt": localize(article, "image_alt"),
        "caption": localize(article, "image_caption") if caption else None,
    }


@register.simple_tag
def json_ld(data):
    """`data` as JSON that is safe inside `<script type="application/ld+json">`."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    # JSON_SCRIPT_ESCAPES writes <, > and & as \\u escapes: the text cannot end the element.
    return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308  # nosec B308, B703
