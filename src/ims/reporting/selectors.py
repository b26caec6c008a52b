"""Reads of the reporting app for the pages: versions and source passages, clearance first."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Max, QuerySet
from django.utils import timezone

from ims.register.models import Agreement, Citation, Contribution, DefenceSpending, SourceDocument

from .models import ReportFile, ReportVersion, VersionStatus

# How much of the document the source page shows around the cited passage.
CONTEXT_CHARS = 700


def versions_visible(*, user) -> QuerySet[ReportVersion]:
    return (ReportVersion.objects.for_user(user).filter(status=VersionStatus.FINAL)
            .select_related("finalised_by").order_by("-year", "classification", "-number"))


def version_get(*, user, pk: int) -> ReportVersion:
    return versions_visible(user=user).get(pk=pk)


def version_file(*, user, pk: int, fmt: str) -> ReportFile:
    return ReportFile.objects.select_related("version").get(version=version_get(user=user, pk=pk), format=fmt)


def last_final_visible(*, user, year: int, level: int) -> ReportVersion | None:
    return versions_visible(user=user).filter(year=year, classification=level).first()


def default_year(*, user) -> int:
    """The latest year the register has dated facts for (contributions, agreements, spending), up to now."""
    this_year = timezone.localdate().year
    years = [
        Contribution.objects.for_user(user).filter(year__lte=this_year).aggregate(y=Max("year"))["y"],
        DefenceSpending.objects.for_user(user).filter(year__lte=this_year, status="actual")
        .aggregate(y=Max("year"))["y"],
    ]
    signed = Agreement.objects.for_user(user).filter(signed_on__year__lte=this_year).aggregate(d=Max("signed_on"))
    if signed["d"]:
        years.append(signed["d"].year)
    found = [y for y in years if y]
    return max(found) if found else this_year - 1


@dataclass(frozen=True)
class Passage:
    citation: Citation
    document: SourceDocument
    before: str
    text: str
    after: str


def source_passage(*, user, pk: int) -> Passage:
    """The cited place in its document, with some text around it; only where the user may see the document."""
    citation = Citation.objects.for_user(user).select_related("document").get(pk=pk)
    text = citation.document.text or ""
    start, end = citation.start, citation.end
    return Passage(citation=citation, document=citation.document,
                   before=text[max(0, start - CONTEXT_CHARS):start], text=text[start:end],
                   after=text[end:end + CONTEXT_CHARS])
