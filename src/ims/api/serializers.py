"""How register records look in the API, and what an editor may send.

Related records are named by code (partners) or id, and only as far as the selectors put them on the
instance: relations to records above the user's clearance are filtered there, so a serializer never follows a
raw foreign key to something the user may not see.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ims.core.classification import Classification
from ims.core.clearance import AboveClearance, within_clearance
from ims.monitoring.status import state_of
from ims.monitoring.vocab import MilestoneState
from ims.register import models
from ims.register.selectors import SORTS
from ims.register.vocab import (
    AgreementKind,
    CommitmentStatus,
    Form,
    GoalCategory,
    Kind,
    MilestoneStatus,
    PartnerKind,
    Ring,
    SpendingStatus,
    Status,
)

# The largest id a path or filter accepts: 18 digits, so that it fits a 64-bit integer on every database (SQLite
# raises OverflowError on a larger one instead of finding nothing).
MAX_ID = 10**18 - 1
ID_REGEX = r"[0-9]{1,18}"


class ClassificationField(serializers.ChoiceField):
    """A classification level by its code name (``departmental_confidential``), as the ``ims`` commands spell it."""

    def __init__(self, **kwargs) -> None:
        super().__init__(choices=[(level.code, level.label) for level in Classification], **kwargs)

    def to_representation(self, value: int) -> str:
        return Classification(value).code

    def to_internal_value(self, data) -> int:
        return int(Classification.from_code(super().to_internal_value(data)))


@extend_schema_field(serializers.ListField(child=serializers.CharField()))
class PartnerCodesField(serializers.ReadOnlyField):
    """Partners by code. The source is a list the selector prefetched with clearance applied (or its manager)."""

    def to_representation(self, partners) -> list[str]:
        return [partner.code for partner in (partners.all() if hasattr(partners, "all") else partners)]


def _id_or_none(obj) -> int | None:
    return obj.pk if obj is not None else None


class CitationSerializer(serializers.ModelSerializer):
    label = serializers.SerializerMethodField(help_text=_("Hoe het rapport het document noemt."))

    class Meta:
        model = models.Citation
        fields = ["document", "label", "start", "end", "page"]

    def get_label(self, citation: models.Citation) -> str:
        return citation.document.cite_label()


class CitedSerializer(serializers.ModelSerializer):
    """Common to every register record: level, version, last change, and its places in the sources."""

    classification = ClassificationField(read_only=True)
    version = serializers.IntegerField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)
    citations = CitationSerializer(source="visible_citations", many=True, read_only=True)

    RECORD_FIELDS = ["classification", "version", "updated_at", "citations"]


# --- partners --------------------------------------------------------------------------------------------

class RingPeriodSerializer(serializers.ModelSerializer):
    citations = CitationSerializer(source="visible_citations", many=True, read_only=True)

    class Meta:
        model = models.RingAssignment
        fields = ["ring", "valid_from", "valid_to", "reason", "citations"]


class PartnerSerializer(CitedSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:partner-detail", lookup_field="code")
    current_ring = serializers.ChoiceField(
        choices=Ring.choices, read_only=True, allow_null=True, help_text=_("De schil die vandaag geldt.")
    )
    ring_history = RingPeriodSerializer(many=True, read_only=True)
    members = PartnerCodesField(source="visible_members")
    memberships = PartnerCodesField(source="visible_memberships")

    class Meta:
        model = models.Partner
        fields = ["code", "url", "kind", "name_nl", "name_en", "current_ring", "ring_history", "members",
                  "memberships", *CitedSerializer.RECORD_FIELDS]


# --- initiatives -----------------------------------------------------------------------------------------

class ParticipantSerializer(serializers.ModelSerializer):
    partner = serializers.CharField(source="partner.code", read_only=True)
    name = serializers.CharField(source="partner.name_nl", read_only=True)

    class Meta:
        model = models.Participation
        fields = ["partner", "name", "role"]


class InitiativeSerializer(CitedSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:initiative-detail")
    participants = ParticipantSerializer(source="participations", many=True, read_only=True)
    frameworks = PartnerCodesField(source="visible_frameworks")

    class Meta:
        model = models.Initiative
        fields = ["id", "url", "title", "summary", "kind", "form", "origin", "status", "participants", "frameworks",
                  "planned_start", "planned_end", "actual_start", "actual_end", "sovereign_capability", "shortfall",
                  "staff_fte", "units_committed", *CitedSerializer.RECORD_FIELDS]


class MeasurementSerializer(serializers.ModelSerializer):
    class Meta:
        model = models.GoalMeasurement
        fields = ["period", "value"]


class GoalSerializer(serializers.ModelSerializer):
    measurements = MeasurementSerializer(many=True, read_only=True)

    class Meta:
        model = models.Goal
        fields = ["category", "statement", "expected_result", "indicator", "unit", "baseline", "target",
                  "measurements"]


class BudgetSerializer(serializers.ModelSerializer):
    class Meta:
        model = models.InitiativeBudget
        fields = ["year", "amount_eur"]


class MilestoneSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:milestone-detail")
    initiative = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    plan = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True,
                                              help_text=_("Het samenwerkingsplan waar de mijlpaal bij hoort."))
    owner = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    state = serializers.SerializerMethodField(help_text=_(
        "Afgeleid uit de datum, nooit ingevoerd: 'late' (datum verstreken, niet gereed of vervallen), "
        "'due_soon' (binnen het venster, standaard 90 dagen) of null."))
    classification = ClassificationField(read_only=True)

    class Meta:
        model = models.Milestone
        fields = ["id", "url", "initiative", "plan", "owner", "title", "due_on", "done_on", "status", "state",
                  "classification", "version", "updated_at"]

    @extend_schema_field(serializers.ChoiceField(choices=MilestoneState.choices, allow_null=True))
    def get_state(self, milestone: models.Milestone) -> str | None:
        return state_of(status=milestone.status, due_on=milestone.due_on) or None


class InitiativeDetailSerializer(InitiativeSerializer):
    goals = GoalSerializer(many=True, read_only=True)
    budgets = BudgetSerializer(many=True, read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)
    agreements = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    related = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta(InitiativeSerializer.Meta):
        fields = [*InitiativeSerializer.Meta.fields, "goals", "budgets", "milestones", "agreements", "related",
                  "created_at"]


# --- what an editor sends ------------------------------------------------------------------------------------
# JSON has types, and the schema names them: a title is a string, not the number 0 that DRF's CharField would
# quietly turn into "0". These refuse any other type with the field's own "invalid" message.

class StrictCharField(serializers.CharField):
    def to_internal_value(self, data) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictIntegerField(serializers.IntegerField):
    def to_internal_value(self, data) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    def to_internal_value(self, data) -> bool:
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


_STRICT = {serializers.CharField: StrictCharField, serializers.IntegerField: StrictIntegerField,
           serializers.BooleanField: StrictBooleanField}


class StrictModelSerializer(serializers.ModelSerializer):
    serializer_field_mapping = {model_field: _STRICT.get(field, field)
                                for model_field, field in serializers.ModelSerializer.serializer_field_mapping.items()}


class NoUnknownFieldsMixin:
    """Refuse fields the endpoint does not change, rather than ignore them: a client that sends ``participants``
    and gets 200 would believe they were saved."""

    def validate(self, attrs: dict) -> dict:
        unknown = sorted(set(self.initial_data) - set(self.fields))
        if unknown:
            message = _("Dit veld kan hier niet worden gewijzigd; wel: %(fields)s.") % {
                "fields": ", ".join(self.fields)}
            raise serializers.ValidationError({name: [message] for name in unknown})
        if not attrs and getattr(self, "partial", False):
            raise serializers.ValidationError(_("Geef ten minste één veld om te wijzigen."))
        return attrs


class InitiativeUpdateSerializer(NoUnknownFieldsMixin, StrictModelSerializer):
    """The fields an analyst edits; the service validates the whole record (``full_clean``) on top of this."""

    classification = ClassificationField(required=False)

    class Meta:
        model = models.Initiative
        fields = ["title", "summary", "status", "form", "kind", "origin", "planned_start", "planned_end",
                  "actual_start", "actual_end", "sovereign_capability", "shortfall", "staff_fte", "units_committed",
                  "classification"]

    def validate_classification(self, value: int) -> int:
        if not within_clearance(self.context["request"].user, value):
            raise serializers.ValidationError(AboveClearance.MESSAGE)
        return value


class MilestoneCreateSerializer(NoUnknownFieldsMixin, StrictModelSerializer):
    class Meta:
        model = models.Milestone
        fields = ["title", "due_on", "done_on", "status"]


class MilestoneUpdateSerializer(MilestoneCreateSerializer):
    pass


# --- agreements, contributions, spending, commitments, documents ---------------------------------------

class AgreementSerializer(CitedSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:agreement-detail")
    parties = PartnerCodesField()
    initiative = serializers.SerializerMethodField()

    class Meta:
        model = models.Agreement
        fields = ["id", "url", "kind", "title", "subject", "legally_binding", "signed", "signed_on",
                  "signed_precision", "entry_into_force", "ends_on", "parties", "initiative",
                  *CitedSerializer.RECORD_FIELDS]

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_initiative(self, agreement: models.Agreement) -> int | None:
        # The selector prefetches only visible initiatives, so a classified one reads as None here.
        return _id_or_none(agreement.initiative)


class ContributionSerializer(CitedSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:contribution-detail")
    location = serializers.SerializerMethodField()
    partners = PartnerCodesField(source="visible_partners")

    class Meta:
        model = models.Contribution
        fields = ["id", "url", "operation", "location", "year", "personnel", "partners", "role",
                  *CitedSerializer.RECORD_FIELDS]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_location(self, contribution: models.Contribution) -> str | None:
        return contribution.location.code if contribution.location is not None else None


class SpendingSerializer(CitedSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:spending-detail")
    partner = serializers.CharField(source="partner.code", read_only=True)

    class Meta:
        model = models.DefenceSpending
        fields = ["id", "url", "partner", "year", "amount", "currency", "pct_gdp", "status",
                  *CitedSerializer.RECORD_FIELDS]


class CommitmentSerializer(CitedSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:commitment-detail")
    answered_in = serializers.SerializerMethodField(help_text=_("Het brondocument dat de toezegging beantwoordt."))

    class Meta:
        model = models.Commitment
        fields = ["id", "url", "member", "subject", "made_on", "made_on_precision", "where_promised", "due_on",
                  "status", "answered_in", *CitedSerializer.RECORD_FIELDS]

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_answered_in(self, commitment: models.Commitment) -> int | None:
        return _id_or_none(commitment.answered_in)


class DocumentSerializer(serializers.ModelSerializer):
    """A source document's metadata; the full text is not part of the API."""

    url = serializers.HyperlinkedIdentityField(view_name="api:document-detail")
    cite_label = serializers.CharField(read_only=True)
    classification = ClassificationField(read_only=True)

    class Meta:
        model = models.SourceDocument
        fields = ["id", "url", "title", "cite_label", "date", "date_precision", "reference", "kamerstuk",
                  "filename", "sha256", "extracted_at", "classification", "version", "updated_at"]


