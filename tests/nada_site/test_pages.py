import pytest

from nada_site import demo as site_demo
from nada_site.models import Page, Question
from tests.conftest import make_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_pages():
    site_demo.load()


@pytest.mark.parametrize(
    ("language", "title", "promise"),
    [
        ("ms", "Piagam pelanggan", "7 hari bekerja"),
        ("en", "Client charter", "7 working days"),
        ("ar", "ميثاق المتعاملين", "7 أيام عمل"),
    ],
)
def test_client_charter_promises_a_reply_in_each_language(
    client, demo_pages, language, title, promise
):
    response = client.get(f"/{language}/pages/client-charter/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html
    assert promise in html
    assert "Last updated" in html or "Kemas kini terakhir" in html or "آخر تحديث" in html


@pytest.mark.parametrize(
    "slug", ["about", "client-charter", "faq", "disclaimer", "privacy", "security-policy"]
)
@pytest.mark.parametrize("language", ["ms", "en", "ar"])
def test_every_required_page_exists_in_every_language(client, demo_pages, slug, language):
    response = client.get(f"/{language}/pages/{slug}/")
    assert response.status_code == 200
    assert "fallback-note" not in response.content.decode()


def test_faq_is_a_disclosure_list_in_the_order_staff_chose(client, demo_pages):
    faq = Page.objects.get(slug="faq")
    first = faq.questions.first()
    first.order = 99
    first.save()
    html = client.get("/en/pages/faq/").content.decode()
    assert html.count('<details class="faq__item" id="question-') == Question.objects.count()
    assert html.index("When will I get an answer?") < html.index(
        "What does the International Unit do?"
    )


def test_page_missing_in_arabic_falls_back_with_a_note(client):
    make_page(slug="notice", title_ms="Notis", body_ms="<p>Teks notis.</p>")
    html = client.get("/ar/pages/notice/").content.decode()
    assert '<h1 lang="ms" dir="ltr">Notis</h1>' in html
    assert '<div class="prose" lang="ms" dir="ltr"><p>Teks notis.</p></div>' in html
    assert 'class="fallback-note"' in html


def test_footer_and_menu_show_the_pages_staff_chose_in_order(client):
    make_page(slug="second", title_en="Second", order=2, show_in_footer=True)
    make_page(slug="first", title_en="First", order=1, show_in_footer=True)
    make_page(slug="hidden", title_en="Hidden", show_in_footer=False)
    make_page(slug="menu", title_en="In the menu", show_in_menu=True, show_in_footer=False)
    html = client.get("/en/").content.decode()
    footer = html[html.index("<footer") :]
    header = html[: html.index("<main")]
    assert footer.index(">First<") < footer.index(">Second<")
    assert "Hidden" not in html
    assert ">In the menu<" in header and ">In the menu<" not in footer


def test_footer_states_the_official_site_and_links_the_government_portal(client):
    html = client.get("/ms/").content.decode()
    footer = html[html.index("<footer") :]
    assert 'href="https://www.malaysia.gov.my/"' in footer
    assert "laman web rasmi" in footer


@pytest.mark.parametrize(
    ("language", "heading"), [("ms", "Peta laman"), ("en", "Site map"), ("ar", "خريطة الموقع")]
)
def test_site_map_lists_every_section_and_page(client, demo_pages, language, heading):
    html = client.get(f"/{language}/sitemap/").content.decode()
    assert f"<h1>{heading}</h1>" in html
    for path in ("international/", "international/cooperation/", "pages/privacy/", "pages/faq/"):
        assert f'href="/{language}/{path}"' in html


def test_unknown_page_is_not_found(client):
    assert client.get("/en/pages/nothing-here/").status_code == 404


def test_page_body_is_cleaned_on_save():
    page = make_page(
        slug="x", title_ms="X", body_ms='<p onclick="x()">Hai</p><script>alert(1)</script>'
    )
    page.refresh_from_db()
    assert page.body_ms == "<p>Hai</p>"
