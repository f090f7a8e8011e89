from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from nada_site.models import Page, Question, SiteLink, SiteSettings


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    required_languages = {settings.LANGUAGE_CODE: ("title",)}


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = ("question", "answer")
    required_languages = {settings.LANGUAGE_CODE: ("question", "answer")}


@register(SiteSettings)
class SiteSettingsTranslationOptions(TranslationOptions):
    fields = ("logo_alt", "crest_alt")


@register(SiteLink)
class SiteLinkTranslationOptions(TranslationOptions):
    fields = ("label",)
    required_languages = {settings.LANGUAGE_CODE: ("label",)}
