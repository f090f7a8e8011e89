"""Staff edit the unit's objectives in Arabic in the admin, and the public Arabic page shows it."""

import pytest

from international.models import UnitProfile

pytestmark = pytest.mark.browser


def test_staff_edit_an_objective_in_arabic_and_the_public_page_shows_it(
    site, page, django_user_model
):
    django_user_model.objects.create_superuser(
        "editor", "editor@example.gov.my", "a-long-passphrase"
    )
    profile = UnitProfile.objects.get()
    new_text = "تعزيز تبادل المعلومات مع الشركاء الإقليميين في مكافحة المخدرات."

    page.goto(site.url + "/admin/login/")
    page.fill("#id_auth-username", "editor")
    page.fill("#id_auth-password", "a-long-passphrase")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")

    page.goto(site.url + f"/admin/international/unitprofile/{profile.pk}/change/")
    arabic = page.locator("[name$='-0-text_ar'][name^='objective']")
    if not arabic.is_visible():
        # Each translation of a field has its own tab: open the Arabic one.
        page.click(f"a[href='#tab_{arabic.get_attribute('id')}']")
    assert arabic.is_visible()
    assert arabic.get_attribute("dir") == "rtl"
    arabic.fill(new_text)
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/international/unitprofile/**")
    assert page.locator(".messagelist .success").count() == 1

    page.goto(site.url + "/ar/international/")
    objectives = page.locator("section[aria-labelledby=objectives-heading] li")
    assert objectives.first.inner_text() == new_text
