"""The changes since the previous report: what the year's facts add to, or take from, the baseline's."""

from __future__ import annotations

from ..diff import change_lines, diff_snapshots
from ..text import long_date, sentence
from .prose import Writer
from .structure import Block, Section, Statement, p, ul


def changes(w: Writer, snapshot: dict, *, baseline: dict, baseline_info: dict,
            charts: dict) -> tuple[Section, dict]:
    """The section comparing the year's ``snapshot`` with the ``baseline``, and the differences as data."""
    y = w.year
    facts = diff_snapshots(baseline, snapshot)
    s = Section("changes", "Wijzigingen sinds de vorige rapportage")
    info = baseline_info
    if info["kind"] == "final":
        against = (f"de definitieve rapportage over {info['year']} (versie {info['version']}, "
                   f"{long_date(info['finalised_at'][:10])})")
    else:
        against = f"het jaar {info['year']} zoals het register dat nu beschrijft"
    s.blocks.append(p(w.st(f"Dit overzicht vergelijkt {y} met {against}")))
    groups = change_lines(facts)
    if not groups:
        s.blocks.append(p(w.st("Sindsdien zijn er geen initiatieven bijgekomen of beëindigd, is geen status "
                               "of schilindeling gewijzigd en is geen nieuwe overeenkomst vastgelegd")))
    ring_refs = {r["name"]: r["refs"] for r in facts["ring_changes"]}
    for title, lines in groups:
        s.blocks.append(p(w.st(f"{title} ({len(lines)}):")))
        items = []
        for line in lines:
            refs = ring_refs.get(line.split(":", 1)[0], []) if title.startswith("Wijzigingen in de schil") else []
            items.append([Statement(sentence(line), list(refs))])
        s.blocks.append(ul(items))
    if charts.get("rings"):
        s.blocks.append(Block("figure", chart="rings", caption=charts["rings"]["caption"]))
    return s, facts
