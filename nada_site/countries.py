"""
Country names in the staff member's or visitor's language, from the Unicode
CLDR (through Babel), which names every country in Malay and Arabic as well
as English. django-countries keeps the list of countries and their codes;
its own names are the fallback for a code that CLDR does not name.

A CountryField takes `countries=CldrCountries`; its choices, the admin's
filters and lists, and `field.name` then read the active language. Lists are
sorted by the Unicode Collation Algorithm (pyuca, which django-countries
uses when it is installed), so Arabic sorts in Arabic order.
"""

from functools import cache

from babel import Locale, UnknownLocaleError
from django.utils.translation import get_language, override
from django_countries import Countries as BaseCountries
from django_countries import CountryTuple


@cache
def _territory_names(language):
    try:
        return Locale.parse(language, sep="-").territories
    except (UnknownLocaleError, ValueError):
        return {}


def country_name(code, language=None):
    """CLDR's name of the country `code` in `language` (the active one by default), or ""."""
    return _territory_names(language or get_language() or "en").get(code.upper(), "")


class CldrCountries(BaseCountries):
    """django-countries' list of countries, named by CLDR in the active language."""

    def translate_code(self, code, ignore_first=None):
        # One name a country: CLDR's current name, not django-countries' older ones.
        if ignore_first and code in ignore_first:
            return
        yield self.translate_pair(code)

    def translate_pair(self, code, name=None):
        cldr_name = country_name(code)
        if cldr_name:
            return CountryTuple(code, cldr_name)
        with override("en"):
            return super().translate_pair(code, name)
