"""Renderings and the command line: readable Dutch text, JSON, exit code 2 with one precise message."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ims.framework import GoalCategory, assess, get_scenario, render_text, to_dict, validate_proposal
from ims.framework.cli import main, run
from ims.framework.examples import example_paths

NH90 = example_paths()["nh90_maintenance_be"]


def _proposal():
    return validate_proposal(json.loads(NH90.read_text(encoding="utf-8")))


def test_text_rendering_is_dutch_and_complete() -> None:
    text = render_text(assess(_proposal(), get_scenario("economic-headwinds")))
    for heading in ("Beoordeling:", "Totaal:", "Doelen", "Kansrijkheid:", "Kosten:", "Partners", "Soevereiniteit"):
        assert heading in text
    assert "pooling (stap 2 van 6)" in text
    assert "financieel-economisch (doelmatigheid) 50%" in text
    assert "België (BE), strategische partner" in text


def test_to_dict_is_plain_json_with_codes() -> None:
    data = json.loads(json.dumps(to_dict(assess(_proposal(), get_scenario("balanced")))))
    assert data["proposal"]["form"] == "pooling"
    assert set(data["goal_scores"]) == set(GoalCategory.codes())
    assert data["total"]["reasons"][0]["factor"] == "score.political_strategic"
    assert data["partner_fits"][0]["ring"] == "strategic"


def test_run_is_what_the_django_side_calls() -> None:
    assert run(_proposal(), "balanced", "text").startswith("Beoordeling: ")
    assert json.loads(run(_proposal(), "balanced", "json"))["scenario"]["name"] == "balanced"
    with pytest.raises(ValueError, match="formaat"):
        run(_proposal(), "balanced", "xml")


def test_cli_assess_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", "--proposal", str(NH90), "--scenario", "economic-headwinds", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["scenario"]["name"] == "economic-headwinds"


def test_cli_compare_prints_ranking(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(path) for path in example_paths().values()]
    arguments = ["compare", *[item for path in paths for item in ("--proposal", path)], "--format", "text"]
    assert main(arguments) == 0
    out = capsys.readouterr().out
    assert "Rangorde" in out and "Niet samenwerken" in out and "Omslagpunten" in out


def _fails(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(arguments) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1  # one message, one line
    return captured.err


def test_unknown_scenario_exits_2_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    err = _fails(["assess", "--proposal", str(NH90), "--scenario", "storm"], capsys)
    assert "'storm'" in err and "balanced" in err


def test_invalid_proposal_exits_2_with_file_path_and_problem(tmp_path: Path, capsys) -> None:
    data = json.loads(NH90.read_text(encoding="utf-8"))
    data["goals"][1]["strength"] = 7
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    err = _fails(["assess", "--proposal", str(bad)], capsys)
    assert f"{bad}: goals[1].strength" in err and "tussen 0 en 1" in err


def test_unreadable_or_malformed_files_exit_2(tmp_path: Path, capsys) -> None:
    assert "niet lezen" in _fails(["assess", "--proposal", str(tmp_path / "missing.json")], capsys)
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": ', encoding="utf-8")
    assert "geen geldige JSON: regel 1" in _fails(["assess", "--proposal", str(broken)], capsys)


def test_argument_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess"]) == 2
    assert "--proposal" in capsys.readouterr().err


def test_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ims.framework", "assess", "--proposal", str(NH90)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Beoordeling: Pooling")
