"""``ims extract FILE... [--format jsonl|table]``: print the facts found in documents.

``jsonl`` prints one fact per line exactly as ``spec/facts.md`` describes (plus ``confidence``);
``table`` prints a human-readable overview. A file that cannot be read gives one line on stderr and exit
status 1; the other files are still processed. Each file is read on its own, unless ``--bundle`` says the
files are parts of one document (in the order given), or the evidence that they are is strong (see
:func:`ims.extract.pipeline.extract_paths`). ``--register`` also uses the names the register knows; that
needs the database, so ``ims extract`` (:mod:`ims.cli`) looks them up and passes them in.

The project's ``ims`` console script dispatches ``ims extract`` here; until then, run it as
``python -m ims.extract.cli FILE...``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from ims.extract.facts import Fact
from ims.extract.known import KnownNames
from ims.extract.pipeline import ExtractionResult, extract_paths
from ims.framework.fact_fields import fact_fields
from ims.text.read import DEFAULT_MAX_BYTES


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="ims extract",
        description="Extract facts from documents (.txt, .pdf, .html, .docx) and print them.",
    )
    ap.add_argument("files", nargs="+", metavar="FILE")
    ap.add_argument(
        "--format",
        choices=("jsonl", "table"),
        default="jsonl",
        help="jsonl: one fact per line as in spec/facts.md (default); table: for people",
    )
    ap.add_argument(
        "--max-mb",
        type=float,
        default=DEFAULT_MAX_BYTES / 1024 / 1024,
        help="refuse files larger than this many megabytes (default 50)",
    )
    ap.add_argument(
        "--bundle",
        action="store_true",
        help="the files are parts of one document (pages of one report), in the order given",
    )
    ap.add_argument(
        "--register",
        action="store_true",
        help="also find the initiatives, operations, agreements and systems the register knows (needs the database)",
    )
    ap.add_argument("-v", "--verbose", action="store_true", help="also report warnings on stderr")
    return ap


def _value(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, list | tuple):
        return "+".join(map(str, value)) or "-"
    return str(value)


def fact_row(fact: Fact) -> str:
    """One fact on one line: its key fields, confidence and evidence span."""
    data = fact.to_json()
    fields = " ".join(
        f"{field.name}={_value(data.get(field.name))}" for field in fact_fields(fact.type) if field.scored
    )
    return f"{fact.type:<17} {fields}  [{fact.confidence:.2f}] @{fact.evidence.start}-{fact.evidence.end}"


def write_table(results: Sequence[ExtractionResult], out: TextIO) -> None:
    for result in results:
        if not result.ok:
            continue
        date = result.meta.date.iso() if result.meta.date else "no date"
        out.write(f"{result.doc} ({date}, {len(result.facts)} facts)\n")
        for fact in result.facts:
            out.write(f"  {fact_row(fact)}\n")


def write_jsonl(results: Sequence[ExtractionResult], out: TextIO) -> None:
    for result in results:
        for fact in result.facts:
            out.write(json.dumps(fact.to_json(), ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None, *, known: KnownNames | None = None) -> int:
    """Run ``extract``; returns the exit status (1 if any file failed). ``known``: the register's names, which
    the caller looked up for ``--register``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["extract"]:  # called as "ims extract ..." with the command word still in place
        args = args[1:]
    parser = _parser()
    options = parser.parse_args(args)
    if options.register and known is None:
        parser.error("--register needs the database: run it as `ims extract --register ...`")
    results = extract_paths(
        options.files,
        max_bytes=int(options.max_mb * 1024 * 1024),
        bundles=[range(len(options.files))] if options.bundle else (),
        known=known,
    )
    try:
        (write_table if options.format == "table" else write_jsonl)(results, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:  # "ims extract ... | head": the reader has gone, which is not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter quiet at exit
    for result in results:
        if result.error:
            print(f"ims extract: {result.error}", file=sys.stderr)
        elif options.verbose:
            for warning in result.warnings:
                print(f"ims extract: warning: {warning}", file=sys.stderr)
    return 1 if any(not r.ok for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
