"""
Staff read the admin in their language. Each role (Editors, Publishers,
Administrators) opens every admin page it can, with the admin in Malay and
in Arabic, and none of the English that Django and the apps we depend on
would show is on the page; Arabic pages are right to left.

The pages are read from the URL patterns under /admin/ and the admin's
registry, so a new page or a new kind of content is checked too: every
pattern must be filled in and opened by some role, or be listed below with
the reason it is not.
"""

import re
from html.parser import HTMLParser
from io import StringIO

import pytest
import reversion
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from reversion.models import Version

from contact.models import FeedbackPage, PageFeedback
from nada_site import audit
from nada_site.models import AddressChange, ReviewRequest, StaffPreferences
from nada_site.reviews import new_review
from nada_site.roles import ADMINISTRATORS, EDITORS, PUBLISHERS
from news.models import Article
from tests.conftest import make_page
from tests.contact.conftest import make_message

pytestmark = pytest.mark.django_db

ROLES = (EDITORS, PUBLISHERS, ADMINISTRATORS)
LANGUAGES = ("ms", "ar")

# English that the admin showed staff before it was translated, in the
# words Django and the apps write it. Matched as whole words, case and all.
LEAKS = [
    # Django's admin
    "Django administration",
    "Django site admin",
    "Django",
    "Site administration",
    "Toggle theme",
    "Show counts",
    "Hide counts",
    "Breadcrumbs",
    "Sidebar",
    "Model name",
    "Add link",
    "Change or view list link",
    "Select all objects on this page",
    "Select this object for an action",
    "Save and add another",
    "Save and continue editing",
    "Save as new",
    "Search",
    "Filter",
    "Action:",
    "Recent actions",
    "My actions",
    "View site",
    "Log out",
    "Welcome,",
    "Change password",
    "History",
    "Date/time",
    "Password-based authentication",
    "Raw passwords are not stored",
    "Reset password",
    "Enabled",
    "Disabled",
    "Added:",
    "Changed:",
    "Deleted:",
    "Are you sure",
    "True",
    "False",
    "Nada_site",
    # permissions and content types
    "Can add",
    "Can change",
    "Can delete",
    "Can view",
    "Can publish",
    "Otp_Totp",
    "Otp_Static",
    "TOTP device",
    "static device",
    "static token",
    # django-axes
    "AXES",
    "Axes",
    "Access attempts",
    "Access attempt",
    "access attempt",
    "Access failures",
    "access failure",
    "Access logs",
    "Access Log",
    "access log",
    "Attempted Access",
    "Failed access",
    "User Agent",
    "IP Address",
    "Attempt Time",
    "Logout Time",
    "Meta Data",
    "Form Data",
    "Failed Logins",
    # django-reversion and reversion-compare
    "Recover deleted",
    "Reversion",
    "Choose a date from the list",
    "doesn't have a change history",
    "There are no deleted objects",
    "Press the save button below",
    "Go back to history list",
    "Revert to this version",
    "There are no differences",
    "Edit comment",
    # our own pages
    "With warnings",
    "Without warnings",
    "Address changes",
    "address changes",
    "Failed sign-ins of",
    "If disabled, the current password",
]
# Malay that Django once showed in the Arabic admin: what it names when it
# loads, in the default language, is read later in any language.
MALAY = ["Hubungan", "Simpan", "Cari", "Tapis", "Sama ada pengguna"]


def whole_words(words):
    return re.compile("|".join(rf"(?<!\w){re.escape(word)}(?!\w)" for word in words))


LEAK_PATTERN = whole_words(LEAKS)
MALAY_PATTERN = whole_words(MALAY)

# URL patterns under /admin/ that no role opens here, and why.
NOT_OPENED = {
    # Not pages: a redirect, an image, a script (checked below), a search for a widget.
    "admin:view_on_site",
    "admin:autocomplete",
    "admin:jsi18n",
    "two_factor:qr",
    # Sign-in (for those signed out: below) and sign-out (a POST).
    "two_factor:login",
    "admin:login",
    "admin:logout",
    # POST only.
    "admin:nada_site_notifications_read",
    # The step after setting up a second factor, which needs one being set up.
    "two_factor:setup_complete",
    # Records that no one adds by hand, and pages that lead elsewhere.
    "admin:nada_site_auditentry_add",
    "admin:nada_site_reviewrequest_add",
    "admin:nada_site_addresschange_add",
    "admin:nada_site_staffpreferences_add",
    "admin:nada_site_staffpreferences_changelist",
    "admin:nada_site_staffpreferences_delete",
    "admin:axes_accessattempt_add",
    "admin:axes_accesslog_add",
    "admin:axes_accessfailurelog_add",
    "admin:international_unitprofile_changelist",
    "admin:international_unitprofile_add",
    "admin:nada_site_auditentry_delete",
    "admin:nada_site_reviewrequest_delete",
    "admin:contact_contactmessage_add",  # messages come from the public form
    "admin:contact_pagefeedback_add",  # answers too
    "admin:contact_feedbackpage_add",
    "admin:contact_feedbackpage_delete",  # counts go with their answers (purge_page_feedback)
    # The site's one record of settings: its list leads to it; never added, deleted or recovered.
    "admin:nada_site_sitesettings_add",
    "admin:nada_site_sitesettings_changelist",
    "admin:nada_site_sitesettings_delete",
    "admin:nada_site_sitesettings_recoverlist",
    # Never deleted: the roles, the sign-in records, the unit's one profile.
    "admin:auth_group_delete",
    "admin:axes_accessfailurelog_delete",
    "admin:axes_accesslog_delete",
    "admin:international_unitprofile_delete",
    "admin:international_unitprofile_recoverlist",
}


