"""
Uploaded files are stored under names the server makes: a random hex string
and the lower-cased extension the checks accepted, never the name sent.
"""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from international.models import Agreement
from nada_site.uploads import UploadTo, random_name
from news.models import Article
from tests.conftest import make_partner, post_to_editor, publication_data
from tests.news.conftest import image_upload, make_category

pytestmark = pytest.mark.django_db

RANDOM_NAME = r"[0-9a-f]{32}"


@pytest.mark.parametrize(
    ("sent", "extension"),
    [
        ("photo.JPG", ".jpg"),
        ("../../etc/passwd.png", ".png"),
        ("report.pdf.html", ".html"),
        ("<script>.pdf", ".pdf"),
        ("no-extension", ""),
        ("odd.p%00f", ""),
    ],
)
def test_a_stored_name_keeps_only_a_clean_extension(sent, extension):
    name = random_name(sent)
    assert re.fullmatch(RANDOM_NAME + re.escape(extension), name)


def test_upload_to_puts_files_in_dated_folders():
    path = UploadTo("news")(None, "Mesyuarat KL.jpeg")
    assert re.fullmatch(r"news/\d{4}/\d{2}/" + RANDOM_NAME + r"\.jpeg", path)


def test_a_news_image_is_stored_under_a_server_name(staff_client):
    category = make_category()
    response = staff_client.post(
        "/admin/news/article/add/",
        {
            "title_ms": "Mesyuarat",
            "slug": "mesyuarat",
            "status": "draft",
            "published_at_0": "2024-05-03",
            "published_at_1": "15:00:00",
            "category": category.pk,
            "image": image_upload("Mesyuarat Serantau (1).JPG", size=(800, 600)),
            "image_alt_ms": "Peserta mesyuarat",
            "key_points-TOTAL_FORMS": "0",
            "key_points-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    name = Article.objects.get().image.name
    assert re.fullmatch(r"news/\d{4}/\d{2}/" + RANDOM_NAME + r"\.jpg", name)


def test_an_agreement_document_is_stored_under_a_server_name(staff_client):
    partner = make_partner("asean")
    document = SimpleUploadedFile("Pelan Kerja ASEAN.PDF", b"%PDF-1.7\n...")
    response = staff_client.post(
        "/admin/international/agreement/add/",
        {
            "title_ms": "Pelan kerja",
            "slug": "pelan-kerja",
            "partners": [partner.pk],
            "kind": "regional",
            "instrument": "programme",
            "standing": "active",
            **publication_data(),
            "document": document,
        },
    )
    assert response.status_code == 302
    name = Agreement.objects.get().document.name
    assert re.fullmatch(r"agreements/\d{4}/\d{2}/" + RANDOM_NAME + r"\.pdf", name)


def test_an_editor_image_is_stored_under_a_server_name(staff_client):
    response = post_to_editor(
        staff_client,
        "/ckeditor/upload/",
        {"upload": image_upload("Peta Rantau.PNG", image_format="PNG")},
    )
    assert response.status_code == 200
    url = response.json()["url"]
    assert re.search(r"/editor/.*/" + RANDOM_NAME + r"\.png$", url), url
