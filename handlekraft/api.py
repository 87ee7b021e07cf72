"""The HTTP API under /api/v1/ (django-ninja). Every endpoint obeys the same rules as the pages.

Authentication: the browser session (with CSRF for writes) or a personal token
(`Authorization: Bearer hk_…`). Errors are JSON `{"detail": ...}` with a 4xx code.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.openapi.views import openapi_view
from ninja.security import HttpBearer, SessionAuth

from handlekraft.organisation.api import router as organisation_router
from handlekraft.organisation.models import PersonalToken


class PersonalTokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        user = PersonalToken.authenticate(token)
        if user is not None:
            request.user = user
        return user


class ActiveSessionAuth(SessionAuth):
    def authenticate(self, request: HttpRequest, key):
        user = super().authenticate(request, key)
        return user if user is not None and user.is_active else None


api = NinjaAPI(
    title="handlekraft API",
    version="1",
    urls_namespace="api",
    auth=[PersonalTokenAuth(), ActiveSessionAuth()],
    docs_url=None,  # served by `docs` below, for signed-in people only; the schema stays public
)


@login_required
def docs(request: HttpRequest):
    return openapi_view(request, api=api)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    return api.create_response(request, {"detail": "Du har ikke adgang til dette."}, status=403)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return api.create_response(
        request, {"detail": "Log ind, eller send en gyldig API-nøgle som Bearer-token."}, status=401
    )


api.add_router("/", organisation_router)