class VisibleText(HTMLParser):
    """
    The text a reader sees or hears: no scripts, styles, hidden parts or
    typed-in content, nor what is marked as English on purpose (the staff
    handbook, in English in the Arabic admin).
    """

    SKIPPED = {"script", "style", "template", "textarea", "noscript"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    SPOKEN_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, skipped)
        self.parts = []

    @property
    def skipping(self):
        return any(skipped for _tag, skipped in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hidden = (
            tag in self.SKIPPED
            or "hidden" in attrs
            or "hidden" in (attrs.get("class") or "").split()
            or (tag == "input" and attrs.get("type") == "hidden")
            or (attrs.get("lang") or "").startswith("en")
        )
        if not (self.skipping or hidden):
            self.parts += [attrs[name] for name in self.SPOKEN_ATTRIBUTES if attrs.get(name)]
            if tag == "input" and attrs.get("type") in ("submit", "button", "reset"):
                self.parts.append(attrs.get("value") or "")
        if tag not in self.VOID:
            self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.parts.append(" ".join(data.split()))


def visible_text(html):
    reader = VisibleText()
    reader.feed(html)
    return reader.parts


def leaks_in(html, pattern=LEAK_PATTERN):
    return sorted({match for part in visible_text(html) for match in pattern.findall(part)})


def admin_patterns():
    """`(namespace:name, pattern)` of every named URL pattern under /admin/."""

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route, pattern.namespace or namespace)
            elif pattern.name:
                yield route, f"{namespace}:{pattern.name}" if namespace else pattern.name, pattern

    for route, name, pattern in walk(get_resolver().url_patterns, "", None):
        if route.startswith("admin/"):
            yield name, pattern


def model_of(url_name):
    """The registered model whose admin a URL name belongs to (`admin:news_article_change`)."""
    found = [
        model
        for model in admin.site._registry
        if url_name.startswith(f"admin:{model._meta.app_label}_{model._meta.model_name}_")
    ]
    return max(found, key=lambda model: len(model._meta.model_name), default=None)


def urls_of(url_name, pattern, items):
    """The addresses to open for one URL pattern, its arguments filled in; None if it cannot be."""
    regex = pattern.pattern.regex
    kwargs_names = list(regex.groupindex)
    if not regex.groups:
        return [reverse(url_name)]
    if kwargs_names == ["app_label"]:
        labels = {model._meta.app_label for model in admin.site._registry}
        return [reverse(url_name, kwargs={"app_label": label}) for label in sorted(labels)]
    model = model_of(url_name)
    obj = items.get(model)
    if obj is None:
        return None
    if url_name.endswith("_revision"):
        version = Version.objects.get_for_object(obj).first()
        return [reverse(url_name, args=[obj.pk, version.pk])] if version else None
    if url_name.endswith("_recover"):
        # The same page for every kind: opened for those with a deleted item.
        version = Version.objects.get_deleted(model).first()
        return [reverse(url_name, args=[version.pk])] if version else []
    if url_name.endswith("_compare"):
        versions = Version.objects.get_for_object(obj)[:2]
        if len(versions) < 2:
            return None
        url = reverse(url_name, kwargs={"object_id": obj.pk})
        return [f"{url}?version_id1={versions[1].pk}&version_id2={versions[0].pk}"]
    if url_name.endswith("_preview"):
        # A review's preview shows its item.
        obj, model = obj.content_object, obj.content_type.model_class()
    values = {
        "object_id": obj.pk,
        "id": obj.pk,
        "content_type_id": ContentType.objects.get_for_model(model).pk,
        "language": "ms",
    }
    if set(kwargs_names) - values.keys():
        return None
    return [reverse(url_name, kwargs={name: values[name] for name in kwargs_names})]


