"""The OpenAPI schema tells the truth about errors, bodies and bounds.

drf-spectacular documents what a view returns when all goes well. This adds what every client meets as well:
the errors each operation can answer with (all JSON, see ``ims.api.exceptions``), request bodies that refuse
unknown fields (and, for a PATCH, an empty change), and the bounds of every id in a path. Checked by running
schemathesis against the live schema (tests/api/test_contract.py).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.authentication import SessionScheme
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent

from .exceptions import status_message
from .serializers import ID_REGEX, MAX_ID

# {"detail": "…"} for an error about the request as a whole, {"field": ["…"]} for errors per field.
ERROR_SCHEMA = {
    "type": "object",
    "description": "Een fout: `detail` voor het verzoek als geheel, of per veld een lijst meldingen.",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


class RegisterSessionScheme(SessionScheme):
    """The session login, as DRF's: only its CSRF refusal speaks the user's language."""

    target_class = "ims.api.authentication.SessionAuthentication"


class RegisterSchema(AutoSchema):
    def get_description(self) -> str:
        # Only what an operation's extend_schema says: the views' docstrings are written for developers.
        return ""

    def _resolve_path_parameters(self, variables) -> list[dict]:
        parameters = super()._resolve_path_parameters(variables)
        for parameter in parameters:
            if parameter["schema"].get("pattern") == f"^{ID_REGEX}$":
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
        return parameters

    def _error_codes(self) -> set[int]:
        # 401 without a login, 403 for a role that may not, 406 for an Accept the API cannot answer, 414 for
        # an address too long for the server (gunicorn answers it, in JSON too: see ims.serving).
        codes = {401, 403, 406, 414}
        if "{" in self.path:
            codes.add(404)  # missing, or above the user's clearance
        if self.method == "GET":
            codes |= {400, 404} if self._is_list_view() else set()  # a bad filter or page; a page past the last
        else:
            codes |= {400, 404, 413, 415}
        if self.method == "PATCH":
            codes |= {412, 428}
        return codes

    def _get_response_bodies(self, direction: str = "response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        component = ResolvedComponent(name="Error", type=ResolvedComponent.SCHEMA, object="Error",
                                      schema=ERROR_SCHEMA)
        self.registry.register_on_missing(component)
        for code in sorted(self._error_codes()):
            responses.setdefault(str(code), {"description": status_message(code),
                                             "content": {"application/json": {"schema": component.ref}}})
        return responses


def postprocess(result: dict, generator, request, public) -> dict:
    """Bodies refuse fields they do not know, and a PATCH needs at least one; no developer notes."""
    for name, schema in result.get("components", {}).get("schemas", {}).items():
        if name != "Error":
            schema.pop("description", None)  # a serializer's docstring, written for developers
        if name.endswith("Request") and schema.get("type") == "object":
            schema["additionalProperties"] = False
            if name.startswith("Patched"):
                schema["minProperties"] = 1
    return result
