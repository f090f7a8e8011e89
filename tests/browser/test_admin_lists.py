"""
At 1280 x 800, with the admin in Malay, English and Arabic, the lists of
articles, agreements, events, pages and announcements show every column whole: nothing reaches past
the list, no header is clipped, and a title takes two lines at most (the
whole of a long one in its tooltip and its text).
"""

import pytest

from tests.browser.conftest import LANGUAGES
from tests.conftest import make_agreement, make_page
from tests.events.conftest import make_event
from tests.news.conftest import make_announcement, make_article

pytestmark = pytest.mark.browser

PASSWORD = "a-long-passphrase"
CHANGE_LISTS = {
    "articles": "/admin/news/article/",
    "agreements": "/admin/international/agreement/",
    "events": "/admin/events/event/",
    "pages": "/admin/nada_site/page/",
    "announcements": "/admin/news/announcement/",
}
# Long, and within the shortest title field of these kinds (an announcement's 200 characters).
LONG_TITLES = {
    "title_ms": "Mesyuarat dua hala Agensi Antidadah Kebangsaan dengan rakan serantau mengenai "
    "pertukaran maklumat, pemulihan berasaskan komuniti dan latihan pegawai penguatkuasa "
    "di sempadan utara Semenanjung Malaysia",
    "title_en": "Bilateral meeting of the National Anti-Drugs Agency with regional partners on "
    "information exchange, community-based rehabilitation and the training of enforcement "
    "officers on the northern border",
    "title_ar": "اجتماع ثنائي للوكالة الوطنية لمكافحة المخدرات مع الشركاء الإقليميين بشأن تبادل "
    "المعلومات وإعادة التأهيل المجتمعي وتدريب ضباط إنفاذ القانون على الحدود الشمالية "
    "لشبه جزيرة ماليزيا",
}
# What reaches past its box: the list, its table, a header's text, a title taller than two lines.
CUT_OFF = """() => {
  const problems = [];
  const wider = (element) => element.scrollWidth > element.clientWidth;
  const page = document.documentElement;
  if (wider(page)) problems.push(`the page scrolls sideways: ${page.scrollWidth} > ${page.clientWidth}`);
  const results = document.querySelector("#changelist .results");
  if (wider(results)) problems.push(`the list scrolls sideways: ${results.scrollWidth} > ${results.clientWidth}`);
  const table = document.querySelector("#result_list");
  if (table.getBoundingClientRect().width > results.clientWidth + 0.5) problems.push("the table is wider than the list");
  for (const header of table.querySelectorAll("thead th")) {
    for (const box of [header, ...header.querySelectorAll(".text > a, .text > span")]) {
      if (wider(box)) problems.push(`header "${header.innerText.trim()}" is clipped`);
    }
  }
  for (const title of table.querySelectorAll("tbody .list-title")) {
    const lineHeight = parseFloat(getComputedStyle(title).lineHeight);
    const cell = title.closest("th, td");
    const style = getComputedStyle(cell);
    const padding = parseFloat(style.paddingBlockStart) + parseFloat(style.paddingBlockEnd);
    const tallest = 2 * lineHeight + padding + 1;  // and the cell's border
    if (title.getBoundingClientRect().height > 2 * lineHeight + 0.5 || cell.getBoundingClientRect().height > tallest) {
      problems.push(`title "${title.textContent.slice(0, 40)}…" is taller than two lines`);
    }
  }
  return problems;
}"""


@pytest.fixture
def long_titles(site):
    """Beside the demo content, an item of each kind with very long titles."""
    return {
        "articles": make_article("long-article", **LONG_TITLES),
        "agreements": make_agreement("long-agreement", **LONG_TITLES),
        "events": make_event("long-event", **LONG_TITLES),
        "pages": make_page("long-page", **LONG_TITLES),
        "announcements": make_announcement("long-announcement", **LONG_TITLES),
    }


def sign_in(page, site, django_user_model, language):
    """A Publisher's view (superuser): every column and every list edit."""
    django_user_model.objects.create_superuser("aminah", "aminah@example.gov.my", PASSWORD)
    page.goto(site.url + "/admin/login/")
    page.fill("#id_auth-username", "aminah")
    page.fill("#id_auth-password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    page.context.add_cookies([{"name": "django_language", "value": language, "url": site.url}])


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_column_is_cut_off_at_1280_pixels(site, long_titles, page, django_user_model, language):
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(page, site, django_user_model, language)
    cut_off = {}
    for name, path in CHANGE_LISTS.items():
        response = page.goto(site.url + path)
        assert response.status == 200, name
        assert page.locator("html").get_attribute("lang") == language
        problems = page.evaluate(CUT_OFF)
        # The long title is clamped on screen, whole in its text and its tooltip.
        title = getattr(long_titles[name], f"title_{language}")
        shown = page.locator(".list-title").and_(page.get_by_title(title, exact=True))
        assert shown.text_content() == title
        if not shown.evaluate("(element) => element.scrollHeight > element.clientHeight"):
            problems.append("the long title is not clamped")
        if problems:
            cut_off[name] = problems
    assert not cut_off, f"Cut off at 1280 px ({language}): {cut_off}"
