"""
Where contact messages are sent: the unit profile's email. Changing it would
send personal data elsewhere, so only Administrators may, on a page of its
own; the old and the new address are both told, and the audit trail keeps
who did it.
"""

import logging

import reversion
from django import forms
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from nada_site import audit

logger = logging.getLogger(__name__)


class InboxForm(forms.Form):
    email = forms.EmailField(
        label=_("Send contact messages to"),
        help_text=_("Every message sent through the contact form goes to this address."),
    )


def change_inbox(profile, email, request):
    old = profile.email
    if email == old:
        return
    profile.email = email
    with reversion.create_revision():
        reversion.set_user(request.user)
        reversion.set_comment(_("Changed where contact messages are sent."))
        profile.save(update_fields=["email", "updated_at"])
    audit.record(audit.Action.INBOX_CHANGED, request.user, profile, f"{old} → {email}")
    context = {"old": old, "new": email, "who": request.user.get_username()}
    subject = " ".join(render_to_string("international/email/inbox_subject.txt", context).split())
    body = render_to_string("international/email/inbox_body.txt", context)
    for address in {old, email} - {""}:
        try:
            send_mail(subject, body, None, [address])
        except Exception:  # The change holds; the audit trail has it.
            logger.exception("Could not tell %s that the inbox address changed.", address)
