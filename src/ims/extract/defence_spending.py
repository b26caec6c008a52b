"""``defence_spending``: a country's defence budget figure for a year.

A sentence about defence spending ("defensie-uitgaven", "defensiebegroting", "% van het bbp", "de
NAVO-norm") holds one or more figures. Each figure outside brackets starts a group; the bracket after it
holds its conversions and share of GDP ("$12,5 miljard (ongeveer €11,4 miljard, 1,6% van het BBP)"): the
currency stated first counts, conversions are ignored, and figures after "in plaats van" (superseded) are
dropped. A bracket right after a country's name is that country's own figure ("Polen (4,5 procent),
Litouwen (4 procent)"). In news, ranking sentences follow the sentence that sets the scene ("... van het
bbp"): a share written without "bbp" counts in the three sentences after one that speaks of GDP or the
norm, when it is of the size of a share of GDP.

Whose figure: the country named nearest before it (the subject in Dutch word order, "gevolgd door de
Verenigde Staten met 3,46 procent"), not a country coordinated with a group ("de Europese NAVO-landen en
Canada": the figure is the group's); "ons land" and "onze zuiderburen" are read from the text's voice
(a Belgian text that says "ons land" means Belgium). Else the country after it, else the country the
paragraph is about.

Which year: the one written next to the figure ("bedraagt in 2019", "naar 1,01% ... in 2020", "dit jaar",
"tegen 2035", "naar 1,5 procent van het bbp in 2024"), else the one that ends its clause ("wil 2 procent ...
uitgeven vanaf 2024"); in "een stijging van 1,3 naar 2,02 procent" the first figure is the year before,
in "van 1,1 procent vandaag naar ..." the year of the text. A share in apposition to an amount ("8,6
miljard euro, ofwel 1,2 procent van het bbp") is the same figure. A figure
with no year is the document's year, or the year before it where the text reports NATO's annual report
(published in spring about the year past). A norm's year may come from the next sentence when that one
takes it up ("De nieuwe doelstelling ... tegen 2035").

Which status (never across a semicolon; a norm held up as a yardstick, "blijft onder de NAVO-norm", is no
goal): a norm or goal is a ``target`` ("ten minste 2%", "moeten stijgen tot", "de norm van 3,5
procent"), a national proposal or plan a ``planned`` figure ("voorstel", "van plan ... te halen", a rise in
a later year, a country's own aim for a later year: "streeft naar een groeipad tot ... in 2030"), what is spent
now ``actual``; a rise in the current year reported by figures is ``actual``.
Not budgets: growth rates ("verhoogt zijn budget met 57,4 procent"), increments ("groei met £1,8
miljard", "miljarden extra"), multi-year investment plans, group totals ("in totaal").

A share of GDP need not say "bbp": one held against the NATO norm, a level the spending reaches or starts
from ("de defensie-uitgaven stijgen van 1,2 procent in 2029 naar 1,5 procent"), the idiom "X procent aan
defensie uitgeven", a share in brackets after what is spent ("De defensie-uitgaven (3,5 procent van het
bbp)"). A country's own goal without a year ("Zweden zal ... verhogen tot 2 procent", "gaat voortaan
jaarlijks 2 procent besteden") is a target, year null; someone else's wish for it ("Trump wil dat
Duitsland ...") is none. The one year of a heading or lead sentence scopes over the ranking list after it; a
year before the first figure of a sentence scopes over the figures it enumerates ("in 2030 België 1,3%,
Luxemburg 0,7% en ..."), where they are reported ones, not the parts of a goal for a later year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from ims.extract.common import Needs, text_voice
from ims.extract.context import Cue, DocContext, register_keywords
from ims.extract.facts import DefenceSpending, Evidence
from ims.text.gazetteer import COUNTRY
from ims.text.numbers import Amount, Percentage, as_json_number, find_amounts, find_percentages

KEYWORDS = register_keywords(
    "defensie-uitgaven", "defensieuitgaven", "defensiebegroting", "defensiebudget", "defensie-budget",
    "defensie-begroting", "militaire uitgaven", "uitgaven aan defensie", "bbp", "bnp",
    "bruto binnenlands product", "bruto nationaal product", "aan defensie", "defence budget",
    "defence spending", "gdp", "uit voor defensie", "voor defensie uit", "navo-norm", "navonorm", "procentnorm",
    "procentsnorm", "bestedingsnorm", "%-norm",
)
_GDP = Needs(
    r"\b(?:bbp|bnp|bruto (?:binnenlands|nationaal) product|gdp)\b",
    ("bbp", "bnp", "bruto binnenlands product", "bruto nationaal product", "gdp"),
)
# A norm for defence spending is a share of GDP: a percentage held against it is one ("Estland zit met 3,4
# procent ruim boven de NAVO-norm"), though the sentence does not say "bbp".
_SPENDING_NORM = re.compile(r"\b(?:navo-?norm\w*|\w*procents?-?norm\w*|\d+(?:,\d+)?\s?%-?norm\w*|bestedingsnorm\w*)")
# A sentence that sets the scene for the ranking sentences after it.
_SCENE = re.compile(
    r"\b(?:bbp|bnp|bruto (?:binnenlands|nationaal) product|gdp|\w*norm|defensie-?uitgaven|aan defensie"
    r"|uit voor defensie|militaire uitgaven|defensie-?(?:begroting|budget))\b"
)
_SCENE_REACH = 3  # sentences after a scene-setting one whose bare shares still count
_MAX_SHARE = Decimal(8)  # no country spends more of its GDP on defence: a bigger percentage is of something else
_NORM = Needs(r"\b(?:de|deze)\s+(?:\w+\s+)?([\w%-]*norm)\b", ("norm",))
# "de tweeprocentsnorm", "de 2%-norm": a norm that says its own value.
_NORM_VALUE = re.compile(r"^(?:navo-?)?(\d+(?:,\d+)?|een|twee|drie|vier|vijf)\s?(?:%|-?procent)s?-?norm$")
_NUMBER_WORDS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5}
_REACHES = re.compile(r"\b(?:hal\w*|haalt|bereik\w*|voldoe\w*|voldaan)\b")
# "20 procent van de defensie-uitgaven": a share of something else than GDP.
_OF_OTHER = re.compile(
    r"^\s*(?:van\s+(?:de|het|hun|zijn|haar)\s+(?:defensie-?\w*|\w*begroting|\w*budget|uitgaven)|op\b)"
)
_SUPERSEDED = re.compile(r"in plaats van")
_SPENDING_NOUN = re.compile(
    r"\b(?:defensie-?(?:uitgaven|begroting|budget)|militaire\s+uitgaven|uitgaven\s+aan\s+defensie)\b"
)
# "X procent aan defensie uitgeven/besteden" (in any order of verb and share): the idiom of a share of GDP.
_SPEND_VERB = re.compile(
    r"\b(?:(?:uit)?(?:geeft|geven|gaf|gaven|gegeven)|besteedt?|besteden|besteedde|besteedden)\b"
)
_ON_DEFENCE_AFTER = re.compile(r"[^.;]{0,40}?\b(?:aan|voor)\s+defensie\b")  # used with match() after the share
_LEVEL_BEFORE = re.compile(
    r"\b(?:naar|tot|op|van|bedraagt|bedragen|bedroeg|bedroegen)\s+(?:ruim\s+|bijna\s+|circa\s+|ongeveer\s+|zo'n\s+)?$"
)
# What is spent, right before a bracket: "de defensie-uitgaven (...)", "het defensiebudget (...)".
_SPENT_BEFORE = re.compile(
    r"(?:defensie-?(?:uitgaven|begroting|budget)|militaire\s+uitgaven|uitgaven\s+aan\s+defensie)\s*$"
)
# The same figure said again as a share, in apposition: "8,6 miljard euro, ofwel 1,2 procent van het bbp".
_APPOSITION = re.compile(
    r"\s*,?\s*(?:ofwel|oftewel|ofte|of|dat\s+is|wat\s+neerkomt\s+op|goed\s+voor)\s+"
    r"(?:ruim\s+|bijna\s+|ongeveer\s+|circa\s+|zo'n\s+)?"
)
_INCREMENT = re.compile(r"\b(?:groei\w*|toename|verhoging|stijging|extra|aanvullend\w*)\b[^.]{0,40}\bmet\s*$")
_GROWTH = re.compile(r"\b(?:verhoog\w*|stijg\w*|steeg|stegen|groei\w*|toename|neemt\b[^.]{0,30}\btoe|dal\w*|daling)\b")
_WITH = re.compile(r"\bmet\s+(?:ruim\s+|bijna\s+|ongeveer\s+|circa\s+)?$")
_FROM_TO = re.compile(r"\bvan\s+$")
_TO_AFTER = re.compile(
    r"^\s*(?:procent\s+|%\s*)?(?:van\s+(?:het|zijn|hun|haar)\s+(?:bbp|bnp)\s+)?"
    r"(?:(?P<now>vandaag|nu|momenteel|dit\s+jaar)\s+)?(?:naar|tot)\s+"
)
_NOT_A_BUDGET = re.compile(
    r"\b(?:investeren|investering\w*|komende \w+ jaar|over \w+ jaar|materieel|toe(?: te)? ?voeg\w*|toegevoegd"
    r"|extra|erbij|bovenop)\b"
)
# "een stijging van 1,3 naar 2,02 procent": the first number is a percentage too.
_FROM_TO_PCT = re.compile(r"\bvan\s+(\d+(?:,\d+)?)\s+(?:naar|tot)\s+\d+(?:,\d+)?\s?(?:%|procent\b)")
_BUDGET_TITLE = re.compile(r"\bbegroting\w*\s+(?:\w+\s+){0,3}?(\d{4})\b")
_TOTAL = re.compile(r"\bin totaal\b")
_GROUP_BEFORE = re.compile(
    r"(?:landen|lidstaten|bondgenoten|europa|partners|staten)\s*(?:,\s*|\s+)(?:en|of)\s+(?:het\s+|de\s+)?$"
)
# A sentence that takes up the figure of the one before: "Dit jaar is dat 0,92 procent", "Daarmee ...".
_TAKES_UP_FIGURE = re.compile(
    r"^(?:[\w\s]{0,20}\b)?(?:dat|dit|daarmee|hiermee|daarna|daarvan)\b(?!\s+\w+\s+(?:landen|lidstaten))"
)
_GROUP = re.compile(r"\b(?:bondgenoten|lidstaten|\w*landen|bondgenootschap)\b")
_TARGET = re.compile(
    r"\b(?:ten ?minste|minimaal|minstens|norm\w*|doelstelling\w*|streef\w*|streven|doel|moet(?:en)?"
    r"|afspra\w*|afgesproken|toegezegd)\b"
)
# "gaan" as the future: with a verb of spending or rising ("gaat 2 procent uitgeven"), not "gaat naar defensie".
_GOING_TO = (
    r"\bga(?:at|an)\b[^.;]{0,80}\b(?:uitgeven|uit\s+te\s+geven|besteden|investeren|verhogen|halen|bereiken"
    r"|stijgen|groeien)\b"
)
_PLANNED = re.compile(
    r"\b(?:voorstel|voorziet|begroot|raming|gepland|verhog\w*|stijgt|stijgen|groeit|zal|zullen|plan\w*"
    r"|van plan|wil|willen|voortaan|jaarlijks|structureel)\b|" + _GOING_TO
)
_GOING_TO_RE = re.compile(_GOING_TO)
# A country's own aim ("streeft naar", "heeft als doel"), which for a later year is its plan (the conventions:
# "streeft naar een groeipad tot 1,24% in 2025" is planned) -- unless the words are of a norm held in common.
_NATIONAL_AIM = re.compile(r"\b(?:stree(?:ft|fde)|streven|streefde|als\s+doel|doelstelling)\b")
_COMMON_NORM = re.compile(
    r"\b(?:norm\w*|navo|nato|bondgeno\w*|lidstaten|ten ?minste|minimaal|minstens|afspra\w*|afgesproken|toegezegd)\b"
    r"|\w*norm\b"
)
# A country's own intent, in its own clause: the verb of the future or of wanting ("zal ... besteden",
# "wil ... uitgeven", "gaat voortaan ... investeren"), or a standing rule ("jaarlijks", "voortaan").
_OWN_INTENT = re.compile(
    r"\b(?:zal|zullen|wil|willen|voortaan|jaarlijks|structureel|elk\s+jaar|ieder\s+jaar)\b|" + _GOING_TO
)
_PLAN_WORDS = re.compile(r"\b(?:voorstel|voorziet|begroot|raming|gepland|plan\w*)\b")
_ACTUAL = re.compile(r"\b(?:bedraagt|bedragen|bedroeg(?:en)?|besteedt|besteden|besteedde|uitgegeven|gaf|zit)\b")
_YEAR_AFTER = re.compile(
    r"^\s*(?:procent\s+|%\s*)?(?:van\s+(?:het|hun|zijn|haar)\s+(?:bbp|bnp|bruto\s+(?:binnenlands|nationaal)\s+product)\s+)?"
    r"(?:in|voor|tegen|per|vanaf|uiterlijk in|over)\s+(\d{4})"
    r"(?:\s*(?:en|,)\s*(\d{4}))?\b"
)
_CLAUSE_YEAR = re.compile(r"\b(?:vanaf|tegen|in|per|uiterlijk)\s+$")
_YEAR_REACH = 30  # a year written more than this before a figure belongs to something else
# A time that opens the sentence scopes over it: "In 2020 ...", "Volgend jaar ...", "Dit jaar ...".
_OPENING_TIME = re.compile(r"^\s*(?:(?:in|tegen|vanaf|per|voor|over)\s+)?$", re.IGNORECASE)
_BRACKET = re.compile(r"[()]")
_NEXT_TAKES_UP = re.compile(r"^(?:de|deze|die)\s+(?:\w+\s+)?(?:norm|doelstelling|afspraak|ambitie)\b")
_NEXT_YEAR = re.compile(r"\b(?:tegen|in|vanaf|uiterlijk in)\s+(\d{4})\b")
# The text's voice: "ons land" and the neighbours, for a Dutch and a Belgian text.
_OUR_COUNTRY = Needs(r"\bons land\b|\bonze (?:zuider|noorder|ooster)buren\b", ("ons land", "buren"))
_NEIGHBOURS = {"NL": {"zuider": "BE", "ooster": "DE"}, "BE": {"noorder": "NL", "zuider": "FR", "ooster": "DE"}}
# How sure each rule is of a figure whose country is named just before it, with a year written at it. A
# figure in a sentence about spending, or a country's own bracket, is read as written; a share in a ranking
# sentence rests on the sentence before; a norm reached, a budget debate's year rest on inference.
_BASE_CONFIDENCE = {
    "spending.share": 0.9, "spending.amount": 0.9, "spending.country_bracket": 0.9, "spending.ranking": 0.75,
    "spending.rise_from": 0.8, "spending.norm_reached": 0.6, "spending.budget_debate": 0.5,
}
_ANNUAL_REPORT = ("jaarverslag", "jaarrapport", "annual report")
_REPORTS = re.compile(r"\b(?:volgens|uit)\b[^.]{0,40}\b(?:cijfers|schatting\w*|jaarverslag|rapport)\b")


@dataclass
class _Group:
    start: int
    end: int  # end of the figure and of the bracket that follows it
    amount: Decimal | None
    currency: str | None
    pct: Decimal | None
    owner: str | None = None  # the country whose bracket this is ("Polen (4,5 procent)")
    norm: bool = False  # "de NAVO-norm" without a figure: the norm's value


@dataclass
class _Found:
    partner: str
    year: int | None
    status: str
    amount: Decimal | None
    currency: str | None
    pct: Decimal | None
    evidence: Evidence
    confidence: float
    rule: str


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


def _country_before_bracket(doc: DocContext, i: int, bracket_start: int) -> str | None:
    text = doc.sentences[i].text
    for m in doc.mentions(i):
        if m.kind == COUNTRY and m.end <= bracket_start and not text[m.end : bracket_start].strip():
            return m.id
    return None


def _growth_rate(low: str, start: int, end: int) -> bool:
    """ "verhoogt België dit jaar zijn defensiebudget met 57,4 procent": a rate of change, not a share."""
    if not _WITH.search(low, max(0, start - 30), start):
        return False
    if _GDP.search(low[end : end + 30]):
        return False
    return bool(_GROWTH.search(low, max(0, start - 120), start))


def _groups(doc: DocContext, i: int, shares: bool) -> list[_Group]:
    """The figures of sentence ``i``; ``shares``: whether its percentages are shares of GDP."""
    text, low = doc.sentences[i].text, doc.lower(i)
    brackets = _brackets(text)
    values: list[tuple[int, int, Amount | None, Percentage | None]] = [
        (a.start, a.end, a, None) for a in find_amounts(text)
    ]
    spent_on_defence = "defensie" in low and bool(_SPEND_VERB.search(low))
    if not shares and (_SPENDING_NOUN.search(low) or spent_on_defence):
        # Without "bbp" a percentage of what is spent on defence is a share of GDP where it is a level the
        # spending reaches or starts from ("de defensie-uitgaven stijgen van 1,2 procent in 2029 naar 1,5
        # procent"), not a rate of change ("stijgen dit jaar 3 procent") nor a part of something else.
        values += [
            (p.start, p.end, None, p) for p in find_percentages(text)
            if _LEVEL_BEFORE.search(low, max(0, p.start - 30), p.start)
            or (spent_on_defence and _ON_DEFENCE_AFTER.match(low, p.end))
        ]
    if shares:
        values += [(p.start, p.end, None, p) for p in find_percentages(text)]
        if "naar" in low or " tot " in low:
            values += [
                (m.start(1), m.end(1), None, Percentage(Decimal(m.group(1).replace(",", ".")), m.start(1), m.end(1)))
                for m in _FROM_TO_PCT.finditer(low)
            ]
    values.sort(key=lambda v: v[0])
    groups: list[_Group] = []
    for start, end, amount, pct in values:
        if pct is not None and (_growth_rate(low, start, end) or _OF_OTHER.match(low[end:])):
            continue
        inside = next(((a, b) for a, b in brackets if a < start < b), None)
        owner = _country_before_bracket(doc, i, inside[0]) if inside else None
        group = groups[-1] if inside and groups and groups[-1].end >= inside[0] - 1 else None
        own_share = group is None and pct is not None and inside and _SPENT_BEFORE.search(low, 0, inside[0])
        if inside and owner is None and not own_share:
            # a conversion or share of GDP of the figure before the bracket
            superseded = _SUPERSEDED.search(low, inside[0], start)
            if group and pct is not None and group.pct is None and not superseded:
                group.pct = pct.value
            continue
        # else a share in brackets right after what is spent, no figure before it: "De Amerikaanse
        # defensie-uitgaven (3,5 procent van het bbp) zijn de hoogste" gives the figure itself
        if _SUPERSEDED.search(low, max(0, start - 20), start):
            continue
        last = groups[-1] if groups else None
        if (
            pct is not None and last is not None and last.amount is not None and last.pct is None
            and _APPOSITION.fullmatch(low, last.end, start)
        ):
            last.pct, last.end = pct.value, end
            continue
        if amount is not None and (
            _INCREMENT.search(low, max(0, start - 60), start)
            or _NOT_A_BUDGET.search(low, end, _clause_end(low, end))
            or _TOTAL.search(low, max(0, start - 60), start)
            or (amount.approximate and groups)  # "ongeveer €..." after a figure: a conversion
        ):
            continue
        if pct is not None and not (Decimal("0.1") <= pct.value <= _MAX_SHARE):
            continue
        bracket_end = next((b for a, b in brackets if a >= end and not text[end:a].strip()), end)
        groups.append(
            _Group(
                start,
                inside[1] if inside else bracket_end,
                amount.value if amount else None,
                amount.currency if amount else None,
                pct.value if pct else None,
                owner,
            )
        )
    return groups


def _norm_groups(doc: DocContext, i: int, groups: list[_Group]) -> list[_Group]:
    """ "volgend jaar haalt ons land de NAVO-norm": the norm's value, for a country that will reach it."""
    low = doc.lower(i)
    out = []
    for m in _NORM.finditer(low):
        if any(g.start - 40 <= m.start() < g.end + 40 for g in groups) or not _REACHES.search(low):
            continue  # the norm is given with its figure ("de norm van 3,5 procent")
        own = _NORM_VALUE.match(m.group(1))
        value = None
        if own:
            word = own.group(1)
            value = Decimal(_NUMBER_WORDS[word]) if word in _NUMBER_WORDS else Decimal(word.replace(",", "."))
        out.append(_Group(m.start(), m.end(), None, None, value, norm=True))
    return out


