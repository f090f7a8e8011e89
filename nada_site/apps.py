from functools import partial

from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_save
from django.templatetags.static import static
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def name_models(app_label, names):
    """
    Give the models of a third-party app names staff understand, in gettext:
    `names` maps a model name to its (singular, plural). Only the admin's
    labels change: migrations read the names the app declares.
    """
    app_config = apps.get_app_config(app_label)
    for model_name, (singular, plural) in names.items():
        opts = app_config.get_model(model_name)._meta
        opts.verbose_name, opts.verbose_name_plural = singular, plural


def boolean_icon(value):
    """
    The admin's yes/no/unknown icon, its text alternative in the staff
    member's language: Django's own writes "True", "False" or "None".
    """
    icon, text = {
        True: ("yes", _("Yes")),
        False: ("no", _("No")),
        None: ("unknown", _("Unknown")),
    }[value]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), text)


def _relationship(from_, to, message):
    return gettext(message) % {"from": from_, "to": to}


def name_relationships():
    """
    The tables behind many-to-many fields, named in the language of whoever
    reads them (the admin's delete pages list them): Django names them once,
    in the language active when it loads the models.
    """
    for model in apps.get_models():
        for field in model._meta.local_many_to_many:
            opts = field.remote_field.through._meta
            if not opts.auto_created:
                continue
            from_, to = model._meta.model_name, field.remote_field.model._meta.model_name
            if from_ == to:
                from_, to = f"from_{from_}", f"to_{to}"
            opts.verbose_name = lazy(_relationship, str)(from_, to, "%(from)s-%(to)s relationship")
            opts.verbose_name_plural = lazy(_relationship, str)(
                from_, to, "%(from)s-%(to)s relationships"
            )


class SiteConfig(AppConfig):
    """The project package: base templates' tags, shared helpers and commands."""

    name = "nada_site"
    verbose_name = _("Site")
    default = True  # the app config of nada_site; LockoutConfig is axes'

    def ready(self):
        from nada_site import addresses, demo, page_search, pagecache, start_page, translation_state
        from nada_site.models import (
            Marker,
            Page,
            SiteLink,
            SiteSettings,
            SocialAccount,
            forget_site_settings,
        )
        from nada_site.site import site
        from nada_site.splask import MARKERS, FreshContent

        # The pages that stand for fresh content (the FAQ, the client charter…).
        fresh_pages = [
            FreshContent(
                marker,
                partial(Page.objects.changed_at_of, marker),
                "nada_site.change_page",
                "admin:nada_site_page_changelist",
            )
            for marker in Marker.values
            if MARKERS[marker].max_age_days
        ]

        # The site's own part, first: the home page in the menu, and the pages staff keep.
        site.register(
            self,
            navigation=[(_("Home"), "home")],
            demo=demo.load,
            start_tasks=start_page.TASKS,
            search=[page_search.PROVIDER],
            fresh_content=fresh_pages,
        )
        pagecache.connect_signals()
        for model in (SiteSettings, SocialAccount, SiteLink):
            for signal in (post_save, post_delete):
                signal.connect(forget_site_settings, sender=model, dispatch_uid=f"settings:{model}")
        addresses.connect_signals(self.apps.get_models())
        translation_state.connect_signals()
        name_relationships()
        # Every yes/no column and field of the admin reads its icon from here.
        from django.contrib.admin.templatetags import admin_list

        admin_list._boolean_icon = boolean_icon
        # django-otp names its apps and devices in English only, or not at
        # all; staff meet them in the roles' permissions.
        apps.get_app_config("otp_totp").verbose_name = _("Authenticator apps")
        name_models("otp_totp", {"TOTPDevice": (_("authenticator app"), _("authenticator apps"))})
        apps.get_app_config("otp_static").verbose_name = _("Backup codes")
        name_models(
            "otp_static",
            {
                "StaticDevice": (_("backup code list"), _("backup code lists")),
                "StaticToken": (_("backup code"), _("backup codes")),
            },
        )


def _when(moment):
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT") if moment else ""


def _failed_sign_ins(attempt):
    return gettext("Failed sign-ins of %(username)s from %(address)s") % {
        "username": attempt.username,
        "address": attempt.ip_address,
    }


def _failed_sign_in(failure):
    return gettext("Failed sign-in of %(username)s from %(address)s, %(time)s") % {
        "username": failure.username,
        "address": failure.ip_address,
        "time": _when(failure.attempt_time),
    }


def _sign_in(log):
    return gettext("Sign-in of %(username)s from %(address)s, %(time)s") % {
        "username": log.username,
        "address": log.ip_address,
        "time": _when(log.attempt_time),
    }


class LockoutConfig(AxesAppConfig):
    """
    django-axes (settings.INSTALLED_APPS names this in its place), named for
    staff: its records are the failed sign-ins that lock an account out, and
    the sign-ins themselves.
    """

    default = False
    verbose_name = _("Sign-in lockouts")

    def ready(self):
        super().ready()
        name_models(
            self.label,
            {
                "AccessAttempt": (_("failed sign-in"), _("failed sign-ins")),
                "AccessAttemptExpiration": (
                    _("end of a failed sign-in's count"),
                    _("ends of failed sign-ins' counts"),
                ),
                "AccessFailureLog": (_("failed sign-in record"), _("failed sign-in records")),
                "AccessLog": (_("sign-in record"), _("sign-in records")),
            },
        )
        # Each record's name, which the admin shows in its titles and
        # breadcrumbs: axes writes it in English ("Access Log for …").
        self.get_model("AccessAttempt").__str__ = _failed_sign_ins
        self.get_model("AccessFailureLog").__str__ = _failed_sign_in
        self.get_model("AccessLog").__str__ = _sign_in
