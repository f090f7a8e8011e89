"""
Settings for the International Unit site, read from the environment.

With no variable set, the site runs for development: DEBUG on, an embedded
SQLite database, a local-memory cache and a secret key generated once into a
git-ignored file. Production sets DJANGO_DEBUG=0 and DJANGO_SECRET_KEY, and
refuses to start without the key. `.env.example` lists every variable.

Read top to bottom: the environment, then what differs in production (one
block), then what is the same everywhere.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

# The environment, parsed by django-environ. An empty variable counts as unset,
# so its default applies (.env.example leaves most of them empty). Values are
# read as written: django-environ would take one starting with `$` for the
# name of another variable, so every `$` is escaped for it.
env = environ.Env()
env.escape_proxy = True
env.ENVIRON = {name: value.replace("$", r"\$") for name, value in os.environ.items() if value}


def development_secret_key():
    """A random key kept in a git-ignored file, so sessions survive restarts."""
    path = BASE_DIR / ".dev-secret-key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")

# What differs in production (DJANGO_DEBUG=0), all here. The rest of the module
# is the same in development and production.
if DEBUG:
    SECRET_KEY = SECRET_KEY or development_secret_key()
    _default_hosts = ["localhost", "127.0.0.1", "[::1]"]
    _default_email_backend = "django.core.mail.backends.console.EmailBackend"
    _default_log_format = "plain"
    # Static files come from the source folders: no collectstatic needed.
    _static_files_storage = "django.contrib.staticfiles.storage.StaticFilesStorage"
    _static_files_middleware = []
    # The second factor is offered to staff, not required.
    TWO_FACTOR_REQUIRED = False
else:
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (see .env.example)."
        )
    _default_hosts = []
    _default_email_backend = "django.core.mail.backends.smtp.EmailBackend"
    _default_log_format = "json"
    # WhiteNoise serves the collected static files (run `manage.py collectstatic`)
    # under hashed names, compressed with gzip and brotli, with far-future cache
    # headers.
    _static_files_storage = "whitenoise.storage.CompressedManifestStaticFilesStorage"
    _static_files_middleware = ["whitenoise.middleware.WhiteNoiseMiddleware"]
    # Staff set up and use a second factor before any admin or editor page
    # (nada_site.two_factor.SecondFactorRequiredMiddleware).
    TWO_FACTOR_REQUIRED = True
    # HTTPS only, behind a reverse proxy that terminates TLS and says so in
    # X-Forwarded-Proto (the proxy must set it, overwriting what the client
    # sent). /healthz answers over plain HTTP for the load balancer.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Off only where the proxy itself sends plain-HTTP visitors to HTTPS.
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", cast=str.strip, default=_default_hosts)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", cast=str.strip, default=[])

INSTALLED_APPS = [
    # modeltranslation must come before the admin so that it can patch it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    # Form widgets' own templates, found by TEMPLATES (FORM_RENDERER below).
    "django.forms",
    "ckeditor",
    "ckeditor_uploader",
    "django_countries",
    "reversion",
    "reversion_compare",
    # django-axes, named for staff (nada_site.apps.LockoutConfig).
    "nada_site.apps.LockoutConfig",
    "csp",
    # Staff sign in with a second factor (nada_site/two_factor.py).
    "two_factor",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "nada_site",
    "international",
    "news",
    "publications",
    "events",
    "contact",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "nada_site.middleware.SecurityHeadersMiddleware",
    "nada_site.middleware.ContentSecurityPolicyMiddleware",
    # Production only: WhiteNoise serves the collected static files.
    *_static_files_middleware,
    "nada_site.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "nada_site.middleware.RememberLanguageMiddleware",
    # Before anything that reads the session or the database (nada_site/pagecache.py).
    "nada_site.pagecache.PageCacheMiddleware",
    # A public page not found at an item's old address redirects (nada_site/addresses.py).
    "nada_site.addresses.OldAddressMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Staff pass the second factor before any admin or editor page (TWO_FACTOR_REQUIRED).
    "nada_site.two_factor.SecondFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "nada_site.urls"
WSGI_APPLICATION = "nada_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nada_site.context_processors.site",
            ],
        },
    },
]

# Widgets render through TEMPLATES too, so templates/ may mend one (the admin's
# date and time boxes get labels: templates/admin/widgets/split_datetime.html).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Database: embedded SQLite unless DATABASE_URL names another (PostgreSQL in
# production), e.g. postgres://user:password@host:5432/name
DATABASES = {
    "default": {
        **env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        "CONN_MAX_AGE": env.int("DATABASE_CONN_MAX_AGE", default=0),
        "CONN_HEALTH_CHECKS": True,
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by every process), otherwise
# local memory (one process, development).
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "nada",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Page cache for anonymous visitors (nada_site/pagecache.py): how long a page
# is kept at most (0 turns the cache off) and the paths never cached. The apps
# whose changes drop every cached page say so themselves (nada_site.site).
PAGE_CACHE_SECONDS = env.int("DJANGO_PAGE_CACHE_SECONDS", default=300)
# DJANGO_BENCH=1 adds /bench/minimal/, the floor of bench/load.py. Never in production.
BENCHMARK_VIEWS = env.bool("DJANGO_BENCH", default=False)
PAGE_CACHE_EXCLUDED_PATHS = ("/admin/", "/ckeditor/", "/healthz", "/media/", "/static/")

# django-axes first: it refuses a locked-out login before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Malay first (the default), then English and Arabic (right to left).
LANGUAGE_CODE = "ms"
LANGUAGES = [
    ("ms", _("Malay")),
    ("en", _("English")),
    ("ar", _("Arabic")),
]
# What the site needs to know of each language besides its name: the
# PostgreSQL text search configuration of the news' search documents (Malay
# has no stemmer: `simple` lower-cases words and keeps them) and the Open
# Graph locale of shared links.
LANGUAGE_SEARCH_CONFIGS = {"ms": "simple", "en": "english", "ar": "arabic"}
LANGUAGE_OG_LOCALES = {"ms": "ms_MY", "en": "en_GB", "ar": "ar_AR"}
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "django_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Asia/Kuala_Lumpur"
# Our own date and time formats where Django's differ from local use (Malay
# on the 24-hour clock): nada_site/formats/.
FORMAT_MODULE_PATH = ["nada_site.formats"]
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = MODELTRANSLATION_LANGUAGES
# The tabbed translation admin loads jQuery UI; serve it ourselves, not from a
# CDN (django-modeltranslation reads this unprefixed setting name).
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))

# Uploads: the proxy limits request bodies too; these keep Django's own
# in-memory handling small.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644

# Uploads on object storage (S3 or compatible) when DJANGO_MEDIA_STORAGE=s3, so
# that every app server reads and writes the same files; otherwise the local
# MEDIA_ROOT (a shared volume when there are several servers). See
# docs/deployment.md, "Scaling out".
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": _static_files_storage},
}
MEDIA_ORIGIN = ""
if env.str("DJANGO_MEDIA_STORAGE", default="") == "s3":
    _bucket = env.str("AWS_STORAGE_BUCKET_NAME", default="")
    _custom_domain = env.str("AWS_S3_CUSTOM_DOMAIN", default="")
    _endpoint_url = env.str("AWS_S3_ENDPOINT_URL", default=None)
    MEDIA_ORIGIN = (
        f"https://{_custom_domain}"
        if _custom_domain
        else _endpoint_url or f"https://{_bucket}.s3.amazonaws.com"
    )
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _bucket,
            "region_name": env.str("AWS_S3_REGION_NAME", default=None),
            "endpoint_url": _endpoint_url,
            "custom_domain": _custom_domain or None,
            "access_key": env.str("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default=None),
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "max-age=86400"},
        },
    }

# Rich text: django-ckeditor (CKEditor 4.22.1). See docs/security.md, "Rich text editor".
CKEDITOR_UPLOAD_PATH = "editor/"
CKEDITOR_IMAGE_BACKEND = "ckeditor_uploader.backends.PillowBackend"
CKEDITOR_ALLOW_NONIMAGE_FILES = False
CKEDITOR_RESTRICT_BY_USER = False
CKEDITOR_BROWSE_SHOW_DIRS = False
CKEDITOR_FILENAME_GENERATOR = "nada_site.uploads.editor_file_name"
_CKEDITOR_TOOLBAR = [
    ["Format", "Bold", "Italic", "Underline", "Strike", "Subscript", "Superscript"],
    ["NumberedList", "BulletedList", "Blockquote", "BidiLtr", "BidiRtl"],
    ["Link", "Unlink", "Image", "Table", "HorizontalRule"],
    ["RemoveFormat", "Undo", "Redo", "Source"],
]
CKEDITOR_CONFIGS = {
    "default": {
        "toolbar": _CKEDITOR_TOOLBAR,
        "format_tags": "p;h2;h3;h4",
        "extraPlugins": "bidi",
        "height": 260,
        "width": "100%",
        "contentsLangDirection": "ltr",
    },
}
# ckeditor.W001 warns that CKEditor 4.22.1 is out of support. We keep the
# customer's editor behind the safeguards in docs/security.md ("Rich text editor"):
# staff-only image uploads checked with Pillow, and every rich text field
# cleaned with nh3 on save, so the warning is known and handled.
SILENCED_SYSTEM_CHECKS = ["ckeditor.W001"]

# Email
EMAIL_BACKEND = env.str("DJANGO_EMAIL_BACKEND", default=_default_email_backend)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="no-reply@adk.gov.my")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Contact form (contact app). Messages go to the unit profile's email, or to
# this address while no profile exists. A client may send a few messages per
# period (seconds); the count lives in the cache, shared through Redis.
# CONTACT_TRUSTED_PROXIES: how many reverse proxies in front of the site append
# to X-Forwarded-For (0: the client is REMOTE_ADDR). Messages older than the
# retention are removed by `manage.py purge_contact_messages`.
CONTACT_FALLBACK_EMAIL = env.str("CONTACT_FALLBACK_EMAIL", default=DEFAULT_FROM_EMAIL)
CONTACT_RATE_LIMIT_MESSAGES = env.int("CONTACT_RATE_LIMIT_MESSAGES", default=5)
CONTACT_RATE_LIMIT_PERIOD = 60 * 60
CONTACT_TRUSTED_PROXIES = env.int("CONTACT_TRUSTED_PROXIES", default=0)
CONTACT_RETENTION_DAYS = 730
# Page feedback ("Was this page useful?", docs/page-feedback.md): answers one
# client may give per hour, counted like the contact form's messages; answers
# older than the retention are removed by `manage.py purge_page_feedback`.
FEEDBACK_RATE_LIMIT_ANSWERS = env.int("FEEDBACK_RATE_LIMIT_ANSWERS", default=20)
FEEDBACK_RATE_LIMIT_PERIOD = 60 * 60
FEEDBACK_RETENTION_DAYS = 730
CSRF_FAILURE_VIEW = "nada_site.errors.csrf_failure"

# The audit trail (nada_site.audit): who published, withdrew, approved, deleted,
# recovered, changed a role or the inbox address, reset a second factor or
# exported contact messages. `purge_audit_trail` deletes entries older than this.
AUDIT_RETENTION_DAYS = 5 * 365

# Security headers and cookies that hold in development too (production adds
# HTTPS, HSTS and secure cookies, above). See docs/deployment.md, "Reverse proxy (nginx)", for what the
# proxy adds.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # Our forms carry the token in a field; no script reads it.
LANGUAGE_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Powerful browser features the site never uses (nada_site.middleware).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Content Security Policy (django-csp). Public pages run only the site's own
# scripts and styles: no inline script, no eval, no inline style. JSON-LD
# blocks are data, never run. The admin and its editor (CKEditor 4 writes
# inline styles and inline event handlers in its editing frame) get a looser
# policy of their own, only under these paths, still without eval
# (nada_site.middleware.ContentSecurityPolicyMiddleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
ADMIN_CONTENT_SECURITY_POLICY_PATHS = ("/admin/", "/ckeditor/")
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
if MEDIA_ORIGIN:
    # Images served from object storage come from its origin.
    for _policy in (CONTENT_SECURITY_POLICY, ADMIN_CONTENT_SECURITY_POLICY):
        _policy["DIRECTIVES"]["img-src"].append(MEDIA_ORIGIN)

# Admin login: django-axes locks a user name out from one client address after
# repeated failures, for a cool-off time. The address is the one the proxies
# saw (CONTACT_TRUSTED_PROXIES, as for the contact form). Failed sign-ins
# and lockouts are listed in the admin under "Sign-in lockouts".
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "nada_site.clients.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "nada_site.lockout.locked_out"
AXES_VERBOSE = False
# The sign-in form's fields, kept out of the attempts axes stores.
AXES_SENSITIVE_PARAMETERS = ["auth-password", "token-otp_token", "backup-otp_token"]

# Second factor (django-two-factor-auth on django-otp): codes from an
# authenticator app, and single-use backup codes. The admin's login is
# two-factor's (nada_site/urls.py). With TWO_FACTOR_REQUIRED (production),
# staff set it up and use it before they reach any admin or editor page
# (nada_site.two_factor.SecondFactorRequiredMiddleware); in development it is
# offered, not required (TWO_FACTOR_REQUIRED is set above).
LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "admin:index"
# Our URLs lead the admin's login to two-factor's; the admin itself is left as it is.
TWO_FACTOR_PATCH_ADMIN = False
# The QR code on a white background, so that it scans in the admin's dark theme too.
TWO_FACTOR_QR_FACTORY = "qrcode.image.svg.SvgPathFillImage"
# The admin never shows a device's secret key or QR code.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Logs: one JSON object per line on standard output in production, for a log
# collector; readable lines in development.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "nada_site.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": env.str("DJANGO_LOG_FORMAT", default=_default_log_format),
        }
    },
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
}
