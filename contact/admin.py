import csv

from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.db.models import Count, Max, Q
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from contact.models import ContactMessage, FeedbackPage, PageFeedback
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


def csv_rows(queryset, columns=CSV_COLUMNS):
    yield "\ufeff"  # The byte order mark tells spreadsheets the file is UTF-8.
    writer = csv.writer(Echo())
    yield writer.writerow([str(label) for label, _value in columns])
    for row in queryset.iterator(chunk_size=500):
        yield writer.writerow([spreadsheet_safe(value(row)) for _label, value in columns])


def csv_response(rows, name):
    """A streamed CSV download named `name-YYYYMMDD-HHMM.csv`."""
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.csv"'
    return response


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
        return csv_response(csv_rows(queryset.order_by("created_at", "id")), "contact-messages")

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


def yes_no(value):
    return _("Yes") if value else _("No")


class ExportPermissionMixin:
    def has_export_permission(self, request):
        codename = get_permission_codename("export", self.opts)
        return request.user.has_perm(f"{self.opts.app_label}.{codename}")


FEEDBACK_COUNT_COLUMNS = [
    (_("Page"), lambda p: p.path),
    (_("Language"), lambda p: p.get_language_display()),
    (_("Useful"), lambda p: p.yes_count),
    (_("Not useful"), lambda p: p.no_count),
    (_("Comments"), lambda p: p.comment_count),
    (_("Last answer"), lambda p: p.last_answer.isoformat() if p.last_answer else ""),
]

FEEDBACK_ANSWER_COLUMNS = [
    (_("Day"), lambda a: a.created_on.isoformat()),
    (_("Page"), lambda a: a.page.path),
    (_("Language"), lambda a: a.page.get_language_display()),
    (_("Useful"), lambda a: yes_no(a.useful)),
    (_("Comment"), lambda a: a.comment),
]

LATEST_COMMENTS = 20


@admin.register(FeedbackPage)
class FeedbackPageAdmin(ExportPermissionMixin, admin.ModelAdmin):
    """
    What visitors answered on each page, counted: one row per page and
    language, read-only. The comments show only to those who may read the
    answers (Administrators); Publishers see the counts.
    """

    list_display = [
        "path",
        "language",
        "yes_count",
        "no_count",
        "comment_count",
        "last_answer",
    ]
    list_filter = ["language"]
    search_fields = ["path"]
    list_per_page = 100
    actions = ["export_csv"]
    readonly_fields = [
        "page_link",
        "language",
        "yes_count",
        "no_count",
        "comment_count",
        "last_answer",
        "latest_comments",
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                yes_count=Count("answers", filter=Q(answers__useful=True)),
                no_count=Count("answers", filter=Q(answers__useful=False)),
                comment_count=Count("answers", filter=~Q(answers__comment="")),
                last_answer=Max("answers__created_on"),
            )
        )

    def get_fields(self, request, obj=None):
        fields = list(self.readonly_fields)
        if not request.user.has_perm("contact.view_pagefeedback"):
            fields.remove("latest_comments")
        return fields

    @admin.display(description=_("useful"), ordering="yes_count")
    def yes_count(self, obj):
        return obj.yes_count

    @admin.display(description=_("not useful"), ordering="no_count")
    def no_count(self, obj):
        return obj.no_count

    @admin.display(description=_("comments"), ordering="comment_count")
    def comment_count(self, obj):
        return obj.comment_count

    @admin.display(description=_("last answer"), ordering="last_answer")
    def last_answer(self, obj):
        return obj.last_answer

    @admin.display(description=_("page"))
    def page_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.path, obj.path)

    @admin.display(description=_("latest comments"))
    def latest_comments(self, obj):
        answers = obj.answers.exclude(comment="").order_by("-created_on", "-id")[:LATEST_COMMENTS]
        if not answers:
            return _("No comment yet.")
        # Escaped like every other value; dir="auto" sets Arabic text right to left.
        return format_html(
            '<ul class="feedback-comments">{}</ul>',
            format_html_join(
                "",
                '<li><span class="feedback-comments__meta">{} · {}</span> '
                '<span lang="{}" dir="auto">{}</span></li>',
                (
                    (
                        answer.created_on.isoformat(),
                        yes_no(answer.useful),
                        obj.language,
                        answer.comment,
                    )
                    for answer in answers
                ),
            ),
        )

    def has_add_permission(self, request):
        return False  # Answers come from the public pages only.

    def has_change_permission(self, request, obj=None):
        return False  # What visitors answered is not edited.

    @admin.action(
        description=_("Export the counts of the selected pages to CSV"), permissions=["export"]
    )
    def export_csv(self, request, queryset):
        return csv_response(
            csv_rows(queryset.order_by("path", "language"), FEEDBACK_COUNT_COLUMNS),
            "page-feedback-counts",
        )


@admin.register(PageFeedback)
class PageFeedbackAdmin(ExportPermissionMixin, admin.ModelAdmin):
    """Each answer with its comment, read-only: for those who hold the personal data (Administrators)."""

    list_display = ["created_on", "page_path", "page_language", "useful", "comment_text"]
    list_filter = ["useful", "page__language", ("created_on", admin.DateFieldListFilter)]
    search_fields = ["comment", "page__path"]
    list_select_related = ["page"]
    date_hierarchy = "created_on"
    list_per_page = 100
    actions = ["export_csv"]
    fields = ["page", "useful", "comment_text", "created_on"]
    readonly_fields = fields

    @admin.display(description=_("page"), ordering="page__path")
    def page_path(self, obj):
        return obj.page.path

    @admin.display(description=_("language"), ordering="page__language")
    def page_language(self, obj):
        return obj.page.get_language_display()

    @admin.display(description=_("comment"))
    def comment_text(self, obj):
        if not obj.comment:
            return ""
        return format_html('<span lang="{}" dir="auto">{}</span>', obj.page.language, obj.comment)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(
        description=_("Export the selected answers and their comments to CSV"),
        permissions=["export"],
    )
    def export_csv(self, request, queryset):
        return csv_response(
            csv_rows(
                queryset.select_related("page").order_by("created_on", "id"),
                FEEDBACK_ANSWER_COLUMNS,
            ),
            "page-feedback-answers",
        )
