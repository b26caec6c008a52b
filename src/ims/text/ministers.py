"""Ministers of Defence by name (``data/ministers.json``): whose minister signs when a text gives only the
name ("Minister Vandeput tekende een intentieverklaring").

Names are matched as written (case matters: "Hagel" the minister, "hagel" the weather), as whole words.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources


@cache
def minister_list() -> dict:
    """The list as stored, with its source and date."""
    return json.loads((resources.files("ims.text") / "data" / "ministers.json").read_text(encoding="utf-8"))


@cache
def _by_form() -> tuple[dict[str, str], re.Pattern[str]]:
    countries: dict[str, str] = {}
    for entry in minister_list()["entries"]:
        for form in (entry["name"], *entry["aliases"]):
            countries[form] = entry["country"]
    alternatives = "|".join(re.escape(form) for form in sorted(countries, key=len, reverse=True))
    return countries, re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def ministers_in(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """(position, country code) of each minister ``text`` names between ``start`` and ``end``."""
    countries, pattern = _by_form()
    end = len(text) if end is None else end
    return [(m.start(), countries[m.group()]) for m in pattern.finditer(text, start, end)]
