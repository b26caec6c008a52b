"""The ingestion pipeline: file -> text -> cleaned text -> sentences -> facts.

``extract_path`` handles one file; ``extract_paths`` a batch. In a batch every document is read on its own,
exactly as ``extract_path`` reads it, unless it is part of a *bundle*: files that are parts of one report
(pages saved or scanned one by one). Documents are bundled only

* when the caller declares it (``bundles``; ``ims extract --bundle``, ``ims ingest --bundle``, the upload's
  checkbox), in the order given; or
* on strong evidence: the same Kamerstuk number, or the same reference, and page numbers that follow on
  from each other ("Pagina 2 van 9", then "Pagina 3 van 9"); such a bundle is read in page order.

Within a bundle a part without a date of its own takes the date of the nearest dated part before it (else
after it), and a part that starts mid-sentence after a part that ends mid-sentence gets that sentence as
context ("lead-in"), so that a request made "tijdens de begrotingsbehandeling van november 2014" is dated
even though the date is in the other file. Facts never point into the lead-in: evidence offsets always
refer to the part's own text. Each result says which bundle it was read in (``ExtractionResult.bundle``).

Any call may pass ``known``: the names the register knows (:mod:`ims.extract.known`), which yield facts
where the rules find none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from ims.extract import (
    agreement,
    commitment,
    contribution,
    defence_spending,
    initiative,
    partner_ring,
    procurement,
)
from ims.extract.context import DocContext
from ims.extract.facts import Evidence, Fact
from ims.extract.known import KnownNames
from ims.extract.known import extract as extract_known
from ims.extract.sentences import split_sentences
from ims.text.clean import clean_text
from ims.text.dates import PartialDate
from ims.text.meta import DocumentMeta, read_meta
from ims.text.read import DEFAULT_MAX_BYTES, DocumentError, RawDocument, read_document

Extractor = Callable[[DocContext], list]
EXTRACTORS: tuple[Extractor, ...] = (
    partner_ring.extract, agreement.extract, defence_spending.extract, contribution.extract,
    procurement.extract, commitment.extract, initiative.extract,
)
_SENTENCE_END = (".", "!", "?", "»", "”", "’", ")", ":")
_PAGE = re.compile(r"Pagina (\d{1,6}) van (\d{1,6})(?!\d)")

# Why documents were read as one bundle.
DECLARED = "declared"  # the user said so
SAME_KAMERSTUK = "kamerstuk"  # the same Kamerstuk number, and consecutive pages
SAME_REFERENCE = "reference"  # the same reference ("Onze referentie"), and consecutive pages


@dataclass(frozen=True)
class Bundle:
    """Documents read as parts of one: their names in reading order, and why (DECLARED, SAME_KAMERSTUK,
    SAME_REFERENCE)."""

    members: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class ExtractionResult:
    """Everything read from one file. ``error`` is set (and ``facts`` empty) when the file failed.

    ``raw`` is the document as read: its ``text`` is what the facts' evidence offsets point into, and
    ``raw.page_of(offset)`` gives the page of a PDF.
    """

    doc: str
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    facts: tuple[Fact, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str | None = None
    raw: RawDocument | None = None  # the text as read, which evidence offsets index, and its pages
    bundle: Bundle | None = None  # the bundle the document was read in, if any

    @property
    def ok(self) -> bool:
        return self.error is None


def extract_text(
    text: str,
    doc_name: str,
    *,
    doc_date: PartialDate | str | None = None,
    lead_in: str = "",
    known: KnownNames | None = None,
) -> list[Fact]:
    """Facts stated in ``text`` (the document's original text), with evidence offsets into ``text``.

    ``doc_date`` is the document's own date (read from the text when not given); ``lead_in`` is text
    from a preceding fragment that ``text`` continues, used as context only; ``known`` the names the
    register knows. Never raises on any text; a ``doc_date`` string that is not ISO raises :class:`DateError`.
    """
    if isinstance(doc_date, str):
        doc_date = PartialDate.from_iso(doc_date)
    return _extract(text, doc_name, doc_date or read_meta(text).date, lead_in, known)


def _extract(
    text: str, doc_name: str, doc_date: PartialDate | None, lead_in: str = "", known: KnownNames | None = None
) -> list[Fact]:
    shift = len(lead_in) + 1 if lead_in else 0
    clean = clean_text(f"{lead_in} {text}" if lead_in else text)
    lead_clean = next((k for k in range(len(clean.text)) if clean.to_original(k) >= shift), 0) if shift else 0
    doc = DocContext(doc_name, clean, doc_date, lead_in=lead_clean, known=known or None)
    facts: list[Fact] = []
    for extractor in EXTRACTORS:
        facts.extend(extractor(doc))
    if known:
        facts.extend(extract_known(doc, known, facts))
    if shift:
        facts = [
            replace(f, evidence=Evidence(max(0, f.evidence.start - shift), f.evidence.end - shift))
            for f in facts
            if f.evidence.end > shift
        ]
    return facts


def extract_path(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, known: KnownNames | None = None
) -> ExtractionResult:
    """Read one file and extract its facts. Raises :class:`DocumentError` if the file cannot be read."""
    raw = read_document(path, max_bytes=max_bytes)
    meta = read_meta(raw.text, raw.properties)
    facts = _extract(raw.text, raw.name, meta.date, known=known)
    return ExtractionResult(raw.name, meta, tuple(facts), raw.warnings, raw=raw)


def _ends_mid_sentence(clean_text_: str) -> bool:
    return bool(clean_text_.strip()) and not clean_text_.rstrip().endswith(_SENTENCE_END)


def _starts_mid_sentence(clean_text_: str) -> bool:
    stripped = clean_text_.lstrip()
    return bool(stripped) and stripped[0].islower()


def _last_partial_sentence(clean_text_: str) -> str:
    sentences = split_sentences(clean_text_)
    return sentences[-1].text if sentences else ""


def page_numbers(text: str) -> tuple[int, int, int] | None:
    """The first and last page number a document shows and its page total, from "Pagina x van N" lines
    (the most frequent total; numbers outside 1..N are misreadings); None without such lines."""
    if "Pagina " not in text:
        return None
    found = [(int(n), int(total)) for n, total in _PAGE.findall(text)]
    if not found:
        return None
    total = Counter(t for _, t in found).most_common(1)[0][0]
    numbers = [n for n, t in found if t == total and 1 <= n <= total]
    return (min(numbers), max(numbers), total) if numbers else None


@dataclass
class _Loaded:
    raw: RawDocument
    meta: DocumentMeta

    @cached_property
    def cleaned(self) -> str:  # only needed within bundles, which are rare: computed on demand
        return clean_text(self.raw.text).text

    @cached_property
    def pages(self) -> tuple[int, int, int] | None:
        return page_numbers(self.raw.text)


def _evident_bundles(items: Sequence[_Loaded]) -> list[tuple[list[int], str]]:
    """Bundles on strong evidence among ``items`` (indices in page order, and the reason): documents with
    the same Kamerstuk number or reference whose page numbers, of the same total, follow on from each other.
    The order of ``items`` does not change which bundles form."""
    groups: dict[tuple[int, str, int], list[int]] = {}
    for k, item in enumerate(items):
        if item.pages is None:
            continue
        for rank, identity in enumerate((item.meta.kamerstuk, item.meta.reference)):
            if identity:
                groups.setdefault((rank, identity, item.pages[2]), []).append(k)
    bundles: list[tuple[list[int], str]] = []
    taken: set[int] = set()
    for (rank, _, _), members in sorted(groups.items()):
        members = sorted((k for k in members if k not in taken), key=lambda k: (items[k].pages, items[k].raw.name))
        run: list[int] = []
        for k in members:
            if run and items[k].pages[0] != items[run[-1]].pages[1] + 1:
                if len(run) > 1:
                    bundles.append((run, (SAME_KAMERSTUK, SAME_REFERENCE)[rank]))
                    taken.update(run)
                run = []
            run.append(k)
        if len(run) > 1:
            bundles.append((run, (SAME_KAMERSTUK, SAME_REFERENCE)[rank]))
            taken.update(run)
    return bundles


def _dated(item: _Loaded) -> bool:
    return item.meta.date is not None and not item.meta.date_inferred


def _read_bundle(
    items: Sequence[_Loaded], reason: str, known: KnownNames | None
) -> list[tuple[DocumentMeta, tuple[Fact, ...], tuple[str, ...], Bundle]]:
    """Extract the parts of one bundle, in reading order."""
    bundle = Bundle(tuple(item.raw.name for item in items), reason)
    out = []
    for pos, item in enumerate(items):
        meta, warnings, lead_in = item.meta, list(item.raw.warnings), ""
        if meta.date is None or meta.date_inferred:  # a stated date of another part is better than a guess
            before = [other for other in reversed(items[:pos]) if _dated(other)]
            after = [other for other in items[pos + 1 :] if _dated(other)]
            donor = next(iter(before + after), None)
            if donor is not None:
                meta = replace(meta, date=donor.meta.date, date_inferred=False)
                warnings.append(f"{item.raw.name}: no date of its own; dated as {donor.raw.name} (same bundle)")
        previous = items[pos - 1] if pos else None
        if previous is not None and _starts_mid_sentence(item.cleaned) and _ends_mid_sentence(previous.cleaned):
            lead_in = _last_partial_sentence(previous.cleaned)
        facts = _extract(item.raw.text, item.raw.name, meta.date, lead_in, known)
        out.append((meta, tuple(facts), tuple(warnings), bundle))
    return out


def extract_paths(
    paths: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    bundles: Iterable[Sequence[int]] = (),
    known: KnownNames | None = None,
) -> list[ExtractionResult]:
    """Extract every file; a file that cannot be read gives a result with ``error`` set, the rest go on.

    ``bundles`` declares which files are parts of one document: each a sequence of indices into ``paths``,
    in reading order (a file that cannot be read drops out of its bundle). Other files are read alone, or
    in a bundle when the evidence is strong (see the module's docstring). ``known``: see :mod:`ims.extract.known`.
    """
    paths = list(paths)
    declared = [list(group) for group in bundles]
    flat = [k for group in declared for k in group]
    if len(flat) != len(set(flat)) or any(not 0 <= k < len(paths) for k in flat):
        raise ValueError("a declared bundle names a file twice, or one that is not in the batch")
    results: dict[int, ExtractionResult] = {}
    loaded: dict[int, _Loaded] = {}
    for n, path in enumerate(paths):
        try:
            raw = read_document(path, max_bytes=max_bytes)
        except DocumentError as exc:
            results[n] = ExtractionResult(Path(path).name, error=str(exc))
            continue
        loaded[n] = _Loaded(raw, read_meta(raw.text, raw.properties))
    groups = [([k for k in group if k in loaded], DECLARED) for group in declared]
    groups = [(group, reason) for group, reason in groups if len(group) > 1]
    alone = [n for n in loaded if n not in flat]
    groups += [([alone[k] for k in group], reason) for group, reason in _evident_bundles([loaded[n] for n in alone])]
    for group, reason in groups:
        parts = _read_bundle([loaded[n] for n in group], reason, known)
        for n, (meta, facts, warnings, bundle) in zip(group, parts, strict=True):
            raw = loaded[n].raw
            results[n] = ExtractionResult(raw.name, meta, facts, warnings, raw=raw, bundle=bundle)
    for n, item in loaded.items():
        if n not in results:
            facts = _extract(item.raw.text, item.raw.name, item.meta.date, known=known)
            results[n] = ExtractionResult(item.raw.name, item.meta, tuple(facts), item.raw.warnings, raw=item.raw)
    return [results[n] for n in sorted(results)]
