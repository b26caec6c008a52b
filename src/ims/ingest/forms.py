from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ims.core.forms import PartialDateField
from ims.framework.fact_fields import FIELD_BY_NAME, INTEGER_KINDS, NUMBER_KINDS, FieldKind, fact_fields
from ims.register.vocab import vocab_label_lazy
from ims.text.read import SUPPORTED_SUFFIXES

# What each accepted type must look like in its first bytes; the name alone proves nothing.
_MAGIC = {".pdf": (b"%PDF-",), ".docx": (b"PK\x03\x04",)}


def _looks_like(name: str, head: bytes) -> bool:
    suffix = "." + name.lower().rsplit(".", 1)[-1]
    if suffix in _MAGIC:
        return head.startswith(_MAGIC[suffix])
    # Text and HTML: no NUL bytes in the first block, which binary files almost always have.
    return b"\x00" not in head


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(SUPPORTED_SUFFIXES)}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            if not data and self.required:
                # An empty list passes the per-file check; without this, a form with no file started an empty job.
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    documents = MultipleFileField(label=_("Documenten (txt, pdf, html, docx)"), allow_empty_file=True)
    bundle = forms.BooleanField(label=_("Deze bestanden zijn delen van één document (in deze volgorde)"),
                                required=False)

    def clean_documents(self):
        files = self.cleaned_data["documents"]
        problems = []
        for f in files:
            if not f.name.lower().endswith(SUPPORTED_SUFFIXES):
                problems.append(_("%(name)s: dit soort bestand wordt niet ondersteund.") % {"name": f.name})
            elif f.size > settings.IMS_UPLOAD_MAX_BYTES:
                problems.append(_("%(name)s: groter dan %(mb)s MB.") % {"name": f.name,
                                                                       "mb": settings.IMS_UPLOAD_MAX_BYTES >> 20})
            elif f.size == 0:
                problems.append(_("%(name)s: het bestand is leeg.") % {"name": f.name})
            else:
                head = f.read(4096)
                f.seek(0)
                if not _looks_like(f.name, head):
                    problems.append(_("%(name)s: de inhoud past niet bij het soort bestand.") % {"name": f.name})
        if problems:
            raise forms.ValidationError(problems)
        return files


BULK_THRESHOLD_FILE = Path(__file__).with_name("bulk_threshold.json")


@cache
def default_bulk_threshold() -> float:
    """The review screen's default for accepting in bulk: the lowest confidence from which on the extractor's
    facts are at least 95 % right on the development corpus. `make bench` computes it (bench/quality.py) and
    writes it here; a test checks that it still agrees with the extractor. Above 1 when no confidence band is
    that reliable: bulk acceptance is then not offered (see :func:`bulk_accept_offered`)."""
    return float(json.loads(BULK_THRESHOLD_FILE.read_text(encoding="utf-8"))["threshold"])


NO_RELIABLE_BAND_MESSAGE = _(
    "Geen enkele zekerheidsband is betrouwbaar genoeg om feiten in één keer te accepteren; beoordeel ze een voor een."
)


def bulk_accept_offered() -> bool:
    """Whether some confidence band is reliable enough to accept its facts in bulk."""
    return default_bulk_threshold() <= 1


class BulkAcceptForm(forms.Form):
    min_confidence = forms.FloatField(label=_("Alle feiten met een zekerheid van ten minste"), min_value=0,
                                      max_value=1, initial=default_bulk_threshold)


class RejectForm(forms.Form):
    note = forms.CharField(label=_("Reden"), required=False, max_length=500)


def correction_form(fact_type: str, payload: dict, data=None) -> forms.Form:
    """A form with the fact's own fields (:mod:`ims.framework.fact_fields`), prefilled with what was found;
    lists are typed as space-separated codes."""
    fields = {}
    for field in fact_fields(fact_type):
        value = payload.get(field.name)
        label = vocab_label_lazy(field)
        if field.kind == FieldKind.PARTNERS:
            fields[field.name] = forms.CharField(label=label, required=False, initial=" ".join(value or []))
        elif field.kind in INTEGER_KINDS:
            fields[field.name] = forms.IntegerField(label=label, required=False, initial=value)
        elif field.kind in NUMBER_KINDS:
            fields[field.name] = forms.DecimalField(label=label, required=False, initial=value)
        elif field.kind == FieldKind.DATE:
            fields[field.name] = PartialDateField(label=label, required=False, initial=value or "")
        else:
            fields[field.name] = forms.CharField(label=label, required=False, initial=value or "")
    form_class = type("CorrectionForm", (forms.Form,), fields)
    return form_class(data)


def corrections_from(form: forms.Form, original: dict) -> dict:
    """The changed fields only, in the payload's own types."""
    changes = {}
    for name, value in form.cleaned_data.items():
        field = FIELD_BY_NAME[name]
        if field.kind == FieldKind.PARTNERS:
            value = sorted(code.strip().upper() for code in value.split() if code.strip())
        elif field.kind in NUMBER_KINDS and value is not None:
            value = float(value)
        elif value == "":
            value = None
        if value != original.get(name):
            changes[name] = value
    return changes
