"""Which words of a sentence name an instrument (its *cues*), of which kind, and which of them do not:
denied or conditional mentions, "akkoord" as a verb or a domestic political accord, plans nobody signs,
"overeenkomen" that compares or cites, and founding treaties cited as the frame."""

from __future__ import annotations

import re
from functools import lru_cache

from ims.extract.agreement.parties import countries_in
from ims.extract.agreement.wording import CONCLUDED, SIGNED
from ims.extract.context import HOME, DocContext, register_keywords

KEYWORDS = register_keywords(
    "memorandum", "mou", "declaration of intent", "doi", "letter of intent", "loi", "intentieverklaring",
    "vision statement", "jvs", "verdrag", "treaty", "actieplan", "action plan", "overeenkomst",
    "visiedocument", "akkoord", "agreement", "arrangement", "verklaring", "overeen", "afgesproken",
    "afspra", "plan",
)

KINDS = (
    ("MoU", r"memorandum of understanding|memorand(?:um|a) van overeenstemming|mou(?:'s)?"),
    ("DOI", r"(?:joint\s+)?declaration of intent|doi"),
    ("LOI", r"(?:joint\s+)?(?:letters?|statements?) of intent|loi|intentieverklaring(?:en)?"),
    (
        "JVS",
        r"joint vision statement|joint (?:declaration|statement)|jvs"
        r"|(?:gezamenlijke|gemeenschappelijke)\s+verklaring|(?:samenwerkings|partnerschaps|defensie)?verklaring",
    ),
    ("TREATY", r"verdragswijziging(?:en)?|\w*verdrag(?:en)?|treaty"),
    ("ACTION_PLAN", r"actieplan(?:nen)?|action plan"),
    (
        "AGREEMENT",
        r"\w*overeenkomst(?:en)?|visiedocument(?:en)?|(?:voorlopig(?:e)?\s+)?\w*akkoord(?:en)?|agreement"
        r"|technical arrangement|arrangement|technische\s+regeling(?:en)?",
    ),
    ("PLAN", r"plan(?:nen)?|afspraak|afspraken"),
    (
        "AGREED",
        r"(?:kwam(?:en)?|komen)\s[^.;]{0,120}?\bovereen|overeengekomen|afgesproken"
        # the separable verb in a main clause: "spraken ... af" (not "af te ronden", an infinitive)
        r"|(?:sprak(?:en)?|spreekt|spreken)\s[^.;:?]{0,100}?\baf\b(?!\s+te\b)"
        # reaching agreement: "overeenstemming bereikt", "bereikten ... overeenstemming"
        r"|overeenstemming\s+(?:[\w-]+\s+){0,3}?bereikt(?:e|en)?|bereikt(?:e|en)?\s[^.;]{0,80}?\bovereenstemming"
        # becoming agreed ("werden het eens", "zijn het ... eens geworden"), not agreeing in opinion ("zijn het eens")
        r"|werd(?:en)?\s+(?:[\w-]+\s+){0,4}?het\s+(?:[\w-]+\s+){0,2}?eens\b|het\s+(?:[\w-]+\s+){0,2}?eens\s+geworden",
    ),
)
# Words one of which is in every mention of a kind: a sentence is searched only for the kinds whose words
# it holds ("\w*verdrag" and the like make the engine read every word to its end, and a regex of all kinds
# costs as much in every sentence that holds any of them). A plan or arrangements count only when signed.
_TRIGGERS = {
    "MoU": ("memorandum", "mou"),
    "DOI": ("declaration", "doi"),
    "LOI": ("of intent", "loi", "intentieverklaring"),
    "JVS": ("vision statement", "joint", "jvs", "verklaring"),
    "TREATY": ("verdrag", "treaty"),
    "ACTION_PLAN": ("actieplan", "action plan"),
    "AGREEMENT": ("overeenkomst", "visiedocument", "akkoord", "agreement", "arrangement", "technische regeling"),
    "PLAN": ("plan", "afspra"),
    "AGREED": ("overeen", "afgesproken", "sprak", "spreek", "spreken", "eens"),
}
_SIGNING_WORDS = ("tek", "handtekening")


