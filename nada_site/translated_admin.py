"""
Admin classes for translated models: tabs per language, right to left where
it belongs, a history of every change that staff can compare and restore,
and no silent overwrite when two people edit the same item.
"""

import hashlib

from ckeditor.widgets import CKEditorWidget
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import FieldDoesNotExist
from django.db import router, transaction
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from modeltranslation.utils import build_localized_fieldname
from reversion_compare.admin import CompareVersionAdmin

from nada_site import content_warnings, translation_state
from nada_site.localized import (
    LANGUAGE_CODES,
    direction,
    filled_languages,
    is_translated_original,
    language_name,
)
from nada_site.models import StaffPreferences
from nada_site.scripts import script_warnings

EDIT_TOKEN_FIELD = "edit_token"


class DirectionalFieldsMixin:
    """
    Each translation field's input carries its language, and those of a
    right-to-left language (inputs and the rich text editor) write right to
    left. django-modeltranslation gives each translation field a `language`
    and copies the original field's widget, so the copy is adjusted here.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if formfield is None or not language:
            return formfield
        widget = formfield.widget
        widget.attrs["lang"] = language
        if direction(language) == "rtl":
            widget.attrs["dir"] = "rtl"
            if isinstance(widget, CKEditorWidget):
                widget.config = {
                    **widget.config,
                    "contentsLangDirection": "rtl",
                    "contentsLanguage": language,
                }
        return formfield


def edit_token(instance):
    """
    A fingerprint of what is stored for `instance`: it changes whenever anyone
    saves a change. The untranslated copies of translated fields are left
    out: they read as the current language, which differs between requests.
    So are the fields never serialised (the key; what the database or the
    site derives and keeps, such as search documents or a list of image
    renditions), which change without anyone editing the item.
    """
    model = type(instance)
    values = [
        (field.attname, field.value_to_string(instance))
        for field in instance._meta.concrete_fields
        if field.serialize and not is_translated_original(model, field.name)
    ]
    return hashlib.sha256(repr(values).encode()).hexdigest()


def lock_stored(instance):
    """
    `instance` as stored now, its row locked until the end of the transaction;
    None when it is gone. SQLite, for development, has no row locks and reads
    it unlocked.
    """
    model = type(instance)
    with transaction.atomic(using=router.db_for_write(model)):
        return model._base_manager.select_for_update().filter(pk=instance.pk).first()


class ConcurrentEditForm(forms.ModelForm):
    """
    Carries the fingerprint of the item as it was when the form was opened,
    and refuses to save over a change someone else saved since. The form is
    shown again with the editor's text, so nothing they typed is lost.

    The check reads the item under a row lock, and the admin validates and
    saves in one transaction: no one else can save the item between the
    check and the save, and whoever tries waits, then is refused in turn.
    """

    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The instance is as stored now: on opening the form, and again on saving it.
        # (A new item may have a number already: the unit profile's is fixed.)
        self.is_new = self.instance._state.adding
        self.stored_token = "" if self.is_new else edit_token(self.instance)
        self.initial[EDIT_TOKEN_FIELD] = self.stored_token

    def clean(self):
        cleaned_data = super().clean()
        opened_token = cleaned_data.get(EDIT_TOKEN_FIELD)
        if not self.is_new and opened_token != self.locked_token():
            raise forms.ValidationError(
                _(
                    "Someone else saved this item after you opened it, so your changes were not "
                    "saved. Your text is still in the form: copy what you need, open the item "
                    "again to see their changes, then make yours."
                ),
                code="edit_conflict",
            )
        return cleaned_data

    def locked_token(self):
        """The fingerprint of the item as stored now, its row locked until the save."""
        stored = lock_stored(self.instance)
        return edit_token(stored) if stored is not None else ""


class ConcurrentEditMixin:
    form = ConcurrentEditForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if EDIT_TOKEN_FIELD not in flatten_fieldsets(fieldsets):
            fieldsets.append((None, {"fields": [EDIT_TOKEN_FIELD], "classes": ["hidden"]}))
        return fieldsets


class TranslatedAdmin(
    DirectionalFieldsMixin, ConcurrentEditMixin, CompareVersionAdmin, TabbedTranslationAdmin
):
    """The base of every admin of translated content."""

    # The translated field the slug is typed from, in the default language, as staff write.
    slug_source = None

    def get_prepopulated_fields(self, request, obj=None):
        if self.slug_source is None:
            return super().get_prepopulated_fields(request, obj)
        return {"slug": (build_localized_fieldname(self.slug_source, settings.LANGUAGE_CODE),)}

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        if translation_state.key_fields(self.model):
            filters.append(translation_state.TranslationFilter)
        return filters

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["translation_tabs"] = tabs_data(request, context)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The item and its parts are saved: check their texts as they now are.
        self.report_content_problems(
            request, form.instance, content_warnings.problems_of(form.instance)
        )
        self.report_script_problems(
            request, script_warnings(content_warnings.items_of(form.instance))
        )

    def report_content_problems(self, request, obj, problems):
        """Warn about what the content checks found; the save has gone through."""
        for message in content_warnings.messages_of(problems):
            self.message_user(request, message, messages.WARNING)

    def report_script_problems(self, request, warnings):
        """Warn about texts in another language's script; the save has gone through."""
        for message in warnings:
            self.message_user(request, message, messages.WARNING)

    class Media:
        # After django-modeltranslation's script, which builds the tabs.
        js = ("modeltranslation/js/tabbed_translation_fields.js", "js/translation-tabs.js")
        css = {"all": ("css/translation-tabs.css",)}


