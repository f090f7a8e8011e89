"""
Publications: what the unit puts up to be downloaded (annual reports,
statistics, agreement texts, speeches and presentations, policy papers).

Each has a title and a summary in the site's languages, a kind and a date,
and its files: a PDF per language where there is one and, for statistics,
the data as an XLSX workbook or a CSV table, per language or one for all.
Every file is checked for what it really is (nada_site.uploads) and is
served as a download (publications.views.PublicationFileView). The size of
each file is recorded when the publication is saved, so that a list shows
"PDF, 1.2 MB" without asking the storage.
"""

from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from nada_site.localized import LANGUAGE_CODES, direction
from nada_site.search import WithoutSearchDocuments, add_search_documents
from nada_site.slugs import SlugFromMixin, slug_field
from nada_site.uploads import UploadTo, validate_pdf, validate_spreadsheet
from nada_site.workflow import Publishable, PublishableQuerySet
from publications.search import FIELDS as SEARCH_FIELDS

# What each accepted extension is served as.
FORMATS = {
    ".pdf": ("PDF", "application/pdf"),
    ".xlsx": ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".csv": ("CSV", "text/csv; charset=utf-8"),
}
# The file fields, in the order a page lists them: (field, key in addresses, language).
DOCUMENT_FIELDS = [(f"pdf_{code}", f"pdf-{code}", code) for code in LANGUAGE_CODES]
DATA_FIELDS = [("data", "data", None)] + [
    (f"data_{code}", f"data-{code}", code) for code in LANGUAGE_CODES
]
FILE_FIELDS = DOCUMENT_FIELDS + DATA_FIELDS
FILE_KEYS = {key: (field, code) for field, key, code in FILE_FIELDS}


@dataclass(frozen=True)
class PublicationFile:
    """One file of a publication, as a page shows it: its language, format, size and address."""

    key: str
    language: str | None
    format: str
    content_type: str
    size: int | None
    url: str
    download_name: str

    @property
    def language_name(self):
        """The language's own name ("Bahasa Melayu", "العربية"), written in it."""
        return get_language_info(self.language)["name_local"] if self.language else ""

    @property
    def direction(self):
        return direction(self.language) if self.language else ""

    @property
    def is_data(self):
        return self.format != "PDF"


class PublicationQuerySet(PublishableQuerySet):
    def public(self):
        """What the public sees (for lists, feeds, the sitemap and the site's search)."""
        return self.published()

    def for_listing(self):
        """The published publications, newest first."""
        return self.published().order_by("-date", "-id")

    def in_language(self, code):
        """Those with a file in the language `code` (a PDF or data)."""
        has_file = Q()
        for field, _key, language in FILE_FIELDS:
            if language == code:
                has_file |= ~Q(**{field: ""})
        return self.filter(has_file)

    def agreement_texts(self):
        return self.filter(kind=Publication.Kind.AGREEMENT)


def document_field(label):
    return models.FileField(
        label,
        upload_to=UploadTo("publications"),
        blank=True,
        validators=[validate_pdf],
        help_text=_("A PDF file of at most 10 MB, in this language."),
    )


def data_field(label, help_text):
    return models.FileField(
        label,
        upload_to=UploadTo("publications"),
        blank=True,
        validators=[validate_spreadsheet],
        help_text=help_text,
    )


DATA_HELP = _("Statistics only. An XLSX (without macros) or CSV file of at most 10 MB.")


class Publication(SlugFromMixin, Publishable):
    """A report, a table of statistics, an agreement's text, a speech or a policy paper."""

    class Kind(models.TextChoices):
        ANNUAL_REPORT = "annual-report", _("Annual report")
        STATISTICS = "statistics", _("Statistics")
        AGREEMENT = "agreement-text", _("Agreement text")
        SPEECH = "speech", _("Speech or presentation")
        POLICY = "policy-paper", _("Policy paper")

    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(
        _("summary"),
        max_length=2000,
        help_text=_("A few sentences on what the publication holds. Shown on its page."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    date = models.DateField(
        _("date"),
        help_text=_("The date of the publication itself: of the report, the speech, the table."),
    )
    slug = slug_field(
        _(
            "The publication's address on the site, the same in every language. "
            "Made from the title when left empty."
        )
    )
    pdf_ms = document_field(_("PDF in Malay"))
    pdf_en = document_field(_("PDF in English"))
    pdf_ar = document_field(_("PDF in Arabic"))
    data = data_field(
        _("data for all languages"),
        _(
            "Statistics only: one table for every language. An XLSX (without macros) or CSV "
            "file of at most 10 MB."
        ),
    )
    data_ms = data_field(_("data in Malay"), DATA_HELP)
    data_en = data_field(_("data in English"), DATA_HELP)
    data_ar = data_field(_("data in Arabic"), DATA_HELP)
    # {field name: size in bytes}, recorded on save.
    file_sizes = models.JSONField(_("file sizes"), default=dict, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = WithoutSearchDocuments.from_queryset(PublicationQuerySet)()

    class Meta(Publishable.Meta):
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["kind", "date"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("publications:detail", kwargs={"slug": self.slug})

    @property
    def is_statistics(self):
        return self.kind == self.Kind.STATISTICS

    def clean(self):
        super().clean()
        fields = [field for field, _key, _code in FILE_FIELDS]
        if not any(getattr(self, field) for field in fields):
            raise ValidationError(_("Add at least one file: a PDF, or the data of statistics."))
        data = [field for field, _key, _code in DATA_FIELDS if getattr(self, field)]
        if data and not self.is_statistics:
            raise ValidationError(
                {data[0]: _("Only statistics have data files (XLSX or CSV). Choose a PDF.")}
            )

    def save(self, *args, **kwargs):
        self.file_sizes = self.measured_sizes()
        super().save(*args, **kwargs)

    def measured_sizes(self):
        sizes = {}
        for field, _key, _code in FILE_FIELDS:
            file = getattr(self, field)
            if not file:
                continue
            try:
                sizes[field] = file.size
            except (OSError, ValueError):  # a file missing from the storage
                continue
        return sizes

    def files(self, fields=FILE_FIELDS):
        """The publication's files, PDFs first, each in its language (data may be in none)."""
        found = []
        for field, key, code in fields:
            file = getattr(self, field)
            if not file:
                continue
            extension = Path(file.name).suffix.lower()
            if extension not in FORMATS:
                continue
            name, content_type = FORMATS[extension]
            suffix = f"-{code}" if code else ""
            found.append(
                PublicationFile(
                    key=key,
                    language=code,
                    format=name,
                    content_type=content_type,
                    size=self.file_sizes.get(field),
                    url=reverse("publications:file", kwargs={"slug": self.slug, "key": key}),
                    download_name=f"{self.slug}{suffix}{extension}",
                )
            )
        return found

    @property
    def documents(self):
        return self.files(DOCUMENT_FIELDS)

    @property
    def data_files(self):
        return self.files(DATA_FIELDS)


add_search_documents(Publication, SEARCH_FIELDS)
