import csv

from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from contact.models import ContactMessage
from nada_site import audit

# A spreadsheet reads a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """The cell as text, with a leading quote where a spreadsheet would see a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


class Echo:
    """A file-like object that hands back what is written, for streaming CSV."""

    def write(self, value):
        return value


CSV_COLUMNS = [
    (_("Reference"), lambda m: m.reference),
    (_("Received"), lambda m: timezone.localtime(m.created_at).strftime("%Y-%m-%d %H:%M")),
    (_("Language"), lambda m: m.get_language_display()),
    (_("Status"), lambda m: m.get_status_display()),
    (_("Name"), lambda m: m.name),
    (_("Email"), lambda m: m.email),
    (_("Telephone"), lambda m: m.phone),
    (_("Organisation"), lambda m: m.organisation),
    (_("Subject"), lambda m: m.subject),
    (_("Message"), lambda m: m.message),
    (_("Internal note"), lambda m: m.internal_note),
]


def csv_rows(queryset):
    yield "\ufeff"  # The byte order mark tells spreadsheets the file is UTF-8.
    writer = csv.writer(Echo())
    yield writer.writerow([str(label) for label, _value in CSV_COLUMNS])
    for message in queryset.iterator(chunk_size=500):
        yield writer.writerow([spreadsheet_safe(value(message)) for _label, value in CSV_COLUMNS])


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """The unit's inbox: what was sent is read-only; staff set a status and a note."""

    list_display = [
        "reference",
        "created_at",
        "name",
        "short_subject",
        "language",
        "status",
        "notification_state",
    ]
    list_filter = [
        "status",
        "language",
        ("created_at", admin.DateFieldListFilter),
        "notification_state",
    ]
    search_fields = ["reference", "name", "email", "organisation", "subject", "message"]
    date_hierarchy = "created_at"
    list_per_page = 50
    actions = ["export_csv", "mark_as_spam", "retry_notifications"]
    fieldsets = [
        (
            _("Handling"),
            {"fields": ["status", "internal_note"]},
        ),
        (
            _("Message as sent"),
            {
                "fields": [
                    "reference",
                    "created_at",
                    "language",
                    "name",
                    "email",
                    "phone",
                    "organisation",
                    "subject",
                    "message_text",
                ]
            },
        ),
        (
            _("Notifications"),
            {
                "classes": ["collapse"],
                "fields": [
                    "notification_state",
                    "notified_address",
                    "unit_notified_at",
                    "acknowledged_at",
                    "notification_attempts",
                    "notification_error",
                    "next_attempt_at",
                ],
            },
        ),
    ]
    # Everything but the handling is shown as the visitor sent it and as the system recorded it.
    readonly_fields = [field for _title, options in fieldsets[1:] for field in options["fields"]]

    @admin.display(description=_("subject"), ordering="subject")
    def short_subject(self, obj):
        return Truncator(obj.subject).chars(60)

    @admin.display(description=_("message"))
    def message_text(self, obj):
        # Escaped like every other value; dir="auto" sets Arabic text right to left.
        return format_html(
            '<div class="contact-message-text" lang="{}" dir="auto">{}</div>',
            obj.language,
            obj.message,
        )

    def has_add_permission(self, request):
        return False  # Messages come from the public form only.

    def has_export_permission(self, request):
        codename = get_permission_codename("export", self.opts)
        return request.user.has_perm(f"{self.opts.app_label}.{codename}")

    @admin.action(description=_("Export the selected messages to CSV"), permissions=["export"])
    def export_csv(self, request, queryset):
        references = list(queryset.order_by("created_at", "id").values_list("reference", flat=True))
        audit.record(
            audit.Action.CONTACT_EXPORTED,
            request.user,
            detail=", ".join(references),
            object_repr=ngettext("%(count)d message", "%(count)d messages", len(references))
            % {"count": len(references)},
        )
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = StreamingHttpResponse(
            csv_rows(queryset.order_by("created_at", "id")), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="contact-messages-{stamp}.csv"'
        return response

    @admin.action(description=_("Mark the selected messages as spam"), permissions=["change"])
    def mark_as_spam(self, request, queryset):
        count = queryset.update(status=ContactMessage.Status.SPAM, updated_at=timezone.now())
        self.message_user(
            request,
            ngettext(
                "%(count)d message marked as spam.", "%(count)d messages marked as spam.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Retry the notifications of the selected messages"), permissions=["change"]
    )
    def retry_notifications(self, request, queryset):
        count = (
            queryset.exclude(notification_state=ContactMessage.Notification.SENT)
            .exclude(sending_until__gt=timezone.now())
            .update(next_attempt_at=timezone.now())
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d message will be sent on the next run of send_pending_notifications.",
                "%(count)d messages will be sent on the next run of send_pending_notifications.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
