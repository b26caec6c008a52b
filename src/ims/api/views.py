"""The register over HTTP: parse the request, call a selector or a service, serialize.

Every queryset comes from ``ims.register.selectors`` with the requesting user, so clearance is applied
before anything is counted, paged or serialized; a record above it is a 404, like one that does not exist.
Changes go through ``ims.register.services`` and carry the version the client read (If-Match), so that
two editors cannot overwrite each other unnoticed.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view, inline_serializer
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from ims.core.audit import AuditAction, audit
from ims.core.services import StaleEdit
from ims.monitoring import selectors as monitoring
from ims.monitoring.selectors import MilestoneFilters
from ims.register import selectors, services
from ims.register.selectors import InitiativeFilters, PartnerFilters

from . import serializers as api
from .conditional import IF_MATCH_PATTERN, etag, if_match_version
from .exceptions import status_message

IF_MATCH = OpenApiParameter(
    "If-Match", {"type": "string", "pattern": IF_MATCH_PATTERN}, OpenApiParameter.HEADER, required=True,
    description=_('De versie die u hebt opgehaald, zoals in de ETag-kop van het gegeven: "3".'),
)

STALE_EDIT = inline_serializer(
    name="StaleEdit",
    fields={
        "detail": serializers.CharField(),
        "submitted": serializers.IntegerField(help_text=_("De versie uit If-Match.")),
        "current": serializers.IntegerField(help_text=_("De opgeslagen versie.")),
        "changed_by": serializers.CharField(help_text=_("Wie de opgeslagen versie maakte.")),
        "current_values": serializers.DictField(help_text=_("Het gegeven zoals het nu is opgeslagen.")),
    },
)


def not_found(request: HttpRequest, url: str) -> JsonResponse:
    """Any address under the API that names no endpoint: JSON like every other API error, and no redirect to
    an address with a slash (which would turn a PATCH into a GET)."""
    return JsonResponse({"detail": status_message(404)}, status=404)


class RegisterViewSet(viewsets.GenericViewSet):
    """List and detail of one kind of record, read through a selector; lists are audited as exports."""

    lookup_value_regex = api.ID_REGEX  # up to MAX_ID
    query_serializer_class: type[serializers.Serializer] | None = None
    export_name = ""

    def query(self) -> dict[str, Any]:
        """The list's filters from the query string, validated (an unknown value is a 400)."""
        if self.query_serializer_class is None:
            return {}
        params = self.query_serializer_class(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return dict(params.validated_data)

    def fetch(self, lookup: str) -> Model:
        """The one record, through a selector; raises DoesNotExist when it is missing or above clearance."""
        raise NotImplementedError

    def get_object(self) -> Model:
        try:
            obj = self.fetch(self.kwargs[self.lookup_url_kwarg or self.lookup_field])
        except ObjectDoesNotExist:
            raise Http404 from None
        self.check_object_permissions(self.request, obj)
        return obj

    def list(self, request: Request, *args, **kwargs) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        # An API list is a machine-readable copy of a register list, like the CSV and JSON exports.
        audit(action=AuditAction.EXPORT, actor=request.user, object_type=f"api:{self.export_name}",
              changes={"format": "api", "query": request.GET.urlencode()})
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        return self.versioned(self.get_object())

    def versioned(self, obj: Model, code: int = status.HTTP_200_OK) -> Response:
        return Response(self.get_serializer(obj).data, status=code, headers={"ETag": etag(obj.version)})

    def stale(self, exc: StaleEdit, lookup: str) -> Response:
        """412 with both versions and the record as it is now, so the client can redo its change on top of it."""
        try:
            current = self.fetch(lookup)
        except ObjectDoesNotExist:
            # Meanwhile raised above the user's clearance: that is not found, not a conflict to show.
            raise Http404 from None
        body = {
            "detail": str(exc),
            "submitted": exc.submitted,
            "current": current.version,
            "changed_by": exc.changed_by,
            "current_values": self.get_serializer(current).data,
        }
        return Response(body, status=status.HTTP_412_PRECONDITION_FAILED, headers={"ETag": etag(current.version)})


@extend_schema_view(
    list=extend_schema(summary=_("Partners, met hun huidige schil en schilhistorie"), parameters=[api.PartnerQuery]),
    retrieve=extend_schema(summary=_("Eén partner, op code (ISO 3166 voor landen)")),
)
class PartnerViewSet(RegisterViewSet):
    serializer_class = api.PartnerSerializer
    query_serializer_class = api.PartnerQuery
    export_name = "partners"
    lookup_field = "code"
    lookup_value_regex = r"[A-Za-z0-9_]{1,20}"  # Partner.code

    def get_queryset(self) -> QuerySet:
        return selectors.partner_records(user=self.request.user, filters=PartnerFilters(**self.query()))

    def fetch(self, lookup: str) -> Model:
        return selectors.partner_records(user=self.request.user).get(code=lookup)


@extend_schema_view(
    list=extend_schema(summary=_("Initiatieven, met de filters en sorteringen van de webpagina"),
                       parameters=[api.InitiativeQuery]),
    retrieve=extend_schema(summary=_("Eén initiatief, met doelen, budgetten, mijlpalen en bronnen")),
)
class InitiativeViewSet(RegisterViewSet):
    serializer_class = api.InitiativeDetailSerializer
    query_serializer_class = api.InitiativeQuery
    export_name = "initiatives"

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.action == "list":
            return api.InitiativeSerializer
        if self.action == "milestones":
            return api.MilestoneCreateSerializer if self.request.method == "POST" else api.MilestoneSerializer
        return api.InitiativeDetailSerializer

    def get_queryset(self) -> QuerySet:
        return selectors.initiative_records(user=self.request.user, filters=InitiativeFilters(**self.query()))

    def fetch(self, lookup: str) -> Model:
        return selectors.initiative_record(user=self.request.user, pk=int(lookup))

    @extend_schema(
        summary=_("Een initiatief wijzigen (vraagt If-Match)"),
        parameters=[IF_MATCH],
        request=api.InitiativeUpdateSerializer,
        responses={200: api.InitiativeDetailSerializer, 412: STALE_EDIT},
    )
    def partial_update(self, request: Request, pk: str, format: str | None = None) -> Response:
        version = if_match_version(request)
        try:
            initiative = selectors.initiative_for_edit(user=request.user, pk=int(pk))
        except ObjectDoesNotExist:
            raise Http404 from None
        changes = api.InitiativeUpdateSerializer(data=request.data, partial=True, context=self.get_serializer_context())
        changes.is_valid(raise_exception=True)
        try:
            services.initiative_update(initiative=initiative, actor=request.user, version=version,
                                       **changes.validated_data)
        except StaleEdit as exc:
            return self.stale(exc, pk)
        return self.versioned(self.fetch(pk))

    @extend_schema(methods=["GET"], summary=_("De mijlpalen van een initiatief"),
                   responses={200: api.MilestoneSerializer(many=True)})
    @extend_schema(methods=["POST"], summary=_("Een mijlpaal toevoegen aan een initiatief"),
                   request=api.MilestoneCreateSerializer,
                   responses={201: api.MilestoneSerializer})
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def milestones(self, request: Request, pk: str, format: str | None = None) -> Response:
        try:
            initiative = selectors.initiative_for_edit(user=request.user, pk=int(pk))
        except ObjectDoesNotExist:
            raise Http404 from None
        context = self.get_serializer_context()
        if request.method == "GET":
            rows = selectors.milestone_list(user=request.user, initiative=initiative.pk)
            return Response(api.MilestoneSerializer(rows, many=True, context=context).data)
        data = api.MilestoneCreateSerializer(data=request.data, context=context)
        data.is_valid(raise_exception=True)
        milestone = services.milestone_create(initiative=initiative, actor=request.user, **data.validated_data)
        return Response(api.MilestoneSerializer(milestone, context=context).data, status=status.HTTP_201_CREATED,
                        headers={"ETag": etag(milestone.version)})


@extend_schema_view(
    list=extend_schema(summary=_("Mijlpalen van alle zichtbare initiatieven en samenwerkingsplannen"),
                       parameters=[api.MilestoneQuery]),
    retrieve=extend_schema(summary=_("Eén mijlpaal")),
)
class MilestoneViewSet(RegisterViewSet):
    serializer_class = api.MilestoneSerializer
    query_serializer_class = api.MilestoneQuery
    export_name = "milestones"

    def get_queryset(self) -> QuerySet:
        # The monitoring's selector: the register's milestone list plus the derived late and due-soon filters.
        filters = MilestoneFilters(**{k: v for k, v in self.query().items() if v not in ("", None)})
        return monitoring.milestone_list(user=self.request.user, filters=filters).select_related("owner")

    def fetch(self, lookup: str) -> Model:
        return selectors.milestone_get(user=self.request.user, pk=int(lookup))

    @extend_schema(
        summary=_("Een mijlpaal bijwerken, bijvoorbeeld gereed melden (vraagt If-Match)"),
        description=_("Status 'done' zonder done_on betekent: vandaag gereed. Een andere status wist done_on."),
        parameters=[IF_MATCH],
        request=api.MilestoneUpdateSerializer,
        responses={200: api.MilestoneSerializer, 412: STALE_EDIT},
    )
    def partial_update(self, request: Request, pk: str, format: str | None = None) -> Response:
        version = if_match_version(request)
        milestone = self.get_object()
        changes = api.MilestoneUpdateSerializer(data=request.data, partial=True, context=self.get_serializer_context())
        changes.is_valid(raise_exception=True)
        try:
            services.milestone_update(milestone=milestone, actor=request.user, version=version,
                                      **changes.validated_data)
        except StaleEdit as exc:
            return self.stale(exc, pk)
        return self.versioned(self.fetch(pk))


@extend_schema_view(
    list=extend_schema(summary=_("Overeenkomsten (MoU's, intentieverklaringen, verdragen, …)"),
                       parameters=[api.AgreementQuery]),
    retrieve=extend_schema(summary=_("Eén overeenkomst")),
)
class AgreementViewSet(RegisterViewSet):
    serializer_class = api.AgreementSerializer
    query_serializer_class = api.AgreementQuery
    export_name = "agreements"

    def get_queryset(self) -> QuerySet:
        return selectors.agreement_list(user=self.request.user, **self.query())

    def fetch(self, lookup: str) -> Model:
        return selectors.agreement_list(user=self.request.user).get(pk=int(lookup))


@extend_schema_view(
    list=extend_schema(summary=_("Bijdragen aan operaties en missies"), parameters=[api.ContributionQuery]),
    retrieve=extend_schema(summary=_("Eén bijdrage")),
)
class ContributionViewSet(RegisterViewSet):
    serializer_class = api.ContributionSerializer
    query_serializer_class = api.ContributionQuery
    export_name = "contributions"

    def get_queryset(self) -> QuerySet:
        return selectors.contribution_list(user=self.request.user, **self.query())

    def fetch(self, lookup: str) -> Model:
        return selectors.contribution_list(user=self.request.user).get(pk=int(lookup))


@extend_schema_view(
    list=extend_schema(summary=_("Defensie-uitgaven van partners"), parameters=[api.SpendingQuery]),
    retrieve=extend_schema(summary=_("Eén cijfer over defensie-uitgaven")),
)
class SpendingViewSet(RegisterViewSet):
    serializer_class = api.SpendingSerializer
    query_serializer_class = api.SpendingQuery
    export_name = "defence-spending"

    def get_queryset(self) -> QuerySet:
        return selectors.spending_list(user=self.request.user, **self.query())

    def fetch(self, lookup: str) -> Model:
        return selectors.spending_list(user=self.request.user).get(pk=int(lookup))


@extend_schema_view(
    list=extend_schema(summary=_("Toezeggingen aan de Kamer"), parameters=[api.CommitmentQuery]),
    retrieve=extend_schema(summary=_("Eén toezegging")),
)
class CommitmentViewSet(RegisterViewSet):
    serializer_class = api.CommitmentSerializer
    query_serializer_class = api.CommitmentQuery
    export_name = "commitments"

    def get_queryset(self) -> QuerySet:
        return selectors.commitment_list(user=self.request.user, **self.query())

    def fetch(self, lookup: str) -> Model:
        return selectors.commitment_list(user=self.request.user).get(pk=int(lookup))


@extend_schema_view(
    list=extend_schema(summary=_("Brondocumenten (gegevens, niet de volledige tekst)"),
                       parameters=[api.DocumentQuery]),
    retrieve=extend_schema(summary=_("Eén brondocument (gegevens, niet de volledige tekst)")),
)
class DocumentViewSet(RegisterViewSet):
    serializer_class = api.DocumentSerializer
    query_serializer_class = api.DocumentQuery
    export_name = "documents"

    def get_queryset(self) -> QuerySet:
        return selectors.document_list(user=self.request.user, **self.query())

    def fetch(self, lookup: str) -> Model:
        return selectors.document_list(user=self.request.user).get(pk=int(lookup))
