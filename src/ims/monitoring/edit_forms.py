"""The monitoring's edit forms: a cooperation plan with its goals and initiatives, a milestone of a plan, a
progress note, an official and an activity. They only read and check what was typed; every write is a service
call (``services``, and the register's ``milestone_update``). Every menu that names a record offers only what
the editor may see, so a hidden record's id is refused exactly as a missing one."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.forms.models import BaseInlineFormSet, inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ims.core.clearance import clearance_choices
from ims.core.forms import VersionedModelForm
from ims.core.widgets import QuickSelect
from ims.register.forms import DateInput
from ims.register.initiative_forms import PartnerChoice
from ims.register.models import Initiative, Milestone, Partner
from ims.register.vocab import MilestoneStatus

from .models import Activity, CooperationPlan, Official, PlanGoal, ProgressNote
from .services import GoalRow

UNKNOWN_CHOICE = _("Onbekende keuze: die bestaat niet of u mag die niet zien.")
UNKNOWN_CHOICES = _("Onbekende keuze (%(value)s): die bestaat niet of u mag die niet zien.")


class QuickSelectMultiple(QuickSelect, forms.SelectMultiple):
    """A multiple choice among many records (every visible initiative), rendered in one pass."""

    def __init__(self, attrs: dict | None = None, choices=()) -> None:
        super().__init__({"multiple": True, "size": 8, **(attrs or {})}, choices)


class UserChoice(forms.ModelChoiceField):
    """An active user. The menu offers only those with at least ``clearance`` (who can see the record they are
    chosen for); any active user is still read back, so that the model's own check refuses a lower one with a
    message that says why, not as an unknown choice."""

    def __init__(self, *, clearance: int = 0, **kwargs) -> None:
        users = get_user_model().objects.filter(is_active=True)
        super().__init__(queryset=users.filter(clearance__gte=clearance).order_by("username"), **kwargs)
        self.accepted = users

    def label_from_instance(self, obj) -> str:
        full = obj.get_full_name()
        return f"{full} ({obj.username})" if full else obj.username

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return self.accepted.get(pk=value)
        except (ValueError, TypeError, self.accepted.model.DoesNotExist):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                        params={"value": value}) from None


def _partners(user):
    return PartnerChoice(queryset=Partner.objects.for_user(user).order_by("name_nl"), label=_("Partner of kader"),
                         error_messages={"invalid_choice": UNKNOWN_CHOICE})


def _records(queryset, label, *, required: bool = False) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(queryset=queryset, label=label, required=required,
                                          widget=QuickSelectMultiple,
                                          error_messages={"invalid_choice": UNKNOWN_CHOICES})


class PlanForm(VersionedModelForm):
    """A plan's own fields and the initiatives it covers (among those the editor may see)."""

    class Meta:
        model = CooperationPlan
        fields = ["title", "partner", "starts_on", "ends_on", "summary", "classification", "initiatives"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}), "starts_on": DateInput(), "ends_on": DateInput()}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"] = _partners(user)
        self.fields["initiatives"] = _records(
            Initiative.objects.for_user(user).only("pk", "title").order_by("title", "pk"), _("Initiatieven"))
        self.fields["initiatives"].help_text = _("De initiatieven die dit plan omvat.")
        # Offer no classification above the editor's own clearance: they would lose sight of their own record.
        self.fields["classification"].choices = clearance_choices(user)

    def changes(self) -> dict:
        """The plain fields, as the services take them (the initiatives go separately)."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name != "initiatives"}


class PlanGoalForm(forms.ModelForm):
    class Meta:
        model = PlanGoal
        fields = ["category", "statement"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)

    def row(self) -> GoalRow:
        data = self.cleaned_data
        return GoalRow(category=data.get("category") or "", statement=data.get("statement") or "",
                       pk=self.instance.pk, delete=bool(data.get("DELETE")))


class PlanGoalFormSet(BaseInlineFormSet):
    def rows(self) -> list[GoalRow]:
        """The goals to save: new, changed or deleted ones."""
        return [form.row() for form in self.forms if form.has_changed()]


GoalFormSet = inlineformset_factory(CooperationPlan, PlanGoal, form=PlanGoalForm, formset=PlanGoalFormSet,
                                    extra=1, can_delete=True)


def goal_formset(*, data, plan: CooperationPlan) -> PlanGoalFormSet:
    queryset = plan.goals.order_by("category", "pk") if plan.pk else PlanGoal.objects.none()
    return GoalFormSet(data, instance=plan, prefix="goals", queryset=queryset)


class PlanMilestoneForm(VersionedModelForm):
    """A milestone of a plan: who answers for it, when it is due and how it stands. On a new one the editor may
    tie it to one of the plan's initiatives."""

    class Meta:
        model = Milestone
        fields = ["title", "initiative", "owner", "due_on", "status", "done_on"]
        widgets = {"due_on": DateInput(), "done_on": DateInput()}

    def __init__(self, *args, user, plan: CooperationPlan | None, **kwargs):
        super().__init__(*args, **kwargs)
        # The menu offers owners who can see the milestone and what it belongs to: on a new one, the plan (the
        # initiative is chosen beside it, so a too-low owner for that is refused on saving, in words).
        self.fields["owner"] = UserChoice(clearance=self.instance.owner_clearance_needed(), label=_("Eigenaar"),
                                          required=False, error_messages={"invalid_choice": UNKNOWN_CHOICE})
        if self.instance.pk:
            del self.fields["initiative"]  # what a milestone belongs to stays as it was made
        else:
            covered = Initiative.objects.for_user(user).filter(cooperation_plans=plan) if plan is not None \
                else Initiative.objects.for_user(user).none()
            self.fields["initiative"] = forms.ModelChoiceField(
                queryset=covered.only("pk", "title").order_by("title", "pk"), required=False,
                label=_("Initiatief van het plan"), error_messages={"invalid_choice": UNKNOWN_CHOICE})

    def clean(self):
        data = super().clean()
        status, done_on = data.get("status"), data.get("done_on")
        if status == MilestoneStatus.DONE and not done_on:
            data["done_on"] = self.instance.done_on or timezone.localdate()  # reported done: done today
        elif status and status != MilestoneStatus.DONE and done_on:
            self.add_error("done_on", _("Alleen een gereed gemelde mijlpaal heeft een gereeddatum."))
        return data

    def changes(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.fields if name != "base_version"}


