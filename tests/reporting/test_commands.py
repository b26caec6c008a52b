"""`ims report` and `ims report-diff`: files written and audited; bad input gives one Dutch line and a
non-zero exit."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from ims.core.audit import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


def test_report_writes_the_file_and_audits_it(small_register, tmp_path):
    out = io.StringIO()
    target = tmp_path / "sub" / "rapport.md"
    call_command("report", "--year", "2019", "--format", "md", "--classification", "confidential",
                 "--out", str(target), stdout=out)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("**Stg. Confidentieel**") and "Project Zeeleeuw" in text
    assert str(target) in out.getvalue()
    entry = AuditEntry.objects.get(action=AuditAction.DOWNLOAD)
    assert entry.changes == {"year": 2019, "classification": 2, "format": "md", "version": None}


def test_report_accepts_the_dutch_label_and_defaults_to_unclassified(small_register, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    call_command("report", "--year", "2019", "--format", "html", stdout=io.StringIO())
    assert (tmp_path / "rapportage-2019-ongerubriceerd-concept.html").exists()
    call_command("report", "--year", "2019", "--format", "html", "--classification", "Stg. Geheim",
                 stdout=io.StringIO())
    assert (tmp_path / "rapportage-2019-stg-geheim-concept.html").exists()


@pytest.mark.parametrize("args,message", [
    (["--year", "2019", "--format", "xls"], "Onbekend formaat 'xls'; kies uit docx, pdf, html, md."),
    (["--year", "1800", "--format", "pdf"], "Het jaar 1800 valt buiten het bereik van de rapportage"),
    (["--year", "twintig", "--format", "pdf"], "'twintig' is geen jaar"),
    (["--format", "pdf"], "Geef het jaar van de rapportage op met --year"),
    (["--year", "2019", "--format", "pdf", "--classification", "topgeheim"], "Onbekende rubricering 'topgeheim'"),
])
def test_report_refuses_bad_input_in_dutch(args, message):
    with pytest.raises(CommandError) as refused:
        call_command("report", *args)
    assert message in str(refused.value) and refused.value.returncode == 2


def test_report_diff_refuses_bad_years():
    with pytest.raises(CommandError, match="moet vóór het tweede"):
        call_command("report_diff", "2019", "2018")
    with pytest.raises(CommandError, match="Geef twee jaren op"):
        call_command("report_diff", "2019")


def test_the_ims_script_prints_one_dutch_line_and_exits_non_zero(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMS_")}
    env.update(IMS_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="ims.conf.ci")
    result = subprocess.run([sys.executable, "-m", "ims.cli", "report", "--year", "2019", "--format", "xls"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["Fout: Onbekend formaat 'xls'; kies uit docx, pdf, html, md."]