class TranslatedStackedInline(DirectionalFieldsMixin, TranslationStackedInline):
    pass


class TranslatedTabularInline(DirectionalFieldsMixin, TranslationTabularInline):
    pass


def languages_column(obj, field):
    """`MS EN AR`: the languages in which `field` of `obj` has text, for a list column."""
    return " ".join(code.upper() for code in filled_languages(obj, field)) or "—"


def editing_language(user):
    """The language the staff member's translated forms open on (their preferences)."""
    chosen = (
        StaffPreferences.objects.filter(user=user)
        .values_list("editing_language", flat=True)
        .first()
    )
    return chosen if chosen in LANGUAGE_CODES else settings.LANGUAGE_CODE


def tabs_data(request, context):
    """
    What static/js/translation-tabs.js needs to label the language tabs of a
    change form and its inlines: the language to open on, each language's
    name, and the state of each translation field, by the id of its input.
    """
    all_forms = [context["adminform"].form]
    for inline in context.get("inline_admin_formsets", ()):
        all_forms += list(inline.formset.forms)
    states = {}
    by_model = {}
    for form in all_forms:
        by_model.setdefault(form._meta.model, []).append(form)
    for model, model_forms in by_model.items():
        pks = [form.instance.pk for form in model_forms if form.instance.pk is not None]
        times = translation_state.changed_times(model, pks) if pks else {}
        for form in model_forms:
            outdated = translation_state.outdated_languages(form.instance.pk, times)
            for name in form.fields:
                language = getattr(model_field(model, name), "language", None)
                if not language:
                    continue
                bound = form[name]
                if translation_state.is_empty(bound.value()):
                    state = translation_state.MISSING
                elif language in outdated:
                    state = translation_state.OUTDATED
                else:
                    state = translation_state.FILLED
                states[bound.auto_id] = state
    default = language_name(settings.LANGUAGE_CODE)
    return {
        "language": editing_language(request.user),
        "languages": [{"code": code, "name": language_name(code)} for code in LANGUAGE_CODES],
        "fields": states,
        "states": {
            translation_state.FILLED: str(_("filled")),
            translation_state.MISSING: str(_("missing")),
            translation_state.OUTDATED: str(
                _("older than the %(language)s text") % {"language": default}
            ),
        },
        "switcher": str(_("Editing language")),
    }


def model_field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