@lru_cache(maxsize=512)
def _cue_regex(kinds: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for the kinds a sentence may hold, with \b in front of all of them rather than in front of
    each: the engine then tries them only where a word starts."""
    patterns = dict(KINDS)
    return re.compile(r"\b(?:" + "|".join(rf"(?P<{kind}>(?:{patterns[kind]})\b)" for kind in kinds) + ")")


for _words in (*_TRIGGERS.values(), _SIGNING_WORDS):
    register_keywords(*_words)


def kinds_by_sentence(doc: DocContext) -> dict[int, tuple[str, ...]]:
    """The kinds each sentence may hold, known from the document's one keyword pass (built once)."""
    signed = doc.having(_SIGNING_WORDS)
    found: dict[int, list[str]] = {}
    for kind, _ in KINDS:
        for i in doc.having(_TRIGGERS[kind]):
            if kind != "PLAN" or i in signed:
                found.setdefault(i, []).append(kind)
    return {i: tuple(kinds) for i, kinds in found.items()}


# The word each kind's mentions share, by which a later definite mention finds its instrument: "de
# verklaring" is the "intentieverklaring" just named, "het verdrag" the "raamverdrag".
_HEADS = {"LOI": "verklaring", "DOI": "declaration", "JVS": "verklaring", "TREATY": "verdrag", "MoU": "mou"}
GENERIC_HEADS = ("akkoord", "overeenkomst", "afspra")  # "dit nieuwe akkoord" may be any instrument
# Accords of domestic politics, not cooperation instruments.
_POLITICAL_ACCORD = re.compile(r"(?:regeer|coalitie|klimaat|pensioen|begrotings|lente|zorg|sociaal|bestuurs)akkoord")

# Denied ("geen (nieuw) akkoord", "niet geleid tot een akkoord") or conditional ("wanneer een akkoord wordt
# bereikt"): the negation stands right before the instrument or before the "tot" that reaches it.
_NOT_AN_INSTRUMENT = re.compile(
    r"\bgeen\s+(?:[\w-]+\s+)?$|\bniet\b[^.]{0,40}\btot\s+(?:een\s+|het\s+|de\s+)?(?:[\w-]+\s+)?$"
    r"|\b(?:wanneer|indien|zodra|mits|tenzij)\b[^.]{0,60}$"
)
# "Het akkoord wordt niet ...": denied. "nog niet" is not yet: an instrument in preparation, kept.
_NEGATED_AFTER = re.compile(r"\W*(?:wordt|is|zal)\s+niet\b")  # used with match() at the word's end
# "akkoord" as a verb: "gaat Nederland hier mee akkoord", "akkoord gaan met".
_AKKOORD_VERB = re.compile(r"\b(?:ga|gaat|gaan|ging|gingen|gegaan)\b[^,.;:]{0,40}$|\bmee\s+$")
# "akkoord" as consent, not an instrument: given or granted ("heeft zijn akkoord gegeven", "akkoord verleend"),
# or after a preposition without an article ("na akkoord van de Kamer", "met akkoord van België", "voor
# akkoord getekend").
_CONSENT_BEFORE = re.compile(
    r"\b(?:na|met|voor|zonder|ter)\s+$"
    r"|\b(?:verlee?n\w*|gaf|gaven|geeft|geven|gegeven)\s+(?:zijn|haar|hun|mijn|ons|uw)\s+$"
)
# Predicative: "Dan is dat akkoord.", "Duitsland is akkoord met het voorstel".
_AGREEABLE = re.compile(r"\b(?:is|zijn|was|waren|ben|bent)\s+(?:dat\s+|daarmee\s+|hiermee\s+)?$")
_AGREEABLE_AFTER = re.compile(r"\s*(?:[,.;:!?]|met\b|$)")
# "overeenkomst" as likeness, not an instrument: "veel overeenkomst tussen ...", "overeenkomsten en verschillen",
# "vertoont overeenkomsten met".
_LIKENESS_BEFORE = re.compile(
    r"\b(?:veel|weinig|enige|grote|sterke|duidelijke)\s+$|\b(?:verschillen|verschil)\s+en\s+$"
    r"|\bvertoon\w*\s+(?:[\w-]+\s+){0,3}$"
)
_LIKENESS_AFTER = re.compile(r"\s+en\s+verschill")
_ARTICLE_BEFORE = re.compile(r"\b(?:een|het|dit|dat|deze|die)\s+(?:[\w-]+\s+){0,2}$")
_CONSENT_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:gegeven|geven|geeft|gaf|gaven|verleend|verleent|verleende|verleenden|verlenen"
    r"|bevonden|onthouden)\b"
)
_FOUNDING = re.compile(
    r"(?:navo|eu|vn|nato|noord-atlantisch\w*)[- ]?verdrag|verdrag(?:en)? (?:betreffende de europese|tot oprichting"
    r"|van (?:de )?(?:europese|noord))|atlantic treaty"
)
# A norm for what allies spend ("kwamen overeen ... 2 procent van hun bbp aan defensie te besteden", "de in
# Wales afgesproken NAVO-norm") is a spending target (``defence_spending``), not a cooperation instrument.
_SPENDING_NORM = re.compile(
    r"(?:\d+(?:[.,]\d+)?|twee|drie|vier|vijf|anderhalf)\s*(?:%|procent)[^.;]{0,50}?"
    r"\b(?:bbp|bnp|bruto\s+(?:binnenlands|nationaal)\s+product|defensie\w*)"
    r"|(?:\d+(?:[.,]\d+)?|twee|drie|vier|vijf|anderhalf)\s*(?:%|procent)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:te\s+)?(?:besteden|uitgeven|uit\s+te\s+geven|investeren)\b"
    r"|\bnaar\s+(?:\d+(?:[.,]\d+)?|twee|drie|vier|vijf)\s*(?:%|procent)"  # "toewerken naar 2 procent"
    r"|\b(?:navo-?norm|tweeprocentsnorm|defence investment pledge)\b"
)
_NORM_WORDS = ("procent", "%", "norm", "pledge")
_OF_A_PLACE = re.compile(r"\s+van\s+[A-Z]")
# An infinitive clause right after "afgesproken": a few words, then "te" and a verb, before any punctuation.
# Agreeing to meet or talk again ("afgesproken elkaar volgend jaar weer te spreken"): an appointment, not an
# instrument of cooperation.
_MEETING = re.compile(
    r"\bte\s+(?:spreken|ontmoeten|overleggen|praten|bezoeken)\b|\bbijeen\s+te\s+komen\b"
    r"|\b(?:een\s+)?(?:vervolg)?(?:gesprek|bezoek|overleg|ontmoeting)\s+(?:te\s+)?(?:houden|plannen|brengen)\b"
)
_INFINITIVE_CLAUSE = re.compile(r"\s+(?:[\w-]+\s+){1,5}te\s+\w+")