# --- query parameters ------------------------------------------------------------------------------------
# Filters are checked, not ignored: an unknown status is a 400 naming the valid ones, not a silently
# unfiltered list.

def _choice(choices, help_text: str = "") -> serializers.ChoiceField:
    return serializers.ChoiceField(choices=choices, required=False, allow_blank=True, help_text=help_text)


def _text(help_text: str = "") -> serializers.CharField:
    return serializers.CharField(required=False, allow_blank=True, max_length=100, help_text=help_text)


class WholeNumber(serializers.IntegerField):
    """An integer as a query string spells one: digits only. DRF's own also takes "1.0", " 1" and "1_000"."""

    _DIGITS = re.compile(r"-?[0-9]{1,19}")

    def to_internal_value(self, data) -> int:
        if not isinstance(data, str) or not self._DIGITS.fullmatch(data):
            self.fail("invalid")
        return super().to_internal_value(data)


def _year() -> serializers.IntegerField:
    return WholeNumber(required=False, min_value=1945, max_value=2100)


class PartnerQuery(serializers.Serializer):
    ring = _choice(Ring.choices, _("Partners die vandaag in deze schil staan."))
    kind = _choice(PartnerKind.choices)
    q = _text(_("Zoekt in de namen; een code moet exact kloppen."))


