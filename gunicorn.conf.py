"""
gunicorn settings, read from the environment (see docs/deployment.md):

    .venv/bin/gunicorn            # reads this file from the working directory

GUNICORN_BIND       address to listen on (default 127.0.0.1:8000; the proxy connects here)
GUNICORN_WORKERS    worker processes (default: 2 per CPU + 1)
GUNICORN_THREADS    threads per worker (default 2)
GUNICORN_TIMEOUT    seconds before a silent worker is restarted (default 30)
GUNICORN_GRACEFUL_TIMEOUT   seconds given to finish requests on restart (default 30)
GUNICORN_KEEPALIVE  seconds to keep an idle proxy connection (default 5)
GUNICORN_MAX_REQUESTS   requests before a worker is recycled (default 1000, 0 never)
GUNICORN_FORWARDED_ALLOW_IPS   proxies whose X-Forwarded-* headers are trusted (default 127.0.0.1)
"""

import multiprocessing
import os


def _int(name, default):
    value = os.environ.get(name)
    return int(value) if value else default


wsgi_app = "nada_site.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = _int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)
threads = _int("GUNICORN_THREADS", 2)
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = max_requests // 10
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Requests and errors on standard output, one JSON object per line, like the site's own logs.
accesslog = "-"
errorlog = "-"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "nada_site.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        }
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
