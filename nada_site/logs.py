"""Log records as one JSON object per line, for a log collector (LOGGING in settings)."""

import json
import logging
from datetime import UTC, datetime


class JsonFormatter(logging.Formatter):
    """
    time (ISO 8601, UTC), level, logger and message, plus the request's method
    and path and the response's status when the record carries them (Django's
    request loggers do), and the traceback of an exception as one string.
    """

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if hasattr(request, "path"):
            entry["method"] = request.method
            entry["path"] = request.path
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            # gunicorn's access log: its atoms (see gunicorn.conf.py).
            entry.update(
                method=record.args.get("m"),
                path=record.args.get("U"),
                status=_int_or_none(record.args.get("s")),
                duration_ms=_int_or_none(record.args.get("M")),
                client=record.args.get("h"),
            )
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
