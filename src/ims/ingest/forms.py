from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ims.core.classification import Classification
from ims.text.read import SUPPORTED_SUFFIXES

from .correction import PartialDateField
from .services import METADATA_FIELDS, Stated

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


def _file_problem(f) -> str | None:
    """Why one uploaded file cannot be read in, or None."""
    if not f.name.lower().endswith(SUPPORTED_SUFFIXES):
        return str(_("dit soort bestand wordt niet ondersteund."))
    if f.size > settings.IMS_UPLOAD_MAX_BYTES:
        return str(_("groter dan %(mb)s MB.") % {"mb": settings.IMS_UPLOAD_MAX_BYTES >> 20})
    if f.size == 0:
        return str(_("het bestand is leeg."))
    head = f.read(4096)
    f.seek(0)
    if not _looks_like(f.name, head):
        return str(_("de inhoud past niet bij het soort bestand."))
    return None


class UploadForm(forms.Form):
    """Letters to read in, the first of two steps: the files are checked and kept, and the next step
    (:class:`ConfirmForm`, one per file) shows what was read from each, to correct before the job starts. Files
    that cannot be read are listed in the job (``refused``) while the others go in; only when none can, the
    form says why."""

    documents = MultipleFileField(label=_("Documenten (txt, pdf, html, docx)"), allow_empty_file=True)
    bundle = forms.BooleanField(label=_("Deze bestanden zijn delen van één document (in deze volgorde)"),
                                required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.refused: list[tuple[str, str]] = []

    def clean_documents(self):
        files = self.cleaned_data["documents"]
        good = []
        for f in files:
            problem = _file_problem(f)
            if problem:
                self.refused.append((f.name, problem))
            else:
                good.append(f)
        if not good:
            raise forms.ValidationError([f"{name}: {why}" for name, why in self.refused])
        return good


class ConfirmForm(forms.Form):
    """What one uploaded letter says of itself, prefilled from the letter and open to correction, with the
    classification it is stored at (no higher than the uploader's clearance). Only what the uploader changes is
    stated (:meth:`stated`): what is left as read, or emptied, stays what the letter says."""

    title = forms.CharField(label=_("Titel"), max_length=300, required=False)
    date = PartialDateField(label=_("Datum"), required=False)
    reference = forms.CharField(label=_("Kenmerk"), max_length=100, required=False)
    kamerstuk = forms.CharField(label=_("Kamerstuknummer"), max_length=50, required=False,
                                help_text=_("Bijvoorbeeld 33279-17."))
    classification = forms.TypedChoiceField(label=_("Rubricering"), coerce=int)

    def __init__(self, *args, user, read: Mapping[str, str], **kwargs) -> None:
        # The letter's own marking, else the setting; but nobody stores a letter above their own clearance: they
        # would lose sight of it themselves.
        ceiling = int(user.clearance)
        marking = Classification.from_code(read["marking"]) if read.get("marking") else None
        level = int(settings.IMS_UPLOAD_CLASSIFICATION) if marking is None else int(marking)
        super().__init__(*args, initial={**read, "classification": min(level, ceiling)}, **kwargs)
        field = self.fields["classification"]
        field.choices = [(value, label) for value, label in Classification.choices if value <= ceiling]
        self.above_clearance = marking if marking is not None and marking > ceiling else None
        for name in ("reference", "kamerstuk"):  # a title is always there (else the file's name); a date has its hint
            if not read.get(name):
                self.fields[name].widget.attrs["placeholder"] = _("niet in het document gevonden")
        if self.above_clearance is not None:
            field.help_text = self._above_clearance_message()
        elif marking is not None:
            field.help_text = _("Het document is gemarkeerd als %(marking)s.") % {"marking": marking.label}

    def _above_clearance_message(self) -> str:
        return _("Het document is gemarkeerd als %(marking)s, hoger dan uw screeningsniveau: laat het inlezen door "
                 "iemand met die screening.") % {"marking": self.above_clearance.label}

    def clean_classification(self) -> int:
        if self.above_clearance is not None:
            # Stored at the uploader's clearance, its text would reach readers the marking keeps out.
            raise forms.ValidationError(self._above_clearance_message())
        return self.cleaned_data["classification"]

    def stated(self) -> Stated:
        changed = {name: self.cleaned_data[name] for name in METADATA_FIELDS
                   if name in self.changed_data and self.cleaned_data.get(name)}
        return Stated(classification=self.cleaned_data["classification"], metadata=changed)


def confirm_forms(staged, user, data=None) -> list[ConfirmForm]:
    """One :class:`ConfirmForm` per staged file, each with its own prefix; a bundle's parts share one
    classification, said at each of them when they do not."""
    made = [ConfirmForm(data, user=user, read=file.read, prefix=str(n)) for n, file in enumerate(staged.files)]
    if data is not None and staged.bundle and all(f.is_valid() for f in made) \
            and len({f.cleaned_data["classification"] for f in made}) > 1:
        for f in made:
            f.add_error("classification", _("De delen van één document krijgen één rubricering."))
    return made


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
    # Localised: shown and read with a decimal comma (0,9), as the confidence on every card is.
    min_confidence = forms.FloatField(label=_("Alle feiten met een zekerheid van ten minste"), min_value=0,
                                      max_value=1, initial=default_bulk_threshold, localize=True)


class RejectForm(forms.Form):
    note = forms.CharField(label=_("Reden"), required=False, max_length=500)