def _clause_end(low: str, pos: int) -> int:
    m = re.search(r"[.;]|\s(?:en|maar)\s", low[pos:])
    return pos + m.start() if m else len(low)


def _semicolon_clause(low: str, pos: int) -> str:
    """The part of the sentence between semicolons that holds ``pos``: a clause of its own."""
    end = low.find(";", pos)
    return low[low.rfind(";", 0, pos) + 1 : end if end >= 0 else len(low)]


def _clause_start(low: str, pos: int) -> int:
    cut = max(low.rfind(",", 0, pos), low.rfind(";", 0, pos), low.rfind(":", 0, pos))
    return cut + 1


# A norm as the yardstick a figure is held against ("blijft ver onder de NAVO-norm", "meer dan de norm"):
# it says what the figure is not, so it makes the figure no target.
_MEASURED_AGAINST = re.compile(r"\b(?:onder|boven|dan|onder\s+aan)\s+(?:de\s+|het\s+|die\s+|deze\s+)?[\w%-]*norm\w*")


def _status(window: str) -> str | None:
    window = _MEASURED_AGAINST.sub(" ", window) if "norm" in window else window
    for pattern, status in ((_TARGET, "target"), (_PLANNED, "planned"), (_ACTUAL, "actual")):
        if pattern.search(window):
            return status
    return None


