"""The lock files (requirements/*.txt) say exactly what pyproject.toml asks for: `make lock` was run after the
last change of a dependency, every pin of pyproject.toml is installed at that version, and nothing is
installed as a direct dependency that pyproject.toml no longer names."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("requirements_lock", ROOT / "requirements" / "lock.py")
lock = sys.modules.setdefault("requirements_lock", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(lock)

DATA = lock.pyproject_data()


def test_every_dependency_in_pyproject_is_pinned_to_one_version():
    loose = [
        spec
        for lock_set in (*lock.SETS, lock.INSTALLER)
        for spec in lock.set_requirements(DATA, lock_set)
        if lock.parse_requirement(spec)[1] is None
    ]
    assert loose == []


@pytest.mark.parametrize("lock_set", [*lock.SETS, lock.INSTALLER])
def test_the_lock_was_written_from_this_pyproject(lock_set):
    digest, _ = lock.read_lock(lock.LOCK_DIR / f"{lock_set}.txt")
    assert digest == lock.dependency_digest(DATA), "pyproject.toml changed since the last `make lock`"


@pytest.mark.parametrize("lock_set", [*lock.SETS, lock.INSTALLER])
def test_every_pin_of_pyproject_is_in_the_lock_at_its_version(lock_set):
    _, pins = lock.read_lock(lock.LOCK_DIR / f"{lock_set}.txt")
    locked = {(pin.name, pin.version) for pin in pins}
    wanted = {lock.parse_requirement(spec) for spec in lock.set_requirements(DATA, lock_set)}
    assert wanted - locked == set()


@pytest.mark.parametrize("lock_set", [*lock.SETS, lock.INSTALLER])
def test_nothing_is_locked_as_direct_that_pyproject_does_not_name(lock_set):
    _, pins = lock.read_lock(lock.LOCK_DIR / f"{lock_set}.txt")
    named = {lock.parse_requirement(spec)[0] for spec in lock.set_requirements(DATA, lock_set)}
    assert {pin.name for pin in pins if pin.direct} == named


def test_every_locked_package_has_a_hash():
    for lock_set in (*lock.SETS, lock.INSTALLER):
        text = (lock.LOCK_DIR / f"{lock_set}.txt").read_text(encoding="utf-8")
        entries = [e for e in text.split("\n") if e and not e.startswith((" ", "#"))]
        assert entries and all(e.endswith("\\") for e in entries), lock_set  # a --hash line follows each pin


def test_a_changed_pin_changes_the_digest():
    # The guard itself: moving any pin (here Django's) must make the lock stale.
    changed = {**DATA, "project": {**DATA["project"]}}
    changed["project"]["dependencies"] = [
        "Django==0.0.1" if lock.parse_requirement(s)[0] == "django" else s for s in DATA["project"]["dependencies"]
    ]
    assert lock.dependency_digest(changed) != lock.dependency_digest(DATA)