class ProgressNoteForm(forms.ModelForm):
    class Meta:
        model = ProgressNote
        fields = ["noted_on", "text"]
        widgets = {"noted_on": DateInput(), "text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["noted_on"] = self.initial.get("noted_on") or timezone.localdate()


class OfficialForm(VersionedModelForm):
    """An official: a user of IMS (whose name and clearance then count) or just a name, posted to a partner."""

    class Meta:
        model = Official
        fields = ["kind", "user", "name", "partner", "starts_on", "ends_on", "clearance", "classification"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # A user who could not see the official's own record is not offered (``Official.clean`` refuses one).
        self.fields["user"] = UserChoice(clearance=int(self.instance.classification or 0), label=_("Gebruiker"),
                                         required=False,
                                         error_messages={"invalid_choice": UNKNOWN_CHOICE},
                                         help_text=_("Is de functionaris een gebruiker van IMS, kies die dan: "
                                                     "dan gelden diens naam en screeningsniveau."))
        self.fields["name"].required = False
        self.fields["partner"] = PartnerChoice(queryset=Partner.objects.for_user(user).order_by("name_nl"),
                                               label=_("Geplaatst bij"),
                                               error_messages={"invalid_choice": UNKNOWN_CHOICE})
        self.fields["classification"].choices = clearance_choices(user)
        self.fields["clearance"].help_text = _("Alleen voor een functionaris die geen gebruiker is.")

    def clean(self):
        data = super().clean()
        if not data.get("user") and not data.get("name") and "name" not in self.errors:
            self.add_error("name", _("Geef de naam van de functionaris, of kies een gebruiker."))
        return data

    def changes(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}


class ActivityForm(VersionedModelForm):
    """What an official did, and the goal category, initiatives and plans it served. On an existing activity the
    menus show as chosen only the links the editor may see; the others stay as they are (``activity_update``)."""

    class Meta:
        model = Activity
        fields = ["kind", "occurred_on", "partner", "text", "goal_category", "initiatives", "plans", "classification"]
        widgets = {"occurred_on": DateInput(), "text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, official: Official, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"] = _partners(user)
        self.fields["partner"].label = _("Partner")
        if not self.is_bound and not self.instance.pk:  # the official's partner and today, unless said otherwise
            self.initial["partner"] = self.initial.get("partner") or official.partner_id
            self.initial["occurred_on"] = self.initial.get("occurred_on") or timezone.localdate()
        self.fields["initiatives"] = _records(
            Initiative.objects.for_user(user).only("pk", "title").order_by("title", "pk"), _("Dient initiatieven"))
        self.fields["plans"] = _records(
            CooperationPlan.objects.for_user(user).only("pk", "title").order_by("title", "pk"),
            _("Dient samenwerkingsplannen"))
        self.fields["classification"].choices = clearance_choices(user)

    def changes(self) -> dict:
        """The plain fields, as the services take them (the initiatives and plans go separately)."""
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields if name not in LINKS}

    def links(self) -> dict:
        return {name: list(self.cleaned_data.get(name) or ()) for name in LINKS}


LINKS = ("initiatives", "plans")


class DeleteForm(VersionedModelForm):
    """The question before an activity is deleted: it carries only the version the editor was shown."""

    class Meta:
        model = Activity
        fields: list[str] = []
