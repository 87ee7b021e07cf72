"""Requests put right or refused before any view sees them, with a clear answer: JSON for the API, the
error page for pages. The query string is cleaned as every free text is (lib/clean.py: a NUL would be a
500 on PostgreSQL); a NUL in the path is refused (400), and an API body over the upload limit too (413,
not Django's HTML 400). A page that only takes a form's POST, opened with GET, says so in words (405).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render

from handlekraft.lib.clean import clean_text

API_PREFIX = "/api/"


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        api = request.path.startswith(API_PREFIX)
        if any(_changes(key) or any(map(_changes, values)) for key, values in request.GET.lists()):
            request.GET = _cleaned(request.GET)  # type: ignore[assignment]  # immutable, as Django's own
        if "\x00" in request.path:
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
        response = self.get_response(request)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith(
            "application/json"
        ):
            return _not_allowed(request, response, api)
        return response


def _not_allowed(request: HttpRequest, response: HttpResponse, api: bool) -> HttpResponse:
    """A 405 in words: JSON for the API (DESIGN §5: errors are `{"detail": …}`), and for a page (a
    button's address opened as a bookmark or a reload) a page that says so, not a blank one."""
    if api:
        answer: HttpResponse = JsonResponse({"detail": "Metoden er ikke tilladt her."}, status=405)
    else:
        answer = render(request, "405.html", status=405)
    answer["Allow"] = response.get("Allow", "POST")
    return answer


def _changes(text: str) -> bool:
    return clean_text(text) != text


def _cleaned(query: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(clean_text(key), [clean_text(value) for value in values])
    cleaned._mutable = False
    return cleaned


def _length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
