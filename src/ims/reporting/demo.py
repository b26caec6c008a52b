"""Demo developments at the partners (elections, governments, policy papers) for the demo register's reports.

They cite the 2019 letter among the seed letters; like the register's demo, loading twice changes nothing,
and without the seed texts the developments are loaded without citations.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.db import transaction

from ims.register.models import SourceDocument
from ims.register.services import citation_get_or_create
from ims.text.dates import date_and_precision

from .models import PartnerDevelopment
from .services import development_create

DEMO_FILE = Path(__file__).parent / "demo" / "developments.json"


@transaction.atomic
def developments_demo_load(*, path: Path = DEMO_FILE, actor=None) -> int:
    """Load the demo developments; returns how many were new."""
    created = 0
    for d in json.loads(path.read_text(encoding="utf-8"))["developments"]:
        occurred_on, precision = date_and_precision(d["date"])
        if PartnerDevelopment.objects.unrestricted().filter(partner__code=d["partner"], kind=d["kind"],
                                             occurred_on=occurred_on).exists():
            continue
        cite = d.get("cite")
        document = (SourceDocument.objects.unrestricted().filter(filename=cite["doc"]).exclude(text="").first()
                    if cite else None)
        citations = [citation_get_or_create(document=document, start=cite["start"], end=cite["end"],
                                            page=cite.get("page"))] if document else []
        development_create(partner=d["partner"], kind=d["kind"], occurred_on=occurred_on, date_precision=precision,
                           description=d["description"], citations=citations, actor=actor)
        created += 1
    return created
