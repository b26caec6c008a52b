"""A section per strategic partner: its ring, what happened in the country itself (defence spending against
the NATO guideline, elections, governments, policy papers), and what the Netherlands did with it that year."""

from __future__ import annotations

from ims.register.models import DefenceSpending, Partner
from ims.register.vocab import Ring, SpendingStatus

from ..models import DevelopmentKind
from ..text import enumerate_nl, is_plural, long_date, money, number, percent, points, sort_key
from .labels import label
from .prose import Writer
from .structure import Block, Section, Statement, p, ul

NATO_GUIDELINE = 2.0


def partner_section(w: Writer, partner: Partner) -> Section:
    """The partner's section; with nothing new about the year, one sentence that says so."""
    reg, y, name = w.reg, w.year, w.the(partner)
    s = Section(f"partner-{partner.code}", partner.name_nl)
    run, previous = reg.ring_run(partner.pk)
    verb = "zijn" if is_plural(partner.name_nl) else "is"
    text = (f"{w.the(partner, True)} {verb} sinds {long_date(run[0].valid_from)} "
            f"{label(Ring, run[-1].ring)} van Defensie")
    if previous is not None:
        text += f" (daarvoor {label(Ring, previous.ring)})"
    s.blocks.append(p(w.st(text, [c for r in run for c in r.cites_])))

    found = _developments(w, partner)
    together = _cooperation(w, partner)
    if not found and not together:
        s.blocks.append(p(w.st(f"Over {name} bevat het register voor {y} geen nieuwe gegevens: geen "
                               "ontwikkelingen in het land zelf en geen nieuwe samenwerking met Nederland")))
        return s
    s.subsections.append(Section(f"partner-{partner.code}-ontwikkelingen", f"Ontwikkelingen in {name}", 2,
                                 found or [p(w.st(f"Over ontwikkelingen in {name} zelf zijn voor {y} "
                                                  "geen gegevens vastgelegd"))]))
    s.subsections.append(Section(f"partner-{partner.code}-samenwerking", f"Samenwerking in {y}", 2,
                                 together or [p(w.st(f"Voor {y} is geen nieuwe samenwerking met {name} "
                                                     "vastgelegd"))]))
    return s


def _spending_statements(w: Writer, partner: Partner) -> list[Statement]:
    """The partner's defence spending in the year, the change since the year before, the NATO guideline,
    and what is budgeted or aimed for later."""
    y, name = w.year, w.the(partner)
    rows = [r for r in w.reg.spending if r.partner_id == partner.pk]

    def pick(year: int) -> DefenceSpending | None:
        found = {r.status: r for r in rows if r.year == year}
        return found.get(SpendingStatus.ACTUAL) or found.get(SpendingStatus.PLANNED)

    current, previous = pick(y), pick(y - 1)
    out = []
    if current is not None:
        verb = "bedragen" if current.status == SpendingStatus.ACTUAL else "zijn begroot op"
        if current.amount is not None:
            text = f"De defensie-uitgaven van {name} {verb} in {y} {money(current.amount, current.currency)}"
            if current.pct_gdp is not None:
                text += f" ({percent(current.pct_gdp)} van het bbp)"
        else:
            text = f"De defensie-uitgaven van {name} {verb} in {y} {percent(current.pct_gdp)} van het bbp"
        out.append(w.st(text, current.cites_))
        if current.pct_gdp is not None:
            pct = float(current.pct_gdp)
            if previous is not None and previous.pct_gdp is not None:
                delta = round(pct - float(previous.pct_gdp), 3)
                change = "gelijk aan" if delta == 0 else f"{points(delta)} ten opzichte van"
                out.append(w.st(f"Dat is {change} {y - 1} ({percent(previous.pct_gdp)})", previous.cites_))
            else:
                out.append(w.st(f"Voor {y - 1} is geen percentage vastgelegd, zodat de verandering niet "
                                "bekend is"))
            position = "boven" if pct > NATO_GUIDELINE else "onder" if pct < NATO_GUIDELINE else "op"
            out.append(w.st(f"Het aandeel ligt daarmee {position} de NAVO-richtlijn van "
                            f"{percent(NATO_GUIDELINE)}"))
    later = [r for r in rows if r.status == SpendingStatus.PLANNED and r.year and r.year > y
             and r.pct_gdp is not None]
    if later:
        phrases = [f"{percent(r.pct_gdp)} in {r.year}" for r in later]
        out.append(w.st(f"Voor de jaren daarna is begroot: {enumerate_nl(phrases)}",
                        [c for r in later for c in r.cites_]))
    for r in rows:
        if r.status == SpendingStatus.TARGET and r.pct_gdp is not None and (r.year is None or r.year > y):
            when = f" in {r.year}" if r.year else ""
            out.append(w.st(f"Als doel geldt {percent(r.pct_gdp)} van het bbp{when}", r.cites_))
    return out


def _developments(w: Writer, partner: Partner) -> list[Block]:
    """What happened in the partner's country in the year: its spending, then elections, governments, papers."""
    blocks = []
    spending = _spending_statements(w, partner)
    if spending:
        blocks.append(p(*spending))
    events = [d for d in w.reg.developments if d.partner_id == partner.pk]
    if events:
        items = []
        for d in events:
            when = long_date(d.occurred_on, d.date_precision)
            what = "" if d.kind == DevelopmentKind.OTHER else f"{label(DevelopmentKind, d.kind)}, "
            items.append([w.st(f"{d.description.strip().rstrip('.')} ({what}{when})", d.cites_)])
        blocks.append(ul(items))
    return blocks


def _cooperation(w: Writer, partner: Partner) -> list[Block]:
    """What the Netherlands did with the partner in the year: agreements, initiatives, operations, materiel."""
    reg, y = w.reg, w.year
    blocks: list[Block] = []
    agreements = [(a, parties) for a, _, parties in reg.signed if partner in parties]
    if agreements:
        blocks.append(p(w.st(f"Overeenkomsten in {y}:")))
        blocks.append(ul(w.agreement_item(a, parties) for a, parties in agreements))
    initiatives = [i for i in reg.scope if i.obj.pk in reg.active and partner.pk in {x.pk for x, _ in i.partners}]
    if initiatives:
        blocks.append(p(w.st(f"Initiatieven die in {y} zijn gestart, gevorderd of afgerond:")))
        blocks.append(ul(w.initiative_item(i) for i in sorted(initiatives, key=lambda i: sort_key(i.obj.title))))
    operations = [c for c in reg.contributions if partner in c.partners_]
    if operations:
        blocks.append(p(w.st(f"Samen ingezet bij operaties en oefeningen in {y}:")))
        blocks.append(ul(w.contribution_item(c) for c in operations))
    procured = [x for x in reg.procurements if x.partner_id == partner.pk]
    if procured:
        blocks.append(p(w.st(f"Materieel dat Nederland in {y} met of van {w.the(partner)} verwierf:")))
        blocks.append(ul([w.st(f"{x.system}" + (f": {number(x.quantity, 0)} stuks" if x.quantity else ""),
                               x.cites_)] for x in sorted(procured, key=lambda x: sort_key(x.system))))
    return blocks
