"""
The state of each language of a translated item: filled, missing, or older
than the default language's text (Malay changed since this language was last
changed).

- When a language's text last changed is kept per item and language
  (`TranslationChange`), by one pair of signals on every model registered
  with django-modeltranslation: whatever saves the item (the admin, the
  approval of a proposal, the restoring of a revision, the demo content, a
  raw save included) compares the texts of each language with the
  fingerprint stored for it and, when they differ, records the time. A
  workflow rehearsal's records are rolled back with the rest of it.
- An item's *key fields* in a language are what it needs to exist in that
  language: those its translation options name as `complete_fields` (an
  article's title, summary and body), or else the fields required in the
  default language, or else those the model never leaves blank, or else its
  first translated field. The admin lists' languages column reads the same. An item is *missing* in a language when one of them is empty
  there, *out of date* when it is not missing and the default language's
  text changed after this language's, and *complete* otherwise.
- `states_queryset()` annotates a queryset with both, for the admin lists'
  filter (`TranslationFilter`) and the counts of the translation status page
  and the start page (`translation_gaps()`), one query per kind of content.
"""

import hashlib

from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.db.models.signals import post_delete, post_save
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from nada_site.localized import LANGUAGE_CODES, language_name
from nada_site.models import TranslationChange
from nada_site.workflow import Status, is_publishable, permission_name

DEFAULT = settings.LANGUAGE_CODE
OTHER_LANGUAGES = [code for code in LANGUAGE_CODES if code != DEFAULT]

FILLED = "filled"
MISSING = "missing"
OUTDATED = "outdated"

# The admin lists' filter, its values, and what the status page links to.
FILTER_PARAMETER = "translation"
INCOMPLETE = "incomplete"
STATUS_PUBLISHED = {"status__exact": Status.PUBLISHED}


