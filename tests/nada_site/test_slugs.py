"""
Every kind of item gets its address by one rule (nada_site/slugs.py): from
its title or name in any language, in Latin letters, cut at a word, unique
and never a reserved word; staff may type or change it.
"""

import pytest

from nada_site.slugs import slug_from_text
from nada_site.translated_admin import edit_token
from news.models import Article, Category, Tag
from tests.conftest import make_agreement, make_page
from tests.news.conftest import make_article, make_category

pytestmark = pytest.mark.django_db


@pytest.fixture
def category():
    return make_category()


# Titles of the Arabic reference items (news-baghdad-*.ar.txt) and the Malay one.
DIRECTORATE_VISIT = (
    "زيارة مديرية مكافحة المخدرات والمؤثرات العقلية: تعزيز التعاون في مكافحة الجريمة "
    "وإعادة تأهيل الأفراد"
)
BAGHDAD_CONFERENCE = "مؤتمر بغداد الدولي الثاني لمكافحة المخدرات لعام 2024م"
JOINT_STEPS = "5 خطوات مشتركة لمكافحة المخدرات"
NSO_MAPO = (
    "SESI MESYUARAT PEJABAT STRATEGIK NASIONAL MAJLIS ANTIPEMERDAGANGAN ORANG DAN "
    "ANTIPENYELUDUPAN MIGRAN (NSO MAPO) BERSAMA TYT LYNN BELL, DUTA BESAR AUSTRALIA MENGENAI "
    "PEMBANTERASAN PERHAMBAAN MODEN, PEMERDAGANGAN ORANG DAN PENYELUDUPAN MIGRAN"
)


def test_an_arabic_only_article_gets_a_readable_slug(category):
    article = make_article("", title_ar=DIRECTORATE_VISIT)
    assert article.slug == (
        "zyrh-mdyryh-mkfhh-lmkhdrt-wlmuthrt-lqlyh-tzyz-ltwn-fy-mkfhh-ljrymh-wdh-thyl-lfrd"
    )
    assert article.get_absolute_url() == f"/ms/news/{article.slug}/"


def test_each_arabic_word_stays_one_word_and_digits_stay(category):
    # The hamza and the ayn (written as apostrophes) do not split a word.
    assert make_article("", title_ar=BAGHDAD_CONFERENCE).slug == (
        "mutmr-bghdd-ldwly-lthny-lmkfhh-lmkhdrt-lm-2024m"
    )


def test_an_arabic_only_category_or_tag_left_without_slug_gets_one():
    tag = Tag.objects.create(name_ar=JOINT_STEPS)
    category = Category.objects.create(name_ar="دولي")
    assert tag.slug == "5-khtwt-mshtrkh-lmkfhh-lmkhdrt"
    assert category.slug == "dwly"
    assert tag.get_absolute_url() == f"/ms/news/tag/{tag.slug}/"


def test_a_long_title_is_cut_at_a_word(category):
    article = make_article("", title_ms=NSO_MAPO)
    whole = slug_from_text(NSO_MAPO, 1000)
    max_length = Article._meta.get_field("slug").max_length
    assert len(article.slug) <= max_length - 4  # room for a number
    assert whole.startswith(article.slug)
    assert whole[len(article.slug)] == "-"
    assert article.slug.endswith("-nso-mapo")


def test_the_default_language_comes_first_then_the_others_in_settings_order(category):
    assert make_article("", title_en="Drug Conference", title_ar="مؤتمر").slug == "drug-conference"
    both = make_article("", title_ms="Persidangan Dadah", title_en="Drug Conference")
    assert both.slug == "persidangan-dadah"
    # An empty or unwritable text in one language passes to the next.
    assert make_article("", title_ms="!!!", title_ar="مؤتمر").slug == "mutmr"


def test_duplicates_are_numbered_in_every_script(category):
    slugs = [make_article("", title_ar=JOINT_STEPS).slug for _ in range(3)]
    assert slugs == [
        "5-khtwt-mshtrkh-lmkfhh-lmkhdrt",
        "5-khtwt-mshtrkh-lmkfhh-lmkhdrt-2",
        "5-khtwt-mshtrkh-lmkfhh-lmkhdrt-3",
    ]
    first = Tag.objects.create(name_ms="Pemulihan")
    second = Tag.objects.create(name_en="Pemulihan")
    assert (first.slug, second.slug) == ("pemulihan", "pemulihan-2")


@pytest.mark.parametrize("word", sorted(Article.RESERVED_SLUGS))
def test_a_reserved_word_is_never_made(category, word):
    assert make_article("", title_en=word.title()).slug == f"{word}-2"


def test_pages_and_agreements_follow_the_same_rule():
    assert make_page("", title_ms="", title_ar=BAGHDAD_CONFERENCE).slug.startswith("mutmr-bghdd-")
    agreement = make_agreement("", title_ms="", title_ar=JOINT_STEPS)
    assert agreement.slug == "5-khtwt-mshtrkh-lmkfhh-lmkhdrt"


def test_an_item_without_any_text_gets_its_kind_and_random_letters():
    assert Tag.objects.create().slug.startswith("tag-")


def test_a_typed_slug_is_kept():
    assert Tag.objects.create(name_ms="Pemulihan", slug="rawatan").slug == "rawatan"


def test_the_admin_fills_an_empty_slug_of_a_category_and_keeps_a_typed_one(staff_client):
    data = {"name_ms": "", "name_en": "", "name_ar": "دولي", "slug": ""}
    response = staff_client.post("/admin/news/category/add/", data)
    assert response.status_code == 302
    assert Category.objects.get(name_ar="دولي").slug == "dwly"

    tag = Tag.objects.create(name_ms="Pemulihan")
    data = {"name_ms": "Pemulihan", "name_en": "", "name_ar": "", "slug": "rawatan"}
    data["edit_token"] = edit_token(tag)
    response = staff_client.post(f"/admin/news/tag/{tag.pk}/change/", data)
    assert response.status_code == 302
    tag.refresh_from_db()
    assert tag.slug == "rawatan"
