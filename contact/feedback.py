"""
Page feedback: "Was this page useful?" on every content page.

The form sits on pages that the page cache serves to everyone alike, so it
carries nothing of one visitor's: no CSRF token, no session. What it carries
is the page's own path, signed by the site (`page_token`), the same for every
visitor of that page. The endpoint is exempt from Django's CSRF check and
holds instead because:

- it accepts POST only, and only a signed path that the site's own URL
  resolver still resolves: nobody can record answers for a made-up page;
- a browser sends `Origin` with every POST (older ones at least `Referer`),
  and the endpoint refuses any other origin than the site's: another site
  cannot make its visitors answer for them;
- it records an anonymous count and an optional comment, nothing in anyone's
  name, and the rate limit (contact.ratelimit) bounds what one client adds.

Details and the reasoning: docs/page-feedback.md.
"""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path, override

from contact.models import FeedbackPage, PageFeedback
from nada_site.localized import LANGUAGE_CODES

SIGNING_SALT = "contact.page_feedback"
PATH_MAX_LENGTH = 500
COMMENT_MAX_LENGTH = 500
# What takes the place of an email, telephone or IC number removed from a comment.
REMOVED = "[…]"

# Personal data a visitor may write in a comment despite the reminder.
EMAIL = re.compile(r"[^\s@<>()\[\],;:]+@[^\s@<>()\[\],;:]+\.[^\s@<>()\[\],;:]+")
# A Malaysian identity card number: YYMMDD-PB-###G, with or without hyphens or spaces.
IC_NUMBER = re.compile(r"(?<!\d)\d{6}[\s-]?\d{2}[\s-]?\d{4}(?!\d)")
# A telephone number: international (+ and 8 to 15 digits) or Malaysian (0 and 8 to 11
# digits), with the usual separators. A date (2026-11-20) or a year is not one.
PHONE = re.compile(r"(?<![\w+])(?:\+\d(?:[\s().-]{0,2}\d){7,14}|0\d(?:[\s().-]{0,2}\d){6,9})(?!\d)")


def page_token(path):
    """The signed path the form posts back: the same for every visitor of the page."""
    return signing.Signer(salt=SIGNING_SALT).sign(path)


def page_of(token):
    """
    The page (path, language) a signed token names, or None when the
    signature is wrong or the path is no longer a page of the site.
    """
    try:
        path = signing.Signer(salt=SIGNING_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return resolved_page(path)


def resolved_page(path):
    """
    (path, language) for a path of this site's own pages, in its language,
    else None: no query string, no other host, only what the URL resolver
    knows.
    """
    if not isinstance(path, str) or not path or len(path) > PATH_MAX_LENGTH:
        return None
    if not path.startswith("/") or path.startswith("//") or "?" in path or "#" in path:
        return None
    if not url_has_allowed_host_and_scheme(path, allowed_hosts=None):
        return None
    language = get_language_from_path(path)
    if language not in LANGUAGE_CODES:
        return None
    with override(language):
        try:
            match = resolve(path)
        except (Resolver404, ValueError):
            return None
    if match.namespace == "contact" and match.url_name.startswith("feedback"):
        return None  # The feedback's own pages are not asked about.
    return path, language


def remove_personal_data(comment):
    """The comment without what looks like an email, IC or telephone number; and whether any was removed."""
    cleaned = comment
    for pattern in (EMAIL, IC_NUMBER, PHONE):
        cleaned = pattern.sub(REMOVED, cleaned)
    return cleaned, cleaned != comment


def is_same_origin(request):
    """
    True when the post comes from one of this site's own pages: its Origin
    header (or, when a browser sends none, its Referer) names this site or
    one of CSRF_TRUSTED_ORIGINS. `Origin: null` (sandboxed frames, privacy
    redirects) is refused.
    """
    own = f"{request.scheme}://{request.get_host()}"
    trusted = {own, *settings.CSRF_TRUSTED_ORIGINS}
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin in trusted
    referer = request.headers.get("Referer")
    if not referer:
        return False
    try:
        parts = urlsplit(referer)
    except ValueError:
        return False
    return f"{parts.scheme}://{parts.netloc}" in trusted


def record_answer(path, language, useful, comment):
    """Store one answer: the page (path and language), yes or no, the comment. Nothing else."""
    with transaction.atomic():
        page, _created = FeedbackPage.objects.get_or_create(path=path, language=language)
        return PageFeedback.objects.create(page=page, useful=useful, comment=comment)