def _pronoun_countries(doc: DocContext, i: int) -> list[tuple[int, str]]:
    """(position, country) of "ons land" and "onze zuiderburen" in sentence ``i``."""
    low = doc.lower(i)
    found = []
    for m in _OUR_COUNTRY.finditer(low):
        voice = text_voice(doc)
        if m.group() == "ons land":
            found.append((m.start(), voice))
        else:
            side = m.group().split()[1].removesuffix("buren")
            code = _NEIGHBOURS.get(voice, {}).get(side)
            if code:
                found.append((m.start(), code))
    return found


def _partner(doc: DocContext, i: int, g: _Group) -> tuple[str | None, float, bool]:
    """The country a figure belongs to, how much less sure than a country named just before the figure
    (a confidence adjustment), and whether the sentence itself names it."""
    if g.owner:
        return g.owner, 0.0, True
    low = doc.lower(i)
    named: list[tuple[int, str]] = [(m.start, m.id) for m in doc.mentions(i) if m.kind == COUNTRY]
    named += _pronoun_countries(doc, i)
    named.sort()
    before = [n for n in named if n[0] < g.start]
    if before:
        pos, code = before[-1]
        if _GROUP_BEFORE.search(low, max(0, pos - 40), pos):
            return None, 0.0, True  # "de Europese NAVO-landen en Canada": the group's figure
        if _GROUP.search(low, pos, g.start):
            return None, 0.0, True  # "de Amerikaanse president eist dat alle bondgenoten 2 procent ..."
        near = g.start - pos < 120 and pos >= _clause_start(low, g.start) - 60
        return code, 0.0 if near else -0.15, True
    if named:
        pos, code = named[0]
        if _GROUP_BEFORE.search(low, max(0, pos - 40), pos):
            return None, 0.0, True  # "... 2 procent van de Europese NAVO-landen en Canada": the group's
        if _GROUP.search(low, _clause_start(low, g.start), g.start):
            return None, 0.0, True  # "dat bondgenoten ten minste 2 procent ...; Duitsland ...": the group's
        return code, -0.1, True
    if _TAKES_UP_FIGURE.match(low) and i > 0 and not doc.sentences[i - 1].heading:
        # "Dit jaar is dat 0,92 procent": the one country of the sentence before, the Netherlands too
        previous = list(doc.countries(i - 1, foreign=False))
        previous += [code for _, code in _pronoun_countries(doc, i - 1) if code not in previous]
        if len(previous) == 1:
            return previous[0], -0.1, True
    context = doc.discourse_countries(i, window=2)
    if context:
        return context[0], -0.2, False
    if _GROUP.search(low):
        return None, 0.0, False  # "de bondgenoten spraken af ...": the alliance's norm, nobody's own figure
    # No country anywhere near: a figure of the text's own country ("de investeringen blijven steken op
    # 1,3% van het bnp", said in the Dutch parliament).
    return text_voice(doc), -0.3, False


