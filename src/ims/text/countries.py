"""Country codes and names (ISO 3166-1) in Dutch and English, from pycountry and its translations.

Pure Python, the one table of country names: the gazetteer, the register and the reference data all read
it here.
"""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

# Where pycountry's official names are not what a Dutch or English reader expects.
# Usual Dutch names where pycountry's translation is official, inverted or missing.
DUTCH_NAMES: dict[str, str] = {
    "KR": "Zuid-Korea", "KP": "Noord-Korea", "US": "Verenigde Staten", "GB": "Verenigd Koninkrijk",
    "TW": "Taiwan", "SY": "Syrië", "IR": "Iran", "VE": "Venezuela", "BO": "Bolivia", "TZ": "Tanzania",
    "MD": "Moldavië", "CD": "Democratische Republiek Congo", "CG": "Congo-Brazzaville", "LA": "Laos",
    "VN": "Vietnam", "PS": "Palestina", "VA": "Vaticaanstad", "RU": "Rusland", "BY": "Belarus",
    "MK": "Noord-Macedonië", "CZ": "Tsjechië", "XK": "Kosovo", "BS": "Bahama's",
}
_EN_OVERRIDES = {
    "KR": "South Korea",
    "KP": "North Korea",
    "RU": "Russia",
    "TW": "Taiwan",
    "SY": "Syria",
    "IR": "Iran",
    "VE": "Venezuela",
    "BO": "Bolivia",
    "TZ": "Tanzania",
    "MD": "Moldova",
}

COUNTRY_CODES: tuple[str, ...] = tuple(sorted(c.alpha_2 for c in pycountry.countries))


@cache
def dutch_translation() -> gettext.NullTranslations:
    """pycountry's Dutch translation of the official ISO names."""
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"], fallback=True)


def is_country_code(code: str) -> bool:
    return code in COUNTRY_CODES


def country_name(code: str, language: str = "nl") -> str:
    """The usual name of a country in Dutch (``nl``) or English (``en``); KeyError for an unknown code."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise KeyError(code)
    if language == "nl":
        return DUTCH_NAMES.get(code) or dutch_translation().gettext(country.name)
    return _EN_OVERRIDES.get(code) or getattr(country, "common_name", None) or country.name
