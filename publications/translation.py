from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from publications.models import Publication


@register(Publication)
class PublicationTranslationOptions(TranslationOptions):
    fields = ("title", "summary")
    required_languages = (settings.LANGUAGE_CODE,)
