"""
The SPLaSK assessment's markers (nada_site/splask.py): each written as an
attribute equal to its own name on the element it describes, fresh content
with the time it last changed in the database (Malaysia time), the report of
`splask_report`, and the admin start page's tasks.
"""

import datetime
import html
import re
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.template import Context, Template
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events import demo as events_demo
from international import demo as international_demo
from international.models import Approach, Objective, UnitProfile
from nada_site import demo as site_demo
from nada_site.models import MarkerCheck, Page, Question, SiteSettings
from nada_site.splask import MARKERS
from news import demo as news_demo
from news.models import Announcement, Article
from publications import demo as publications_demo
from tests.admin_forms import open_form

pytestmark = pytest.mark.django_db

LANGUAGES = ["ms", "en", "ar"]
MALAYSIA = ZoneInfo("Asia/Kuala_Lumpur")


@pytest.fixture
def demo(db):
    international_demo.load()
    site_demo.load()
    news_demo.load()
    publications_demo.load()
    events_demo.load()
    settings_ = SiteSettings.objects.get()
    settings_.procurement_url = "https://www.example.gov.my/tenders/"
    settings_.mobile_apps_url = "https://www.example.gov.my/apps/"
    settings_.save()


def elements_with(html, name):
    """The start tags that carry the marker `splwpk-<name>` (in any form)."""
    return re.findall(rf"<[a-z]+\b[^>]*\bsplwpk-{re.escape(name)}=[^>]*>", html)


def attribute(tag, name):
    found = re.search(rf'\b{re.escape(name)}="([^"]*)"', tag)
    return found and found.group(1)


def stamp(when):
    return timezone.localtime(when, MALAYSIA).strftime("%Y-%m-%d %H:%M:%S")


# Marker, page, the element it must be on (a start of tag).
PLACES = [
    ("w3c", "/", "<details"),
    ("multilang", "/", '<nav class="language-switcher"'),
    ("sitemap", "/", '<a href="/{language}/sitemap/"'),
    ("privacy-policy", "/", '<a href="/{language}/pages/privacy/"'),
    ("freedom", "/", '<a href="/{language}/pages/disclaimer/"'),
    ("gov-policies", "/", '<a href="/{language}/pages/government-policies/"'),
    ("faq", "/", '<a href="/{language}/pages/faq/"'),
    ("client-charter", "/", '<a href="/{language}/pages/client-charter/"'),
    ("online-services", "/", '<nav class="site-footer__group"'),
    ("procurement", "/", '<a href="https://www.example.gov.my/tenders/"'),
    ("mobile-apps", "/", '<a href="https://www.example.gov.my/apps/"'),
    ("about-us", "/", '<section class="hero"'),
    ("news", "/", '<section aria-labelledby="news-heading"'),
    ("news", "/news/", '<ul class="cards news-cards"'),
    ("about-us", "/international/", '<article class="page"'),
    ("contact-details", "/international/", '<section class="contact-block"'),
    ("feedback-form", "/contact/", '<form class="contact-form"'),
    ("faq", "/pages/faq/", '<article class="page"'),
    ("client-charter", "/pages/client-charter/", '<article class="page"'),
    ("gov-policies", "/pages/government-policies/", '<article class="page"'),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("name", "path", "element"), PLACES)
def test_each_marker_is_an_attribute_equal_to_its_name_on_its_element(
    client, demo, language, name, path, element
):
    html = client.get(f"/{language}{path}").content.decode()
    tags = elements_with(html, name)
    assert tags, f"splwpk-{name} not on /{language}{path}"
    element = element.format(language=language)
    assert any(tag.startswith(element) for tag in tags), tags
    for tag in tags:
        assert attribute(tag, f"splwpk-{name}") == f"splwpk-{name}"


def test_no_marker_is_written_as_a_class_any_more(client, demo):
    for path in ("/ms/", "/ms/contact/", "/ms/international/", "/ms/pages/faq/"):
        html = client.get(path).content.decode()
        classes = " ".join(re.findall(r'class="([^"]*)"', html))
        # The search link is the site search's to replace with its form.
        assert set(re.findall(r"splwpk-[a-z-]+", classes)) <= {"splwpk-search-function"}


