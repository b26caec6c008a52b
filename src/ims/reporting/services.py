"""Writes of the reporting app: finalising a report, and the audit entries for downloads.

A finalised version freezes the data the report was built from, the four rendered files with their
SHA-256, who finalised it and when, and the application version. Nothing changes it afterwards: see
``models`` for how the model, the queryset and the database refuse.
"""

from __future__ import annotations

import hashlib

from django.db import IntegrityError, transaction
from django.utils import timezone

import ims
from ims.accounts.permissions import Action, may
from ims.core.audit import AuditAction, audit
from ims.core.classification import Classification
from ims.core.clearance import AboveClearance, within_clearance
from ims.core.services import RegisterError, record_link
from ims.register.services import partner_for

from .builder import build_report
from .builder.report import check_input, data_sha256
from .models import REPORT_FORMATS, PartnerDevelopment, ReportFile, ReportVersion, VersionStatus
from .render import render


class ReportError(RegisterError):
    """A report action IMS refuses; the message is for the user, in Dutch."""


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def render_all(data: dict) -> dict[str, bytes]:
    return {fmt: render(data, fmt) for fmt in REPORT_FORMATS}


def check_clearance(*, actor, level: int) -> None:
    """A user may only have a report made at or below their own clearance."""
    if actor is None or not within_clearance(actor, level):
        raise ReportError(AboveClearance.MESSAGE)


def report_finalise(*, year: int, classification: int, actor, reference: str = "") -> ReportVersion:
    """Build, render and freeze the report for ``year`` at ``classification`` as the next version."""
    try:
        check_input(year, classification)
    except ValueError as exc:
        raise ReportError(str(exc)) from exc
    if not may(actor, Action.EDIT):
        raise ReportError("Uw rol mag geen rapportage definitief maken.")
    check_clearance(actor=actor, level=classification)
    latest = (ReportVersion.objects.for_actor(actor).filter(year=year, classification=classification)
              .order_by("-number").first())
    number = (latest.number + 1) if latest else 1
    now = timezone.now()
    # Rendering takes seconds; it happens before the transaction so that the database is not held meanwhile.
    data = build_report(year=year, level=classification, reference=reference.strip(), on=timezone.localdate(now),
                        status=VersionStatus.FINAL, version=number)
    files = render_all(data)
    try:
        with transaction.atomic():
            version = ReportVersion(
                year=year, classification=classification, number=number, status=VersionStatus.FINAL,
                reference=data["letterhead"]["reference"], finalised_by=actor, finalised_at=now,
                app_version=ims.__version__, data=data, data_sha256=data_sha256(data),
            )
            version.full_clean()
            version.save()
            for fmt, content in files.items():
                ReportFile.objects.create(version=version, format=fmt, content=content, size=len(content),
                                          sha256=sha256(content))
            audit(action=AuditAction.CREATE, actor=actor, obj=version, changes={
                "definitief": True, "year": year, "classification": classification, "number": number,
                "data_sha256": version.data_sha256, "files": {fmt: sha256(c) for fmt, c in files.items()},
                "app_version": ims.__version__,
            })
    except IntegrityError as exc:
        # Two people finalising the same report at once: the unique version number lets one through.
        raise ReportError("Er is zojuist al een versie van deze rapportage definitief gemaakt; probeer het opnieuw.") \
            from exc
    return version


def version_verify(version: ReportVersion) -> dict[str, bool]:
    """Whether the stored data and each stored file still match the digests recorded at finalisation."""
    result = {"data": data_sha256(version.data) == version.data_sha256}
    for f in version.files.all():
        result[f.format] = sha256(bytes(f.content)) == f.sha256
    return result


def report_downloaded(*, actor, year: int, level: int, fmt: str, version: ReportVersion | None = None) -> None:
    """Every download and export of a report, draft or final, goes into the audit trail."""
    what = f"versie {version.number}" if version else "concept"
    audit(action=AuditAction.DOWNLOAD, actor=actor, object_type="reporting.report",
          object_id=str(version.pk) if version else str(year),
          object_repr=f"Rapportage {year} ({Classification(level).label}), {what}, {fmt}",
          classification=level, changes={"year": year, "classification": level, "format": fmt,
                                         "version": version.number if version else None})


def development_create(*, partner: str, kind: str, occurred_on, date_precision: str = "day", description: str,
                       classification: int = 0, citations=(), actor=None) -> PartnerDevelopment:
    """Record a development at a partner (an election, a new government, a policy paper) for the report."""
    return record_link(
        PartnerDevelopment(partner=partner_for(partner, actor=actor), kind=kind, occurred_on=occurred_on,
                           date_precision=date_precision, description=description, classification=classification),
        add={"citations": citations}, actor=actor,
    )
