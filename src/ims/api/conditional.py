"""Optimistic locking over HTTP: a record's version is its ETag, and a change names it in If-Match."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.request import Request

from .exceptions import PreconditionRequired

# One version, as the ETag gave it ("3"), or weakened by a proxy (W/"3"); the schema publishes the same pattern.
IF_MATCH_PATTERN = r'^(W/)?"[0-9]{1,9}"$'
_TAG = re.compile(r'^\s*(?:W/)?"([0-9]{1,9})"\s*$')


def etag(version: int) -> str:
    return f'"{version}"'


def if_match_version(request: Request) -> int:
    """The version named in If-Match; missing is 428, anything but one version number is 400.

    ``*`` is refused too: it matches any version, which is exactly what this header is meant to prevent.
    A weak tag (W/"3") is accepted, as some proxies weaken tags on the way back.
    """
    header = request.headers.get("If-Match")
    if header is None or not header.strip():
        raise PreconditionRequired()
    match = _TAG.match(header)
    if not match:
        raise exceptions.ParseError(
            _('If-Match moet precies één versie noemen, zoals de ETag die u kreeg (bijvoorbeeld "3"); '
              "ontvangen: %(header)s") % {"header": header[:50]}
        )
    return int(match.group(1))
