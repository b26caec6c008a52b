"""What changed between two reports: pure functions over the report data (no Django, no database).

Two comparisons: the register's facts (each report carries a ``snapshot`` of the initiatives, rings and
agreements it covers) and the report's own sentences, section by section. The first feeds the
year-over-year section and ``ims report-diff``; both feed the page that shows what a new draft would
change against the last finalised version.
"""

from __future__ import annotations

import unicodedata
from typing import Any

ENDED = ("completed", "stopped")


def _key(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()


def _by_title(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (_key(r.get("title") or r.get("name") or ""), str(r.get("id", ""))))


def diff_snapshots(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[dict]]:
    """Changes in the register's facts from ``old`` to ``new`` (two reports' ``snapshot``).

    An initiative that reaches ``completed`` or ``stopped`` counts as ended, not as a status change, so
    that every change is listed once.
    """
    old_i, new_i = old.get("initiatives", {}), new.get("initiatives", {})
    added = [{"id": k, **v} for k, v in new_i.items() if k not in old_i]
    ended = [{"id": k, **v, "from": v["status"], "from_label": v["status_label"], "to": "", "to_label": ""}
             for k, v in old_i.items() if k not in new_i]
    status = []
    for k, v in new_i.items():
        before = old_i.get(k)
        if before is None or before["status"] == v["status"]:
            continue
        change = {"id": k, **v, "from": before["status"], "from_label": before["status_label"],
                  "to": v["status"], "to_label": v["status_label"]}
        (ended if v["status"] in ENDED and before["status"] not in ENDED else status).append(change)

    old_r, new_r = old.get("rings", {}), new.get("rings", {})
    rings = []
    for code in set(old_r) | set(new_r):
        before, after = old_r.get(code, {}), new_r.get(code, {})
        if before.get("ring", "") != after.get("ring", ""):
            rings.append({"code": code, "name": after.get("name") or before.get("name") or code,
                          "from": before.get("ring", ""), "from_label": before.get("ring_label", ""),
                          "to": after.get("ring", ""), "to_label": after.get("ring_label", ""),
                          "refs": after.get("refs", [])})

    old_a, new_a = old.get("agreements", {}), new.get("agreements", {})
    agreements = [{"id": k, **v} for k, v in new_a.items() if k not in old_a]
    return {
        "initiatives_new": _by_title(added),
        "initiatives_ended": _by_title(ended),
        "status_changes": _by_title(status),
        "ring_changes": _by_title(rings),
        "agreements_new": _by_title(agreements),
    }


def _sentences(section: dict) -> list[str]:
    """Every sentence of a section and its subsections, in order, as plain text."""
    out: list[str] = []
    for block in section.get("blocks", []):
        if block["kind"] == "p":
            out.append(" ".join(s["text"] for s in block["sentences"]))
        elif block["kind"] == "ul":
            out.extend(" ".join(s["text"] for s in item) for item in block["items"])
    for sub in section.get("subsections", []):
        out.extend(f"{sub['title']}: {line}" for line in _sentences(sub))
    return out


def _annex_lines(report: dict) -> dict[str, tuple[str, list[str]]]:
    a1, a2 = report.get("annex1", {}), report.get("annex2", {})

    def row(r: dict, keys: tuple[str, ...]) -> str:
        return " · ".join(str(r[k]) for k in keys)

    return {
        "annex1": (a1.get("title", "Bijlage 1"),
                   [row(r, ("operation", "location", "personnel", "partners", "role")) for r in a1.get("rows", [])]
                   + [f"niet: {r['operation']} ({r['last_year']})" for r in a1.get("not_rows", [])]),
        "annex2": (a2.get("title", "Bijlage 2"),
                   [row(r, ("project", "partners", "form", "status", "next_milestone")) for r in a2.get("rows", [])]),
    }


# Parts of a report that say when and for whom it was made, not what the register holds.
_VOLATILE_SECTIONS = {"changes"}


def diff_text(old: dict[str, Any], new: dict[str, Any]) -> list[dict]:
    """Per section: the sentences only the new report has, and those only the old one had."""
    def lines(report: dict) -> dict[str, tuple[str, list[str]]]:
        found = {s["key"]: (s["title"], _sentences(s)) for s in report.get("sections", [])
                 if s["key"] not in _VOLATILE_SECTIONS}
        found.update(_annex_lines(report))
        return found

    before, after = lines(old), lines(new)
    out = []
    for key in list(after) + [k for k in before if k not in after]:
        title = (after.get(key) or before.get(key))[0]
        old_lines, new_lines = before.get(key, ("", []))[1], after.get(key, ("", []))[1]
        added = [line for line in new_lines if line not in set(old_lines)]
        removed = [line for line in old_lines if line not in set(new_lines)]
        if added or removed:
            out.append({"key": key, "title": title, "added": added, "removed": removed})
    return out


def diff_reports(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    return {"facts": diff_snapshots(old.get("snapshot", {}), new.get("snapshot", {})), "text": diff_text(old, new)}


def facts_changed(facts: dict[str, list]) -> bool:
    return any(facts.values())


def _partners(row: dict) -> str:
    return f" ({', '.join(row['partners'])})" if row.get("partners") else ""


def change_lines(facts: dict[str, list[dict]]) -> list[tuple[str, list[str]]]:
    """The fact changes as Dutch lines, grouped under a heading each; empty groups are left out."""
    groups = [
        ("Nieuwe initiatieven", [f"{r['title']}{_partners(r)}" for r in facts["initiatives_new"]]),
        ("Beëindigde initiatieven", [
            f"{r['title']}: {r['from_label']} → {r['to_label']}" if r["to"] else
            f"{r['title']}: valt niet meer binnen de rapportage (was {r['from_label']})"
            for r in facts["initiatives_ended"]]),
        ("Statuswijzigingen", [f"{r['title']}: {r['from_label']} → {r['to_label']}" for r in facts["status_changes"]]),
        ("Wijzigingen in de schilindeling", [
            f"{r['name']}: {r['from_label'] or 'niet ingedeeld'} → {r['to_label'] or 'niet ingedeeld'}"
            for r in facts["ring_changes"]]),
        ("Nieuwe overeenkomsten", [f"{r['title']} ({', '.join([r['kind_label'], *r['partners']])})"
                                   for r in facts["agreements_new"]]),
    ]
    return [(title, lines) for title, lines in groups if lines]
