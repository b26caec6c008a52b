"""Form parts every edit of a register record shares."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class VersionedModelForm(forms.ModelForm):
    """A model form that carries the version its editor started from, in a hidden field.

    ``record_save`` compares it with the stored version and refuses a save against a newer one (``StaleEdit``).
    """

    # Not called ``version``: the admin refuses a form field named like a non-editable model field.
    base_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["base_version"] = self.instance.version if self.instance.pk else 1


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
