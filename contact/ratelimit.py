"""
A per-client limit on messages sent through the form, counted in Django's
cache: with Redis configured, every process and server shares the count.
"""

import ipaddress
import time

from django.conf import settings
from django.core.cache import cache

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


def _window():
    period = settings.CONTACT_RATE_LIMIT_PERIOD
    start = int(time.time()) // period * period
    return start, period


def _key(request, start):
    return f"contact:sent:{client_address(request)}:{start}"


def seconds_until_allowed(request):
    """0 when the client may send another message, else how long until the window ends."""
    start, period = _window()
    count = cache.get(_key(request, start), 0)
    if count < settings.CONTACT_RATE_LIMIT_MESSAGES:
        return 0
    return max(start + period - int(time.time()), 1)


def count_message(request):
    start, period = _window()
    key = _key(request, start)
    # add() then incr() are both atomic in Redis and in Django's other caches.
    cache.add(key, 0, timeout=period + 60)
    try:
        cache.incr(key)
    except ValueError:  # The key expired between the two calls.
        cache.add(key, 1, timeout=period + 60)
