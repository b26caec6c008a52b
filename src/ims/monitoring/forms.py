"""Filter forms of the monitoring's lists: query strings into the selectors' filter objects."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ims.register.forms import ALL, MenuField
from ims.register.vocab import MilestoneStatus

from .selectors import MilestoneFilters
from .vocab import MilestoneState


def _choices(choices):
    return [("", ALL), *choices]


class MilestoneFilterForm(forms.Form):
    state = MenuField(label=_("Termijn"), required=False, choices=_choices(MilestoneState.choices))
    status = MenuField(label=_("Status"), required=False, choices=_choices(MilestoneStatus.choices))
    plan = forms.IntegerField(required=False, min_value=1, max_value=2**62, widget=forms.HiddenInput)
    initiative = forms.IntegerField(required=False, min_value=1, max_value=2**62, widget=forms.HiddenInput)
    owner = forms.CharField(label=_("Eigenaar (gebruikersnaam)"), required=False, max_length=150)

    def filters(self) -> MilestoneFilters:
        data = self.cleaned_data if self.is_valid() else {}
        return MilestoneFilters(state=data.get("state") or "", status=data.get("status") or "",
                                plan=data.get("plan"), initiative=data.get("initiative"),
                                owner=data.get("owner") or "")
