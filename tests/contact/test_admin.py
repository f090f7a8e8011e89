import csv
import io
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from contact.admin import spreadsheet_safe
from contact.models import ContactMessage
from tests.contact.conftest import make_message

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/contact/contactmessage/"


def change_url(message):
    return f"{LIST_URL}{message.pk}/change/"


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user(
        "clerk", "clerk@example.gov.my", "pw", is_staff=True
    )


def grant(user, *codenames):
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="contact", codename__in=codenames)
    )


def export(client, *messages, **filters):
    data = {"action": "export_csv", "_selected_action": [m.pk for m in messages]}
    query = "&".join(f"{key}={value}" for key, value in filters.items())
    response = client.post(f"{LIST_URL}?{query}", data)
    return response


def read_csv(response):
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark, for spreadsheets.
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_staff_without_the_permission_cannot_see_the_inbox(client, staff_user):
    make_message()
    client.force_login(staff_user)
    assert client.get(LIST_URL).status_code == 403
    assert "contactmessage" not in client.get("/admin/").content.decode()


def test_staff_with_view_permission_read_but_cannot_change_or_export(client, staff_user):
    message = make_message(subject="Lawatan")
    grant(staff_user, "view_contactmessage")
    client.force_login(staff_user)
    assert "Lawatan" in client.get(LIST_URL).content.decode()
    assert client.get(change_url(message)).status_code == 200
    response = client.post(change_url(message), {"status": "spam", "internal_note": "x"})
    assert response.status_code == 403
    assert "text/csv" not in export(client, message).get("Content-Type", "")


def test_nobody_adds_messages_in_the_admin(staff_client):
    assert staff_client.get(f"{LIST_URL}add/").status_code == 403


def test_staff_set_status_and_note_but_not_what_was_sent(client, staff_user):
    message = make_message(name="Ali", subject="Soalan asal")
    grant(staff_user, "view_contactmessage", "change_contactmessage")
    client.force_login(staff_user)
    response = client.post(
        change_url(message),
        {
            "status": "in_progress",
            "internal_note": "Dijawab oleh Encik Rahman",
            "name": "Diubah",
            "subject": "Palsu",
        },
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == ContactMessage.Status.IN_PROGRESS
    assert message.internal_note == "Dijawab oleh Encik Rahman"
    assert message.name == "Ali"
    assert message.subject == "Soalan asal"


def test_arabic_message_is_shown_right_to_left_in_the_admin(staff_client):
    message = make_message(language="ar", message="نود ترتيب زيارة عمل")
    html = staff_client.get(change_url(message)).content.decode()
    assert 'lang="ar" dir="auto">نود ترتيب زيارة عمل' in html


def test_inbox_filters_and_search(staff_client):
    make_message(subject="Lawatan Thailand", language="ms")
    make_message(subject="Arabic visit", language="ar", status=ContactMessage.Status.SPAM)
    old = make_message(subject="Old question")
    ContactMessage.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=60))

    def listed(query):
        return staff_client.get(f"{LIST_URL}?{query}").content.decode()

    assert "Arabic visit" in listed("status__exact=spam")
    assert "Lawatan Thailand" not in listed("status__exact=spam")
    assert "Arabic visit" in listed("language__exact=ar")
    assert "Lawatan Thailand" not in listed("language__exact=ar")
    since = timezone.localtime() - timedelta(days=7)
    recent = listed(urlencode({"created_at__gte": str(since)}))  # The "Past 7 days" filter.
    assert "Lawatan Thailand" in recent and "Old question" not in recent
    found = listed("q=Thailand")
    assert "Lawatan Thailand" in found and "Arabic visit" not in found


def test_csv_export_opens_in_a_spreadsheet_with_arabic_intact(staff_client):
    arabic = make_message(
        name="أحمد", subject="زيارة عمل", message="سطر أول\nسطر ثان", language="ar"
    )
    response = export(staff_client, arabic)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment;" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0][0] == "Reference" or rows[0][0] == "Rujukan"
    assert rows[1][0] == arabic.reference
    assert "أحمد" in rows[1]
    assert "سطر أول\nسطر ثان" in rows[1]


def test_csv_export_neutralises_formulas(staff_client):
    message = make_message(
        name='=HYPERLINK("http://evil.example")',
        subject="+1+1",
        organisation="@SUM(A1)",
        phone="-2",
        message="\tcmd",
    )
    rows = read_csv(export(staff_client, message))
    row = rows[1]
    assert '\'=HYPERLINK("http://evil.example")' in row
    assert "'+1+1" in row
    assert "'@SUM(A1)" in row
    assert "'-2" in row
    assert "'\tcmd" in row
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


@pytest.mark.parametrize(
    ("value", "safe"),
    [("=1", "'=1"), ("\r=1", "'\r=1"), ("Ali", "Ali"), ("", ""), (None, ""), ("a=1", "a=1")],
)
def test_spreadsheet_safe(value, safe):
    assert spreadsheet_safe(value) == safe


def test_export_of_all_filtered_messages(staff_client):
    make_message(subject="Spam one", status=ContactMessage.Status.SPAM)
    make_message(subject="Real one")
    response = staff_client.post(
        f"{LIST_URL}?status__exact=spam",
        {"action": "export_csv", "select_across": "1", "_selected_action": ["0"]},
    )
    subjects = [row[8] for row in read_csv(response)[1:]]
    assert subjects == ["Spam one"]


def test_export_needs_its_own_permission(client, staff_user):
    message = make_message()
    grant(staff_user, "view_contactmessage", "change_contactmessage")
    client.force_login(staff_user)
    assert "export_csv" not in client.get(LIST_URL).content.decode()
    assert "text/csv" not in export(client, message).get("Content-Type", "")

    grant(staff_user, "export_contactmessage")
    response = export(client, message)
    assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_inbox_list_query_count_does_not_grow(staff_client, django_assert_max_num_queries):
    for n in range(3):
        make_message(subject=f"Soalan {n}")
    with django_assert_max_num_queries(12) as few:
        staff_client.get(LIST_URL)
    for n in range(30):
        make_message(subject=f"Lagi {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        staff_client.get(LIST_URL)


def test_mark_as_spam_and_retry_actions(staff_client):
    message = make_message(
        notification_state=ContactMessage.Notification.FAILED, next_attempt_at=None
    )
    staff_client.post(LIST_URL, {"action": "mark_as_spam", "_selected_action": [message.pk]})
    staff_client.post(LIST_URL, {"action": "retry_notifications", "_selected_action": [message.pk]})
    message.refresh_from_db()
    assert message.status == ContactMessage.Status.SPAM
    assert message.next_attempt_at is not None
