"""
The content checks (nada_site/content_checks.py) find what makes a rich
text hard to read or to use with a screen reader, in each language.
"""

import pytest

from nada_site.content_checks import check


def codes(html, language):
    return [problem.code for problem in check(html, language)]


# Images.


@pytest.mark.parametrize(
    ("language", "html"),
    [
        ("ms", '<p>Delegasi Malaysia.</p><p><img src="/media/a.jpg"></p>'),
        ("en", '<p>The delegation.</p><img src="/media/a.jpg" alt="">'),
        ("ar", '<p>الوفد الماليزي.</p><figure><img src="/media/a.jpg" alt="  "></figure>'),
    ],
)
def test_an_image_without_a_description(language, html):
    assert codes(html, language) == ["image_without_alt"]


@pytest.mark.parametrize(
    ("language", "alt"),
    [("ms", "IMG_1234.jpg"), ("en", "foto.png"), ("ar", "DSC01234"), ("en", "PXL_20240503_1015")],
)
def test_an_image_described_by_its_file_name(language, alt):
    assert codes(f'<img src="/media/a.jpg" alt="{alt}">', language) == ["image_alt_is_a_file_name"]


@pytest.mark.parametrize(
    ("language", "alt"),
    [
        ("ms", "Ketua Pengarah AADK menandatangani memorandum di Bangkok"),
        ("en", "The signing of the memorandum in Bangkok, 2024."),
        ("ar", "توقيع مذكرة التفاهم في بانكوك"),
    ],
)
def test_an_image_described_in_words_is_fine(language, alt):
    assert codes(f'<img src="/media/a.jpg" alt="{alt}">', language) == []


# Headings.


@pytest.mark.parametrize(
    ("language", "html"),
    [
        ("ms", "<h2>Latar belakang</h2><p>Teks.</p><h4>Butiran</h4>"),
        ("en", "<h3>Background</h3><p>Text.</p>"),  # the page's title is the only level 1
        ("ar", "<h2>خلفية</h2><h4>تفاصيل</h4><p>نص.</p>"),
    ],
)
def test_a_heading_that_skips_a_level(language, html):
    assert codes(html, language) == ["heading_skips_a_level"]


@pytest.mark.parametrize(
    ("language", "html"),
    [
        ("ms", "<h2>Latar belakang</h2><h3>Butiran</h3><h2>Langkah</h2><h3>Satu</h3>"),
        ("en", "<h2>Background</h2><h3>Detail</h3><h4>More detail</h4><h2>Next</h2>"),
        ("ar", "<h2>خلفية</h2><h3>تفاصيل</h3>"),
    ],
)
def test_headings_in_order_are_fine(language, html):
    assert codes(html, language) == []


@pytest.mark.parametrize("language", ["ms", "en", "ar"])
def test_an_empty_heading(language):
    assert codes("<h2>&nbsp;</h2><h2> <strong></strong></h2>", language) == [
        "empty_heading",
        "empty_heading",
    ]
    assert codes('<h2><img src="/a.png" alt="Logo AADK"></h2>', language) == []


# Links.


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ms", "klik sini"),
        ("ms", "Klik di sini."),
        ("ms", "sini"),
        ("ms", "Baca lagi »"),
        ("en", "Click here"),
        ("en", "here"),
        ("en", "Read more…"),
        ("ar", "اضغط هنا"),
        ("ar", "هنا"),
        ("ar", "المزيد"),
        ("ar", "إقرأ المزيد..."),  # spelt with or without the hamza
        ("ar", "اقْرَأ الـمزيد"),  # with short vowels and a tatweel
        ("ms", "Read more"),  # the English phrases travel into every language
        ("ar", "click here"),
    ],
)
def test_a_link_that_says_nothing_of_where_it_leads(language, text):
    assert codes(f'<p>Laporan: <a href="/x/">{text}</a></p>', language) == ["vague_link"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ms", "laporan tahunan AADK 2024"),
        ("en", "the annual report of the agency"),
        ("ar", "التقرير السنوي للوكالة"),
        ("en", "lagi"),  # a Malay word is not vague in an English text
    ],
)
def test_a_link_that_names_its_destination_is_fine(language, text):
    assert codes(f'<p><a href="/x/">{text}</a></p>', language) == []


@pytest.mark.parametrize("language", ["ms", "en", "ar"])
def test_a_link_without_text(language):
    assert codes('<p><a href="/x/"> </a></p>', language) == ["link_without_text"]
    # A linked image is named by its description.
    assert (
        codes('<p><a href="/x/"><img src="/a.png" alt="Laporan tahunan"></a></p>', language) == []
    )
    # An anchor without an address is no link.
    assert codes("<p><a>teks</a></p>", language) == []


# Tables.


@pytest.mark.parametrize(
    ("language", "cells"),
    [("ms", ("Negara", "Tarikh")), ("en", ("Country", "Date")), ("ar", ("الدولة", "التاريخ"))],
)
def test_a_table_without_header_cells(language, cells):
    without = f"<table><tbody><tr><td>{cells[0]}</td><td>{cells[1]}</td></tr></tbody></table>"
    assert codes(without, language) == ["table_without_headers"]
    with_headers = (
        f"<table><thead><tr><th>{cells[0]}</th><th>{cells[1]}</th></tr></thead>"
        "<tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
    )
    assert codes(with_headers, language) == []


# Capitals.


@pytest.mark.parametrize(
    ("language", "html"),
    [
        (
            "ms",
            "<p>SESI MESYUARAT PEJABAT STRATEGIK NASIONAL MAJLIS ANTIPEMERDAGANGAN ORANG. "
            "Mesyuarat itu berjaya.</p>",
        ),
        ("en", "<p>The meeting ended. THE UNIT WILL MEET THE AMBASSADOR AGAIN!</p>"),
        ("ar", "<p>انتهى الاجتماع.</p><p>THE JOINT STEPS WERE AGREED IN BAGHDAD.</p>"),
    ],
)
def test_a_whole_sentence_in_capitals(language, html):
    assert codes(html, language) == ["sentence_in_capitals"]


@pytest.mark.parametrize(
    ("language", "html"),
    [
        ("ms", "<p>Pejabat NSO MAPO bertemu TYT Duta Besar Australia.</p>"),
        ("en", "<p>AADK, UNODC and ASEAN met in Vienna.</p><p>ASEAN UNODC.</p>"),
        ("ar", "<p>وقعت AADK و UNODC و ASEAN و INCB اتفاقية في فيينا.</p>"),
    ],
)
def test_acronyms_in_a_sentence_are_fine(language, html):
    assert codes(html, language) == []


# All together.


def test_several_problems_are_found_in_order_and_an_empty_text_has_none():
    html = (
        '<h3>Latar</h3><p><img src="/a.jpg" alt="foto.png"> <a href="/x/">sini</a></p>'
        "<table><tr><td>1</td></tr></table>"
    )
    assert codes(html, "ms") == [
        "heading_skips_a_level",
        "image_alt_is_a_file_name",
        "vague_link",
        "table_without_headers",
    ]
    assert check("", "ms") == [] and check(None, "ar") == []


def test_each_problem_says_what_is_wrong_in_the_staff_members_language():
    [problem] = check('<p><a href="/x/">klik sini</a></p>', "ms")
    assert "klik sini" in problem.message
    [problem] = check('<img src="/a.jpg" alt="IMG_1234.jpg">', "ms")
    assert "IMG_1234.jpg" in problem.message
