"""Filter forms: they turn query strings into the selectors' filter objects, refusing unknown values."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ims.core.widgets import QuickSelect

from .selectors import SORTS, InitiativeFilters, PartnerFilters
from .vocab import Form, GoalCategory, Kind, PartnerKind, Ring, Status

ALL = _("alle")


def _choices(choices):
    return [("", ALL), *choices]


class PartnerFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False, max_length=100)
    ring = forms.ChoiceField(label=_("Schil"), required=False, choices=_choices(Ring.choices))
    kind = forms.ChoiceField(label=_("Soort"), required=False, choices=_choices(PartnerKind.choices))

    def filters(self) -> PartnerFilters:
        data = self.cleaned_data if self.is_valid() else {}
        return PartnerFilters(ring=data.get("ring", ""), kind=data.get("kind", ""), q=data.get("q", ""))


class InitiativeFilterForm(forms.Form):
    # Every ChoiceField below uses QuickSelect (set in __init__); the partner menu lists every country.
    q = forms.CharField(label=_("Zoeken"), required=False, max_length=100)
    partner = forms.ChoiceField(label=_("Partner"), required=False)
    ring = forms.ChoiceField(label=_("Schil"), required=False, choices=_choices(Ring.choices))
    form = forms.ChoiceField(label=_("Samenwerkingsvorm"), required=False, choices=_choices(Form.choices))
    status = forms.ChoiceField(label=_("Status"), required=False, choices=_choices(Status.choices))
    kind = forms.ChoiceField(label=_("Soort"), required=False, choices=_choices(Kind.choices))
    category = forms.ChoiceField(label=_("Doelcategorie"), required=False, choices=_choices(GoalCategory.choices))
    framework = forms.ChoiceField(label=_("Kader"), required=False)
    sort = forms.ChoiceField(
        label=_("Sorteren"),
        required=False,
        choices=[
            ("title", _("titel (A-Z)")), ("-title", _("titel (Z-A)")), ("status", _("status")),
            ("form", _("samenwerkingsvorm")), ("start", _("start (oudste eerst)")),
            ("-start", _("start (nieuwste eerst)")), ("changed", _("laatst gewijzigd")),
        ],
    )

    def __init__(self, *args, partners: list[tuple[str, str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ChoiceField):
                field.widget = QuickSelect(choices=field.choices)
        self.fields["partner"].choices = self.fields["partner"].widget.choices = _choices(
            [(code, name) for code, name, kind in partners if kind == PartnerKind.COUNTRY]
        )
        self.fields["framework"].choices = self.fields["framework"].widget.choices = _choices(
            [(code, name) for code, name, kind in partners if kind != PartnerKind.COUNTRY]
        )

    def filters(self) -> InitiativeFilters:
        data = self.cleaned_data if self.is_valid() else {}
        values = {name: data.get(name) or "" for name in InitiativeFilters.__dataclass_fields__}
        if values["sort"] not in SORTS:
            values["sort"] = "title"
        return InitiativeFilters(**values)