def translated_fields(model):
    """The names of `model`'s translated fields, in the model's order; [] if it has none."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    names = set(options.fields)
    return [field.name for field in model._meta.fields if field.name in names]


def key_fields(model):
    """The translated fields an item needs to exist in a language (see the module's docstring)."""
    fields = translated_fields(model)
    if not fields:
        return []
    options = translator.get_options_for_model(model)
    declared = getattr(options, "complete_fields", ())
    if declared:
        return list(declared)
    required = options.required_languages
    if isinstance(required, dict):
        named = set(required.get(DEFAULT, ()))
        if named:
            return [name for name in fields if name in named]
    elif DEFAULT in required:
        return fields
    never_blank = [name for name in fields if not model._meta.get_field(name).blank]
    return never_blank or fields[:1]


def is_empty(value):
    return value is None or not str(value).strip()


# Recording when each language changed.


def normalized(value):
    """A text as it reads: no text is the empty text, and a line ends the same way from any form."""
    return str(value or "").replace("\r\n", "\n").strip()


def digest(obj, fields, language):
    values = [
        (name, normalized(getattr(obj, build_localized_fieldname(name, language))))
        for name in fields
    ]
    return hashlib.sha256(repr(values).encode()).hexdigest()


def record_changes(sender, instance, raw=False, using=None, update_fields=None, **kwargs):
    """After a save: note the time for each language whose texts differ from those last noted."""
    fields = translated_fields(sender)
    if update_fields is not None:
        changed = {name.rsplit("_", 1)[0] for name in update_fields} | set(update_fields)
        if not changed & set(fields):
            return
    content_type = ContentType.objects.db_manager(using).get_for_model(
        sender, for_concrete_model=False
    )
    rows = TranslationChange.objects.using(using).filter(
        content_type=content_type, object_id=str(instance.pk)
    )
    stored = {row.language: row for row in rows}
    now = timezone.now()
    for code in LANGUAGE_CODES:
        fingerprint = digest(instance, fields, code)
        row = stored.get(code)
        if row is None:
            TranslationChange.objects.using(using).create(
                content_type=content_type,
                object_id=str(instance.pk),
                language=code,
                digest=fingerprint,
                changed_at=now,
            )
        elif row.digest != fingerprint:
            rows.filter(pk=row.pk).update(digest=fingerprint, changed_at=now)


def forget_changes(sender, instance, using=None, **kwargs):
    content_type = ContentType.objects.db_manager(using).get_for_model(
        sender, for_concrete_model=False
    )
    TranslationChange.objects.using(using).filter(
        content_type=content_type, object_id=str(instance.pk)
    ).delete()


def connect_signals():
    for model in translator.get_registered_models(abstract=False):
        uid = f"translation_state:{model._meta.label_lower}"
        post_save.connect(record_changes, sender=model, dispatch_uid=uid)
        post_delete.connect(forget_changes, sender=model, dispatch_uid=uid)


# The state of one item, for its form's tabs.


def changed_times(model, pks):
    """`{(pk as text, language): when it last changed}` for the items `pks` of `model`."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    rows = TranslationChange.objects.filter(
        content_type=content_type, object_id__in=[str(pk) for pk in pks]
    ).values_list("object_id", "language", "changed_at")
    return {(object_id, language): changed_at for object_id, language, changed_at in rows}


def outdated_languages(pk, times):
    """The languages in which the default language's text changed after theirs."""
    default_time = times.get((str(pk), DEFAULT))
    if default_time is None:
        return set()
    return {
        code
        for code in OTHER_LANGUAGES
        if times.get((str(pk), code)) is not None and times[(str(pk), code)] < default_time
    }


# The state of many items, in the database.


def missing_condition(model, language):
    names = [build_localized_fieldname(name, language) for name in key_fields(model)]
    condition = Q()
    for name in names:
        condition |= Q(**{name: ""}) | Q(**{f"{name}__isnull": True})
    return condition


def changed_at_subquery(model, language):
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    return Subquery(
        TranslationChange.objects.filter(
            content_type=content_type,
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
            language=language,
        ).values("changed_at")[:1]
    )


def states_queryset(queryset):
    """
    `queryset` with, per language, `translation_missing_<code>` and (besides
    the default language) `translation_outdated_<code>` usable in filters
    and counts through `condition()`.
    """
    model = queryset.model
    annotations = {
        f"translation_changed_{code}": changed_at_subquery(model, code) for code in LANGUAGE_CODES
    }
    return queryset.annotate(**annotations)


def condition(model, language, state):
    """The Q of items of `model` (annotated by `states_queryset`) in `state` in `language`."""
    missing = missing_condition(model, language)
    if state == MISSING:
        return missing
    if language == DEFAULT:
        # The default language is never older than itself.
        return ~missing if state == FILLED else None
    default_time, own_time = f"translation_changed_{DEFAULT}", f"translation_changed_{language}"
    if state == OUTDATED:
        return ~missing & Q(**{f"{default_time}__gt": F(own_time)})
    # Complete: filled, and not older (an item with no record counts as up to date).
    return ~missing & (
        Q(**{f"{default_time}__lte": F(own_time)})
        | Q(**{f"{default_time}__isnull": True})
        | Q(**{f"{own_time}__isnull": True})
    )


def incomplete_condition(model):
    """Missing or out of date in some language."""
    found = Q()
    for code in LANGUAGE_CODES:
        found |= condition(model, code, MISSING)
        if code != DEFAULT:
            found |= condition(model, code, OUTDATED)
    return found


class TranslationFilter(admin.SimpleListFilter):
    """The admin lists' filter: the items missing a language, out of date in it, or complete."""

    title = _("translation")
    parameter_name = FILTER_PARAMETER

    def lookups(self, request, model_admin):
        default_name = language_name(DEFAULT)
        choices = [(INCOMPLETE, _("Missing or out of date in some language"))]
        for code in LANGUAGE_CODES:
            name = language_name(code)
            choices.append((f"{MISSING}-{code}", _("Missing in %(language)s") % {"language": name}))
            if code != DEFAULT:
                choices.append(
                    (
                        f"{OUTDATED}-{code}",
                        _("%(language)s older than the %(default)s text")
                        % {"language": name, "default": default_name},
                    )
                )
            choices.append((f"{FILLED}-{code}", _("Complete in %(language)s") % {"language": name}))
        return choices

    def queryset(self, request, queryset):
        value = self.value() or ""
        model = queryset.model
        if value == INCOMPLETE:
            return states_queryset(queryset).filter(incomplete_condition(model))
        state, _sep, code = value.partition("-")
        if state not in (FILLED, MISSING, OUTDATED) or code not in LANGUAGE_CODES:
            return queryset
        if state == OUTDATED and code == DEFAULT:
            return queryset.none()
        return states_queryset(queryset).filter(condition(model, code, state))


def filter_value(state, language):
    return f"{state}-{language}"


# The counts, per kind of content.


def status_models(user):
    """The kinds of public content with translated texts in the admin that `user` may see."""
    models = []
    for model in translator.get_registered_models(abstract=False):
        if not is_publishable(model) or model not in admin.site._registry:
            continue
        if not key_fields(model):
            continue
        if user.has_perm(permission_name(model, "view")) or user.has_perm(
            permission_name(model, "change")
        ):
            models.append(model)
    return sorted(models, key=lambda model: str(model._meta.verbose_name_plural))


def changelist_url(model, **params):
    opts = model._meta
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    except NoReverseMatch:
        return ""
    query = "&".join(f"{name}={value}" for name, value in params.items())
    return f"{url}?{query}" if query else url


def published(model):
    return model._default_manager.filter(status=Status.PUBLISHED)


def counts(model):
    """
    For the published items of `model`: `{"total", "incomplete", (language,
    state): count}`, in one query.
    """
    aggregates = {
        "total": Count("pk"),
        "incomplete": Count("pk", filter=incomplete_condition(model)),
    }
    for code in LANGUAGE_CODES:
        for state in (FILLED, MISSING, OUTDATED):
            if state == OUTDATED and code == DEFAULT:
                continue
            aggregates[f"{state}_{code}"] = Count("pk", filter=condition(model, code, state))
    values = states_queryset(published(model)).aggregate(**aggregates)
    result = {"total": values.pop("total"), "incomplete": values.pop("incomplete")}
    for key, count in values.items():
        state, code = key.split("_", 1)
        result[(code, state)] = count
    return result


def status_rows(user):
    """What the translation status page shows: per kind, per language, each state's count and list."""
    rows = []
    for model in status_models(user):
        found = counts(model)
        languages = []
        for code in LANGUAGE_CODES:
            cells = []
            for state in (FILLED, MISSING, OUTDATED):
                if state == OUTDATED and code == DEFAULT:
                    cells.append(None)
                    continue
                cells.append(
                    {
                        "state": state,
                        "count": found[(code, state)],
                        "url": changelist_url(
                            model,
                            **STATUS_PUBLISHED,
                            **{FILTER_PARAMETER: filter_value(state, code)},
                        ),
                    }
                )
            languages.append({"code": code, "name": language_name(code), "cells": cells})
        rows.append(
            {
                "label": capfirst(model._meta.verbose_name_plural),
                "total": found["total"],
                "url": changelist_url(model, **STATUS_PUBLISHED),
                "languages": languages,
            }
        )
    return rows


def translation_gaps(user):
    """
    For the admin's start page: for each kind of public content that `user`
    may change and that has published items missing a language or out of
    date in one, `{"count": how many items, "label": the kind's name in the
    plural, "url": its admin list showing those items}`. One query per kind.
    """
    entries = []
    for model in status_models(user):
        if not user.has_perm(permission_name(model, "change")):
            continue
        url = changelist_url(model, **STATUS_PUBLISHED, **{FILTER_PARAMETER: INCOMPLETE})
        if not url:
            continue
        count = states_queryset(published(model)).filter(incomplete_condition(model)).count()
        if count:
            entries.append(
                {
                    "count": count,
                    "label": str(capfirst(model._meta.verbose_name_plural)),
                    "url": url,
                }
            )
    return entries
