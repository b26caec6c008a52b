"""Markdown: the report as plain text for review and version control, with footnotes ``[^n]`` and pipe tables.

Figures are embedded as PNG data URIs, so the file stands on its own.
"""

from __future__ import annotations

import base64

from ..charts import render_charts


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _sentences(sentences: list[dict]) -> str:
    return " ".join(s["text"] + "".join(f"[^{n}]" for n in s["refs"]) for s in sentences)


def _table(columns: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return [*lines, ""]


def render_md(data: dict) -> bytes:
    images = render_charts(data, "png")
    refs = {s["n"]: s for s in data["sources"]}

    def sources(row: dict) -> str:
        return "; ".join(refs[n]["text"] for n in row["refs"]) or "–"

    lh = data["letterhead"]
    out = [f"**{data['classification_label']}**", "", f"# {data['title']}", "",
           f"{lh['ministry']}  ", *[f"{line}  " for line in lh["sender"]], "",
           "Aan: " + ", ".join(lh["addressee"]), "",
           f"Onze referentie: {lh['reference']}  ", f"Datum: {lh['date']}  ",
           f"Rubricering: {data['classification_label']}  ", f"Betreft: {lh['subject']}", ""]

    def blocks(items: list[dict]) -> None:
        for b in items:
            if b["kind"] == "p":
                out.extend([_sentences(b["sentences"]), ""])
            elif b["kind"] == "ul":
                out.extend([f"- {_sentences(item)}" for item in b["items"]] + [""])
            elif b["kind"] == "figure" and b["chart"] in images:
                uri = "data:image/png;base64," + base64.b64encode(images[b["chart"]]).decode("ascii")
                out.extend([f"![{b['caption']}]({uri})", "", f"*{b['caption']}*", ""])

    for section in data["sections"]:
        out.extend([f"## {section['title']}", ""])
        blocks(section["blocks"])
        for sub in section["subsections"]:
            out.extend([f"### {sub['title']}", ""])
            blocks(sub["blocks"])
    out.extend([f"**{lh['signature']}**", ""])

    a1 = data["annex1"]
    out.extend([f"## {a1['title']}", "", a1["intro"], ""])
    if a1["rows"]:
        out.extend(_table(a1["columns"], [[r["operation"], r["location"], r["personnel"], r["partners"], r["role"],
                                           sources(r)] for r in a1["rows"]]))
    else:
        out.extend([f"*{a1['empty']}*", ""])
    out.extend([f"### {a1['not_title']}", ""])
    if a1["not_rows"]:
        out.extend(_table(a1["not_columns"], [[r["operation"], r["last_year"], r["location"], sources(r)]
                                              for r in a1["not_rows"]]))
    else:
        out.extend([f"*{a1['not_empty']}*", ""])
    a2 = data["annex2"]
    out.extend([f"## {a2['title']}", "", a2["intro"], ""])
    if a2["rows"]:
        out.extend(_table(a2["columns"], [[r["project"], r["partners"], r["form"], r["status"], r["next_milestone"],
                                           r["change"], sources(r)] for r in a2["rows"]]))
    else:
        out.extend([f"*{a2['empty']}*", ""])
    if data["sources"]:
        out.extend(["## Bronnen", ""])
        out.extend(f"[^{s['n']}]: {s['text']} ({s['href']})" for s in data["sources"])
        out.append("")
    out.extend([f"**{data['classification_label']}**", ""])
    return "\n".join(out).encode("utf-8")
