"""
Per-client limits on what visitors send, counted in Django's cache: with
Redis configured, every process and server shares the count. The contact
form's messages and the page feedback's answers are counted apart, each
under its own key; a key holds a keyed hash of the client's address, never
the address itself.

Each accepted message takes its place with one atomic increment (`add` then
`incr`, atomic in Redis and in Django's local-memory cache), and is refused
when the count it gets is over the limit: messages sent at the same moment
cannot all pass the same check. django-ratelimit counts the same way, but
would count every post, valid or not, under keys of its own.
"""

import ipaddress
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from nada_site.clients import client_ip


def client_address(request):
    """
    The visitor's address as the rate limit counts it (see
    nada_site.clients.client_ip). IPv6 clients are counted by their /64
    network, which one household or device usually holds whole.
    """
    address = client_ip(request)
    if address is None:
        return "unknown"
    parsed = ipaddress.ip_address(address)
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return address


def _window(period):
    start = int(time.time()) // period * period
    return start, period


def _key(request, start, scope="contact:sent"):
    client = salted_hmac("contact.ratelimit", client_address(request)).hexdigest()[:32]
    return f"{scope}:{client}:{start}"


def seconds_until_allowed(request):
    """
    0 when the client may still send a message, else how long until the window
    ends. A look only, so that a client over the limit is answered before its
    form is read; `count_message` decides.
    """
    start, period = _window(settings.CONTACT_RATE_LIMIT_PERIOD)
    count = cache.get(_key(request, start), 0)
    if count < settings.CONTACT_RATE_LIMIT_MESSAGES:
        return 0
    return _until_window_ends(start, period)


def count_message(request):
    """
    Count one message from the client, atomically: 0 when it is within the
    limit, else how long until the window ends (the message is then refused).
    """
    return _count(
        request,
        "contact:sent",
        settings.CONTACT_RATE_LIMIT_MESSAGES,
        settings.CONTACT_RATE_LIMIT_PERIOD,
    )


def count_feedback(request):
    """
    Count one page feedback answer from the client, atomically, apart from
    its messages: 0 when it is within FEEDBACK_RATE_LIMIT_ANSWERS, else how
    long until the window ends (the answer is then refused).
    """
    return _count(
        request,
        "contact:feedback",
        settings.FEEDBACK_RATE_LIMIT_ANSWERS,
        settings.FEEDBACK_RATE_LIMIT_PERIOD,
    )


def _count(request, scope, limit, period):
    start, period = _window(period)
    count = _increment(_key(request, start, scope), timeout=period + 60)
    if count <= limit:
        return 0
    return _until_window_ends(start, period)


def _increment(key, timeout):
    for _attempt in range(2):
        cache.add(key, 0, timeout=timeout)
        try:
            return cache.incr(key)
        except ValueError:  # The key expired between the two calls: start it again.
            continue
    raise RuntimeError(f"The rate limit count {key} expires as soon as it is made.")


def _until_window_ends(start, period):
    return max(start + period - int(time.time()), 1)
