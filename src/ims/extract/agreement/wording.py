"""How a text tells what happened to an instrument: signed, concluded, narrated, announced, asked for,
joined, amended, or named again. Regexes over a sentence in lower case; the other modules of the package
ask them about an instrument's window."""

from __future__ import annotations

import re

CONCLUDED = re.compile(
    r"\b(?:ondertek\w*|getekende?|tekende\w*|gesloten|sloten|sloot|afgesloten|overeengekomen|overeen"
    r"|bereikt(?:e|en)?|aangegaan|geratificeerd|ratificatie|bekrachtig\w*|aangekondigd|tot stand gekomen|handtekening"
    r"|aangesloten|toegetreden)\b"
)
# Laid down in an instrument ("werd in 2018 vastgelegd in een akkoord"): dates it, as a signing does. Not a
# sign that a treaty cited as the frame was concluded ("zoals vastgelegd in artikel 5 van het NAVO-verdrag").
LAID_DOWN = re.compile(r"\b(?:vastgelegd|bezegeld)\b")
# A finite form of signing (not the noun "ondertekening"): what makes a plan or arrangements an instrument.
SIGNED = re.compile(r"\b(?:onder)?tek(?:en|ent|ende|enden|end)\b|\bgetekend\b|\bhandtekening\b")
# A signing told in the past: the simple past or the perfect ("tekenden", "heeft ... ondertekend", "werd ...
# gesloten").
SIGNED_PAST = re.compile(
    r"\b(?:onder)?tekenden?\b|\bslo(?:ot|ten)\b|\b(?:heeft|hebben|werd|werden|is|zijn)\b[^.;]{0,80}"
    r"\b(?:ondertekend|getekend|gesloten|afgesloten|overeengekomen)\b"
)
# The signing in the perfect tense: "hebben ... getekend", "is ... ondertekend".
SIGNED_PERFECT = re.compile(r"\b(?:heeft|hebben|is|zijn)\b[^.;]{0,80}\b(?:ondertekend|getekend)\b")
# A news item narrating the signing in the simple past: the event of the day.
NARRATED = re.compile(r"\b(?:onder)?tekenden?\b|\bslo(?:ot|ten)\b|\bkwamen\b[^.]{0,80}\bovereen")
_COMING = r"\b(?:binnenkort|volgende\s+(?:week|maand)|komende\s+(?:week|maand|weken|maanden)|later\s+dit\s+jaar)\b"
ANNOUNCED = re.compile(
    r"\b(?:zal|zullen|gaan|gaat|wil|willen|voornemens|van plan|streven|streeft|beoogt|beogen|verwacht|naar verwachting"
    r"|voorzien|gepland)\b[^.]{0,80}\b(?:(?:onder)?tekenen|sluiten|aangaan|aan te gaan)\b"
    r"|\b(?:zal|zullen)\b[^.]{0,80}\b(?:onder)?tekenen\b|\b(?:wordt|worden)\b[^.]{0,60}\b(?:onder)?tekend\b"
    r"|\bin voorbereiding\b|\bwordt\s+(?:verder\s+)?gewerkt\s+aan\b|\bvoorbereid\b|\baangekondigd\b"
    r"|\bnog\s+niet\b[^.]{0,40}\b(?:onder)?tekend\b|\bter\s+ondertekening\b|\bmoet\s+nog\b"
    # in preparation: under negotiation or discussion ("onderhandelt met België over een verdrag", "wordt
    # gesproken over een vergelijkbare overeenkomst")
    r"|\bonderhandel(?:t|en|ingen|ing)\b|\bwordt\s+(?:[\w-]+\s+){0,3}?gesproken\s+over\b|\bgesprekken\s+over\b"
    # an intent to conclude ("hebben de intentie uitgesproken een verdrag te sluiten", "het voornemen ... te
    # tekenen")
    r"|\b(?:intentie|voornemen|bedoeling)\b[^.]{0,80}\bte\s+(?:sluiten|(?:onder)?tekenen)\b"
    # the present for the future, with the time still to come ("tekent volgende maand", "sluiten binnenkort")
    r"|\b(?:(?:onder)?tekent|(?:onder)?tekenen|sluit|sluiten)\b[^.]{0,60}" + _COMING + "|" + _COMING
    + r"[^.]{0,60}\b(?:(?:onder)?tekent|(?:onder)?tekenen|sluit|sluiten)\b"
)
# A signing told as earlier than the news of the day ("Eerder tekenden beide landen al een overeenkomst").
EARLIER = re.compile(r"\b(?:eerder|reeds|destijds|vroeger|indertijd|eertijds)\b")
# An instrument asked for is not one that exists or is announced: a motion's request ("verzoekt de regering,
# met België een verdrag te sluiten") or a question ("Bent u bereid een MoU te tekenen?"), when what is asked
# is to conclude it. A question about a signing that took place ("hebben ... getekend?") still reports it.
REQUEST = re.compile(r"\b(?:verzoekt|verzoeken|roept\b[^.]{0,80}\bop|draagt\b[^.]{0,80}\bop)\b")
TO_CONCLUDE = re.compile(r"\b(?:te\s+)?(?:sluiten|(?:onder)?tekenen|aangaan|aan\s+te\s+gaan)\b")
# An amendment of an instrument is an instrument of its own, of the same kind ("de wijziging van het MoU").
AMENDMENT = re.compile(
    r"\b(?:wijziging|amendement|aanvulling|addendum)(?:en)?\s+(?:van|op|bij)\s+(?:het|de|dit|deze)\s+$"
)
ACCESSION = re.compile(
    r"\b(?:in\s*(?:te\s+)?stappen|instap\w*|toe\s*(?:te\s+)?treden|toetreding|aan\s*(?:te\s+)?sluiten|aansluiting)\b"
)
DEFINITE = re.compile(r"\b(?:het|de|dit|deze|dat|die|dezelfde)\s+(?:[\w-]+\s+){0,2}$")


def requested(low: str, ends_with_question: bool, lo: int, hi: int) -> bool:
    """Whether the window asks for the instrument to be concluded (a motion's request, a question)."""
    asked = ends_with_question or bool(REQUEST.search(low))
    return asked and bool(TO_CONCLUDE.search(low, lo, hi))
