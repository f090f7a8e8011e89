import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from international.models import Agreement, Approach, Objective, Partner
from tests.conftest import PUBLISHED, make_agreement, make_partner

pytestmark = pytest.mark.django_db

LANGUAGES = ["ms", "en", "ar"]


@pytest.fixture
def unit_page(profile):
    Objective.objects.create(
        profile=profile, order=2, text_ms="Objektif kedua", text_en="Second objective"
    )
    Objective.objects.create(
        profile=profile,
        order=1,
        text_ms="Objektif pertama",
        text_en="First objective",
        text_ar="الهدف الأول",
    )
    Objective.objects.create(
        profile=profile, order=3, text_ms="Objektif tersembunyi", is_visible=False
    )
    Approach.objects.create(
        profile=profile,
        order=1,
        text_ms="Pendekatan pertama",
        text_en="First approach",
        text_ar="المنهج الأول",
    )
    return profile


@pytest.mark.parametrize(
    ("language", "heading", "objective"),
    [
        ("ms", "Unit Antarabangsa", "Objektif pertama"),
        ("en", "International Unit", "First objective"),
        ("ar", "الوحدة الدولية", "الهدف الأول"),
    ],
)
def test_unit_page_shows_the_profile_in_each_language(
    client, unit_page, language, heading, objective
):
    response = client.get(f"/{language}/international/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert f"<li>{objective}</li>" in html
    assert 'id="contact"' in html
    assert "antarabangsa@example.gov.my" in html


def test_unit_page_numbers_visible_objectives_in_order(client, unit_page):
    html = client.get("/en/international/").content.decode()
    objectives = html[html.index('id="objectives-heading"') : html.index('id="approaches-heading"')]
    assert "<ol" in objectives
    assert objectives.index("First objective") < objectives.index("Second objective")
    assert "tersembunyi" not in html


def test_missing_arabic_text_is_shown_in_malay_marked_as_such(client, unit_page):
    html = client.get("/ar/international/").content.decode()
    assert '<li lang="en" dir="ltr">Second objective</li>' not in html  # Malay comes before English
    assert '<li lang="ms" dir="ltr">Objektif kedua</li>' in html


def test_agreement_without_arabic_is_marked_and_announced(client):
    agreement = make_agreement(
        slug="mou-x",
        title_ms="Memorandum dengan Thailand",
        partners=[make_partner("thailand", kind="country", country="TH")],
    )
    html = client.get(f"/ar/international/cooperation/{agreement.slug}/").content.decode()
    assert '<h1 lang="ms" dir="ltr">Memorandum dengan Thailand</h1>' in html
    assert 'class="fallback-note"' in html
    assert "تايلاند" in html  # the country's name comes translated (CLDR)


def test_agreement_in_the_page_language_has_no_fallback_note(client):
    make_agreement(slug="mou-x", title_ms="Memorandum", title_ar="مذكرة تفاهم")
    html = client.get("/ar/international/cooperation/mou-x/").content.decode()
    assert "<h1>مذكرة تفاهم</h1>" in html
    assert "fallback-note" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_renders_without_any_content(client, language):
    for path in ("", "international/", "international/cooperation/"):
        assert client.get(f"/{language}/{path}").status_code == 200


def test_unknown_agreement_is_not_found(client):
    assert client.get("/en/international/cooperation/no-such-agreement/").status_code == 404


def test_cooperation_list_is_newest_first_with_unsigned_last(client):
    make_agreement(slug="old", title_en="Old", signed_on=datetime.date(2010, 1, 1))
    make_agreement(slug="new", title_en="New", signed_on=datetime.date(2024, 1, 1))
    make_agreement(slug="pending", title_en="Pending", standing=Agreement.Standing.NEGOTIATION)
    html = client.get("/en/international/cooperation/").content.decode()
    assert html.index(">New<") < html.index(">Old<") < html.index(">Pending<")


def test_cooperation_list_filters_by_kind_partner_and_status(client):
    asean = make_partner("asean")
    thailand = make_partner("thailand", kind=Partner.Kind.COUNTRY, country="TH")
    make_agreement(
        slug="work-plan", title_en="Work plan", kind=Agreement.Kind.REGIONAL, partners=[asean]
    )
    make_agreement(slug="mou-th", title_en="MoU Thailand", partners=[thailand])
    make_agreement(
        slug="expired",
        title_en="Expired MoU",
        partners=[thailand],
        standing=Agreement.Standing.EXPIRED,
    )

    def titles(query):
        html = client.get(f"/en/international/cooperation/?{query}").content.decode()
        return {
            title for title in ("Work plan", "MoU Thailand", "Expired MoU") if f">{title}<" in html
        }

    assert titles("kind=regional") == {"Work plan"}
    assert titles("partner=thailand") == {"MoU Thailand", "Expired MoU"}
    assert titles("partner=thailand&status=active") == {"MoU Thailand"}


@pytest.mark.parametrize(
    "query",
    [
        "kind=nonsense",
        "status=%3Cscript%3Ealert(1)%3C/script%3E",
        "partner=nobody",
        "page=abc",
        "page=99999",
        "page=-1",
        "kind=&status=&partner=",
        "partner=" + "x" * 5000,
        "%ff%fe=%00",
    ],
)
def test_bad_filter_values_are_ignored(client, query):
    make_agreement(slug="one", title_en="The only agreement")
    response = client.get(f"/en/international/cooperation/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "The only agreement" in html
    assert "<script>alert" not in html


def test_cooperation_list_paginates(client):
    for number in range(25):
        make_agreement(slug=f"a-{number}", title_en=f"Agreement {number}")
    first = client.get("/en/international/cooperation/").content.decode()
    second = client.get("/en/international/cooperation/?page=2").content.decode()
    assert first.count('class="card"') == 20
    assert second.count('class="card"') == 5
    assert 'rel="next"' in first


def test_agreement_document_is_linked(client, tmp_path):
    from django.core.files.base import ContentFile

    agreement = make_agreement(slug="with-pdf", title_en="With PDF")
    agreement.document.save("mou.pdf", ContentFile(b"%PDF-1.7 test"))
    html = client.get("/en/international/cooperation/with-pdf/").content.decode()
    assert f'href="{agreement.document.url}" type="application/pdf"' in html


def create_agreements(count):
    partners = [make_partner(f"partner-{n}") for n in range(3)]
    Agreement.objects.bulk_create(
        Agreement(
            slug=f"bulk-{n}",
            title_ms=f"Perjanjian {n}",
            kind="bilateral",
            instrument="mou",
            signed_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
            **PUBLISHED,
        )
        for n in range(count)
    )
    through = Agreement.partners.through
    through.objects.bulk_create(
        through(agreement_id=agreement_id, partner=partners[index % 3])
        for index, agreement_id in enumerate(Agreement.objects.values_list("id", flat=True))
    )


def count_queries(client, path):
    client.get(path)  # The site settings of the header and footer are cached from the first page.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "path",
    [
        "/ms/",
        "/ms/international/",
        "/en/international/cooperation/",
        "/ar/international/cooperation/?partner=partner-1",
        "/ar/international/cooperation/bulk-2/",
    ],
)
def test_queries_per_page_do_not_grow_with_the_number_of_agreements(client, unit_page, path):
    create_agreements(3)
    few = count_queries(client, path)
    create_agreements_more = 297
    Agreement.objects.bulk_create(
        Agreement(
            slug=f"more-{n}",
            title_ms=f"Lagi {n}",
            kind="regional",
            instrument="programme",
            **PUBLISHED,
        )
        for n in range(create_agreements_more)
    )
    many = count_queries(client, path)
    assert few == many
    assert many <= 8


def test_partners_are_listed_with_the_page_languages_comma(client):
    partners = [
        make_partner("unodc", name_ar="مكتب الأمم المتحدة"),
        make_partner("cnd", name_ar="لجنة المخدرات"),
    ]
    make_agreement(slug="cnd", title_ar="إعلان", partners=partners)
    assert (
        "لجنة المخدرات، مكتب الأمم المتحدة"
        in client.get("/ar/international/cooperation/cnd/").content.decode()
    )
    # In English the names are Malay ones (a fallback), each marked as such.
    assert (
        '<span lang="ms" dir="ltr">CND</span>, <span lang="ms" dir="ltr">UNODC</span>'
        in client.get("/en/international/cooperation/cnd/").content.decode()
    )