def test_fresh_markers_carry_the_databases_last_change_in_malaysia_time(client, demo):
    faq = Page.objects.get(marker="faq")
    long_ago = timezone.now() - datetime.timedelta(days=45)
    Page.objects.filter(pk=faq.pk).update(updated_at=long_ago, published_at=long_ago)
    Question.objects.filter(page=faq).update(updated_at=long_ago)
    html = client.get("/ms/pages/faq/").content.decode()
    [article] = [tag for tag in elements_with(html, "faq") if tag.startswith("<article")]
    assert attribute(article, "splwpk-faq-timestamp") == stamp(long_ago)

    # A question changes: so does the FAQ's timestamp, on the page and in every footer.
    question = Question.objects.filter(page=faq).first()
    question.answer_en = "<p>A new answer.</p>"
    question.save()
    question.refresh_from_db()
    for path in ("/ms/pages/faq/", "/en/"):
        html = client.get(path).content.decode()
        stamps = {attribute(tag, "splwpk-faq-timestamp") for tag in elements_with(html, "faq")}
        assert stamps == {stamp(question.updated_at)}


def test_news_timestamp_is_the_latest_change_of_published_news(client, demo):
    long_ago = timezone.now() - datetime.timedelta(days=90)
    Article.objects.update(updated_at=long_ago, published_at=long_ago)
    article = Article.objects.published().first()
    Article.objects.filter(pk=article.pk).update(updated_at=long_ago + datetime.timedelta(days=10))
    # A draft edited today is not what the public reads.
    Article.objects.create(slug="draft-today", title_ms="Draf", category=article.category)
    html = client.get("/ms/news/").content.decode()
    [tag] = elements_with(html, "news")
    assert attribute(tag, "splwpk-news-timestamp") == stamp(long_ago + datetime.timedelta(days=10))


def test_about_us_counts_the_objectives_and_contact_details_the_profile(client, demo):
    profile = UnitProfile.objects.get()
    long_ago = timezone.now() - datetime.timedelta(days=50)
    UnitProfile.objects.update(updated_at=long_ago, published_at=long_ago)
    Objective.objects.update(updated_at=long_ago)
    Approach.objects.update(updated_at=long_ago)
    objective = Objective.objects.filter(profile=profile).first()
    Objective.objects.filter(pk=objective.pk).update(
        updated_at=long_ago + datetime.timedelta(days=5)
    )
    html = client.get("/ms/international/").content.decode()
    [about] = elements_with(html, "about-us")
    [contact] = elements_with(html, "contact-details")
    later = long_ago + datetime.timedelta(days=5)
    assert attribute(about, "splwpk-about-us-timestamp") == stamp(later)
    assert attribute(contact, "splwpk-contact-details-timestamp") == stamp(long_ago)


def test_markers_of_features_carry_no_timestamp(client, demo):
    html = client.get("/ms/").content.decode()
    for name in ("w3c", "multilang", "sitemap", "privacy-policy", "freedom"):
        for tag in elements_with(html, name):
            assert "-timestamp=" not in tag


def test_the_tag_writes_one_form_and_refuses_a_name_not_in_the_list():
    when = datetime.datetime(2026, 11, 20, 1, 30, tzinfo=datetime.UTC)
    rendered = Template('{% load splask %}<p{% splask "news" timestamp=when %}>').render(
        Context({"when": when})
    )
    assert rendered == '<p splwpk-news="splwpk-news" splwpk-news-timestamp="2026-11-20 09:30:00">'
    assert Template('{% load splask %}<p{% splask "" %}>').render(Context()) == "<p>"
    with pytest.raises(ValueError):
        Template('{% load splask %}{% splask "newz" %}').render(Context())


# The report ----------------------------------------------------------------------------------


def report():
    out = StringIO()
    call_command("splask_report", per_section=3, stdout=out)
    return out.getvalue()


def section(text, heading):
    return text.split(heading, 1)[1].split("\n\n", 1)[0]


def test_report_names_what_it_found_what_to_refresh_and_what_is_missing(demo):
    long_ago = timezone.now() - datetime.timedelta(days=61)
    Page.objects.filter(marker="client-charter").update(updated_at=long_ago, published_at=long_ago)
    # 40 days: stale for the FAQ's 30, not for the client charter's 60.
    forty = timezone.now() - datetime.timedelta(days=40)
    faq = Page.objects.get(marker="faq")
    Page.objects.filter(pk=faq.pk).update(updated_at=forty, published_at=forty)
    Question.objects.filter(page=faq).update(updated_at=forty)
    # With no announcement running, nothing carries the broadcast marker.
    Announcement.objects.all().delete()

    text = report()

    found = section(text, "Found")
    assert "splwpk-w3c  <details" in found
    assert 'splwpk-feedback-form  <form action="/ms/contact/">  on /ms/contact/' in found
    assert f'splwpk-faq  <article class="page">  {stamp(forty)}, 40 days old' in found
    stale = section(text, "To refresh")
    assert "splwpk-client-charter: 61 days old (limit 60 days)" in stale
    assert "splwpk-faq: 40 days old (limit 30 days)" in stale
    assert "splwpk-news" not in stale
    missing = section(text, "Missing:")
    assert "splwpk-broadcast:" in missing
    for name in ("search-function", "advanced-search-function", "publication", "open-data", "w3c"):
        assert f"splwpk-{name}:" not in missing
    assert "splwpk-procurement" not in missing
    check = MarkerCheck.objects.get()
    assert "w3c" in check.found and "broadcast" not in check.found


