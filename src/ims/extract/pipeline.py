"""The ingestion pipeline: file -> text -> cleaned text -> sentences -> facts.

``extract_path`` handles one file; ``extract_paths`` a batch, in which fragments of one report (files
without a date of their own) borrow the date of the document they belong to: the one with the same
"Pagina x van N" page count, or the one whose last sentence they finish. A fragment that finishes
another's sentence also gets that sentence as context ("lead-in"), so that, for instance, a request
made "tijdens de begrotingsbehandeling van november 2014" is dated even though the date is in the other
file. Facts never point into the lead-in: evidence offsets always refer to the fragment's own text.
"""

from __future__ import annotations

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

    @property
    def ok(self) -> bool:
        return self.error is None


def extract_text(
    text: str, doc_name: str, *, doc_date: PartialDate | str | None = None, lead_in: str = ""
) -> list[Fact]:
    """Facts stated in ``text`` (the document's original text), with evidence offsets into ``text``.

    ``doc_date`` is the document's own date (read from the text when not given); ``lead_in`` is text
    from a preceding fragment that ``text`` continues, used as context only.
    Never raises on any text; a ``doc_date`` string that is not ISO raises :class:`DateError`.
    """
    if isinstance(doc_date, str):
        doc_date = PartialDate.from_iso(doc_date)
    return _extract(text, doc_name, doc_date or read_meta(text).date, lead_in)


def _extract(text: str, doc_name: str, doc_date: PartialDate | None, lead_in: str = "") -> list[Fact]:
    shift = len(lead_in) + 1 if lead_in else 0
    clean = clean_text(f"{lead_in} {text}" if lead_in else text)
    lead_clean = next((k for k in range(len(clean.text)) if clean.to_original(k) >= shift), 0) if shift else 0
    doc = DocContext(doc_name, clean, doc_date, lead_in=lead_clean)
    facts: list[Fact] = []
    for extractor in EXTRACTORS:
        facts.extend(extractor(doc))
    if shift:
        facts = [
            replace(f, evidence=Evidence(max(0, f.evidence.start - shift), f.evidence.end - shift))
            for f in facts
            if f.evidence.end > shift
        ]
    return facts


def extract_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ExtractionResult:
    """Read one file and extract its facts. Raises :class:`DocumentError` if the file cannot be read."""
    raw = read_document(path, max_bytes=max_bytes)
    meta = read_meta(raw.text)
    facts = _extract(raw.text, raw.name, meta.date)
    return ExtractionResult(raw.name, meta, tuple(facts), raw.warnings, raw=raw)


def _ends_mid_sentence(clean_text_: str) -> bool:
    return bool(clean_text_.strip()) and not clean_text_.rstrip().endswith(_SENTENCE_END)


def _starts_mid_sentence(clean_text_: str) -> bool:
    stripped = clean_text_.lstrip()
    return bool(stripped) and stripped[0].islower()


def _last_partial_sentence(clean_text_: str) -> str:
    sentences = split_sentences(clean_text_)
    return sentences[-1].text if sentences else ""


@dataclass
class _Loaded:
    raw: RawDocument
    meta: DocumentMeta

    @cached_property
    def cleaned(self) -> str:  # only needed to match fragments, which is rare: computed on demand
        return clean_text(self.raw.text).text


def _parent(item: _Loaded, loaded: Sequence[_Loaded]) -> tuple[_Loaded | None, str]:
    """The dated document a dateless fragment belongs to, and why."""
    dated = [other for other in loaded if other is not item and other.meta.date is not None]
    if item.meta.page_total:
        for other in dated:
            if other.meta.page_total == item.meta.page_total:
                return other, "same page numbering"
    if _starts_mid_sentence(item.cleaned):
        for other in dated:
            if other.meta.signer is None and _ends_mid_sentence(other.cleaned):
                return other, "continues its last sentence"
    return None, ""


def extract_paths(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[ExtractionResult]:
    """Extract every file; a file that cannot be read gives a result with ``error`` set, the rest go on."""
    results: dict[int, ExtractionResult] = {}
    loaded: list[tuple[int, _Loaded]] = []
    for n, path in enumerate(paths):
        try:
            raw = read_document(path, max_bytes=max_bytes)
        except DocumentError as exc:
            results[n] = ExtractionResult(Path(path).name, error=str(exc))
            continue
        loaded.append((n, _Loaded(raw, read_meta(raw.text))))
    items = [item for _, item in loaded]
    for n, item in loaded:
        meta, warnings, lead_in = item.meta, list(item.raw.warnings), ""
        if meta.date is None:
            parent, why = _parent(item, items)
            if parent is not None:
                meta = replace(meta, date=parent.meta.date)
                warnings.append(f"{item.raw.name}: no date of its own; dated as {parent.raw.name} ({why})")
                if _starts_mid_sentence(item.cleaned) and _ends_mid_sentence(parent.cleaned):
                    lead_in = _last_partial_sentence(parent.cleaned)
        facts = _extract(item.raw.text, item.raw.name, meta.date, lead_in)
        results[n] = ExtractionResult(item.raw.name, meta, tuple(facts), tuple(warnings), raw=item.raw)
    return [results[n] for n in sorted(results)]
