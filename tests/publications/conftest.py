import datetime

from django.core.files.base import ContentFile

from publications import samples
from publications.models import Publication
from tests.conftest import PUBLISHED

TABLE = [["Tahun", "Kes"], [2024, 12], [2025, 15]]


def make_publication(slug="laporan", kind=Publication.Kind.ANNUAL_REPORT, files=None, **fields):
    """A published publication with, unless told otherwise, a Malay PDF."""
    fields.setdefault("title_ms", f"Penerbitan {slug}")
    fields.setdefault("summary_ms", f"Ringkasan {slug}.")
    fields.setdefault("date", datetime.date(2025, 6, 1))
    publication = Publication(slug=slug, kind=kind, **{**PUBLISHED, **fields})
    if files is None:
        files = {"pdf_ms": ("laporan.pdf", samples.pdf(f"Penerbitan {slug}"))}
    for field, (name, content) in files.items():
        getattr(publication, field).save(name, ContentFile(content), save=False)
    publication.save()
    return publication


def statistics_files():
    return {
        "pdf_ms": ("statistik.pdf", samples.pdf("Statistik")),
        "data": ("statistik.csv", samples.csv_table(TABLE)),
        "data_en": ("statistics.xlsx", samples.xlsx(TABLE)),
    }
