"""Dutch unless the user chose otherwise: the language comes from the user's choice, not the browser."""

from __future__ import annotations

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