def head(kind: str, word: str) -> str:
    """The word by which a later definite mention finds this instrument again."""
    for generic in GENERIC_HEADS:
        if generic in word:
            return generic
    return _HEADS.get(kind, word)


def cues(low: str, kinds: tuple[str, ...] | None) -> list[re.Match[str]]:
    """The instrument words of a sentence (in lower case) that may hold ``kinds``, in order; each match's
    ``lastgroup`` is its kind."""
    signed = bool(SIGNED.search(low))
    found: list[re.Match[str]] = []
    if not kinds:
        return []
    for m in _cue_regex(kinds).finditer(low):
        kind = m.lastgroup
        if found and found[-1].lastgroup == kind and kind != "PLAN" and m.start() - found[-1].end() < 4:
            continue  # "Memorandum of Understanding (MoU)": one instrument
        before = low[max(0, m.start() - 60) : m.start()]
        if _NOT_AN_INSTRUMENT.search(before) or _NEGATED_AFTER.match(low, m.end()):
            continue
        if kind == "AGREEMENT" and "akkoord" in m.group(0) and (
            _AKKOORD_VERB.search(before) or _POLITICAL_ACCORD.search(m.group(0)) or _consent(low, m, before)
        ):
            continue
        if kind == "AGREEMENT" and m.group(0) in ("overeenkomst", "overeenkomsten") and (
            _LIKENESS_BEFORE.search(before) or _LIKENESS_AFTER.match(low, m.end())
        ):
            continue
        if kind == "PLAN" and not signed:
            continue  # a plan or arrangements that nobody signs are no instrument
        if kind == "AGREED" and (not _agreed(low, m) or _MEETING.search(low, m.end(), m.end() + 100)):
            continue  # not the verb of the sentence, or what they agreed is only to meet again
        found.append(m)
    if any(m.lastgroup != "AGREED" for m in found):
        # "In de intentieverklaring van 2016 spraken zij af ...": what was agreed is the instrument named
        return [m for m in found if m.lastgroup != "AGREED"]
    return found


