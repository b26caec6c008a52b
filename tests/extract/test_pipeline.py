"""The whole pipeline: scores on the seed letters, evidence offsets, fragments, PDF input, bad files."""

from __future__ import annotations

import html
import importlib.util
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ims.extract.facts import AGREEMENT_KINDS, FACT_TYPES, FORMS, RINGS, SPENDING_STATUSES, STATUSES
from ims.extract.pipeline import extract_path, extract_paths, extract_text

SRC = Path(__file__).resolve().parents[2] / "src" / "ims"
FACTS_MD_FIELDS = {
    "partner_ring": ["partner", "ring", "year"],
    "agreement": ["kind", "parties", "date", "subject"],
    "defence_spending": ["partner", "year", "amount", "currency", "pct_gdp", "status"],
    "contribution": ["operation", "location", "year", "personnel", "partners"],
    "procurement": ["partner", "system", "quantity", "year"],
    "commitment": ["member", "subject", "date"],
    "initiative": ["name", "partners", "form", "status"],
}


def load_scorer(shared_dir: Path):
    spec = importlib.util.spec_from_file_location("score_facts", shared_dir / "tools" / "score_facts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_paths(shared_dir: Path) -> list[Path]:
    paths = sorted((shared_dir / "seeds").glob("*.txt"))
    assert len(paths) == 5
    return paths


def test_scores_on_the_seed_letters(shared_dir):
    scorer = load_scorer(shared_dir)
    gold = [f for p in sorted((shared_dir / "gold").glob("*.gold.jsonl")) for f in scorer.load_jsonl(p)]
    produced = [f.to_json() for r in extract_paths(seed_paths(shared_dir)) for f in r.facts]
    result = scorer.score(gold, produced)
    rows = result["per_type"]
    assert result["malformed"] == 0
    assert rows["overall"]["f1"] >= 0.90, rows["overall"]
    for fact_type in FACT_TYPES:
        assert rows[fact_type]["f1"] >= 0.80, (fact_type, rows[fact_type])


def test_evidence_points_at_whole_sentences_of_the_original(shared_dir):
    for result in extract_paths(seed_paths(shared_dir)):
        text = (shared_dir / "seeds" / result.doc).read_text(encoding="utf-8")
        for fact in result.facts:
            start, end = fact.evidence.start, fact.evidence.end
            assert 0 <= start < end <= len(text), fact
            quoted = text[start:end]
            assert (
                (quoted == quoted.strip() and quoted[0].isupper())
                or quoted[0].isdigit()
                or quoted[0] in "«‘–-"
            )
            assert quoted[-1] in ".!?»’)" or result.doc.startswith(("000", "003")), (fact.type, quoted[-40:])


def test_fact_json_has_exactly_the_documented_fields(shared_dir):
    result = extract_path(shared_dir / "seeds" / "004_4484bafba4789bf3.txt")
    assert {f.type for f in result.facts} == set(FACT_TYPES) - {"commitment"}  # 004 makes no promise
    for fact in result.facts:
        data = fact.to_json()
        assert list(data) == [
            "type",
            "doc",
            "doc_date",
            *FACTS_MD_FIELDS[fact.type],
            "evidence",
            "confidence",
            "rule",
        ]
        assert data["doc"] == "004_4484bafba4789bf3.txt" and data["doc_date"] == "2019-12-12"
        assert 0.0 <= data["confidence"] <= 1.0
        json.dumps(data)
        for key in ("parties", "partners"):
            if key in data:
                assert data[key] == sorted(data[key])


def test_coded_fields_use_the_documented_vocabulary(shared_dir):
    allowed = {"ring": RINGS, "kind": AGREEMENT_KINDS, "form": (*FORMS, None), "status": (*STATUSES, None)}
    for result in extract_paths(seed_paths(shared_dir)):
        for fact in result.facts:
            data = fact.to_json()
            if fact.type == "defence_spending":
                assert data["status"] in SPENDING_STATUSES
                continue
            for key, values in allowed.items():
                if key in data:
                    assert data[key] in values, (fact.type, key, data[key])


def test_fragments_of_one_report_borrow_its_date(shared_dir):
    results = {r.doc: r for r in extract_paths(seed_paths(shared_dir))}
    fragment = results["003_3c641113c2f2229c.txt"]
    assert fragment.meta.date.iso() == "2015-10-30"
    assert any("dated as 000" in w for w in fragment.warnings)
    # A lone fragment has no date, and says so in its facts.
    alone = extract_path(shared_dir / "seeds" / "003_3c641113c2f2229c.txt")
    assert alone.meta.date is None and all(f.doc_date is None for f in alone.facts)


def test_lead_in_gives_context_but_evidence_stays_in_the_fragment():
    lead_in = "Tijdens het commissiedebat van januari 2031 en enkele"
    text = "andere debatten sprak ik met de Kamer. Op verzoek van het lid Bos zal ik ingaan op de kosten."
    facts = extract_text(text, "frag.txt", doc_date="2031-06-01", lead_in=lead_in)
    [commitment] = [f for f in facts if f.type == "commitment"]
    assert commitment.member == "Bos" and commitment.date == "2031-01"
    assert text[commitment.evidence.start : commitment.evidence.end].startswith("Op verzoek van het lid Bos")


def test_a_bad_file_does_not_stop_the_batch(tmp_path, shared_dir):
    (tmp_path / "leeg.txt").write_bytes(b"")
    results = extract_paths([tmp_path / "leeg.txt", shared_dir / "seeds" / "000_c506f414f3057816.txt"])
    assert [r.ok for r in results] == [False, True]
    assert results[0].error.startswith("leeg.txt:") and results[1].facts


def test_pdf_rendered_from_a_seed_gives_the_same_facts(shared_dir, tmp_path):
    weasyprint = pytest.importorskip("weasyprint")
    seed = shared_dir / "seeds" / "004_4484bafba4789bf3.txt"
    body = html.escape(seed.read_text(encoding="utf-8"))
    page = (
        "<html><head><style>@page { size: A4 landscape; margin: 1cm }"
        "pre { font: 8pt monospace; white-space: pre-wrap }</style></head>"
        f"<body><pre>{body}</pre></body></html>"
    )
    pdf = tmp_path / "004.pdf"
    weasyprint.HTML(string=page).write_pdf(pdf)
    keys = {}
    for path in (seed, pdf):
        result = extract_path(path)
        keys[path.suffix] = {
            tuple(
                sorted(
                    (k, json.dumps(v))
                    for k, v in f.to_json().items()
                    if k not in ("doc", "evidence", "confidence", "rule", "subject")
                )
            )
            for f in result.facts
        }
    assert keys[".pdf"] == keys[".txt"]


def test_the_pure_packages_import_nothing_from_django():
    for package in ("text", "extract"):
        for path in (SRC / package).glob("*.py"):
            source = path.read_text(encoding="utf-8")
            assert not re.search(r"^\s*(?:from|import)\s+(?:django|ims\.(?!text|extract))", source, re.M), (
                path
            )


_FRAGMENTS = [
    "Nederland", "en", "België", "tekenden", "op 3 mei 2030", "een MoU", "over", "(NCN)", "Nordic Cloud",
    "Network", "de defensie-uitgaven", "bedragen", "€4,5 miljard", "(1,2% van het BBP)", ".", ",", "\n",
    " \n \n", "het lid Bos", "zal ik", "ingaan op", "samen met", "Polen", "leverde", "200 militairen",
    "aan de", "Reaction Force", "in", "Litouwen", "strategische partners", "te weten", "Pagina 2 van 9",
    "-\n", "«", "»", "Het gaat om", "jl.",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=60).map(" ".join))
def test_any_text_extracts_without_error(text):
    for fact in extract_text(text, "fuzz.txt", doc_date="2030-06-01"):
        assert 0 <= fact.evidence.start <= fact.evidence.end <= len(text)
        json.dumps(fact.to_json())
