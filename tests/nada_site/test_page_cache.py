"""
The page cache: anonymous visitors get pages rendered once, staff changes show
at once, and nothing personal is ever served from the shared cache.
"""

import datetime
import re

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone

from international.models import UnitProfile
from nada_site import pagecache
from news.models import Article
from tests.news.conftest import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def csrf_token(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())[1]


def test_a_page_is_served_from_the_cache_without_a_query(
    client, profile, django_assert_num_queries
):
    make_article("first")
    first = client.get("/en/news/")
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = Client().get("/en/news/")
    assert again.status_code == 200
    assert again.content == first.content
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert again["Content-Language"] == "en"


def test_a_published_change_is_visible_on_the_next_request(client, profile):
    article = make_article("first", title_en="Old headline")
    assert "Old headline" in client.get("/en/news/").content.decode()
    article.title_en = "New headline"
    article.save()
    html = Client().get("/en/news/").content.decode()
    assert "New headline" in html
    assert "Old headline" not in html


def test_a_deletion_and_a_change_of_tags_are_visible_at_once(client, profile):
    article = make_article("first", title_en="Gone soon")
    assert "Gone soon" in client.get("/en/news/").content.decode()
    article.delete()
    assert "Gone soon" not in Client().get("/en/news/").content.decode()


def test_a_profile_change_is_visible_on_the_next_request(client, profile):
    client.get("/en/international/")
    UnitProfile.objects.filter(pk=profile.pk).first().save()
    profile.refresh_from_db()
    profile.name_en = "Renamed Unit"
    profile.save()
    assert "Renamed Unit" in Client().get("/en/international/").content.decode()


def test_a_contact_message_does_not_empty_the_cache(client, profile):
    from contact.models import ContactMessage

    client.get("/en/news/")
    token = pagecache.current_generation()
    assert token
    ContactMessage.objects.create(
        name="A visitor", email="visitor@example.com", subject="Hello", message="Hi"
    )
    assert pagecache.current_generation() == token


def test_a_scheduled_article_appears_at_its_time_without_a_save(client, profile, monkeypatch):
    soon = timezone.now() + datetime.timedelta(minutes=2)
    make_article("scheduled", title_en="Scheduled story", published_at=soon)
    assert "Scheduled story" not in client.get("/en/news/").content.decode()
    later = soon + datetime.timedelta(seconds=1)
    monkeypatch.setattr(pagecache.time, "time", later.timestamp)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Scheduled story" in Client().get("/en/news/").content.decode()


def test_staff_never_get_a_cached_page_nor_fill_the_cache(staff_client, profile):
    make_article("first", title_en="Public story")
    Client().get("/en/news/")  # Cached for anonymous visitors.
    Article.objects.update(title_en="Changed quietly")  # No signal: the cache is stale.
    assert "Changed quietly" in staff_client.get("/en/news/").content.decode()
    assert "Public story" in Client().get("/en/news/").content.decode()


def test_a_visitor_with_a_session_is_never_served_from_the_cache(client, profile):
    make_article("first", title_en="Public story")
    client.get("/en/news/")
    Article.objects.update(title_en="Changed quietly")
    visitor = Client()
    visitor.cookies["sessionid"] = "a" * 32
    assert "Changed quietly" in visitor.get("/en/news/").content.decode()


def test_a_draft_preview_is_never_cached(staff_client, profile):
    make_article("draft", title_en="Draft story", status=Article.Status.DRAFT)
    assert staff_client.get("/en/news/draft/").status_code == 200
    assert Client().get("/en/news/draft/").status_code == 404


def test_the_contact_form_never_shares_its_csrf_token(profile):
    first, second = Client(), Client()
    token_one = csrf_token(first.get("/en/contact/"))
    token_two = csrf_token(second.get("/en/contact/"))
    assert token_one != token_two
    assert "csrftoken" in second.get("/en/contact/").cookies


def test_errors_are_not_cached(client, profile):
    assert client.get("/en/news/nothing-here/").status_code == 404
    make_article("nothing-here")
    assert Client().get("/en/news/nothing-here/").status_code == 200


def test_a_cached_page_carries_no_one_elses_cookie_and_still_remembers_the_language(profile):
    first = Client()
    response = first.get("/ar/news/")
    assert response.cookies["django_language"].value == "ar"
    second = Client()
    second.cookies["django_language"] = "en"
    cached = second.get("/ar/news/")
    assert cached.content == response.content
    assert cached.cookies["django_language"].value == "ar"
    assert "sessionid" not in cached.cookies
    assert "csrftoken" not in cached.cookies
    third = Client()
    third.cookies["django_language"] = "ar"
    assert "django_language" not in third.get("/ar/news/").cookies


def test_each_language_has_its_own_cached_page(client, profile):
    make_article("first")
    client.get("/en/news/")
    assert 'lang="ar"' in Client().get("/ar/news/").content.decode()


def test_a_cached_page_is_served_while_the_database_is_down(client, profile, monkeypatch):
    make_article("first", title_en="Kept story")
    assert client.get("/en/news/").status_code == 200

    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(connection, "ensure_connection", refuse)
    monkeypatch.setattr(connection, "cursor", refuse)
    visitor = Client(raise_request_exception=False)
    response = visitor.get("/en/news/")
    assert response.status_code == 200
    assert "Kept story" in response.content.decode()
    assert visitor.get("/en/international/").status_code == 503


def test_the_page_cache_can_be_turned_off(client, profile, settings):
    settings.PAGE_CACHE_SECONDS = 0
    make_article("first", title_en="Public story")
    client.get("/en/news/")
    Article.objects.update(title_en="Changed quietly")
    assert "Changed quietly" in Client().get("/en/news/").content.decode()
