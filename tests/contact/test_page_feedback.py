"""
Page feedback: "Was this page useful?" on every content page, answered with
or without JavaScript, stored without anything about the visitor, and
refused politely for anything but an answer about one of the site's pages.
"""

import html
import re

import pytest
from django.conf import settings
from django.core import signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from contact.feedback import SIGNING_SALT, page_token
from contact.models import FeedbackPage, PageFeedback
from nada_site.models import Question
from tests.conftest import make_agreement, make_page
from tests.events.conftest import make_event
from tests.news.conftest import make_announcement, make_article
from tests.publications.conftest import make_publication

pytestmark = pytest.mark.django_db

LANGUAGES = ["ms", "en", "ar"]
MARKER = 'splwpk-online-e-participation="splwpk-online-e-participation"'
SAME_SITE = {"HTTP_ORIGIN": "http://testserver"}
CLIENT_ADDRESS = "198.51.100.7"


@pytest.fixture
def content(profile):
    """One page of each kind that asks for feedback."""
    faq = make_page("faq", title_en="Frequently asked questions", title_ar="الأسئلة الشائعة")
    Question.objects.create(page=faq, question="Apakah AADK?", answer="<p>Agensi.</p>")
    return {
        "agreement": make_agreement("mou-thailand"),
        "article": make_article("cnd-session"),
        "page": make_page("about"),
        "faq": faq,
        "publication": make_publication("annual-report"),
        "event": make_event("cnd"),
        "announcement": make_announcement("notice"),
    }


def content_urls(content, language):
    with translation.override(language):
        return {
            "home": reverse("home"),
            "unit": reverse("international:unit"),
            "agreement list": reverse("international:agreement_list"),
            "agreement": content["agreement"].get_absolute_url(),
            "news list": reverse("news:list"),
            "article": content["article"].get_absolute_url(),
            "site page": content["page"].get_absolute_url(),
            "faq": content["faq"].get_absolute_url(),
            "publication list": reverse("publications:list"),
            "publication": content["publication"].get_absolute_url(),
            "event list": reverse("events:list"),
            "event": content["event"].get_absolute_url(),
            "announcement list": reverse("announcements:list"),
            "announcement": content["announcement"].get_absolute_url(),
        }


def feedback_form(page_html):
    """The feedback form of a page, as its HTML."""
    return re.search(r"<form [^>]*data-page-feedback.*?</form>", page_html, re.S)[0]


def token_on(page_html):
    return html.unescape(re.search(r'name="page" value="([^"]+)"', feedback_form(page_html))[1])


def answer(client, path, useful="yes", comment="", headers=SAME_SITE, **extra):
    """Read the page, then answer its question as the browser would post the form."""
    language = path.split("/")[1]
    token = token_on(client.get(path).content.decode())
    data = {"page": token, "useful": useful, "comment": comment}
    return client.post(f"/{language}/contact/feedback/", data, **headers, **extra)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kind_of_content_page_asks_whether_it_was_useful(client, content, language):
    for name, path in content_urls(content, language).items():
        response = client.get(path)
        assert response.status_code == 200, name
        page_html = response.content.decode()
        assert f'<html lang="{language}"' in page_html
        form = feedback_form(page_html)
        assert MARKER in form, name
        assert f'action="/{language}/contact/feedback/"' in form
        assert 'name="useful" value="yes"' in form and 'name="useful" value="no"' in form
        assert 'maxlength="500"' in form
        # The same for every visitor: nothing that would keep the page out of the cache.
        assert "csrfmiddlewaretoken" not in form
        assert page_html.count('id="page-feedback-heading"') == 1
        assert "js/page-feedback.js" in page_html


