"""Filter forms: they turn query strings into the selectors' filter objects, refusing unknown values."""

from __future__ import annotations

import copy
import functools
import html
from typing import Any

from django import forms
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from ims.core.clearance import clearance_choices
from ims.core.forms import VersionedModelForm
from ims.core.widgets import QuickSelect

from .models import Initiative
from .selectors import SORTS, InitiativeFilters, NetworkFilters, PartnerFilters
from .vocab import Form, GoalCategory, Kind, PartnerKind, Ring, Status

ALL = _("alle")


def _choices(choices):
    return [("", ALL), *choices]


class Menu(QuickSelect):
    """QuickSelect for filter menus, cheap to copy and to render on every request.

    Django deep-copies every field and widget of a form for each instance, normalising the choices again on
    the way; and the labels of a fixed menu are lazy objects that each look up the active language. So copies
    share the choices, and a fixed menu keeps its escaped options per language. The output is QuickSelect's.
    """

    def __init__(self, attrs: dict | None = None, choices: Any = ()) -> None:
        super().__init__(attrs, choices)
        self.fixed = True
        # Shared by every copy of the widget (copy.copy keeps the reference), so it fills once per process.
        self._options: dict[str | None, tuple[tuple[str, str, str], ...]] = {}

    def __deepcopy__(self, memo: dict) -> Menu:
        copied = copy.copy(self)
        copied.attrs = self.attrs.copy()
        memo[id(self)] = copied
        return copied

    def _parts(self) -> tuple[tuple[str, str, str], ...]:
        if not self.fixed:
            # Menus of partners are read per request (they depend on clearance) but rarely change.
            return _option_parts(tuple((v, str(label)) for v, label in self.choices))
        language = translation.get_language()
        parts = self._options.get(language)
        if parts is None:
            parts = self._options[language] = _option_parts(tuple((v, str(label)) for v, label in self.choices))
        return parts

    def render(self, name: str, value: Any, attrs: dict | None = None, renderer: Any = None) -> SafeString:
        attrs = self.build_attrs(self.attrs, attrs)
        values = value if isinstance(value, list | tuple) else [value]
        selected = {"" if v is None else str(v) for v in values}
        options = mark_safe("".join(
            f'{start}{" selected" if v in selected else ""}{end}' for v, start, end in self._parts()
        ))
        attributes = format_html_join("", ' {}="{}"', ((k, v) for k, v in attrs.items() if v not in (None, False)))
        return format_html('<select name="{}"{}>{}</select>', name, attributes, options)


@functools.lru_cache(maxsize=32)
def _option_parts(choices: tuple[tuple[Any, str], ...]) -> tuple[tuple[str, str, str], ...]:
    """(value, text before the selected mark, text after it) per option, escaped as QuickSelect does.

    Cached by content: the same menu for the same clearance and language is escaped once, and a changed
    menu is simply a new entry. ``html.escape`` is what Django's ``escape`` calls, minus its lazy-string checks.
    """
    return tuple((str(v), f'<option value="{html.escape(str(v))}"', f">{html.escape(label)}</option>")
                 for v, label in choices)


class MenuField(forms.ChoiceField):
    """A filter menu: its choices are normalised once, when the form class is defined, and shared by copies."""

    widget = Menu

    def __deepcopy__(self, memo: dict) -> MenuField:
        # ChoiceField deep-copies its choices for every form instance; they are only ever replaced whole
        # (``set_menu``), never changed in place, so sharing them is safe.
        return forms.Field.__deepcopy__(self, memo)

    def set_menu(self, choices: list[tuple[str, str]]) -> None:
        """Per-request choices, already plain (value, label) pairs, so Django's normalising is skipped."""
        self._choices = self.widget._choices = choices
        self.widget.fixed = False


# The partner list opens on the partners the register says something about; this value shows every territory.
ALL_PARTNERS = "alle"


class PartnerFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False, max_length=100)
    ring = MenuField(label=_("Schil"), required=False, choices=_choices(Ring.choices))
    kind = MenuField(label=_("Soort"), required=False, choices=_choices(PartnerKind.choices))
    # Set by the tabs above the list; kept in the form so that filtering stays on the chosen tab.
    scope = forms.ChoiceField(required=False, choices=[("", ""), (ALL_PARTNERS, "")], widget=forms.HiddenInput)

    def filters(self) -> PartnerFilters:
        data = self.cleaned_data if self.is_valid() else {}
        q = data.get("q", "")
        # A search looks for one partner by name, so it searches every territory, whichever tab is open.
        active = data.get("scope", "") != ALL_PARTNERS and not q
        return PartnerFilters(ring=data.get("ring", ""), kind=data.get("kind", ""), q=q, active=active)


class InitiativeFilterForm(forms.Form):
    # The partner and framework menus list every visible country and framework: set per request.
    q = forms.CharField(label=_("Zoeken"), required=False, max_length=100)
    partner = MenuField(label=_("Partner"), required=False)
    ring = MenuField(label=_("Schil"), required=False, choices=_choices(Ring.choices))
    form = MenuField(label=_("Samenwerkingsvorm"), required=False, choices=_choices(Form.choices))
    status = MenuField(label=_("Status"), required=False, choices=_choices(Status.choices))
    kind = MenuField(label=_("Soort"), required=False, choices=_choices(Kind.choices))
    category = MenuField(label=_("Doelcategorie"), required=False, choices=_choices(GoalCategory.choices))
    framework = MenuField(label=_("Kader"), required=False)
    sort = MenuField(
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
        self.fields["partner"].set_menu(_choices(
            [(code, name) for code, name, kind in partners if kind == PartnerKind.COUNTRY]
        ))
        self.fields["framework"].set_menu(_choices(
            [(code, name) for code, name, kind in partners if kind != PartnerKind.COUNTRY]
        ))

    def filters(self) -> InitiativeFilters:
        data = self.cleaned_data if self.is_valid() else {}
        values = {name: data.get(name) or "" for name in InitiativeFilters.__dataclass_fields__}
        if values["sort"] not in SORTS:
            values["sort"] = "title"
        return InitiativeFilters(**values)


class NetworkFilterForm(forms.Form):
    form = MenuField(label=_("Samenwerkingsvorm"), required=False, choices=_choices(Form.choices))
    status = MenuField(label=_("Status"), required=False, choices=_choices(Status.choices))
    year = forms.IntegerField(label=_("Jaar"), required=False, min_value=1945, max_value=2100,
                              help_text=_("Initiatieven die in dat jaar liepen."))

    def filters(self) -> NetworkFilters:
        data = self.cleaned_data if self.is_valid() else {}
        return NetworkFilters(form=data.get("form") or "", status=data.get("status") or "", year=data.get("year"))


class DateInput(forms.DateInput):
    input_type = "date"  # the browser's own date picker; the value travels as ISO 8601

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class InitiativeEditForm(VersionedModelForm):
    """The plain fields of an initiative, plus the version the editor started from (see ``StaleEdit``)."""

    class Meta:
        model = Initiative
        fields = [
            "title", "summary", "kind", "form", "origin", "status", "planned_start", "planned_end", "actual_start",
            "actual_end", "staff_fte", "units_committed", "sovereign_capability", "shortfall", "classification",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            **{name: DateInput() for name in ("planned_start", "planned_end", "actual_start", "actual_end")},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer no classification above the editor's own clearance: they would lose sight of their own record.
        self.fields["classification"].choices = clearance_choices(user)

    def changes(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
