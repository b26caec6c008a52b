"""Reading a request body: JSON objects only, bounded in size and depth, with Dutch messages.

DRF's own JSON parser reads any size (it bypasses Django's DATA_UPLOAD_MAX_MEMORY_SIZE), lets Python's
parser recurse until it overflows the stack on a body nested a thousand deep, and answers in the json
module's English. Every body this API accepts is one flat object of fields, so anything else is refused here.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import exceptions, parsers, status

# The API's bodies are one object of plain values (depth 1); room for lists of objects, never more.
MAX_DEPTH = 8


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"


def depth(value: Any, *, limit: int = MAX_DEPTH) -> int:
    """How deeply arrays and objects nest in ``value`` (a scalar is 0); stops counting past ``limit``."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        if deepest > limit:
            break
        stack.extend((child, level + 1) for child in children)
    return deepest


def _refuse_constant(name: str) -> None:
    raise ValueError(name)


def _too_deep() -> exceptions.ParseError:
    return exceptions.ParseError(
        _("De JSON is te diep genest: ten hoogste %(max)d niveaus van objecten en lijsten.") % {"max": MAX_DEPTH})


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None) -> dict:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1)
        if len(raw) > limit:
            raise PayloadTooLarge(_("De inhoud is te groot: ten hoogste %(mb)d MB.") % {"mb": limit // 2**20})
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            raise exceptions.ParseError(_("De inhoud is geen geldige tekst in %(encoding)s.")
                                        % {"encoding": encoding}) from None
        try:
            data = json.loads(text, parse_constant=_refuse_constant)
        except RecursionError:
            raise _too_deep() from None
        except json.JSONDecodeError as exc:
            raise exceptions.ParseError(_("Ongeldige JSON op regel %(line)d, kolom %(column)d.")
                                        % {"line": exc.lineno, "column": exc.colno}) from None
        except ValueError as exc:
            raise exceptions.ParseError(_("JSON kent geen %(value)s; stuur een getal of null.")
                                        % {"value": exc}) from None
        if depth(data) > MAX_DEPTH:
            raise _too_deep()
        if not isinstance(data, dict):
            raise exceptions.ParseError(_("Stuur een JSON-object met de velden, zoals {\"title\": \"…\"}."))
        return data
