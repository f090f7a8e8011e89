import pytest
from django.core.management import call_command

from news import demo
from news.models import Announcement, Article, Category, KeyPoint, Tag

pytestmark = pytest.mark.django_db


def test_demo_news_loads_once_and_never_overwrites_edits():
    created = demo.load()
    assert (
        created
        == Category.objects.count()
        + Tag.objects.count()
        + Article.objects.count()
        + KeyPoint.objects.count()
        + Announcement.objects.count()
    )
    assert Article.objects.published().count() == 3

    article = Article.objects.get(slug="nso-mapo-meets-australian-high-commissioner")
    article.title_en = "Edited by staff"
    article.save()

    assert demo.load() == 0
    article.refresh_from_db()
    assert article.title_en == "Edited by staff"


def test_demo_news_has_the_shape_of_the_reference_items():
    demo.load()
    meeting = Article.objects.get(slug="nso-mapo-meets-australian-high-commissioner")
    conference = Article.objects.get(slug="second-baghdad-international-drug-conference-2024")
    visit = Article.objects.get(slug="baghdad-officials-visit-narcotics-directorate")

    assert meeting.available_languages == ["ms", "en"]
    assert meeting.category.slug == "global"
    assert meeting.key_points.count() == 5
    assert meeting.source_name_ms

    # The items from Iraq have no Malay, and at least one translation.
    assert conference.available_languages == ["en", "ar"]
    assert visit.available_languages == ["en", "ar"]
    assert conference.key_points.count() == 5
    assert all(point.heading_ar and point.heading_en for point in conference.key_points.all())
    assert list(visit.related.all()) == [conference]
    assert {tag.slug for tag in visit.tags.all()} == {"iraq", "rehabilitation", "enforcement"}
    for article in (meeting, conference, visit):
        article.full_clean()


def test_load_demo_content_includes_the_news(client):
    call_command("load_demo_content", stdout=None)
    assert Article.objects.count() == 3
    for language in ("ms", "en", "ar"):
        assert client.get(f"/{language}/news/").status_code == 200
        for article in Article.objects.all():
            assert client.get(f"/{language}/news/{article.slug}/").status_code == 200
