"""Country codes and names (ISO 3166-1) in Dutch and English, from pycountry and its translations.

Pure Python: the register, the reference data and the text pipeline all read country names here.
"""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

# Where pycountry's official names are not what a Dutch or English reader expects.
_NL_OVERRIDES = {
    "KR": "Zuid-Korea",
    "KP": "Noord-Korea",
    "US": "Verenigde Staten",
    "TW": "Taiwan",
    "SY": "Syrië",
    "IR": "Iran",
    "VE": "Venezuela",
    "BO": "Bolivia",
    "TZ": "Tanzania",
    "MD": "Moldavië",
    "CD": "Congo (Democratische Republiek)",
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
def _dutch() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"], fallback=True)


def is_country_code(code: str) -> bool:
    return code in COUNTRY_CODES


def country_name(code: str, language: str = "nl") -> str:
    """The usual name of a country in Dutch (``nl``) or English (``en``); KeyError for an unknown code."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise KeyError(code)
    if language == "nl":
        return _NL_OVERRIDES.get(code) or _dutch().gettext(country.name)
    return _EN_OVERRIDES.get(code) or getattr(country, "common_name", None) or country.name
