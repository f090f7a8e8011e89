from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from nada_site.localized import localized_names
from nada_site.page_search import PAGE_FIELDS, QUESTION_FIELDS
from nada_site.richtext import SanitizedRichTextField
from nada_site.search import add_search_documents
from nada_site.slugs import SlugFromMixin, slug_field
from nada_site.uploads import UploadTo, validate_header_image
from nada_site.workflow import Publishable, PublishableQuerySet


class PageQuerySet(PublishableQuerySet):
    def linked(self):
        """The published pages that the main menu or the footer link to, in their order."""
        return (
            self.published()
            .filter(Q(show_in_menu=True) | Q(show_in_footer=True))
            .only(
                "slug",
                *localized_names("title"),
                "show_in_menu",
                "show_in_footer",
                "order",
                "marker",
                "updated_at",
                "published_at",
            )
            .annotate(questions_changed_at=Max("questions__updated_at"))
        )

    def changed_at_of(self, marker):
        """When the published page standing for `marker` last changed, or None without one."""
        page = (
            self.published()
            .filter(marker=marker)
            .only("updated_at", "published_at")
            .annotate(questions_changed_at=Max("questions__updated_at"))
            .first()
        )
        return page.changed_at if page else None


class Marker(models.TextChoices):
    """The SPLaSK markers (nada_site/splask.py) that a page of the site's own may stand for."""

    GOV_POLICIES = "gov-policies", _("government policies")
    FAQ = "faq", _("frequently asked questions")
    CLIENT_CHARTER = "client-charter", _("client charter")
    PRIVACY_POLICY = "privacy-policy", _("privacy policy")
    FREEDOM = "freedom", _("disclaimer and access to information")


