"""
Two staff saving the same item at the same moment, on a database with row
locks (PostgreSQL): a save that comes in after the other's check has passed
waits, then is refused; nothing is overwritten silently.
"""

import threading
import time

import pytest
from django.db import connection, connections
from django.test import Client

from international.models import Agreement
from nada_site.translated_admin import ConcurrentEditForm
from tests.conftest import make_agreement, make_partner
from tests.nada_site.test_history import change_url, form_data

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not connection.features.has_select_for_update,
        reason=(
            "The check holds the item's row locked until the save: SELECT … FOR UPDATE, "
            "which SQLite lacks (it writes one at a time); CI runs this test on PostgreSQL."
        ),
    ),
]


def signed_in(django_user_model, username):
    user = django_user_model.objects.create_superuser(username, f"{username}@example.gov.my", "pw")
    client = Client()
    client.force_login(user)
    return client


def someone_waits_for_a_lock(timeout=10):
    """True once another connection is waiting for a row lock."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return True
        time.sleep(0.05)
    return False


def test_a_save_that_races_after_the_check_is_refused(django_user_model, monkeypatch):
    agreement = make_agreement(slug="mou-th", partners=[make_partner("thailand")])
    opened = form_data(agreement)  # both open the form on the same version
    first, second = signed_in(django_user_model, "first"), signed_in(django_user_model, "second")

    checked, go_on = threading.Event(), threading.Event()
    clean = ConcurrentEditForm.clean

    def clean_then_pause(form):
        cleaned_data = clean(form)
        if threading.current_thread().name == "first":
            checked.set()  # the first save has passed its check, and not saved yet
            go_on.wait(timeout=20)
        return cleaned_data

    monkeypatch.setattr(ConcurrentEditForm, "clean", clean_then_pause)
    responses = {}

    def post(name, client, title):
        try:
            data = {**opened, "title_en": title}
            responses[name] = client.post(change_url(agreement), data)
        finally:
            connections.close_all()

    saving_first = threading.Thread(
        target=post, args=("first", first, "First editor's title"), name="first"
    )
    saving_first.start()
    assert checked.wait(timeout=20)
    saving_second = threading.Thread(
        target=post, args=("second", second, "Second editor's title"), name="second"
    )
    saving_second.start()
    try:
        assert someone_waits_for_a_lock()  # the second save waits for the first
    finally:
        go_on.set()
    for thread in (saving_first, saving_second):
        thread.join(timeout=30)
        assert not thread.is_alive()

    assert responses["first"].status_code == 302
    refused = responses["second"]
    assert refused.status_code == 200
    assert refused.context["adminform"].form.non_field_errors()
    assert "Second editor&#x27;s title" in refused.content.decode()  # the form keeps their text
    assert Agreement.objects.get().title_en == "First editor's title"
