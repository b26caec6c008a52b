"""Forms: they parse input into plain values; the framework and the services judge whether it makes sense.

The proposal form only checks types (a number is a number). What a proposal must say - a partner, a
goal, an end after the start - is the framework's rule, so :func:`proposal_data` hands the values over
as the framework's JSON and :func:`ims.framework.validate_proposal` names every problem.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _

from ims import framework as fw
from ims.core.clearance import clearance_choices
from ims.core.widgets import QuickSelect
from ims.register.models import Initiative, Partner
from ims.register.presentation import partner_name, partner_short
from ims.register.vocab import Form, GoalCategory, Kind, Origin, Ring, vocab_label, vocab_label_lazy

from .labels import scenario_label

# The scenario choice that takes the three weights from the form instead of a named scenario.
OWN_WEIGHTS = "eigen-weging"
MAX_EXTRA_OPTIONS = 3  # with the option itself and "niet samenwerken", five side by side
CATEGORIES = [(category, fw.GoalCategory(category)) for category in GoalCategory.values]


class QuickSelectMultiple(QuickSelect):
    """:class:`QuickSelect` for several values: one pass over the options, read back with ``getlist``."""

    allow_multiple_selected = True

    def __init__(self, attrs: dict[str, Any] | None = None, choices=()) -> None:
        super().__init__({**(attrs or {}), "multiple": True}, choices)

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)

    def value_omitted_from_data(self, data, files, name) -> bool:
        return False  # an empty multi-select sends nothing, which means "none chosen"


def _number(label, *, step: str = "any", low: float | None = 0, high: float | None = None,
            **kwargs) -> forms.FloatField:
    attrs = {"step": step, "inputmode": "decimal"}
    if low is not None:
        attrs["min"] = low
    if high is not None:
        attrs["max"] = high
    return forms.FloatField(label=label, required=False, widget=forms.NumberInput(attrs=attrs), **kwargs)


def _date_input() -> forms.DateInput:
    # A date input takes ISO dates only, whatever the language of the page.
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _date(label) -> forms.DateField:
    return forms.DateField(label=label, required=False, widget=_date_input())


class ScenarioChoiceForm(forms.Form):
    """The scenario (and, on the initiative page, other initiatives) for an assessment; GET only."""

    scenario = forms.ChoiceField(label=_("Scenario"), required=False)
    compare = forms.MultipleChoiceField(label=_("Vergelijken met"), required=False,
                                        help_text=_("Ten hoogste drie andere initiatieven."))

    def __init__(self, *args, scenarios: dict[str, fw.Scenario], initiatives: list[Initiative], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scenario"].choices = [(name, scenario_label(name, s.label_nl)) for name, s in scenarios.items()]
        self.fields["scenario"].widget = QuickSelect(choices=self.fields["scenario"].choices)
        self.fields["compare"].choices = [(str(i.pk), i.title) for i in initiatives]
        self.fields["compare"].widget = QuickSelectMultiple(attrs={"size": 5},
                                                            choices=self.fields["compare"].choices)

    def clean_compare(self) -> list[int]:
        chosen = self.cleaned_data.get("compare") or []
        if len(chosen) > MAX_EXTRA_OPTIONS:
            raise forms.ValidationError(_("Kies ten hoogste drie initiatieven om mee te vergelijken."))
        return [int(pk) for pk in chosen]


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200, initial=_("Nieuw voorstel"))
    kind = forms.ChoiceField(label=_("Soort samenwerking"), choices=Kind.choices, initial=Kind.GENERAL)
    form = forms.ChoiceField(label=_("Samenwerkingsvorm (ladder)"), choices=Form.choices, initial=Form.POOLING)
    origin = forms.ChoiceField(label=_("Totstandkoming"), choices=Origin.choices, initial=Origin.BOTTOM_UP)
    partners = forms.MultipleChoiceField(label=_("Partners"), required=False,
                                         help_text=_("Houd Ctrl of Cmd ingedrukt om er meer te kiezen."))
    staff_fte = _number(_("Stafcapaciteit (fte)"), step="0.5")
    units_committed = _number(_("Gecommitteerde eenheden"), step="0.5")
    budget_eur_per_year = _number(_("Budget per jaar (€)"), step="1000")
    startup_eur = _number(_("Opstartkosten (€)"), step="1000")
    planned_start = _date(_("Geplande start"))
    planned_end = _date(_("Gepland einde"))
    milestones = forms.IntegerField(label=_("Mijlpalen"), required=False, min_value=0,
                                    widget=forms.NumberInput(attrs={"min": 0, "step": 1}))
    sovereign = forms.BooleanField(label=_("Raakt een capaciteit die Nederland zelfstandig wil behouden"),
                                   required=False)
    scenario = forms.ChoiceField(label=_("Scenario"), initial="balanced")
    compare = forms.MultipleChoiceField(label=_("Vergelijken met initiatieven"), required=False,
                                        help_text=_("Ten hoogste drie."))

    def __init__(self, *args, partners: list[Partner], scenarios: dict[str, fw.Scenario],
                 initiatives: list[Initiative], **kwargs):
        super().__init__(*args, **kwargs)
        partner_choices = [(p.code, f"{partner_name(p)} ({partner_short(p)})") for p in partners]
        self.fields["partners"].choices = partner_choices
        self.fields["partners"].widget = QuickSelectMultiple(attrs={"size": 8}, choices=partner_choices)
        scenario_choices = [(name, scenario_label(name, s.label_nl)) for name, s in scenarios.items()]
        scenario_choices.append((OWN_WEIGHTS, str(_("Eigen weging (hieronder)"))))
        self.fields["scenario"].choices = scenario_choices
        self.fields["compare"].choices = [(str(i.pk), i.title) for i in initiatives]
        self.fields["compare"].widget = QuickSelectMultiple(attrs={"size": 4},
                                                            choices=self.fields["compare"].choices)
        # Per goal category: what the goal is, how strongly it serves the category, and its result.
        for code, category in CATEGORIES:
            self.fields[f"statement_{code}"] = forms.CharField(label=_("Doel"), required=False, max_length=300)
            self.fields[f"strength_{code}"] = _number(_("Sterkte (0–1)"), step="0.05", high=1)
            self.fields[f"result_{code}"] = forms.CharField(label=_("Beoogd resultaat"), required=False,
                                                            max_length=300)
            # No minimum in the browser: a negative weight must reach the framework, which names it.
            self.fields[f"weight_{code}"] = _number(vocab_label(category), step="0.5", low=None, initial=1)
        for field in ("kind", "form", "origin", "scenario"):
            self.fields[field].widget = QuickSelect(choices=self.fields[field].choices)
        # Fields in the order the page shows them, so that a list of problems follows the page.
        self.order_fields(["title", "kind", "form", "origin", "partners", *self.group_fields("goals"), "staff_fte",
                           "units_committed", "budget_eur_per_year", "startup_eur", "planned_start", "planned_end",
                           "milestones", "sovereign", "scenario", *self.group_fields("weights"), "compare"])
        # Problems of a group of fields as a whole (no goal at all, all weights zero), shown above the group.
        self.group_errors: dict[str, list[str]] = {"goals": [], "weights": []}

    def group_fields(self, group: str) -> list[str]:
        """The names of the fields of a group ("goals" or "weights")."""
        if group == "goals":
            return [f"{part}_{code}" for code, _category in CATEGORIES for part in ("statement", "strength", "result")]
        return [f"weight_{code}" for code, _category in CATEGORIES]

    def error_summary(self) -> list[tuple[str, str, str]]:
        """Every problem as (id of the field or group to jump to, what it is about, the message), in form order;
        a goal field is named with its category, since the three goal rows have the same labels."""
        summary = []
        names = {f"{part}_{code}": category for code, category in CATEGORIES
                 for part in ("statement", "strength", "result")}
        for message in self.non_field_errors():
            summary.append(("", "", message))
        for group, messages in self.group_errors.items():
            summary += [(f"group-{group}", str(_("Doelen") if group == "goals" else _("Gewichten")), m)
                        for m in messages]
        for field in self:
            label = str(field.label)
            if field.name in names:
                label = f"{capfirst(vocab_label(names[field.name]))} – {label}"
            summary += [(field.auto_id, label, message) for message in field.errors]
        return summary

    def goal_rows(self) -> list[tuple[fw.GoalCategory, forms.BoundField, forms.BoundField, forms.BoundField]]:
        return [(category, self[f"statement_{code}"], self[f"strength_{code}"], self[f"result_{code}"])
                for code, category in CATEGORIES]

    def weight_fields(self) -> list[forms.BoundField]:
        return [self[f"weight_{code}"] for code, _category in CATEGORIES]

    def clean_compare(self) -> list[int]:
        chosen = self.cleaned_data.get("compare") or []
        if len(chosen) > MAX_EXTRA_OPTIONS:
            raise forms.ValidationError(_("Kies ten hoogste drie initiatieven om mee te vergelijken."))
        return [int(pk) for pk in chosen]


def proposal_data(cleaned: dict[str, Any], partners: list[dict[str, Any]]) -> dict[str, Any]:
    """The form's values (as far as they are valid) as the framework's proposal JSON; a category with strength
    0 or blank has no goal."""
    goals = []
    for code, category in CATEGORIES:
        strength = cleaned.get(f"strength_{code}")
        if not strength:
            continue
        result = (cleaned.get(f"result_{code}") or "").strip()
        # A blank statement defaults to the Dutch label: it is proposal data, quoted in the framework's Dutch reasons.
        goals.append({
            "category": code,
            "statement": (cleaned.get(f"statement_{code}") or "").strip() or category.label_nl.capitalize(),
            "strength": strength,
            "concrete": bool(result),
            "expected_result": result or None,
        })
    start, end = cleaned.get("planned_start"), cleaned.get("planned_end")
    # A field the form could not read is left empty here; the framework's problem about it is then not shown,
    # since the form's own message is (see results.attach_problems).
    return {
        "title": cleaned.get("title", ""),
        "kind": cleaned.get("kind", ""),
        "form": cleaned.get("form", ""),
        "origin": cleaned.get("origin", ""),
        "goals": goals,
        "partners": partners,
        "costs": {key: cleaned.get(key) or 0.0
                  for key in ("staff_fte", "units_committed", "budget_eur_per_year", "startup_eur")},
        "timeline": {
            "planned_start": start.isoformat() if start else None,
            "planned_end": end.isoformat() if end else None,
            "milestones": cleaned.get("milestones") or 0,
        },
        "capabilities_touched": [],
        "touches_sovereign_capability": bool(cleaned.get("sovereign")),
    }


def own_weights(cleaned: dict[str, Any]) -> dict[str, Any]:
    """The three weights typed in the form (blank counts as 0), keyed by category code."""
    return {code: cleaned.get(f"weight_{code}") or 0.0 for code, _category in CATEGORIES}


class CriteriaForm(forms.Form):
    political_distance = forms.DecimalField(
        label=_("Politiek-strategische afstand"), min_value=0, max_value=1, decimal_places=3,
        help_text=_("0 = geen afstand, 1 = zeer groot."),
        widget=forms.NumberInput(attrs={"step": "0.05", "min": 0, "max": 1}),
    )
    culture_similarity = forms.DecimalField(
        label=_("Vergelijkbaarheid politieke cultuur"), min_value=0, max_value=1, decimal_places=3,
        help_text=_("0 = geheel anders, 1 = gelijk."),
        widget=forms.NumberInput(attrs={"step": "0.05", "min": 0, "max": 1}),
    )
    operational_synergy = forms.DecimalField(
        label=_("Operationele synergie"), min_value=0, max_value=1, decimal_places=3,
        help_text=_("0 = niets samen, 1 = al zeer veel samen."),
        widget=forms.NumberInput(attrs={"step": "0.05", "min": 0, "max": 1}),
    )
    valid_from = forms.DateField(label=_("Geldig vanaf"), widget=_date_input())
    reason = forms.CharField(label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}))
    classification = forms.TypedChoiceField(label=_("Rubricering"), coerce=int, initial=0)

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("valid_from", timezone.localdate())
        # Its own ids: the ring form on the same page has fields of the same names (the names stay as they are).
        kwargs.setdefault("auto_id", "id_criteria_%s")
        super().__init__(*args, **kwargs)
        self.fields["classification"].choices = clearance_choices(user)


class RingForm(forms.Form):
    ring = forms.ChoiceField(label=_("Schil"), choices=Ring.choices)
    valid_from = forms.DateField(label=_("Geldig vanaf"), widget=_date_input())
    reason = forms.CharField(label=_("Reden"), widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Waarom deze schil, zeker als die afwijkt van het voorstel."))
    # Set by the confirmation step of a decision that rewrites the past (see ims.assessment.ring_change).
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("valid_from", timezone.localdate())
        kwargs.setdefault("auto_id", "id_ring_%s")
        super().__init__(*args, **kwargs)


class ScenarioForm(forms.Form):
    label_nl = forms.CharField(label=_("Naam"), max_length=200,
                               help_text=_("Zoals het in de keuzelijsten staat, bijvoorbeeld ‘Crisis 2024: militaire "
                                           "doelen wegen zwaarder’."))
    name = forms.SlugField(label=_("Korte naam voor de opdrachtregel"), max_length=60, required=False,
                           help_text=_("Leeg: IMS maakt hem uit de naam. Kleine letters, cijfers en streepjes."))
    date = forms.DateField(label=_("Datum"), widget=_date_input())
    weight_political_strategic = forms.FloatField(label=vocab_label_lazy(fw.GoalCategory.political_strategic))
    weight_military = forms.FloatField(label=vocab_label_lazy(fw.GoalCategory.military))
    weight_financial_economic = forms.FloatField(label=vocab_label_lazy(fw.GoalCategory.financial_economic))
    classification = forms.TypedChoiceField(label=_("Rubricering"), coerce=int, initial=0)

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("date", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.fields["classification"].choices = clearance_choices(user)

    def clean_name(self) -> str:
        # The slug defaults to one made from the name, which is validated as a slug in its turn.
        name = self.cleaned_data.get("name") or slugify(self.data.get("label_nl", ""))[:60].strip("-")
        if self.data.get("label_nl") and not name:
            raise forms.ValidationError(_("Geef een korte naam met letters of cijfers."))
        return name

    def weights(self) -> dict[str, float]:
        return {code: self.cleaned_data[f"weight_{code}"] for code, _category in CATEGORIES}
