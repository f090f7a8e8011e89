"""
The content checks (nada_site.content_checks) applied to items: every rich
text field of an item and of the parts edited with it (a page's questions
and answers), in every language.

- After a save in the admin, staff see each problem as a warning naming the
  field and its language ("Body (English): an image has no description (alt
  text)"); an Editor's proposal is checked as proposed. The save goes
  through.
- Each item of public content keeps the number of problems it had when it
  was last saved or approved (`Publishable.warning_count`), so the admin's
  start page lists the items with warnings with one count query per kind
  (`content_warnings(user)`), never reading the texts again. A proposal
  does not change the count of the stored item until it is approved.
  `manage.py check_content` counts every item again, for content saved
  before the checks existed or after they change.
"""

from collections import Counter

import reversion
from django.apps import apps
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from nada_site.content_checks import check
from nada_site.localized import field_label, is_translated_original
from nada_site.richtext import SanitizedRichTextField
from nada_site.workflow import graph, is_publishable, permission_name

# The admin list's filter of the items with warnings, and its value.
FILTER_PARAMETER = "warnings"
WITH_WARNINGS = "yes"


def rich_text_fields(model):
    """`(field, language)` for each rich text field of `model` that holds one language's text."""
    for field in model._meta.concrete_fields:
        if isinstance(field, SanitizedRichTextField) and not is_translated_original(
            model, field.name
        ):
            yield field, getattr(field, "language", None)


def has_rich_text(model):
    return any(True for _field in rich_text_fields(model))


def items_of(obj):
    """The item, then the parts it is edited with, as django-reversion follows them."""
    if not reversion.is_registered(type(obj)):
        return [obj]
    parts = [item for item in graph(obj) if item is not obj]
    return [obj, *sorted(parts, key=lambda item: (item._meta.label_lower, str(item.pk)))]


def problems_of(obj):
    """`(where, problem)` for each problem of `obj` and its parts, as stored now."""
    found = []
    for item in items_of(obj):
        for field, language in rich_text_fields(type(item)):
            problems = check(getattr(item, field.attname), language)
            if not problems:
                continue
            where = field_label(field)
            if item is not obj:
                where = _("%(part)s “%(name)s”, %(field)s") % {
                    "part": capfirst(item._meta.verbose_name),
                    "name": Truncator(str(item)).chars(60),
                    "field": where,
                }
            found += [(where, problem) for problem in problems]
    return found


def messages_of(problems):
    """One warning per problem, in the staff member's language; a repeated one says how often."""
    counted = Counter(
        _("%(where)s: %(problem)s") % {"where": where, "problem": problem.message}
        for where, problem in problems
    )
    return [
        message
        if count == 1
        else ngettext("%(message)s (%(count)d time)", "%(message)s (%(count)d times)", count)
        % {"message": message, "count": count}
        for message, count in counted.items()
    ]


def store_count(obj, count):
    """Keep `obj`'s number of problems, without touching anything else (nor the page cache)."""
    if hasattr(obj, "warning_count"):
        type(obj)._base_manager.filter(pk=obj.pk).update(warning_count=count)
        obj.warning_count = count


def recount(obj):
    """Check `obj` and its parts as stored, and keep its number of problems."""
    store_count(obj, len(problems_of(obj)))


def checked_models():
    """The kinds of public content that have rich text."""
    return [model for model in apps.get_models() if is_publishable(model) and has_rich_text(model)]


def content_warnings(user):
    """
    For the admin's start page: for each kind of content that `user` may
    change and that has items with warnings, `{"count": how many items,
    "label": the kind's name in the plural, "url": its admin list showing
    those items}`.
    """
    entries = []
    for model in checked_models():
        if not user.has_perm(permission_name(model, "change")):
            continue
        opts = model._meta
        try:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        except NoReverseMatch:
            continue
        count = model._default_manager.filter(warning_count__gt=0).count()
        if count:
            entries.append(
                {
                    "count": count,
                    "label": str(capfirst(opts.verbose_name_plural)),
                    "url": f"{url}?{FILTER_PARAMETER}={WITH_WARNINGS}",
                }
            )
    return entries


class ContentWarningsFilter(admin.SimpleListFilter):
    """The admin list's filter: the items whose texts had warnings when last saved."""

    title = gettext_lazy("content warnings")
    parameter_name = FILTER_PARAMETER

    def lookups(self, request, model_admin):
        return [
            (WITH_WARNINGS, gettext_lazy("With warnings")),
            ("no", gettext_lazy("Without warnings")),
        ]

    def queryset(self, request, queryset):
        if self.value() == WITH_WARNINGS:
            return queryset.filter(warning_count__gt=0)
        if self.value() == "no":
            return queryset.filter(warning_count=0)
        return queryset