class Page(SlugFromMixin, Publishable):
    """
    A page that staff keep up to date: about the unit, the client charter, the
    FAQ, the disclaimer, the privacy and security policies…
    """

    title = models.CharField(_("title"), max_length=200)
    slug = slug_field(
        _(
            "The page's address on the site, the same in every language, e.g. privacy. "
            "Made from the title when left empty."
        ),
        max_length=80,
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
    marker = models.CharField(
        _("assessment marker"),
        max_length=30,
        choices=Marker.choices,
        blank=True,
        default="",
        help_text=_(
            "What this page is for the public-sector assessment (SPLaSK), which looks for it "
            "on the site. At most one page per marker."
        ),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = PageQuerySet.as_manager()

    # Whether a page is linked from every page of the site, and what it stands for, is a
    # Publisher's choice.
    publisher_fields = ("show_in_menu", "show_in_footer", "marker")

    class Meta(Publishable.Meta):
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["marker"],
                condition=~Q(marker=""),
                name="one_page_per_marker",
                violation_error_message=_("Another page already stands for this marker."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("page", kwargs={"slug": self.slug})

    @property
    def changed_at(self):
        """When the page, or one of its questions, last changed as the public sees it."""
        questions = getattr(self, "questions_changed_at", None)
        moments = [m for m in (self.updated_at, self.published_at, questions) if m is not None]
        return max(moments) if moments else None


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
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")
        ordering = ["order", "id"]

    def __str__(self):
        return self.question


# Their full-text documents for the site search (nada_site.page_search), on PostgreSQL.
add_search_documents(Page, PAGE_FIELDS)
add_search_documents(Question, QUESTION_FIELDS)


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


class ReviewRequestQuerySet(models.QuerySet):
    def for_object(self, obj):
        content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        return self.filter(content_type=content_type, object_id=str(obj.pk))

    def open(self):
        """Requests still in the works: being prepared, awaiting review, or sent back."""
        return self.filter(state__in=ReviewRequest.OPEN_STATES)


class ReviewRequest(models.Model):
    """
    An item waiting for a Publisher: a new item to publish, or a change to a
    published item. A change holds a snapshot of the item and its parts as
    the Editor left them (nada_site.workflow), which the public does not see
    until a Publisher approves it.
    """

    affects_public_pages = False

    class Kind(models.TextChoices):
        PUBLICATION = "publication", _("New item to publish")
        CHANGE = "change", _("Change to published content")

    class State(models.TextChoices):
        DRAFT = "draft", _("Being prepared")
        PENDING = "pending", _("Awaiting review")
        RETURNED = "returned", _("Sent back")
        APPROVED = "approved", _("Approved")
        DISCARDED = "discarded", _("Discarded")

    OPEN_STATES = (State.DRAFT, State.PENDING, State.RETURNED)

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("kind of item")
    )
    object_id = models.CharField(_("item number"), max_length=64)
    content_object = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(_("item"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, db_index=True)
    payload = models.JSONField(_("proposed content"), default=list, blank=True, editable=False)
    base_token = models.CharField(max_length=64, blank=True, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    comment = models.TextField(
        _("Publisher's comment"),
        blank=True,
        help_text=_("What to change before the item can be published. The Editor sees it."),
    )

    objects = ReviewRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["-submitted_at", "-updated_at", "-id"]
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(state__in=["draft", "pending", "returned"]),
                name="one_open_review_per_item",
            ),
        ]

    def __str__(self):
        return self.object_repr

    @property
    def model(self):
        return self.content_type.model_class()


class Notification(models.Model):
    """Something a staff member should know: an item awaits their review, or their change was reviewed."""

    affects_public_pages = False

    class Event(models.TextChoices):
        AWAITS_REVIEW = "awaits_review", _("awaits your review")
        APPROVED = "approved", _("was approved")
        SENT_BACK = "sent_back", _("was sent back to you")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    review = models.ForeignKey(
        ReviewRequest,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("review"),
    )
    event = models.CharField(_("event"), max_length=20, choices=Event.choices)
    actor_name = models.CharField(_("by"), max_length=150, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        default_permissions = ()

    def __str__(self):
        return f"{self.review}: {self.get_event_display()}"


class StaffPreferences(models.Model):
    """What a staff member chose for themselves."""

    affects_public_pages = False

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_preferences",
        verbose_name=_("staff member"),
    )
    email_notifications = models.BooleanField(
        _("email me too"),
        default=False,
        help_text=_(
            "Besides the notice in the admin, send an email when an item awaits my review, "
            "or when my change is approved or sent back."
        ),
    )
    email_language = models.CharField(
        _("language of the emails"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    editing_language = models.CharField(
        _("editing language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "The language tab that translated forms open on: the site's required language, "
            "unless you mostly write in another."
        ),
    )

    class Meta:
        verbose_name = _("my preferences")
        verbose_name_plural = _("my preferences")
        default_permissions = ()

    def __str__(self):
        return str(self.user)


class AddressChange(models.Model):
    """
    An old address of an item whose slug changed, and the slug it leads to
    now: the old address answers with a permanent redirect, in every
    language (nada_site.addresses). Made when a changed slug goes live; staff
    read them, and Publishers and Administrators may delete them.
    """

    # A redirect is never a cached page: the public pages stay as they are.
    affects_public_pages = False

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("kind of item")
    )
    object_id = models.CharField(_("item number"), max_length=64)
    item = GenericForeignKey("content_type", "object_id")
    # The name of the address's route, e.g. news:detail; its slug is the only part that changed.
    url_name = models.CharField(_("kind of address"), max_length=100)
    old_slug = models.SlugField(_("old slug"), max_length=120)
    new_slug = models.SlugField(_("new slug"), max_length=120)
    created_at = models.DateTimeField(_("changed"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("address change")
        verbose_name_plural = _("address changes")
        ordering = ["-created_at", "-id"]
        default_permissions = ("view", "delete")
        constraints = [
            # What a request for an old address looks up (one indexed query).
            models.UniqueConstraint(
                fields=["url_name", "old_slug"], name="one_redirect_per_address"
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="address_change_item")]

    def __str__(self):
        return f"{self.old_address()} → {self.new_address()}"

    def address(self, slug):
        """The address with `slug` in the current language, or the slug alone if it has none."""
        try:
            return reverse(self.url_name, kwargs={"slug": slug})
        except NoReverseMatch:
            return slug

    def old_address(self):
        return self.address(self.old_slug)

    def new_address(self):
        return self.address(self.new_slug)


class TranslationChange(models.Model):
    """
    When one language's text of a translated item last changed: its fields in
    that language, all together (nada_site.translation_state). The item is out
    of date in a language when the default language's text changed after it.
    """

    affects_public_pages = False

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("kind of item")
    )
    object_id = models.CharField(_("item number"), max_length=64)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    # A fingerprint of the language's texts as last saved, to tell a change from a save.
    digest = models.CharField(max_length=64, editable=False)
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)

    class Meta:
        verbose_name = _("change of a translation")
        verbose_name_plural = _("changes of translations")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"],
                name="one_translation_change_per_language",
            ),
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} {self.language} {self.changed_at}"


SITE_SETTINGS_KEY = "nada:site-settings"
SITE_SETTINGS_SECONDS = 60 * 60


def forget_site_settings(**kwargs):
    """Drop the cached site settings: now, and again once the change is committed."""
    cache.delete(SITE_SETTINGS_KEY)
    transaction.on_commit(lambda: cache.delete(SITE_SETTINGS_KEY))


class SiteSettings(models.Model):
    """
    What Administrators keep up to date for the whole site (one record): the
    header's images and the links in the footer. Until an image is uploaded
    the site shows none; it never shows an image from elsewhere.
    """

    logo = models.ImageField(
        _("agency logo"),
        upload_to=UploadTo("site"),
        blank=True,
        validators=[validate_header_image],
        help_text=_("Optional. A JPEG, PNG or WebP image of at most 2 MB, shown in the header."),
    )
    logo_alt = models.CharField(
        _("logo's text alternative"),
        max_length=150,
        blank=True,
        help_text=_("What the logo says, for those who cannot see it. Required with a logo."),
    )
    crest = models.ImageField(
        _("national crest"),
        upload_to=UploadTo("site"),
        blank=True,
        validators=[validate_header_image],
        help_text=_("Optional. A JPEG, PNG or WebP image of at most 2 MB, shown in the header."),
    )
    crest_alt = models.CharField(
        _("crest's text alternative"),
        max_length=150,
        blank=True,
        help_text=_("What the crest says, for those who cannot see it. Required with a crest."),
    )
    complaints_url = models.URLField(
        _("SISPAA complaints link"),
        blank=True,
        help_text=_("The agency's page in the public complaints system (SISPAA)."),
    )
    procurement_url = models.URLField(
        _("procurement link"),
        blank=True,
        help_text=_("The agency's page of tenders and quotations."),
    )
    mobile_apps_url = models.URLField(
        _("mobile apps link"),
        blank=True,
        help_text=_("The agency's page of its mobile apps."),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
        default_permissions = ("view", "change")

    def __str__(self):
        return str(_("Site settings"))

    def clean(self):
        """An image needs its text alternative, at least in the site's required language."""
        errors = {}
        for image, alt in (("logo", "logo_alt"), ("crest", "crest_alt")):
            required = build_localized_fieldname(alt, settings.LANGUAGE_CODE)
            if getattr(self, image) and not (getattr(self, required, "") or "").strip():
                errors[required] = ValidationError(
                    _("Write the image's text alternative: those who cannot see it read this."),
                    code="alt_required",
                )
        if errors:
            raise ValidationError(errors)

    def _links(self, kind):
        return [link for link in self.links.all() if link.kind == kind] if self.pk else []

    @property
    def online_services(self):
        return self._links(SiteLink.Kind.ONLINE_SERVICE)

    @property
    def related_agencies(self):
        return self._links(SiteLink.Kind.RELATED_AGENCY)

    @property
    def social_media(self):
        return list(self.social_accounts.all()) if self.pk else []

    @classmethod
    def current(cls):
        """
        The settings with their links, unsaved when none exist. Every page shows
        them, so they are kept in the cache (shared by the processes, as the page
        cache is) until one of them changes (`forget_site_settings`).
        """
        try:
            cached = cache.get(SITE_SETTINGS_KEY)
        except Exception:  # Every cache backend raises its own errors.
            cached = None
        if cached is not None:
            return cached
        settings_ = cls.objects.prefetch_related("social_accounts", "links").first() or cls()
        try:
            cache.set(SITE_SETTINGS_KEY, settings_, timeout=SITE_SETTINGS_SECONDS)
        except Exception:
            pass
        return settings_


class SocialAccount(models.Model):
    """One of the agency's social media accounts, shown in the footer."""

    class Network(models.TextChoices):
        FACEBOOK = "facebook", "Facebook"
        X = "x", "X"
        INSTAGRAM = "instagram", "Instagram"
        YOUTUBE = "youtube", "YouTube"
        TIKTOK = "tiktok", "TikTok"
        TELEGRAM = "telegram", "Telegram"
        LINKEDIN = "linkedin", "LinkedIn"

    settings = models.ForeignKey(
        SiteSettings,
        on_delete=models.CASCADE,
        related_name="social_accounts",
        verbose_name=_("site settings"),
    )
    network = models.CharField(_("network"), max_length=20, choices=Network.choices)
    url = models.URLField(_("address"))
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Links are shown from the lowest number to the highest.")
    )

    class Meta:
        verbose_name = _("social media account")
        verbose_name_plural = _("social media accounts")
        ordering = ["order", "id"]

    def __str__(self):
        return f"{self.get_network_display()}: {self.url}"


class SiteLink(models.Model):
    """A link in the footer to one of the online services or a related agency."""

    class Kind(models.TextChoices):
        ONLINE_SERVICE = "online_service", _("online service")
        RELATED_AGENCY = "related_agency", _("related agency")

    settings = models.ForeignKey(
        SiteSettings,
        on_delete=models.CASCADE,
        related_name="links",
        verbose_name=_("site settings"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    label = models.CharField(_("label"), max_length=150)
    url = models.URLField(_("address"))
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Links are shown from the lowest number to the highest.")
    )

    class Meta:
        verbose_name = _("footer link")
        verbose_name_plural = _("footer links")
        ordering = ["kind", "order", "id"]

    def __str__(self):
        return self.label


class MarkerCheck(models.Model):
    """
    The last run of `splask_report`: which SPLaSK markers it found on the
    site's pages. The admin's start page reads it to name the missing ones
    (one row, replaced at each run).
    """

    affects_public_pages = False

    checked_at = models.DateTimeField(_("checked"), default=timezone.now)
    found = models.JSONField(_("markers found"), default=list)
    pages = models.PositiveIntegerField(_("pages read"), default=0)

    class Meta:
        verbose_name = _("check of the assessment markers")
        verbose_name_plural = _("checks of the assessment markers")
        default_permissions = ()

    def __str__(self):
        return f"{self.checked_at:%Y-%m-%d %H:%M}"
