"""
Error pages in the visitor's language (handler400, 403, 404 and 500 in
nada_site/urls.py, and CSRF_FAILURE_VIEW), and the page shown while the
database is unreachable.

The 400, 500 and 503 pages are rendered from plain templates without the
request's context processors, so they never query the database nor read the
request's host: they work when whatever broke the request is still broken.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

# How long a client or crawler should wait before asking again, in seconds.
RETRY_AFTER_SECONDS = 30


def is_database_unavailable(exception):
    """True for the errors of a database that cannot be reached or is not ready."""
    return isinstance(exception, OperationalError | InterfaceError)


def plain_response(template_name, status):
    response = HttpResponse(loader.get_template(template_name).render(), status=status)
    response["Cache-Control"] = "no-store"
    return response


def database_unavailable(request=None):
    response = plain_response("503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def bad_request(request, exception):
    return plain_response("400.html", 400)


@requires_csrf_token
def permission_denied(request, exception):
    return render(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    """Every failed CSRF check of the site: a clear page in the visitor's language."""
    return render(request, "csrf_failure.html", status=403)


@requires_csrf_token
def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    """A 500, or the 503 page when the cause is an unreachable database."""
    if is_database_unavailable(sys.exc_info()[1]):
        return database_unavailable(request)
    return plain_response("500.html", 500)
