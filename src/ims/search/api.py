"""The search in the API (``/api/v1/search/?q=``): the same selector as the page, as JSON."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from ims.api.serializers import WholeNumber

from . import selectors
from .models import Kind
from .query import MAX_LENGTH


class SearchQuery(serializers.Serializer):
    q = serializers.CharField(max_length=MAX_LENGTH, help_text=_(
        'Woorden die alle moeten voorkomen; "woorden tussen aanhalingstekens" als zinsdeel, OR of OF tussen '
        "twee woorden, -woord om uit te sluiten."))
    kind = serializers.ChoiceField(choices=Kind.choices, required=False, allow_blank=True)
    year = WholeNumber(required=False, min_value=1900, max_value=2100)
    page = WholeNumber(required=False, min_value=1, max_value=selectors.MAX_PAGE)
    per_page = WholeNumber(required=False, min_value=1, max_value=100)


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    count = serializers.IntegerField()


class SnippetPartSerializer(serializers.Serializer):
    text = serializers.CharField()
    match = serializers.BooleanField(help_text=_("Een woord dat bij de zoekvraag past."))


class HitSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Kind.choices)
    id = serializers.IntegerField()
    title = serializers.CharField()
    year = serializers.IntegerField(allow_null=True)
    url = serializers.CharField(help_text=_("De pagina van het gegeven; bij een document de plaats van het fragment."))
    start = serializers.IntegerField(help_text=_("Begin van het fragment in de tekst."))
    end = serializers.IntegerField(help_text=_("Einde van het fragment in de tekst."))
    snippet = SnippetPartSerializer(many=True)


class FacetsSerializer(serializers.Serializer):
    kind = FacetValueSerializer(many=True)
    year = FacetValueSerializer(many=True)


@extend_schema_serializer(many=False)  # one answer with its hits, though the operation lists
class ResultsSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text=_("Treffers van de gekozen soort en het gekozen jaar."))
    page = serializers.IntegerField()
    results = HitSerializer(many=True)
    facets = FacetsSerializer()


def _body(results: selectors.Results, page: int) -> dict:
    return {
        "count": results.count,
        "page": page,
        "results": [{
            "kind": hit.kind, "id": hit.object_id, "title": hit.title, "year": hit.year, "url": hit.url,
            "start": hit.excerpt.start, "end": hit.excerpt.end,
            "snippet": [{"text": text, "match": match} for text, match in hit.excerpt.parts],
        } for hit in results.hits],
        "facets": {name: [{"value": value, "count": n} for value, n in results.facets.get(name, [])]
                   for name in ("kind", "year")},
    }


class SearchViewSet(viewsets.GenericViewSet):
    serializer_class = ResultsSerializer
    pagination_class = None

    @extend_schema(summary=_("Zoeken in het register en de brondocumenten"), parameters=[SearchQuery],
                   responses={200: ResultsSerializer})
    def list(self, request: Request) -> Response:
        params = SearchQuery(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        page = data.get("page", 1)
        results = selectors.search(user=request.user, q=data["q"], kind=data.get("kind", ""),
                                   year=data.get("year"), page=page, per_page=data.get("per_page", selectors.PER_PAGE))
        return Response(_body(results, page))
