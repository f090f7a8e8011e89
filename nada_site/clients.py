"""
Who is on the other end of a request: the client's address as the reverse
proxies in front of the site saw it. The contact form's rate limit and the
admin login lockout both count by it.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    """
    The client's IP address, or None when it cannot be read. Behind
    CONTACT_TRUSTED_PROXIES reverse proxies, it is the one those proxies
    appended to X-Forwarded-For (never a value the client could have written
    themselves); without proxies it is REMOTE_ADDR. IPv4 addresses mapped into
    IPv6 are given in their IPv4 form.
    """
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.CONTACT_TRUSTED_PROXIES
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return None
    if parsed.version == 6 and parsed.ipv4_mapped:
        return str(parsed.ipv4_mapped)
    return str(parsed)
