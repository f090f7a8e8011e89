import re
import struct
import zlib
from io import BytesIO
from unittest.mock import Mock

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from nada_site.uploads import validate_news_image
from news.images import make_renditions, rendition_name
from tests.news.conftest import image_bytes, image_upload, make_article

pytestmark = pytest.mark.django_db


def png_declaring(width, height):
    """A tiny PNG file whose header claims `width` x `height` pixels."""
    data = bytearray(image_bytes((1, 1), "PNG"))
    header = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + header))
    return bytes(data)


@pytest.mark.parametrize(
    ("name", "image_format"),
    [("photo.jpg", "JPEG"), ("photo.jpeg", "JPEG"), ("photo.PNG", "PNG"), ("photo.webp", "WEBP")],
)
def test_jpeg_png_and_webp_images_are_accepted(name, image_format):
    validate_news_image(SimpleUploadedFile(name, image_bytes((40, 30), image_format)))


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (SimpleUploadedFile("animation.gif", image_bytes((40, 30), "GIF")), "wrong_format"),
        (SimpleUploadedFile("photo.jpg", image_bytes((40, 30), "PNG")), "wrong_format"),
        (
            SimpleUploadedFile("photo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
            "not_an_image",
        ),
        (SimpleUploadedFile("page.jpg", b"<html><script>alert(1)</script></html>"), "not_an_image"),
        (SimpleUploadedFile("huge.jpg", b"\xff" * (5 * 1024 * 1024 + 1)), "too_large"),
        (SimpleUploadedFile("wide.png", png_declaring(6000, 5000)), "too_many_pixels"),
        (SimpleUploadedFile("bomb.png", png_declaring(10_000, 10_000)), "too_many_pixels"),
        (SimpleUploadedFile("bigger-bomb.png", png_declaring(50_000, 50_000)), "too_many_pixels"),
    ],
    ids=[
        "gif",
        "png-named-jpg",
        "svg",
        "html",
        "over-5mb",
        "over-25-megapixels",
        "bomb",
        "big-bomb",
    ],
)
def test_other_files_and_oversized_images_are_refused(upload, code):
    with pytest.raises(ValidationError) as error:
        validate_news_image(upload)
    assert error.value.code == code


def test_renditions_are_made_at_several_widths_without_upscaling(category):
    article = make_article("photo", image=image_upload(size=(1600, 900)), image_alt_ms="Foto")
    items = make_renditions(article)
    assert [(item.width, item.height) for item in items] == [
        (320, 180),
        (640, 360),
        (960, 540),
        (1280, 720),
    ]
    small = make_article(
        "small", image=image_upload("small.png", (500, 250), "PNG"), image_alt_ms="Foto"
    )
    assert [(item.width, item.height) for item in make_renditions(small)] == [
        (320, 160),
        (500, 250),
    ]


def test_renditions_are_webp_files_of_the_stated_size(category, settings):
    article = make_article("photo", image=image_upload(size=(1000, 500)), image_alt_ms="Foto")
    for item in make_renditions(article):
        path = settings.MEDIA_ROOT / item.url.removeprefix(settings.MEDIA_URL)
        with Image.open(path) as picture:
            assert picture.format == "WEBP"
            assert picture.size == (item.width, item.height)


def test_article_page_image_has_renditions_size_and_alt_text(client, category):
    article = make_article(
        "photo",
        image=image_upload(size=(1600, 900)),
        image_alt_ms="Delegasi di mesyuarat",
        image_alt_en="Delegates at the meeting",
        image_caption_en="The meeting in Kuala Lumpur",
    )
    html = client.get(f"/en/news/{article.slug}/").content.decode()
    img = re.search(r'<img class="news-image"[^>]*>', html).group(0)
    assert re.search(r'srcset="[^"]+ 320w, [^"]+ 640w, [^"]+ 960w, [^"]+ 1280w"', img)
    assert 'width="640" height="360"' in img
    assert 'alt="Delegates at the meeting"' in img
    assert 'loading="lazy"' not in img  # the article's image is at the top of the page
    assert "<figcaption>The meeting in Kuala Lumpur</figcaption>" in html
    assert '<meta property="og:image" content="http://testserver/media/news/renditions/' in html

    html = client.get("/ar/news/photo/").content.decode()
    assert 'alt="Delegasi di mesyuarat" lang="ms" dir="ltr"' in html


