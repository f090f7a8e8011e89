"""
One rule for the address of every item: its slug, the same in every
language. Staff may type it; when they leave it empty it is made from the
item's text in the first language written in Latin letters that has one
(Malay, then English), cut at a word, and numbered if another item has it.
An item with text only in Arabic gets `<kind>-<random letters>`.
"""

import uuid

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from nada_site.localized import LANGUAGE_CODES, direction

LATIN_LANGUAGES = [code for code in LANGUAGE_CODES if direction(code) == "ltr"]
# Room kept at the end of the longest slug for a number ("-12").
ROOM_FOR_A_NUMBER = 4


def slug_field(help_text, max_length=120, made_when_empty=True):
    """An item's slug: its address, unique among its kind; made by the rule above when left empty."""
    return models.SlugField(
        _("slug"), max_length=max_length, unique=True, blank=made_when_empty, help_text=help_text
    )


def base_slug(instance, source):
    max_length = instance._meta.get_field("slug").max_length - ROOM_FOR_A_NUMBER
    for code in LATIN_LANGUAGES:
        slug = slugify(getattr(instance, build_localized_fieldname(source, code), "") or "")
        if slug:
            if len(slug) > max_length:
                slug = slug[: max_length + 1].rsplit("-", 1)[0]  # cut at a word
            return slug[:max_length].strip("-")
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
