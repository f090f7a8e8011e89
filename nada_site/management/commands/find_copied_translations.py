"""
Find the records in which two languages of a translated field hold the same
text, and on request empty one language's copy.

Until the rich text fields stopped writing their untranslated value, saving
an item copied the text shown as a fallback into the field of the language
active at the time (see nada_site.richtext). The copies look like
translations, so the site showed them without saying they were in another
language. This command lists them; an operator decides which are copies and
empties them, one language of one model at a time, with a revision in each
item's history.
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

import reversion
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import F, Q
from django.utils.text import Truncator
from modeltranslation import settings as mt_settings
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from reversion.revisions import _get_options

LANGUAGES = tuple(mt_settings.AVAILABLE_LANGUAGES)


@dataclass(frozen=True)
class Copy:
    """A field of a record whose text is the same in several languages."""

    record: object
    field: str
    languages: tuple  # the languages holding that text, in settings order

    def line(self):
        name = Truncator(str(self.record)).chars(60)
        same = " = ".join(self.languages)
        return f'{self.record._meta.label} {self.record.pk} "{name}" {self.field}: {same}'


def translated_fields(model):
    return list(translator.get_options_for_model(model).fields)


def required_languages(model):
    """The languages in which `model` requires some text (its `required_languages`)."""
    required = translator.get_options_for_model(model).required_languages or ()
    if isinstance(required, list | tuple):
        return set(required)
    default = required.get("default", ())
    return {code for code in LANGUAGES if required.get(code, default)}


def same_text_in_two_languages(model):
    """A filter: some field has the same non-empty text in two of its languages."""
    conditions = []
    for field in translated_fields(model):
        names = [build_localized_fieldname(field, code) for code in LANGUAGES]
        for index, first in enumerate(names):
            for second in names[index + 1 :]:
                conditions.append(Q(**{first: F(second)}) & ~Q(**{first: ""}))
    return reduce(or_, conditions)


def copies_in(record):
    """The fields of `record` whose text is the same in several languages."""
    found = []
    for field in translated_fields(type(record)):
        by_text = {}
        for code in LANGUAGES:
            text = getattr(record, build_localized_fieldname(field, code))
            if text:
                by_text.setdefault(text, []).append(code)
        found += [Copy(record, field, tuple(codes)) for codes in by_text.values() if len(codes) > 1]
    return found


def find_copies(model, ids=None):
    """The copies in `model`, found by the database; only the records that have some are read."""
    records = model._default_manager.filter(same_text_in_two_languages(model)).order_by("pk")
    if ids is not None:
        records = records.filter(pk__in=ids)
    return [copy for record in records for copy in copies_in(record)]


def owners(record):
    """
    The items that `record` is a part of (edited inline with them, such as a
    page's questions): django-reversion follows the part from its item.
    """
    found = []
    for field in record._meta.concrete_fields:
        if not field.many_to_one or not reversion.is_registered(field.related_model):
            continue
        if field.remote_field.get_accessor_name() in _get_options(field.related_model).follow:
            owner = getattr(record, field.name)
            if owner is not None:
                found.append(owner)
    return found


class Command(BaseCommand):
    help = (
        "List the records in which two languages of a translated field hold the same text "
        "(copies left by an old defect). With --clear LANG --model app_label.ModelName "
        "--ids ..., empty LANG's copies in those records, with a revision in each item's history. "
        "Some texts are rightly the same in two languages (a name such as Australia): "
        "judge each record before emptying it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--clear",
            metavar="LANG",
            help="Empty this language's text where it equals another language's text.",
        )
        parser.add_argument(
            "--model",
            metavar="app_label.ModelName",
            help="Only this model (required with --clear).",
        )
        parser.add_argument(
            "--ids", nargs="+", metavar="ID", help="Only these records (required with --clear)."
        )
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation before emptying.",
        )

    def handle(self, *args, clear, model, ids, interactive, **options):
        models = [self.translated_model(model)] if model else translator.get_registered_models()
        if ids and not model:
            raise CommandError("--ids needs --model.")
        if clear is None:
            self.report(models, ids)
            return
        if not (model and ids):
            raise CommandError("--clear needs --model and --ids.")
        self.clear(models[0], clear, ids, interactive)

    def translated_model(self, label):
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError) as error:
            raise CommandError(f"Unknown model {label!r}: use app_label.ModelName.") from error
        if model not in translator.get_registered_models():
            raise CommandError(f"{model._meta.label} is not translated.")
        return model

    def record_ids(self, model, ids):
        try:
            ids = [model._meta.pk.to_python(value) for value in ids]
        except ValidationError as error:
            raise CommandError(f"Not an id of {model._meta.label}: {error.messages[0]}") from error
        existing = set(model._default_manager.filter(pk__in=ids).values_list("pk", flat=True))
        missing = [str(value) for value in ids if value not in existing]
        if missing:
            raise CommandError(f"No {model._meta.label} with id {', '.join(missing)}.")
        return ids

    def report(self, models, ids):
        copies = []
        for model in models:
            found = find_copies(model, self.record_ids(model, ids) if ids else None)
            for copy in found:
                self.stdout.write(copy.line())
            copies += found
        records = {(copy.record._meta.label, copy.record.pk) for copy in copies}
        self.stdout.write(
            f"{len(copies)} fields with the same text in several languages, "
            f"in {len(records)} records."
        )

    def clear(self, model, language, ids, interactive):
        if language not in LANGUAGES:
            raise CommandError(f"Unknown language {language!r}: one of {', '.join(LANGUAGES)}.")
        if language in required_languages(model):
            raise CommandError(
                f"{model._meta.label} requires text in {language!r}: it is not emptied here. "
                "Correct it in the admin."
            )
        ids = self.record_ids(model, ids)
        planned = {}
        for copy in find_copies(model, ids):
            if language in copy.languages:
                planned.setdefault(copy.record, []).append(copy.field)
        if not planned:
            self.stdout.write(f"No copied text in {language!r} in these records: nothing to do.")
            return
        self.stdout.write(f"The {language!r} text of these fields will be emptied:")
        for record, fields in planned.items():
            name = Truncator(str(record)).chars(60)
            self.stdout.write(f'  {model._meta.label} {record.pk} "{name}": {", ".join(fields)}')
        if interactive:
            try:
                answer = input("Type 'yes' to empty them, anything else to stop: ")
            except EOFError:  # no one to answer: a script without --no-input
                answer = ""
            if answer.strip().lower() != "yes":
                self.stdout.write("Stopped: nothing was changed.")
                return
        with transaction.atomic():
            for record, fields in planned.items():
                empty_copies(record, language, fields)
        self.stdout.write(f"Emptied the {language!r} copies in {len(planned)} records.")


def empty_copies(record, language, fields):
    """Empty `language`'s text of `fields`, saved as a revision of the record and of its item."""
    names = [build_localized_fieldname(field, language) for field in fields]
    for name in names:
        setattr(record, name, None if record._meta.get_field(name).null else "")
    if any(field.name == "updated_at" for field in record._meta.concrete_fields):
        names.append("updated_at")
    with reversion.create_revision():
        reversion.set_comment(
            f"Emptied the {language} text of {', '.join(fields)}: "
            "it was a copy of another language's text."
        )
        record.save(update_fields=names)
        reversion.add_to_revision(record)
        for owner in owners(record):
            reversion.add_to_revision(owner)
