import re

import pytest
from django.core import mail
from django.test import Client

from contact.models import ContactMessage
from tests.contact.conftest import form_data

pytestmark = pytest.mark.django_db

HEADINGS = [
    ("ms", "Hubungi Unit Antarabangsa"),
    ("en", "Contact the International Unit"),
    ("ar", "اتصل بالوحدة الدولية"),
]
CONFIRMATIONS = [
    ("ms", "Mesej anda telah diterima", "7 hari bekerja"),
    ("en", "Your message has been received", "7 working days"),
    ("ar", "تم استلام رسالتك", "7 أيام عمل"),
]
REFERENCE = re.compile(r"UA-\d{4}-[2-9A-Z]{6}")


@pytest.mark.parametrize(("language", "heading"), HEADINGS)
def test_form_page_is_translated(client, profile, language, heading):
    response = client.get(f"/{language}/contact/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert 'dir="rtl"' in html if language == "ar" else 'dir="ltr"' in html
    assert "2010" in html  # The Personal Data Protection Act 2010 notice.
    assert profile.email in html  # Who to ask, in the personal data notice.


@pytest.mark.parametrize("language", ["ms", "en", "ar"])
def test_every_page_links_to_the_form(client, language):
    html = client.get(f"/{language}/").content.decode()
    assert f'href="/{language}/contact/"' in html


def test_unit_contact_block_links_to_the_form(client, profile):
    html = client.get("/en/international/").content.decode()
    block = html[html.index('id="contact"') :]
    assert 'href="/en/contact/"' in block


def test_notice_states_the_two_year_retention_the_privacy_policy_promises(client):
    html = client.get("/en/contact/").content.decode()
    assert "We keep your message for 2 years, then delete it." in html
    assert 'href="/en/pages/privacy/"' in html


def test_honeypot_is_hidden_from_people_and_assistive_technology(client):
    html = client.get("/en/contact/").content.decode()
    trap = html[html.index('class="contact-trap"') - 5 : html.index('name="website"') + 120]
    assert 'aria-hidden="true"' in trap
    assert 'tabindex="-1"' in trap
    assert 'autocomplete="off"' in trap


@pytest.mark.parametrize(("language", "heading", "promise"), CONFIRMATIONS)
def test_valid_message_is_saved_and_confirmed_in_each_language(
    client, send, profile, language, heading, promise
):
    response = send(language)
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/contact/thanks/"

    message = ContactMessage.objects.get()
    assert message.language == language
    assert message.name == "Siti Aminah"
    assert message.phone == "+60 3 8911 2200"

    page = client.get(response["Location"])
    html = page.content.decode()
    assert heading in html
    assert promise in html
    assert message.reference in html
    assert REFERENCE.fullmatch(message.reference)
    assert str(message.pk) not in message.reference


def test_confirmation_shows_nothing_to_another_visitor(send, profile):
    send("en")
    stranger = Client()
    response = stranger.get("/en/contact/thanks/")
    assert response.status_code == 302
    assert response["Location"] == "/en/contact/"


def test_confirmation_page_without_a_message_leads_to_the_form(client):
    response = client.get("/ms/contact/thanks/")
    assert response.status_code == 302


def test_unit_is_emailed_with_reply_to_the_sender(send, profile):
    send("en")
    message = ContactMessage.objects.get()
    unit_mail = next(m for m in mail.outbox if m.to == [profile.email])
    assert unit_mail.reply_to == ["siti@example.com"]
    assert message.reference in unit_mail.subject
    assert "Lawatan kerja" in unit_mail.subject
    assert "Kami ingin mengatur lawatan kerja" in unit_mail.body
    assert message.notification_state == ContactMessage.Notification.SENT
    assert message.notified_address == profile.email


# Bad input: every error next to its field, linked for screen readers, values kept, nothing stored.


def assert_rejected(response, field, text):
    assert response.status_code == 200
    assert ContactMessage.objects.count() == 0
    assert mail.outbox == []
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    error = html[html.index(f'id="id_{field}_error"') :]
    assert text in error[: error.index("</p>")]
    widget = re.search(rf"<(input|textarea)[^>]*name=\"{field}\"[^>]*>", html).group(0)
    assert 'aria-invalid="true"' in widget
    assert f"id_{field}_error" in re.search(r'aria-describedby="([^"]*)"', widget).group(1)
    summary = html[html.index('class="error-summary"') :]
    summary = summary[: summary.index("</ul>")]
    assert f'href="#id_{field}"' in summary
    assert text in summary
    return html


@pytest.mark.parametrize(
    ("language", "text"),
    [("ms", "Masukkan nama anda."), ("en", "Enter your name."), ("ar", "أدخل اسمك.")],
)
def test_missing_name_is_reported_in_the_page_language(send, language, text):
    html = assert_rejected(send(language, name=""), "name", text)
    assert 'value="siti@example.com"' in html  # What was typed is kept.
    assert "Kami ingin mengatur lawatan kerja" in html


def test_every_missing_field_is_listed_in_the_summary(client):
    response = client.post("/en/contact/", {})
    html = response.content.decode()
    for field in ("name", "email", "subject", "message", "consent"):
        assert f'href="#id_{field}"' in html
    assert "<title>Error:" in html
    assert 'href="#id_phone"' not in html
    assert ContactMessage.objects.count() == 0


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ms", "Tulis dalam satu baris"),
        ("en", "Write this on one line, without line breaks."),
        ("ar", "اكتب هذا في سطر واحد"),
    ],
)
@pytest.mark.parametrize("field", ["name", "subject", "organisation"])
def test_line_breaks_in_single_line_fields_are_refused(send, field, language, text):
    assert_rejected(send(language, **{field: "Hello\r\nBcc: victim@example.com"}), field, text)


