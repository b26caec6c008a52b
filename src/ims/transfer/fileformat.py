"""The file: JSON Lines, a header line first, then one line per row (docs/export-format.md).

The header names the format and its version, what made the file, the migrations of the schema, the
number of rows per table, and the SHA-256 of every byte after the header line. Every line is JSON with
sorted keys and no spaces, so that the same register always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

FORMAT = "ims-register"
FORMAT_VERSION = 1
_HEADER_KEYS = {"format", "format_version", "created", "migrations", "counts", "excluded", "sha256"}
_ROW_KEYS = {"model", "pk", "fields"}
_CHUNK = 1 << 20


class TransferRefused(Exception):
    """The export or import does not go ahead; the message (Dutch) says why and what to do."""


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8") + b"\n"


def write(path: Path, header: dict[str, Any], body: IO[bytes]) -> None:
    """Header, then the body (already written to a temporary file), into ``path`` via a rename, so that an
    interrupted export never leaves a file that looks complete."""
    partial = path.with_name(path.name + ".deel")
    try:
        with partial.open("wb") as out:
            out.write(dumps(header))
            body.seek(0)
            while chunk := body.read(_CHUNK):
                out.write(chunk)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def read_header(path: Path) -> dict[str, Any]:
    """The header, after checking format, version and checksum; refuses the file otherwise."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise TransferRefused(f"Het bestand {path} kan niet worden geopend: {exc.strerror}.") from None
    with handle:
        first = handle.readline()
        try:
            header = json.loads(first)
        except (UnicodeDecodeError, json.JSONDecodeError):
            header = None
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise TransferRefused(f"{path} is geen exportbestand van IMS: de eerste regel is geen geldige kopregel.")
        version = header.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise TransferRefused(f"{path}: de kopregel noemt geen geldige formaatversie.")
        if version > FORMAT_VERSION:
            raise TransferRefused(
                f"{path} heeft formaatversie {version}; deze versie van IMS leest tot en met versie "
                f"{FORMAT_VERSION}. Lees het bestand in met een nieuwere versie van IMS.")
        if (set(header) != _HEADER_KEYS or not _names_to(header["counts"], int)
                or not _names_to(header["migrations"], str)):
            raise TransferRefused(f"{path}: de kopregel is onvolledig of bevat onbekende onderdelen.")
        digest = hashlib.sha256()
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    if digest.hexdigest() != header["sha256"]:
        raise TransferRefused(
            f"De controlesom van {path} klopt niet: het bestand is na het uitvoeren gewijzigd of onvolledig. "
            "Niets ingelezen.")
    return header


def _names_to(value: Any, kind: type) -> bool:
    """Whether ``value`` maps names to values of ``kind`` (a bool is no count)."""
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, kind) and not isinstance(v, bool) for k, v in value.items())


def rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, row) for every line after the header; refuses a line that is not a row object."""
    with path.open("rb") as handle:
        handle.readline()
        for number, line in enumerate(handle, start=2):
            try:
                row = json.loads(line)
            except (UnicodeDecodeError, json.JSONDecodeError):
                raise TransferRefused(f"Regel {number} is geen geldige JSON. Niets ingelezen.") from None
            if not (isinstance(row, dict) and set(row) == _ROW_KEYS and isinstance(row["fields"], dict)):
                raise TransferRefused(f"Regel {number} is geen gegevensregel (model, pk, fields). Niets ingelezen.")
            yield number, row
