"""How a phone joins a meeting without an account: the participant's cookie and the limit on guessing codes.

A random cookie (`hk_deltager`) identifies the participant; only its hash is stored, and only once they
post. Guessing codes is rate-limited per address, in the cache only (never logged or stored). The participant
pages and the API both use these.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote, unquote

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from handlekraft.lib import ratelimit
from handlekraft.lib.client import client_address

from .models import Meeting

COOKIE = "hk_deltager"
NAME_COOKIE = "hk_navn"  # the name typed last, to suggest it for the next note
COOKIE_AGE = 60 * 60 * 24 * 30
GUESSES = 20  # wrong codes per address …
GUESS_WINDOW = 600  # … per ten minutes


def _address_key(request: HttpRequest) -> str:
    address = client_address(request)
    return "dialogue:guess:" + hashlib.sha256(f"{settings.SECRET_KEY}{address}".encode()).hexdigest()[:32]


def too_many_guesses(request: HttpRequest) -> bool:
    return ratelimit.count(_address_key(request)) > GUESSES


def count_guess(request: HttpRequest) -> None:
    ratelimit.hit(_address_key(request), GUESS_WINDOW)


def find_meeting(request: HttpRequest, code: str) -> Meeting | None:
    """The meeting for a code, or None. Only a wrong code counts as a guess, and a code that exists is
    never refused: a theme day's hundreds of phones share one address on the venue's Wi-Fi, and one
    person's typos must not lock the others out. (Guessing stays hopeless: 29⁶ codes, a few open.)"""
    try:
        return Meeting.objects.get(join_code=Meeting.normalise_code(code))  # unique
    except Meeting.DoesNotExist:
        if not too_many_guesses(request):
            count_guess(request)
        return None


def participant_token(request: HttpRequest) -> str | None:
    raw = request.COOKIES.get(COOKIE, "")
    return raw if 20 <= len(raw) <= 64 else None


def with_participant_cookie(response: HttpResponse, raw: str) -> HttpResponse:
    response.set_cookie(
        COOKIE, raw, max_age=COOKIE_AGE, httponly=True, samesite="Lax", secure=settings.SESSION_COOKIE_SECURE
    )
    return response


def remembered_name(request: HttpRequest) -> str:
    """The name this phone typed last, kept in its own cookie only (never stored with the participant)."""
    return unquote(request.COOKIES.get(NAME_COOKIE, ""))[:40]


def remember_name(response: HttpResponse, name: str) -> HttpResponse:
    if name:
        response.set_cookie(
            NAME_COOKIE,
            quote(name),
            max_age=COOKIE_AGE,
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    else:
        response.delete_cookie(NAME_COOKIE, samesite="Lax")
    return response
