"""Country codes (ISO 3166-1, from pycountry) and country names in Dutch and English.

Pure Python. The names people read (the register, the reference data, the pages) are CLDR's, through Babel:
the names a Dutch or English reader expects ("Georgië", "Verenigd Koninkrijk"). The gazetteer, which finds
countries in letters, reads pycountry's official names and the usual forms below for matching.
"""

from __future__ import annotations

import gettext
from functools import cache

import pycountry
from babel import Locale

# For the gazetteer's matching: usual Dutch names where pycountry's translation is official, inverted or missing.
DUTCH_NAMES: dict[str, str] = {
    "KR": "Zuid-Korea", "KP": "Noord-Korea", "US": "Verenigde Staten", "GB": "Verenigd Koninkrijk",
    "TW": "Taiwan", "SY": "Syrië", "IR": "Iran", "VE": "Venezuela", "BO": "Bolivia", "TZ": "Tanzania",
    "MD": "Moldavië", "CD": "Democratische Republiek Congo", "CG": "Congo-Brazzaville", "LA": "Laos",
    "VN": "Vietnam", "PS": "Palestina", "VA": "Vaticaanstad", "RU": "Rusland", "BY": "Belarus",
    "MK": "Noord-Macedonië", "CZ": "Tsjechië", "XK": "Kosovo", "BS": "Bahama's",
}

COUNTRY_CODES: tuple[str, ...] = tuple(sorted(c.alpha_2 for c in pycountry.countries))


@cache
def dutch_translation() -> gettext.NullTranslations:
    """pycountry's Dutch translation of the official ISO names."""
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"], fallback=True)


def is_country_code(code: str) -> bool:
    return code in COUNTRY_CODES


@cache
def _territories(language: str) -> dict[str, str]:
    return dict(Locale.parse(language).territories)


def country_name(code: str, language: str = "nl") -> str:
    """The name of a country as CLDR gives it in Dutch (``nl``) or English (``en``); KeyError for an unknown code."""
    if code not in COUNTRY_CODES:
        raise KeyError(code)
    return _territories(language)[code]


def alpha2_for(code: str) -> str | None:
    """The alpha-2 code of a country given by its alpha-3 code in any case (``deu`` -> ``DE``), else None."""
    country = pycountry.countries.get(alpha_3=code.upper()) if len(code) == 3 and code.isalpha() else None
    return country.alpha_2 if country is not None else None
