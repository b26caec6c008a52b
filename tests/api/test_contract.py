"""The API keeps the contract its schema states: schemathesis reads the live schema and probes every operation
as an analyst and as a viewer (every check; coverage, fuzzing and stateful phases), and finds no server error
and no answer the schema does not describe.

Deterministic (a fixed seed, derandomized, a bounded number of examples: see schemathesis.toml beside this
file), so that a failure here is the same failure on the next run. `make fuzz` runs the same probe at length.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ims.api.services import token_issue

CONFIG = Path(__file__).with_name("schemathesis.toml")

pytestmark = pytest.mark.django_db(transaction=True)


def schemathesis(url: str, token: str, workdir: Path, *extra: str) -> subprocess.CompletedProcess:
    # `make fuzz` asks for many more examples than the test run's few.
    if os.environ.get("IMS_CONTRACT_EXAMPLES"):
        extra = ("--max-examples", os.environ["IMS_CONTRACT_EXAMPLES"], *extra)
    return subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "--config-file", str(CONFIG), "--no-color", "run",
         f"{url}/api/v1/schema/?format=json", "--checks", "all", "-H", f"Authorization: Token {token}",
         # A connection per request: the test server answers a kept-alive connection only after the client's
         # delayed acknowledgement (40 ms a request), gunicorn does not.
         "-H", "Connection: close", *extra],
        capture_output=True, text=True, timeout=3600, cwd=workdir,  # where it keeps its cache
    )


@pytest.mark.parametrize("role", ["analyst", "viewer"])
def test_schemathesis_finds_nothing_outside_the_schema(register, role, request, live_server, tmp_path):
    user = request.getfixturevalue(role)
    started = time.perf_counter()
    result = schemathesis(live_server.url, token_issue(user=user).key, tmp_path)
    summary = result.stdout[result.stdout.rfind("SUMMARY"):]
    print(f"\nschemathesis as {role}: {time.perf_counter() - started:.0f} s\n{summary}")
    assert result.returncode == 0, result.stdout[-30000:] + result.stderr[-3000:]
    assert "Coverage" in summary and "Fuzzing" in summary and "Stateful" in summary
    assert " 0 generated" not in summary
