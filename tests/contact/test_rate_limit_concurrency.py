"""
Many messages at the same moment from one address: exactly the limit get
through. The tests' local-memory cache is shared by every thread of the
process, as Redis is shared by every server.
"""

import threading

import pytest
from django.db import connections
from django.test import Client

from contact.models import ContactMessage
from tests.conftest import concurrent_writers_on_postgresql as postgresql_only
from tests.contact.conftest import form_data

pytestmark = pytest.mark.django_db(transaction=True)


def post_at_once(count, **changes):
    """`count` posts of the form from one address, each from its own thread, released together."""
    start = threading.Barrier(count)
    statuses = []

    def post():
        try:
            client = Client(REMOTE_ADDR="198.51.100.7")
            start.wait()
            statuses.append(client.post("/en/contact/", form_data(**changes)).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return sorted(statuses)


@pytest.mark.parametrize("count", [20, 40])
def test_simultaneous_posts_from_one_address_get_exactly_the_limit_through(settings, count):
    settings.CONTACT_RATE_LIMIT_MESSAGES = 5
    # Posts that fill the hidden field count like messages but write nothing to
    # the database, and the session lives in the cache: this runs on SQLite too.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    statuses = post_at_once(count, website="http://spam.example")
    assert statuses == [302] * 5 + [429] * (count - 5)


@postgresql_only
def test_simultaneous_messages_from_one_address_save_exactly_the_limit(settings, profile):
    settings.CONTACT_RATE_LIMIT_MESSAGES = 5
    statuses = post_at_once(20)
    assert statuses == [302] * 5 + [429] * 15
    assert ContactMessage.objects.count() == 5
