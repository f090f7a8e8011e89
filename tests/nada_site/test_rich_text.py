import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from nada_site.richtext import sanitize_html
from tests.conftest import post_to_editor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>ok</p><script>alert(1)</script>", "<p>ok</p>"),
        ('<img src="x.png" alt="a" onerror="alert(1)">', '<img src="x.png" alt="a">'),
        ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'),
        (
            '<p style="background:url(x)" dir="rtl" lang="ar">نص</p>',
            '<p dir="rtl" lang="ar">نص</p>',
        ),
        ("<svg><script>alert(1)</script></svg>", ""),
        ('<iframe src="https://example.com"></iframe>', ""),
    ],
)
def test_rich_text_keeps_only_the_allow_list(dirty, clean):
    assert sanitize_html(dirty) == clean


def image_file(name, image_format="PNG", size=(10, 10)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_staff_can_upload_an_image_to_the_editor(staff_client):
    response = post_to_editor(staff_client, "/ckeditor/upload/", {"upload": image_file("map.png")})
    assert response.status_code == 200
    assert response.json()["uploaded"] == "1"


@pytest.mark.parametrize(
    "upload",
    [
        lambda: SimpleUploadedFile("notes.png", b"<html><script>alert(1)</script>"),
        lambda: image_file("page.html"),
        lambda: image_file("map.svg"),
        lambda: image_file("photo.jpg", image_format="PNG"),
    ],
)
def test_editor_refuses_what_is_not_an_allowed_image(staff_client, upload):
    response = post_to_editor(staff_client, "/ckeditor/upload/", {"upload": upload()})
    assert response.status_code == 400


def test_editor_refuses_a_script_in_the_callback_number(staff_client):
    response = post_to_editor(
        staff_client,
        "/ckeditor/upload/?CKEditorFuncNum=1);alert(1);//",
        {"upload": image_file("map.png")},
    )
    assert response.status_code == 400


def test_editor_upload_answers_in_its_own_frame(staff_client):
    response = post_to_editor(
        staff_client, "/ckeditor/upload/?CKEditorFuncNum=3", {"upload": image_file("map.png")}
    )
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "window.parent.CKEDITOR.tools.callFunction(3, " in response.content.decode()


@pytest.mark.parametrize("token", ["", "another-token-0123456789"])
def test_editor_upload_without_the_editors_token_is_refused(token, django_user_model):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_superuser("s", "s@example.gov.my", "pw"))
    response = post_to_editor(
        client, "/ckeditor/upload/", {"upload": image_file("map.png")}, token=token
    )
    assert response.status_code == 403


def test_editor_upload_works_without_djangos_token(django_user_model):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_superuser("s", "s@example.gov.my", "pw"))
    response = post_to_editor(client, "/ckeditor/upload/", {"upload": image_file("map.png")})
    assert response.status_code == 200


def test_visitors_cannot_upload(client):
    response = client.post("/ckeditor/upload/", {"upload": image_file("map.png")})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("role", ["Editors", "Publishers", "Administrators"])
def test_each_role_may_use_the_editors_library(role, client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("someone", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    assert client.get("/ckeditor/browse/").status_code == 200
    response = post_to_editor(client, "/ckeditor/upload/", {"upload": image_file("map.png")})
    assert response.status_code == 200


def test_staff_status_alone_does_not_open_the_editors_library(client, django_user_model, settings):
    user = django_user_model.objects.create_user("no-role", password="pw", is_staff=True)
    client.force_login(user)
    assert client.get("/ckeditor/browse/").status_code == 403
    response = post_to_editor(client, "/ckeditor/upload/", {"upload": image_file("map.png")})
    assert response.status_code == 403
    uploaded = settings.MEDIA_ROOT / "editor"
    assert not uploaded.exists() or not list(uploaded.rglob("*.png"))
