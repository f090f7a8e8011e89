from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from nada_site.localized import TitledInAnyLanguage, localized_names
from nada_site.richtext import SanitizedRichTextField
from nada_site.search import WithoutSearchDocuments, add_search_documents
from nada_site.slugs import SlugFromMixin, slug_field, unique_slug
from nada_site.uploads import UploadTo, validate_news_image
from nada_site.workflow import Publishable, PublishableQuerySet
from news.announcement_search import FIELDS as ANNOUNCEMENT_SEARCH_FIELDS
from news.search import SEARCH_CONFIGS, search_document_field, search_field_name

SEARCH_DOCUMENTS = tuple(search_field_name(code) for code in SEARCH_CONFIGS)
# The article's text in every language, which lists never show.
BODIES = ("body", *localized_names("body"))


class ArticleGroup(SlugFromMixin, models.Model):
    """A named group of articles with a page of its own (`url_name`): a category or a tag."""

    url_name = None
    slug_source = "name"
    name = models.CharField(_("name"), max_length=100, blank=True)
    slug = slug_field("", max_length=80)  # Each kind of group says what its address is.

    class Meta:
        abstract = True
        ordering = ["slug"]

    def __str__(self):
        return self.name or self.slug

    def get_absolute_url(self):
        return reverse(self.url_name, kwargs={"slug": self.slug})


class Category(ArticleGroup):
    """A section of the news, such as Global, National or Events."""

    url_name = "news:category"
    slug = slug_field(
        _(
            "The category's address on the site, the same in every language. "
            "Made from the name when left empty."
        ),
        max_length=80,
    )

    class Meta(ArticleGroup.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")


class Tag(ArticleGroup):
    """A keyword that describes the articles it is given to."""

    url_name = "news:tag"
    slug = slug_field(
        _(
            "The tag's address on the site, the same in every language. "
            "Made from the name when left empty."
        ),
        max_length=80,
    )

    class Meta(ArticleGroup.Meta):
        verbose_name = _("tag")
        verbose_name_plural = _("tags")


class ArticleQuerySet(PublishableQuerySet):
    def for_listing(self):
        """Newest first, with the category, without the bodies (lists show the summary)."""
        return self.select_related("category").defer(*BODIES).order_by("-published_at", "-id")

    def in_language(self, language):
        """Articles with a title in `language`."""
        field = build_localized_fieldname("title", language)
        return self.exclude(**{field: ""}).exclude(**{f"{field}__isnull": True})


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_queryset(self):
        # The search documents are large and read only inside the database.
        return super().get_queryset().defer(*SEARCH_DOCUMENTS)


class Article(TitledInAnyLanguage, SlugFromMixin, Publishable):
    """A news item, in one or more of the site's languages."""

    # Addresses under /news/ that belong to other pages.
    reserved_slugs = RESERVED_SLUGS = frozenset({"search", "feed", "category", "tag"})

    title = models.CharField(
        _("title"),
        max_length=300,
        blank=True,
        help_text=_("Fill in the title in every language the article is written in."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown in lists, feeds and links shared elsewhere."),
    )
    body = SanitizedRichTextField(_("body"), blank=True)
    key_points_heading = models.CharField(
        _("heading of the key points"),
        max_length=200,
        blank=True,
        help_text=_("Shown above the numbered key points, e.g. “Five joint steps”. Optional."),
    )
    source_name = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Who first published the news, e.g. the Ministry of Home Affairs."),
    )
    source_url = models.URLField(
        _("source address"),
        max_length=500,
        blank=True,
        help_text=_("Optional. A link to the original publication."),
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("category"),
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles", verbose_name=_("tags"))
    related = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        verbose_name=_("read also"),
        help_text=_(
            "Articles chosen by hand for the “Read also” block. Newer articles on the "
            "same tags or category fill the remaining places."
        ),
    )
    image = models.ImageField(
        _("image"),
        upload_to=UploadTo("news"),
        blank=True,
        width_field="image_width",
        height_field="image_height",
        validators=[validate_news_image],
        help_text=_("Optional. A JPEG, PNG or WebP image of at most 5 MB and 25 megapixels."),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # The rendition files made of the image (news/images.py): what storage holds,
    # so never part of a revision, a proposal or the edit fingerprint.
    image_renditions = models.JSONField(default=list, blank=True, editable=False, serialize=False)
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it. Required with an image."),
    )
    image_caption = models.CharField(_("image caption"), max_length=300, blank=True)
    slug = slug_field(
        _(
            "The article's address on the site, the same in every language. "
            "Made from the title when left empty."
        )
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    # Full-text search documents, one per language, kept by PostgreSQL: see
    # news/search.py. They are added below the class, from settings.

    objects = ArticleManager()

    class Meta(Publishable.Meta):
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["status", "-published_at"], name="news_article_listing")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(slug=""),
                name="news_article_has_slug",
            ),
        ]

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.slug in self.RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("This address is used by another page. Please choose another.")},
                code="reserved_slug",
            )
        languages = self.available_languages
        if not languages:
            raise ValidationError(
                _("Give the article a title in at least one language."), code="no_title"
            )
        if not self.slug:
            self.slug = unique_slug(self, self.slug_source, self.reserved_slugs)
        if self.image:
            missing = {
                build_localized_fieldname("image_alt", code): ValidationError(
                    _("Describe the image in every language the article has a title in."),
                    code="alt_required",
                )
                for code in languages
                if not getattr(self, build_localized_fieldname("image_alt", code), "")
            }
            if missing:
                raise ValidationError(missing)


