"""
A save never writes one language's text into another language's field, for
every model registered with django-modeltranslation, whatever language is
active when it is saved.
"""

import pytest
from django.conf import settings
from django.utils import translation
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from international.models import Agreement, Approach, Objective, Partner, UnitProfile
from nada_site.models import Page, Question
from news.models import Article, Category, KeyPoint, Tag
from tests.admin_forms import open_form

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SAMPLES = {"ms": "Teks dalam bahasa Melayu", "en": "Text in English", "ar": "نص باللغة العربية"}


def sample(model, field, language):
    text = SAMPLES[language]
    return f"<p>{text}</p>" if "RichText" in type(model._meta.get_field(field)).__name__ else text


def translated_fields(model):
    return list(translator.get_options_for_model(model).fields)


def other_required_fields(model):
    """Just enough of the untranslated fields to save a record."""
    if model is Page:
        return {"slug": "page"}
    if model is Question:
        return {"page": Page.objects.create(slug="faq", title_ms="Soalan")}
    if model is UnitProfile:
        return {"email": "unit@example.gov.my"}
    if model in (Objective, Approach):
        return {"profile": UnitProfile.objects.create(email="unit@example.gov.my", name_ms="Unit")}
    if model is Partner:
        return {"slug": "unodc", "kind": Partner.Kind.ORGANISATION}
    if model is Agreement:
        return {"slug": "mou", "kind": Agreement.Kind.BILATERAL, "instrument": "mou"}
    if model in (Category, Tag):
        return {"slug": "global"}
    if model is Article:
        return {"slug": "article", "category": Category.objects.create(slug="global")}
    if model is KeyPoint:
        category = Category.objects.create(slug="global")
        return {"article": Article.objects.create(slug="article", category=category)}
    raise AssertionError(f"No factory for {model.__name__}: add one when registering a model.")


def test_every_translated_model_has_a_factory_here():
    for model in translator.get_registered_models():
        assert model in MODELS, f"{model.__name__} is translated but not tested here"


MODELS = [Page, Question, UnitProfile, Objective, Approach, Partner, Agreement, Category, Tag]
MODELS += [Article, KeyPoint]


def assert_only_in(instance, language):
    model = type(instance)
    instance = model.objects.get(pk=instance.pk)
    for field in translated_fields(model):
        for code in LANGUAGES:
            value = getattr(instance, build_localized_fieldname(field, code))
            if code == language:
                assert value == sample(model, field, language), (field, code)
            else:
                assert not value, f"{model.__name__}.{field}_{code} holds {value!r}"


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
@pytest.mark.parametrize("filled", LANGUAGES)
@pytest.mark.parametrize("active", LANGUAGES)
def test_an_orm_save_keeps_each_language_in_its_own_field(model, filled, active):
    fields = other_required_fields(model)
    fields.update(
        {
            build_localized_fieldname(field, filled): sample(model, field, filled)
            for field in translated_fields(model)
        }
    )
    with translation.override(active):
        instance = model.objects.create(**fields)
        assert_only_in(instance, filled)
        instance.save()  # and again, as an edit
    assert_only_in(instance, filled)


# Through the admin, as staff save: the real add and change forms, with the
# admin shown in each language.

PART_MODELS = [Question, Objective, Approach, KeyPoint]
ITEM_MODELS = [model for model in MODELS if model not in PART_MODELS]


def filled_languages(model):
    """The languages to fill one at a time: Malay alone where Malay is required."""
    required = translator.get_options_for_model(model).required_languages
    return [settings.LANGUAGE_CODE] if required else LANGUAGES


def cases(models):
    return [
        pytest.param(model, filled, id=f"{model.__name__}-{filled}")
        for model in models
        for filled in filled_languages(model)
    ]


def parent_link(model):
    """For a part (an inline): the model it is edited with, and its formset's prefix."""
    link = next(field for field in model._meta.concrete_fields if field.many_to_one)
    return link.related_model, link.remote_field.get_accessor_name()


def admin_url(model, *parts):
    opts = model._meta
    return "/".join(["/admin", opts.app_label, opts.model_name, *map(str, parts)]) + "/"


def texts(model, language, prefix=""):
    """Every translated field of `model` in `language`, as the form names them."""
    return {
        f"{prefix}{build_localized_fieldname(field, language)}": sample(model, field, language)
        for field in translated_fields(model)
    }


def form_fields_besides_the_texts(model, language):
    """What staff fill in besides the texts to add an item."""
    if model in (Page, Category, Tag):
        return {"slug": "item"}
    if model is UnitProfile:
        return {"email": "unit@example.gov.my"}
    if model is Partner:
        return {"kind": Partner.Kind.ORGANISATION, "slug": "unodc"}
    if model is Agreement:
        partner = Partner.objects.create(
            slug="asean", kind=Partner.Kind.ORGANISATION, name_ms="ASEAN"
        )
        return {"slug": "mou", "kind": "bilateral", "instrument": "mou", "partners": [partner.pk]}
    if model is Article:
        return {"category": Category.objects.create(slug="global").pk}
    raise AssertionError(f"No form data for {model.__name__}: add it when registering a model.")


def show_admin_in(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language


def open_admin_form(client, url, model, language):
    response, form = open_form(client, url, model._meta.model_name)
    html = response.content.decode()
    direction = "rtl" if translation.get_language_info(language)["bidi"] else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html, (
        "the admin is not in that language"
    )
    return form


def post_form(client, url, form):
    response = client.post(url, form.post_data())
    errors = getattr(response, "context", None) and response.context.get("errors")
    assert response.status_code == 302, f"the form was refused: {errors}"
    return response


def add_through_the_admin(client, model, filled, admin_language, part=None):
    """Add an item with its texts (and those of one new part) in `filled` only."""
    show_admin_in(client, admin_language)
    url = admin_url(model, "add")
    form = open_admin_form(client, url, model, admin_language)
    form.update(texts(model, filled))
    form.update(form_fields_besides_the_texts(model, filled))
    if part is not None:
        _parent, prefix = parent_link(part)
        form.add_inline(prefix, **texts(part, filled))
    post_form(client, url, form)
    return model._default_manager.get()


def save_unchanged_through_the_admin(client, item, admin_language, changes=None):
    show_admin_in(client, admin_language)
    url = admin_url(type(item), item.pk, "change")
    form = open_admin_form(client, url, type(item), admin_language)
    post_form(client, url, form.update(changes or {}))


@pytest.mark.parametrize("admin_language", LANGUAGES)
@pytest.mark.parametrize("model, filled", cases(ITEM_MODELS))
def test_an_admin_save_keeps_each_language_in_its_own_field(
    staff_client, model, filled, admin_language
):
    item = add_through_the_admin(staff_client, model, filled, admin_language)
    assert_only_in(item, filled)
    save_unchanged_through_the_admin(staff_client, item, admin_language)
    assert_only_in(item, filled)


@pytest.mark.parametrize("admin_language", LANGUAGES)
@pytest.mark.parametrize("part, filled", cases(PART_MODELS))
def test_a_part_saved_in_its_items_admin_form_keeps_each_language_apart(
    staff_client, part, filled, admin_language
):
    parent, _prefix = parent_link(part)
    item = add_through_the_admin(staff_client, parent, filled, admin_language, part=part)
    assert_only_in(item, filled)
    assert_only_in(part.objects.get(), filled)
    save_unchanged_through_the_admin(staff_client, item, admin_language)
    assert_only_in(item, filled)
    assert_only_in(part.objects.get(), filled)
