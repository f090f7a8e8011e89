from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from events.models import Event


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "description", "city")
    required_languages = {settings.LANGUAGE_CODE: ("title",)}
    complete_fields = ("title", "description")
