"""Letters go into the review queue whole or not at all; the same file twice changes nothing."""

from __future__ import annotations

import shutil

import pytest
from django.core.management import CommandError, call_command

from ims.ingest.models import ExtractedFact
from ims.ingest.services import documents_ingest
from ims.register.models import SourceDocument
from ims.register.reference import reference_load
from tests.db import in_db

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds(shared_dir, tmp_path):
    """Copies of the five seed letters, so tests may also damage them."""
    out = tmp_path / "seeds"
    shutil.copytree(shared_dir / "seeds", out)
    return sorted(out.glob("*.txt"))


def test_seeds_go_into_the_review_queue_with_offsets_into_their_text(seeds):
    reference_load()
    outcomes = documents_ingest(paths=seeds)
    assert [o.status for o in outcomes] == ["ingested"] * 5
    assert in_db(SourceDocument).count() == 5
    facts = list(in_db(ExtractedFact).select_related("document"))
    assert len(facts) >= 60
    for fact in facts:
        original = (seeds[0].parent / fact.document.filename).read_text(encoding="utf-8")
        assert fact.document.text == original
        assert original[fact.start:fact.end].strip(), "evidence points at real text"
        assert fact.status == "pending"
    dated = in_db(SourceDocument).get(filename__startswith="004_")
    assert str(dated.date) == "2019-12-12"


def test_the_same_file_twice_changes_nothing(seeds):
    documents_ingest(paths=seeds[:2])
    counts = (in_db(SourceDocument).count(), in_db(ExtractedFact).count())
    outcomes = documents_ingest(paths=seeds[:2])
    assert [o.status for o in outcomes] == ["unchanged", "unchanged"]
    assert (in_db(SourceDocument).count(), in_db(ExtractedFact).count()) == counts


@pytest.mark.parametrize(
    "name,content,expected",
    [
        ("leeg.txt", b"", "leeg"),
        ("rommel.txt", bytes(range(256)) * 40, ""),
        ("kapot.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nrommel", ""),
        ("tabel.xlsx", b"PK\x03\x04 niet ondersteund", ""),
    ],
)
def test_a_bad_file_fails_alone_with_one_clear_line(seeds, tmp_path, name, content, expected):
    bad = tmp_path / name
    bad.write_bytes(content)
    outcomes = documents_ingest(paths=[seeds[0], bad, seeds[2]])
    assert [o.status for o in outcomes] == ["ingested", "failed", "ingested"]
    failure = outcomes[1]
    assert failure.filename == name and failure.message and "\n" not in failure.message
    assert expected in failure.message.lower()
    assert not in_db(SourceDocument).filter(filename=name).exists(), "nothing partial is stored"


def test_cp1252_text_is_read_with_a_warning(tmp_path):
    letter = tmp_path / "brief.txt"
    text = "Den Haag, 3 maart 2020. De minister bezocht Belgi\xeb en ondertekende een verdrag."
    letter.write_bytes(text.encode("cp1252"))
    outcome = documents_ingest(paths=[letter])[0]
    assert outcome.status == "ingested"
    assert "België" in outcome.document.text


def test_ims_ingest_exits_non_zero_when_a_file_failed(seeds, tmp_path, capsys):
    bad = tmp_path / "leeg.txt"
    bad.write_bytes(b"")
    with pytest.raises(CommandError) as failure:
        call_command("ingest", str(seeds[0]), str(bad))
    assert failure.value.returncode == 1
    err = capsys.readouterr().err
    assert "leeg.txt:" in err
    assert in_db(SourceDocument).filter(filename=seeds[0].name).exists()
