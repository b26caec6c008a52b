"""The demo register's 2019 report says exactly what is stored in ``expected/``, in every format and at every level.

This is what lets the builder's code move without its output moving: each format is rendered from the demo
register (the one ``make demo-report`` builds), read back as a reader sees it and compared, word for word, with
the text stored when the builder was last changed on purpose:

* DOCX, opened with python-docx: headers, body paragraphs and tables in order (cells separated by ``|``), each
  footnote reference as ``[^n]``, then the footnotes and footers;
* PDF, read with pypdf page by page;
* HTML, its visible text: the title and the body without stylesheet, one line per text node;
* Markdown as it is;
* and, because a figure is a picture that none of these read, the data the charts are drawn from.

The letter's date is fixed rather than today's, so nothing in the text varies by the day; the one thing
normalised is the database key in a source's link (``/rapportage/bron/<n>/``), which depends on what the
database handed out before (PostgreSQL does not take back a rolled-back sequence), not on the report. The
images in the Markdown are left out for the same reason the chart data is compared instead: their bytes
depend on the plotting library's version, their content does not.

The repository holds no run of nine words of a seed letter (``test_seed_overlap``), and a few of the report's
lines do coincide with one: the ministry's postal address in the letterhead, and a spending sentence whose
figures and wording happen to match a letter's. Those words are stored as ``_``, and the report's text is
masked the same way, with the seed letters read at run time, before it is compared.

After a change to the report's wording or content made on purpose, write the expectation anew with
``IMS_WRITE_EXPECTED=1 pytest tests/reporting/test_expected_output.py`` and read the diff before committing it.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import transaction
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from ims.core.classification import Classification
from ims.register.demo import demo_load
from ims.register.reference import reference_load
from ims.reporting.builder import build_report
from ims.reporting.demo import developments_demo_load
from ims.reporting.render import render

from .conftest import pdf_pages

EXPECTED = Path(__file__).parent / "expected"
YEAR = 2019
LETTER_DATE = dt.date(2020, 5, 15)
WRITE = os.environ.get("IMS_WRITE_EXPECTED") == "1"
SOURCE_LINK = re.compile(r"/rapportage/bron/\d+/")
DATA_URI = re.compile(r"\(data:image/(\w+);base64,[A-Za-z0-9+/=]+\)")
WORD = re.compile(r"\w+")
SEED_RUN = 9  # as test_seed_overlap counts a copied run


@pytest.fixture(scope="module")
def demo_register(django_db_setup, django_db_blocker) -> Iterator[None]:
    """The demo register as ``ims demo`` and ``ims report-demo`` load it, once for the module, rolled back after."""
    seeds = settings.IMS_SHARED_DIR / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"the shared folder with the seed letters is not at {settings.IMS_SHARED_DIR}")
    with django_db_blocker.unblock(), transaction.atomic():
        reference_load()
        demo_load(seeds_dir=seeds)
        developments_demo_load()
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def seed_runs() -> set[tuple[str, ...]]:
    """Every run of nine words in the seed letters, as ``test_seed_overlap`` finds them."""
    runs = set()
    for seed in sorted((settings.IMS_SHARED_DIR / "seeds").glob("*.txt")):
        words = WORD.findall(seed.read_text(encoding="utf-8").casefold())
        runs.update(tuple(words[i:i + SEED_RUN]) for i in range(len(words) - SEED_RUN + 1))
    return runs


def mask_seed_runs(text: str, runs: set[tuple[str, ...]]) -> str:
    """The text with each word that belongs to a run of a seed letter written as ``_``."""
    tokens = list(WORD.finditer(text))
    words = [t.group().casefold() for t in tokens]
    masked = set()
    for i in range(len(words) - SEED_RUN + 1):
        if tuple(words[i:i + SEED_RUN]) in runs:
            masked.update(range(i, i + SEED_RUN))
    out, at = [], 0
    for n in sorted(masked):
        out += [text[at:tokens[n].start()], "_"]
        at = tokens[n].end()
    return "".join(out) + text[at:]


# --- reading each format back as text ---------------------------------------------------------------------

def _paragraph_text(paragraph: etree._Element) -> str:
    """A Word paragraph's text in document order, with its footnote references as ``[^n]``."""
    out = []
    for node in paragraph.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:footnoteReference")):
        if node.tag == qn("w:t"):
            out.append(node.text or "")
        elif node.tag == qn("w:tab"):
            out.append("\t")
        elif node.tag == qn("w:br"):
            out.append("\n")
        else:
            out.append(f"[^{node.get(qn('w:id'))}]")
    return "".join(out)