def _explicit_years(doc: DocContext, i: int, g: _Group, previous_end: int, claimed: set[int]) -> list[int]:
    """The years written next to the figure: right after it ("in 2020 en 2021") or just before it."""
    text = doc.sentences[i].text
    years = doc.dates(i)
    after = _YEAR_AFTER.match(text[g.end :])
    if after and not any(g.end <= d.start < g.end + after.start(1) for d in years if d.end - d.start > 4):
        claimed.update(k for k, d in enumerate(years) if g.end <= d.start <= g.end + after.end())
        return [int(y) for y in after.groups() if y]
    near = [
        (k, d)
        for k, d in enumerate(years)
        if previous_end <= d.start and d.end <= g.start and g.start - d.end <= _YEAR_REACH and k not in claimed
    ]
    if near:
        claimed.add(near[-1][0])
        return [near[-1][1].value.year]
    relative = [
        (k, d)
        for k, d in enumerate(years)
        if k not in claimed and text.endswith("jaar", d.start, d.end) and g.end <= d.start <= g.end + _YEAR_REACH
    ]  # "2 procent dit jaar"
    if relative:
        claimed.add(relative[0][0])
        return [relative[0][1].value.year]
    opening = [(k, d) for k, d in enumerate(years) if k not in claimed and _OPENING_TIME.match(text[: d.start])]
    if opening and opening[0][1].end <= g.start:  # "Volgend jaar bedragen de uitgaven ... 2,2 procent"
        return [opening[0][1].value.year]
    # The verb's own time at the end of its clause: "wil 2 procent van het bbp aan defensie uitgeven vanaf 2024".
    low = doc.lower(i)
    end = _clause_end(low, g.end)
    closing = [
        (k, d) for k, d in enumerate(years)
        if k not in claimed and g.end <= d.start < end and _CLAUSE_YEAR.search(low, max(g.end, d.start - 8), d.start)
    ]
    if len(closing) == 1:
        claimed.add(closing[0][0])
        return [closing[0][1].value.year]
    return []


