"""``agreement``: a signed or announced cooperation instrument (MoU, declaration or letter of intent,
joint vision statement, treaty, agreement, action plan).

The rules, by the ``rule`` name a fact carries:

* ``agreement.instrument`` — an instrument named by its word: "Memorandum of Understanding",
  "intentieverklaring", "raamverdrag", "verdragswijziging", "samenwerkingsovereenkomst",
  "visiedocument", "Technical Arrangement", "actieplan", "akkoord", and a (joint) "verklaring" that is
  signed ("hun handtekening onder een verklaring");
* ``agreement.signed_plan`` — a plan or arrangements that are signed ("tekenden een ambitieus plan",
  "ondertekenden de afspraken");
* ``agreement.agreed`` — the verb: "kwamen overeen dat ...", "zijn ... overeengekomen", "hebben ze
  afgesproken", "spraken ... af", "bereikten overeenstemming", "werden het eens" (not "komt overeen met",
  which compares, nor "zoals afgesproken in", which cites, nor "zijn het eens over", an opinion); in a
  sentence that names an instrument, what was agreed is that instrument;
* ``agreement.accession`` — a party joins an agreement ("besliste mee in te stappen in het akkoord"):
  the parties are the newcomer and those of the agreement a neighbouring sentence describes.

Each instrument word reads the part of its sentence up to the next one (its *window*): a sentence may
name several instruments, each with its own parties and date.

* **Parties**: those after "tussen" ("Verdrag tussen het Koninkrijk der Nederlanden en ...") or "met"
  ("het verdrag met België en Luxemburg"); else the countries in the window (a country after "in" is a
  place, not a party); else, when the sentence names no country at all, the partner the paragraph is
  about (a sentence whose countries belong to an instrument of its own does not lend them; "de drie landen"
  are the three a neighbouring sentence names, before or after); else the
  organisation of the sentence or section; else, in a letter written in the Dutch government's voice,
  the Netherlands alone. NL is a party when it is named in the window, when the window speaks in the
  letter's first person ("door mij", "met mijn Belgische collega") or when one foreign party is named.
  A minister the window names signs for his own country (``data/ministers.json``: "Minister Vandeput
  tekende ..." is Belgium's; "De Maizière ... met zijn Poolse collega" is DE and PL); an unqualified
  "minister van Defensie" who signs is the text's own.
* **Not instruments**: one asked for, in a motion ("verzoekt de regering, ... een verdrag te sluiten") or
  a question ("Bent u bereid een MoU te tekenen?").
* **Date**: the first date after the word in its window ("het Joint Vision Statement van juni 2017"); else,
  when the window says the instrument was concluded or laid down, the nearest date before it ("Op 3 mei heb
  ik ... een visiedocument getekend", "het op 2 juli 2018 te Washington tot stand gekomen Verdrag").
  Publication references ("Trb. 2018, 125", "Stb. 2019, 147"), the date of a letter referred to ("mijn brief
  van 4 februari") and the day it runs out ("loopt in 2020 af") are no dates; a signing planned for after
  the document's date ("streeft ernaar het in 2030 te ondertekenen") is announced. An instrument only
  announced, prepared or joined gets the document's date; one whose signing a news item narrates
  ("ondertekenden", "tekende", or "hebben ... getekend" outside a letter in the government's voice) without
  a date gets the document's date when that is known to the month; one signed on a bare weekday ("zetten
  donderdag hun handtekening") the last such day up to the document's; one signed "vorige week" or "deze
  week" that week's month. The years an instrument covers ("voor de periode 2031-2035") do not date it. The
  day an instrument took effect ("trad ... in werking") does not date it.
* **One fact per instrument**: a later definite mention ("het verdrag", "de DOI", "dit nieuwe akkoord",
  "het Raamverdrag") of an instrument named shortly before is that instrument: its parties and date
  complete the first mention's. Mentions of the same kind with the same parties and compatible dates
  are merged too.

Not instruments: a contract with a firm ("een overeenkomst met Lockheed Martin", "met de Duitse firma X");
what an alliance agreed with no one named as signing ("Binnen de NAVO is afgesproken dat ..."); an appointment
to meet again ("afgesproken elkaar volgend jaar te spreken"); a norm for defence spending ("kwamen overeen ...
2 procent van hun bbp"), which is a ``defence_spending`` target; founding treaties cited as the frame
("artikel 5 van het NAVO-verdrag", "het Verdrag van Lissabon") unless the window says they were concluded;
negated or conditional mentions ("niet geleid tot een akkoord", "wanneer een akkoord wordt bereikt");
"akkoord" as a verb ("gaat Nederland akkoord met").

The package, one job a module: ``cues`` (which words name an instrument, and which do not), ``wording``
(how a text tells that it was signed, announced, asked for, joined), ``parties`` (who signed),
``dating`` (when), ``reader`` (reading a document's instruments in order and merging their mentions).
"""

from __future__ import annotations

import re

from ims.extract.agreement.cues import KEYWORDS
from ims.extract.agreement.reader import (
    NAME_AFTER,
    RULE_ACCESSION,
    RULE_AGREED,
    RULE_INSTRUMENT,
    RULE_SIGNED_PLAN,
    Draft,
    Reader,
)
from ims.extract.common import sorted_ids, tidy
from ims.extract.context import DocContext
from ims.extract.facts import Agreement

__all__ = ["KEYWORDS", "RULE_ACCESSION", "RULE_AGREED", "RULE_INSTRUMENT", "RULE_SIGNED_PLAN", "extract"]

_SUBJECT = re.compile(r"\b(?:over|inzake|betreffende|ter|met betrekking tot|op het (?:gebied|terrein) van)\s+")


def _subject(text: str, at: int) -> str | None:
    """What the instrument is about: the name right after its word, else what follows "over", "inzake" ..."""
    named = NAME_AFTER.match(text, at)
    if named and not text[at : named.start(1)].strip():
        return tidy(named.group(1))
    m = _SUBJECT.search(text, at, at + 80)
    if m:
        rest = re.split(r"[.;]|,\s(?:en|die|dat|waarbij)\b", text[m.end() :])[0]
        return tidy(rest)[:160] or None
    return None


def _to_fact(doc: DocContext, d: Draft) -> Agreement:
    return Agreement(
        doc=doc.name,
        doc_date=doc.doc_date,
        evidence=d.evidence,
        confidence=d.confidence,
        rule=d.rule,
        kind=d.kind,
        parties=sorted_ids(d.parties),
        date=d.date.iso() if d.date else None,
        subject=_subject(doc.sentences[d.sentence].text, d.subject_at)
        or tidy(doc.sentences[d.mentions[0]].text)[:160],
    )


def extract(doc: DocContext) -> list[Agreement]:
    reader = Reader(doc)
    for i in doc.body(reader.kinds):  # the body sentences holding a word of some kind of instrument
        reader.read(i)
    return [_to_fact(doc, d) for d in reader.finish()]