def test_list_images_below_the_first_load_lazily(client, category):
    for number in range(3):
        make_article(f"photo-{number}", image=image_upload(), image_alt_ms="Foto")
    html = client.get("/ms/news/").content.decode()
    images = re.findall(r'<img class="news-image"[^>]*>', html)
    assert len(images) == 3
    assert 'loading="lazy"' not in images[0]
    assert all('loading="lazy"' in image for image in images[1:])
    assert all(re.search(r'width="\d+" height="\d+"', image) for image in images)


def test_a_missing_image_file_does_not_break_the_page(client, category, settings):
    article = make_article("photo", image=image_upload(), image_alt_ms="Foto")
    (settings.MEDIA_ROOT / article.image.name).unlink()
    response = client.get(f"/ms/news/{article.slug}/")
    assert response.status_code == 200
    assert "news-image" not in response.content.decode()


def test_renditions_drop_the_original_metadata(category, settings):
    buffer = BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    Image.new("RGB", (800, 600)).save(buffer, "JPEG", exif=exif)
    article = make_article(
        "photo", image=SimpleUploadedFile("exif.jpg", buffer.getvalue()), image_alt_ms="Foto"
    )
    for item in make_renditions(article):
        with Image.open(settings.MEDIA_ROOT / item.url.removeprefix(settings.MEDIA_URL)) as picture:
            assert not picture.getexif()


@pytest.fixture
def storage_exists(monkeypatch):
    """Every question to the media storage whether a file exists, recorded."""
    exists = Mock(wraps=FileSystemStorage.exists, autospec=True)
    monkeypatch.setattr(FileSystemStorage, "exists", lambda storage, name: exists(storage, name))
    return exists


def test_pages_ask_the_storage_nothing_once_the_renditions_are_recorded(
    client, category, tag, storage_exists
):
    article = make_article("photo", tags=[tag], image=image_upload(), image_alt_ms="Foto")
    make_renditions(article)
    article.refresh_from_db()
    assert len(article.image_renditions) == 4
    storage_exists.reset_mock()
    for path in ("/ms/news/photo/", "/ms/news/", f"/en/news/tag/{tag.slug}/", "/ar/"):
        response = client.get(path)
        assert response.status_code == 200
        assert 'class="news-image"' in response.content.decode(), path
    storage_exists.assert_not_called()


def test_renditions_made_on_first_use_are_recorded(client, category, storage_exists):
    # An article made without the admin: nobody has made its renditions yet.
    article = make_article("photo", image=image_upload(size=(1000, 500)), image_alt_ms="Foto")
    assert article.image_renditions == []
    assert 'class="news-image"' in client.get("/ms/news/photo/").content.decode()
    article.refresh_from_db()
    assert [name.rsplit("-", 1)[-1] for name in article.image_renditions] == [
        "320w.webp",
        "640w.webp",
        "960w.webp",
        "1000w.webp",
    ]
    storage_exists.reset_mock()
    assert 'class="news-image"' in client.get("/ms/news/").content.decode()
    storage_exists.assert_not_called()


def test_a_new_image_is_not_served_the_renditions_of_the_old_one(client, category):
    article = make_article("photo", image=image_upload(), image_alt_ms="Foto")
    make_renditions(article)
    article.image = image_upload("other.png", (700, 350), "PNG")
    article.save()  # in code, without the admin: the record names the old image's files
    html = client.get("/ms/news/photo/").content.decode()
    assert re.search(r'srcset="[^"]+ 320w, [^"]+ 640w, [^"]+ 700w"', html)
    article.refresh_from_db()
    assert article.image_renditions == [
        rendition_name(article.image.name, width) for width in (320, 640, 700)
    ]
