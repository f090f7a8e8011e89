"""A publication's files are checked for what they really are, and limited in size."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from nada_site.uploads import KINDS, MEGABYTE, validate_upload
from publications import samples
from tests.publications.conftest import TABLE

WINDOWS_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


def upload(name, content):
    return SimpleUploadedFile(name, content)


def refusal(name, content, kind):
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload(name, content), kind)
    return caught.value.error_list[0].code


def test_a_real_pdf_csv_and_xlsx_are_accepted():
    validate_upload(upload("laporan.pdf", samples.pdf("Laporan")), "pdf")
    validate_upload(upload("data.csv", samples.csv_table(TABLE)), "spreadsheet")
    validate_upload(upload("DATA.XLSX", samples.xlsx(TABLE)), "spreadsheet")


def test_a_program_renamed_as_a_pdf_or_a_spreadsheet_is_refused():
    assert refusal("laporan.pdf", WINDOWS_PROGRAM, "pdf") == "not_pdf"
    assert refusal("data.csv", WINDOWS_PROGRAM, "spreadsheet") == "not_a_spreadsheet"
    assert refusal("data.xlsx", WINDOWS_PROGRAM, "spreadsheet") == "not_a_spreadsheet"


def test_a_spreadsheet_under_the_other_formats_name_is_refused():
    assert refusal("data.xlsx", samples.csv_table(TABLE), "spreadsheet") == "wrong_format"
    assert refusal("data.csv", samples.xlsx(TABLE), "spreadsheet") == "wrong_format"
    assert refusal("data.pdf", samples.xlsx(TABLE), "spreadsheet") == "wrong_format"


def zipped(parts):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


def test_a_zip_that_is_not_a_workbook_or_has_macros_is_refused():
    assert refusal("data.xlsx", zipped({"readme.txt": "hello"}), "spreadsheet") == (
        "not_a_spreadsheet"
    )
    with zipfile.ZipFile(io.BytesIO(samples.xlsx(TABLE))) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/vbaProject.bin"] = b"macros"
    assert refusal("data.xlsx", zipped(parts), "spreadsheet") == "not_a_spreadsheet"


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        with zipfile.ZipFile(io.BytesIO(samples.xlsx(TABLE))) as workbook:
            for name in workbook.namelist():
                archive.writestr(name, workbook.read(name))
        archive.writestr("xl/media/zeros.bin", b"\0" * (101 * MEGABYTE))
    assert len(out.getvalue()) < MEGABYTE
    assert refusal("data.xlsx", out.getvalue(), "spreadsheet") == "not_a_spreadsheet"


@pytest.mark.parametrize(
    "content",
    [
        b"<html><script>alert(1)</script></html>",
        b"\xff\xfe\x00n\x00o\x00t\x00 \x00u\x00t\x00f\x008",
        b"Tahun,Kes\n2025,\x0712\n",
        b"",
        b'"unclosed,1\n',
    ],
    ids=["a page", "not utf-8", "control character", "empty", "broken quoting"],
)
def test_text_that_is_not_a_plain_table_is_refused_as_csv(content):
    assert refusal("data.csv", content, "spreadsheet") in {"not_a_spreadsheet"}


def test_a_csv_cell_that_would_run_as_a_formula_is_refused_but_negative_numbers_pass():
    assert refusal("data.csv", b'Tahun,Kes\n2025,=HYPERLINK("x")\n', "spreadsheet") == "formula"
    assert refusal("data.csv", b"Tahun,Kes\n2025,@SUM(A1)\n", "spreadsheet") == "formula"
    validate_upload(
        upload("data.csv", b"Tahun,Perubahan\n2025,-12.5\n2024,+3\n2023,-\n"), "spreadsheet"
    )


def test_files_over_the_size_limit_are_refused():
    too_big = KINDS["spreadsheet"].max_bytes + 1
    assert refusal("data.csv", b"a,b\n" + b"1" * too_big, "spreadsheet") == "too_large"
    assert refusal("laporan.pdf", b"%PDF-" + b"0" * KINDS["pdf"].max_bytes, "pdf") == "too_large"