def test_the_reminder_not_to_write_personal_data_is_shown(client, content):
    form = feedback_form(client.get("/en/pages/about/").content.decode())
    assert "Please do not include personal data" in form
    assert 'aria-describedby="page-feedback-hint"' in form


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_yes_without_javascript_leads_to_a_thank_you_page_that_links_back(
    client, content, language
):
    path = f"/{language}/pages/about/"
    response = answer(client, path, "yes")
    assert response.status_code == 303
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    thanks_html = thanks.content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in thanks_html
    assert f'href="{path}"' in thanks_html
    assert MARKER not in thanks_html  # The thank-you page does not ask again.
    stored = PageFeedback.objects.select_related("page").get()
    assert (stored.page.path, stored.page.language, stored.useful) == (path, language, True)


def test_a_no_with_a_comment_is_stored_as_written(client, content):
    comment = "Maklumat tarikh mesyuarat tiada. لا توجد مواعيد"
    assert answer(client, "/ms/pages/faq/", "no", comment).status_code == 303
    stored = PageFeedback.objects.get()
    assert stored.useful is False
    assert stored.comment == comment


def test_with_javascript_the_answer_is_taken_in_place(client, content):
    response = answer(client, "/en/news/", "no", HTTP_ACCEPT="application/json")
    assert response.status_code == 201
    assert response.json()["message"].startswith("Thank you")
    assert response.json()["note"] == ""
    assert FeedbackPage.objects.get().path == "/en/news/"


def test_the_page_is_its_path_without_the_query_string(client, content):
    token = token_on(client.get("/en/news/?page=1&q=drugs").content.decode())
    assert signing.Signer(salt=SIGNING_SALT).unsign(token) == "/en/news/"


def test_answers_are_counted_per_page_and_language(client, content):
    answer(client, "/ms/pages/about/", "yes")
    answer(client, "/ms/pages/about/", "no")
    answer(client, "/en/pages/about/", "yes")
    pages = {(p.path, p.language): p.answers.count() for p in FeedbackPage.objects.all()}
    assert pages == {("/ms/pages/about/", "ms"): 2, ("/en/pages/about/", "en"): 1}


def test_no_cookie_is_set_by_the_page_or_the_answer(content):
    visitor = Client(REMOTE_ADDR=CLIENT_ADDRESS)
    first = visitor.get("/en/pages/about/")
    # A first visit only remembers the language (as every page does); no session, no CSRF token.
    assert set(first.cookies) <= {settings.LANGUAGE_COOKIE_NAME}
    again = visitor.get("/en/pages/about/")
    assert not again.cookies
    posted = answer(visitor, "/en/pages/about/", "yes", comment="Berguna")
    assert "Set-Cookie" not in str(posted.serialize_headers())
    assert not posted.cookies
    assert not visitor.get(posted["Location"]).cookies
    posted_by_script = answer(visitor, "/en/pages/about/", "no", HTTP_ACCEPT="application/json")
    assert not posted_by_script.cookies


def test_nothing_about_the_visitor_is_stored(content):
    visitor = Client(REMOTE_ADDR=CLIENT_ADDRESS, HTTP_USER_AGENT="Mozilla/5.0 (Test browser 123)")
    answer(visitor, "/en/pages/about/", "yes", comment="Useful page")
    assert {field.name for field in PageFeedback._meta.concrete_fields} == {
        "id",
        "page",
        "useful",
        "comment",
        "created_on",
    }
    assert {field.name for field in FeedbackPage._meta.concrete_fields} == {
        "id",
        "path",
        "language",
    }
    stored = PageFeedback.objects.values().get()
    assert not any(
        CLIENT_ADDRESS in str(value) or "Test browser" in str(value) for value in stored.values()
    )
    # The day only: no time that could match an answer with a server log.
    assert type(stored["created_on"]).__name__ == "date"


