"""`make lock`: write requirements/*.txt, every package pinned with its PyPI hashes, from pyproject.toml.

Each lock file is one install set (the project's dependencies, plus the extras it names) resolved for every
Python 3.11 platform, together with the build backend of `[build-system]`, so that `pip install
--require-hashes -r requirements/SET.txt` followed by `pip install --no-deps --no-build-isolation -e .`
fetches nothing that is not pinned and hashed.

Resolution asks PyPI only, with no pip or uv configuration of this machine (local wheel folders or mirrors
would give other files and other hashes than a fresh machine sees). Every file starts with a digest of
pyproject.toml's dependency lists; `tests/test_requirements_lock.py` recomputes it, so a pyproject change
without `make lock` fails the suite.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
LOCK_DIR = ROOT / "requirements"
INDEX_URL = "https://pypi.org/simple"

# install set → the extras of pyproject.toml it includes (the base dependencies are always in); dev first,
# because the others are resolved within its versions
SETS: dict[str, tuple[str, ...]] = {
    "dev": ("dev",),
    "base": (),
    "bench": ("dev", "bench"),
    "fuzz": ("dev", "fuzz"),
}
# The installer itself, installed into a new venv before anything else (`[tool.ims] installer` in
# pyproject.toml): the pip a Python ships may be too old for hash-checking installs of packages with extras.
INSTALLER = "pip"

DIGEST_PREFIX = "# pyproject-digest: sha256:"


def pyproject_data(path: Path = PYPROJECT) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def dependency_digest(data: dict) -> str:
    """A digest of everything in pyproject.toml that decides what gets installed."""
    project = data["project"]
    relevant = {
        "requires-python": project.get("requires-python"),
        "dependencies": sorted(project.get("dependencies", [])),
        "optional-dependencies": {k: sorted(v) for k, v in project.get("optional-dependencies", {}).items()},
        "build-system": sorted(data.get("build-system", {}).get("requires", [])),
        "installer": sorted(installer_requirements(data)),
    }
    return hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(==|>=|<=|~=|!=|>|<)?\s*([^;\s]*)")


def parse_requirement(spec: str) -> tuple[str, str | None]:
    """`psycopg[binary]==3.3.9` → ("psycopg", "3.3.9"); the version is None unless it is pinned with ==."""
    match = _REQUIREMENT.match(spec)
    if not match:
        raise ValueError(f"not a requirement: {spec!r}")
    name, operator, version = match.groups()
    return normalise(name), (version if operator == "==" else None)


def installer_requirements(data: dict) -> list[str]:
    return list(data.get("tool", {}).get("ims", {}).get("installer", []))


def set_requirements(data: dict, lock_set: str) -> list[str]:
    """The requirement strings of pyproject.toml that one install set is made of, build backend included."""
    if lock_set == INSTALLER:
        return installer_requirements(data)
    project = data["project"]
    specs = list(project.get("dependencies", []))
    for extra in SETS[lock_set]:
        specs += project["optional-dependencies"][extra]
    return specs + list(data.get("build-system", {}).get("requires", []))


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    direct: bool  # the lock says it is there because pyproject.toml asks for it


def read_lock(path: Path) -> tuple[str | None, list[Pin]]:
    """The digest in a lock file's header and its pins. Build requirements come from stdin, so uv writes no
    "via" for them; they count as direct, as do the ones "via ims (pyproject.toml)"."""
    digest = None
    pins: list[Pin] = []
    current: tuple[str, str] | None = None
    vias: list[str] = []

    def flush() -> None:
        if current:
            own = [v for v in vias if not v.startswith("-c ")]  # "-c requirements/dev.txt": held to dev's pin
            pins.append(Pin(current[0], current[1], direct=not own or any("pyproject.toml" in v for v in own)))

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(DIGEST_PREFIX):
            digest = line[len(DIGEST_PREFIX) :].strip()
        elif match := re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", line):
            flush()
            current, vias = (normalise(match.group(1)), match.group(2)), []
        elif current and (via := re.match(r"^\s+#\s+(?:via\s+)?(\S.*)$", line)) and via.group(1) != "via":
            vias.append(via.group(1))
    flush()
    return digest, pins


def uv_command() -> list[str]:
    uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    if not uv:
        sys.exit("uv is not installed: `make lock` installs the dev extra, which brings it")
    return [uv]


def compile_set(lock_set: str, data: dict, digest: str, *, upgrade: bool) -> None:
    if lock_set == INSTALLER:
        sources, extras, constraints, extra_lines = ["-"], [], [], installer_requirements(data)
        what = "the installer, [tool.ims] installer"
    else:
        sources = ["pyproject.toml", "-"]
        extras = [arg for extra in SETS[lock_set] for arg in ("--extra", extra)]
        # The other sets take dev's versions, so that a package is the same in every environment.
        constraints = ["--constraint", str(LOCK_DIR / "dev.txt")] if lock_set != "dev" else []
        extra_lines = data.get("build-system", {}).get("requires", [])
        what = "pyproject.toml's dependencies" + "".join(f" + [{e}]" for e in SETS[lock_set]) + " + [build-system]"
    build = "\n".join(extra_lines) + "\n"
    out = LOCK_DIR / f"{lock_set}.txt"
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / out.name
        if out.exists() and not upgrade:
            shutil.copy(out, target)  # uv keeps the pins of an existing output file where it can
        env = {k: v for k, v in os.environ.items() if not k.startswith(("UV_", "PIP_"))}
        subprocess.run(
            [
                *uv_command(), "pip", "compile", *sources, *extras, *constraints,
                "--universal", "--generate-hashes", "--no-config", "--index-url", INDEX_URL,
                "--custom-compile-command", "make lock", "--quiet", "-o", str(target),
                *(["--upgrade"] if upgrade else []),
            ],
            input=build, text=True, check=True, cwd=ROOT, env=env,
        )  # fmt: skip
        body = target.read_text(encoding="utf-8")
    header = f"{DIGEST_PREFIX}{digest}\n# Install set {lock_set!r}: {what}. Do not edit: run `make lock`.\n"
    out.write_text(header + body, encoding="utf-8")
    print(f"written: {out.relative_to(ROOT)}")


def main() -> int:
    upgrade = "--upgrade" in sys.argv[1:]
    data = pyproject_data()
    digest = dependency_digest(data)
    for lock_set in (*SETS, INSTALLER):
        compile_set(lock_set, data, digest, upgrade=upgrade)
    return 0


if __name__ == "__main__":
    sys.exit(main())
