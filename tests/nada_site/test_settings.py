"""
nada_site/settings.py read in a fresh process with a given environment, as
manage.py, gunicorn and the benchmarks read it.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
READ = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({name: getattr(s, name) for name in dir(s) if name.isupper()}, default=str))"
)


def settings_with(tmp_path, **variables):
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "nada_site.settings",
        **variables,
    }
    result = subprocess.run(
        [sys.executable, "-c", READ],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_empty_variables_count_as_unset(tmp_path):
    # .env.example leaves most variables empty.
    empty = ("DJANGO_DEBUG", "DATABASE_URL", "DJANGO_ALLOWED_HOSTS", "DJANGO_STATIC_ROOT")
    empty += ("DJANGO_EMAIL_BACKEND", "CONTACT_FALLBACK_EMAIL", "DJANGO_LOG_FORMAT", "EMAIL_PORT")
    settings = settings_with(tmp_path, **dict.fromkeys(empty, ""))
    assert settings["DEBUG"] is True
    database = settings["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(BASE_DIR / "db.sqlite3")
    assert database["CONN_MAX_AGE"] == 0
    assert database["CONN_HEALTH_CHECKS"] is True
    assert settings["ALLOWED_HOSTS"] == ["localhost", "127.0.0.1", "[::1]"]
    assert settings["STATIC_ROOT"] == str(BASE_DIR / "staticfiles")
    assert settings["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert settings["CONTACT_FALLBACK_EMAIL"] == settings["DEFAULT_FROM_EMAIL"]
    assert settings["LOGGING"]["handlers"]["console"]["formatter"] == "plain"
    assert settings["EMAIL_PORT"] == 25


def test_production_reads_its_variables(tmp_path):
    settings = settings_with(
        tmp_path,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="$not-a-variable-name",
        DJANGO_ALLOWED_HOSTS="international.adk.gov.my, www.international.adk.gov.my,",
        DATABASE_URL="postgres://nada:pa$$word@db.example:5432/nada",
        DATABASE_CONN_MAX_AGE="60",
        EMAIL_HOST_PASSWORD="$ecret",
    )
    assert settings["DEBUG"] is False
    assert settings["SECRET_KEY"] == "$not-a-variable-name"  # read as written
    assert settings["EMAIL_HOST_PASSWORD"] == "$ecret"
    assert settings["ALLOWED_HOSTS"] == ["international.adk.gov.my", "www.international.adk.gov.my"]
    database = settings["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["USER"], database["PASSWORD"], database["HOST"]) == (
        "nada",
        "pa$$word",
        "db.example",
    )
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    assert settings["LOGGING"]["handlers"]["console"]["formatter"] == "json"
    assert settings["TWO_FACTOR_REQUIRED"] is True


def test_whitenoise_serves_static_files_in_production_only(tmp_path):
    production = settings_with(tmp_path, DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 50)
    development = settings_with(tmp_path)
    whitenoise = "whitenoise.middleware.WhiteNoiseMiddleware"
    csp = "nada_site.middleware.ContentSecurityPolicyMiddleware"
    middleware = production["MIDDLEWARE"]
    assert middleware[middleware.index(csp) + 1] == whitenoise
    assert [name for name in middleware if name != whitenoise] == development["MIDDLEWARE"]
    assert "whitenoise" in production["STORAGES"]["staticfiles"]["BACKEND"]
    assert "whitenoise" not in development["STORAGES"]["staticfiles"]["BACKEND"]
