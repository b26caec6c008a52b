"""A section each for the EU, NATO and the UN: the year's initiatives, agreements and operations in their
frameworks, recognised by the organisation's partners and frameworks or by the operation's name."""

from __future__ import annotations

from ..text import count, enumerate_nl, sort_key
from .prose import Writer
from .structure import Section, p, ul

# The organisations the report treats after the partners, and the frameworks that count as theirs.
ORGANISATIONS = (
    ("eu", "Europese Unie", "EU", ("EU", "EDA", "PESCO")),
    ("nato", "NAVO", "NAVO", ("NATO", "NRF", "VJTF", "EFP", "SNMG2")),
    ("un", "Verenigde Naties", "VN", ("UN",)),
)


def organisation_section(w: Writer, key: str, title: str, short: str, codes: tuple[str, ...]) -> Section:
    """The organisation's section: a count of what moved in its framework, then each item."""
    reg, y = w.reg, w.year
    s = Section(key, title)
    family = {x.pk for x in reg.partners.values() if x.code in codes}
    names = {x.name_nl.casefold() for x in reg.partners.values() if x.code in codes}
    names |= {c.casefold() for c in codes}
    initiatives = [i for i in reg.scope if i.obj.pk in reg.active and i.codes & set(codes)]
    agreements = [(a, parties) for a, _, parties in reg.signed if {x.pk for x in parties} & family]
    operations = [c for c in reg.contributions
                  if {x.pk for x in c.partners_} & family or _named_in(c.operation, names, short)]
    if not (initiatives or agreements or operations):
        s.blocks.append(p(w.st(f"Over de samenwerking in {short}-verband bevat het register voor {y} geen "
                               "nieuwe gegevens")))
        return s
    counts = []
    if initiatives:
        counts.append(count(len(initiatives), "initiatief", "initiatieven") + " dat jaar in beweging")
    if agreements:
        counts.append(count(len(agreements), "nieuwe overeenkomst", "nieuwe overeenkomsten"))
    if operations:
        counts.append(count(len(operations), "operatie of verband", "operaties en verbanden")
                      + " met een Nederlandse bijdrage")
    s.blocks.append(p(w.st(f"In {short}-verband noemt het register voor {y} {enumerate_nl(counts)}")))
    if agreements:
        s.blocks.append(ul(w.agreement_item(a, parties) for a, parties in agreements))
    if initiatives:
        initiatives.sort(key=lambda i: sort_key(i.obj.title))
        s.blocks.append(ul(w.initiative_item(i) for i in initiatives))
    if operations:
        s.blocks.append(ul(w.contribution_item(c) for c in operations))
    return s


def _named_in(operation: str, names: set[str], short: str) -> bool:
    """Whether an operation's name says which organisation it belongs to ('NATO Response Force')."""
    op = operation.casefold()
    if any(op == n or n.startswith(op + " (") or op.startswith(n + " ") for n in names):
        return True
    words = set(op.replace("-", " ").split())
    return short.casefold() in words or ("nato" in words and short == "NAVO") or ("un" in words and short == "VN")
