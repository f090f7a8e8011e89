import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext, ngettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.generic import FormView, TemplateView

from contact import feedback, ratelimit
from contact.forms import ContactForm, PageFeedbackForm
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


def thanks_for_feedback():
    return gettext("Thank you for your answer. It helps us improve this site.")


def personal_data_removed_note():
    return gettext(
        "We removed from your comment what looked like an email address, a telephone "
        "number or an identity card number, so that it holds no personal data."
    )


@method_decorator(csrf_exempt, name="dispatch")
class PageFeedbackView(View):
    """
    "Was this page useful?": one anonymous answer about one page (see
    contact.feedback for why this post is exempt from the CSRF token and what
    guards it instead). Nothing about the visitor is stored and no cookie is
    set. Without JavaScript the browser is sent to the thank-you page; the
    script (static/js/page-feedback.js) asks for JSON and shows the thanks in
    place.
    """

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if not body_is_readable(request):
            return self.problem(gettext("Your answer is too long to be sent."), 400)
        if not feedback.is_same_origin(request):
            return self.problem(
                gettext("Answers are accepted from this site's own pages only."), 403
            )
        form = PageFeedbackForm(request.POST)
        if not form.is_valid():
            first_error = next(iter(form.errors.values()))[0]
            return self.problem(first_error, 400, page=form.cleaned_data.get("page"))
        # Counted only once the answer is valid, atomically: over the limit, nothing is stored.
        wait = ratelimit.count_feedback(request)
        if wait:
            return self.rate_limited(wait, form.cleaned_data["page"])
        path, language = form.cleaned_data["page"]
        feedback.record_answer(
            path, language, form.cleaned_data["useful"], form.cleaned_data["comment"]
        )
        removed = form.personal_data_removed
        if self.wants_json():
            return JsonResponse(
                {
                    "message": thanks_for_feedback(),
                    "note": personal_data_removed_note() if removed else "",
                },
                status=201,
            )
        query = {"page": path, **({"removed": "1"} if removed else {})}
        # 303: the thank-you page is fetched with GET, and reloading it sends nothing again.
        return HttpResponseRedirect(
            f"{reverse('contact:feedback_thanks')}?{urlencode(query)}", status=303
        )

    def wants_json(self):
        return "application/json" in self.request.headers.get("Accept", "")

    def problem(self, message, status, page=None, extra=None):
        if self.wants_json():
            response = JsonResponse({"message": message}, status=status)
        else:
            response = render(
                self.request,
                "contact/feedback_problem.html",
                {"message": message, "back": page[0] if page else None},
                status=status,
            )
        for header, value in (extra or {}).items():
            response[header] = value
        return response

    def rate_limited(self, wait, page):
        minutes = max(1, -(-wait // 60))
        # The second sentence is the contact form's own ("Please try again in … minutes.").
        again = ngettext(
            "Please try again in %(minutes)s minute.",
            "Please try again in %(minutes)s minutes.",
            minutes,
        ) % {"minutes": minutes}
        message = f"{gettext('You have sent many answers in a short time.')} {again}"
        return self.problem(message, 429, page=page, extra={"Retry-After": str(wait)})


class PageFeedbackThanksView(TemplateView):
    """The thank-you page after an answer sent without JavaScript, with a link back to the page."""

    template_name = "contact/feedback_thanks.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = feedback.resolved_page(self.request.GET.get("page", ""))
        context["back"] = page[0] if page else None
        context["message"] = thanks_for_feedback()
        context["note"] = personal_data_removed_note() if "removed" in self.request.GET else ""
        return context
