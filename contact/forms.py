import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from contact.feedback import COMMENT_MAX_LENGTH, PATH_MAX_LENGTH, page_of, remove_personal_data
from contact.models import ContactMessage

MESSAGE_MAX_LENGTH = 5000
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 ()\-.]{4,28}$")
# Characters that would start a new line in a mail header or a log line.
LINE_BREAKS = {"\u2028", "\u2029", "\x85"}


def validate_single_line(value):
    if any(unicodedata.category(char) == "Cc" or char in LINE_BREAKS for char in value):
        raise ValidationError(_("Write this on one line, without line breaks."), code="line_break")


class MessageField(forms.CharField):
    """A long text whose line breaks count once each, as the browser counted them."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


class ContactForm(forms.ModelForm):
    """What a visitor writes to the unit. Markup is kept as plain text and escaped on output."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        validators=[validate_single_line],
        widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
        error_messages={
            "required": _("Enter your name."),
            "max_length": _("Your name must be 100 characters or fewer."),
        },
    )
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("We reply to this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address in the right form, like name@example.com."),
            "max_length": _("Your email address must be 254 characters or fewer."),
        },
    )
    phone = forms.CharField(
        label=_("Telephone number"),
        required=False,
        max_length=30,
        help_text=_("With the country code if you are outside Malaysia, like +60 3 1234 5678."),
        validators=[
            RegexValidator(
                PHONE_PATTERN,
                _(
                    "Enter a telephone number using digits, spaces, brackets, dashes and a leading +."
                ),
            )
        ],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "dir": "ltr"}),
        error_messages={"max_length": _("The telephone number must be 30 characters or fewer.")},
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        required=False,
        max_length=200,
        help_text=_("The agency, embassy or organisation you write for."),
        validators=[validate_single_line],
        widget=forms.TextInput(attrs={"autocomplete": "organization", "dir": "auto"}),
        error_messages={"max_length": _("The organisation must be 200 characters or fewer.")},
    )
    subject = forms.CharField(
        label=_("Subject"),
        max_length=200,
        validators=[validate_single_line],
        widget=forms.TextInput(attrs={"dir": "auto"}),
        error_messages={
            "required": _("Enter a subject."),
            "max_length": _("The subject must be 200 characters or fewer."),
        },
    )
    message = MessageField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_("At most 5,000 characters."),
        widget=forms.Textarea(attrs={"rows": 10, "dir": "auto"}),
        error_messages={
            "required": _("Enter your message."),
            "max_length": _(
                "Your message is too long: shorten it to 5,000 characters or fewer "
                "(it has %(show_value)s)."
            ),
        },
    )
    consent = forms.BooleanField(
        label=_(
            "I have read the personal data notice and agree that the International Unit "
            "keeps what I send to answer me."
        ),
        error_messages={
            "required": _(
                "Tick the box to agree to the personal data notice, or we cannot keep your message."
            )
        },
    )
    # A field that people never see or reach; software that fills every field fills it.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "phone", "organisation", "subject", "message"]

    def is_from_software(self):
        """True when the hidden field was filled: the message is dropped, quietly."""
        return bool(self.cleaned_data.get("website"))


class PageFeedbackForm(forms.Form):
    """
    "Was this page useful?": the signed page, yes or no, and an optional
    comment. Every error is a message for the visitor, never a server error.
    """

    page = forms.CharField(
        max_length=PATH_MAX_LENGTH + 200,
        error_messages={"required": _("This answer does not say which page it is about.")},
    )
    useful = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        error_messages={
            "required": _("Choose Yes or No."),
            "invalid_choice": _("Choose Yes or No."),
        },
    )
    comment = MessageField(
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        strip=True,
        error_messages={
            "max_length": _("Your comment must be %(limit_value)d characters or fewer.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.personal_data_removed = False

    def clean_page(self):
        page = page_of(self.cleaned_data["page"])
        if page is None:
            raise ValidationError(
                _("This answer is not about a page of this site."), code="unknown_page"
            )
        return page

    def clean_comment(self):
        # Control characters have no place in a comment; line breaks do.
        comment = "".join(
            char
            for char in self.cleaned_data["comment"]
            if char == "\n" or unicodedata.category(char) != "Cc"
        )
        comment, self.personal_data_removed = remove_personal_data(comment)
        return comment.strip()
