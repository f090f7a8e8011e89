import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.generic import FormView, TemplateView

from contact import ratelimit
from contact.forms import ContactForm
from contact.mail import notify
from contact.models import new_reference
from international.models import UnitProfile

logger = logging.getLogger(__name__)

# The session remembers the reference of the visitor's own last message, so
# the confirmation page shows it to them and to no one else.
SESSION_KEY = "contact_reference"


def retention_context():
    days = settings.CONTACT_RETENTION_DAYS
    return {"retention_days": days, "retention_years": days // 365 if days % 365 == 0 else None}


class ContactFormView(FormView):
    """The contact form. A valid message is saved, then the unit and the sender are emailed."""

    template_name = "contact/form.html"
    form_class = ContactForm
    http_method_names = ["get", "head", "post", "options"]

    def post(self, request, *args, **kwargs):
        wait = ratelimit.seconds_until_allowed(request)
        if wait:
            return rate_limited(request, wait)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        # Counted here, atomically: only a message that takes a place within the limit goes on.
        wait = ratelimit.count_message(self.request)
        if wait:
            return rate_limited(self.request, wait)
        if form.is_from_software():
            logger.info("Contact form: a filled hidden field, the message was dropped.")
            reference = new_reference()
        else:
            reference = self.save_message(form).reference
        self.request.session[SESSION_KEY] = reference
        return redirect("contact:thanks")

    def save_message(self, form):
        message = form.save(commit=False)
        message.language = get_language()
        for _attempt in range(3):
            try:
                with transaction.atomic():
                    message.save()

                    # Sent once the message is safely stored; a failure is recorded, not raised.
                    # (A function of its own: Django names a failed robust callback by
                    # its __qualname__, which a functools.partial does not have.)
                    def notify_the_unit(pk=message.pk):
                        notify(pk)

                    transaction.on_commit(notify_the_unit, robust=True)
                return message
            except IntegrityError:  # The random reference was taken: draw another.
                message.pk = None
                message.reference = new_reference()
        raise IntegrityError("No free contact message reference after three draws.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["profile"] = UnitProfile.objects.public()
        context.update(retention_context())
        return context


_protected_form_view = csrf_protect(ContactFormView.as_view())


def body_is_readable(request):
    """False when the body is over Django's limits (DATA_UPLOAD_MAX_MEMORY_SIZE, field count)."""
    try:
        if int(request.META.get("CONTENT_LENGTH") or 0) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            return False
        request.POST  # noqa: B018  Parsing the body enforces the limits.
    except (ValueError, RequestDataTooBig, TooManyFieldsSent):
        return False
    return True


@csrf_exempt  # The CSRF check is made inside, once the body is known to be readable.
def contact_form(request, *args, **kwargs):
    """
    The form, with an oversized post answered by a clear page in the visitor's
    language. The body is read here first: the CSRF middleware would otherwise
    meet the oversized body and answer with a bare error.
    """
    if request.method == "POST" and not body_is_readable(request):
        return render(request, "contact/too_large.html", status=400)
    return _protected_form_view(request, *args, **kwargs)


@method_decorator(never_cache, name="dispatch")
class ThanksView(TemplateView):
    """The confirmation, reached by redirect after a message is accepted."""

    template_name = "contact/thanks.html"

    def get(self, request, *args, **kwargs):
        if not request.session.get(SESSION_KEY):
            return redirect("contact:form")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["reference"] = self.request.session[SESSION_KEY]
        return context


def rate_limited(request, wait):
    minutes = max(1, -(-wait // 60))
    response = render(
        request,
        "contact/rate_limited.html",
        {"minutes": minutes, "profile": UnitProfile.objects.public()},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response
