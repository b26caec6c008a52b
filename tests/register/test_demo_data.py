"""Specification of the demo register (src/ims/register/demo/register.json).

Pure: json + pathlib + pytest and the framework's vocabularies, no Django. The seed letters are read from
``$IMS_SHARED_DIR/seeds`` (default: ``<repo root>/../shared/seeds``); the tests that need them are
skipped when that folder is missing.
"""

import itertools
import json
import os
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from ims.framework.ladder import Form
from ims.framework.vocab import AgreementKind, GoalCategory, Kind, Origin, Ring, SpendingStatus, Status

REPO = Path(__file__).resolve().parents[2]
REGISTER_PATH = REPO / "src" / "ims" / "register" / "demo" / "register.json"
SEEDS_DIR = Path(os.environ.get("IMS_SHARED_DIR", REPO.parent / "shared")) / "seeds"

SECTIONS = {
    "documents",
    "frameworks",
    "memberships",
    "rings",
    "initiatives",
    "agreements",
    "spending",
    "contributions",
    "procurements",
    "commitments",
}
BUILTIN_ORGS = {"NATO", "EU", "UN", "OSCE", "EDA", "BENELUX", "NORTHERN_GROUP", "JEF", "EI2", "PESCO"}
RINGS = set(Ring.codes())
KINDS = set(Kind.codes())
FORMS = {*Form.codes(), None}
ORIGINS = {*Origin.codes(), None}
STATUSES = set(Status.codes())
ROLES = {"lead", "participant", "observer"}
GOAL_CATEGORIES = set(GoalCategory.codes())
MILESTONE_STATUSES = {"planned", "on_track", "at_risk", "done", "cancelled"}
CLASSIFICATIONS = ["unclassified", "departmental_confidential", "confidential", "secret"]
AGREEMENT_KINDS = set(AgreementKind.codes())
SPENDING_STATUSES = set(SpendingStatus.codes())
CURRENCIES = {"EUR", "GBP", "USD", None}

ISO2 = re.compile(r"^[A-Z]{2}$")
UPPER_SNAKE = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$")
PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
FOOTER = re.compile(r"Pagina (\d+) van \d+|\d{2} \d{3}, nr\. \d+ (\d+)")
SENTENCE_END = ".!?"
CLOSERS = ")»”\"'’"
NGRAM = 9


