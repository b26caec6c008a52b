"""Documents read together are read apart: a batch gives, document by document, exactly what reading each
document alone gives, whatever the selection and order of the batch. Only a declared bundle reads its parts
together, and then exactly as the bundle alone, whatever else is in the batch."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bench import quality
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ims.extract.pipeline import ExtractionResult, extract_path, extract_paths

SHARED = quality.shared_dir()
TEXTS = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "dev" / "texts").glob("*.txt"))
REPORT = [SHARED / "seeds" / name for name in quality.SEED_BUNDLES[0]]  # pages 1, 2, 3 of one report


def _facts(result: ExtractionResult) -> list[dict]:
    return [f.to_json() for f in result.facts]


@cache
def alone(path: Path) -> tuple[str | None, list[dict]]:
    result = extract_path(path)
    return (result.meta.date.iso() if result.meta.date else None), _facts(result)


@cache
def bundle_alone(pages: tuple[Path, ...]) -> tuple[list[dict], ...]:
    return tuple(_facts(r) for r in extract_paths(pages, bundles=[range(len(pages))]))


def test_the_corpus_is_there():
    assert len(TEXTS) == 45 and all(page in TEXTS for page in REPORT)


@settings(max_examples=25, derandomize=True, database=None, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(st.permutations(TEXTS).flatmap(lambda order: st.integers(1, len(order)).map(lambda n: order[:n])),
       st.booleans())  # fmt: skip
def test_a_batch_gives_each_document_the_facts_it_has_alone(batch, declare):
    pages = [page for page in REPORT if page in batch]  # in page order, wherever they stand in the batch
    declared = declare and len(pages) > 1
    bundles = [[batch.index(page) for page in pages]] if declared else []
    results = extract_paths(batch, bundles=bundles)
    assert [r.doc for r in results] == [p.name for p in batch]
    for path, result in zip(batch, results, strict=True):
        if declared and path in pages:
            assert _facts(result) == bundle_alone(tuple(pages))[pages.index(path)], path.name
            assert result.bundle is not None and result.bundle.members == tuple(p.name for p in pages)
        else:
            date, facts = alone(path)
            assert result.bundle is None, path.name
            assert (result.meta.date.iso() if result.meta.date else None) == date, path.name
            assert _facts(result) == facts, path.name
