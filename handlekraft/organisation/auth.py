"""Signing in: the person's own language, and personal API tokens."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import translation


class UserLanguageMiddleware:
    """Shows the pages in the language the person chose, on whatever device they sign in from."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)
