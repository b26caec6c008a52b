"""``defence_spending``: a country's defence budget figure for a year.

A sentence about defence spending ("defensie-uitgaven", "defensiebegroting", "% van het BBP") holds one
or more figures. Each figure outside brackets starts a group; the bracket after it holds its conversions
and share of GDP ("$12,5 miljard (ongeveer €11,4 miljard, 1,6% van het BBP)"): the currency stated first
counts, conversions are ignored, and figures after "in plaats van" (superseded) are dropped. A group gets
the year written just before it ("bedraagt in 2019 €4,9 miljard") or just after it ("naar 1,01% ... in
2020"), and a status from the words around it: a norm or goal is a ``target`` ("ten minste 2%", "moeten
stijgen tot", "afspraken ... om 2% te besteden"), a proposal or rise a ``planned`` figure, "bedraagt" an
``actual`` one. Increments ("groei met £1,8 miljard") and multi-year investment plans are not budgets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ims.extract.common import Needs
from ims.extract.context import DocContext, register_keywords
from ims.extract.facts import DefenceSpending
from ims.text.gazetteer import COUNTRY
from ims.text.numbers import as_json_number, find_amounts, find_percentages

KEYWORDS = register_keywords(
    "defensie-uitgaven", "defensieuitgaven", "defensiebegroting", "defensiebudget", "bbp",
    "bruto binnenlands product", "aan defensie", "defence budget", "defence spending", "gdp",
)
_GDP = Needs(r"\b(?:bbp|bruto binnenlands product|gdp)\b", ("bbp", "bruto binnenlands product", "gdp"))
_SUPERSEDED = re.compile(r"in plaats van")
_INCREMENT = re.compile(r"\b(?:groei\w*|toename|verhoging|stijging|extra|aanvullend\w*)\b[^.]{0,40}\bmet\s*$")
_NOT_A_BUDGET = re.compile(r"\b(?:investeren|investering\w*|komende \w+ jaar|over \w+ jaar|materieel)\b")
_TARGET = re.compile(
    r"\b(?:ten ?minste|minimaal|norm|doelstelling\w*|streef\w*|streven|doel|moet(?:en)?"
    r"|afspra\w*|afgesproken|toegezegd|tegen \d{4})\b"
)
_PLANNED = re.compile(
    r"\b(?:voorstel|voorziet|begroot|raming|gepland|verhog\w*|stijgt|stijgen|groeit"
    r"|zal|zullen|plan)\b"
)
_ACTUAL = re.compile(r"\b(?:bedraagt|bedragen|bedroeg(?:en)?|besteedt|besteden|besteedde|uitgegeven|gaf)\b")
_YEAR_AFTER = re.compile(r"^\s*(?:in|voor|tegen|per)\s+(\d{4})(?:\s*(?:en|,)\s*(\d{4}))?\b")
_YEAR_REACH = 30  # a year written more than this before a figure belongs to something else
_BRACKET = re.compile(r"[()]")


@dataclass
class _Group:
    start: int
    end: int  # end of the figure and of the bracket that follows it
    amount: Decimal | None
    currency: str | None
    pct: Decimal | None


def _brackets(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if "(" not in text:
        return spans
    stack = []
    for m in _BRACKET.finditer(text):  # only the brackets, not every character
        k = m.start()
        if text[k] == "(":
            stack.append(k)
        elif stack:
            start = stack.pop()
            if not stack:
                spans.append((start, k + 1))
    return spans


def _groups(text: str, low: str) -> list[_Group]:
    brackets = _brackets(text)
    gdp = bool(_GDP.search(low))
    values = [(a.start, a.end, a, None) for a in find_amounts(text)]
    if gdp:
        values += [(p.start, p.end, None, p) for p in find_percentages(text)]
    values.sort(key=lambda v: v[0])
    groups: list[_Group] = []
    for start, end, amount, pct in values:
        inside = next(((a, b) for a, b in brackets if a < start < b), None)
        if inside:  # a conversion or share of GDP of the figure before the bracket
            owner = groups[-1] if groups and groups[-1].end >= inside[0] - 1 else None
            superseded = _SUPERSEDED.search(low, inside[0], start)
            if owner and pct is not None and owner.pct is None and not superseded:
                owner.pct = pct.value
            continue
        if amount is not None and (
            _INCREMENT.search(low, max(0, start - 60), start)
            or _NOT_A_BUDGET.search(low, end, _clause_end(low, end))
        ):
            continue
        bracket_end = next((b for a, b in brackets if a >= end and not text[end:a].strip()), end)
        groups.append(
            _Group(
                start,
                bracket_end,
                amount.value if amount else None,
                amount.currency if amount else None,
                pct.value if pct else None,
            )
        )
    return groups


def _clause_end(low: str, pos: int) -> int:
    m = re.search(r"[.;]|\s(?:en|maar)\s", low[pos:])
    return pos + m.start() if m else len(low)


def _status(window: str) -> str | None:
    for pattern, status in ((_TARGET, "target"), (_PLANNED, "planned"), (_ACTUAL, "actual")):
        if pattern.search(window):
            return status
    return None


def _partner(doc: DocContext, i: int, start: int) -> tuple[str | None, float]:
    """The country a figure belongs to: the nearest one named before it, else after it, else in context."""
    named = [m for m in doc.mentions(i) if m.kind == COUNTRY]
    before = [m for m in named if m.start < start]
    if before or named:
        return (before[-1] if before else named[0]).id, 0.85
    context = doc.discourse_countries(i)
    return (context[0], 0.65) if context else (None, 0.0)


def _facts_in(doc: DocContext, i: int) -> list[DefenceSpending]:
    text, low = doc.sentences[i].text, doc.lower(i)
    groups = _groups(text, low)
    if not groups:
        return []
    years = doc.dates(i)
    claimed: set[int] = set()
    out, previous_status, previous_end = [], None, 0
    for g in groups:
        after = _YEAR_AFTER.match(text[g.end :])
        if after:
            group_years = [int(y) for y in after.groups() if y]
            claimed.update(k for k, d in enumerate(years) if g.end <= d.start <= g.end + after.end())
        else:
            near = [
                (k, d)
                for k, d in enumerate(years)
                if previous_end <= d.start
                and d.end <= g.start
                and g.start - d.end <= _YEAR_REACH
                and k not in claimed
            ]
            group_years = [near[-1][1].value.year] if near else []
        status = (
            _status(low[previous_end : g.start])
            or _status(low[g.end : _clause_end(low, g.end)])
            or previous_status
            or _status(low)
            or "actual"
        )
        previous_status, previous_end = status, g.end
        partner, confidence = _partner(doc, i, g.start)
        if partner is None:
            continue
        if not group_years:
            group_years = [doc.year if status == "actual" else None]
        for year in group_years:
            final = "planned" if status == "actual" and year and doc.year and year > doc.year else status
            out.append(
                DefenceSpending(
                    doc=doc.name,
                    doc_date=doc.doc_date,
                    evidence=doc.evidence(i),
                    confidence=confidence,
                    partner=partner,
                    year=year,
                    amount=as_json_number(g.amount),
                    currency=g.currency,
                    pct_gdp=float(g.pct) if g.pct is not None else None,
                    status=final,
                )
            )
    return out


def extract(doc: DocContext) -> list[DefenceSpending]:
    facts: dict[tuple[str, int | None, str], DefenceSpending] = {}
    for i in doc.candidates(KEYWORDS):
        for fact in _facts_in(doc, i):
            facts.setdefault((fact.partner, fact.year, fact.status), fact)
    return list(facts.values())
