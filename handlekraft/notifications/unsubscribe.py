"""Turning one kind of e-mail off from the e-mail itself, without signing in (RFC 8058 one-click).

Every e-mail sent for a kind (a notification, the weekly digest) carries a link made here, in the body
and in the `List-Unsubscribe` header with `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, so a mail
client's "Afmeld" button turns it off with one POST. The link is signed (the secret key), names the
person only by their internal id and the kind, and does nothing but set that one e-mail choice to "no";
the person can turn it on again under Min profil.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "handlekraft.notifications.unsubscribe"


def token(user_id: int, kind: str) -> str:
    """The same token every time for the same person and kind (no timestamp: the link never expires)."""
    return signing.Signer(salt=SALT).sign_object([user_id, kind])


def link(user_id: int, kind: str) -> str:
    """The absolute address that turns `kind` e-mail off for this person."""
    return settings.SITE_URL + reverse("email-unsubscribe", args=[token(user_id, kind)])


def read(value: str) -> tuple[int, str] | None:
    """(user id, kind) from a token made by `token()`, or None for anything else."""
    try:
        user_id, kind = signing.Signer(salt=SALT).unsign_object(value)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(user_id, int) or not isinstance(kind, str):
        return None
    return user_id, kind


def headers(url: str) -> dict[str, str]:
    """The RFC 2369 and RFC 8058 headers for an e-mail that can be turned off at `url`."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
