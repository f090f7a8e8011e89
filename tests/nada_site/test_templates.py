"""Templates stay readable: no line of a template is longer than 160 characters."""

from django.conf import settings

MAX_LINE_LENGTH = 160


def test_no_template_line_is_longer_than_160_characters():
    templates = settings.BASE_DIR / "templates"
    too_long = [
        f"{path.relative_to(templates)}:{number} has {len(line)} characters"
        for path in sorted(templates.rglob("*"))
        if path.is_file()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if len(line) > MAX_LINE_LENGTH
    ]
    assert too_long == []
