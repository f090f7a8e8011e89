"""
Old addresses keep working: when the slug of something public changes, the
old address answers with a permanent redirect to the new one, in every
language (nada_site/addresses.py); staff see and manage the redirects.
"""

import pytest
import reversion
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from reversion.models import Version

from nada_site import pagecache
from nada_site.models import AddressChange, ReviewRequest
from nada_site.workflow import Status
from news.models import Tag
from tests.conftest import make_agreement, make_page, make_partner
from tests.nada_site.test_workflow import form_data, staff
from tests.news.conftest import make_article, make_category, make_tag

pytestmark = pytest.mark.django_db

LANGUAGES = ("ms", "en", "ar")
ARTICLES = "/admin/news/article/"
REVIEWS = "/admin/nada_site/reviewrequest/"
CHANGES = "/admin/nada_site/addresschange/"


def make(kind, slug):
    if kind == "article":
        return make_article(slug)
    if kind == "page":
        return make_page(slug)
    if kind == "agreement":
        return make_agreement(slug, partners=[make_partner("asean")])
    if kind == "category":
        return make_category(slug)
    return make_tag(slug)


def rename(item, slug):
    item.slug = slug
    item.save()


def address(kind, slug, language):
    prefix = {
        "article": "news",
        "page": "pages",
        "agreement": "international/cooperation",
        "category": "news/category",
        "tag": "news/tag",
    }[kind]
    return f"/{language}/{prefix}/{slug}/"


def assert_leads(old, new):
    response = Client().get(old)
    assert response.status_code == 301, old
    assert response["Location"] == new
    assert Client().get(new).status_code == 200


@pytest.mark.parametrize("kind", ["article", "page", "agreement", "category", "tag"])
def test_a_slug_changed_twice_leads_both_old_addresses_to_the_new_one_in_each_language(kind):
    item = make(kind, "first")
    rename(item, "second")
    rename(item, "third")
    for language in LANGUAGES:
        for old in ("first", "second"):
            assert_leads(address(kind, old, language), address(kind, "third", language))
    assert sorted(AddressChange.objects.values_list("old_slug", "new_slug")) == [
        ("first", "third"),
        ("second", "third"),
    ]


def test_the_query_string_follows_and_hostile_ones_do_no_harm():
    category = make_category("old-name")
    rename(category, "new-name")
    response = Client().get("/ms/news/category/old-name/?page=2")
    assert response["Location"] == "/ms/news/category/new-name/?page=2"
    for query in ("%0d%0aSet-Cookie:%20x=1", "q=<script>", "a=%ff%fe", "x=" + "y" * 5000):
        response = Client().get(f"/ar/news/category/old-name/?{query}")
        assert response.status_code == 301
        assert "\n" not in response["Location"] and "<" not in response["Location"]


def test_a_permanent_redirect_that_browsers_keep_for_a_day_and_the_page_cache_never(settings):
    settings.PAGE_CACHE_SECONDS = 300
    article = make_article("old")
    rename(article, "new")
    response = Client().get("/en/news/old/")
    assert response.status_code == 301
    assert "max-age=86400" in response["Cache-Control"]
    AddressChange.objects.all().delete()
    assert Client().get("/en/news/old/").status_code == 404


def test_an_address_that_never_existed_is_still_not_found():
    make_article("real")
    response = Client().get("/ms/news/never-was/")
    assert response.status_code == 404
    assert "<html" in response.content.decode()


def test_the_lookup_is_one_query_on_an_indexed_column():
    article = make_article("old")
    rename(article, "new")
    with CaptureQueriesContext(connection) as queries:
        assert Client().get("/ms/news/old/").status_code == 301
    lookups = [q["sql"] for q in queries.captured_queries if "nada_site_addresschange" in q["sql"]]
    assert len(lookups) == 1
    # A path that is no item's address asks nothing of the redirects.
    with CaptureQueriesContext(connection) as queries:
        assert Client().get("/ms/no/such/place/").status_code == 404
    assert not [q for q in queries.captured_queries if "addresschange" in q["sql"]]


def test_taking_back_an_old_slug_ends_its_redirect_and_never_loops():
    article = make_article("first")
    rename(article, "second")
    rename(article, "first")
    assert Client().get("/ms/news/first/").status_code == 200
    assert_leads("/ms/news/second/", "/ms/news/first/")
    assert list(AddressChange.objects.values_list("old_slug", "new_slug")) == [("second", "first")]


def test_a_new_item_at_an_old_address_wins_over_the_redirect():
    moved = make_article("shared", title_en="The one that moved")
    rename(moved, "moved")
    make_article("shared", title_en="The newcomer")
    response = Client().get("/en/news/shared/")
    assert response.status_code == 200
    assert "The newcomer" in response.content.decode()


def test_an_item_that_took_an_old_address_takes_its_redirect_when_it_moves_on():
    first = make_article("shared")
    rename(first, "first-moved")
    second = make_article("shared")
    rename(second, "second-moved")
    assert_leads("/ms/news/shared/", "/ms/news/second-moved/")
    assert AddressChange.objects.get(old_slug="shared").object_id == str(second.pk)


