"""Builds ``agenda.docx``, the Word template of the BIA agenda (docxtpl), in the report's house style.

    .venv/bin/python src/ims/monitoring/templates_docx/build_agenda_template.py

Staff may restyle ``agenda.docx`` in Word; the tags between ``{{ }}`` and ``{%p %}`` must stay. The template
receives ``title``, ``classification_label`` and ``sections`` (each a ``title`` and ``lines`` of text).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.shared import Pt, RGBColor

HERE = Path(__file__).resolve().parent
FONT = "Verdana"
BLUE = RGBColor(0x15, 0x42, 0x73)


def build(target: Path = HERE / "agenda.docx") -> Path:
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10)
    for name in ("Title", "Heading 1"):
        document.styles[name].font.name = FONT
        document.styles[name].font.color.rgb = BLUE
    document.sections[0].header.paragraphs[0].text = "{{ classification_label }}"
    document.add_paragraph("{{ title }}", style="Title")
    document.add_paragraph("{%p for section in sections %}")
    document.add_paragraph("{{ section.title }}", style="Heading 1")
    document.add_paragraph("{%p for item in section.lines %}")
    document.add_paragraph("{{ item }}", style="List Bullet")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p if not section.lines %}")
    document.add_paragraph("Geen.")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    document.save(target)
    return target


if __name__ == "__main__":
    print(build())
