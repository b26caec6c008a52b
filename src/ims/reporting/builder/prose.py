"""What every section writes with: sentences that carry their sources, names with their article, and the list
items about an initiative, an agreement or a contribution that partner and organisation sections share."""

from __future__ import annotations

from collections.abc import Iterable

from ims.register.models import Agreement, Citation, Contribution, Partner
from ims.register.vocab import AgreementKind, Form, Status

from ..text import enumerate_nl, number, sentence, sort_key, with_article
from .labels import date_phrase, label
from .scope import HOME, InitiativeInYear, ReportYear
from .structure import Sources, Statement

# The kinds of agreement that take "het" in running text; the others take "de".
_ARTICLE = {AgreementKind.MOU: "het", AgreementKind.JVS: "het", AgreementKind.TREATY: "het",
            AgreementKind.ACTION_PLAN: "het"}


class Writer:
    """The report year being written about and the sources cited so far, numbered in order of first use."""

    def __init__(self, reg: ReportYear) -> None:
        self.reg, self.year, self.level = reg, reg.year, reg.level
        self.sources = Sources()

    def st(self, text: str, citations: Iterable[Citation] = ()) -> Statement:
        """A sentence, with the numbers of the sources it rests on."""
        return Statement(sentence(text), self.sources.refs(citations))

    @staticmethod
    def the(partner: Partner, capital: bool = False) -> str:
        """The partner's name as running text needs it: 'het Verenigd Koninkrijk', 'de NAVO', 'Duitsland'."""
        return with_article(partner.name_nl, partner.kind == "organisation", capital)

    def initiative_item(self, i: InitiativeInYear) -> list[Statement]:
        """An initiative that moved in the year: its status and form, what happened, and its summary."""
        o = i.obj
        text = label(Status, i.status) + (f", {label(Form, o.form)}" if o.form else "")
        out = [self.st(f"{o.title} ({text}): {'; '.join(self.reg.active[o.pk])}", i.citations)]
        if o.summary:
            out.append(self.st(o.summary))
        return out

    def agreement_item(self, a: Agreement, parties: list[Partner]) -> list[Statement]:
        """An agreement of the year: when it was signed or announced, with whom, and its subject."""
        article = _ARTICLE.get(a.kind, "de")
        verb = "ondertekend" if a.signed else "aangekondigd"
        when = date_phrase(a.signed_on, a.signed_precision) if a.signed_on else ""
        names = enumerate_nl(self.the(x) for x in sorted((x for x in parties if x.code != HOME),
                                                         key=lambda x: sort_key(x.name_nl)))
        who = f" met {names}" if names else ""
        kind = label(AgreementKind, a.kind)
        if a.signed_on:
            text = f"{when} is {article} {kind} ‘{a.title}’{who} {verb}"
        else:
            # The register knows the agreement from a letter of this year, not the day it was signed.
            text = f"in {self.year} is melding gemaakt van {article} {kind} ‘{a.title}’{who}"
        out = [self.st(text, a.cites_)]
        if a.subject:
            out.append(self.st(a.subject))
        return out

    def contribution_item(self, c: Contribution) -> list[Statement]:
        """A contribution of the year: the operation, where, how many military personnel, and their role."""
        where = self.reg.partners.get(c.location_id)
        text = c.operation + (f" ({where.name_nl})" if where else "")
        if c.personnel:
            text += f", met ongeveer {number(c.personnel, 0)} Nederlandse militairen"
        out = [self.st(text, c.cites_)]
        if c.role:
            out.append(self.st(c.role))
        return out
