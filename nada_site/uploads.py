"""
Uploaded files: the names they are stored under, and the rich text editor's
image upload, narrowed to what staff need: images of the allowed kinds,
checked by Pillow for what they really are, never files that a browser would
render as a page.

Every upload is stored under a name the server makes (a random hex string and
the lower-cased extension the validators accepted), never the name the
browser sent: no path tricks, no guessable names, no `.html` or double
extensions.
"""

import uuid
from functools import wraps
from pathlib import Path

from ckeditor_uploader import views as ckeditor_views
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest, HttpResponseForbidden
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from PIL import Image, UnidentifiedImageError

from nada_site.roles import has_role

ALLOWED_IMAGE_FORMATS = {
    "JPEG": {".jpg", ".jpeg"},
    "PNG": {".png"},
    "WEBP": {".webp"},
    "GIF": {".gif"},
}
EDITOR_TOKEN = "ckCsrfToken"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000


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


def image_upload_error(uploaded):
    """Why `uploaded` cannot be stored, or None when it is an allowed image."""
    if uploaded is None:
        return _("No file was sent.")
    if uploaded.size > MAX_UPLOAD_BYTES:
        return _("The image is larger than 5 MB.")
    extension = Path(uploaded.name).suffix.lower()
    try:
        with Image.open(uploaded) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return _("The file is not an image.")
    finally:
        uploaded.seek(0)
    if extension not in ALLOWED_IMAGE_FORMATS.get(image_format, set()):
        return _("Only JPEG, PNG, WebP and GIF images with a matching file name are accepted.")
    if width * height > MAX_IMAGE_PIXELS:
        return _("The image has too many pixels.")
    return None


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
    error = image_upload_error(request.FILES.get("upload"))
    if error:
        return HttpResponseBadRequest(error, content_type="text/plain; charset=utf-8")
    return ckeditor_views.upload(request)


browse_images = never_cache(role_required(ckeditor_views.browse))
