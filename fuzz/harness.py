"""Atheris fuzz targets: ``python fuzz/harness.py TARGET [libFuzzer options] CORPUS_DIR...``.

Each target takes libFuzzer's bytes, feeds them to one part of the pipeline and checks the same
properties as the Hypothesis fuzz tests (``tests/fuzz_inputs.py``): a failed check or any exception other
than the documented one is a crash, which libFuzzer saves as a reproducer; replay one with
``python fuzz/harness.py TARGET var/fuzz/crashes/TARGET-crash-...``. ``fuzz/run.py`` runs them all.

Text targets decode the bytes as UTF-8 (bad bytes become U+FFFD), so that seed letters in the corpus are
read as the letters they are and mutations stay mostly text.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import sys
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Coverage feedback from our own code and, for a reader target, from the library that parses the bytes
# (imported here: read.py imports it only when a file of its type comes along). pypdf only checks for
# encryption before pdfminer reads the text; instrumenting it, and pdfminer's big tables of glyph names
# and font metrics, costs a minute of start-up for little guidance.
_LIBRARIES = {"pdf": ("pdfminer.high_level",), "docx": ("docx",), "html": ("bs4",)}
_NOT_INSTRUMENTED = ["pdfminer.glyphlist", "pdfminer.fontmetrics", "pdfminer.latin_enc", "pdfminer.encodingdb"]
_TARGET_LIBRARIES = _LIBRARIES.get(sys.argv[1] if len(sys.argv) > 1 else "", ())
with atheris.instrument_imports(
    include=["ims", *(name.split(".")[0] for name in _TARGET_LIBRARIES)], exclude=_NOT_INSTRUMENTED
):
    for _library in _TARGET_LIBRARIES:
        importlib.import_module(_library)
    from ims.extract.pipeline import extract_text
    from ims.text.dates import DateError, PartialDate, find_dates, parse_date
    from ims.text.meta import read_meta
    from ims.text.numbers import (
        NumberError,
        as_json_number,
        find_amounts,
        find_cardinals,
        find_percentages,
        parse_amount,
        parse_decimal,
        parse_number,
        word_to_int,
    )
    from ims.text.read import DocumentError, read_document

from tests.fuzz_inputs import check_clean, check_facts, check_meta, check_raw  # noqa: E402

LETTER_DATE = PartialDate(2030, 6, 1)
_SCRATCH = Path(tempfile.mkdtemp(prefix="ims-fuzz-"))


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def fuzz_clean(data: bytes) -> None:
    check_clean(_text(data))


def fuzz_extract(data: bytes) -> None:
    # A NUL byte splits the input into a lead-in (a preceding fragment's last sentence) and the text.
    lead_in, _, text = _text(data).rpartition("\x00")
    doc_date = LETTER_DATE if len(data) % 2 else None  # with and without the letter's date
    check_facts(text, extract_text(text, "fuzz.txt", doc_date=doc_date, lead_in=lead_in))


def fuzz_dates(data: bytes) -> None:
    text = _text(data)
    reference = LETTER_DATE if len(data) % 2 else None
    with contextlib.suppress(DateError):
        parse_date(text, reference=reference)
    last = 0
    for mention in find_dates(text, reference=reference):
        assert last <= mention.start < mention.end <= len(text)
        last = mention.end
        assert parse_date(text[mention.start : mention.end], reference=reference) == mention.value


def fuzz_numbers(data: bytes) -> None:
    text = _text(data)
    for parse in (parse_decimal, parse_number, word_to_int, parse_amount):
        with contextlib.suppress(NumberError):
            parse(text)
    for found in (find_amounts(text), find_percentages(text), find_cardinals(text)):
        last = 0
        for item in found:
            assert last <= item.start < item.end <= len(text)
            last = item.start
            json.dumps(as_json_number(Decimal(item.value)))


def fuzz_meta(data: bytes) -> None:
    check_meta(read_meta(_text(data)))


def _reader(suffix: str) -> Callable[[bytes], None]:
    path = _SCRATCH / f"input{suffix}"

    def fuzz_read(data: bytes) -> None:
        path.write_bytes(data)
        try:
            document = read_document(path)
        except DocumentError as exc:
            assert str(exc) and "\n" not in str(exc)
            return
        check_raw(document)

    return fuzz_read


TARGETS: dict[str, Callable[[bytes], None]] = {
    "clean": fuzz_clean,
    "extract": fuzz_extract,
    "dates": fuzz_dates,
    "numbers": fuzz_numbers,
    "meta": fuzz_meta,
    "pdf": _reader(".pdf"),
    "docx": _reader(".docx"),
    "html": _reader(".html"),
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: harness.py {{{','.join(TARGETS)}}} [libFuzzer options] [corpus dirs]")
    target = TARGETS[sys.argv.pop(1)]
    logging.disable(logging.CRITICAL)  # pdfminer and pypdf log every oddity of a broken file
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
