"""The demo publications load, with valid files; a change to a publication refreshes the cached pages."""

import zipfile

import pytest
from django.test import Client

from international import demo as international_demo
from international.models import Agreement
from nada_site.uploads import validate_upload
from publications import demo
from publications.models import FILE_FIELDS, Publication
from tests.publications.conftest import make_publication

pytestmark = pytest.mark.django_db


def test_the_demo_publications_load_once_in_three_languages_with_valid_files():
    international_demo.load()
    assert demo.load() == len(demo.PUBLICATIONS) >= 4
    assert demo.load() == 0
    kinds = set(Publication.objects.public().values_list("kind", flat=True))
    assert kinds == set(Publication.Kind.values)
    for publication in Publication.objects.all():
        for code in ("ms", "en", "ar"):
            assert getattr(publication, f"title_{code}")
            assert getattr(publication, f"summary_{code}")
        publication.full_clean()
        for field, _key, _code in FILE_FIELDS:
            file = getattr(publication, field)
            if file:
                kind = "pdf" if field.startswith("pdf") else "spreadsheet"
                with file.open("rb"):
                    validate_upload(file, kind)
    statistics = Publication.objects.get(kind=Publication.Kind.STATISTICS)
    assert statistics.data.name.endswith(".csv")
    with zipfile.ZipFile(statistics.data_en.open("rb")) as workbook:
        assert "xl/worksheets/sheet1.xml" in workbook.namelist()
    agreement = Agreement.objects.get(slug="mou-indonesia-bnn")
    assert list(agreement.texts.values_list("kind", flat=True)) == [Publication.Kind.AGREEMENT]


def test_a_change_to_a_publication_refreshes_the_cached_list(settings, profile):
    settings.PAGE_CACHE_SECONDS = 300
    publication = make_publication("laporan", title_en="Old title")
    assert "Old title" in Client().get("/en/publications/").content.decode()
    publication.title_en = "New title"
    publication.save()
    html = Client().get("/en/publications/").content.decode()
    assert "New title" in html and "Old title" not in html