def _default_year(doc: DocContext) -> int | None:
    """The year of a figure that states none: the document's, or the year before where the text reports
    NATO's annual report (published in spring, about the year past)."""
    if doc.year is None:
        return None
    if any(doc.find(word) for word in _ANNUAL_REPORT):
        return doc.year - 1
    return doc.year


def _next_sentence_year(doc: DocContext, i: int) -> int | None:
    """ "De nieuwe doelstelling maakt deel uit van een afspraak om tegen 2035 ...": the year of a norm
    given in one of the two sentences after it that takes it up."""
    for j in (i + 1, i + 2):
        if j >= len(doc.sentences) or doc.sentences[j].heading:
            return None
        low = doc.lower(j)
        if _NEXT_TAKES_UP.match(low):
            m = _NEXT_YEAR.search(low)
            return int(m.group(1)) if m else None
    return None


def _norm_value(doc: DocContext) -> Decimal:
    """The share of GDP the text calls the norm (the NATO 2% where it gives none)."""
    key = ("norm_value",)
    value = doc.memo.get(key)
    if value is None:
        value = Decimal(2)
        for i in doc.candidates(("norm",)):
            if doc.search(_NORM_DEFINED, i):
                pcts = find_percentages(doc.sentences[i].text)
                if pcts:
                    value = pcts[0].value
                    break
        doc.memo[key] = value
    return value  # type: ignore[return-value]


