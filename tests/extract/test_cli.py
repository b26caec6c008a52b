"""``ims extract FILE... --format jsonl|table``."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from bench import quality

from ims.extract.cli import main

LETTER = (
    "Datum 2 februari 2031\nBetreft Samenwerking\nBij beantwoording datum,\nonze referentie en betreft\n"
    "vermelden.\nDe Italiaanse defensie-uitgaven bedragen in 2030 €29 miljard (1,5% van het BBP).\n"
)


def test_jsonl_prints_one_fact_per_line(tmp_path, capsys):
    path = tmp_path / "brief.txt"
    path.write_text(LETTER, encoding="utf-8")
    assert main([str(path)]) == 0
    [line] = capsys.readouterr().out.splitlines()
    fact = json.loads(line)
    assert (fact["type"], fact["partner"], fact["year"], fact["amount"]) == (
        "defence_spending",
        "IT",
        2030,
        29e9,
    )
    assert fact["doc"] == "brief.txt" and fact["doc_date"] == "2031-02-02"
    assert LETTER[fact["evidence"]["start"] : fact["evidence"]["end"]].startswith("De Italiaanse")


def test_table_is_for_people(tmp_path, capsys):
    path = tmp_path / "brief.txt"
    path.write_text(LETTER, encoding="utf-8")
    assert main(["extract", str(path), "--format", "table"]) == 0  # the command word may stay in place
    out = capsys.readouterr().out
    assert "brief.txt (2031-02-02, 1 facts)" in out and "partner=IT" in out


def test_failed_files_are_reported_once_each_and_the_rest_go_on(tmp_path, capsys):
    good = tmp_path / "brief.txt"
    good.write_text(LETTER, encoding="utf-8")
    (tmp_path / "leeg.txt").write_bytes(b"")
    assert main([str(tmp_path / "leeg.txt"), str(good), str(tmp_path / "weg.txt")]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1
    errors = captured.err.splitlines()
    assert len(errors) == 2 and errors[0].startswith("ims extract: leeg.txt:") and "weg.txt" in errors[1]


def test_runs_as_a_module(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(LETTER, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "ims.extract.cli", str(path), "--format", "table"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0 and "partner=IT" in run.stdout


def test_bundle_reads_the_files_as_parts_of_one_document_in_the_order_given(shared_dir, capsys):
    pages = [str(shared_dir / "seeds" / name) for name in quality.SEED_BUNDLES[0]]
    assert main([*pages, "--format", "jsonl"]) == 0
    apart = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert main([*pages, "--bundle"]) == 0
    together = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {f["doc_date"] for f in apart if f["doc"] == quality.SEED_BUNDLES[0][1]} == {None}
    assert {f["doc_date"] for f in together if f["doc"] == quality.SEED_BUNDLES[0][1]} == {"2015-10-30"}


def test_register_needs_the_database_so_the_pure_command_refuses_it(tmp_path, capsys):
    path = tmp_path / "brief.txt"
    path.write_text(LETTER, encoding="utf-8")
    with pytest.raises(SystemExit) as refused:
        main([str(path), "--register"])
    assert refused.value.code == 2 and "ims extract --register" in capsys.readouterr().err
