"""
The site search's pages: /<lang>/search/ (the header's box, results with a
filter by type) and /<lang>/search/advanced/ (narrowing by type, dates and
the providers' own filters). Both read the same form from the query string
and show the same results; neither is kept in the page cache, each search
being its own address.
"""

import datetime
import logging
from collections import Counter

from django import forms
from django.db import OperationalError
from django.utils.decorators import method_decorator
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import ListView

from nada_site.pagination import ForgivingPaginationMixin
from nada_site.search import (
    MAX_QUERY_LENGTH,
    RESULTS_PER_LANGUAGE,
    SearchRequest,
    bounded_time,
    parse_query,
)
from nada_site.site import site

logger = logging.getLogger(__name__)

EARLIEST = datetime.date(1900, 1, 1)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class SiteSearchForm(forms.Form):
    """The site search, read from the query string: every field optional."""

    q = forms.CharField(
        label=_("Search the site"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={
            "max_length": _("Please use at most %(limit_value)d characters."),
            "null_characters_not_allowed": _("The search contains characters that cannot be used."),
        },
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    type = forms.MultipleChoiceField(
        label=_("Type of content"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Please choose among the types listed.")},
    )
    date_from = forms.DateField(
        label=pgettext_lazy("date range", "From"),
        required=False,
        widget=DateInput(),
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("Enter the start date as year-month-day, e.g. 2026-01-31.")},
    )
    date_to = forms.DateField(
        label=pgettext_lazy("date range", "To"),
        required=False,
        widget=DateInput(),
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("Enter the end date as year-month-day, e.g. 2026-12-31.")},
    )

    def __init__(self, data=None, *, providers=()):
        super().__init__(data)
        self.providers = list(providers)
        self.fields["type"].choices = [(p.type, p.label) for p in self.providers]
        self.filter_names = []
        for provider in self.providers:
            for search_filter in provider.filters:
                if search_filter.name in self.fields:
                    continue
                self.filter_names.append(search_filter.name)
                self.fields[search_filter.name] = forms.ChoiceField(
                    label=search_filter.label,
                    required=False,
                    choices=self.choices_of(search_filter),
                    error_messages={"invalid_choice": _("Please choose among the options listed.")},
                )

    @staticmethod
    def choices_of(search_filter):
        """The filter's choices, read once per form however often the form reads them."""
        read = []

        def choices():
            if not read:
                read.append([("", _("Any")), *search_filter.choices()])
            return read[0]

        return choices

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        for name in ("date_from", "date_to"):
            value = cleaned.get(name)
            if value and not EARLIEST <= value <= datetime.date.today() + datetime.timedelta(3650):
                self.add_error(name, _("Please choose a date between 1900 and ten years from now."))
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The end date must be on or after the start date."))
        return cleaned

    def search_request(self):
        """What the providers are asked, or None when there is nothing usable to search for."""
        if not self.is_valid():
            return None
        query = parse_query(self.cleaned_data["q"])
        if not query:
            return None
        return SearchRequest(
            query=query,
            language=get_language(),
            date_from=self.cleaned_data.get("date_from"),
            date_to=self.cleaned_data.get("date_to"),
            filters={
                name: self.cleaned_data[name]
                for name in self.filter_names
                if self.cleaned_data.get(name)
            },
        )

    @property
    def is_narrowed(self):
        """Whether the advanced fields narrow the search (shown as a summary on the results)."""
        if not self.is_bound or not self.is_valid():
            return False
        names = ["date_from", "date_to", *self.filter_names]
        return any(self.cleaned_data.get(name) for name in names)


def reached_the_limit(results):
    """Whether a provider kept as many results as it may in some language (it found more)."""
    languages = Counter(result.match_language for result in results)
    return any(count >= RESULTS_PER_LANGUAGE for count in languages.values())


def sort_key(result, language):
    date = result.date
    if isinstance(date, datetime.datetime):
        date = date.date()
    return (result.match_language != language, -result.rank, -(date or EARLIEST).toordinal())


@method_decorator(never_cache, name="dispatch")
class SearchView(ForgivingPaginationMixin, ListView):
    """
    The site's search: every provider asked (those that know the narrowings
    chosen), the results merged, the reader's language first, then by rank
    and date; a page of them shown, with a count per type.
    """

    template_name = "search/search.html"
    context_object_name = "results"
    paginate_by = 10
    pages_keep_query = True

    def get_queryset(self):
        self.form = SiteSearchForm(self.request.GET or None, providers=site.search_providers)
        self.search = self.form.search_request()
        self.type_counts = []
        self.capped = False
        self.timed_out = False
        if self.search is None:
            return []
        chosen = set(self.form.cleaned_data["type"])
        results = []
        try:
            with bounded_time():
                for provider in site.search_providers:
                    known = {search_filter.name for search_filter in provider.filters}
                    if not set(self.search.filters) <= known:
                        continue
                    found = list(provider.search(self.search))
                    self.capped |= reached_the_limit(found)
                    self.type_counts.append((provider, len(found)))
                    if not chosen or provider.type in chosen:
                        results += found
        except OperationalError:
            # The statement timeout: a search the database could not answer in time.
            logger.warning("A search took longer than the statement timeout", exc_info=True)
            self.timed_out = True
            return []
        language = self.search.language
        return sorted(results, key=lambda result: sort_key(result, language))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, search=self.search, **kwargs)
        labels = {provider.type: provider.label for provider in site.search_providers}
        context["entries"] = [
            {"result": result, "type_label": labels[result.type]} for result in context["results"]
        ]
        context["filter_fields"] = [self.form[name] for name in self.form.filter_names]
        context["kept"] = [
            (name, value)
            for name, values in self.request.GET.lists()
            if name in self.form.fields and name != "q"
            for value in values[:20]
        ]
        context["type_links"] = self.type_links()
        context["capped"] = self.capped
        context["timed_out"] = self.timed_out
        context["query"] = self.form.cleaned_data.get("q", "") if self.form.is_bound else ""
        return context

    def type_links(self):
        """A link per type with results, and one to all, each keeping the rest of the search."""
        if self.search is None:
            return []
        base = self.request.GET.copy()
        base.pop("page", None)
        base.pop("type", None)
        chosen = set(self.form.cleaned_data["type"])
        links = [
            {
                "label": _("All types"),
                "count": sum(count for _provider, count in self.type_counts),
                "url": "?" + base.urlencode(),
                "is_current": not chosen,
            }
        ]
        for provider, count in self.type_counts:
            query = base.copy()
            query.setlist("type", [provider.type])
            links.append(
                {
                    "label": provider.label,
                    "count": count,
                    "url": "?" + query.urlencode(),
                    "is_current": chosen == {provider.type},
                }
            )
        return links


class AdvancedSearchView(SearchView):
    template_name = "search/advanced.html"
