"""
Responsive renditions of an article's image: WebP copies at a few widths,
made once with Pillow and stored beside the media files. Re-encoding also
drops the original's metadata (camera, location) from what readers download.

A rendition's name follows from the image's name and the width. The article
records the renditions made of its image (`Article.image_renditions`), so a
page builds its `srcset` without asking the storage anything: renditions are
made and recorded when staff save a new image, or on first use when nobody
recorded them (an image approved from a proposal, an article made in code).
"""

import hashlib
import logging
import posixpath
from dataclasses import dataclass
from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

WIDTHS = (320, 640, 960, 1280)
QUALITY = 80
EXIF_ORIENTATION = 0x0112


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


def rendition_widths(original_width):
    """The widths to offer for an image `original_width` pixels wide (never upscaled)."""
    widths = [width for width in WIDTHS if width < original_width]
    widths.append(min(original_width, WIDTHS[-1]))
    return sorted(set(widths))


def rendition_name(image_name, width):
    stem = posixpath.splitext(posixpath.basename(image_name))[0][:60]
    digest = hashlib.sha256(image_name.encode()).hexdigest()[:10]
    return f"news/renditions/{stem}-{digest}-{width}w.webp"


def _render(field, width):
    field.open("rb")
    try:
        with Image.open(field) as picture:
            # A JPEG decodes faster at a fraction of its size; never below the target.
            picture.draft("RGB", (width, max(1, picture.height * width // picture.width)))
            picture = ImageOps.exif_transpose(picture)
            if picture.mode not in ("RGB", "RGBA"):
                picture = picture.convert("RGBA" if "A" in picture.getbands() else "RGB")
            height = max(1, round(picture.height * width / picture.width))
            picture = picture.resize((width, height), Image.Resampling.LANCZOS)
            output = BytesIO()
            picture.save(output, "WEBP", quality=QUALITY, method=4)
    finally:
        field.close()
    return ContentFile(output.getvalue())


def renditions(article):
    """
    The renditions of `article`'s image, smallest first. When the article's
    record lists them all they are known to be in storage, and nothing is
    asked of it; otherwise the missing ones are made and the record is
    updated. An empty list when there is no image or it cannot be read.
    """
    field, width, height = article.image, article.image_width, article.image_height
    if not field or not width or not height:
        return []
    names = {size: rendition_name(field.name, size) for size in rendition_widths(width)}
    if not set(names.values()) <= set(article.image_renditions or ()):
        if not _make_missing(field, names):
            return []
        _record(article, list(names.values()))
    storage = field.storage
    return [
        Rendition(storage.url(name), size, max(1, round(height * size / width)))
        for size, name in names.items()
    ]


def _make_missing(field, names):
    """Make each rendition in `names` (width: name) that storage lacks; False when one fails."""
    storage = field.storage
    for size, name in names.items():
        if storage.exists(name):
            continue
        try:
            storage.save(name, _render(field, size))
        except (OSError, ValueError, Image.DecompressionBombError):
            logger.warning("Could not make a %spx rendition of %s", size, field.name)
            return False
    return True


def _record(article, names):
    """
    Keep on the article which renditions its image has. A plain update: no
    signal, no new revision, no change of `updated_at`; and none at all if
    someone has given the article another image meanwhile.
    """
    article.image_renditions = names
    if article.pk is not None:
        type(article)._default_manager.filter(pk=article.pk, image=article.image.name).update(
            image_renditions=names
        )


def upright(image_file):
    """
    `image_file` turned the way its camera's orientation tag says, so that its
    stored width and height are those readers see; itself when already upright.
    """
    image_file.seek(0)
    try:
        with Image.open(image_file) as picture:
            if picture.getexif().get(EXIF_ORIENTATION, 1) == 1:
                return image_file
            image_format = picture.format
            turned = ImageOps.exif_transpose(picture)
            output = BytesIO()
            options = {"quality": 90} if image_format in ("JPEG", "WEBP") else {}
            turned.save(output, image_format, **options)
    except (OSError, ValueError, Image.DecompressionBombError):
        return image_file
    finally:
        image_file.seek(0)
    return ContentFile(output.getvalue(), name=posixpath.basename(image_file.name))


def make_renditions(article):
    """
    Make the renditions of `article`'s image now and record them, so that no
    reader waits for them and no page asks the storage about them.
    """
    article.image_renditions = []
    return renditions(article)