_NORM_DEFINED = Cue(
    r"\bnorm\b[^.]{0,60}\d|\d[^.]{0,80}\bnorm\b|\bafgesproken\b|\bafspraak\b", ("norm", "afgesproken", "afspraak")
)


def _budget_year(doc: DocContext) -> int | None:
    """The year of the budget a text debates ("Begroting Defensie 2020"), when later than the text itself."""
    key = ("budget_year",)
    if key not in doc.memo:
        year = None
        for i in doc.find("begroting")[:3]:
            m = _BUDGET_TITLE.search(doc.lower(i))
            if m and doc.year and int(m.group(1)) > doc.year:
                year = int(m.group(1))
                break
        doc.memo[key] = year
    return doc.memo[key]  # type: ignore[return-value]


def _clause_years(doc: DocContext, i: int, g: _Group) -> list[int]:
    """Any year in the clause of ``g`` ("volgend jaar haalt ons land ... de NAVO-norm")."""
    low = doc.lower(i)
    lo, hi = _clause_start(low, g.start), _clause_end(low, g.end)
    return [d.value.year for d in doc.dates(i) if lo <= d.start < hi]


def _facts_in(doc: DocContext, i: int, shares: bool, scene: bool, follower: bool) -> list[_Found]:
    low = doc.lower(i)
    groups = _groups(doc, i, shares)
    groups += _norm_groups(doc, i, groups)
    groups.sort(key=lambda g: g.start)
    if not groups:
        return []
    reaching = bool(_REACHES.search(low))
    claimed: set[int] = set()
    out: list[_Found] = []
    previous_status, previous_end = None, 0
    leading_year: int | None = None  # a year before the first figure, scoping an enumeration of figures
    for k, g in enumerate(groups):
        own = _clause_years(doc, i, g) if g.norm else _explicit_years(doc, i, g, previous_end, claimed)
        inherited = False
        if k == 0 and len(own) == 1:
            leading_year = next(
                (d.value.year for d in doc.dates(i) if d.end <= g.start and d.value.year == own[0]), None
            )
        elif not own and leading_year is not None and not g.norm and ";" not in low[previous_end : g.start]:
            own, inherited = [leading_year], True  # "in 2030 België 1,3%, Luxemburg 0,7% en Nederland 2,0%"
        window_before = low[max(previous_end, _clause_start(low, g.start)) : g.start]
        # "gaat 2,5 procent ... besteden": the future around the figure, its verb after it
        going = any(m.start() < g.start and m.end() > g.end for m in _GOING_TO_RE.finditer(low))
        status = (
            _status(low[previous_end : g.start])
            or ("planned" if going else None)
            # a country's own bracket is its figure, whatever norm the words after it hold it against
            # ("Alleen de VS (3,4 procent) en Estland (2,1 procent) voldoen aan de NAVO-norm")
            or (None if g.owner else _status(low[g.end : _clause_end(low, g.end)]))
            or (previous_status if ";" not in low[previous_end : g.start] else None)  # not across clauses
            or (None if g.owner else _status(_semicolon_clause(low, g.start)))
            or "actual"
        )
        if inherited and (status != "actual" or (doc.year is not None and own[0] > doc.year)):
            own = []  # the parts of a goal ("tegen 2035 vijf procent, waarvan 3,5 procent ...") are no list
        if g.owner:
            rule = "spending.country_bracket"  # "Polen (4,5 procent)"
        elif follower:
            rule = "spending.ranking"  # a share in a sentence after the one that speaks of GDP
        else:
            rule = "spending.amount" if g.amount is not None else "spending.share"
        previous_status, previous_end = status, g.end
        partner, adjustment, in_sentence = _partner(doc, i, g)
        confidence = _BASE_CONFIDENCE[rule] + adjustment
        if partner is None or (follower and not in_sentence):
            continue
        if g.norm:
            # "volgend jaar haalt ons land de NAVO-norm": a plan to reach the norm in a later year; a norm
            # met now is no figure of the country's own (its actual figure is given instead).
            if not own or not doc.year or own[0] <= doc.year:
                continue
            out.append(
                _Found(partner, own[0], "planned", None, None, g.pct or _norm_value(doc), doc.evidence(i),
                       _BASE_CONFIDENCE["spending.norm_reached"] + adjustment, "spending.norm_reached")
            )
            continue
        if status == "target" and (reaching or not in_sentence):
            # "voldoet aan de norm om minstens 2 procent": a norm met, see above; and an alliance-wide norm
            # is a country's target only where the sentence ties the country to it.
            continue
        rising_from = (
            _TO_AFTER.match(low[g.end : groups[k + 1].start])
            if k + 1 < len(groups) and _FROM_TO.search(low, max(0, g.start - 8), g.start)
            else None
        )
        if rising_from:  # "een stijging van 1,3 naar 2,02 procent": the first figure is the year before
            later = _explicit_years(doc, i, groups[k + 1], g.end, set(claimed)) or [_year_for(doc, "actual")]
            own = [later[0] - 1] if later[0] else []
            if rising_from.group("now") and doc.year:  # "van 1,1 procent van het bbp vandaag naar ...": now
                own = [doc.year]
            status, rule = "actual", "spending.rise_from"
            confidence = _BASE_CONFIDENCE[rule] + adjustment
        years: list[int | None] = list(own)
        if not years and follower and status == "actual":
            years = [year for year in (_scene_year(doc, i),) if year is not None]
        if not years and status == "target":
            years = [_next_sentence_year(doc, i)]
        if not years and status != "target" and partner == text_voice(doc) and _budget_year(doc):
            years = [_budget_year(doc)]
            rule = "spending.budget_debate"
            confidence = _BASE_CONFIDENCE[rule] + adjustment
        if not years:
            years = [_year_for(doc, status)]
            confidence -= 0.05
        for year in years:
            final = status
            if status == "planned" and year is None:
                # A plan is for a year; a country's own intent without one ("Zweden zal zijn budget verhogen
                # tot 2 procent", "gaat voortaan jaarlijks 2 procent besteden") is a goal: a target, year null.
                # Support for someone's rise ("steunt de verhoging naar 2 procent") states none.
                if not (in_sentence and _own_intent(doc, i, g)):
                    continue
                final = "target"
            if status == "actual" and year and doc.year and year > doc.year:
                final = "planned"
            elif (
                status == "target" and year and doc.year and year > doc.year and in_sentence
                and _NATIONAL_AIM.search(low) and not _COMMON_NORM.search(low)
            ):
                final = "planned"  # a country's own aim for a later year ("Estland streeft ernaar in 2033 ...")
            elif (
                status == "planned" and year and doc.year and year <= doc.year
                and not _PLAN_WORDS.search(window_before)
            ):
                final = "actual"  # "verhoogt dit jaar ... naar 2,02 procent": what the figures say it is now
            out.append(
                _Found(partner, year, final, g.amount, g.currency, g.pct, doc.evidence(i), confidence, rule)
            )
    return out


