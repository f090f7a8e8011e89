"""The publications' public pages: the list and its filters, each publication, its files."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.translation import get_language_info

from international.models import Agreement, Partner
from publications.models import Publication
from tests.conftest import make_agreement, make_partner
from tests.nada_site.test_fallback_marked import assert_shown_in_its_own_language
from tests.publications.conftest import make_publication, statistics_files

pytestmark = pytest.mark.django_db

LANGUAGES = ["ms", "en", "ar"]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def slugs_listed(response):
    return re.findall(
        r'<h2 class="card__title"><a href="/\w\w/publications/([\w-]+)/"', response.content.decode()
    )


@pytest.fixture
def shelf():
    """A report of 2024, statistics of 2025 with an English workbook, an Arabic-only speech."""
    return {
        "report": make_publication("laporan-2024", date=datetime.date(2024, 5, 1)),
        "statistics": make_publication(
            "statistik-2025", kind=Publication.Kind.STATISTICS, files=statistics_files()
        ),
        "speech": make_publication(
            "ucapan",
            kind=Publication.Kind.SPEECH,
            date=datetime.date(2025, 3, 1),
            title_ms="",
            summary_ms="",
            title_ar="كلمة ماليزيا",
            summary_ar="ملخص الكلمة.",
            files={"pdf_ar": ("kalimah.pdf", b"%PDF-1.4\n%%EOF\n")},
        ),
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_list_shows_the_published_publications_newest_first(client, shelf, language):
    make_publication("draf", status=Publication.Status.DRAFT, was_published=False)
    make_publication("nanti", published_at=timezone.now() + datetime.timedelta(days=1))

    response = client.get(f"/{language}/publications/")

    assert response.status_code == 200
    assert slugs_listed(response) == ["statistik-2025", "ucapan", "laporan-2024"]
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=statistics", ["statistik-2025"]),
        ("kind=speech", ["ucapan"]),
        ("year=2024", ["laporan-2024"]),
        ("year=2025&kind=annual-report", []),
        ("language=ar", ["ucapan"]),
        ("language=en", ["statistik-2025"]),
        ("language=ms&year=2025", ["statistik-2025"]),
    ],
)
def test_the_list_filters_by_kind_year_and_language_of_the_files(client, shelf, query, expected):
    response = client.get(f"/en/publications/?{query}")
    assert response.status_code == 200
    assert slugs_listed(response) == expected
    assert 'href="/en/publications/">Clear filters</a>' in response.content.decode()


def test_the_year_filter_offers_the_years_that_have_publications(client, shelf):
    html = client.get("/en/publications/").content.decode()
    years = re.findall(r'<option value="(\d{4})"', html)
    assert years == ["2025", "2024"]


@pytest.mark.parametrize(
    "query",
    [
        "kind=nonsense",
        "year=abcd",
        "year=99999999999999999999",
        "year=1999",
        "language=xx",
        "language=" + "x" * 5000,
        "kind=%00&year=%ff&language=%E2%80%AE",
        "page=0",
        "page=-1",
        "page=99999999999999999999",
        "page=abc",
        "kind[]=statistics&year=2025&year=2024",
    ],
)
def test_bad_filter_values_show_the_whole_list_not_an_error(client, shelf, query):
    response = client.get(f"/ms/publications/?{query}")
    assert response.status_code == 200
    assert len(slugs_listed(response)) in {1, 2, 3}


def test_the_list_and_statistics_carry_their_splask_markers(client, shelf):
    html = client.get("/ms/publications/").content.decode()
    assert html.count('splwpk-publication="splwpk-publication"') == 1
    assert re.search(r'<section splwpk-publication="splwpk-publication"', html)
    cards = re.findall(r'<li class="card publication-card"[^>]*>', html)
    marked = [card for card in cards if 'splwpk-open-data="splwpk-open-data"' in card]
    assert len(cards) == 3 and len(marked) == 1
    detail = client.get("/ms/publications/statistik-2025/").content.decode()
    assert re.search(
        r'<article class="page" splwpk-publication="splwpk-publication" '
        r'splwpk-open-data="splwpk-open-data">',
        detail,
    )
    report = client.get("/ms/publications/laporan-2024/").content.decode()
    assert "splwpk-open-data" not in report


def test_each_file_is_shown_with_its_language_format_and_size(client, shelf):
    html = client.get("/en/publications/statistik-2025/").content.decode()
    links = re.findall(r'<a class="file-link".*?</a>', html, re.S)
    assert len(links) == 3
    pdf, csv, xlsx = links
    size = shelf["statistics"].file_sizes["pdf_ms"]
    assert 'hreflang="ms"' in pdf and 'type="application/pdf"' in pdf
    assert '<span class="file-link__language" lang="ms" dir="ltr">Bahasa Melayu</span>' in pdf
    assert f"PDF, {size}\xa0bytes" in pdf
    assert "hreflang" not in csv and "All languages" in csv and "CSV, " in csv
    assert 'hreflang="en"' in xlsx and re.search(r"XLSX, 1\.\d\xa0KB", xlsx)


def test_an_arabic_file_is_marked_right_to_left(client, shelf):
    html = client.get("/ms/publications/ucapan/").content.decode()
    assert 'hreflang="ar"' in html
    name = get_language_info("ar")["name_local"]
    assert f'<span class="file-link__language" lang="ar" dir="rtl">{name}</span>' in html


def test_spreadsheets_are_downloads_with_their_real_type_never_pages(client, shelf):
    base = "/en/publications/statistik-2025/files"
    expected = {
        "data": ("text/csv; charset=utf-8", "statistik-2025.csv"),
        "data-en": (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "statistik-2025-en.xlsx",
        ),
        "pdf-ms": ("application/pdf", "statistik-2025-ms.pdf"),
    }
    for key, (content_type, name) in expected.items():
        response = client.get(f"{base}/{key}/")
        assert response.status_code == 200
        assert response["Content-Type"] == content_type
        assert response["Content-Disposition"] == f'attachment; filename="{name}"'
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response["Content-Security-Policy"]
    body = b"".join(client.get(f"{base}/data/").streaming_content)
    assert body.decode("utf-8-sig").startswith("Tahun,Kes")


@pytest.mark.parametrize("key", ["pdf-en", "data-ar", "nothing", "pdf_ms", "../data"])
def test_a_file_the_publication_does_not_have_is_not_found(client, shelf, key):
    assert client.get(f"/en/publications/statistik-2025/files/{key}/").status_code == 404


def test_files_of_an_unpublished_publication_are_not_served_to_the_public(staff_client):
    draft = make_publication("draf", status=Publication.Status.DRAFT, was_published=False)
    client = Client()
    assert client.get("/ms/publications/draf/").status_code == 404
    assert client.get("/ms/publications/draf/files/pdf-ms/").status_code == 404
    preview = staff_client.get("/ms/publications/draf/files/pdf-ms/")
    assert preview.status_code == 200
    assert "no-cache" in preview["Cache-Control"] and preview["X-Robots-Tag"] == "noindex"
    assert draft.slug == "draf"


def test_a_publication_only_in_arabic_is_marked_on_the_malay_page(client, shelf):
    html = client.get("/ms/publications/ucapan/").content.decode()
    assert_shown_in_its_own_language(html, "كلمة ماليزيا", "ar")
    assert_shown_in_its_own_language(html, "ملخص الكلمة.", "ar")
    assert 'class="fallback-note"' in html
    listing = client.get("/en/publications/").content.decode()
    assert_shown_in_its_own_language(listing, "كلمة ماليزيا", "ar")
    assert 'class="language-label"' in listing


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_detail_page_shows_the_publication_in_each_language(client, language):
    make_publication(
        "tiga-bahasa",
        title_en="In English",
        title_ar="بالعربية",
        summary_en="Summary in English.",
        summary_ar="ملخص بالعربية.",
    )
    html = client.get(f"/{language}/publications/tiga-bahasa/").content.decode()
    title = {"ms": "Penerbitan tiga-bahasa", "en": "In English", "ar": "بالعربية"}[language]
    assert f"<h1>{title}</h1>" in html
    assert 'class="fallback-note"' not in html


def test_agreements_link_to_their_published_texts_and_back(client):
    text = make_publication("teks-mou", kind=Publication.Kind.AGREEMENT, title_en="MoU text")
    unpublished = make_publication(
        "teks-draf", kind=Publication.Kind.AGREEMENT, status=Publication.Status.DRAFT
    )
    agreement = make_agreement("mou", partners=[make_partner()], title_en="The MoU")
    agreement.texts.set([text, unpublished])

    html = client.get("/en/international/cooperation/mou/").content.decode()
    assert '<a href="/en/publications/teks-mou/">MoU text</a>' in html
    assert 'href="/en/publications/teks-mou/files/pdf-ms/"' in html
    assert "teks-draf" not in html
    back = client.get("/en/publications/teks-mou/").content.decode()
    assert '<a href="/en/international/cooperation/mou/">The MoU</a>' in back


def test_an_agreements_texts_are_chosen_in_its_admin_among_agreement_texts_only(staff_client):
    report = make_publication("laporan")
    text = make_publication("teks", kind=Publication.Kind.AGREEMENT)
    agreement = make_agreement("mou", partners=[make_partner()])
    html = staff_client.get(f"/admin/international/agreement/{agreement.pk}/change/").content
    choices = re.findall(
        r'<option value="(\d+)"',
        re.search(r'<select name="texts".*?</select>', html.decode(), re.S).group(),
    )
    assert choices == [str(text.pk)] and str(report.pk) not in choices


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_a_feed_of_its_publications(client, shelf, language):
    make_publication("draf", status=Publication.Status.DRAFT, was_published=False)
    response = client.get(f"/{language}/publications/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == language
    links = {item.findtext("link") for item in channel.findall("item")}
    expected = {"ms": {"laporan-2024", "statistik-2025"}, "en": set(), "ar": {"ucapan"}}[language]
    assert links == {f"http://testserver/{language}/publications/{slug}/" for slug in expected}


def test_a_summary_reaches_feed_readers_as_the_text_it_is(client):
    make_publication("tricky", summary_ms="Jadual <b>2025</b> & ulasan")
    item = ET.fromstring(client.get("/ms/publications/feed/").content).find("channel/item")
    assert item.findtext("description") == "<p>Jadual &lt;b&gt;2025&lt;/b&gt; &amp; ulasan</p>"


def test_the_list_links_its_feed(client, shelf):
    html = client.get("/ar/publications/").content.decode()
    assert re.search(
        r'<link rel="alternate" type="application/rss\+xml" title="[^"]+"\s+href="/ar/publications/feed/">',
        html,
    )


def test_the_sitemap_lists_each_published_publication_with_its_languages(client, shelf):
    make_publication("draf", status=Publication.Status.DRAFT, was_published=False)
    index = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/sitemap-publications.xml" in index
    root = ET.fromstring(client.get("/sitemap-publications.xml").content)
    locations = [url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")]
    for language in LANGUAGES:
        assert f"http://testserver/{language}/publications/laporan-2024/" in locations
    assert not any("draf" in location for location in locations)
    first = root.find(f"{SITEMAP}url")
    alternates = {link.get("hreflang") for link in first.findall(f"{XHTML}link")}
    assert alternates == {"ms", "en", "ar", "x-default"}
    fixed = client.get("/sitemap-pages.xml").content.decode()
    assert "http://testserver/en/publications/" in fixed


def test_the_main_menu_leads_to_the_publications(client):
    html = client.get("/ms/").content.decode()
    assert 'href="/ms/publications/"' in html


def build(count):
    for number in range(count):
        kind = Publication.Kind.STATISTICS if number % 2 else Publication.Kind.SPEECH
        files = statistics_files() if number % 2 else None
        make_publication(
            f"item-{number}", kind=kind, files=files, date=datetime.date(2020 + number % 6, 1, 1)
        )
    text = Publication.objects.get(slug="item-0")
    agreement = make_agreement("mou", partners=[Partner.objects.first() or make_partner()])
    agreement.texts.add(text)


def queries_of(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


URLS = [
    "/en/publications/",
    "/en/publications/?kind=statistics&year=2021&language=en",
    "/en/publications/item-1/",
    "/en/publications/item-0/",
    "/en/publications/feed/",
    "/sitemap-publications.xml",
    "/en/international/cooperation/mou/",
]


def test_each_page_makes_the_same_number_of_queries_with_4_or_40_publications(client):
    build(4)
    small = {url: queries_of(client, url) for url in URLS}
    Publication.objects.all().delete()
    Agreement.objects.all().delete()
    build(40)
    large = {url: queries_of(client, url) for url in URLS}
    assert small == large


def test_a_publications_old_address_leads_to_its_new_one(client):
    publication = make_publication("laporan-lama")
    publication.slug = "laporan-baharu"
    publication.save()
    response = client.get("/ar/publications/laporan-lama/")
    assert response.status_code == 301
    assert response["Location"] == "/ar/publications/laporan-baharu/"
