from django import template
from django.conf import settings

from nada_site.two_factor import has_second_factor

register = template.Library()


@register.simple_tag(takes_context=True)
def second_factor_offered(context):
    """
    Whether an admin page should offer the second factor to the staff member
    viewing it: where it is not required, to those who have none yet.
    """
    request = context.get("request")
    if settings.TWO_FACTOR_REQUIRED or request is None or not context.get("has_permission"):
        return False
    user = request.user
    if getattr(user, "is_verified", lambda: False)():
        return False
    return not has_second_factor(user)
