from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nada_site.richtext import SanitizedRichTextField


class PageQuerySet(models.QuerySet):
    def linked(self):
        """The pages that the main menu or the footer link to, in their order."""
        return self.filter(Q(show_in_menu=True) | Q(show_in_footer=True)).only(
            "slug", "title_ms", "title_en", "title_ar", "show_in_menu", "show_in_footer", "order"
        )


class Page(models.Model):
    """
    A page that staff keep up to date: about the unit, the client charter, the
    FAQ, the disclaimer, the privacy and security policies…
    """

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("The page's address on the site, the same in every language, e.g. privacy."),
    )
    body = SanitizedRichTextField(_("body"), blank=True)
    show_in_menu = models.BooleanField(
        _("show in the main menu"),
        default=False,
        help_text=_("Adds a link after the fixed menu items."),
    )
    show_in_footer = models.BooleanField(
        _("show in the footer"),
        default=True,
        help_text=_("Adds a link to the footer of every page."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Links are shown from the lowest number to the highest.")
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["order", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("page", kwargs={"slug": self.slug})


class Question(models.Model):
    """A question and its answer, shown on a page (the FAQ) as a disclosure list."""

    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="questions", verbose_name=_("page")
    )
    question = models.CharField(_("question"), max_length=300)
    answer = SanitizedRichTextField(_("answer"))
    order = models.PositiveSmallIntegerField(
        _("order"),
        default=0,
        help_text=_("Questions are shown from the lowest number to the highest."),
    )

    class Meta:
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")
        ordering = ["order", "id"]

    def __str__(self):
        return self.question


class AuditEntry(models.Model):
    """
    One act that changes what the public sees or who may do what: who did it,
    when, and to what. Administrators read the trail in the admin; entries
    older than AUDIT_RETENTION_DAYS are deleted by `purge_audit_trail`. An
    entry never holds the text of a contact message.
    """

    # A new entry must not drop the page cache: the public sees nothing of it.
    affects_public_pages = False

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("submitted for review")
        PUBLISHED = "published", _("published")
        WITHDRAWN = "withdrawn", _("withdrew")
        APPROVED = "approved", _("approved a change")
        SENT_BACK = "sent_back", _("sent back")
        DELETED = "deleted", _("deleted")
        RECOVERED = "recovered", _("recovered")
        ROLE_CHANGED = "role_changed", _("changed a role")
        SECOND_FACTOR_RESET = "second_factor_reset", _("reset a second factor")
        CONTACT_EXPORTED = "contact_exported", _("exported contact messages")
        INBOX_CHANGED = "inbox_changed", _("changed the inbox address")

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    # Kept as text too, so the entry still names the person after their account is deleted.
    actor_name = models.CharField(_("who"), max_length=150, blank=True)
    action = models.CharField(_("what"), max_length=30, choices=Action.choices)
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("kind of item"),
    )
    object_id = models.CharField(_("item number"), max_length=64, blank=True)
    object_repr = models.CharField(_("item"), max_length=200, blank=True)
    detail = models.TextField(_("detail"), blank=True)

    class Meta:
        verbose_name = _("audit trail entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-created_at", "-id"]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.actor_name} {self.get_action_display()} {self.object_repr}".strip()
