"""
The language tabs of a translated admin form (static/js/translation-tabs.js):
they open on Malay, or on the staff member's editing language; every tab and
the switcher at the top show the same language; tabs are named after their
language and say when their text is missing.
"""

import pytest

from tests.browser.conftest import axe_violations
from tests.news.conftest import make_article

pytestmark = pytest.mark.browser

PASSWORD = "a-long-passphrase"


def title_tabs(page):
    """The tabs of the article's title (the first group of tabs on the form)."""
    return page.locator(".ui-tabs-nav").first.locator("li")


def active_language(page):
    tabs = page.locator(".ui-tabs-nav").first.locator("li[aria-selected=true]")
    return tabs.get_attribute("data-language")


def switcher_text(page):
    return page.locator("#modeltranslation-main-switch option:checked").inner_text()


@pytest.fixture
def signed_in(transactional_db, live_server, context, page, django_user_model):
    django_user_model.objects.create_superuser("staff", "staff@example.gov.my", PASSWORD)
    context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_auth-username", "staff")
    page.fill("#id_auth-password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    return page


def test_tabs_open_on_malay_then_on_the_chosen_editing_language(signed_in, live_server):
    page = signed_in
    article = make_article("tabs", title_ms="Berita", title_en="News", title_ar="")
    url = f"{live_server.url}/admin/news/article/{article.pk}/change/"

    page.goto(url)
    page.wait_for_selector(".ui-tabs-nav li[data-language]")
    assert page.locator("html").get_attribute("lang") == "en"
    assert active_language(page) == "ms"
    assert page.locator("#id_title_ms").is_visible()
    assert switcher_text(page) == "Malay"
    # Named after their language, in the admin's language, each saying its state.
    labels = title_tabs(page).all_inner_texts()
    assert [label.split()[0] for label in labels] == ["Malay", "English", "Arabic"]
    assert "filled" in labels[0] and "filled" in labels[1]
    assert "missing" in labels[2]
    assert "missing" in title_tabs(page).nth(2).locator("a").text_content()  # its accessible name

    # Choosing a tab chooses it everywhere, switcher included; and the other way round.
    title_tabs(page).nth(1).locator("a").click()
    page.wait_for_function(
        "document.querySelector('#modeltranslation-main-switch option:checked').textContent"
        " === 'English'"
    )
    selected = page.locator(".ui-tabs-nav li[aria-selected=true]")
    assert set(selected.evaluate_all("tabs => tabs.map(tab => tab.dataset.language)")) == {"en"}
    page.select_option("#modeltranslation-main-switch", label="Arabic")
    assert active_language(page) == "ar"
    assert set(selected.evaluate_all("tabs => tabs.map(tab => tab.dataset.language)")) == {"ar"}
    # By keyboard: the arrow keys move between a group's tabs, and the others follow.
    title_tabs(page).nth(2).focus()
    page.keyboard.press("Home")
    page.wait_for_function(
        "document.querySelector('#modeltranslation-main-switch option:checked').textContent"
        " === 'Malay'"
    )
    assert set(selected.evaluate_all("tabs => tabs.map(tab => tab.dataset.language)")) == {"ms"}

    # The staff member translates into English: their forms open on it.
    page.goto(live_server.url + "/admin/nada_site/staffpreferences/")
    page.select_option("#id_editing_language", "en")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    page.goto(url)
    page.wait_for_selector(".ui-tabs-nav li[data-language]")
    assert active_language(page) == "en"
    assert page.locator("#id_title_en").is_visible()
    assert switcher_text(page) == "English"


def test_in_arabic_the_tabs_are_named_in_arabic_and_pass_axe(signed_in, live_server, context, axe):
    page = signed_in
    context.add_cookies([{"name": "django_language", "value": "ar", "url": live_server.url}])
    article = make_article("tabs", title_ms="Berita", title_en="", title_ar="خبر")
    page.goto(f"{live_server.url}/admin/news/article/{article.pk}/change/")
    page.wait_for_selector(".ui-tabs-nav li[data-language]")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert active_language(page) == "ms"
    assert switcher_text(page) == "الملايوية"
    labels = title_tabs(page).all_inner_texts()
    assert labels[0].startswith("الملايوية") and labels[2].startswith("العربية")
    # What axe finds in the tabs and the switcher (the rest of the admin is Django's).
    found = [
        line
        for line in axe_violations(axe, page)
        if any(part in line for part in ("ui-id-", "ui-tabs", "translation-", "main-switch"))
    ]
    assert found == []