def test_a_draft_never_published_leaves_no_redirect():
    draft = make_article("draft", status=Status.DRAFT)
    rename(draft, "renamed")
    assert not AddressChange.objects.exists()


def test_a_withdrawn_item_that_was_public_keeps_its_old_address_leading_on():
    article = make_article("old", status=Status.WITHDRAWN, was_published=True)
    rename(article, "new")
    assert AddressChange.objects.filter(old_slug="old", new_slug="new").exists()


def test_saving_without_changing_the_slug_records_nothing():
    article = make_article("same")
    article.title_en = "A new title"
    article.save()
    article.save(update_fields=["title_en"])
    assert not AddressChange.objects.exists()


# Through the admin and the publishing workflow.


@pytest.fixture
def editor(django_user_model):
    return staff(django_user_model, "Editors")


@pytest.fixture
def publisher(django_user_model):
    return staff(django_user_model, "Publishers")


@pytest.fixture
def published():
    return make_article("published", title_en="The approved title")


def test_a_publishers_change_of_slug_in_the_form_redirects_at_once(publisher, published):
    response = publisher.post(
        f"{ARTICLES}{published.pk}/change/", form_data(publisher, published, slug="renamed")
    )
    assert response.status_code == 302
    assert AddressChange.objects.count() == 1
    for language in LANGUAGES:
        assert_leads(f"/{language}/news/published/", f"/{language}/news/renamed/")


def test_an_editors_proposed_slug_redirects_only_once_approved(
    settings, editor, publisher, published
):
    settings.PAGE_CACHE_SECONDS = 300
    Client().get("/en/news/published/")
    generation = pagecache.current_generation()
    editor.post(
        f"{ARTICLES}{published.pk}/change/",
        form_data(editor, published, slug="proposed", _submit_for_review="1"),
    )
    # The rehearsal that made the proposal left nothing behind: no redirect, no dropped pages.
    assert not AddressChange.objects.exists()
    assert pagecache.current_generation() == generation
    assert Client().get("/en/news/published/").status_code == 200
    review = ReviewRequest.objects.get()
    # Nor does the Publisher's preview of the proposal.
    assert publisher.get(f"{REVIEWS}{review.pk}/change/").status_code == 200
    assert not AddressChange.objects.exists()

    publisher.post(f"{REVIEWS}{review.pk}/change/", {"_approve": "1"})
    published.refresh_from_db()
    assert published.slug == "proposed"
    assert list(AddressChange.objects.values_list("old_slug", "new_slug")) == [
        ("published", "proposed")
    ]
    settings.PAGE_CACHE_SECONDS = 0
    for language in LANGUAGES:
        assert_leads(f"/{language}/news/published/", f"/{language}/news/proposed/")


def test_restoring_a_revision_with_another_slug_redirects_from_the_one_it_replaces(
    publisher, published
):
    with reversion.create_revision():
        published.save()
    old_version = Version.objects.get_for_object(published).first()
    rename(published, "renamed")
    url = f"{ARTICLES}{published.pk}/history/{old_version.pk}/"
    opened = publisher.get(url)
    assert opened.status_code == 200
    assert not AddressChange.objects.filter(old_slug="renamed").exists()  # the preview left none
    token = opened.context["adminform"].form.initial["edit_token"]
    data = form_data(publisher, published, slug="published", edit_token=token)
    assert publisher.post(url, data).status_code == 302
    published.refresh_from_db()
    assert published.slug == "published"
    assert_leads("/ms/news/renamed/", "/ms/news/published/")
    assert not AddressChange.objects.filter(old_slug="published").exists()


def test_staff_see_the_redirects_and_only_publishers_and_administrators_delete_them(
    django_user_model, editor, publisher
):
    tag = Tag.objects.create(name_ms="Pemulihan", slug="pemulihan")
    rename(tag, "rawatan")
    change = AddressChange.objects.get()
    listed = editor.get(f"{CHANGES}?q=pemulihan")
    assert listed.status_code == 200
    html = listed.content.decode()
    assert "/news/tag/pemulihan/" in html and "/news/tag/rawatan/" in html
    assert f"/admin/news/tag/{tag.pk}/change/" in html  # the item
    assert editor.post(f"{CHANGES}{change.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AddressChange.objects.exists()
    assert publisher.get(CHANGES).status_code == 200
    assert publisher.post(f"{CHANGES}{change.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not AddressChange.objects.exists()
    assert Client().get("/ms/news/tag/pemulihan/").status_code == 404
    # Nobody adds or edits one by hand.
    assert publisher.get(f"{CHANGES}add/").status_code == 403

    administrator = staff(django_user_model, "Administrators")
    rename(tag, "pemulihan")
    change = AddressChange.objects.get()
    assert administrator.get(CHANGES).status_code == 200
    assert administrator.post(f"{CHANGES}{change.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not AddressChange.objects.exists()