def test_invalid_email_is_refused(send):
    assert_rejected(
        send("en", email="siti@example.com\nBcc: x@example.com"), "email", "Enter an email address"
    )


def test_invalid_phone_is_refused(send):
    assert_rejected(send("en", phone="call me maybe"), "phone", "Enter a telephone number")


def test_consent_is_required(send):
    assert_rejected(send("en", consent=None), "consent", "Tick the box")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ms", "Mesej anda terlalu panjang"),
        ("en", "Your message is too long"),
        ("ar", "رسالتك طويلة جدًا"),
    ],
)
def test_a_one_megabyte_message_gets_a_clear_error(send, language, text):
    html = assert_rejected(send(language, message="x" * 1024 * 1024), "message", text)
    assert "1048576" in html


def test_message_length_counts_each_line_break_once(send, profile):
    # Browsers count a line break once but send it as two characters.
    message = "\r\n".join(["a" * 99] * 50)
    assert len(message) > 5000
    assert send("en", message=message).status_code == 302
    assert len(ContactMessage.objects.get().message) == 4999


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ms", "Mesej anda terlalu besar"),
        ("en", "Your message is too large"),
        ("ar", "رسالتك كبيرة جدًا"),
    ],
)
def test_a_body_over_the_upload_limit_gets_a_translated_400_page(settings, language, text):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
    client = Client(enforce_csrf_checks=True)
    client.get(f"/{language}/contact/")  # A real visitor holds the CSRF cookie.
    response = client.post(f"/{language}/contact/", form_data(message="x" * 3 * 1024 * 1024))
    assert response.status_code == 400
    assert text in response.content.decode()
    assert ContactMessage.objects.count() == 0


def test_too_many_fields_get_the_400_page(client):
    data = form_data()
    data.update({f"extra{i}": "x" for i in range(1100)})
    assert client.post("/en/contact/", data).status_code == 400


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ms", "Borang tidak dapat dihantar"),
        ("en", "The form could not be sent"),
        ("ar", "تعذّر إرسال النموذج"),
    ],
)
def test_missing_csrf_token_gets_a_translated_403_page(language, text):
    client = Client(enforce_csrf_checks=True)
    client.get(f"/{language}/contact/")
    response = client.post(f"/{language}/contact/", form_data())
    assert response.status_code == 403
    assert text in response.content.decode()
    assert ContactMessage.objects.count() == 0


def test_form_with_its_csrf_token_is_accepted(profile, django_capture_on_commit_callbacks):
    client = Client(enforce_csrf_checks=True)
    client.get("/en/contact/")
    token = client.cookies["csrftoken"].value
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/contact/", form_data(csrfmiddlewaretoken=token))
    assert response.status_code == 302
    assert ContactMessage.objects.count() == 1


