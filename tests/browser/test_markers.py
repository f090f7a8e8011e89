"""
The page's head loads its scripts from files (no browser needed). The SPLaSK
markers are tested in tests/nada_site/test_splask.py.
"""


def test_head_script_is_external_and_render_blocking(client, db):
    html = client.get("/en/").content.decode()
    head = html.split("</head>")[0]
    assert '<script src="/static/js/display-preferences.js"></script>' in head
    assert '<script src="/static/js/accessibility-toolbar.js" defer></script>' in head
    assert "<script>" not in html
