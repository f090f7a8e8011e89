from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from international.models import Agreement, Approach, Objective, Partner, UnitProfile


@register(UnitProfile)
class UnitProfileTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "introduction",
        "objectives_lead",
        "approaches_lead",
        "address",
        "office_hours",
    )
    required_languages = {settings.LANGUAGE_CODE: ("name", "introduction", "address")}


@register(Objective)
class ObjectiveTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = (settings.LANGUAGE_CODE,)


@register(Approach)
class ApproachTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = (settings.LANGUAGE_CODE,)


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Agreement)
class AgreementTranslationOptions(TranslationOptions):
    fields = ("title", "summary")
    required_languages = (settings.LANGUAGE_CODE,)
