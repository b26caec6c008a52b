"""What every extractor needs to know about one document: its sentences, the names and dates in them,
and the discourse around a sentence (which partner the paragraph is about, which organisation the
section is about).

Names are found once for the whole document; dates only for the sentences an extractor asks about.
Offsets of mentions and dates are relative to the sentence text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

import ahocorasick

from ims.extract.facts import Evidence
from ims.extract.names import Name, acronym_definitions, capitalised_runs
from ims.extract.sentences import Sentence, split_sentences
from ims.text.clean import CleanText
from ims.text.dates import DateMention, PartialDate, find_dates
from ims.text.gazetteer import (
    COUNTRY,
    Mention,
    Reference,
    ReferenceIndex,
    RefMention,
    mentions_in_spans,
    reference_index,
)

if TYPE_CHECKING:  # known imports this module
    from ims.extract.known import KnownNames

HOME = "NL"
_NONE: list[int] = []  # shared: find() hands it out for every keyword a text does not hold
DISCOURSE_WINDOW = 8  # sentences back within a section to find the partner a sentence is about

# Every keyword an extractor screens sentences with, found in one Aho-Corasick pass per document (one
# pass for all keywords is several times cheaper than searching for each keyword in turn).
_VOCABULARY: set[str] = set()


def register_keywords(*words: str) -> tuple[str, ...]:
    """Declare keywords (lower case) that extractors will ask :meth:`DocContext.find` about."""
    _VOCABULARY.update(words)
    return words


@lru_cache(maxsize=4)
def _keyword_automaton(size: int) -> ahocorasick.Automaton:
    # Keyed by the vocabulary's size: it only grows (as extractor modules are imported), and hashing the
    # size is free where hashing the whole vocabulary for every document is not.
    automaton = ahocorasick.Automaton()
    for word in _VOCABULARY:
        automaton.add_word(word, (word, len(word) - 1))  # the offset back from a hit's end to its start
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=1024)
def _split_words(words: tuple[str, ...], size: int) -> tuple[frozenset[str], tuple[str, ...]]:
    """``words`` that are keywords of the one pass (as a set), and those that are not. The extractors ask
    about the same few hundred tuples in every document: split once, not per document (``size``, the
    vocabulary's size, keys the cache because the vocabulary grows as extractor modules are imported)."""
    return frozenset(w for w in words if w in _VOCABULARY), tuple(w for w in set(words) if w not in _VOCABULARY)


# The names of the reference lists are found by the same keyword pass (their positions are kept): one pass
# over the text for all keywords and names is much cheaper than a second automaton.
_REFERENCE_FORMS = frozenset(register_keywords(*reference_index().keywords()))
_NO_REFERENCES: list[RefMention] = []
# Register names become reference entries of these kinds (what each yields: an initiative, a contribution, a
# procurement); the indices are kept for the last few sets of names, which stay the same across a batch.
_KNOWN_KINDS = (("initiatives", "programme"), ("operations", "operation"), ("systems", "system"))
_KNOWN_INDICES: dict[int, tuple[KnownNames, ReferenceIndex]] = {}


def _with_known(known: KnownNames | None) -> ReferenceIndex:
    """The reference index, with the names of ``known`` as entries of their own (read by attribute: this
    module cannot import ims.extract.known at run time)."""
    if not known:
        return reference_index()
    cached = _KNOWN_INDICES.get(id(known))
    if cached is not None and cached[0] is known:
        return cached[1]
    extra = []
    for attribute, kind in _KNOWN_KINDS:
        for n, item in enumerate(getattr(known, attribute, ())):
            fields = getattr(item, "fields", {}) or {}
            extra.append(
                Reference(
                    id=f"register.{attribute}.{n}",
                    name=item.name,
                    kind=kind,
                    aliases=tuple(getattr(item, "aliases", ())),
                    source="register",
                    location=fields.get("location"),
                    origin=fields.get("partner"),
                    members=tuple(fields.get("partners") or ()),
                )
            )
    index = reference_index().with_names(extra)
    if len(_KNOWN_INDICES) > 4:
        _KNOWN_INDICES.clear()
    _KNOWN_INDICES[id(known)] = (known, index)
    return index


class Cue:
    """A regex run on lower-case sentences, with words one of which is in every text it matches.

    Searching a sentence with a regex of many alternatives costs microseconds per sentence; whether a
    sentence holds any of the words is known from the document's one keyword pass. So a sentence without
    them is never searched (see :meth:`DocContext.search`). The words must be lower case.
    """

    __slots__ = ("regex", "words")

    def __init__(self, pattern: str, words: tuple[str, ...], flags: int = 0) -> None:
        self.regex = re.compile(pattern, flags)
        self.words = register_keywords(*words)


@dataclass
class DocContext:
    """A cleaned document split into sentences, with lazily computed per-sentence annotations."""

    name: str
    clean: CleanText
    date: PartialDate | None
    lead_in: int = 0  # cleaned characters of context prepended from a preceding fragment
    sentences: list[Sentence] = field(default_factory=list)
    known: KnownNames | None = None  # what the register knows (ims.extract.known), for rules that use it

    def __post_init__(self) -> None:
        if not self.sentences:
            self.sentences = split_sentences(self.clean.text)
        self._starts = [s.start for s in self.sentences]
        self._dates: dict[int, list[DateMention]] = {}
        self._lower: list[str | None] = [None] * len(self.sentences)
        self._found: dict[str, list[int]] = {}
        self._having: dict[tuple[str, ...], frozenset[int]] = {}
        self._countries: dict[tuple[int, bool], list[str]] = {}
        self._organisations: dict[int, list[str]] = {}
        # Per-document cache for extractors: results they compute per sentence and may need again.
        self.memo: dict[tuple, object] = {}
        # The text with line breaks read as spaces (same length): names and phrases run across lines.
        self.flat = self.clean.text.replace("\n", " ")
        lower = self.flat.lower()
        # str.lower() keeps the length for all but a few characters (such as "İ"); offsets must agree.
        self._lower_text = lower if len(lower) == len(self.clean.text) else None

    def build_indexes(self) -> None:
        """Find the keywords, names and acronym definitions now rather than when first asked about (the
        benchmark times these passes apart from the extractors)."""
        _ = self._keyword_hits, self._mentions_by_sentence, self._references_by_sentence, self.acronyms
        _ = self.definitions

    # ------------------------------------------------------------ basic facts about the document

    @cached_property
    def doc_date(self) -> str | None:
        return self.date.iso() if self.date else None

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    def lower(self, i: int) -> str:
        """Sentence ``i`` in lower case, line breaks read as spaces."""
        low = self._lower[i]
        if low is None:
            s = self.sentences[i]
            low = self._lower[i] = (
                self._lower_text[s.start : s.end] if self._lower_text is not None else s.text.lower()
            )
        return low

    @cached_property
    def _keyword_hits(self) -> dict[str, list[int]]:
        """The sentences holding each keyword that the text holds at all (indices, in order)."""
        hits: dict[str, list[int]] = {}
        names: list[tuple[int, int, str]] = []  # (start, end, form) of the reference names' forms
        if self._lower_text is not None and _VOCABULARY:
            starts = self._starts
            forms = _REFERENCE_FORMS
            # Hits come in the order of their ends, so each word's sentences come in order: a repeat is
            # the last one listed, and the lists need no sorting.
            for end, (word, back) in _keyword_automaton(len(_VOCABULARY)).iter(self._lower_text):
                i = bisect_right(starts, end - back) - 1
                found = hits.get(word)
                if found is None:
                    hits[word] = [i]
                elif found[-1] != i:
                    found.append(i)
                if word in forms:
                    names.append((end - back, end + 1, word))
        self._reference_hits = names
        self._hit_words = frozenset(hits)
        return hits

    def find(self, word: str) -> list[int]:
        """Indices of the sentences holding ``word`` (lower case), in order."""
        if self._lower_text is not None and word in _VOCABULARY:
            return self._keyword_hits.get(word, _NONE)
        found = self._found.get(word)
        if found is not None:
            return found
        if self._lower_text is None:
            found = [s.index for s in self.sentences if word in self.lower(s.index)]
        else:
            hit: set[int] = set()
            text, starts = self._lower_text, self._starts
            pos = text.find(word)
            while pos >= 0:  # str.find runs at memory speed: far cheaper than testing every sentence
                hit.add(bisect_right(starts, pos) - 1)
                pos = text.find(word, pos + 1)
            found = sorted(hit)
        self._found[word] = found
        return found

    def having(self, words: tuple[str, ...]) -> frozenset[int]:
        """Indices of the sentences holding any of ``words`` (lower case)."""
        found = self._having.get(words)
        if found is None:
            sentences: set[int] = set()
            if self._lower_text is None:
                for word in words:
                    sentences.update(self.find(word))
            else:
                hits = self._keyword_hits
                known, unknown = _split_words(words, len(_VOCABULARY))
                # Most keywords are not in a given text at all: an intersection of two sets (in C, over the
                # smaller) picks the few that are, instead of a Python test of every word.
                for word in known & self._hit_words:
                    sentences.update(hits[word])
                for word in unknown:
                    sentences.update(self.find(word))
            found = self._having[words] = frozenset(sentences)
        return found

    def search(self, cue: Cue, i: int) -> re.Match[str] | None:
        """``cue``'s regex searched in sentence ``i`` (lower case); None at once if it holds none of its words."""
        return cue.regex.search(self.lower(i)) if i in self.having(cue.words) else None

    def holds(self, word: str, i: int) -> bool:
        """Whether ``word`` (lower case) is in sentence ``i`` the way :meth:`find` counts it (starting there)."""
        if self._lower_text is None:
            return word in self.lower(i)
        starts = self._starts
        lo = starts[i] if i >= 0 else 0
        hi = starts[i + 1] if i + 1 < len(starts) else len(self._lower_text)
        return self._lower_text.find(word, lo, hi - 1 + len(word)) >= 0

    def candidates(self, keywords: tuple[str, ...]) -> list[int]:
        """Indices of the body sentences (not headings) holding any of ``keywords`` (lower case)."""
        return self.body(self.having(keywords))

    def body(self, found: Iterable[int]) -> list[int]:
        """The indices among ``found`` of body sentences (not headings, not in the lead-in), in order."""
        sentences, lead_in = self.sentences, self.lead_in
        return [i for i in sorted(found) if i >= 0 and not sentences[i].heading and sentences[i].end > lead_in]

    def evidence(self, first: int, last: int | None = None) -> Evidence:
        """Original offsets covering sentences ``first`` .. ``last``."""
        a = self.sentences[first]
        b = self.sentences[first if last is None else last]
        start, end = self.clean.span_to_original(max(a.start, self.lead_in), b.end)
        return Evidence(start, end)

    # ------------------------------------------------------------ names and dates

    @cached_property
    def _definitions(self) -> list[Name]:
        return acronym_definitions(self.flat)

    @cached_property
    def acronyms(self) -> dict[str, str]:
        """Acronyms the document defines, with their full names: {"NCN": "Nordic Cloud Network"}."""
        out: dict[str, str] = {}
        for name in self._definitions:
            out.setdefault(name.acronym or "", " ".join(name.text.split()))
        return out

    @cached_property
    def definitions(self) -> dict[int, list[Name]]:
        """Names defined with an acronym, by sentence (offsets relative to the sentence text)."""
        out: dict[int, list[Name]] = {}
        for name in self._definitions:
            i = bisect_right(self._starts, name.start) - 1
            if i >= 0:
                offset = self.sentences[i].start
                out.setdefault(i, []).append(name._replace(start=name.start - offset, end=name.end - offset))
        return out

    @cached_property
    def _mentions_by_sentence(self) -> list[list[Mention]]:
        return mentions_in_spans(self.flat, self._starts, [s.end for s in self.sentences])

    @cached_property
    def _references_by_sentence(self) -> dict[int, list[RefMention]]:
        index = self.reference_index
        if index is not reference_index() or self._lower_text is None:  # names the keyword pass does not know
            mentions = index.find(self.flat, self._lower_text)
        else:
            _ = self._keyword_hits  # the pass that finds where the names' forms occur
            mentions = reference_index().find_with_weak(self.flat, self._reference_hits)
        found: dict[int, list[RefMention]] = {}
        starts, sentences = self._starts, self.sentences
        new = tuple.__new__  # a named tuple's own constructor is a Python function: far slower
        for start, end, ident, kind, surface in mentions:
            i = bisect_right(starts, start) - 1
            if i >= 0 and end <= sentences[i].end:  # a name running over a sentence end belongs to none
                offset = starts[i]
                found.setdefault(i, []).append(new(RefMention, (start - offset, end - offset, ident, kind, surface)))
        return found

    @cached_property
    def reference_index(self) -> ReferenceIndex:
        """The reference lists, with the names the register knows where the caller passes them (``known``)."""
        return _with_known(self.known)

    def references(self, i: int) -> list[RefMention]:
        """Names of the reference lists in sentence ``i`` (offsets relative to the sentence text)."""
        return self._references_by_sentence.get(i, _NO_REFERENCES)

    def runs(self, i: int) -> list[Name]:
        """Runs of capitalised words in sentence ``i`` (see :func:`ims.extract.names.capitalised_runs`)."""
        key = ("runs", i)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = capitalised_runs(self.sentences[i].text)
        return found  # type: ignore[return-value]

    def mentions(self, i: int) -> list[Mention]:
        """Names in sentence ``i`` (offsets relative to the sentence text)."""
        return self._mentions_by_sentence[i]

    def countries(self, i: int, *, foreign: bool = True) -> list[str]:
        """Country codes named in sentence ``i``, in order of first mention (without NL if ``foreign``).

        The list is shared by every caller (extractors ask about the same sentences again and again): do
        not change it.
        """
        out = self._countries.get((i, foreign))
        if out is None:
            out = self._countries[(i, foreign)] = []
            for m in self.mentions(i):
                for code in (m.id,) if m.kind == COUNTRY else m.members:  # "de Benelux-landen": its members
                    if code not in out and not (foreign and code == HOME):
                        out.append(code)
        return out

    def organisations(self, i: int) -> list[str]:
        """Organisation and framework ids named in sentence ``i``, in order of first mention (do not change
        the list: it is shared)."""
        out = self._organisations.get(i)
        if out is None:
            out = self._organisations[i] = []
            for m in self.mentions(i):
                if m.kind != COUNTRY and m.id not in out:
                    out.append(m.id)
        return out

    def dates(self, i: int) -> list[DateMention]:
        """Dates in sentence ``i`` (relative ones resolved against the document's date)."""
        found = self._dates.get(i)
        if found is None:
            found = self._dates[i] = find_dates(self.sentences[i].text, reference=self.date)
        return found

    def years(self, i: int) -> list[int]:
        return [d.value.year for d in self.dates(i)]

    # ------------------------------------------------------------ discourse

    @cached_property
    def _headings(self) -> list[int]:
        return [s.index for s in self.sentences if s.heading]

    def section_start(self, i: int) -> int:
        """Index of the heading that opens the section holding sentence ``i`` (0 if there is none)."""
        k = bisect_right(self._headings, i) - 1
        return self._headings[k] if k >= 0 else 0

    def discourse_countries(self, i: int, window: int = DISCOURSE_WINDOW) -> list[str]:
        """The foreign countries the text was last talking about before sentence ``i`` (same section)."""
        stop = max(self.section_start(i), i - window)
        for j in range(i - 1, stop - 1, -1):
            if self.sentences[j].heading:
                break
            found = self.countries(j)
            if found:
                return found
        heading = self.section_start(i)
        return self.countries(heading) if self.sentences and self.sentences[heading].heading else []

    def section_organisations(self, i: int) -> list[str]:
        """Organisations named by the nearest heading above sentence ``i`` that names any."""
        for j in reversed(self._headings[: bisect_right(self._headings, i)]):
            found = self.organisations(j)
            if found:
                return found
        return []

    def nearby_organisations(self, i: int, back: int = 3, ahead: int = 2) -> list[str]:
        """Organisations in the nearest sentence around ``i`` that names any (closest first, then earlier)."""
        for distance in range(0, max(back, ahead) + 1):
            for j in (i - distance, i + distance):
                if 0 <= j < len(self.sentences) and (
                    (j <= i and i - j <= back) or (j > i and j - i <= ahead)
                ):
                    found = self.organisations(j)
                    if found:
                        return found
        return []
