from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Kind
from .query import MAX_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), max_length=MAX_LENGTH, required=False)
    kind = forms.ChoiceField(label=_("Soort"), choices=[("", _("alle soorten")), *Kind.choices], required=False)
    year = forms.IntegerField(label=_("Jaar"), min_value=1900, max_value=2100, required=False)
    page = forms.IntegerField(min_value=1, required=False)

    def params(self) -> dict:
        """The search as the selector takes it; a field that does not validate counts as not given."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if self.is_bound and not data:
            data = {name: self.cleaned_data.get(name) for name in self.fields if name not in self.errors}
            data["q"] = (self.data.get("q") or "")[:MAX_LENGTH]
        return {"q": (data.get("q") or "").strip(), "kind": data.get("kind") or "", "year": data.get("year"),
                "page": data.get("page") or 1}