def _story_text(container: etree._Element) -> list[str]:
    """The paragraphs and tables directly in a body, header, footer or cell, in order."""
    lines = []
    for child in container.iterchildren(qn("w:p"), qn("w:tbl")):
        if child.tag == qn("w:p"):
            lines.append(_paragraph_text(child))
        else:
            for row in child.iterchildren(qn("w:tr")):
                cells = [" ".join(_story_text(cell)) for cell in row.iterchildren(qn("w:tc"))]
                lines.append(" | ".join(cells))
    return lines


def docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    lines: list[str] = []
    for n, section in enumerate(document.sections, start=1):
        for name in ("first_page_header", "header", "even_page_header"):
            part = getattr(section, name)
            if not part.is_linked_to_previous:
                lines += [f"[{name} {n}]", *_story_text(part._element)]
    lines += ["[body]", *_story_text(document.element.body)]
    footnotes = etree.fromstring(document.part.part_related_by(RT.FOOTNOTES).blob)
    lines.append("[footnotes]")
    for note in footnotes.iterchildren(qn("w:footnote")):
        if int(note.get(qn("w:id"))) > 0:  # ids below 1 are Word's separator lines
            lines.append(f"[^{note.get(qn('w:id'))}]" + "".join(_story_text(note)))
    for n, section in enumerate(document.sections, start=1):
        for name in ("first_page_footer", "footer", "even_page_footer"):
            part = getattr(section, name)
            if not part.is_linked_to_previous:
                lines += [f"[{name} {n}]", *_story_text(part._element)]
    return "\n".join(lines) + "\n"


def pdf_text(content: bytes) -> str:
    pages = pdf_pages(content)
    return "".join(f"[page {n}]\n{text.rstrip()}\n" for n, text in enumerate(pages, start=1))


def html_text(content: bytes) -> str:
    soup = BeautifulSoup(content.decode("utf-8"), "lxml")
    for hidden in soup.find_all(["style", "script"]):
        hidden.decompose()
    lines = [soup.title.get_text(" ", strip=True)]
    lines += [" ".join(s.split()) for s in soup.body.find_all(string=True)]
    return "\n".join(line for line in lines if line) + "\n"


def md_text(content: bytes) -> str:
    return DATA_URI.sub(r"(data:image/\1;base64,…)", content.decode("utf-8"))


READERS = {"docx": docx_text, "pdf": pdf_text, "html": html_text, "md": md_text}


def texts(level: int, runs: set[tuple[str, ...]]) -> dict[str, str]:
    """What the report about the demo year says at ``level``: one text per format, and the chart data."""
    data = build_report(year=YEAR, level=level, on=LETTER_DATE)
    found = {f"{fmt}.txt": mask_seed_runs(SOURCE_LINK.sub("/rapportage/bron/…/", read(render(data, fmt))), runs)
             for fmt, read in READERS.items()}
    found["charts.json"] = json.dumps(data["charts"], ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return found


@pytest.mark.parametrize("level", [int(c) for c in Classification], ids=[c.code for c in Classification])
def test_the_demo_report_reads_as_stored(demo_register, seed_runs, db, level):
    found = texts(level, seed_runs)
    prefix = f"demo-{YEAR}-{Classification(level).code}"
    if WRITE:
        EXPECTED.mkdir(exist_ok=True)
        for name, text in found.items():
            (EXPECTED / f"{prefix}.{name}").write_text(text, encoding="utf-8")
    for name, text in found.items():
        expected = (EXPECTED / f"{prefix}.{name}").read_text(encoding="utf-8")
        if text != expected:
            # The first differing line is what a reader needs; the whole file is one diff away.
            got, want = text.splitlines(), expected.splitlines()
            line = next((n for n, (a, b) in enumerate(zip(got, want, strict=False)) if a != b),
                        min(len(got), len(want)))
            pytest.fail(f"{prefix}.{name} differs from the stored text at line {line + 1}:\n"
                        f"  stored: {want[line] if line < len(want) else '(end)'!r}\n"
                        f"  now:    {got[line] if line < len(got) else '(end)'!r}")


def test_each_level_says_more_than_the_one_below():
    """The stored texts are not four copies of one: every level of the demo register adds a record."""
    lengths = [len((EXPECTED / f"demo-{YEAR}-{c.code}.md.txt").read_text(encoding="utf-8")) for c in Classification]
    assert lengths == sorted(set(lengths))
