"""
One rule for the address of every item: its slug, the same in every
language. Staff may type it or change it; when they leave it empty it is made
from the item's text (its title or name) in the first language that has one,
the default language (Malay) first and then the others in settings order,
written in Latin letters (anyascii), cut at a word, numbered if another item
of its kind has it, and never one of the kind's reserved words. So an
article written only in Arabic gets an address that can be read, such as
`zyrh-mdyryh-mkfhh-lmkhdrt`. Only an item without any such text gets
`<kind>-<random letters>`.

When the slug of something public changes, its old address leads to the new
one: nada_site.addresses.
"""

import uuid

from anyascii import anyascii
from django.conf import settings
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from nada_site.localized import LANGUAGE_CODES

# The languages a slug is made from, in this order.
SOURCE_LANGUAGES = [
    settings.LANGUAGE_CODE,
    *[code for code in LANGUAGE_CODES if code != settings.LANGUAGE_CODE],
]
# Room kept at the end of the longest slug for a number ("-12").
ROOM_FOR_A_NUMBER = 4


def slug_field(help_text, max_length=120):
    """An item's slug: its address, unique among its kind; made by the rule above when left empty."""
    return models.SlugField(
        _("slug"), max_length=max_length, unique=True, blank=True, help_text=help_text
    )


def slug_from_text(text, max_length):
    """`text` in Latin letters as a slug of at most `max_length` characters, cut at a word."""
    # Django's slugify drops the apostrophes anyascii writes for the hamza and
    # the ayn, so that each Arabic word stays one word.
    slug = slugify(anyascii(text or ""))
    if len(slug) > max_length:
        slug = slug[: max_length + 1].rsplit("-", 1)[0]  # cut at a word
    return slug[:max_length].strip("-")


def base_slug(instance, source):
    max_length = instance._meta.get_field("slug").max_length - ROOM_FOR_A_NUMBER
    for code in SOURCE_LANGUAGES:
        localized = build_localized_fieldname(source, code)
        slug = slug_from_text(getattr(instance, localized, None), max_length)
        if slug:
            return slug
    return f"{instance._meta.model_name}-{uuid.uuid4().hex[:8]}"


def unique_slug(instance, source, reserved=()):
    """A slug for `instance` from its `source` field, unused by its other items and not reserved."""
    base = base_slug(instance, source)
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    slug, counter = base, 2
    while slug in reserved or others.filter(slug=slug).exists():
        slug = f"{base}-{counter}"
        counter += 1
    return slug


class SlugFromMixin:
    """A model whose empty slug is filled by the rule above, from `slug_source`, on save."""

    slug_source = "title"
    reserved_slugs = frozenset()

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.slug_source, self.reserved_slugs)
        super().save(*args, **kwargs)
