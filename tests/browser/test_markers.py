"""The markers the public-sector assessment looks for are on every page (no browser needed)."""

import pytest


@pytest.mark.parametrize("language", ["ms", "en", "ar"])
def test_assessment_markers_point_at_toolbar_search_contact_and_site_map(client, db, language):
    html = client.get(f"/{language}/").content.decode()
    assert 'class="a11y-toolbar splwpk-w3c"' in html
    assert (
        f'<form class="site-search" method="get" action="/{language}/search/" role="search" '
        'splwpk-search-function="splwpk-search-function">' in html
    )
    assert f'<a href="/{language}/contact/" class="splwpk-feedback-form">' in html
    assert f'<a class="splwpk-sitemap" href="/{language}/sitemap/">' in html


def test_head_script_is_external_and_render_blocking(client, db):
    html = client.get("/en/").content.decode()
    head = html.split("</head>")[0]
    assert '<script src="/static/js/display-preferences.js"></script>' in head
    assert '<script src="/static/js/accessibility-toolbar.js" defer></script>' in head
    assert "<script>" not in html
