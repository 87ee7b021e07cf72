"""Requests refused before any view sees them, with a clear answer: JSON for the API, the error page for
pages. A NUL in the path or the query string (PostgreSQL refuses it in any text, so it would be a 500),
and an API body over the upload limit (413, not Django's HTML 400)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

API_PREFIX = "/api/"


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        api = request.path.startswith(API_PREFIX)
        if "\x00" in request.path or any("\x00" in v for vs in request.GET.lists() for v in vs[1]):
            if api:
                return JsonResponse(
                    {"detail": "Forespørgslen indeholder et ugyldigt tegn (NUL)."}, status=400
                )
            return render(request, "400.html", status=400)
        if api and _length(request) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1024 / 1024
            return JsonResponse(
                {"detail": f"Forespørgslen er for stor: højst {limit:.1f} MB.".replace(".", ",", 1)},
                status=413,
            )
        return self.get_response(request)


def _length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