@pytest.mark.parametrize(
    ("comment", "kept"),
    [
        ("Tulis kepada saya di aminah.yusof@example.com.my", "Tulis kepada saya di"),
        ("Call me on 012-345 6789 please", "Call me on"),
        ("My IC is 800101-14-5555, thanks", "My IC is"),
        ("اتصل بي على +60 3 8911 2200", "اتصل بي على"),
    ],
)
def test_personal_data_in_a_comment_is_removed_and_the_visitor_told(client, content, comment, kept):
    response = answer(client, "/en/pages/faq/", "no", comment)
    stored = PageFeedback.objects.get().comment
    assert stored.startswith(kept)
    assert not re.search(r"\d{4}|@", stored)
    thanks = client.get(response["Location"]).content.decode()
    assert "We removed from your comment" in thanks


def test_a_date_in_a_comment_is_not_taken_for_a_telephone_number(client, content):
    answer(client, "/en/pages/faq/", "no", "The meeting of 2026-11-20 is missing")
    assert PageFeedback.objects.get().comment == "The meeting of 2026-11-20 is missing"


def test_the_script_is_told_what_was_removed(client, content):
    response = answer(client, "/en/news/", "no", "ali@example.com", HTTP_ACCEPT="application/json")
    assert response.status_code == 201
    assert response.json()["note"].startswith("We removed")
    assert "@" not in PageFeedback.objects.get().comment


def post(client, data, language="en", headers=SAME_SITE, **extra):
    return client.post(f"/{language}/contact/feedback/", data, **headers, **extra)


@pytest.mark.parametrize(
    "page",
    [
        "/en/news/",  # unsigned
        signing.Signer(salt="another.purpose").sign("/en/news/"),
        page_token("/en/no-such-page/"),
        page_token("https://elsewhere.example/en/news/"),
        page_token("//elsewhere.example/en/news/"),
        page_token("/en/news/?q=1"),
        page_token("/xx/news/"),
        page_token("/admin/"),
        page_token("/en/contact/feedback/"),
        page_token("/en/" + "a" * 600 + "/"),
        "",
    ],
)
def test_an_answer_about_anything_but_a_page_of_the_site_is_refused(client, content, page):
    response = post(client, {"page": page, "useful": "yes"})
    assert response.status_code == 400
    assert "Your answer was not recorded" in response.content.decode()
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"useful": "maybe"},
        {"useful": ""},
        {"comment": "x" * 501},
        {"comment": "nul \x00 character"},
    ],
)
def test_bad_values_are_refused_with_a_message(client, content, data):
    response = post(client, {"page": page_token("/en/news/"), "useful": "yes", **data})
    assert response.status_code == 400
    assert "Your answer was not recorded" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_a_refusal_for_the_script_is_json_with_a_message(client, content):
    response = post(
        client, {"page": page_token("/en/news/"), "useful": "maybe"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400
    assert response.json()["message"] == "Choose Yes or No."


def test_a_huge_body_is_refused_with_a_message(client, content):
    response = post(
        client, {"page": page_token("/en/news/"), "useful": "yes", "comment": "x" * 3_000_000}
    )
    assert response.status_code == 400
    assert "too long" in response.content.decode()


def test_too_many_fields_are_refused_with_a_message(client, content):
    data = {f"field{number}": "x" for number in range(1100)}
    response = post(client, {"page": page_token("/en/news/"), "useful": "yes", **data})
    assert response.status_code == 400


@pytest.mark.parametrize("method", ["get", "put", "delete", "options"])
def test_only_a_post_is_an_answer(client, content, method):
    response = getattr(client, method)("/en/contact/feedback/")
    assert response.status_code == 405


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://elsewhere.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "https://testserver"},  # another scheme is another origin
        {"HTTP_REFERER": "https://elsewhere.example/page"},
        {},  # neither Origin nor Referer: not a browser on one of our pages
    ],
)
def test_a_post_from_another_site_is_refused(client, content, headers):
    response = post(client, {"page": page_token("/en/news/"), "useful": "yes"}, headers=headers)
    assert response.status_code == 403
    assert "Answers are accepted from this site&#x27;s own pages only." in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_a_browser_that_sends_only_a_same_site_referer_is_heard(client, content):
    headers = {"HTTP_REFERER": "http://testserver/en/news/"}
    response = post(client, {"page": page_token("/en/news/"), "useful": "yes"}, headers=headers)
    assert response.status_code == 303


