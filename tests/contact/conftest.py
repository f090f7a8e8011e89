import pytest

from contact.models import ContactMessage

FAILING_BACKEND = "tests.contact.backends.FailingBackend"
TIMEOUT_BACKEND = "tests.contact.backends.TimeoutBackend"
REFUSES_SENDERS_BACKEND = "tests.contact.backends.RefusesSendersBackend"
MEMORY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def form_data(**changes):
    data = {
        "name": "Siti Aminah",
        "email": "siti@example.com",
        "phone": "+60 3 8911 2200",
        "organisation": "Kedutaan Contoh",
        "subject": "Lawatan kerja",
        "message": "Kami ingin mengatur lawatan kerja ke unit anda.",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def make_message(**fields):
    fields.setdefault("name", "Ali")
    fields.setdefault("email", "ali@example.com")
    fields.setdefault("subject", "Soalan")
    fields.setdefault("message", "Mesej ujian.")
    fields.setdefault("language", "ms")
    return ContactMessage.objects.create(**fields)


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    """Post the form and run what waits for the commit (the notifications), as a request would."""

    def post(language="ms", client=client, **changes):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/{language}/contact/", form_data(**changes))

    return post
