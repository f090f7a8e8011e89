"""
The rich text editor's image upload, narrowed to what staff need: images of
the allowed kinds, checked by Pillow for what they really are, never files
that a browser would render as a page.
"""

from pathlib import Path

from ckeditor_uploader import views as ckeditor_views
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from PIL import Image, UnidentifiedImageError

ALLOWED_IMAGE_FORMATS = {
    "JPEG": {".jpg", ".jpeg"},
    "PNG": {".png"},
    "WEBP": {".webp"},
    "GIF": {".gif"},
}
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000


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


@never_cache
@staff_member_required
@require_POST
def upload_image(request):
    func_num = request.GET.get("CKEditorFuncNum", "")
    if func_num and not func_num.isdigit():
        return HttpResponseBadRequest()
    error = image_upload_error(request.FILES.get("upload"))
    if error:
        return HttpResponseBadRequest(error, content_type="text/plain; charset=utf-8")
    return ckeditor_views.upload(request)


browse_images = never_cache(staff_member_required(ckeditor_views.browse))