@pytest.fixture
def content(django_user_model):
    """The demo content, and one item of every kind staff may open that the demo has none of."""
    call_command("load_demo_content", stdout=StringIO())
    author = django_user_model.objects.create_user("penulis", password="pw", is_staff=True)
    author.groups.add(Group.objects.get(name=EDITORS))
    article = Article.objects.order_by("pk").first()
    items = [model._default_manager.order_by("pk").first() for model in admin.site._registry]
    for _revision in range(2):  # two versions of each item, for its history and comparison
        for item in items:
            if item is not None and reversion.is_registered(type(item)):
                with reversion.create_revision():
                    item.save()
    with reversion.create_revision():
        gone = make_page("dipadam")
    gone.delete()
    review = new_review(article, ReviewRequest.Kind.CHANGE, author)
    review.state = ReviewRequest.State.PENDING
    review.submitted_at = timezone.now()
    review.save()
    audit.record(audit.Action.SUBMITTED, author, article)
    AddressChange.objects.create(
        content_type=ContentType.objects.get_for_model(Article),
        object_id=str(article.pk),
        url_name="news:article_detail",
        old_slug="lama",
        new_slug=article.slug,
    )
    make_message()
    answered = FeedbackPage.objects.create(path="/ms/", language="ms")
    PageFeedback.objects.create(page=answered, useful=True, comment="Berguna.")
    for role in ROLES:
        for language in LANGUAGES:
            staff_member(role, language, django_user_model)
    when = timezone.now()
    AccessAttempt.objects.create(
        username="penulis", ip_address="10.0.0.1", failures_since_start=2, attempt_time=when
    )
    AccessFailureLog.objects.create(username="penulis", ip_address="10.0.0.1", attempt_time=when)
    AccessLog.objects.create(username="penulis", ip_address="10.0.0.1", attempt_time=when)
    return {
        model: model._default_manager.order_by("pk").first()
        for model in admin.site._registry
        if model._default_manager.exists()
    }


def staff_member(role, language, django_user_model):
    user, created = django_user_model.objects.get_or_create(
        username=f"{role.lower()}-{language}", defaults={"is_staff": True}
    )
    if created:
        user.groups.add(Group.objects.get(name=role))
        StaffPreferences.objects.create(user=user)
        if role == PUBLISHERS:  # Publishers have a second factor; the others may set one up.
            TOTPDevice.objects.create(user=user, name="default")
    return user


def client_in(role, language, django_user_model):
    user = staff_member(role, language, django_user_model)
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user).first()
    if device is not None:  # signed in with it
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    client.cookies["django_language"] = language
    return client


def test_every_admin_page_is_in_the_staff_members_language(content, django_user_model):
    opened, unfilled, leaks, wrong_direction = set(), set(), {}, []
    pages = []
    for url_name, pattern in admin_patterns():
        if url_name in NOT_OPENED:
            continue
        urls = urls_of(url_name, pattern, content)
        if urls is None:
            unfilled.add(url_name)
            continue
        pages += [(url_name, url) for url in urls]
    for role in ROLES:
        for language in LANGUAGES:
            client = client_in(role, language, django_user_model)
            for url_name, url in pages:
                response = client.get(url)
                if response.status_code != 200 or "html" not in response["Content-Type"]:
                    continue
                opened.add(url_name)
                html = response.content.decode()
                found = leaks_in(html)
                if language == "ar" and not url_name.endswith("_preview"):
                    found += leaks_in(html, MALAY_PATTERN)
                if found:
                    leaks[f"{role} {language} {url}"] = found
                # (A review's preview is the public page, in the language it names.)
                right_to_left = re.search(r'<html[^>]*\bdir="rtl"', html)
                if language == "ar" and not right_to_left and not url_name.endswith("_preview"):
                    wrong_direction.append(url)

    assert not unfilled, "Pages this test cannot open: fill in their arguments in urls_of()"
    never_opened = {url_name for url_name, _url in pages} - opened
    assert not never_opened, (
        f"Pages no role opened: list them in NOT_OPENED with the reason: {sorted(never_opened)}"
    )
    assert not leaks, "\n".join(f"{page}: {found}" for page, found in leaks.items())
    assert not wrong_direction


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sign_in_page_is_in_the_staff_members_language(client, language):
    client.cookies["django_language"] = language
    for url in ("/admin/login/", "/admin/"):
        response = client.get(url, follow=True)
        html = response.content.decode()
        assert response.status_code == 200
        assert not leaks_in(html)
        assert ('dir="rtl"' in html) == (language == "ar")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_admins_scripts_speak_the_staff_members_language(admin_client, language):
    """The calendar and the permissions' two-list selector take their words from /admin/jsi18n/."""
    admin_client.cookies["django_language"] = language
    catalogue = admin_client.get("/admin/jsi18n/").content.decode()
    for msgid in ("Choose all %s", "Remove all %s", "Sunday", "Today", "Available %s"):
        assert f'"{msgid}"' in catalogue


def test_the_leak_finder_sees_what_a_reader_sees():
    html = """<html><body><h1>Tapis</h1><p title="Toggle theme">x</p>
        <fieldset class="hidden"><label>Search:</label></fieldset><script>"Show counts"</script>
        <textarea>Search the news</textarea><input type="submit" value="Save and add another"></body></html>"""
    assert leaks_in(html) == ["Save and add another", "Toggle theme"]
