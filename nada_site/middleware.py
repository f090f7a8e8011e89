import logging

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.utils.translation import get_language_from_path

from nada_site.errors import database_unavailable, is_database_unavailable

logger = logging.getLogger(__name__)


class RememberLanguageMiddleware:
    """
    Remember the language of the last page a visitor read, so that `/` sends
    them back to it. `/` itself is redirected by LocaleMiddleware, which reads
    this cookie before Accept-Language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        if (
            language
            and response.status_code == 200
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language
        ):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
            )
        return response


class SecurityHeadersMiddleware:
    """The headers Django's SecurityMiddleware does not send: Permissions-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """
    django-csp's middleware, with the admin's own looser policy
    (ADMIN_CONTENT_SECURITY_POLICY) under ADMIN_CONTENT_SECURITY_POLICY_PATHS,
    and the strict site policy everywhere else.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.ADMIN_CONTENT_SECURITY_POLICY_PATHS)
        ):
            config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
            return PolicyParts(config, parts.update, parts.replace, parts.nonce)
        return parts


class DatabaseUnavailableMiddleware:
    """
    When the database cannot be reached, visitors get a short, translated
    "try again shortly" page (503 with Retry-After) instead of an error page
    or a traceback. Errors raised outside views (in other middleware) reach
    handler500, which answers the same way (nada_site.errors.server_error).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_unavailable(exception):
            logger.error(
                "Database unavailable: %s",
                exception,
                extra={"request": request, "status_code": 503},
            )
            return database_unavailable(request)
        return None
