"""
What a browser would post from an admin form.

`open_form()` GETs an admin page and reads `<form id="<model_name>_form">`
from its HTML: every input, select and textarea with its current value, as a
browser sends them (checked boxes only, selected options, no submit buttons,
no file inputs). The formsets' empty templates (`__prefix__`) are kept aside
and used the way the admin's "Add another" button uses them. Tests then
change what they need and post the rest as it was, so they stay true when a
form gains a field.
"""

from html.parser import HTMLParser

SKIPPED_INPUT_TYPES = {"submit", "button", "image", "reset", "file"}
TEMPLATE_PREFIX = "__prefix__"


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.found = False
        self.inside = False
        self.fields = []  # (name, value) in document order
        self._select = None  # (name, multiple, options: [(value, selected)])
        self._option = None  # [value or None, text, selected]
        self._textarea = None  # [name, text]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.found = self.inside = True
            return
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in SKIPPED_INPUT_TYPES:
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value") or "on"))
                return
            self.fields.append((name, attrs.get("value") or ""))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = (name, "multiple" in attrs, [])
        elif tag == "option" and self._select is not None:
            self._option = [attrs.get("value"), "", "selected" in attrs]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data
        elif self._option is not None:
            self._option[1] += data

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # A newline just after <textarea> is not part of its value.
            self.fields.append((name, text.removeprefix("\n")))
            self._textarea = None
        elif tag == "option" and self._option is not None:
            self._close_option()
        elif tag == "select" and self._select is not None:
            self._close_option()
            name, multiple, options = self._select
            chosen = [value for value, selected in options if selected]
            if not multiple and not chosen and options:
                chosen = [options[0][0]]  # a single select sends its first option
            self.fields.extend((name, value) for value in chosen[: None if multiple else 1])
            self._select = None

    def _close_option(self):
        if self._option is None:
            return
        value, text, selected = self._option
        self._select[2].append((text.strip() if value is None else value, selected))
        self._option = None


class FormData:
    """The fields of one admin form: `data` to post, `templates` of the formsets' empty forms."""

    def __init__(self, fields):
        self.data = {}
        self.templates = {}
        for name, value in fields:
            target = self.templates if TEMPLATE_PREFIX in name else self.data
            target.setdefault(name, []).append(value)

    def __getitem__(self, name):
        values = self.data[name]
        return values[0] if len(values) == 1 else values

    def __contains__(self, name):
        return name in self.data

    def update(self, changes):
        """
        Set fields: a list sets every value of a multiple select; None removes
        the field; a file is uploaded.
        """
        for name, value in changes.items():
            if value is None:
                self.data.pop(name, None)
            elif isinstance(value, list | tuple):
                self.data[name] = [str(item) for item in value]
            elif hasattr(value, "read"):  # a file, posted as is
                self.data[name] = [value]
            else:
                self.data[name] = [str(value)]
        return self

    def add_inline(self, prefix, **fields):
        """Add a form to the formset `prefix`, as the admin's "Add another" does, and fill it."""
        total = f"{prefix}-TOTAL_FORMS"
        index = int(self[total])
        template = f"{prefix}-{TEMPLATE_PREFIX}-"
        for name, values in self.templates.items():
            if name.startswith(template):
                self.data[name.replace(TEMPLATE_PREFIX, str(index), 1)] = list(values)
        self.update({total: index + 1})
        self.update({f"{prefix}-{index}-{name}": value for name, value in fields.items()})
        return self

    def post_data(self):
        return {
            name: values[0] if len(values) == 1 else values for name, values in self.data.items()
        }


def read_form(html, model_name):
    reader = _FormReader(f"{model_name}_form")
    reader.feed(html)
    reader.close()
    if not reader.found:
        raise AssertionError(f'No <form id="{model_name}_form"> on the page')
    return FormData(reader.fields)


def open_form(client, url, model_name):
    """GET an admin page and read its form. Returns (response, FormData)."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response, read_form(response.content.decode(), model_name)
