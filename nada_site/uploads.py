"""
Uploaded files: the kinds staff may upload and the one check they all pass,
the names they are stored under, and the rich text editor's image upload.

A kind (`KINDS`) says which real formats it accepts and under which
extensions, how large a file may be and, for images, how many pixels it may
have. `validate_upload` checks a file against its kind: its size; what it
really is, read by the kind's reader (Pillow for an image, the `%PDF-`
signature for a PDF), never trusting the name or the browser's content type;
its pixels; and whether its name's extension matches what it is. A new kind
is one more entry, with a reader of its own when no existing one knows its
format. No kind accepts what a browser would render as a page (HTML, SVG).

Spreadsheets (`read_spreadsheet`) are an XLSX workbook, read as the zip
archive it is (the parts every workbook has, no macros, and no more
unpacked bytes than a limit, so that no zip bomb gets in), or a CSV file:
UTF-8 text without control characters, rows a CSV reader can split, and no
cell that a spreadsheet program would run as a formula.

Every upload is stored under a name the server makes (a random hex string and
the lower-cased extension the check accepted), never the name the browser
sent: no path tricks, no guessable names, no `.html` or double extensions.
"""

import csv
import io
import re
import uuid
import warnings
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import wraps
from pathlib import Path

from ckeditor_uploader import views as ckeditor_views
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseBadRequest, HttpResponseForbidden
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from PIL import Image, UnidentifiedImageError

from nada_site.roles import has_role

EDITOR_TOKEN = "ckCsrfToken"
MEGABYTE = 1024 * 1024


class Unacceptable(Exception):
    """What a reader found wrong with a file: one of the reasons a kind has a message for."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Refusal:
    """The error code and the message (with `%(limit)s` where it names a limit) of one reason."""

    code: str
    message: str


@dataclass(frozen=True)
class UploadKind:
    """
    One kind of file staff may upload. `read(file, kind)` names the file's
    real format, or raises `Unacceptable`; `formats` maps each accepted format
    to the extensions its files may have; `refusals` holds a `Refusal` for
    each reason: "too_large", "unreadable", "wrong_format" and, with
    `max_pixels`, "too_many_pixels".
    """

    read: Callable
    formats: Mapping[str, frozenset[str]]
    max_bytes: int
    refusals: Mapping[str, Refusal]
    max_pixels: int | None = None

    def refuse(self, reason):
        """The ValidationError for `reason`, naming the limit the file went over."""
        refusal = self.refusals[reason]
        params = None
        if reason == "too_large":
            params = {"limit": filesizeformat(self.max_bytes)}
        elif reason == "too_many_pixels":
            params = {"limit": self.max_pixels // 1_000_000}
        return ValidationError(refusal.message, code=refusal.code, params=params)


def read_image(file, kind):
    """The format Pillow reads in `file`, once its pixels are within `kind`'s limit."""
    with warnings.catch_warnings():
        # Pillow only warns about a moderately large bomb; refuse it outright.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(file) as picture:
                width, height = picture.size
                # Before verify(): a header alone may claim a bomb's size.
                if width * height > kind.max_pixels:
                    raise Unacceptable("too_many_pixels")
                picture.verify()
                return picture.format
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise Unacceptable("too_many_pixels") from error
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            raise Unacceptable("unreadable") from error


def read_pdf(file, kind):
    """The format of a file that starts with the PDF signature: "PDF"."""
    if file.read(5) != b"%PDF-":
        raise Unacceptable("unreadable")
    return "PDF"


# An XLSX workbook's parts, and what would make it something else.
XLSX_PARTS = frozenset({"[Content_Types].xml", "xl/workbook.xml"})
XLSX_MAIN_TYPE = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
XLSX_MAX_UNPACKED = 100 * MEGABYTE
XLSX_MAX_PARTS = 10_000
# A CSV cell starting with one of these is a formula to a spreadsheet program,
# unless it is a number ("-12.5").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_xlsx(file):
    """The format "XLSX", for a workbook without macros whose parts unpack within the limits."""
    try:
        with zipfile.ZipFile(file) as archive:
            parts = archive.infolist()
            names = {part.filename for part in parts}
            if len(parts) > XLSX_MAX_PARTS or not XLSX_PARTS <= names:
                raise Unacceptable("unreadable")
            if sum(part.file_size for part in parts) > XLSX_MAX_UNPACKED:
                raise Unacceptable("unreadable")
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                raise Unacceptable("unreadable")
            with archive.open("[Content_Types].xml") as types:
                if XLSX_MAIN_TYPE not in types.read(MEGABYTE):
                    raise Unacceptable("unreadable")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise Unacceptable("unreadable") from error
    return "XLSX"


