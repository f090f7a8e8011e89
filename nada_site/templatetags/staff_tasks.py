"""The admin start page: what needs this staff member now."""

from django import template
from django.urls import reverse

from nada_site.models import ReviewRequest
from nada_site.notifications import unread_for
from nada_site.review_admin import pending_for, proposals_of, returned_to

register = template.Library()


@register.inclusion_tag("admin/includes/staff_tasks.html", takes_context=True)
def staff_tasks(context):
    user = context["request"].user
    reviews = reverse("admin:nada_site_reviewrequest_changelist")
    states = ReviewRequest.State
    tasks = [
        (pending_for(user), f"{reviews}?state__exact={states.PENDING}", "awaiting"),
        (
            returned_to(user),
            f"{reviews}?state__exact={states.RETURNED}&author__id__exact={user.pk}",
            "returned",
        ),
        (
            proposals_of(user),
            f"{reviews}?state__exact={states.DRAFT}&author__id__exact={user.pk}",
            "proposals",
        ),
    ]
    counted = {name: {"count": queryset.count(), "url": url} for queryset, url, name in tasks}
    notices = unread_for(user).select_related("review")[:10]
    return {
        **counted,
        "notifications": [
            {
                "notice": notice,
                "url": reverse("admin:nada_site_reviewrequest_change", args=[notice.review_id]),
            }
            for notice in notices
        ],
        "csrf_token": context.get("csrf_token"),
    }