def _consent(low: str, m: re.Match[str], before: str) -> bool:
    """A bare "akkoord" that is someone's consent ("zijn akkoord gegeven", "na akkoord van de Kamer")."""
    if m.group(0) != "akkoord":
        return False  # a compound ("renegade-akkoord") or "voorlopig akkoord" names an instrument
    if _CONSENT_BEFORE.search(before):
        return True
    if _AGREEABLE.search(before) and _AGREEABLE_AFTER.match(low, m.end()):
        return True
    # "het akkoord geeft beide landen het recht ...": with an article it is the instrument that gives
    return not _ARTICLE_BEFORE.search(before) and bool(_CONSENT_AFTER.match(low, m.end(), m.end() + 50))


def _agreed(low: str, m: re.Match[str]) -> bool:
    """"overeengekomen", "afgesproken" as the verb of the sentence, not an adjective or a citation."""
    word = m.group(0)
    if word.startswith(("sprak", "spreek", "spreken", "overeenstemming", "bereikt", "werd", "het")):
        return True  # the regex asked for the particle or the noun with its verb
    if word.startswith(("kw", "komen")):
        # "komen overeen met": correspond to, not agree
        return not (word.startswith("komen") and low[m.end() :].lstrip().startswith("met "))
    if low[max(0, m.start() - 8) : m.start()].rstrip().endswith("zoals"):
        return False  # "Zoals afgesproken in het ...": cites an instrument named next
    nxt = low[m.end() : m.end() + 12].lstrip()
    if not nxt or nxt[0] in ",.;:)" or nxt.startswith(("dat ", "om ", "en ", "te ")):
        return True
    # "hebben afgesproken nauw samen te werken": what is agreed as an infinitive clause without "om"
    return bool(_INFINITIVE_CLAUSE.match(low, m.end()))


def spending_norm(low: str, lo: int, hi: int) -> bool:
    """Whether what the window agrees or names is a norm for defence spending, not an instrument."""
    if not any(word in low for word in _NORM_WORDS):  # a plain test first: the regex costs most where it fails
        return False
    return bool(_SPENDING_NORM.search(low, lo, hi))


def founding(doc: DocContext, i: int, cue: re.Match[str], lo: int, hi: int) -> bool:
    """A founding or multilateral treaty cited as the frame ("artikel 5 van het NAVO-verdrag", "het
    Verdrag van Brussel"), unless the words around it say it was concluded ("Het Verdrag van Aken werd in
    2019 getekend") or, for one named after a city, name the countries that made it ("de Frans-Britse
    verdragen van Lancaster House")."""
    text, low = doc.sentences[i].text, doc.lower(i)
    if CONCLUDED.search(low, max(lo, cue.start() - 40), min(hi, cue.end() + 80)):
        return False
    if _FOUNDING.search(low, max(0, cue.start() - 25), cue.end() + 16):
        return True
    return bool(_OF_A_PLACE.match(text, cue.end())) and not any(
        code != HOME for code in countries_in(doc, i, lo, hi)
    )
