"""Dutch unless the user chose otherwise (the language comes from the user's choice, not the browser); the
session's idle timeout; the content security policy."""

from __future__ import annotations

import time

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header


class ChosenLanguageMiddleware:
    """Like Django's LocaleMiddleware, but the pages ignore Accept-Language.

    The ministry's interface is Dutch; a browser set to English should not silently switch it.
    English is one click away (the language menu sets the cookie this reads).

    The API is different: a program sets Accept-Language on purpose, so under ``IMS_API_PREFIX`` the header
    chooses (its first language IMS speaks), then the cookie, then Dutch.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        language = None
        if request.path_info.startswith(settings.IMS_API_PREFIX):
            language = self.requested(request.headers.get("Accept-Language", ""))
        if language is None:
            chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            language = chosen if chosen in self.languages else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        if request.path_info.startswith(settings.IMS_API_PREFIX):
            patch_vary_headers(response, ["Accept-Language"])
        return response

    def requested(self, header: str) -> str | None:
        """The most preferred language of an Accept-Language header that IMS speaks (``en-GB`` is ``en``)."""
        for tag, _quality in parse_accept_lang_header(header[:255]):
            code = tag.split("-")[0].lower()
            if code in self.languages:
                return code
        return None


class ContentSecurityPolicyMiddleware:
    """Sends the policy from settings.IMS_CSP on every response that has none of its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.IMS_CSP)
        return response


class IdleSessionMiddleware:
    """Renews a session's idle timeout (``SESSION_COOKIE_AGE``) on use, at most once every
    ``IMS_SESSION_RENEW_SECONDS``: renewing on every request (Django's ``SESSION_SAVE_EVERY_REQUEST``) made every
    page, even a read, write and commit the session row. A session thus lapses between ``SESSION_COOKIE_AGE`` minus
    that interval and ``SESSION_COOKIE_AGE`` after its last request."""

    KEY = "_ims_renewed"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # Only a session that exists and lives on (not one just flushed at logout, nor an anonymous visit's).
        if session is not None and session.session_key and not session.is_empty():
            now = int(time.time())
            if now - int(session.get(self.KEY, 0)) >= settings.IMS_SESSION_RENEW_SECONDS:
                session[self.KEY] = now  # marks it modified: SessionMiddleware saves it, with a new expiry
        return response
