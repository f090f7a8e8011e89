from modeltranslation.translator import TranslationOptions, register

from nada_site.models import Page, Question


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    required_languages = {"ms": ("title",)}


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = ("question", "answer")
    required_languages = {"ms": ("question", "answer")}