def test_markup_is_stored_as_text_and_escaped_on_output(send, staff_client, profile):
    script = '<script>alert("x")</script><b>bold</b>'
    assert send("en", name="<img src=x onerror=alert(1)>", message=script).status_code == 302
    message = ContactMessage.objects.get()
    assert message.message == script

    html = staff_client.get(f"/admin/contact/contactmessage/{message.pk}/change/").content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<img src=x" not in html


def test_markup_is_escaped_when_the_form_is_shown_again(send):
    html = send("en", name="<script>alert(1)</script>", consent=None).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# Spam


def test_filled_honeypot_is_not_stored_but_looks_accepted(client, send, profile):
    response = send("en", website="http://spam.example")
    assert response.status_code == 302
    assert ContactMessage.objects.count() == 0
    assert mail.outbox == []
    html = client.get(response["Location"]).content.decode()
    assert "Your message has been received" in html
    assert REFERENCE.search(html)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ms", "Sila tunggu sebelum menghantar mesej lain"),
        ("en", "Please wait before sending another message"),
        ("ar", "يرجى الانتظار قبل إرسال رسالة أخرى"),
    ],
)
def test_rate_limit_blocks_politely_after_a_few_messages(send, settings, profile, language, text):
    settings.CONTACT_RATE_LIMIT_MESSAGES = 3
    for _ in range(3):
        assert send(language).status_code == 302
    response = send(language)
    assert response.status_code == 429
    assert text in response.content.decode()
    assert 0 < int(response["Retry-After"]) <= 3600
    assert ContactMessage.objects.count() == 3


def test_rate_limit_counts_in_the_shared_cache_not_the_process(send, settings, profile):
    from django.core.cache import cache

    settings.CONTACT_RATE_LIMIT_MESSAGES = 1
    send("en")
    keys = [key for key in cache._cache if "contact:sent:" in key]
    assert keys  # The count is in Django's cache, which Redis shares across processes.
    assert not [key for key in keys if "127.0.0.1" in key]  # Under a hash of the address.
    assert Client().post("/en/contact/", form_data()).status_code == 429


def test_rate_limit_is_per_client(send, settings, profile, django_capture_on_commit_callbacks):
    settings.CONTACT_RATE_LIMIT_MESSAGES = 1
    send("en")
    other = Client(REMOTE_ADDR="192.0.2.44")
    with django_capture_on_commit_callbacks(execute=True):
        assert other.post("/en/contact/", form_data()).status_code == 302


def test_behind_a_proxy_the_forwarded_client_is_counted(send, settings, profile):
    settings.CONTACT_RATE_LIMIT_MESSAGES = 1
    settings.CONTACT_TRUSTED_PROXIES = 1
    first = Client(HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert first.post("/en/contact/", form_data()).status_code == 302
    assert first.post("/en/contact/", form_data()).status_code == 429
    # A visitor cannot escape by writing their own X-Forwarded-For: the proxy appends the real one.
    assert (
        Client(HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5")
        .post("/en/contact/", form_data())
        .status_code
        == 429
    )
    assert (
        Client(HTTP_X_FORWARDED_FOR="203.0.113.6").post("/en/contact/", form_data()).status_code
        == 302
    )


def test_invalid_submissions_do_not_use_up_the_limit(client, settings, send, profile):
    settings.CONTACT_RATE_LIMIT_MESSAGES = 1
    for _ in range(3):
        assert send("en", name="").status_code == 200
    assert send("en").status_code == 302


def test_honeypot_submissions_count_towards_the_limit(send, settings):
    settings.CONTACT_RATE_LIMIT_MESSAGES = 2
    send("en", website="x")
    send("en", website="x")
    assert send("en", website="x").status_code == 429


def test_confirmation_is_never_cached(client, send, profile):
    response = client.get(send("en")["Location"])
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_contact_page_is_marked_current_in_the_menu(client):
    html = client.get("/ar/contact/").content.decode()
    assert re.search(r'<a href="/ar/contact/"[^>]*aria-current="page"[^>]*>اتصل بنا</a>', html)


def test_typed_text_takes_its_own_direction(client):
    html = client.get("/ar/contact/").content.decode()
    textarea = re.search(r"<textarea[^>]*>", html).group(0)
    assert 'dir="auto"' in textarea
    assert 'dir="ltr"' in re.search(r'<input[^>]*name="email"[^>]*>', html).group(0)
