"""
Staff sign in with a second factor: a code from an authenticator app (TOTP)
or a single-use backup code, with django-two-factor-auth on django-otp.

- The admin's login is two-factor's `LoginView`, shown as an admin page. A
  refused code counts as a failed sign-in for django-axes, like a wrong
  password, and once the user name is locked out from the address no code
  signs in.
- With TWO_FACTOR_REQUIRED, `SecondFactorRequiredMiddleware` keeps staff who
  have not passed the second factor in this session out of the admin and the
  editor's URLs: to the setup without a device, to the sign-in with one.
- `reset_second_factor()` removes a user's devices when one is lost; the
  Users admin and `manage.py reset_second_factor` call it.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_credentials, get_lockout_response
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from two_factor import views as two_factor_views
from two_factor.plugins.registry import registry
from two_factor.utils import default_device

from nada_site.audit import Action, record

PROTECTED_PATHS = ("/admin/", "/ckeditor/")
# What a staff member who has not passed the second factor may still reach.
OPEN_VIEWS = {
    "two_factor:login",
    "two_factor:setup",
    "two_factor:qr",
    "two_factor:setup_complete",
    "two_factor:backup_tokens",
    "admin:logout",
    "admin:jsi18n",
}
DEVICE_MODELS = (TOTPDevice, StaticDevice)


def has_second_factor(user):
    """Whether the user has set up an authenticator app (two-factor's default device)."""
    return default_device(user) is not None


def has_second_factor_condition():
    """`has_second_factor()` as a condition on a queryset of users (the Users admin)."""
    return Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True, name="default"))


def reset_second_factor(user, actor):
    """
    Remove the user's authenticator app and backup codes, so that they set up
    a new second factor when they next sign in, and record who did it (`actor`
    is None from a command). Returns how many devices were removed.
    """
    with transaction.atomic():
        removed = 0
        for model in DEVICE_MODELS:
            _total, per_model = model.objects.filter(user=user).delete()
            removed += per_model.get(model._meta.label, 0)
        record(Action.SECOND_FACTOR_RESET, actor=actor, obj=user)
    return removed


class SecondFactorRequiredMiddleware:
    """
    With TWO_FACTOR_REQUIRED, a signed-in staff member reaches the admin and
    the editor's upload and browse views only after passing the second factor
    in this session. Without a device they are sent to set one up; with one,
    to sign in with its code. The sign-in, sign-out and setup pages stay open.
    Goes after django-otp's OTPMiddleware, which tells whether the session is
    verified.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.TWO_FACTOR_REQUIRED or not request.path_info.startswith(PROTECTED_PATHS):
            return None
        user = request.user
        if not (user.is_authenticated and user.is_staff) or user.is_verified():
            return None
        if request.resolver_match.view_name in OPEN_VIEWS:
            return None
        if not has_second_factor(user):
            return redirect("two_factor:setup")
        return redirect_to_login(request.get_full_path(), "two_factor:login")


class AdminPageMixin:
    """Two-factor's pages as admin pages: the admin's header, links and language, no sidebar."""

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        return {
            **admin.site.each_context(self.request),
            "is_nav_sidebar_enabled": False,
            "two_factor_required": settings.TWO_FACTOR_REQUIRED,
            **context,
        }


class LoginView(AdminPageMixin, two_factor_views.LoginView):
    """
    The admin's sign-in: the password, then a code when the user has set up a
    second factor. django-axes counts a refused code as a failed sign-in, and
    a locked-out user name gets the lockout page whatever code it sends.
    """

    CODE_STEPS = (two_factor_views.LoginView.TOKEN_STEP, two_factor_views.LoginView.BACKUP_STEP)

    def credentials(self):
        return get_credentials(self.get_user().get_username())

    def post(self, *args, **kwargs):
        posted_step = self.request.POST.get(f"{self.prefix}-current_step")
        # The password step asks axes itself (its authentication backend).
        if posted_step != self.AUTH_STEP and self.get_user():
            credentials = self.credentials()
            if not AxesProxyHandler.is_allowed(self.request, credentials):
                return get_lockout_response(self.request, None, credentials)
        return super().post(*args, **kwargs)

    def get_form(self, step=None, **kwargs):
        form = super().get_form(step=step, **kwargs)
        if (step or self.steps.current) == self.TOKEN_STEP:
            # Phones show a keypad for the six digits.
            form.fields["otp_token"].widget.attrs["inputmode"] = "numeric"
        return form

    def render(self, form=None, **kwargs):
        if (
            form is not None
            and form.is_bound
            and self.steps.current in self.CODE_STEPS
            and form.errors
            and form["otp_token"].value()
        ):
            user_login_failed.send(
                sender=self.__class__, credentials=self.credentials(), request=self.request
            )
        return super().render(form, **kwargs)


class SetupView(AdminPageMixin, two_factor_views.SetupView):
    """Setting up an authenticator app: a QR code, the same key as text, then a first code."""

    def get_form(self, step=None, **kwargs):
        form = super().get_form(step=step, **kwargs)
        if "token" in form.fields:
            # Read from the top: the key comes before the field for its first code.
            form.fields["token"].widget.attrs.pop("autofocus", None)
        return form

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form, **kwargs)
        if "secret_key" in context:
            key = context["secret_key"]
            # In groups of four, easier to read out and type.
            context["secret_key_grouped"] = " ".join(key[i : i + 4] for i in range(0, len(key), 4))
        return context


class SetupCompleteView(AdminPageMixin, two_factor_views.SetupCompleteView):
    pass


class BackupTokensView(AdminPageMixin, two_factor_views.BackupTokensView):
    pass


class ProfileView(AdminPageMixin, two_factor_views.ProfileView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context["default_device"]:
            method = registry.method_from_device(context["default_device"])
            context["primary_method"] = method.verbose_name
        return context


class DisableView(AdminPageMixin, two_factor_views.DisableView):
    """
    Turning the second factor off, only where it is offered rather than
    required; recorded in the audit trail like a reset.
    """

    def dispatch(self, request, *args, **kwargs):
        if settings.TWO_FACTOR_REQUIRED:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        reset_second_factor(self.request.user, actor=self.request.user)
        return redirect(self.success_url)


QRGeneratorView = two_factor_views.QRGeneratorView
