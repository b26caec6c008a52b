"""The introduction: what the letter covers, in what order, the year in numbers, and the first two figures."""

from __future__ import annotations

from ims.core.classification import Classification

from ..text import count, enumerate_nl
from .labels import label
from .prose import Writer
from .structure import Block, Section, p


def introduction(w: Writer, charts: dict) -> Section:
    """The opening section; it says so when the register holds nothing about the year at all."""
    reg, y = w.reg, w.year
    s = Section("intro", "Inleiding")
    s.blocks.append(p(w.st(f"Met deze brief ontvangt uw Kamer de jaarlijkse rapportage over de internationale "
                           f"militaire samenwerking (IMS) van Defensie in {y}")))
    if not _has_data(w):
        s.blocks.append(p(w.st(f"Over {y} bevat het register geen gegevens over internationale militaire "
                               "samenwerking: geen strategische partners, geen initiatieven, geen "
                               "overeenkomsten en geen bijdragen aan operaties"),
                          w.st("Elk onderdeel hieronder meldt dat afzonderlijk")))
    if reg.strategic:
        names = enumerate_nl(w.the(partner) for partner in reg.strategic)
        s.blocks.append(p(
            w.st(f"De strategische partners van Defensie waren in {y}: {names}"),
            w.st("Per partner beschrijft de rapportage eerst wat er in dat land zelf gebeurde, zoals de "
                 "defensie-uitgaven, nieuwe beleidsstukken, verkiezingen en regeringswisselingen, en daarna "
                 "wat Nederland en die partner samen deden"),
            w.st("Daarna komt de samenwerking binnen de Europese Unie, de NAVO en de Verenigde Naties aan "
                 "bod, gevolgd door de toezeggingen aan uw Kamer en een overzicht van wat er sinds de vorige "
                 "rapportage is veranderd"),
        ))
    s.blocks.append(p(
        w.st(f"Bijlage 1 somt de Nederlandse bijdragen aan operaties en operationele verbanden in {y} op, "
             "met daarnaast de operaties waaraan Nederland dat jaar niet (meer) bijdroeg"),
        w.st("Bijlage 2 toont per bi- of multinationaal project met welke partners het loopt, in welke vorm, "
             "met welke status, wat de volgende mijlpaal is en wat er sinds vorig jaar veranderde"),
    ))
    strategic = {partner.pk for partner in reg.strategic}
    with_strategic = sum(1 for i in reg.scope if {x.pk for x, _ in i.partners} & strategic)
    s.blocks.append(p(
        w.st(f"Het register telt voor {y} {count(len(reg.scope), 'initiatief', 'initiatieven')}, waarvan "
             f"{with_strategic} met ten minste één strategische partner; in {y} "
             f"{'is' if len(reg.signed) == 1 else 'zijn'} "
             f"{count(len(reg.signed), 'overeenkomst', 'overeenkomsten')} ondertekend of aangekondigd en "
             f"leverde Nederland {count(len(reg.contributions), 'bijdrage', 'bijdragen')} aan operaties en "
             "operationele verbanden"),
        w.st(f"Deze versie bevat alleen gegevens met de rubricering {label(Classification, w.level)} "
             "of lager"),
        w.st("Waar een zin op een feit uit het register steunt, noemt een voetnoot de brief of het Kamerstuk "
             "waarin dat feit is vastgelegd"),
    ))
    if charts.get("spending"):
        s.blocks.append(Block("figure", chart="spending", caption=charts["spending"]["caption"]))
    if charts.get("forms"):
        s.blocks.append(Block("figure", chart="forms", caption=charts["forms"]["caption"]))
    return s


def _has_data(w: Writer) -> bool:
    """Anything at all about the year: initiatives, agreements, contributions, partners or spending figures."""
    reg = w.reg
    return bool(reg.scope or reg.signed or reg.contributions or reg.strategic
                or any(x.year == w.year for x in reg.spending))
