"""The HTTP API under /api/v1/ (django-ninja). Every endpoint obeys the same rules as the pages.

Authentication: the browser session (with CSRF for writes) or a personal token
(`Authorization: Bearer hk_…`). Errors are JSON `{"detail": ...}` with a 4xx code.
"""

from __future__ import annotations

import logging

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest
from django.shortcuts import render
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.parser import Parser
from ninja.security import HttpBearer, SessionAuth

from handlekraft.dialogue.api import router as dialogue_router
from handlekraft.experiments.api import router as experiments_router
from handlekraft.lib.clean import clean_data
from handlekraft.mandates.api import router as mandates_router
from handlekraft.organisation.api import router as organisation_router
from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import PersonalToken
from handlekraft.plan.api import router as plan_router
from handlekraft.pulse.api import router as pulse_router
from handlekraft.stories.api import router as stories_router

logger = logging.getLogger(__name__)
RETRY_AFTER = 5  # seconds: a PostgreSQL restart or fail-over takes a few


class PersonalTokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        user = PersonalToken.authenticate(token)
        if user is not None:
            request.user = user
        return user


class CleanParser(Parser):
    """Every string of a JSON body cleaned (lib/clean.py) before validation; the query string is cleaned
    for pages and API alike by lib/request_guard.py."""

    def parse_body(self, request: HttpRequest):
        data = super().parse_body(request)
        if not isinstance(data, dict):  # every body of ours is an object; a list would pass as no fields
            raise ValueError("the body is not a JSON object")
        return clean_data(data)


class ActiveSessionAuth(SessionAuth):
    def authenticate(self, request: HttpRequest, key):
        user = super().authenticate(request, key)
        return user if user is not None and user.is_active else None


# The errors every operation may answer, each as JSON {"detail": ...} (a text, or ninja's list of field
# errors for 422), so that clients and schemathesis find every status in the schema.
ERRORS = {
    "400": "Forespørgslen kan ikke læses (et ugyldigt tegn i stien, eller en krop, der ikke er JSON).",
    "404": "Findes ikke, eller du har ikke adgang til det.",
    "401": "Ikke logget ind, eller API-nøglen er ugyldig.",
    "403": "Ingen adgang til dette.",
    "422": "Forespørgslen er ugyldig: se detail for hvert felt.",
    "429": "For mange forespørgsler; prøv igen senere.",
    "503": "Databasen svarer ikke lige nu; prøv igen efter Retry-After sekunder.",
}
WITH_BODY = {
    "409": "Nogen har ændret det, siden du hentede det.",
    "413": "Kroppen er for stor.",
}
# A query string beyond the web server's request-line limit (gunicorn's 4,094 bytes, nginx's 8 KB) is
# refused by that server, as HTML, before the app sees it.
TOO_LONG = {
    "description": "Adressen er for lang; webserveren foran afviser den (HTML).",
    "content": {"text/html": {"schema": {"type": "string"}}},
}
ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "properties": {"detail": {"title": "Detail"}},
    "required": ["detail"],
}


class DocumentedAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
        error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        for methods in schema["paths"].values():
            for spec in methods.values():
                errors = dict(ERRORS)
                if "requestBody" in spec:
                    errors.update(WITH_BODY)
                for status, description in errors.items():
                    spec["responses"].setdefault(status, {"description": description, "content": error})
                if any(parameter["in"] == "query" for parameter in spec.get("parameters", [])):
                    spec["responses"].setdefault("414", TOO_LONG)
        return schema


api = DocumentedAPI(
    parser=CleanParser(),
    title="handlekraft API",
    version="1",
    urls_namespace="api",
    auth=[PersonalTokenAuth(), ActiveSessionAuth()],
    # Swagger UI fails WCAG 2.1 AA (nested controls, contrast); `docs` below is our own accessible page.
    docs_url=None,
)


def operations() -> list[dict]:
    """The API's operations, from the OpenAPI schema, for the documentation page."""
    schema = api.get_openapi_schema(path_prefix="/api/v1")
    result = []
    for path, methods in schema["paths"].items():
        for method, spec in methods.items():
            params = [
                {"name": p["name"], "in": p["in"], "required": p.get("required", False)}
                for p in spec.get("parameters", [])
            ]
            result.append(
                {
                    "id": spec["operationId"],
                    "method": method.upper(),
                    "path": path,
                    "summary": spec.get("summary", ""),
                    "params": params,
                    "has_body": "requestBody" in spec,
                    "tag": (spec.get("tags") or [""])[0],
                }
            )
    return result


@login_required
def docs(request: SignedInRequest):
    return render(request, "api_docs.html", {"operations": operations()})


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    """The rules' own reason when they give one (rules.py: "Kun mødets facilitatorer har adgang.")."""
    detail = str(exc) or "Du har ikke adgang til dette."
    return api.create_response(request, {"detail": detail}, status=403)


@api.exception_handler(HttpError)
def http_error(request, exc):
    # ninja answers a body it cannot read (not JSON, or not an object) in English; ours speak Danish.
    detail = str(exc)
    if detail.startswith("Cannot parse request body"):
        detail = "Kroppen kan ikke læses: send et JSON-objekt ({…}) med Content-Type: application/json."
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return api.create_response(
        request, {"detail": "Log ind, eller send en gyldig API-nøgle som Bearer-token."}, status=401
    )


@api.exception_handler(OperationalError)
@api.exception_handler(InterfaceError)
def database_unavailable(request, exc):
    """The database cannot be reached (restarting, failing over): a JSON 503 a client can retry."""
    logger.warning("database unavailable: %s", type(exc).__name__)
    response = api.create_response(
        request, {"detail": "Databasen svarer ikke lige nu. Prøv igen om lidt."}, status=503
    )
    response["Retry-After"] = str(RETRY_AFTER)
    return response


api.add_router("/", organisation_router)
api.add_router("/", mandates_router)
api.add_router("/", experiments_router)
api.add_router("/", stories_router)
api.add_router("/", dialogue_router)
api.add_router("/", pulse_router)
api.add_router("/", plan_router)
