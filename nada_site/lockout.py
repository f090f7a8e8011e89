"""The page a locked-out admin login gets from django-axes (AXES_LOCKOUT_CALLABLE)."""

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import admin
from django.shortcuts import render


def locked_out(request, original_response=None, credentials=None):
    """Says, in the staff member's language, that signing in is locked and for how long."""
    cool_off = get_cool_off(request)
    context = {
        **admin.site.each_context(request),
        "cooloff_minutes": max(int(cool_off.total_seconds() // 60), 1),
    }
    return render(
        request, "admin/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
