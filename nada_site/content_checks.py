"""
What makes a rich text harder to read, or to use with a screen reader,
found while it is written. `check(html, language)` reads one value (already
cleaned by nh3, nada_site/richtext.py) and returns its problems:

- an image without a description (alt text), or whose description is a file
  name (`IMG_1234.jpg`, `foto.png`);
- a heading that skips a level (the page's title is the first level, so the
  text's first heading is a level 2) or that is empty;
- a link whose text says nothing of where it leads ("klik sini", "click
  here", "اضغط هنا"…): the phrases of the text's language, and the English
  ones, which travel into every language; or a link with no text at all;
- a table without header cells (`<th>`);
- a whole sentence in capitals: several words, all upper-case, in Latin
  letters.

These are warnings: staff see them when they save (nada_site.content_warnings)
and the save goes through. Each problem's message is in the language active
when `check` runs: the staff member's.
"""

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

from django.utils.translation import gettext as _

# A sentence in capitals has at least this many words of two letters or more.
CAPITAL_WORDS = 4
# The text of a problem shows at most this many words of the sentence it quotes.
QUOTED_WORDS = 6

# Link texts that say nothing of where the link leads, by language.
VAGUE_LINK_TEXTS = {
    "ms": [
        "klik", "klik sini", "klik di sini", "tekan sini", "tekan di sini", "sini", "di sini",
        "baca lagi", "baca seterusnya", "seterusnya", "selanjutnya", "lagi", "lanjut",
        "maklumat lanjut", "pautan", "pautan ini",
    ],
    "en": [
        "click", "click here", "here", "read more", "more", "learn more", "find out more",
        "more info", "more information", "continue reading", "link", "this link", "this page",
    ],
    "ar": [
        "اضغط", "اضغط هنا", "انقر", "انقر هنا", "هنا", "من هنا", "المزيد", "للمزيد",
        "اقرأ المزيد", "لمزيد من المعلومات", "التفاصيل", "رابط", "الرابط", "هذا الرابط",
    ],
}  # fmt: skip

IMAGE_FILE = re.compile(
    r"^\S*\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)$"  # foto.png, IMG_1234.JPG
    r"|^(?:IMG|DSCN?|DCIM|PXL|MVIMG|WA)[_-]?\d[\w-]*$",  # what cameras and phones name them
    re.IGNORECASE,
)
HEADING = re.compile(r"^h([1-6])$")
SENTENCE_END = re.compile(r"(?<=[.!?؟…])\s+")
WORD = re.compile(r"[^\W\d_]+")
# Arabic short vowels and other marks, and the tatweel, which do not change a word.
ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ARABIC_ALEFS = str.maketrans("أإآٱ", "اااا")
# Where one block of text ends and another starts, for the sentences.
BLOCK_TAGS = {
    "blockquote", "br", "caption", "div", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "li", "ol", "p", "table", "td", "th", "tr", "ul",
}  # fmt: skip


@dataclass(frozen=True)
class Problem:
    code: str
    message: str


def normalized(text):
    """`text` as link texts are compared: case, marks, punctuation and spacing set aside."""
    text = ARABIC_MARKS.sub("", text.casefold()).translate(ARABIC_ALEFS)
    text = "".join(" " if unicodedata.category(char)[0] in "PSZ" else char for char in text)
    return " ".join(text.split())


def vague_link_texts(language):
    languages = [language, "en"] if language in VAGUE_LINK_TEXTS else list(VAGUE_LINK_TEXTS)
    return {normalized(text) for code in languages for text in VAGUE_LINK_TEXTS[code]}


def is_latin(word):
    return all(unicodedata.name(char, "").startswith("LATIN") for char in word)


def in_capitals(sentence):
    words = WORD.findall(sentence)
    long_words = [word for word in words if len(word) > 1]
    return len(long_words) >= CAPITAL_WORDS and all(
        is_latin(word) and word.isupper() for word in words
    )


def quoted(text):
    words = text.split()
    return " ".join(words[:QUOTED_WORDS]) + ("…" if len(words) > QUOTED_WORDS else "")


class _Reader(HTMLParser):
    def __init__(self, language):
        super().__init__(convert_charrefs=True)
        self.vague = vague_link_texts(language)
        self.problems = []
        self.level = 1  # the page's title
        self.heading = None  # the text of the heading being read
        self.links = []  # the texts of the links being read
        self.tables = []  # whether each table being read has a header cell
        self.block = []  # the text of the block being read

    def report(self, code, message):
        self.problems.append(Problem(code, message))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in BLOCK_TAGS:
            self.end_block()
        heading = HEADING.match(tag)
        if heading:
            self.start_heading(int(heading.group(1)))
        elif tag == "img":
            self.image((attrs.get("alt") or "").strip())
        elif tag == "a":
            # An anchor without an address is no link.
            self.links.append([] if attrs.get("href") else None)
        elif tag == "table":
            self.tables.append(False)
        elif tag == "th" and self.tables:
            self.tables[-1] = True

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.end_block()
        if HEADING.match(tag) and self.heading is not None:
            self.end_heading()
        elif tag == "a" and self.links:
            self.end_link(self.links.pop())
        elif tag == "table" and self.tables:
            self.end_table(self.tables.pop())

    def handle_data(self, data):
        self.text(data)
        self.block.append(data)

    def text(self, data):
        """Text read inside the open heading and links (an image's description counts)."""
        if self.heading is not None:
            self.heading.append(data)
        for link in self.links:
            if link is not None:
                link.append(data)

    def close(self):
        super().close()
        self.end_block()
        if self.heading is not None:
            self.end_heading()
        while self.links:
            self.end_link(self.links.pop())
        while self.tables:
            self.end_table(self.tables.pop())

    # The checks.

    def image(self, alt):
        if not alt:
            self.report("image_without_alt", _("an image has no description (alt text)"))
        elif IMAGE_FILE.match(alt):
            self.report(
                "image_alt_is_a_file_name",
                _("the description of an image is a file name (“%(alt)s”): say what it shows")
                % {"alt": alt},
            )
        self.text(alt)

    def start_heading(self, level):
        if level > self.level + 1:
            self.report(
                "heading_skips_a_level",
                _("a heading skips a level: a level %(level)d heading after a level %(previous)d")
                % {"level": level, "previous": self.level},
            )
        self.level = level
        self.heading = []

    def end_heading(self):
        if not "".join(self.heading).strip():
            self.report("empty_heading", _("a heading is empty"))
        self.heading = None

    def end_link(self, parts):
        if parts is None:
            return
        text = " ".join("".join(parts).split())
        if not normalized(text):
            self.report("link_without_text", _("a link has no text"))
        elif normalized(text) in self.vague:
            self.report(
                "vague_link",
                _("a link says nothing of where it leads (“%(text)s”): name its destination")
                % {"text": text},
            )

    def end_table(self, has_headers):
        if not has_headers:
            self.report(
                "table_without_headers",
                _("a table has no header cells: mark its header row or column as headers"),
            )

    def end_block(self):
        text = " ".join("".join(self.block).split())
        self.block = []
        for sentence in SENTENCE_END.split(text):
            if in_capitals(sentence):
                self.report(
                    "sentence_in_capitals",
                    _("a sentence is written in capitals (“%(sentence)s”), which is harder to read")
                    % {"sentence": quoted(sentence)},
                )


def check(html, language):
    """The problems of the rich text `html`, written in `language`, in the order they are found."""
    if not html:
        return []
    reader = _Reader(language)
    reader.feed(html)
    reader.close()
    return reader.problems
