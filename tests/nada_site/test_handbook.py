"""
The admin speaks as the unit (its name, its icon), and the staff handbook
(nada_site/handbook.py, docs/editing.*.md) is served inside it: to signed-in
staff only, in the admin's language, with no raw HTML from the files, and
quoting only labels that the admin really shows.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from nada_site import handbook

pytestmark = pytest.mark.django_db

LANGUAGES = ["ms", "en", "ar"]
DOCS = Path(settings.BASE_DIR) / "docs"
BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)


def staff_client(django_user_model, language, superuser=True):
    if superuser:
        user = django_user_model.objects.create_superuser(f"staff-{language}", "", "pw")
    else:
        user = django_user_model.objects.create_user(
            f"staff-{language}", password="pw", is_staff=True
        )
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = language
    return client


def catalogue(language):
    """The msgstr (or, in English, the msgid) of every message the admin may show."""
    site_packages = Path(polib.__file__).parent
    files = [Path(settings.BASE_DIR) / "locale" / "ms" / "LC_MESSAGES" / "django.po"]
    files += sorted(site_packages.glob("django/contrib/*/locale/ms/LC_MESSAGES/django.po"))
    labels = set()
    for path in files:
        for entry in polib.pofile(str(path)):
            text = entry.msgid if language == "en" else entry.msgstr
            if text:
                labels.add(text.casefold())
    return labels


@pytest.mark.parametrize("url", ["/admin/", "/admin/news/article/", "/admin/handbook/"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_admin_bears_the_units_name_and_icon(django_user_model, language, url):
    response = staff_client(django_user_model, language).get(url)

    assert response.status_code == 200
    page = response.content.decode()
    with translation.override(language):
        name = gettext("AADK International Unit")
    title = " ".join(re.search(r"<title>(.*?)</title>", page, re.S).group(1).split())
    assert title.endswith(f"| {name}") or title == name
    assert re.search(rf'<div id="site-name"><a href="/admin/">{re.escape(name)}</a>', page)
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in page
    assert "Django" not in title and "Django administration" not in page


def test_the_sign_in_page_bears_the_units_name_too(client):
    client.cookies["django_language"] = "en"
    page = client.get("/admin/login/").content.decode()
    assert "AADK International Unit" in page and "Django administration" not in page


@pytest.mark.parametrize(
    "language, heading, section",
    [
        ("ms", "Buku panduan kakitangan", "Menulis artikel dalam tiga bahasa"),
        ("en", "Staff handbook", "Writing an article in three languages"),
        ("ar", "Staff handbook", "Writing an article in three languages"),
    ],
)
def test_staff_read_the_handbook_in_the_admins_language(
    django_user_model, language, heading, section
):
    response = staff_client(django_user_model, language, superuser=False).get("/admin/handbook/")

    assert response.status_code == 200
    page = response.content.decode()
    content_language = "ms" if language == "ms" else "en"
    assert re.search(rf'<h1 lang="{content_language}" dir="ltr">{heading}', page)
    assert f'<article class="handbook" lang="{content_language}" dir="ltr">' in page
    anchor = re.search(rf'<h2 id="([^"]+)">{section}</h2>', page).group(1)
    assert f'<a href="#{anchor}"' in page  # the contents lead to it
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}"' in page
    # The Arabic admin says that what follows is in English.
    assert ("هذا الدليل باللغة الإنجليزية." in page) == (language == "ar")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_start_page_and_the_header_link_to_the_handbook(django_user_model, language):
    page = staff_client(django_user_model, language).get("/admin/").content.decode()
    assert page.count('href="/admin/handbook/"') == 2


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/admin/handbook/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=/admin/handbook/")


def test_accounts_without_staff_status_are_sent_to_sign_in(django_user_model):
    user = django_user_model.objects.create_user("visitor", password="pw")
    client = Client()
    client.force_login(user)
    assert client.get("/admin/handbook/").status_code == 302


def test_markup_typed_in_the_handbook_is_shown_as_text():
    html = handbook.to_html(
        '<script>alert(1)</script>\n\nA <b onclick="x()">bold</b> word and '
        "[a link](javascript:alert(1)).\n\n<iframe src=/></iframe>\n"
    )
    assert "<script" not in html and "<iframe" not in html and "<b " not in html
    assert "&lt;b onclick" in html
    assert "javascript:" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("language", ["ms", "en"])
def test_every_label_the_handbook_quotes_in_bold_is_one_the_admin_shows(language):
    text = (DOCS / f"editing.{language}.md").read_text(encoding="utf-8")
    labels = catalogue(language)
    quoted = {" ".join(label.split()) for label in BOLD.findall(text)}
    assert len(quoted) > 30
    assert sorted(label for label in quoted if label.casefold() not in labels) == []


@pytest.mark.parametrize("language", ["ms", "en"])
def test_the_handbook_is_short(language):
    lines = (DOCS / f"editing.{language}.md").read_text(encoding="utf-8").splitlines()
    assert 120 <= len(lines) <= 200
