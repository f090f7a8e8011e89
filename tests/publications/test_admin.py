"""Staff add publications with their files through the admin, and find them in its list."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from nada_site.models import ReviewRequest
from publications import samples
from publications.models import Publication
from tests.admin_forms import open_form
from tests.conftest import publication_data
from tests.publications.conftest import TABLE, make_publication

pytestmark = pytest.mark.django_db

ADD = "/admin/publications/publication/add/"
LIST = "/admin/publications/publication/"


def form_data(**changes):
    data = {
        "title_ms": "Statistik 2025",
        "summary_ms": "Jadual kerjasama.",
        "slug": "",
        "kind": "statistics",
        "date": "2026-01-15",
        **publication_data(),
    }
    data.update(changes)
    return data


def test_a_publisher_adds_statistics_with_a_pdf_and_a_csv(staff_client):
    pdf = SimpleUploadedFile("Laporan Akhir (1).PDF", samples.pdf("Statistik"))
    csv = SimpleUploadedFile("jadual.csv", samples.csv_table(TABLE))
    response = staff_client.post(ADD, form_data(pdf_ms=pdf, data=csv))
    assert response.status_code == 302
    publication = Publication.objects.get()
    assert publication.slug == "statistik-2025"
    assert publication.pdf_ms.name.startswith("publications/") and publication.pdf_ms.name.endswith(
        ".pdf"
    )
    assert "Laporan" not in publication.pdf_ms.name
    assert default_storage.exists(publication.data.name)
    assert publication.file_sizes == {
        "pdf_ms": len(samples.pdf("Statistik")),
        "data": len(samples.csv_table(TABLE)),
    }


@pytest.mark.parametrize(
    ("field", "name", "content"),
    [
        ("pdf_ms", "laporan.pdf", b"MZ\x90\x00\x03\x00program"),
        ("data", "jadual.xlsx", b"MZ\x90\x00\x03\x00program"),
        ("data", "jadual.csv", b"<html><script>alert(1)</script></html>"),
        ("data_en", "jadual.html", samples.csv_table(TABLE)),
    ],
)
def test_a_file_that_is_not_what_its_name_says_is_refused(staff_client, field, name, content):
    response = staff_client.post(ADD, form_data(**{field: SimpleUploadedFile(name, content)}))
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Publication.objects.exists()


def test_a_publication_needs_a_file_and_only_statistics_have_data(staff_client):
    response = staff_client.post(ADD, form_data())
    assert response.status_code == 200 and not Publication.objects.exists()
    csv = SimpleUploadedFile("jadual.csv", samples.csv_table(TABLE))
    response = staff_client.post(ADD, form_data(kind="speech", data=csv))
    assert response.status_code == 200 and not Publication.objects.exists()


@pytest.mark.parametrize("language", ["ms", "en", "ar"])
def test_the_list_filters_by_kind_and_year_in_each_language(staff_client, language):
    make_publication("laporan-2024", date=datetime.date(2024, 5, 1))
    make_publication("ucapan-2025", kind="speech", date=datetime.date(2025, 5, 1))
    staff_client.cookies["django_language"] = language
    html = staff_client.get(LIST).content.decode()
    assert f'lang="{language}"' in html
    assert '"?kind__exact=speech"' in html and '"?year=2024"' in html
    assert "Penerbitan laporan-2024" in html and "Penerbitan ucapan-2025" in html
    filtered = staff_client.get(LIST + "?kind__exact=speech").content.decode()
    assert "Penerbitan laporan-2024" not in filtered and "Penerbitan ucapan-2025" in filtered
    assert "Penerbitan laporan-2024" not in staff_client.get(LIST + "?year=2025").content.decode()
    assert "Penerbitan ucapan-2025" in staff_client.get(LIST + "?year=2025").content.decode()
    assert staff_client.get(LIST + "?year=abcd").status_code == 200


def test_a_new_file_proposed_by_an_editor_goes_live_with_its_size_once_approved(
    django_user_model,
):
    def client_in(role):
        user = django_user_model.objects.create_user(role, password="pw", is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        client = Client()
        client.force_login(user)
        return client

    publication = make_publication("laporan")
    old_name, old_size = publication.pdf_ms.name, publication.file_sizes["pdf_ms"]
    editor, publisher = client_in("Editors"), client_in("Publishers")
    url = f"/admin/publications/publication/{publication.pk}/change/"
    _response, form = open_form(editor, url, "publication")
    new_pdf = samples.pdf("Laporan yang dikemas kini dengan lebih banyak teks")
    form.update({"pdf_ms": SimpleUploadedFile("baharu.pdf", new_pdf)})
    assert editor.post(url, form.post_data()).status_code == 302

    publication.refresh_from_db()
    assert publication.pdf_ms.name == old_name and publication.file_sizes["pdf_ms"] == old_size
    review = ReviewRequest.objects.get()
    publisher.post(f"/admin/nada_site/reviewrequest/{review.pk}/change/", {"_approve": "1"})
    publication.refresh_from_db()
    assert publication.pdf_ms.name != old_name
    assert publication.file_sizes["pdf_ms"] == len(new_pdf)
    response = Client().get("/ms/publications/laporan/files/pdf-ms/")
    assert b"".join(response.streaming_content) == new_pdf
