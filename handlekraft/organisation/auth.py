"""Middleware around signing in: the settings read once per request, the person's own language."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import translation

from .models import SETTINGS_THIS_REQUEST


class SettingsOncePerRequest:
    """A page reads the site's settings once, however many parts of it (the view, the menu, the footer)
    ask: with the cache in the database, each ask would be a query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        token = SETTINGS_THIS_REQUEST.set({})
        try:
            return self.get_response(request)
        finally:
            SETTINGS_THIS_REQUEST.reset(token)


class DanishFirstMiddleware:
    """Danish unless the person chose otherwise: the browser's Accept-Language is not a choice.

    Many work PCs run English browsers; staff should still meet their municipality in Danish. The footer's
    language links (a cookie) and the person's saved language decide instead.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


def use_the_persons_language(request: HttpRequest) -> None:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.language:
        translation.activate(user.language)
        request.LANGUAGE_CODE = user.language


class UserLanguageMiddleware:
    """Shows the pages in the language the person chose, on whatever device they sign in from.

    A view marked `sets_language_itself` (the board's poll, which mostly answers without loading the
    person at all) calls `use_the_persons_language` when it does load them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        if not getattr(view_func, "sets_language_itself", False):
            use_the_persons_language(request)
