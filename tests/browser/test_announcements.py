"""
Hiding an announcement on the home page: a real button, the choice kept in
localStorage (no cookie), still hidden after a reload, shown again once the
announcement changes. Without the script every announcement shows.
"""

import datetime
import json
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.news.conftest import make_announcement

pytestmark = pytest.mark.browser

KEY = "nada-hidden-announcements"


@pytest.fixture
def notices(transactional_db, live_server):
    start = timezone.now() - datetime.timedelta(hours=1)
    first = make_announcement(
        "office-closed",
        starts_at=start,
        title_en="Office closed on Friday",
        text_en="The office is closed on Friday.",
    )
    second = make_announcement(
        "new-address",
        starts_at=start - datetime.timedelta(hours=1),
        title_en="Our new address",
        text_en="We have moved.",
    )
    return first, second


def hide_button(page, title):
    """The button by its accessible name (the hidden part of it reads as its own phrase)."""
    return page.get_by_role("button", name=re.compile(rf"^Hide this announcement\s*:\s*{title}$"))


def announcement(page, slug):
    return page.locator(f"#announcement-{slug}")


def test_a_visitor_hides_an_announcement_and_it_stays_hidden(live_server, context, notices):
    first, _second = notices
    page = context.new_page()
    page.goto(live_server.url + "/en/")
    region = page.locator("[splwpk-broadcast]")
    assert region.get_attribute("splwpk-broadcast") == "splwpk-broadcast"
    button = hide_button(page, "Office closed on Friday")
    expect(button).to_be_visible()
    expect(hide_button(page, "Our new address")).to_be_visible()

    button.click()
    expect(announcement(page, "office-closed")).to_be_hidden()
    expect(announcement(page, "new-address")).to_be_visible()
    # The keyboard's place moves to the next announcement's button, and the change is said.
    focused = page.evaluate("document.activeElement.textContent")
    assert "Our new address" in focused
    assert page.locator("[data-announcements-status]").text_content().strip()
    stored = json.loads(page.evaluate(f"localStorage.getItem({json.dumps(KEY)})"))
    assert stored == [first.version]
    # No cookie but the remembered language, which the site sets on any page.
    assert {cookie["name"] for cookie in context.cookies()} <= {"django_language"}

    page.reload()
    expect(hide_button(page, "Our new address")).to_be_visible()
    expect(announcement(page, "office-closed")).to_be_hidden()

    # Changed, it is a new version: it shows again.
    first.text_en = "The office is closed on Friday and Saturday."
    first.save()
    page.reload()
    expect(announcement(page, "office-closed")).to_be_visible()
    expect(announcement(page, "office-closed")).to_contain_text("Friday and Saturday")


def test_hiding_every_announcement_keeps_the_link_to_the_archive(live_server, context, notices):
    page = context.new_page()
    page.goto(live_server.url + "/ar/")
    buttons = page.locator("[data-announcement-hide]")
    expect(buttons.first).to_be_visible()
    for button in buttons.all():
        button.click()
    assert page.locator("[data-announcement]:visible").count() == 0
    assert page.locator('[splwpk-broadcast] a[href="/ar/announcements/"]').is_visible()
    assert page.evaluate("document.activeElement.id") == "announcements-heading"


def test_without_javascript_every_announcement_shows_and_no_button_does_nothing(
    live_server, browser, notices
):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + "/ms/")
        assert announcement(page, "office-closed").is_visible()
        assert announcement(page, "new-address").is_visible()
        assert page.locator("[data-announcement-hide]:visible").count() == 0
    finally:
        context.close()
