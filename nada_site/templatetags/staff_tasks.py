"""The admin start page: what needs this staff member now (nada_site/start_page.py)."""

from django import template
from django.urls import reverse

from nada_site.notifications import unread_for
from nada_site.site import site

register = template.Library()


@register.inclusion_tag("admin/includes/staff_tasks.html", takes_context=True)
def staff_tasks(context):
    user = context["request"].user
    notices = unread_for(user).select_related("review")[:10]
    return {
        "tasks": site.tasks_for(user),
        "notifications": [
            {
                "notice": notice,
                "url": reverse("admin:nada_site_reviewrequest_change", args=[notice.review_id]),
            }
            for notice in notices
        ],
        "csrf_token": context.get("csrf_token"),
    }
