"""
Rich text: the editor's field, and the server-side clean-up every value gets.

Whatever the editor (or a script, or a fixture) sends, only the allow-listed
markup below is stored. `dir` and `lang` survive so that staff can mark a
passage in another language or direction.
"""

import nh3
from ckeditor_uploader.fields import RichTextUploadingField

from nada_site.localized import is_translated_original

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "em",
    "figcaption", "figure", "h2", "h3", "h4", "hr", "i", "img", "li", "ol",
    "p", "s", "span", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "u", "ul",
}  # fmt: skip
GLOBAL_ATTRIBUTES = {"dir", "lang", "title"}
ALLOWED_ATTRIBUTES = {
    "*": GLOBAL_ATTRIBUTES,
    "a": GLOBAL_ATTRIBUTES | {"href"},
    "img": GLOBAL_ATTRIBUTES | {"src", "alt", "width", "height"},
    "ol": GLOBAL_ATTRIBUTES | {"start"},
    "td": GLOBAL_ATTRIBUTES | {"colspan", "rowspan"},
    "th": GLOBAL_ATTRIBUTES | {"colspan", "rowspan", "scope"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(value):
    """Return `value` with everything outside the allow-list removed."""
    if not value:
        return value
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


class SanitizedRichTextField(RichTextUploadingField):
    """
    A rich text field whose value is cleaned with nh3 on every save, whoever
    saves it. (The admin's editor of a right-to-left translation writes right
    to left: see nada_site.translated_admin.)

    On a translated model each language's field (`body_ms`, `body_en`, …) is
    a copy of this field and cleans its own value. The untranslated field
    (`body`) only reads: django-modeltranslation answers it with the current
    language's text, or another language's as a fallback, and writing that
    back would copy one language's text into another language's field.
    """

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        if not is_translated_original(type(model_instance), self.attname):
            setattr(model_instance, self.attname, value)
        return value
