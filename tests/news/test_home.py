import datetime

import pytest
from django.utils import timezone

from news.models import Article
from tests.news.conftest import LANGUAGES, make_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_shows_the_three_latest_published_articles(client, category, language):
    now = timezone.now()
    for number in range(5):
        make_article(f"item-{number}", published_at=now - datetime.timedelta(days=number))
    make_article("draft", status=Article.Status.DRAFT)

    html = client.get(f"/{language}/").content.decode()

    assert [f"/{language}/news/item-{n}/" in html for n in range(5)] == [
        True,
        True,
        True,
        False,
        False,
    ]
    assert f"/{language}/news/draft/" not in html
    assert f'href="/{language}/news/"' in html