@pytest.mark.parametrize("language", LANGUAGES)
def test_over_the_limit_an_answer_is_refused_politely_and_not_stored(settings, content, language):
    settings.FEEDBACK_RATE_LIMIT_ANSWERS = 3
    visitor = Client(REMOTE_ADDR=CLIENT_ADDRESS)
    path = f"/{language}/pages/about/"
    for _ in range(3):
        assert answer(visitor, path, "yes").status_code == 303
    refused = answer(visitor, path, "yes")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    refused_html = refused.content.decode()
    assert f'<html lang="{language}"' in refused_html
    assert f'href="{path}"' in refused_html
    assert PageFeedback.objects.count() == 3
    # Another client is not held back by this one.
    assert answer(Client(REMOTE_ADDR="192.0.2.44"), path, "no").status_code == 303


def test_the_limit_for_the_script_is_json(settings, content):
    settings.FEEDBACK_RATE_LIMIT_ANSWERS = 1
    answer(Client(), "/en/news/", "yes")
    refused = answer(Client(), "/en/news/", "yes", HTTP_ACCEPT="application/json")
    assert refused.status_code == 429
    assert "Please try again in" in refused.json()["message"]


def test_the_limit_counts_the_client_the_trusted_proxy_saw(settings, content):
    settings.FEEDBACK_RATE_LIMIT_ANSWERS = 1
    settings.CONTACT_TRUSTED_PROXIES = 1
    first = Client(HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert answer(first, "/en/news/", "yes").status_code == 303
    assert answer(first, "/en/news/", "yes").status_code == 429
    other = Client(HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert answer(other, "/en/news/", "yes").status_code == 303


def test_answers_and_contact_messages_are_counted_apart(settings, content):
    from tests.contact.conftest import form_data

    settings.FEEDBACK_RATE_LIMIT_ANSWERS = 1
    visitor = Client()
    answer(visitor, "/en/news/", "yes")
    assert answer(visitor, "/en/news/", "yes").status_code == 429
    assert visitor.post("/en/contact/", form_data(website="http://spam.example")).status_code == 302


def test_the_page_cache_keeps_serving_the_page_after_an_answer(
    settings, content, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 300
    first = Client().get("/en/pages/about/")
    with django_assert_num_queries(0):
        cached = Client().get("/en/pages/about/")
    assert cached.content == first.content
    assert MARKER in cached.content.decode()
    answer(Client(), "/en/pages/about/", "yes", comment="Useful")
    # An answer changes no public page: the cached page is still served, with its form.
    with django_assert_num_queries(0):
        after = Client().get("/en/pages/about/")
    assert after.content == first.content


@pytest.mark.parametrize(
    ("page", "link"),
    [
        ("/en/pages/about/", 'href="/en/pages/about/"'),
        ("https://elsewhere.example/", 'href="/en/"'),
        ("//elsewhere.example/", 'href="/en/"'),
        ("/en/no-such-page/", 'href="/en/"'),
        ("x" * 5000, 'href="/en/"'),
    ],
)
def test_the_thank_you_page_links_back_only_to_a_page_of_the_site(client, content, page, link):
    response = client.get("/en/contact/feedback/thanks/", {"page": page})
    assert response.status_code == 200
    assert link in response.content.decode()
    assert 'href="https://elsewhere' not in response.content.decode()
    assert 'href="//elsewhere' not in response.content.decode()


def test_an_answer_costs_the_same_queries_however_many_were_given(client, content):
    data = {"page": page_token("/en/news/"), "useful": "yes"}
    post(client, data)
    with CaptureQueriesContext(connection) as first:
        post(client, data)
    for number in range(20):
        post(Client(REMOTE_ADDR=f"192.0.2.{number}"), data)
    with CaptureQueriesContext(connection) as later:
        assert post(client, data).status_code == 303
    assert len(later) == len(first) <= 6
