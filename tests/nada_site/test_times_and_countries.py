"""
Dates, times and country names as staff and the public read them: Malay on
the 24-hour clock, countries named by CLDR in Malay and Arabic and sorted in
each language's order, on the public pages and in the admin.
"""

import datetime
import re
import zoneinfo

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import translation

from international.models import Partner
from nada_site.countries import country_name
from nada_site.localized import sort_key
from nada_site.roles import permission_label
from tests.conftest import make_agreement
from tests.news.conftest import make_article

pytestmark = pytest.mark.django_db

KUALA_LUMPUR = zoneinfo.ZoneInfo("Asia/Kuala_Lumpur")
THREE_PM = datetime.datetime(2026, 3, 10, 15, 0, tzinfo=KUALA_LUMPUR)


def test_a_malay_article_page_gives_the_time_on_the_24_hour_clock(client):
    article = make_article(slug="mesyuarat", published_at=THREE_PM)
    html = client.get(f"/ms/news/{article.slug}/").content.decode()
    assert ">10 Mac 2026, 15:00</time>" in html
    assert "malam" not in html and "petang" not in html


@pytest.mark.parametrize(
    ("language", "shown", "never"),
    [
        ("ms", 'title="10 Mar 2026, 15:00"', "malam"),
        ("ar", 'title="10 مارس، 2026، 3:00 م"', "March"),
    ],
)
def test_the_admin_list_gives_the_time_as_the_language_writes_it(
    staff_client, language, shown, never
):
    make_article(slug="mesyuarat", published_at=THREE_PM)
    staff_client.cookies["django_language"] = language
    html = staff_client.get("/admin/news/article/").content.decode()
    assert shown in html
    assert never not in html


def partner(code):
    return Partner.objects.create(kind=Partner.Kind.COUNTRY, country=code, slug=code.lower())


CODES = ("TH", "AX", "MY", "US")
# As each language names and sorts them: accents and Arabic letters in their places.
NAMES = {
    "ms": ["Amerika Syarikat", "Kepulauan Aland", "Malaysia", "Thailand"],
    "ar": ["الولايات المتحدة", "تايلاند", "جزر آلاند", "ماليزيا"],
    "en": ["Åland Islands", "Malaysia", "Thailand", "United States"],
}


def option_texts(html, name):
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [text.strip() for text in re.findall(r"<option[^>]*>([^<]*)</option>", select)]


@pytest.mark.parametrize("language", NAMES)
def test_the_agreement_list_names_countries_in_the_page_language_in_its_order(client, language):
    countries = [partner(code) for code in CODES]
    make_agreement(slug="mou", partners=countries)
    html = client.get(f"/{language}/international/cooperation/").content.decode()
    # The partner filter, in the language's alphabetical order, after "all partners".
    assert option_texts(html, "partner")[1:] == NAMES[language]
    # The agreement names its partners, in the same order.
    listed = html.split('name="partner"', 1)[1].split("</select>", 1)[1]
    positions = [listed.find(name) for name in NAMES[language]]
    assert -1 not in positions and positions == sorted(positions)


@pytest.mark.parametrize("language", ["ms", "ar"])
def test_the_admin_names_and_sorts_countries_in_the_staff_members_language(staff_client, language):
    for code in CODES:
        partner(code)
    staff_client.cookies["django_language"] = language
    listed = staff_client.get("/admin/international/partner/").content.decode()
    form = staff_client.get("/admin/international/partner/add/").content.decode()
    for name in NAMES[language]:
        assert name in listed  # the list's column and its country filter
    countries = [name for name in option_texts(form, "country") if name in NAMES[language]]
    assert countries == NAMES[language]
    assert "Thailand" not in form if language == "ar" else True


@pytest.mark.parametrize("language", ["ms", "ar"])
def test_the_admin_filters_name_and_sort_countries_in_the_staff_members_language(
    staff_client, language
):
    countries = [partner(code) for code in CODES]
    make_agreement(slug="mou", partners=countries)
    staff_client.cookies["django_language"] = language
    for url in ("/admin/international/partner/", "/admin/international/agreement/"):
        html = staff_client.get(url).content.decode()
        filters = html.split('id="changelist-filter"', 1)[1]
        positions = [filters.find(f">{name}</a>") for name in NAMES[language]]
        assert -1 not in positions and positions == sorted(positions), url


def test_country_names_come_from_cldr_with_english_as_the_fallback():
    assert country_name("US", "ms") == "Amerika Syarikat"
    assert country_name("my", "ar") == "ماليزيا"
    assert country_name("XY", "ms") == ""
    with translation.override("ms"):
        assert str(Partner(kind=Partner.Kind.COUNTRY, country="US").display_name) == (
            "Amerika Syarikat"
        )


def test_names_sort_in_the_languages_order():
    assert sorted(["Ēdom", "Zambia", "edom", "Angola"], key=sort_key)[0] == "Angola"
    assert sorted(["ماليزيا", "أستراليا", "تايلاند"], key=sort_key) == [
        "أستراليا",
        "تايلاند",
        "ماليزيا",
    ]


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("ms", "Berita | artikel | Boleh menerbitkan artikel"),
        ("ar", "صلاحية نشر"),
    ],
)
def test_permissions_are_named_in_the_staff_members_language(language, label):
    permission = Permission.objects.get(codename="publish_article")
    with translation.override(language):
        assert label in permission_label(permission)


@pytest.mark.parametrize("language", ["ms", "ar"])
def test_the_roles_permission_widget_speaks_the_staff_members_language(staff_client, language):
    group = Group.objects.get(name="Editors")
    staff_client.cookies["django_language"] = language
    html = staff_client.get(f"/admin/auth/group/{group.pk}/change/").content.decode()
    assert "Can add" not in html and "Can publish" not in html
    with translation.override(language):
        expected = permission_label(Permission.objects.get(codename="add_article"))
    assert f">{expected}</option>" in html
    # A model's own permission is named by its translated name.
    with translation.override(language):
        export = permission_label(Permission.objects.get(codename="export_contactmessage"))
    assert "Can export" not in export


@pytest.mark.parametrize(("language", "editors"), [("ms", "Editor"), ("ar", "المحررون")])
def test_the_roles_are_named_in_the_staff_members_language(
    staff_client, django_user_model, language, editors
):
    member = django_user_model.objects.create_user("aminah", is_staff=True)
    member.groups.add(Group.objects.get(name="Editors"))
    staff_client.cookies["django_language"] = language
    users = staff_client.get("/admin/auth/user/").content.decode()
    roles = staff_client.get("/admin/auth/group/").content.decode()
    form = staff_client.get(f"/admin/auth/user/{member.pk}/change/").content.decode()
    assert f'<td class="field-roles">{editors}</td>' in users
    assert f">{editors}</a>" in users  # the filter by role
    assert f">{editors}</a>" in roles
    assert f">{editors}</option>" in form
    assert "Editors" not in users.replace("groups__id__exact", "")