for _code in SEARCH_CONFIGS:
    Article.add_to_class(search_field_name(_code), search_document_field(_code))


class KeyPoint(models.Model):
    """One numbered point of an article: an agenda item, a step, a resolution."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="key_points", verbose_name=_("article")
    )
    heading = models.CharField(_("heading"), max_length=300, blank=True)
    text = models.TextField(_("text"), blank=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Points are numbered from the lowest to the highest.")
    )

    class Meta:
        verbose_name = _("key point")
        verbose_name_plural = _("key points")
        ordering = ["order", "id"]

    def __str__(self):
        return (self.heading or self.text or "")[:80]


class AnnouncementQuerySet(PublishableQuerySet):
    """
    What the public sees of the announcements. `public()` is the clean
    queryset for every public list (the archive, the feeds, the sitemap, the
    site search): published, and its start has come.
    """

    def public(self, now=None):
        now = now or timezone.now()
        return self.published().filter(starts_at__lte=now)

    def current(self, now=None):
        """Shown on the home page: started and not yet ended."""
        now = now or timezone.now()
        return self.public(now).filter(ends_at__gt=now)

    def ended(self, now=None):
        now = now or timezone.now()
        return self.public(now).filter(ends_at__lte=now)

    def upcoming(self, now=None):
        """Published, but their start is still to come: seen only by staff."""
        now = now or timezone.now()
        return self.filter(status=Publishable.Status.PUBLISHED, starts_at__gt=now)

    def in_language(self, language):
        """Announcements with a title in `language`."""
        field = build_localized_fieldname("title", language)
        return self.exclude(**{field: ""}).exclude(**{f"{field}__isnull": True})

    def for_archive(self, now=None):
        """The current ones first (newest start first), then the ended ones, last ended first."""
        now = now or timezone.now()
        return (
            self.public(now)
            .annotate(
                period_over=Case(When(ends_at__lte=now, then=1), default=0),
                sort_time=Case(When(ends_at__lte=now, then=F("ends_at")), default=F("starts_at")),
            )
            .order_by("period_over", "-sort_time", "-id")
        )


class Announcement(TitledInAnyLanguage, SlugFromMixin, Publishable):
    """
    A short notice with a start and an end: shown on the home page while it
    runs, then in the archive. Plain text, written in one or more languages.
    """

    reserved_slugs = RESERVED_SLUGS = frozenset({"feed", "page"})
    # Their arrival changes what the public sees: the page cache counts them.
    scheduled_fields = ("starts_at", "ends_at")

    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Fill in the title in every language the announcement is written in."),
    )
    text = models.TextField(
        _("text"),
        max_length=1000,
        blank=True,
        help_text=_("A few sentences of plain text, at most 1,000 characters."),
    )
    starts_at = models.DateTimeField(
        _("start"),
        default=timezone.now,
        help_text=_("The announcement shows on the home page from this time (Malaysia time)."),
    )
    ends_at = models.DateTimeField(
        _("end"),
        help_text=_("From this time (Malaysia time) it is moved to the archive of announcements."),
    )
    link = models.URLField(
        _("link"),
        max_length=500,
        blank=True,
        help_text=_("Optional. A page with more information, on this site or elsewhere."),
    )
    slug = slug_field(
        _(
            "The announcement's address on the site, the same in every language. "
            "Made from the title when left empty."
        )
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = WithoutSearchDocuments.from_queryset(AnnouncementQuerySet)()

    class Meta(Publishable.Meta):
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["-starts_at", "-id"]
        indexes = [
            models.Index(fields=["status", "starts_at", "ends_at"], name="news_announcement_period")
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(slug=""), name="news_announcement_has_slug"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="news_announcement_ends_after_start",
            ),
        ]

    def get_absolute_url(self):
        return reverse("announcements:detail", kwargs={"slug": self.slug})

    @property
    def version(self):
        """Changes whenever the announcement does: a visitor's "hide" holds for this version only."""
        if not self.updated_at:
            return str(self.pk)
        return f"{self.pk}-{round(self.updated_at.timestamp() * 1_000_000)}"

    def is_current(self, now=None):
        now = now or timezone.now()
        return self.is_public and self.starts_at <= now < self.ends_at

    def has_ended(self, now=None):
        return self.ends_at <= (now or timezone.now())

    def clean(self):
        super().clean()
        if self.slug in self.RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("This address is used by another page. Please choose another.")},
                code="reserved_slug",
            )
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError(
                {
                    "ends_at": ValidationError(
                        _("The end must come after the start."), code="ends_before_start"
                    )
                }
            )
        if not self.available_languages:
            raise ValidationError(
                _("Give the announcement a title in at least one language."), code="no_title"
            )
        if not self.slug:
            self.slug = unique_slug(self, self.slug_source, self.reserved_slugs)


add_search_documents(Announcement, ANNOUNCEMENT_SEARCH_FIELDS)
