from django import template

from contact.feedback import page_token

register = template.Library()


@register.simple_tag(takes_context=True)
def page_feedback_token(context):
    """The signed path of the page being rendered, for its feedback form (contact.feedback)."""
    return page_token(context["request"].path_info)
