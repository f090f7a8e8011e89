"""Log records as one JSON object per line, for a log collector (LOGGING in settings)."""

from datetime import UTC, datetime

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter


class JsonFormatter(BaseJsonFormatter):
    """
    python-json-logger's formatter with our field names: time (ISO 8601, UTC),
    level, logger and message, the request's method and path and the
    response's status when the record carries them (Django's request loggers
    do), gunicorn's access atoms, the traceback of an exception as one string,
    and any `extra` a call passes.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(
            "{message}",
            style="{",
            rename_fields={"exc_info": "exception", "status_code": "status"},
            # The request object itself is never written; its method and path are.
            reserved_attrs=[*RESERVED_ATTRS, "request", "server_time"],
            json_ensure_ascii=False,
        )

    def add_fields(self, log_data, record, message_dict):
        log_data["time"] = datetime.fromtimestamp(record.created, UTC).isoformat(
            timespec="milliseconds"
        )
        log_data["level"] = record.levelname
        log_data["logger"] = record.name
        super().add_fields(log_data, record, message_dict)
        request = getattr(record, "request", None)
        if hasattr(request, "path"):
            log_data["method"] = request.method
            log_data["path"] = request.path
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            # gunicorn's access log: its atoms (see gunicorn.conf.py).
            log_data.update(
                method=record.args.get("m"),
                path=record.args.get("U"),
                status=_int_or_none(record.args.get("s")),
                duration_ms=_int_or_none(record.args.get("M")),
                client=record.args.get("h"),
            )


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