def _own_intent(doc: DocContext, i: int, g: _Group) -> bool:
    """Whether the country named before figure ``g`` states an intent of its own for it: the intent word
    follows the country in the figure's clause ("Zweden wil ... 2 procent", "dat Duitsland 2 procent ...
    zal besteden"), not someone else's wish about it ("Trump wil dat Duitsland 2 procent uitgeeft")."""
    low = doc.lower(i)
    before = [m.end for m in doc.mentions(i) if m.kind == COUNTRY and m.end <= g.start]
    before += [pos + len("ons land") for pos, _ in _pronoun_countries(doc, i) if pos < g.start]
    if not before:
        return False
    return bool(_OWN_INTENT.search(low, max(before), _clause_end(low, g.end)))


def _year_for(doc: DocContext, status: str) -> int | None:
    return _default_year(doc) if status == "actual" else None


def _scene_sentences(doc: DocContext) -> dict[int, int]:
    """Sentences within reach after one that speaks of GDP, the norm or defence spending, each with the
    nearest such sentence before it."""
    key = ("spending_scene",)
    found = doc.memo.get(key)
    if found is None:
        found = {}
        for i in doc.candidates(KEYWORDS):
            if _SCENE.search(doc.lower(i)):
                j, reach = i + 1, _SCENE_REACH
                while j < len(doc.sentences) and reach:
                    if not doc.sentences[j].heading:  # captions and headings in between do not count
                        found[j] = i
                        reach -= 1
                    j += 1
        doc.memo[key] = found
    return found  # type: ignore[return-value]


