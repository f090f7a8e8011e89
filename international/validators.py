from pathlib import Path

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


def validate_pdf(document):
    """Accept a PDF file (by name and by content) of at most 10 MB."""
    if document.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The document is larger than %(limit)s."),
            code="too_large",
            params={"limit": filesizeformat(MAX_DOCUMENT_BYTES)},
        )
    if Path(document.name).suffix.lower() != ".pdf":
        raise ValidationError(_("The document must be a PDF file."), code="not_pdf")
    position = document.tell() if hasattr(document, "tell") else 0
    document.seek(0)
    header = document.read(5)
    document.seek(position)
    if header != b"%PDF-":
        raise ValidationError(_("The document must be a PDF file."), code="not_pdf")