def is_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def read_csv(file):
    """The format "CSV", for UTF-8 text that splits into rows, with no control characters and no formula."""
    try:
        text = file.read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Unacceptable("unreadable") from error
    if not text.strip() or CONTROL_CHARACTERS.search(text):
        raise Unacceptable("unreadable")
    if text.lstrip().startswith("<"):  # a page, not a table
        raise Unacceptable("unreadable")
    try:
        for row in csv.reader(io.StringIO(text, newline=""), strict=True):
            for cell in row:
                # A lone "-" is how tables of figures write "nil".
                if len(cell) > 1 and cell.startswith(FORMULA_STARTS) and not is_number(cell):
                    raise Unacceptable("formula")
    except csv.Error as error:
        raise Unacceptable("unreadable") from error
    return "CSV"


def read_spreadsheet(file, kind):
    """An XLSX workbook (a zip archive) or a CSV file, as the file's first bytes say."""
    if file.read(4) == b"PK\x03\x04":
        file.seek(0)
        return read_xlsx(file)
    file.seek(0)
    return read_csv(file)


JPEG_PNG_WEBP = {
    "JPEG": frozenset({".jpg", ".jpeg"}),
    "PNG": frozenset({".png"}),
    "WEBP": frozenset({".webp"}),
}

# What staff read when an image of the news or of the header is refused.
IMAGE_REFUSALS = {
    "too_large": Refusal("too_large", gettext_lazy("The image is larger than %(limit)s.")),
    "unreadable": Refusal(
        "not_an_image", gettext_lazy("The file is not an image that can be read.")
    ),
    "wrong_format": Refusal(
        "wrong_format",
        gettext_lazy("Only JPEG, PNG and WebP images with a matching file name are accepted."),
    ),
    "too_many_pixels": Refusal(
        "too_many_pixels", gettext_lazy("The image has more than %(limit)s million pixels.")
    ),
}

KINDS = {
    # An article's image (news.Article.image).
    "news_image": UploadKind(
        read=read_image,
        formats=JPEG_PNG_WEBP,
        max_bytes=5 * MEGABYTE,
        max_pixels=25_000_000,
        refusals=IMAGE_REFUSALS,
    ),
    # The agency's logo and the national crest (nada_site.SiteSettings).
    "header_image": UploadKind(
        read=read_image,
        formats=JPEG_PNG_WEBP,
        max_bytes=2 * MEGABYTE,
        max_pixels=4_000_000,
        refusals=IMAGE_REFUSALS,
    ),
    # An image uploaded through the rich text editor (upload_image below).
    "editor_image": UploadKind(
        read=read_image,
        formats={**JPEG_PNG_WEBP, "GIF": frozenset({".gif"})},
        max_bytes=5 * MEGABYTE,
        max_pixels=40_000_000,
        refusals={
            "too_large": Refusal("too_large", gettext_lazy("The image is larger than 5 MB.")),
            "unreadable": Refusal("not_an_image", gettext_lazy("The file is not an image.")),
            "wrong_format": Refusal(
                "wrong_format",
                gettext_lazy(
                    "Only JPEG, PNG, WebP and GIF images with a matching file name are accepted."
                ),
            ),
            "too_many_pixels": Refusal(
                "too_many_pixels", gettext_lazy("The image has too many pixels.")
            ),
        },
    ),
    # An agreement's document (international.Agreement.document).
    "pdf": UploadKind(
        read=read_pdf,
        formats={"PDF": frozenset({".pdf"})},
        max_bytes=10 * MEGABYTE,
        refusals={
            "too_large": Refusal(
                "too_large", gettext_lazy("The document is larger than %(limit)s.")
            ),
            "unreadable": Refusal("not_pdf", gettext_lazy("The document must be a PDF file.")),
            "wrong_format": Refusal("not_pdf", gettext_lazy("The document must be a PDF file.")),
        },
    ),
    # A publication's data (publications.Publication.data_*): statistics as a
    # workbook or a table.
    "spreadsheet": UploadKind(
        read=read_spreadsheet,
        formats={"XLSX": frozenset({".xlsx"}), "CSV": frozenset({".csv"})},
        max_bytes=10 * MEGABYTE,
        refusals={
            "too_large": Refusal("too_large", gettext_lazy("The file is larger than %(limit)s.")),
            "unreadable": Refusal(
                "not_a_spreadsheet",
                gettext_lazy(
                    "The file must be an Excel workbook (XLSX, without macros) or a CSV file "
                    "in UTF-8."
                ),
            ),
            "formula": Refusal(
                "formula",
                gettext_lazy(
                    "The CSV file has a cell that starts like a formula (=, +, -, @). "
                    "Save the values only."
                ),
            ),
            "wrong_format": Refusal(
                "wrong_format",
                gettext_lazy("Only XLSX and CSV files with a matching file name are accepted."),
            ),
        },
    ),
}


