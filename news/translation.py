from modeltranslation.translator import TranslationOptions, register

from news.models import Announcement, Article, Category, KeyPoint, Tag


@register([Category, Tag])
class ArticleGroupTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    # No language is required: an article may exist in Arabic alone. The
    # model's clean() asks for a title in at least one language.
    fields = (
        "title",
        "summary",
        "body",
        "key_points_heading",
        "source_name",
        "image_alt",
        "image_caption",
    )
    required_languages = ()


@register(KeyPoint)
class KeyPointTranslationOptions(TranslationOptions):
    fields = ("heading", "text")
    required_languages = ()


@register(Announcement)
class AnnouncementTranslationOptions(TranslationOptions):
    # Like an article, an announcement may exist in one language only; the
    # model's clean() asks for a title in at least one.
    fields = ("title", "text")
    required_languages = ()
    complete_fields = ("title", "text")
