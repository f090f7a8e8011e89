"""
The site settings (nada_site.SiteSettings): only Administrators change them,
on every path; the header's images are checked uploads with their text
alternative; the footer shows the links with accessible names in every
language; no image ever comes from elsewhere; a change refreshes the cached pages.
"""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from nada_site import pagecache
from nada_site.models import SiteLink, SiteSettings, SocialAccount
from tests.admin_forms import open_form
from tests.news.conftest import image_bytes

pytestmark = pytest.mark.django_db

LANGUAGES = ["ms", "en", "ar"]
CHANGELIST = "/admin/nada_site/sitesettings/"


def client_in(django_user_model, role):
    user = django_user_model.objects.create_user(role.lower(), password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def record(db):
    return SiteSettings.objects.create()


def change_url(record):
    return f"{CHANGELIST}{record.pk}/change/"


def settings_form(client, record):
    _response, form = open_form(client, change_url(record), "sitesettings")
    return form


# Who may change them ----------------------------------------------------------------------


@pytest.mark.parametrize("role", ["Editors", "Publishers"])
def test_editors_and_publishers_cannot_read_or_change_the_settings(role, record, django_user_model):
    client = client_in(django_user_model, role)
    for path in (
        CHANGELIST,
        change_url(record),
        f"{change_url(record)}../history/",
        f"{CHANGELIST}add/",
        f"{change_url(record)}../delete/",
    ):
        assert client.get(path).status_code in (403, 404), path
    response = client.post(change_url(record), {"complaints_url": "https://evil.example/"})
    assert response.status_code == 403
    record.refresh_from_db()
    assert record.complaints_url == ""
    # The inline records have no admin of their own.
    for path in ("/admin/nada_site/socialaccount/", "/admin/nada_site/sitelink/"):
        assert client.get(path).status_code == 404
    assert "sitesettings" not in client.get("/admin/").content.decode()


def test_administrators_find_the_one_record_from_the_list(django_user_model):
    client = client_in(django_user_model, "Administrators")
    response = client.get(CHANGELIST)
    record = SiteSettings.objects.get()
    assert response.status_code == 302 and response["Location"] == change_url(record)
    client.get(CHANGELIST)
    assert SiteSettings.objects.count() == 1
    assert client.get(f"{CHANGELIST}add/").status_code == 403
    assert client.get(f"{change_url(record)}../delete/").status_code == 403


def test_administrators_add_links_and_the_cached_pages_are_refreshed(record, django_user_model):
    client = client_in(django_user_model, "Administrators")
    form = settings_form(client, record)
    form.update({"complaints_url": "https://sispaa.example.gov.my/aadk/"})
    form.add_inline("social_accounts", network="facebook", url="https://facebook.example/aadk")
    form.add_inline(
        "links",
        kind="online_service",
        label_ms="Permohonan rawatan",
        label_en="Apply for treatment",
        url="https://services.example.gov.my/",
    )
    generation = pagecache.new_generation()
    assert pagecache.current_generation() == generation
    response = client.post(change_url(record), form.post_data())
    assert response.status_code == 302, response.context and response.context["errors"]
    record.refresh_from_db()
    assert record.complaints_url == "https://sispaa.example.gov.my/aadk/"
    assert SocialAccount.objects.get().network == "facebook"
    assert SiteLink.objects.get().label_en == "Apply for treatment"
    assert pagecache.current_generation() is None  # every cached page is dropped
    footer = Client().get("/en/").content.decode().split("<footer", 1)[1]
    assert 'href="https://sispaa.example.gov.my/aadk/"' in footer
    assert 'href="https://services.example.gov.my/"' in footer


@pytest.mark.parametrize("admin_language", LANGUAGES)
def test_each_language_of_the_settings_stays_in_its_own_field(
    record, django_user_model, admin_language
):
    client = client_in(django_user_model, "Administrators")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = admin_language
    response, form = open_form(client, change_url(record), "sitesettings")
    assert f'<html lang="{admin_language}"' in response.content.decode()
    form.update({"crest_alt_ar": "شعار ماليزيا"})
    form.add_inline("links", kind="related_agency", label_ms="Polis", url="https://p.example/")
    response = client.post(change_url(record), form.post_data())
    assert response.status_code == 302
    record.refresh_from_db()
    stored = (record.crest_alt_ms, record.crest_alt_en, record.crest_alt_ar)
    assert tuple(text or "" for text in stored) == ("", "", "شعار ماليزيا")
    link = SiteLink.objects.get()
    stored = (link.label_ms, link.label_en, link.label_ar)
    assert tuple(text or "" for text in stored) == ("Polis", "", "")


# The header's images ----------------------------------------------------------------------


def post_image(client, record, name, content, alt="Logo AADK"):
    form = settings_form(client, record)
    form.update({"logo_alt_ms": alt})
    return client.post(
        change_url(record), {**form.post_data(), "logo": SimpleUploadedFile(name, content)}
    )


def test_an_upload_that_is_not_an_image_is_refused(record, django_user_model):
    client = client_in(django_user_model, "Administrators")
    response = post_image(client, record, "logo.png", b"<svg onload=alert(1)></svg>")
    assert response.status_code == 200
    [error] = response.context["adminform"].form.errors.as_data()["logo"]
    assert error.code in {"invalid_image", "not_an_image"}
    # An image of a kind the site does not serve as a header image (nada_site/uploads.py).
    response = post_image(client, record, "logo.gif", image_bytes((200, 100), "GIF"))
    [error] = response.context["adminform"].form.errors.as_data()["logo"]
    assert error.code == "wrong_format"
    response = post_image(client, record, "logo.html", image_bytes((200, 100), "PNG"))
    assert response.status_code == 200
    assert "logo" in response.context["adminform"].form.errors
    record.refresh_from_db()
    assert not record.logo


def test_an_image_without_its_text_alternative_is_refused(record, django_user_model):
    client = client_in(django_user_model, "Administrators")
    response = post_image(client, record, "logo.png", image_bytes((200, 100), "PNG"), alt=" ")
    assert response.status_code == 200
    assert "logo_alt_ms" in response.context["adminform"].form.errors
    record.refresh_from_db()
    assert not record.logo


def test_the_header_shows_the_uploaded_images_from_the_site_itself(
    client, record, django_user_model
):
    html = client.get("/ms/").content.decode()
    header = html.split("</header>")[0]
    assert "<img" not in header  # none until uploaded, and never one from elsewhere

    admin = client_in(django_user_model, "Administrators")
    response = post_image(admin, record, "logo.png", image_bytes((200, 100), "PNG"))
    assert response.status_code == 302
    for language in LANGUAGES:
        header = client.get(f"/{language}/").content.decode().split("</header>")[0]
        [source] = re.findall(
            r'<img class="site-brand__image" src="([^"]+)" alt="Logo AADK"', header
        )
        assert source.startswith("/media/site/") and source.endswith(".png")
    policy = client.get("/ms/")["Content-Security-Policy"]
    assert "img-src 'self' data:;" in policy + ";"


# The footer's links -----------------------------------------------------------------------


@pytest.fixture
def linked(record):
    record.complaints_url = "https://sispaa.example.gov.my/aadk/"
    record.save()
    SocialAccount.objects.create(settings=record, network="facebook", url="https://fb.example/a")
    SocialAccount.objects.create(
        settings=record, network="youtube", url="https://yt.example/a", order=2
    )
    SiteLink.objects.create(
        settings=record,
        kind="related_agency",
        label_ms="Kementerian Dalam Negeri",
        label_en="Ministry of Home Affairs",
        label_ar="وزارة الداخلية",
        url="https://www.moha.gov.my/",
    )
    SiteLink.objects.create(
        settings=record, kind="online_service", label_ms="Perkhidmatan", url="https://s.example/"
    )
    return record


@pytest.mark.parametrize("language", LANGUAGES)
def test_footer_shows_the_links_with_accessible_names(client, linked, language):
    html = client.get(f"/{language}/").content.decode()
    footer = html.split("<footer", 1)[1]
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}"' in html
    # Each social account is named with the network: "AADK on Facebook", in the page's language.
    social = re.findall(r'<a href="https://(?:fb|yt)\.example/a">([^<]+)</a>', footer)
    assert len(social) == 2 and "Facebook" in social[0] and "YouTube" in social[1]
    assert all("AADK" in name for name in social)
    assert 'href="https://sispaa.example.gov.my/aadk/">' in footer
    agency = {"ms": "Kementerian Dalam Negeri", "en": "Ministry of Home Affairs"}
    assert agency.get(language, "وزارة الداخلية") in footer
    # A label written in Malay alone is marked as Malay on the English and Arabic pages.
    expected = "" if language == "ms" else ' lang="ms" dir="ltr"'
    assert f'<a href="https://s.example/"{expected}>Perkhidmatan</a>' in footer
    # Every group of links is a landmark named by its heading.
    for heading in re.findall(r'aria-labelledby="(footer-[a-z]+)"', footer):
        assert f'id="{heading}"' in footer


def test_footer_makes_the_same_queries_with_many_links(client, linked, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/ms/contact/")
    # Then the settings come from the cache, until they change.
    with CaptureQueriesContext(connection) as cached:
        client.get("/ms/contact/")
    assert len(cached.captured_queries) == len(few.captured_queries) - 3
    for number in range(10):
        SocialAccount.objects.create(
            settings=linked, network="x", url=f"https://x.example/{number}"
        )
        SiteLink.objects.create(
            settings=linked, kind="related_agency", label_ms=f"A{number}", url="https://a.example/"
        )
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get("/ms/contact/")
    assert "https://x.example/9" in response.content.decode()
