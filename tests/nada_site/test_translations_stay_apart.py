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
