"""
A Publisher signs in with the second factor, finds on the start page how many
items await review, follows it, and lands on the list of those reviews.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django_otp.plugins.otp_totp.models import TOTPDevice

from nada_site.models import ReviewRequest
from nada_site.workflow import Status
from tests.nada_site.test_start_page import review
from tests.nada_site.test_two_factor import code_of
from tests.news.conftest import make_article

pytestmark = pytest.mark.browser

PASSWORD = "a-long-passphrase"


@pytest.mark.parametrize("language", ["ms", "ar"])
def test_a_publisher_follows_the_count_of_items_awaiting_review(
    transactional_db, live_server, page, django_user_model, settings, language
):
    settings.TWO_FACTOR_REQUIRED = True
    publisher = django_user_model.objects.create_user("siti", password=PASSWORD, is_staff=True)
    # The database is emptied between browser tests: the role is made again, with what it needs here.
    role, _created = Group.objects.get_or_create(name="Publishers")
    role.permissions.add(
        *Permission.objects.filter(
            codename__in=["view_article", "change_article", "publish_article", "view_reviewrequest"]
        )
    )
    publisher.groups.add(role)
    device = TOTPDevice.objects.create(user=publisher, name="default", confirmed=True)
    editor = django_user_model.objects.create_user("aminah", password=PASSWORD, is_staff=True)
    # Three: Arabic writes one and two items in words.
    for slug in ("mou-thailand", "bengkel-asean", "lawatan-jakarta"):
        review(editor, make_article(slug, status=Status.REVIEW), ReviewRequest.State.PENDING)

    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.goto(live_server.url + "/admin/")
    page.fill("#id_auth-username", "siti")
    page.fill("#id_auth-password", PASSWORD)
    page.click("input[type=submit]")
    page.fill("#id_token-otp_token", code_of(device))
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")

    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    awaiting = page.locator(".staff-task a[href*='state__exact=pending']")
    assert awaiting.get_attribute("data-count") == "3"
    assert "3" in awaiting.inner_text()
    awaiting.click()
    page.wait_for_url("**/admin/nada_site/reviewrequest/?state__exact=pending")
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == 3
    assert {"Berita mou-thailand", "Berita bengkel-asean", "Berita lawatan-jakarta"} <= set(
        page.locator("#result_list tbody").inner_text().replace("\t", "\n").splitlines()
    )