# ------------------------------------------------------------------------------------------ fixtures
@pytest.fixture(scope="module")
def register():
    return json.loads(REGISTER_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_texts(register):
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed folder {SEEDS_DIR} not found")
    return {d["key"]: (SEEDS_DIR / d["file"]).read_text(encoding="utf-8") for d in register["documents"]}


# ------------------------------------------------------------------------------------------ helpers
def full_date(value):
    return date.fromisoformat(value) if value is not None else None


def iter_cites(node, path="$"):
    if isinstance(node, dict):
        if "cite" in node:
            yield path, node["cite"]
        for key, value in node.items():
            yield from iter_cites(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from iter_cites(value, f"{path}[{i}]")


def iter_strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from iter_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from iter_strings(value)


def words(text):
    return re.findall(r"\w+", text.lower())


def ngrams(tokens, n=NGRAM):
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def body_width(text):
    """The width of a full line of running text: the 90th percentile of the line lengths."""
    lengths = sorted(len(line.strip()) for line in text.split("\n") if line.strip())
    return lengths[int(len(lengths) * 0.9)]


def starts_sentence(text, start):
    """True when `start` is the first character of a sentence.

    A sentence starts after closing punctuation, or at the start of a line that follows a heading,
    a date line or a page footer: a line with a blank line above it that is clearly shorter than a
    full line of running text.
    """
    if not (text[start].isupper() or text[start].isdigit() or text[start] in "«“\"'("):
        return False
    before = text[:start].rstrip()
    if not before:
        return True
    if before[-1] in SENTENCE_END + ":;" or (before[-1] in CLOSERS and before[-2:-1] in list(SENTENCE_END)):
        return True
    if "\n" not in text[len(before) : start]:
        return False
    lines = before.split("\n")
    heading = lines[-1].strip()
    standalone = len(lines) < 2 or not lines[-2].strip()  # a heading has a blank line above it
    return standalone and len(heading) < 0.9 * body_width(text)


def ends_sentence(text, end):
    last = text[end - 1]
    closed = last in SENTENCE_END or (last in CLOSERS and text[end - 2] in SENTENCE_END)
    rest = text[end:].lstrip()
    return closed and (not rest or not rest[0].islower())


def all_partner_codes(register):
    return BUILTIN_ORGS | {f["code"] for f in register["frameworks"]}


def is_partner(code, register):
    return bool(ISO2.match(code)) or code in all_partner_codes(register)


def dutch_number(value):
    """0.95 -> '0,95'; 2.0 -> '2'; 1.3 -> '1,3' (how the letters write numbers)."""
    return f"{value:g}".replace(".", ",")


# ------------------------------------------------------------------------------------------ shape
def test_sections_are_exactly_the_schema(register):
    assert set(register) == SECTIONS


def test_documents_have_unique_keys_and_sane_metadata(register):
    keys = [d["key"] for d in register["documents"]]
    assert len(keys) == len(set(keys))
    for doc in register["documents"]:
        assert set(doc) == {"key", "file", "title", "date", "reference", "kamerstuk"}
        assert doc["file"].endswith(".txt")
        assert PARTIAL_DATE.match(doc["date"]), doc
        assert doc["title"].strip()


def test_documents_point_to_existing_seed_files(register, seed_texts):
    for doc in register["documents"]:
        assert (SEEDS_DIR / doc["file"]).is_file(), doc["file"]


def test_frameworks_are_new_codes_with_iso_members(register):
    codes = [f["code"] for f in register["frameworks"]]
    assert len(codes) == len(set(codes))
    for fw in register["frameworks"]:
        assert UPPER_SNAKE.match(fw["code"]), fw["code"]
        assert fw["code"] not in BUILTIN_ORGS
        assert fw["kind"] in {"framework", "organisation"}
        assert fw["name_nl"].strip() and fw["name_en"].strip()
        assert all(ISO2.match(m) for m in fw["members"]), fw


def test_memberships_use_known_ids_and_iso_codes(register):
    memberships = register["memberships"]
    assert set(memberships) <= BUILTIN_ORGS
    assert sorted(memberships["BENELUX"]) == ["BE", "LU", "NL"]
    for org, members in memberships.items():
        assert members and len(members) == len(set(members)), org
        assert all(ISO2.match(m) for m in members), org
        assert "NL" in members, org


# ------------------------------------------------------------------------------------------ citations
def test_every_cite_names_a_document_and_a_valid_range(register):
    keys = {d["key"] for d in register["documents"]}
    cites = list(iter_cites(register))
    assert cites
    for path, cite in cites:
        assert set(cite) == {"doc", "page", "start", "end"}, path
        assert cite["doc"] in keys, path
        assert isinstance(cite["start"], int) and isinstance(cite["end"], int), path
        assert 0 <= cite["start"] < cite["end"], path
        assert cite["page"] is None or (isinstance(cite["page"], int) and cite["page"] > 0), path


def test_every_cite_covers_whole_sentences_of_its_seed(register, seed_texts):
    for path, cite in iter_cites(register):
        text = seed_texts[cite["doc"]]
        assert cite["end"] <= len(text), path
        snippet = text[cite["start"] : cite["end"]][:60]
        assert starts_sentence(text, cite["start"]), f"{path} does not start a sentence: {snippet!r}"
        assert ends_sentence(text, cite["end"]), f"{path} does not end a sentence: {snippet!r}"


def test_cited_page_matches_the_next_page_footer(register, seed_texts):
    for path, cite in iter_cites(register):
        if cite["page"] is None:
            continue
        text = seed_texts[cite["doc"]]
        footer = FOOTER.search(text, cite["start"])
        assert footer, f"{path}: page {cite['page']} given but no footer follows"
        shown = int(footer.group(1) or footer.group(2))
        assert shown == cite["page"], path


# ------------------------------------------------------------------------------------------ rings
def test_ring_periods_are_valid_and_do_not_overlap(register):
    periods = defaultdict(list)
    for ring in register["rings"]:
        assert ISO2.match(ring["partner"]), ring
        assert ring["ring"] in RINGS, ring
        assert ring["reason"].strip(), ring
        start, end = full_date(ring["valid_from"]), full_date(ring["valid_to"])
        assert end is None or end > start, ring
        periods[ring["partner"]].append((start, end))
    for partner, spans in periods.items():
        spans.sort()
        for (_, prev_end), (next_start, _) in itertools.pairwise(spans):
            assert prev_end is not None and next_start >= prev_end, f"overlap for {partner}"
        assert spans[-1][1] is None, f"last period of {partner} must stay open"


def test_rings_cover_the_2019_strategic_partners(register):
    open_strategic = {
        r["partner"] for r in register["rings"] if r["valid_to"] is None and r["ring"] == "strategic"
    }
    assert {"BE", "LU", "DE", "FR", "NO", "GB", "US"} <= open_strategic


# ------------------------------------------------------------------------------------------ initiatives
def test_at_least_25_initiatives_with_unique_keys(register):
    keys = [i["key"] for i in register["initiatives"]]
    assert len(keys) >= 25
    assert len(keys) == len(set(keys))


def test_initiative_vocabulary_and_participants(register):
    frameworks = all_partner_codes(register)
    for ini in register["initiatives"]:
        key = ini["key"]
        assert ini["title"].strip() and ini["summary"].strip(), key
        assert ini["kind"] in KINDS, key
        assert ini["form"] in FORMS, key
        assert ini["origin"] in ORIGINS, key
        assert ini["status"] in STATUSES, key
        assert ini["classification"] in CLASSIFICATIONS, key
        assert isinstance(ini["sovereign_capability"], bool), key
        assert ini["participants"], f"{key} has no participants"
        partners = [p["partner"] for p in ini["participants"]]
        assert len(partners) == len(set(partners)), key
        for part in ini["participants"]:
            assert part["role"] in ROLES, key
            assert is_partner(part["partner"], register), (key, part)
        assert sum(p["role"] == "lead" for p in ini["participants"]) <= 1, f"{key}: one lead nation at most"
        if ini["lead"] is not None:
            assert {"partner": ini["lead"], "role": "lead"} in ini["participants"], key
        assert set(ini["frameworks"]) <= frameworks, key
        assert "cite" in ini and ini["cite"]["doc"], key


def test_initiative_dates_goals_costs_and_links(register):
    keys = {i["key"] for i in register["initiatives"]}
    for ini in register["initiatives"]:
        key = ini["key"]
        for first, last in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
            start, end = full_date(ini[first]), full_date(ini[last])
            if start and end:
                assert end > start, key
        for goal in ini["goals"]:
            assert goal["category"] in GOAL_CATEGORIES, key
            assert goal["statement"].strip(), key
            indicator = goal["indicator"]
            if indicator is not None:
                assert indicator["name"] and indicator["unit"], key
                assert all(isinstance(indicator[f], int | float) for f in ("baseline", "target")), key
                assert all(isinstance(v["value"], int | float) for v in indicator["values"]), key
        for cost in ("staff_fte", "units_committed"):
            assert ini[cost] is None or ini[cost] >= 0, key
        assert all(b["amount_eur"] >= 0 and isinstance(b["year"], int) for b in ini["budget"]), key
        assert set(ini["related"]) <= keys - {key}, key


def test_milestone_done_iff_done_date(register):
    for ini in register["initiatives"]:
        for ms in ini["milestones"]:
            full_date(ms["due"])
            assert ms["status"] in MILESTONE_STATUSES, (ini["key"], ms)
            assert (ms["status"] == "done") == (ms["done"] is not None), (ini["key"], ms)
            if ms["done"] is not None:
                full_date(ms["done"])


def test_three_or_four_initiatives_are_classified(register):
    classified = [i for i in register["initiatives"] if i["classification"] != "unclassified"]
    assert 3 <= len(classified) <= 4
    assert len({i["classification"] for i in classified}) >= 2


# ------------------------------------------------------------------------------------------ other facts
def test_agreements(register):
    keys = {i["key"] for i in register["initiatives"]}
    for agr in register["agreements"]:
        assert agr["kind"] in AGREEMENT_KINDS, agr
        assert agr["parties"] and all(is_partner(p, register) for p in agr["parties"]), agr
        assert isinstance(agr["legally_binding"], bool), agr
        assert agr["signed"] is None or PARTIAL_DATE.match(agr["signed"]), agr
        full_date(agr["entry_into_force"])
        full_date(agr["ends"])
        assert agr["initiative"] is None or agr["initiative"] in keys, agr


def test_spending_values_are_plausible_and_unique(register):
    seen = set()
    for row in register["spending"]:
        assert ISO2.match(row["partner"]), row
        assert row["status"] in SPENDING_STATUSES, row
        assert row["currency"] in CURRENCIES, row
        assert row["pct_gdp"] is None or 0 <= row["pct_gdp"] <= 100, row
        assert row["amount"] is None or row["amount"] >= 0, row
        assert (row["amount"] is None) == (row["currency"] is None), row
        assert row["amount"] is not None or row["pct_gdp"] is not None, row
        assert row["year"] is not None or row["status"] == "target", row
        key = (row["partner"], row["year"], row["status"])
        assert key not in seen, key
        seen.add(key)


def test_spending_figures_are_written_in_the_cited_span(register, seed_texts):
    for row in register["spending"]:
        cite = row["cite"]
        span = " ".join(seed_texts[cite["doc"]][cite["start"] : cite["end"]].split())
        if row["pct_gdp"] is not None:
            assert f"{dutch_number(row['pct_gdp'])}%" in span, row
        if row["year"] is not None:
            assert str(row["year"]) in span, row
        if row["amount"] is not None:
            assert f"{dutch_number(row['amount'] / 1e9)} miljard" in span, row


def test_contributions(register):
    for con in register["contributions"]:
        assert con["operation"].strip(), con
        assert con["location"] is None or ISO2.match(con["location"]), con
        assert isinstance(con["year"], int), con
        assert con["personnel"] is None or (isinstance(con["personnel"], int) and con["personnel"] > 0), con
        assert "NL" not in con["partners"] and all(ISO2.match(p) for p in con["partners"]), con


def test_personnel_numbers_are_written_in_the_cited_span(register, seed_texts):
    for con in register["contributions"]:
        if con["personnel"] is not None:
            cite = con["cite"]
            assert str(con["personnel"]) in seed_texts[cite["doc"]][cite["start"] : cite["end"]], con


def test_procurements(register):
    for proc in register["procurements"]:
        assert is_partner(proc["partner"], register) and proc["system"].strip(), proc
        assert proc["quantity"] is None or proc["quantity"] > 0, proc
        assert proc["year"] is None or isinstance(proc["year"], int), proc


def test_commitments(register):
    keys = {d["key"] for d in register["documents"]}
    for com in register["commitments"]:
        assert com["subject"].strip(), com
        assert PARTIAL_DATE.match(com["made_on"]), com
        full_date(com["due"])
        assert com["answered_in"] is None or com["answered_in"] in keys, com
    assert {"Eijsink", "Segers"} <= {c["member"] for c in register["commitments"]}


def test_natural_keys_are_unique_so_that_loading_twice_adds_nothing(register):
    natural_keys = {
        "initiatives": lambda r: r["title"],
        "agreements": lambda r: (r["kind"], r["title"]),
        "contributions": lambda r: (r["operation"], r["year"]),
        "procurements": lambda r: (r["partner"], r["system"], r["year"], r["quantity"]),
        "commitments": lambda r: (r["member"], r["subject"]),
        "rings": lambda r: (r["partner"], r["valid_from"]),
    }
    for section, key_of in natural_keys.items():
        keys = [key_of(row) for row in register[section]]
        assert len(keys) == len(set(keys)), section


# ------------------------------------------------------------------------------------------ own words
@pytest.fixture(scope="module")
def seed_ngrams(seed_texts):
    grams = set()
    for text in seed_texts.values():
        grams |= ngrams(words(text))
        grams |= ngrams(words(re.sub(r"-\s*\n\s*", "", text)))  # hyphenated line breaks rejoined
    return grams


def test_no_string_copies_nine_words_of_a_seed(register, seed_ngrams):
    for value in iter_strings(register):
        copied = ngrams(words(value)) & seed_ngrams
        assert not copied, f"copied from a seed: {' '.join(sorted(copied)[0])!r} in {value!r}"


def test_register_file_as_a_whole_copies_no_nine_words(seed_ngrams):
    copied = ngrams(words(REGISTER_PATH.read_text(encoding="utf-8"))) & seed_ngrams
    assert not copied, sorted(copied)[:3]
