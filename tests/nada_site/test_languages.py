import pytest

pytestmark = pytest.mark.django_db

LANGUAGE_DIRECTIONS = [("ms", "ltr"), ("en", "ltr"), ("ar", "rtl")]


@pytest.mark.parametrize(("language", "direction"), LANGUAGE_DIRECTIONS)
def test_home_page_declares_its_language_and_direction(client, language, direction):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert f'<body class="{direction}">' in html


@pytest.mark.parametrize(
    ("language", "skip_link"),
    [
        ("ms", "Langkau ke kandungan utama"),
        ("en", "Skip to main content"),
        ("ar", "انتقل إلى المحتوى الرئيسي"),
    ],
)
def test_interface_is_translated(client, language, skip_link):
    response = client.get(f"/{language}/")
    assert skip_link in response.content.decode()


def test_root_redirects_to_malay_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/ms/"


def test_root_follows_the_browser_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.8")
    assert response["Location"] == "/ar/"


def test_root_prefers_the_remembered_language_to_the_browser(client):
    client.cookies["django_language"] = "en"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response["Location"] == "/en/"


def test_reading_a_page_remembers_its_language_for_the_root(client):
    client.get("/ar/international/")
    response = client.get("/")
    assert response["Location"] == "/ar/"


def test_language_switcher_leads_to_the_same_page_in_each_language(client, profile):
    html = client.get("/en/international/cooperation/?status=active").content.decode()
    assert 'href="/ms/international/cooperation/?status=active" hreflang="ms" lang="ms"' in html
    assert (
        'href="/ar/international/cooperation/?status=active" hreflang="ar" lang="ar" dir="rtl"'
        in html
    )
    assert (
        'href="/en/international/cooperation/?status=active" lang="en" dir="ltr" aria-current="true"'
        in html
    )


def test_every_page_lists_its_alternates_and_a_default(client):
    html = client.get("/en/international/").content.decode()
    for language in ("ms", "en", "ar"):
        assert (
            f'<link rel="alternate" hreflang="{language}" href="http://testserver/{language}/international/">'
            in html
        )
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://testserver/ms/international/">'
        in html
    )


def test_navigation_marks_the_current_section(client, profile):
    html = client.get("/en/international/cooperation/").content.decode()
    assert 'href="/en/international/cooperation/" aria-current="page"' in html
    assert 'href="/en/international/" aria-current' not in html


@pytest.mark.parametrize("domain", ["django", "djangojs"])
@pytest.mark.parametrize("language", ["ms", "ar"])
def test_every_interface_string_is_translated(settings, language, domain):
    import polib

    catalogue = polib.pofile(
        str(settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / f"{domain}.po")
    )
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    obsolete = [entry.msgid for entry in catalogue.obsolete_entries()]
    assert untranslated == []
    assert fuzzy == []
    assert obsolete == []
