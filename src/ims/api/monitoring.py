"""The BIA's monitoring over HTTP: cooperation plans (read and PATCH with If-Match), officials and their
activities (read). Same conventions as the register's endpoints (``views.RegisterViewSet``); milestones, with
their derived state, are the register's ``milestones/`` endpoint."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from ims.core.services import StaleEdit
from ims.monitoring import selectors, services
from ims.monitoring.models import Activity, CooperationPlan, Official, PlanGoal
from ims.monitoring.vocab import ActivityKind
from ims.register.vocab import GoalCategory

from .conditional import if_match_version
from .serializers import (
    MAX_ID,
    ClassificationField,
    NoUnknownFieldsMixin,
    StrictModelSerializer,
    WholeNumber,
    _choice,
    _text,
)
from .views import IF_MATCH, STALE_EDIT, RegisterViewSet


@extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
class IdsField(serializers.ReadOnlyField):
    """Ids of related records, from a list the selector prefetched with clearance applied."""

    def to_representation(self, records) -> list[int]:
        return [record.pk for record in records]


class RecordFields(serializers.ModelSerializer):
    classification = ClassificationField(read_only=True)
    version = serializers.IntegerField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)


class PlanGoalSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlanGoal
        fields = ["category", "statement"]


class PlanSerializer(RecordFields):
    url = serializers.HyperlinkedIdentityField(view_name="api:plan-detail")
    partner = serializers.CharField(source="partner.code", read_only=True)
    goals = PlanGoalSerializer(source="goal_list", many=True, read_only=True)
    initiatives = IdsField(source="visible_initiatives")

    class Meta:
        model = CooperationPlan
        fields = ["id", "url", "title", "partner", "starts_on", "ends_on", "summary", "goals", "initiatives",
                  "classification", "version", "updated_at"]


class PlanUpdateSerializer(NoUnknownFieldsMixin, StrictModelSerializer):
    class Meta:
        model = CooperationPlan
        fields = ["title", "summary", "starts_on", "ends_on"]


class OfficialSerializer(RecordFields):
    url = serializers.HyperlinkedIdentityField(view_name="api:official-detail")
    partner = serializers.CharField(source="partner.code", read_only=True)

    class Meta:
        model = Official
        fields = ["id", "url", "name", "kind", "partner", "starts_on", "ends_on", "classification", "version",
                  "updated_at"]


class ActivitySerializer(RecordFields):
    url = serializers.HyperlinkedIdentityField(view_name="api:activity-detail")
    partner = serializers.CharField(source="partner.code", read_only=True)
    official = serializers.PrimaryKeyRelatedField(read_only=True)
    initiatives = IdsField(source="visible_initiatives")
    plans = IdsField(source="visible_plans")

    class Meta:
        model = Activity
        fields = ["id", "url", "official", "kind", "occurred_on", "partner", "text", "goal_category", "initiatives",
                  "plans", "classification", "version", "updated_at"]


class PlanQuery(serializers.Serializer):
    partner = _text(_("Code van de partner of het kader, bijvoorbeeld GB."))
    q = _text(_("Zoekt in de titel."))


class OfficialQuery(serializers.Serializer):
    partner = _text(_("Code van de partner waar de functionaris geplaatst is."))


class ActivityQuery(serializers.Serializer):
    official = WholeNumber(required=False, min_value=1, max_value=MAX_ID)
    kind = _choice(ActivityKind.choices)
    goal_category = _choice(GoalCategory.choices)


@extend_schema_view(
    list=extend_schema(summary=_("Samenwerkingsplannen van de BIA"), parameters=[PlanQuery]),
    retrieve=extend_schema(summary=_("Eén samenwerkingsplan, met doelen en initiatieven")),
)
class PlanViewSet(RegisterViewSet):
    serializer_class = PlanSerializer
    query_serializer_class = PlanQuery
    export_name = "plans"

    def get_queryset(self) -> QuerySet:
        return selectors.plan_records(user=self.request.user, **self.query())

    def fetch(self, lookup: str) -> Model:
        return selectors.plan_records(user=self.request.user).get(pk=int(lookup))

    @extend_schema(summary=_("Een samenwerkingsplan wijzigen (vraagt If-Match)"), parameters=[IF_MATCH],
                   request=PlanUpdateSerializer, responses={200: PlanSerializer, 412: STALE_EDIT})
    def partial_update(self, request: Request, pk: str, format: str | None = None) -> Response:
        version = if_match_version(request)
        try:
            plan = selectors.plan_for_edit(user=request.user, pk=int(pk))
        except ObjectDoesNotExist:
            raise Http404 from None
        changes = PlanUpdateSerializer(data=request.data, partial=True, context=self.get_serializer_context())
        changes.is_valid(raise_exception=True)
        try:
            services.plan_update(plan=plan, actor=request.user, version=version, **changes.validated_data)
        except StaleEdit as exc:
            return self.stale(exc, pk)
        return self.versioned(self.fetch(pk))


@extend_schema_view(
    list=extend_schema(summary=_("Defensieattachés en andere internationale defensiefunctionarissen"),
                       parameters=[OfficialQuery]),
    retrieve=extend_schema(summary=_("Eén functionaris")),
)
class OfficialViewSet(RegisterViewSet):
    serializer_class = OfficialSerializer
    query_serializer_class = OfficialQuery
    export_name = "officials"

    def get_queryset(self) -> QuerySet:
        return selectors.official_list(user=self.request.user, **self.query())

    def fetch(self, lookup: str) -> Model:
        return selectors.official_list(user=self.request.user).get(pk=int(lookup))


@extend_schema_view(
    list=extend_schema(summary=_("Activiteiten van functionarissen, met wat ze dienen"), parameters=[ActivityQuery]),
    retrieve=extend_schema(summary=_("Eén activiteit")),
)
class ActivityViewSet(RegisterViewSet):
    serializer_class = ActivitySerializer
    query_serializer_class = ActivityQuery
    export_name = "activities"

    def get_queryset(self) -> QuerySet:
        return selectors.activity_list(user=self.request.user, **self.query())

    def fetch(self, lookup: str) -> Model:
        return selectors.activity_list(user=self.request.user).get(pk=int(lookup))