class InitiativeQuery(serializers.Serializer):
    partner = _text(_("Code van een deelnemende partner, bijvoorbeeld DE."))
    ring = _choice(Ring.choices, _("Initiatieven met een partner die vandaag in deze schil staat."))
    form = _choice(Form.choices)
    status = _choice(Status.choices)
    kind = _choice(Kind.choices)
    category = _choice(GoalCategory.choices, _("Initiatieven met een doel in deze categorie."))
    framework = _text(_("Code van een kader, bijvoorbeeld NATO."))
    q = _text(_("Zoekt in titel en samenvatting."))
    sort = _choice([(key, key) for key in SORTS])


class AgreementQuery(serializers.Serializer):
    partner = _text(_("Code van een partij."))
    kind = _choice(AgreementKind.choices)
    q = _text(_("Zoekt in titel en onderwerp."))


class ContributionQuery(serializers.Serializer):
    partner = _text(_("Code van een partner of van de locatie."))
    year = _year()
    q = _text(_("Zoekt in operatie en rol."))


class SpendingQuery(serializers.Serializer):
    partner = _text()
    year = _year()
    status = _choice(SpendingStatus.choices)


class CommitmentQuery(serializers.Serializer):
    status = _choice(CommitmentStatus.choices)
    q = _text(_("Zoekt in onderwerp en Kamerlid."))


class MilestoneQuery(serializers.Serializer):
    initiative = WholeNumber(required=False, min_value=1, max_value=MAX_ID)
    plan = WholeNumber(required=False, min_value=1, max_value=MAX_ID)
    status = _choice(MilestoneStatus.choices)
    state = _choice(MilestoneState.choices, _("Te laat of binnenkort, afgeleid uit de datum."))


class DocumentQuery(serializers.Serializer):
    q = _text(_("Zoekt in titel, Kamerstuknummer en kenmerk."))
    year = _year()
