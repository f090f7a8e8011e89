import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from news.models import Article
from tests.news.conftest import image_upload, make_article

pytestmark = pytest.mark.django_db


def test_published_articles_are_those_published_whose_time_has_come(category):
    now = timezone.now()
    visible = make_article("visible", published_at=now - datetime.timedelta(minutes=1))
    make_article("draft", status=Article.Status.DRAFT)
    make_article("scheduled", published_at=now + datetime.timedelta(hours=1))

    assert list(Article.objects.published()) == [visible]


def test_a_scheduled_article_appears_when_its_time_comes_without_any_job(category, monkeypatch):
    now = timezone.now()
    scheduled = make_article("scheduled", published_at=now + datetime.timedelta(hours=1))
    assert not Article.objects.published().exists()

    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(hours=2))

    assert list(Article.objects.published()) == [scheduled]


def test_malay_is_not_required_but_a_title_in_some_language_is(category):
    arabic_only = Article(slug="arabic", category=category, title_ar="خبر")
    arabic_only.full_clean()

    untitled = Article(slug="untitled", category=category, summary_en="No title")
    with pytest.raises(ValidationError) as error:
        untitled.full_clean()
    assert "no_title" in [problem.code for problem in error.value.error_dict["__all__"]]


def test_languages_follow_from_the_filled_titles(arabic_article, article):
    assert arabic_article.available_languages == ["ar"]
    assert article.available_languages == ["ms", "en", "ar"]


def test_an_image_needs_its_description_in_each_language_of_the_article(category):
    article = Article(
        slug="with-image",
        category=category,
        title_en="Title",
        title_ar="عنوان",
        image_alt_en="Delegates at the meeting",
        image=image_upload(),
    )
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert set(error.value.message_dict) == {"image_alt_ar"}

    article.image_alt_ar = "المشاركون في الاجتماع"
    article.full_clean()


def test_the_slug_is_made_from_the_malay_or_english_title_and_kept_unique(category):
    first = make_article("", title_en="Drug Conference in Vienna")
    second = make_article("", title_en="Drug Conference in Vienna")
    assert first.slug == "drug-conference-in-vienna"
    assert second.slug == "drug-conference-in-vienna-2"


def test_an_arabic_only_article_gets_a_latin_slug(category):
    article = make_article("", title_ar="مؤتمر بغداد")
    assert article.slug == "mutmr-bghdd"
    assert article.get_absolute_url() == f"/ms/news/{article.slug}/"


def test_slugs_of_other_news_pages_are_refused(category):
    article = Article(slug="search", category=category, title_en="Search")
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "slug" in error.value.message_dict
    assert make_article("", title_en="Feed").slug == "feed-2"


def test_the_body_is_sanitised_on_save(category):
    article = make_article(
        "unsafe", body_en='<p onclick="steal()">Text<script>alert(1)</script></p>'
    )
    article.refresh_from_db()
    assert article.body_en == "<p>Text</p>"
