from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from nada_site.models import Page, Question


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    required_languages = {settings.LANGUAGE_CODE: ("title",)}


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = ("question", "answer")
    required_languages = {settings.LANGUAGE_CODE: ("question", "answer")}
