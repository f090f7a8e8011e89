"""
The checks a news image passes before it is stored: a JPEG, PNG or WebP file
(by name and by what Pillow reads in it), within a size and a pixel limit, and
never a decompression bomb.
"""

import warnings
from pathlib import Path

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 25_000_000
IMAGE_FORMATS = {
    "JPEG": {".jpg", ".jpeg"},
    "PNG": {".png"},
    "WEBP": {".webp"},
}


def validate_news_image(image):
    """Accept a JPEG, PNG or WebP image of at most 5 MB and 25 megapixels."""
    if image.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is larger than %(limit)s."),
            code="too_large",
            params={"limit": filesizeformat(MAX_IMAGE_BYTES)},
        )
    extension = Path(image.name).suffix.lower()
    position = image.tell() if hasattr(image, "tell") else 0
    image.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns about a moderately large bomb; refuse it outright.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(image) as picture:
                image_format = picture.format
                width, height = picture.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise ValidationError(
                        _("The image has more than %(limit)s million pixels."),
                        code="too_many_pixels",
                        params={"limit": MAX_IMAGE_PIXELS // 1_000_000},
                    )
                picture.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("The image has more than %(limit)s million pixels."),
            code="too_many_pixels",
            params={"limit": MAX_IMAGE_PIXELS // 1_000_000},
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("The file is not an image that can be read."), code="not_an_image"
        ) from error
    finally:
        image.seek(position)
    if extension not in IMAGE_FORMATS.get(image_format, set()):
        raise ValidationError(
            _("Only JPEG, PNG and WebP images with a matching file name are accepted."),
            code="wrong_format",
        )
