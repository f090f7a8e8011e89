import uuid
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from events.search import FIELDS as SEARCH_FIELDS
from nada_site.richtext import SanitizedRichTextField
from nada_site.search import WithoutSearchDocuments, add_search_documents
from nada_site.slugs import SlugFromMixin, slug_field
from nada_site.workflow import Publishable, PublishableQuerySet

# Where the unit is: its times are Malaysia time, whatever the site's settings say.
MALAYSIA = "Asia/Kuala_Lumpur"


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("Choose a time zone from the list, such as Europe/Vienna."), code="time_zone"
        )


def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class EventQuerySet(PublishableQuerySet):
    def upcoming(self, now=None):
        """Published events that have not ended yet (those under way included), soonest first."""
        now = now or timezone.now()
        return self.published().filter(ends_at__gte=now).order_by("starts_at", "id")

    def past(self, now=None):
        """Published events that have ended, the latest first."""
        now = now or timezone.now()
        return self.published().filter(ends_at__lt=now).order_by("-starts_at", "-id")


class Event(SlugFromMixin, Publishable):
    """An international meeting the unit hosts or takes part in: a CND session, ASOD, a visit…"""

    class Role(models.TextChoices):
        HOSTS = "hosts", _("Host")
        LEADS = "leads", _("Head of delegation")
        SPEAKS = "speaks", _("Speaker")
        ATTENDS = "attends", _("Participant")
        OBSERVES = "observes", _("Observer")

    title = models.CharField(_("title"), max_length=300)
    description = SanitizedRichTextField(
        _("description"),
        blank=True,
        help_text=_("What the meeting is about and what the unit does there."),
    )
    starts_at = models.DateTimeField(
        _("start"), help_text=_("In the venue's time, as the organisers announce it.")
    )
    ends_at = models.DateTimeField(_("end"), help_text=_("In the venue's time."))
    time_zone = models.CharField(
        _("venue's time zone"),
        max_length=64,
        default=MALAYSIA,
        validators=[validate_time_zone],
        help_text=_(
            "Where the meeting takes place, e.g. Europe/Vienna. The site shows its times in "
            "Malaysia time and, when it differs, in the venue's time."
        ),
    )
    all_day = models.BooleanField(
        _("whole days"),
        default=False,
        help_text=_("Tick for a meeting of one or more whole days: only its dates are shown."),
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(
        _("country"), blank=True, help_text=_("Its name is translated automatically.")
    )
    role = models.CharField(
        _("the unit's role"), max_length=20, choices=Role.choices, default=Role.ATTENDS
    )
    related_articles = models.ManyToManyField(
        "news.Article",
        blank=True,
        related_name="events",
        verbose_name=_("related news"),
        help_text=_("News articles about the meeting, shown on its page once published."),
    )
    related_publications = models.ManyToManyField(
        "publications.Publication",
        blank=True,
        related_name="events",
        verbose_name=_("related publications"),
        help_text=_(
            "Statements, presentations and reports of the meeting, shown on its page once published."
        ),
    )
    slug = slug_field(
        _(
            "The event's address on the site, the same in every language. "
            "Made from the title when left empty."
        )
    )
    # The event's identity in calendars that subscribe to the site's feed.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = WithoutSearchDocuments.from_queryset(EventQuerySet)()

    class Meta(Publishable.Meta):
        verbose_name = pgettext_lazy("a meeting on the calendar", "event")
        verbose_name_plural = pgettext_lazy("meetings on the calendar", "events")
        ordering = [F("starts_at").desc(), "-id"]
        indexes = [models.Index(fields=["status", "ends_at"], name="events_event_listing")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")),
                name="events_event_ends_after_it_starts",
                violation_error_message=_("The event cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title or self.slug

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def zone(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(MALAYSIA)

    @property
    def local_start(self):
        """The start in the venue's time."""
        return self.starts_at.astimezone(self.zone)

    @property
    def local_end(self):
        return self.ends_at.astimezone(self.zone)

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError(
                {"ends_at": _("The event cannot end before it starts.")}, code="ends_before"
            )


add_search_documents(Event, SEARCH_FIELDS)