def validate_upload(file, kind_name):
    """Raise a ValidationError unless `file` is an acceptable file of the kind `kind_name`."""
    kind = KINDS[kind_name]
    if file.size > kind.max_bytes:
        raise kind.refuse("too_large")
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    try:
        real_format = kind.read(file, kind)
    except Unacceptable as unacceptable:
        raise kind.refuse(unacceptable.reason) from unacceptable
    finally:
        file.seek(position)
    if Path(file.name).suffix.lower() not in kind.formats.get(real_format, ()):
        raise kind.refuse("wrong_format")


@deconstructible
class UploadValidator:
    """A model field's validator: `validators=[UploadValidator("pdf")]`."""

    def __init__(self, kind_name):
        if kind_name not in KINDS:
            raise ValueError(f"No upload kind {kind_name!r}")
        self.kind_name = kind_name

    def __call__(self, file):
        validate_upload(file, self.kind_name)

    def __eq__(self, other):
        return isinstance(other, UploadValidator) and other.kind_name == self.kind_name


validate_news_image = UploadValidator("news_image")
validate_pdf = UploadValidator("pdf")
validate_spreadsheet = UploadValidator("spreadsheet")
validate_header_image = UploadValidator("header_image")


def random_name(original_name):
    """A new random file name that keeps only the original's extension, lower-cased."""
    extension = Path(original_name).suffix.lower()
    if not extension[1:].isalnum():
        extension = ""
    return f"{uuid.uuid4().hex}{extension}"


@deconstructible
class UploadTo:
    """`upload_to` for a model's file field: `<folder>/<year>/<month>/<random name>`."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        return f"{self.folder}/{timezone.now():%Y/%m}/{random_name(filename)}"

    def __eq__(self, other):
        return isinstance(other, UploadTo) and other.folder == self.folder


def editor_file_name(filename, request):
    """CKEDITOR_FILENAME_GENERATOR: the editor's uploads get server-made names too."""
    return random_name(filename)


def has_editor_token(request):
    """
    CKEditor 4 protects its uploads with a token of its own: the same random
    value in the `ckCsrfToken` cookie and form field (a double submit). It
    cannot send Django's token, so this check stands in for Django's, on top
    of the staff session (whose cookie a cross-site post does not carry).
    """
    sent = request.POST.get(EDITOR_TOKEN, "")
    return len(sent) >= 16 and constant_time_compare(sent, request.COOKIES.get(EDITOR_TOKEN, ""))


def role_required(view):
    """Staff status alone is not enough: the editor's library needs an Editor, Publisher or Administrator."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not has_role(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return staff_member_required(checked)


def refused(reason):
    """The editor shows the text of a 400 reply to the member of staff."""
    return HttpResponseBadRequest(reason, content_type="text/plain; charset=utf-8")


@csrf_exempt  # Checked by has_editor_token instead.
@xframe_options_sameorigin  # The editor reads the reply in a frame of its own page.
@never_cache
@role_required
@require_POST
def upload_image(request):
    if not has_editor_token(request):
        return HttpResponseForbidden(
            _("The upload could not be verified. Reload the page and try again.")
        )
    func_num = request.GET.get("CKEditorFuncNum", "")
    if func_num and not func_num.isdigit():
        return HttpResponseBadRequest()
    uploaded = request.FILES.get("upload")
    if uploaded is None:
        return refused(_("No file was sent."))
    try:
        validate_upload(uploaded, "editor_image")
    except ValidationError as error:
        return refused(error.messages[0])
    return ckeditor_views.upload(request)


browse_images = never_cache(role_required(ckeditor_views.browse))
