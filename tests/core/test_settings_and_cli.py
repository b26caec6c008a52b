"""Configuration comes from the environment; production refuses to start without a secret key."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from ims.cli import main
from ims.core.gate import gate_open
from ims.register.models import Initiative, RingAssignment
from tests.db import in_db

REPO = Path(__file__).resolve().parents[2]


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("IMS_")}
    environment.update(env)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment, timeout=60)


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python("import django; django.setup()", DJANGO_SETTINGS_MODULE="ims.conf.production")
    assert result.returncode != 0
    assert "IMS_SECRET_KEY" in result.stderr


def test_production_starts_with_a_secret_key_and_is_hardened():
    code = ("from django.conf import settings as s; import django; django.setup();"
            "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)")
    result = run_python(code, DJANGO_SETTINGS_MODULE="ims.conf.production", IMS_SECRET_KEY="x" * 60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True"]


def test_environment_sets_database_hosts_and_data_dir(tmp_path):
    code = ("from django.conf import settings as s; import django; django.setup();"
            "print(s.DATABASES['default']['NAME'], s.ALLOWED_HOSTS, s.DEBUG)")
    result = run_python(code, DJANGO_SETTINGS_MODULE="ims.conf.base", IMS_DATA_DIR=str(tmp_path),
                        IMS_ALLOWED_HOSTS="ims.example,127.0.0.1", IMS_DEBUG="true")
    assert result.returncode == 0, result.stderr
    name, hosts, debug = result.stdout.strip().split(" ", 1)[0], result.stdout, result.stdout.split()[-1]
    assert name == str(tmp_path / "ims.sqlite3")
    assert "'ims.example', '127.0.0.1'" in hosts and debug == "True"


def test_defaults_are_safe_for_localhost():
    code = "from django.conf import settings as s; import django; django.setup(); print(s.DEBUG, s.ALLOWED_HOSTS)"
    result = run_python(code, DJANGO_SETTINGS_MODULE="ims.conf.base")
    assert result.stdout.strip() == "False ['127.0.0.1', 'localhost']"


def test_ims_console_script_dispatches_hyphenated_commands(capsys, db):
    assert main(["load-reference"]) == 0
    assert "Referentiegegevens geladen" in capsys.readouterr().out


@pytest.mark.django_db
def test_synth_is_deterministic():
    def titles_and_rings():
        return (list(in_db(Initiative).order_by("title").values_list("title", "status", "form", "classification")),
                list(in_db(RingAssignment).order_by("partner__code", "valid_from").values_list("partner__code",
                                                                                                "ring")))

    call_command("synth", initiatives=40, partners=10, seed=7)
    first = titles_and_rings()
    with gate_open("test: start again from an empty register"):
        in_db(Initiative).delete()
        in_db(RingAssignment).delete()
    call_command("synth", initiatives=40, partners=10, seed=7)
    assert titles_and_rings() == first
    assert len(first[0]) == 40 and len({r[0] for r in first[1]}) == 10
    assert {c for *_, c in first[0]} > {0}, "a share of the synthetic register is classified"
