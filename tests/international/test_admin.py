import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from international.models import Agreement, Objective, UnitProfile
from nada_site.translated_admin import edit_token
from tests.admin_forms import open_form
from tests.conftest import make_partner, publication_data

pytestmark = pytest.mark.django_db

PROFILE_URL = "/admin/international/unitprofile/1/change/"


def profile_form_data(profile, **changes):
    data = {
        "name_ms": profile.name_ms,
        "name_en": profile.name_en or "",
        "name_ar": profile.name_ar or "",
        "introduction_ms": profile.introduction_ms,
        "address_ms": profile.address_ms,
        "status": profile.status,
        "edit_token": edit_token(profile),
    }
    for prefix in ("objective_items", "approach_items"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(changes)
    return data


def test_staff_edit_of_the_profile_shows_on_the_public_page(staff_client, profile):
    response = staff_client.post(
        PROFILE_URL,
        profile_form_data(
            profile, introduction_ar="<p>نص جديد عن الوحدة</p>", office_hours_en="Weekdays 8 to 5"
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "نص جديد عن الوحدة" in staff_client.get("/ar/international/").content.decode()
    assert "Weekdays 8 to 5" in staff_client.get("/en/international/").content.decode()


def test_staff_add_and_hide_objectives_inline(staff_client, profile):
    prefix = "objective_items"
    data = profile_form_data(profile)
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": "2",
            f"{prefix}-0-text_ms": "Objektif kedua",
            f"{prefix}-0-order": "2",
            f"{prefix}-0-is_visible": "on",
            f"{prefix}-1-text_ms": "Objektif draf",
            f"{prefix}-1-order": "1",
        }
    )
    response = staff_client.post(PROFILE_URL, data)
    assert response.status_code == 302
    html = staff_client.get("/ms/international/").content.decode()
    assert "Objektif kedua" in html
    assert "Objektif draf" not in html
    assert Objective.objects.count() == 2


def test_malay_is_the_only_required_language(staff_client, profile):
    response = staff_client.post(PROFILE_URL, profile_form_data(profile, name_ms=""))
    assert response.status_code == 200
    assert "name_ms" in response.context["adminform"].form.errors
    assert "name_en" not in response.context["adminform"].form.errors


def test_rich_text_is_stored_without_scripts(staff_client, profile):
    payload = '<p dir="rtl" lang="ar" onclick="steal()">مرحبا</p><script>alert(1)</script><a href="javascript:alert(1)">x</a>'
    staff_client.post(PROFILE_URL, profile_form_data(profile, introduction_ar=payload))
    profile.refresh_from_db()
    assert profile.introduction_ar.startswith('<p dir="rtl" lang="ar">مرحبا</p>')
    assert "<script" not in profile.introduction_ar
    assert "onclick" not in profile.introduction_ar
    assert "javascript:" not in profile.introduction_ar
    html = staff_client.get("/ar/international/").content.decode()
    assert "alert(1)" not in html


def test_arabic_editor_writes_right_to_left(staff_client, profile):
    html = staff_client.get(PROFILE_URL).content.decode()
    assert "&quot;contentsLangDirection&quot;: &quot;rtl&quot;" in html
    assert 'name="name_ar"' in html and 'dir="rtl"' in html


def test_admin_uses_our_own_jquery_ui(staff_client, profile):
    html = staff_client.get(PROFILE_URL).content.decode()
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html
    assert "googleapis" not in html


def test_the_profile_is_added_through_the_admin_form(staff_client):
    url = "/admin/international/unitprofile/add/"
    _response, form = open_form(staff_client, url, "unitprofile")
    form.update(
        {
            "name_ms": "Unit Antarabangsa",
            "introduction_ms": "<p>Pengenalan.</p>",
            "address_ms": "Kajang",
            "email": "unit@example.gov.my",
        }
    )
    response = staff_client.post(url, form.post_data())
    assert response.status_code == 302
    assert UnitProfile.objects.get().name_ms == "Unit Antarabangsa"


def test_profile_cannot_be_added_twice_or_deleted(staff_client, profile):
    assert staff_client.get("/admin/international/unitprofile/add/").status_code == 403
    assert staff_client.get("/admin/international/unitprofile/1/delete/").status_code == 403
    response = staff_client.get("/admin/international/unitprofile/")
    assert response.status_code == 302
    assert response["Location"] == PROFILE_URL


def test_first_profile_can_be_added(staff_client):
    response = staff_client.get("/admin/international/unitprofile/")
    assert response["Location"] == "/admin/international/unitprofile/add/"
    assert staff_client.get(response["Location"]).status_code == 200


def agreement_form_data(**changes):
    partner = make_partner("asean")
    data = {
        "title_ms": "Pelan kerja ASEAN",
        "slug": "pelan-kerja-asean",
        "partners": [partner.pk],
        "kind": "regional",
        "instrument": "programme",
        "standing": "active",
        **publication_data(),
    }
    data.update(changes)
    return data


def test_agreement_with_a_pdf_is_saved(staff_client):
    document = SimpleUploadedFile("plan.pdf", b"%PDF-1.7\n...", content_type="application/pdf")
    response = staff_client.post(
        "/admin/international/agreement/add/", agreement_form_data(document=document)
    )
    assert response.status_code == 302
    assert Agreement.objects.get().document.name.endswith(".pdf")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("plan.pdf", b"<html><script>alert(1)</script></html>"),
        ("plan.html", b"%PDF-1.7"),
        ("plan.exe", b"MZ\x90\x00"),
    ],
)
def test_agreement_document_must_be_a_pdf(staff_client, name, content):
    document = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = staff_client.post(
        "/admin/international/agreement/add/", agreement_form_data(document=document)
    )
    assert response.status_code == 200
    assert (
        "Dokumen mestilah fail PDF." in response.content.decode()
    )  # the admin speaks Malay by default
    assert not Agreement.objects.exists()


def test_agreement_list_shows_languages(staff_client):
    from tests.conftest import make_agreement

    make_agreement(slug="x", title_ms="Satu", summary_ms="Ringkasan.", title_ar="واحد")
    staff_client.cookies["django_language"] = "en"
    html = staff_client.get("/admin/international/agreement/").content.decode()
    assert "Malay: complete, English: missing, Arabic: incomplete" in html


def test_non_staff_cannot_reach_the_admin(client, django_user_model):
    user = django_user_model.objects.create_user("visitor", password="pw")
    client.force_login(user)
    response = client.get(PROFILE_URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_profile_is_a_singleton_in_the_database(profile):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        UnitProfile.objects.create(
            name_ms="Kedua", introduction_ms="x", address_ms="x", email="x@example.com"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        UnitProfile.objects.filter(pk=1).update(id=2)
    assert UnitProfile.objects.count() == 1