def _scene_year(doc: DocContext, i: int) -> int | None:
    """The one year the scene-setting sentence before ranking sentence ``i`` gives ("Defensie-uitgaven in
    procenten van het bbp in 2029:"): the year of the figures it introduces."""
    scene = _scene_sentences(doc).get(i)
    if scene is None:
        return None
    years = {d.value.year for d in doc.dates(scene)}
    return years.pop() if len(years) == 1 else None


def extract(doc: DocContext) -> list[DefenceSpending]:
    facts: dict[tuple[str, int | None, str], _Found] = {}
    keyword_sentences = set(doc.candidates(KEYWORDS))
    scene = _scene_sentences(doc)
    # Ranking sentences after a scene-setting one: only those with a percentage or an amount and a country.
    followers = [
        j
        for j in doc.body(set(scene) - keyword_sentences)
        if ("%" in doc.sentences[j].text or "procent" in doc.lower(j) or "miljard" in doc.lower(j))
        and (
            doc.countries(j, foreign=False) or _OUR_COUNTRY.search(doc.lower(j)) or _TAKES_UP_FIGURE.match(doc.lower(j))
        )
    ]
    for i in sorted(keyword_sentences | set(followers)):
        shares = bool(_GDP.search(doc.lower(i))) or i in scene or bool(_SPENDING_NORM.search(doc.lower(i)))
        follower = i not in keyword_sentences
        for found in _facts_in(doc, i, shares, i in keyword_sentences or i in scene, follower):
            key = (found.partner, found.year, found.status)
            known = facts.get(key)
            if known is None:
                facts[key] = found
            else:  # one fact per (partner, year, status): the figures of later sentences complete it
                facts[key] = replace(
                    known,
                    amount=known.amount if known.amount is not None else found.amount,
                    currency=known.currency or found.currency,
                    pct=known.pct if known.pct is not None else found.pct,
                    confidence=max(known.confidence, found.confidence),
                )
    return [
        DefenceSpending(
            doc=doc.name,
            doc_date=doc.doc_date,
            evidence=f.evidence,
            confidence=round(max(0.05, min(f.confidence, 0.95)), 2),
            rule=f.rule,
            partner=f.partner,
            year=f.year,
            amount=as_json_number(f.amount),
            currency=f.currency,
            pct_gdp=float(f.pct) if f.pct is not None else None,
            status=f.status,
        )
        for f in facts.values()
    ]
