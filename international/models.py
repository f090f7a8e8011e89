from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from international.search import FIELDS as SEARCH_FIELDS
from nada_site.countries import CldrCountries
from nada_site.richtext import SanitizedRichTextField
from nada_site.search import add_search_documents
from nada_site.slugs import SlugFromMixin, slug_field
from nada_site.uploads import UploadTo, validate_pdf
from nada_site.workflow import Publishable, PublishableQuerySet


class UnitProfileQuerySet(PublishableQuerySet):
    """The unit has one profile: these give it, or None while there is none."""

    def single(self):
        """The profile as stored, whatever its publishing state (its inbox, the admin)."""
        return self.filter(pk=UnitProfile.SINGLETON_ID).first()

    def public(self):
        """The profile as the public sees it: None before it is published."""
        return self.published().single()


class UnitProfile(Publishable):
    """The International Unit itself: one record, edited by staff, never duplicated."""

    SINGLETON_ID = 1

    id = models.PositiveSmallIntegerField(primary_key=True, default=SINGLETON_ID, editable=False)
    name = models.CharField(_("name"), max_length=200)
    introduction = SanitizedRichTextField(
        _("introduction"),
        help_text=_(
            "What the unit does. Shown at the top of the unit's page and on the home page."
        ),
    )
    objectives_lead = models.CharField(
        _("lead-in to the objectives"),
        max_length=300,
        blank=True,
        help_text=_("The sentence just before the numbered objectives."),
    )
    approaches_lead = models.CharField(
        _("lead-in to the approaches"),
        max_length=300,
        blank=True,
        help_text=_("The sentence just before the numbered approaches."),
    )
    address = models.TextField(_("address"), help_text=_("One line of the address per line."))
    telephone = models.CharField(_("telephone"), max_length=40, blank=True)
    fax = models.CharField(_("fax"), max_length=40, blank=True)
    email = models.EmailField(
        _("email"),
        help_text=_(
            "Messages sent through the contact form go to this address. Only an "
            "Administrator changes it."
        ),
    )
    office_hours = models.CharField(_("office hours"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = UnitProfileQuerySet.as_manager()

    # The inbox address is personal data's destination: Administrators change it
    # on its own page (international.admin), never through a proposed change.
    fields_outside_review = ("email",)

    class Meta(Publishable.Meta):
        verbose_name = _("unit profile")
        verbose_name_plural = _("unit profile")
        permissions = [
            ("change_inbox_unitprofile", _("Can change where contact messages are sent"))
        ]
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="unit_profile_is_singleton"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.id = self.SINGLETON_ID
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("international:unit")


class OrderedItemQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(is_visible=True)


class OrderedItem(models.Model):
    """A numbered item of the unit's page that staff reorder and may hide."""

    profile = models.ForeignKey(
        UnitProfile, on_delete=models.CASCADE, related_name="%(class)s_items"
    )
    text = models.TextField(_("text"))
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Items are numbered from the lowest to the highest.")
    )
    is_visible = models.BooleanField(
        _("shown on the site"),
        default=True,
        help_text=_("Untick to hide the item without deleting it."),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = OrderedItemQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "id"]

    def __str__(self):
        return self.text[:80]


class Objective(OrderedItem):
    class Meta(OrderedItem.Meta):
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")


class Approach(OrderedItem):
    class Meta(OrderedItem.Meta):
        verbose_name = _("approach")
        verbose_name_plural = _("approaches")


class Partner(models.Model):
    """A country or an international organisation the unit works with."""

    class Kind(models.TextChoices):
        COUNTRY = "country", _("Country")
        ORGANISATION = "organisation", _("International organisation")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.COUNTRY)
    country = CountryField(
        _("country"),
        countries=CldrCountries,
        blank=True,
        help_text=_("For a country. Its name is translated automatically."),
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        blank=True,
        help_text=_("For an organisation, e.g. United Nations Office on Drugs and Crime."),
    )
    acronym = models.CharField(_("acronym"), max_length=30, blank=True, help_text=_("e.g. UNODC"))
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("Used in the address of filtered lists.")
    )

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="country") & ~Q(country=""))
                | (Q(kind="organisation") & ~Q(name="")),
                name="partner_country_or_named_organisation",
                violation_error_message=_(
                    "A country needs the country chosen; an organisation needs a name."
                ),
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if self.kind == self.Kind.COUNTRY:
            return str(self.country.name)
        if self.acronym and self.acronym != self.name:
            return f"{self.name} ({self.acronym})"
        return self.name


class AgreementQuerySet(PublishableQuerySet):
    def for_listing(self):
        """The published agreements, newest signed first, with their partners."""
        return (
            self.published()
            .prefetch_related("partners")
            .order_by(F("signed_on").desc(nulls_last=True), "-id")
        )


class Agreement(SlugFromMixin, Publishable):
    """An entry of the List of International Cooperation: an MoU, an agreement…"""

    class Kind(models.TextChoices):
        BILATERAL = "bilateral", _("Bilateral")
        MULTILATERAL = "multilateral", _("Multilateral")
        REGIONAL = "regional", _("Regional")

    class Instrument(models.TextChoices):
        MOU = "mou", _("Memorandum of understanding")
        AGREEMENT = "agreement", _("Agreement")
        DECLARATION = "declaration", _("Declaration")
        PROGRAMME = "programme", _("Programme")
        OTHER = "other", _("Other")

    class Standing(models.TextChoices):
        ACTIVE = "active", _("Active")
        EXPIRED = "expired", _("Expired")
        NEGOTIATION = "negotiation", _("In negotiation")

    title = models.CharField(_("title"), max_length=300)
    summary = SanitizedRichTextField(_("summary"), blank=True)
    partners = models.ManyToManyField(
        Partner, verbose_name=_("partners"), related_name="agreements"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    instrument = models.CharField(_("instrument"), max_length=20, choices=Instrument.choices)
    signed_on = models.DateField(
        _("date signed"), null=True, blank=True, help_text=_("Leave empty while in negotiation.")
    )
    standing = models.CharField(
        _("standing"),
        max_length=20,
        choices=Standing.choices,
        default=Standing.ACTIVE,
        help_text=_("Whether the agreement is in force, has expired or is being negotiated."),
    )
    document = models.FileField(
        _("document (PDF)"),
        upload_to=UploadTo("agreements"),
        blank=True,
        validators=[validate_pdf],
        help_text=_("Optional. A PDF file of at most 10 MB."),
    )
    texts = models.ManyToManyField(
        "publications.Publication",
        verbose_name=_("texts of the agreement"),
        related_name="agreements",
        blank=True,
        limit_choices_to={"kind": "agreement-text"},
        help_text=_(
            "The agreement's texts among the publications (kind: agreement text). The "
            "agreement's page links to those that are published."
        ),
    )
    slug = slug_field(
        _(
            "The agreement's address on the site, the same in every language. "
            "Made from the title when left empty."
        )
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = AgreementQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = _("cooperation agreement")
        verbose_name_plural = _("cooperation agreements")
        ordering = [F("signed_on").desc(nulls_last=True), "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("international:agreement_detail", kwargs={"slug": self.slug})


# Its full-text documents for the site search (international.search), on PostgreSQL.
add_search_documents(Agreement, SEARCH_FIELDS)
