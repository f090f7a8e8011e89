"""
The page cache: public pages rendered once for anonymous visitors and kept in
Django's cache (Redis in production, local memory otherwise).

Every page key includes a "content generation", a random token kept in the
cache beside the time of the next scheduled change. Saving or
deleting anything the pages show (the apps that say so, nada_site.site) drops
the generation, so the next request renders afresh; so does the arrival of the
next scheduled publication, or of another time that changes what the public
sees (an announcement's start or end). Pages also expire after PAGE_CACHE_SECONDS.

Never cached: requests with a session cookie (staff, or any visitor whose
session holds something), anything but GET and HEAD, the admin and the editor,
responses other than 200, responses that set a cookie, render a CSRF token or
say they are private or not to be cached (the contact form, previews of
drafts, the health check).
"""

import hashlib
import logging
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re, get_max_age
from django.utils.crypto import get_random_string
from django.utils.translation import get_language

from nada_site.site import site

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
GENERATION_SECONDS = 60 * 60 * 24
# Headers a cached page may vary on: we only cache for visitors without a
# session, and the language is part of the key.
ALLOWED_VARY = {"cookie", "accept-language"}
REFUSED_CACHE_CONTROL = {"private", "no-cache", "no-store"}


def bump_generation(**kwargs):
    """Forget every cached page: the next request renders afresh."""
    try:
        cache.delete(GENERATION_KEY)
    except Exception:  # Every cache backend raises its own errors.
        logger.exception("Page cache: could not drop the content generation.")


# True inside `unchanged()`: the saves there are rolled back and change nothing public.
_ignoring_changes = ContextVar("pagecache_ignoring_changes", default=False)


@contextmanager
def unchanged():
    """Saves inside this block do not drop the cached pages (they are about to be undone)."""
    token = _ignoring_changes.set(True)
    try:
        yield
    finally:
        _ignoring_changes.reset(token)


def content_changed(sender, **kwargs):
    """
    Drop every cached page when a model of a content app changes, unless the
    model says the public sees nothing of it (`affects_public_pages = False`:
    the workflow's records, the audit trail).
    """
    if _ignoring_changes.get():
        return
    if sender._meta.app_label in site.page_apps and getattr(sender, "affects_public_pages", True):
        bump_generation()
        # Again once the change is committed, so that a page rendered by
        # another request before the commit is not kept.
        transaction.on_commit(bump_generation)


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"pagecache:{id(signal)}")


def next_scheduled_publication():
    """
    The time (a timestamp) of the next change, of any kind, due to happen by
    itself: a scheduled item appearing, or another of a published item's
    times coming (`Publishable.scheduled_fields`: an announcement's start or end).
    """
    from nada_site.workflow import Status, is_publishable

    now = timezone.now()
    upcoming = []
    for model in apps.get_models():
        if not is_publishable(model):
            continue
        manager = model._default_manager
        upcoming.append(manager.scheduled().aggregate(next=Min("published_at"))["next"])
        for name in model.scheduled_fields:
            coming = manager.filter(status=Status.PUBLISHED, **{f"{name}__gt": now})
            upcoming.append(coming.aggregate(next=Min(name))["next"])
    upcoming = [when for when in upcoming if when is not None]
    return min(upcoming).timestamp() if upcoming else None


def current_generation():
    """The generation's token, or None when there is none (or it has run out)."""
    record = cache.get(GENERATION_KEY)
    if not record:
        return None
    token, next_publication = record
    if next_publication is not None and time.time() >= next_publication:
        return None
    return token


def new_generation():
    """Start a generation (this reads the database), or join the one another process started."""
    record = (get_random_string(16), next_scheduled_publication())
    if not cache.add(GENERATION_KEY, record, timeout=GENERATION_SECONDS):
        existing = cache.get(GENERATION_KEY)
        if existing and existing[1] is not None and time.time() >= existing[1]:
            cache.set(GENERATION_KEY, record, timeout=GENERATION_SECONDS)
        else:
            record = existing or record
    return record[0]


def page_key(request, token):
    url = request.build_absolute_uri()
    digest = hashlib.sha256(f"{get_language()}|{url}".encode()).hexdigest()
    return f"pagecache:page:{token}:{digest}"


def request_is_cacheable(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS)
    )


def response_is_cacheable(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    directives = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if directives & REFUSED_CACHE_CONTROL or get_max_age(response) == 0:
        return False
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", ""))}
    return vary - {""} <= ALLOWED_VARY


class PageCacheMiddleware:
    """
    Serve a cached page before anything touches the database, or store the
    page the view rendered. Sits after the session and language middleware
    (so the language is known and the remembered-language cookie is set on a
    cached page too) and before everything that reads the session or the
    database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request):
            return self.get_response(request)
        try:
            token = current_generation()
            cached = cache.get(page_key(request, token)) if token else None
        except Exception:  # A cache that does not answer only costs the cache.
            logger.exception("Page cache: the cache does not answer.")
            return self.get_response(request)
        if cached is not None:
            return self.rebuild(cached)
        response = self.get_response(request)
        if response_is_cacheable(request, response):
            try:
                self.store(request, response, token)
            except Exception:
                logger.exception("Page cache: could not store a page.")
        return response

    def store(self, request, response, token):
        if token is None:
            token = new_generation()
        headers = [
            (name, value) for name, value in response.items() if name.lower() != "set-cookie"
        ]
        cache.set(
            page_key(request, token),
            (response.content, headers),
            timeout=settings.PAGE_CACHE_SECONDS,
        )

    def rebuild(self, cached):
        content, headers = cached
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        return response
