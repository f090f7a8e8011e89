"""
The acts of the publishing workflow (see nada_site.workflow): submit,
publish, withdraw, approve, send back and discard. Each one is recorded in
the audit trail and tells the people it concerns. The admin's forms, list
actions and review page all call these, so every path follows the same rules.
"""

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from nada_site import audit, content_warnings, notifications
from nada_site.models import Notification, ReviewRequest
from nada_site.workflow import Status, apply, can_publish, publishers_of

Action = audit.Action
State = ReviewRequest.State
Kind = ReviewRequest.Kind


def open_review(obj):
    """The item's review still in the works (being prepared, awaiting review, or sent back), if any."""
    return ReviewRequest.objects.for_object(obj).open().first()


def has_open_change(obj):
    review = open_review(obj)
    return review is not None and review.kind == Kind.CHANGE


def edits_wait_for_review(user, obj):
    """
    An Editor's edit of an item the public sees (or that has a change in the
    works) becomes a proposal; a Publisher's edit, or any edit of a draft, is
    saved as it is.
    """
    if obj is None or obj.pk is None or can_publish(user, type(obj)):
        return False
    return obj.is_live or has_open_change(obj)


def new_review(obj, kind, user):
    return ReviewRequest(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        kind=kind,
        state=State.DRAFT,
        author=user,
    )


def save_proposal(obj, entries, user, object_repr):
    """Keep the Editor's change to a published item aside, as the item's open review."""
    review = open_review(obj) or new_review(obj, Kind.CHANGE, user)
    review.payload = entries
    review.object_repr = object_repr[:200]
    if review.author_id is None:
        review.author = user
    review.save()
    return review


def set_status(obj, status):
    """Change the status without touching the rest (nor the public pages when it is not public)."""
    type(obj)._default_manager.filter(pk=obj.pk).update(status=status)
    obj.status = status


def submit(obj, request):
    """
    Ask the Publishers to publish a draft, or to approve the change proposed
    for a published item. Returns the review, or None when there is nothing
    to submit (a published item with no change).
    """
    review = open_review(obj)
    if obj.is_live or (review is not None and review.kind == Kind.CHANGE):
        if review is None:
            return None
    else:
        if review is None:
            review = new_review(obj, Kind.PUBLICATION, request.user)
        review.object_repr = str(obj)[:200]
        set_status(obj, Status.REVIEW)
    if review.state == State.PENDING:
        return review
    review.state = State.PENDING
    review.submitted_at = timezone.now()
    review.save()
    audit.record(Action.SUBMITTED, request.user, obj)
    notifications.notify(
        publishers_of(type(obj)).exclude(pk=request.user.pk),
        review,
        Notification.Event.AWAITS_REVIEW,
        request,
    )
    return review


def close(review, state, request, comment=""):
    review.state = state
    review.reviewer = request.user
    review.reviewed_at = timezone.now()
    review.comment = comment
    review.save()


def status_changed(obj, old_status, request):
    """After a Publisher saved `obj`: record a publication or a withdrawal, and close its review."""
    if obj.status == old_status:
        return
    if obj.status == Status.PUBLISHED:
        detail = ""
        if obj.is_scheduled:
            detail = _("Scheduled for %(time)s") % {
                "time": date_format(timezone.localtime(obj.published_at), "DATETIME_FORMAT")
            }
        audit.record(Action.PUBLISHED, request.user, obj, detail)
        review = open_review(obj)
        if review is not None and review.kind == Kind.PUBLICATION:
            close(review, State.APPROVED, request)
            notify_author(review, Notification.Event.APPROVED, request)
    elif old_status == Status.PUBLISHED:
        audit.record(Action.WITHDRAWN, request.user, obj)
    if old_status == Status.REVIEW and obj.status != Status.PUBLISHED:
        # Taken out of review by a Publisher: the request to publish it is over.
        review = open_review(obj)
        if review is not None and review.kind == Kind.PUBLICATION:
            close(review, State.RETURNED, request)
            notify_author(review, Notification.Event.SENT_BACK, request)


def save_with_revision(obj, user, comment):
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(comment)
        obj.save()
        reversion.add_to_revision(obj)


def publish(obj, request):
    """Publish (or schedule, when its time is in the future) an item, as a Publisher."""
    old_status = obj.status
    obj.status = Status.PUBLISHED
    obj.was_published = True
    save_with_revision(obj, request.user, _("Published."))
    status_changed(obj, old_status, request)


def withdraw(obj, request):
    """Take a published or scheduled item off the site, as a Publisher."""
    old_status = obj.status
    obj.status = Status.WITHDRAWN
    save_with_revision(obj, request.user, _("Withdrawn from the site."))
    status_changed(obj, old_status, request)


@transaction.atomic
def approve(review, request):
    """Publish the new item, or apply the proposed change to the published one."""
    obj = review.model._default_manager.select_for_update().get(pk=review.object_id)
    if review.kind == Kind.PUBLICATION:
        publish(obj, request)
        return obj
    apply(obj, review.payload, for_real=True)
    obj.refresh_from_db()
    author = review.author.get_username() if review.author else ""
    save_with_revision(
        obj, request.user, _("Approved the change proposed by %(author)s.") % {"author": author}
    )
    content_warnings.recount(obj)
    close(review, State.APPROVED, request)
    audit.record(Action.APPROVED, request.user, obj)
    notify_author(review, Notification.Event.APPROVED, request)
    return obj


def send_back(review, request, comment):
    """Return the item to its Editor with what to change; the public sees no difference."""
    obj = review.content_object
    close(review, State.RETURNED, request, comment)
    if review.kind == Kind.PUBLICATION and obj is not None and obj.status == Status.REVIEW:
        set_status(obj, Status.DRAFT)
    audit.record(Action.SENT_BACK, request.user, obj, comment, object_repr=review.object_repr)
    notify_author(review, Notification.Event.SENT_BACK, request)


def discard(review, request):
    """Drop a proposed change (or a request to publish); the item stays as it is stored."""
    obj = review.content_object
    close(review, State.DISCARDED, request, review.comment)
    if review.kind == Kind.PUBLICATION and obj is not None and obj.status == Status.REVIEW:
        set_status(obj, Status.DRAFT)


def item_deleted(obj):
    """A deleted item has nothing left to review."""
    ReviewRequest.objects.for_object(obj).open().update(state=State.DISCARDED)


def notify_author(review, event, request):
    if review.author_id and review.author_id != request.user.pk:
        notifications.notify([review.author], review, event, request)
