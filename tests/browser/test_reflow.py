"""At 320 CSS pixels wide (WCAG 1.4.10), no page scrolls sideways."""

import pytest

from tests.browser.conftest import LANGUAGES

pytestmark = pytest.mark.browser

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
# The innermost elements that reach past the viewport, to say what to fix.
WIDE_ELEMENTS = """() => [...document.body.querySelectorAll("*")]
  .filter((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && (box.right > innerWidth + 1 || box.left < -1);
  })
  .filter((element, index, all) => !all.some((other) => other !== element && element.contains(other)))
  .slice(0, 5)
  .map((element) => element.outerHTML.slice(0, 120))"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_horizontal_scrolling_at_320_pixels(site, page, language):
    page.set_viewport_size({"width": 320, "height": 640})
    overflowing = {}
    for name, path in site.urls(language).items():
        page.goto(site.url + path)
        if name == "home":
            page.click(".a11y-toolbar__toggle")  # The open toolbar must fit too.
        if name == "contact":
            page.locator("form.contact-form button[type=submit]").click()
            page.wait_for_selector(".error-summary")
        extra = page.evaluate(OVERFLOW)
        if extra > 0:
            overflowing[name] = (extra, page.evaluate(WIDE_ELEMENTS))
    assert not overflowing, f"Pages wider than 320 px ({language}), extra pixels: {overflowing}"
