"""Form parts every edit of a register record shares."""

from __future__ import annotations

import contextlib

from django import forms
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from ims.text.dates import DateError, PartialDate, parse_date


class VersionedModelForm(forms.ModelForm):
    """A model form that carries the version its editor started from, in a hidden field.

    ``record_save`` compares it with the stored version and refuses a save against a newer one (``StaleEdit``).
    """

    # Not called ``version``: the admin refuses a form field named like a non-editable model field.
    base_version = forms.IntegerField(label=_("versie bij het openen"), widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["base_version"] = self.instance.version if self.instance.pk else 1


class VisibleRowsInlineFormSet(BaseInlineFormSet):
    """An inline formset whose rows are found only among its own queryset.

    Django's hidden id field looks a submitted row up in the whole table; here a row is one of the parent's
    rows the formset shows (the user's visible ones), so an id of any other row answers as a missing one.
    """

    def add_fields(self, form, index) -> None:
        super().add_fields(form, index)
        pk_name = self.model._meta.pk.name
        if pk_name in form.fields:
            form.fields[pk_name].queryset = self.get_queryset()


class CheckedVersionForm(VersionedModelForm):
    """For screens that have no conflict view of their own (the admin): a stale version is a form error."""

    def clean(self):
        data = super().clean()
        submitted = data.get("base_version")
        if self.instance.pk and submitted is not None and submitted != self.instance.version:
            raise forms.ValidationError(
                _("Dit gegeven is intussen door een ander gewijzigd: u bewerkte versie %(submitted)s, de opgeslagen "
                  "versie is %(current)s. Laad de pagina opnieuw om de huidige gegevens te zien."),
                code="stale",
                params={"submitted": submitted, "current": self.instance.version},
            )
        return data


class PartialDateField(forms.CharField):
    """A date known to the year, the month or the day: ``2019``, ``2019-10``, ``2019-10-02``, or as people write
    it (``2 oktober 2019``, ``oktober 2019``). Cleans to the ISO form at the precision given, or None."""

    default_error_messages = {"invalid": _("Geef een datum als 2019, 2019-10 of 2019-10-02.")}

    def to_python(self, value) -> str | None:
        text = super().to_python(value)
        if not text:
            return None
        with contextlib.suppress(DateError):
            return PartialDate.from_iso(text).iso()
        # Else as people write it; a year alone is ISO already, and running text reads "2019-13" as years.
        with contextlib.suppress(DateError):
            written = parse_date(text)
            if written.precision != "year":
                return written.iso()
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