def test_a_client_charter_of_59_days_is_not_stale(demo):
    days = timezone.now() - datetime.timedelta(days=59)
    Page.objects.filter(marker="client-charter").update(updated_at=days, published_at=days)
    assert "client-charter" not in section(report(), "To refresh")


# The admin's start page ----------------------------------------------------------------------

TASK = re.compile(r'<li class="staff-task"><a href="([^"]+)" data-count="\d+">([^<]*)</a>')


def start_page_tasks(django_user_model, role):
    user, _made = django_user_model.objects.get_or_create(username=role.lower(), is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    # The labels as written; their Malay is in the catalogue.
    client.cookies["django_language"] = "en"
    response = client.get("/admin/")
    return TASK.findall(html.unescape(response.content.decode()))


def test_start_page_names_stale_content_to_those_who_may_change_it(demo, django_user_model):
    MarkerCheck.objects.create(found=list(MARKERS))
    long_ago = timezone.now() - datetime.timedelta(days=31)
    faq = Page.objects.get(marker="faq")
    Page.objects.filter(pk=faq.pk).update(updated_at=long_ago, published_at=long_ago)
    Question.objects.filter(page=faq).update(updated_at=long_ago)

    editor = start_page_tasks(django_user_model, "Editors")
    assert [url for url, label in editor if "splwpk-faq" in label] == ["/admin/nada_site/page/"]
    assert not [label for _url, label in editor if "marker missing" in label]
    administrator = start_page_tasks(django_user_model, "Administrators")
    assert not [label for _url, label in administrator if "splwpk-" in label]


def test_start_page_names_the_markers_missing_at_the_last_check(demo, django_user_model):
    tasks = start_page_tasks(django_user_model, "Administrators")
    assert any("not been checked" in label for _url, label in tasks)

    Announcement.objects.all().delete()
    report()
    labels = [label for _url, label in start_page_tasks(django_user_model, "Administrators")]
    assert any("splwpk-broadcast" in label for label in labels)
    assert not any("splwpk-w3c" in label for label in labels)
    assert not any("not been checked" in label for label in labels)
    # Editors may not change the settings: the missing markers are not theirs.
    editor = start_page_tasks(django_user_model, "Editors")
    assert not any("splwpk-broadcast" in label for _url, label in editor)


def test_start_page_reads_the_stored_check_and_never_the_pages(demo, django_user_model):
    report()
    user = django_user_model.objects.create_user("boss", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Administrators"))
    client = Client()
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        client.get("/admin/")
    # No public page was rendered: their queries (the linked pages) are not there.
    assert not any("show_in_footer" in query["sql"] for query in queries.captured_queries)


# Which page stands for a marker ----------------------------------------------------------


def page_form_client(django_user_model, role):
    user = django_user_model.objects.create_user(role.lower(), password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client


def test_a_publisher_marks_a_page_and_no_two_pages_share_a_marker(demo, django_user_model):
    client = page_form_client(django_user_model, "Publishers")
    about = Page.objects.get(slug="about")
    url = f"/admin/nada_site/page/{about.pk}/change/"
    _response, form = open_form(client, url, "page")
    response = client.post(url, form.update({"marker": "faq"}).post_data())
    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors()  # the page is not saved
    assert Page.objects.get(marker="faq").slug == "faq"

    Page.objects.filter(slug="faq").update(marker="")
    _response, form = open_form(client, url, "page")
    response = client.post(url, form.update({"marker": "faq"}).post_data())
    assert response.status_code == 302
    assert Page.objects.get(marker="faq") == about


def test_an_editor_cannot_change_what_a_page_stands_for(demo, django_user_model):
    client = page_form_client(django_user_model, "Editors")
    about = Page.objects.get(slug="about")
    url = f"/admin/nada_site/page/{about.pk}/change/"
    _response, form = open_form(client, url, "page")
    client.post(url, form.update({"marker": "gov-policies", "title_en": "About us"}).post_data())
    about.refresh_from_db()
    assert about.marker == ""
