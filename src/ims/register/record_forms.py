"""Filter forms of the smaller lists (commitments, contributions, spending, procurement, documents): query
strings in, the record selectors' filter objects out; unknown values are dropped, never an error."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import MenuField, _choices
from .record_selectors import CommitmentFilters, YearFilters
from .vocab import CommitmentStatus, PartnerKind, SpendingStatus


class _YearForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False, max_length=100)
    year = forms.IntegerField(label=_("Jaar"), required=False, min_value=1900, max_value=2100)

    def data_or_nothing(self) -> dict:
        if self.is_valid():
            return self.cleaned_data
        # One bad value (a year of "abc") drops that filter only, not the others.
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if name not in self.errors}


class CommitmentFilterForm(_YearForm):
    status = MenuField(label=_("Status"), required=False, choices=_choices(CommitmentStatus.choices))

    def filters(self) -> CommitmentFilters:
        data = self.data_or_nothing()
        return CommitmentFilters(status=data.get("status") or "", year=data.get("year"), q=data.get("q") or "")


class PartnerYearFilterForm(_YearForm):
    """Contributions and procurement: a partner (the menu lists the countries the user may see) and a year."""

    partner = MenuField(label=_("Partner"), required=False)

    def __init__(self, *args, partners: list[tuple[str, str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].set_menu(_choices(
            [(code, name) for code, name, kind in partners if kind == PartnerKind.COUNTRY]))

    def filters(self) -> YearFilters:
        data = self.data_or_nothing()
        return YearFilters(partner=data.get("partner") or "", year=data.get("year"), q=data.get("q") or "",
                           status=data.get("status") or "")


class SpendingFilterForm(PartnerYearFilterForm):
    q = None  # figures have no text to search
    status = MenuField(label=_("Soort cijfer"), required=False, choices=_choices(SpendingStatus.choices))


class DocumentFilterForm(_YearForm):
    def filters(self) -> dict:
        data = self.data_or_nothing()
        return {"q": data.get("q") or "", "year": data.get("year")}
