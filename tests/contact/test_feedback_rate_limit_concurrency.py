"""
Many answers at the same moment from one address: exactly the limit are
taken, the rest refused with 429 and not stored.
"""

import threading

import pytest
from django.db import connections
from django.test import Client

from contact import feedback
from contact.feedback import page_token
from contact.models import PageFeedback
from tests.conftest import concurrent_writers_on_postgresql as postgresql_only

pytestmark = pytest.mark.django_db(transaction=True)


def answer_at_once(count):
    """`count` answers from one address, each from its own thread, released together."""
    start = threading.Barrier(count)
    statuses = []
    data = {"page": page_token("/en/news/"), "useful": "yes"}

    def post():
        try:
            client = Client(REMOTE_ADDR="198.51.100.7", HTTP_ORIGIN="http://testserver")
            start.wait()
            statuses.append(client.post("/en/contact/feedback/", data).status_code)
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
def test_simultaneous_answers_from_one_address_get_exactly_the_limit_through(
    settings, monkeypatch, count
):
    settings.FEEDBACK_RATE_LIMIT_ANSWERS = 5
    recorded = []
    lock = threading.Lock()

    def record_answer(*answer):
        # What the database would store, kept here: SQLite takes one writer at a time.
        with lock:
            recorded.append(answer)

    monkeypatch.setattr(feedback, "record_answer", record_answer)
    statuses = answer_at_once(count)
    assert statuses == [303] * 5 + [429] * (count - 5)
    assert len(recorded) == 5


@postgresql_only
def test_simultaneous_answers_from_one_address_store_exactly_the_limit(settings):
    settings.FEEDBACK_RATE_LIMIT_ANSWERS = 5
    assert answer_at_once(20) == [303] * 5 + [429] * 15
    assert PageFeedback.objects.count() == 5
