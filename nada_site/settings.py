"""
Settings for the International Unit site, read from the environment.

With no variable set, the site runs for development: DEBUG on, an embedded
SQLite database, a local-memory cache and a secret key generated once into a
git-ignored file. Production sets DJANGO_DEBUG=0 and DJANGO_SECRET_KEY, and
refuses to start without the key. `.env.example` lists every variable.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value else default


def development_secret_key():
    """A random key kept in a git-ignored file, so sessions survive restarts."""
    path = BASE_DIR / ".dev-secret-key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (see .env.example)."
        )
    SECRET_KEY = development_secret_key()

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

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
    "ckeditor",
    "ckeditor_uploader",
    "django_countries",
    "reversion",
    "reversion_compare",
    "nada_site",
    "international",
    "news",
    "contact",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "nada_site.middleware.RememberLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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

# Database: embedded SQLite unless DATABASE_URL names another (PostgreSQL in
# production), e.g. postgres://user:password@host:5432/name
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by every process), otherwise
# local memory (one process, development).
REDIS_URL = os.environ.get("REDIS_URL", "")
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
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "django_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Asia/Kuala_Lumpur"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "ms"
MODELTRANSLATION_LANGUAGES = ("ms", "en", "ar")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ms", "en", "ar")
# The tabbed translation admin loads jQuery UI; serve it ourselves, not from a
# CDN (django-modeltranslation reads this unprefixed setting name).
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

# Uploads: the proxy limits request bodies too; these keep Django's own
# in-memory handling small.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644

# Rich text: django-ckeditor (CKEditor 4.22.1). See README, "Rich text editor".
CKEDITOR_UPLOAD_PATH = "editor/"
CKEDITOR_IMAGE_BACKEND = "ckeditor_uploader.backends.PillowBackend"
CKEDITOR_ALLOW_NONIMAGE_FILES = False
CKEDITOR_RESTRICT_BY_USER = False
CKEDITOR_BROWSE_SHOW_DIRS = False
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
# customer's editor behind the safeguards in README ("Rich text editor"):
# staff-only image uploads checked with Pillow, and every rich text field
# cleaned with nh3 on save, so the warning is known and handled.
SILENCED_SYSTEM_CHECKS = ["ckeditor.W001"]

# Email
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@adk.gov.my")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Contact form (contact app). Messages go to the unit profile's email, or to
# this address while no profile exists. A client may send a few messages per
# period (seconds); the count lives in the cache, shared through Redis.
# CONTACT_TRUSTED_PROXIES: how many reverse proxies in front of the site append
# to X-Forwarded-For (0: the client is REMOTE_ADDR). Messages older than the
# retention are removed by `manage.py purge_contact_messages`.
CONTACT_FALLBACK_EMAIL = os.environ.get("CONTACT_FALLBACK_EMAIL", DEFAULT_FROM_EMAIL)
CONTACT_RATE_LIMIT_MESSAGES = env_int("CONTACT_RATE_LIMIT_MESSAGES", 5)
CONTACT_RATE_LIMIT_PERIOD = 60 * 60
CONTACT_TRUSTED_PROXIES = env_int("CONTACT_TRUSTED_PROXIES", 0)
CONTACT_RETENTION_DAYS = 730
CSRF_FAILURE_VIEW = "contact.views.csrf_failure"

# Security defaults that hold in development too.
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
