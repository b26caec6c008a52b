"""The parts of an initiative on its create and edit form: participants, goals and indicators, milestones and
budgets, each a formset whose rows the register's services save (``relations.initiative_save``)."""

from __future__ import annotations

from django import forms
from django.forms.models import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ims.core.forms import VersionedModelForm, VisibleRowsInlineFormSet

from .forms import DateInput
from .models import Goal, Initiative, InitiativeBudget, Milestone, Participation, Partner
from .presentation import partner_name
from .relations import PartRow
from .vocab import MilestoneStatus, ParticipantRole


class PartnerChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Partner) -> str:
        return partner_name(obj)


class _PartForm(forms.ModelForm):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def row(self) -> PartRow:
        # The formset adds the pointer to the initiative to the fields; the service sets that itself.
        values = {name: self.cleaned_data.get(name) for name in self._meta.fields if name != "initiative"}
        return PartRow(values=values, pk=self.instance.pk, delete=bool(self.cleaned_data.get("DELETE")))


class ParticipationForm(_PartForm):
    class Meta:
        model = Participation
        fields = ["partner", "role"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        # Only partners the editor may see: a hidden one is neither offered nor accepted.
        self.fields["partner"] = PartnerChoice(queryset=Partner.objects.for_user(user).order_by("name_nl"),
                                               label=_("Partner"))


class GoalForm(_PartForm):
    class Meta:
        model = Goal
        fields = ["category", "statement", "expected_result", "indicator", "unit", "baseline", "target"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 2}), "expected_result": forms.Textarea(attrs={"rows": 2})}


class MilestoneForm(VersionedModelForm, _PartForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_on", "done_on", "status"]
        widgets = {"due_on": DateInput(), "done_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Also when bound, so that an empty new row whose version came back unchanged counts as unchanged.
        self.initial.setdefault("base_version", self.instance.version if self.instance.pk else 1)

    def clean(self):
        data = super().clean()
        status, done_on = data.get("status"), data.get("done_on")
        if status == MilestoneStatus.DONE and not done_on:
            data["done_on"] = self.instance.done_on or timezone.localdate()  # reported done: done today
            self.instance.done_on = data["done_on"]
        elif status and status != MilestoneStatus.DONE and done_on:
            self.add_error("done_on", _("Alleen een gereed gemelde mijlpaal heeft een gereeddatum."))
        return data

    def row(self) -> PartRow:
        row = super().row()
        values = dict(row.values)
        if values.get("status") == MilestoneStatus.DONE and not values.get("done_on"):
            values["done_on"] = self.cleaned_data.get("done_on")
        version = self.cleaned_data.get("base_version") if self.instance.pk else None
        return PartRow(values=values, pk=row.pk, delete=row.delete, version=version)


class BudgetForm(_PartForm):
    class Meta:
        model = InitiativeBudget
        fields = ["year", "amount_eur"]


class PartFormSet(VisibleRowsInlineFormSet):
    """A part's rows; the formset's own checks across rows (one lead, one budget per year) are here."""

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, form_kwargs={"user": user}, **kwargs)

    def rows(self) -> list[PartRow]:
        """The rows to save: new, changed or deleted ones (``row_forms`` holds their forms, in the same order)."""
        self.row_forms = [form for form in self.forms if form.has_changed()]
        return [form.row() for form in self.row_forms]

    def clean(self) -> None:
        super().clean()
        if self.model is Participation:
            leads = [f for f in self.forms if getattr(f, "cleaned_data", None) and not f.cleaned_data.get("DELETE")
                     and f.cleaned_data.get("role") == ParticipantRole.LEAD]
            for extra in leads[1:]:
                extra.add_error("role", _("Een initiatief heeft ten hoogste één lead nation."))


def _formset(model, form, extra: int = 1):
    return inlineformset_factory(Initiative, model, form=form, formset=PartFormSet, extra=extra, can_delete=True)


# (prefix, formset, heading), in the order of the form.
PARTS = (
    ("participations", _formset(Participation, ParticipationForm), _("Deelnemers")),
    ("goals", _formset(Goal, GoalForm), _("Doelen en indicatoren")),
    ("milestones", _formset(Milestone, MilestoneForm), _("Mijlpalen")),
    ("budgets", _formset(InitiativeBudget, BudgetForm), _("Budgetten")),
)


def part_formsets(*, data, initiative: Initiative, user) -> list[tuple[str, PartFormSet, str]]:
    """The four formsets; one whose rows were not sent (its management form is missing) is unbound, so
    saving leaves that part as it is."""
    found = []
    for prefix, formset, heading in PARTS:
        sent = data is not None and f"{prefix}-TOTAL_FORMS" in data
        # for_user reaches each part's initiative and, for a participation, its partner too.
        visible = formset.model.objects.for_user(user)
        queryset = visible.filter(initiative=initiative) if initiative.pk else visible.none()
        if formset.model is Participation:
            queryset = queryset.order_by("partner__name_nl")
        found.append((prefix, formset(data if sent else None, instance=initiative, prefix=prefix,
                                      queryset=queryset, user=user), heading))
    return found
