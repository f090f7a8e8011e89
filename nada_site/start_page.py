"""
The admin's start page, "What needs you": the tasks of the site's own part.
Each app adds its own through `site.register(start_tasks=…)` (contact's
unanswered messages, for one); every provider takes the user and returns
`StartTask`s, and only what the user may act on, each counted with a fixed
number of queries whatever the number of items.

- Reviews: a Publisher's items awaiting review; an Editor's items sent back
  and proposed changes not yet submitted (their author is on the review).
- Drafts: an item of public content keeps no author (a draft belongs to the
  team: any Editor may pick it up), so the drafts listed are those of each
  kind of content the user may change, linked to that kind's list of drafts.
  What one Editor proposed is on the reviews, which do name their author.
- Scheduled: published items whose publication time is still to come, for
  those who may publish (and so move or withdraw them), the next few by
  time, in Malaysia time.
- Content warnings: `nada_site.content_warnings.content_warnings(user)`.
- Translation gaps: `nada_site.translation_state.translation_gaps(user)`,
  the published items missing a language or out of date in one, of each
  kind the user may change; the translation status page has the detail.
- The SPLaSK assessment (nada_site/splask.py): each content that must stay
  fresh and is older than its limit, for those who may change it, read from
  the database as the pages' timestamps are (one small query each); and each
  marker missing at the last run of `splask_report`, for those who may
  change the site settings (one query: the stored check, never a crawl).
"""

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from nada_site import splask
from nada_site.content_warnings import content_warnings
from nada_site.models import Marker, MarkerCheck, ReviewRequest
from nada_site.site import StartTask, site
from nada_site.translation_state import translation_gaps
from nada_site.workflow import Status, can_publish, is_publishable, permission_name

# How many of the scheduled items of one kind the start page names.
SCHEDULED_SHOWN = 5


def admin_url(model, view="changelist", *args):
    opts = model._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)
    except NoReverseMatch:
        return None


def kind_name(model):
    return str(capfirst(model._meta.verbose_name_plural))


def publishable_models():
    return [model for model in apps.get_models() if is_publishable(model)]


def review_tasks(user):
    """The reviews' tasks, in the words the catalogues already translate."""
    # The reviews' admin module registers itself; it is read once the admin is.
    from nada_site.review_admin import pending_for, proposals_of, returned_to

    reviews = reverse("admin:nada_site_reviewrequest_changelist")
    states = ReviewRequest.State
    awaiting = pending_for(user).count()
    yield StartTask(
        ngettext(
            "%(counter)s item awaits your review", "%(counter)s items await your review", awaiting
        )
        % {"counter": awaiting},
        awaiting,
        f"{reviews}?{urlencode({'state__exact': states.PENDING})}",
    )
    mine = {"author__id__exact": user.pk}
    returned = returned_to(user).count()
    yield StartTask(
        ngettext(
            "%(counter)s item was sent back to you",
            "%(counter)s items were sent back to you",
            returned,
        )
        % {"counter": returned},
        returned,
        f"{reviews}?{urlencode({'state__exact': states.RETURNED, **mine})}",
    )
    proposals = proposals_of(user).count()
    yield StartTask(
        ngettext(
            "%(counter)s of your changes is not yet submitted for review",
            "%(counter)s of your changes are not yet submitted for review",
            proposals,
        )
        % {"counter": proposals},
        proposals,
        f"{reviews}?{urlencode({'state__exact': states.DRAFT, **mine})}",
    )


def draft_tasks(user):
    for model in publishable_models():
        url = admin_url(model)
        if url is None or not user.has_perm(permission_name(model, "change")):
            continue
        count = model._default_manager.filter(status=Status.DRAFT).count()
        yield StartTask(
            ngettext("%(kind)s: %(count)d draft", "%(kind)s: %(count)d drafts", count)
            % {"kind": kind_name(model), "count": count},
            count,
            f"{url}?{urlencode({'status__exact': Status.DRAFT})}",
        )


def scheduled_tasks(user):
    now = timezone.now()
    for model in publishable_models():
        url = admin_url(model)
        if url is None or not can_publish(user, model):
            continue
        scheduled = model._default_manager.filter(status=Status.PUBLISHED, published_at__gt=now)
        count = scheduled.count()
        if not count:
            continue
        items = tuple(
            (str(item), admin_url(model, "change", item.pk), item.published_at)
            for item in scheduled.order_by("published_at", "pk")[:SCHEDULED_SHOWN]
        )
        query = {"status__exact": Status.PUBLISHED, "published_at__gt": now.isoformat()}
        yield StartTask(
            ngettext(
                "%(kind)s: %(count)d scheduled for later",
                "%(kind)s: %(count)d scheduled for later",
                count,
            )
            % {"kind": kind_name(model), "count": count},
            count,
            f"{url}?{urlencode(query)}",
            items,
        )


def warning_tasks(user):
    for entry in content_warnings(user):
        yield StartTask(
            ngettext(
                "%(kind)s: %(count)d item with content warnings",
                "%(kind)s: %(count)d items with content warnings",
                entry["count"],
            )
            % {"kind": entry["label"], "count": entry["count"]},
            entry["count"],
            entry["url"],
        )


def translation_tasks(user):
    for entry in translation_gaps(user):
        yield StartTask(
            ngettext(
                "%(kind)s: %(count)d published item missing a language or out of date in one",
                "%(kind)s: %(count)d published items missing a language or out of date in one",
                entry["count"],
            )
            % {"kind": entry["label"], "count": entry["count"]},
            entry["count"],
            entry["url"],
        )


def splask_tasks(user):
    now = timezone.now()
    for content in site.fresh_content.values():
        if not user.has_perm(content.permission):
            continue
        when = content.changed_at()
        if when is None or not splask.is_stale(content.marker, when, now):
            continue
        marker = splask.marker(content.marker)
        yield StartTask(
            ngettext(
                "Refresh %(content)s (%(marker)s): unchanged for %(days)d day",
                "Refresh %(content)s (%(marker)s): unchanged for %(days)d days",
                splask.age_in_days(when, now),
            )
            % {
                "content": marker.description,
                "marker": marker.attribute,
                "days": splask.age_in_days(when, now),
            },
            1,
            reverse(content.admin_url_name),
        )
    if not user.has_perm("nada_site.change_sitesettings"):
        return
    settings_url = reverse("admin:nada_site_sitesettings_changelist")
    check = MarkerCheck.objects.order_by("-checked_at").first()
    if check is None:
        yield StartTask(
            _("The assessment markers have not been checked yet: run splask_report."),
            1,
            settings_url,
        )
        return
    pages_url = reverse("admin:nada_site_page_changelist")
    for name in splask.MARKERS:
        if name not in check.found:
            marker = splask.MARKERS[name]
            # A page stands for some markers (its own field); the settings hold the links.
            yield StartTask(
                _("Assessment marker missing from the site: %(marker)s (%(content)s)")
                % {"marker": marker.attribute, "content": marker.description},
                1,
                pages_url if name in Marker.values else settings_url,
            )


TASKS = [
    review_tasks,
    draft_tasks,
    scheduled_tasks,
    warning_tasks,
    translation_tasks,
    splask_tasks,
]
