"""Single sign-on with OpenID Connect (Microsoft Entra ID, AD FS, Keycloak) for shared PCs.

- People are those the municipality imported from its HR system. At the first login a person is found by
  the employee key in the claim OIDC_EMPLOYEE_KEY_CLAIM (when set: staff without a work e-mail are found
  so, by their `external_id`), else by e-mail, and the provider's stable key for them is stored (Entra's
  `oid`, else `sub`); from then on they are found by that key, so a changed e-mail address neither locks
  them out nor lets someone else in.
- Someone not imported gets a Danish message on the login page (or is created when OIDC_CREATE_USER=1);
  a deactivated person gets a message too, never an error page.
- The flow uses PKCE; logging out ends the session at the provider as well (RP-initiated logout with
  id_token_hint), so the next person at a shared PC is asked for their own credentials; and the session
  is checked with the provider every OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS (SessionRefresh).
"""

from __future__ import annotations

import logging
from enum import StrEnum
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.middleware import SessionRefresh
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

from .models import User

logger = logging.getLogger(__name__)


class Refusal(StrEnum):
    NOT_IMPORTED = "not_imported"
    DEACTIVATED = "deactivated"
    OTHER_LOGIN = "other_login"  # the e-mail belongs to a person already linked to another login
    NO_EMAIL = "no_email"
    PROVIDER_DOWN = "provider_down"
    SESSION_ENDED = "session_ended"  # the silent check found no session at the provider any more


def refusal_message(refusal: str) -> str:
    messages: dict[str, str] = {
        Refusal.NOT_IMPORTED: _(
            "Du er logget ind hos kommunen, men du findes ikke i handlekraft endnu. Personer kommer hertil "
            "fra kommunens HR-system. Kontakt HR, hvis du mener, at du burde være med."
        ),
        Refusal.DEACTIVATED: _(
            "Din adgang til handlekraft er lukket, fordi du ikke længere er registreret som ansat. "
            "Kontakt HR, hvis det er en fejl."
        ),
        Refusal.OTHER_LOGIN: _(
            "Din e-mailadresse hører til en person, der logger ind med et andet login hos kommunen. "
            "Kontakt HR, så de kan rette det."
        ),
        Refusal.NO_EMAIL: _(
            "Kommunens login sendte ingen e-mailadresse, så vi kan ikke se, hvem du er. Kontakt IT."
        ),
        Refusal.PROVIDER_DOWN: _("Kommunens login svarer ikke lige nu. Prøv igen om lidt."),
        Refusal.SESSION_ENDED: _("Du er logget ud hos kommunens login. Log ind igen for at fortsætte."),
    }
    return messages.get(refusal, _("Login med kommunens login lykkedes ikke. Prøv igen."))


def subject_of(claims: dict) -> str:
    """The provider's stable key for a person: Entra ID's `oid` (the same in all applications), else `sub`."""
    return str(claims.get("oid") or claims.get("sub") or "")


def employee_key_of(claims: dict) -> str:
    """The person's key in HR or OS2mo, from the claim the municipality configured (e.g. Entra's
    `employeeid` as an optional claim, or a Keycloak mapper), else ""."""
    claim = getattr(settings, "OIDC_EMPLOYEE_KEY_CLAIM", "")
    return str(claims.get(claim) or "").strip() if claim else ""


def email_of(claims: dict) -> str:
    # Entra ID puts the address in "email" when the optional claim is set, else in "upn" or
    # "preferred_username".
    return (claims.get("email") or claims.get("upn") or claims.get("preferred_username") or "").lower()


class SSOBackend(OIDCAuthenticationBackend):
    def refuse(self, refusal: Refusal) -> None:
        self.request.sso_refusal = refusal
        return None

    def get_userinfo(self, access_token, id_token, payload):
        # Entra's userinfo endpoint leaves out `oid`; the verified ID token has it.
        return {**payload, **super().get_userinfo(access_token, id_token, payload)}

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        subject, email, key = subject_of(claims), email_of(claims), employee_key_of(claims)
        if not subject:
            return self.refuse(Refusal.NO_EMAIL)
        user = self.find_user(subject, email, key)
        if user is None:
            if not email:
                return self.refuse(Refusal.NOT_IMPORTED if key else Refusal.NO_EMAIL)
            if User.objects.filter(email__iexact=email).exists():
                return self.refuse(Refusal.OTHER_LOGIN)
            if not self.get_settings("OIDC_CREATE_USER", False):
                return self.refuse(Refusal.NOT_IMPORTED)
            user = User.objects.create_user(email, name=claims.get("name", ""), sso_subject=subject)
        if not user.is_active:
            return self.refuse(Refusal.DEACTIVATED)
        if not user.sso_subject:
            user.sso_subject = subject
            user.save(update_fields=["sso_subject"])
        return user

    @staticmethod
    def find_user(subject: str, email: str, key: str = "") -> User | None:
        """The person linked to this login; at the first login, the imported person with the employee key
        (if the provider sends one), else with the e-mail."""
        linked = User.objects.filter(sso_subject=subject).first()
        if linked is not None:
            return linked
        if key and (by_key := User.objects.filter(external_id=key, sso_subject="").first()):
            return by_key
        if not email:
            return None
        return User.objects.filter(email__iexact=email, sso_subject="").first()

    def filter_users_by_claims(self, claims: dict):
        user = self.find_user(subject_of(claims), email_of(claims), employee_key_of(claims))
        return User.objects.filter(pk=user.pk) if user else User.objects.none()

    def verify_claims(self, claims: dict) -> bool:
        return bool(subject_of(claims))


class SSOCallbackView(OIDCAuthenticationCallbackView):
    """The provider's answer: a Danish message on the login page whenever someone does not get in."""

    def get(self, request):
        try:
            return super().get(request)
        except requests.RequestException:
            logger.warning("the OpenID provider did not answer the token or userinfo request")
            request.sso_refusal = Refusal.PROVIDER_DOWN
            return self.login_failure()

    def login_failure(self):
        refusal = getattr(self.request, "sso_refusal", "")
        if self.request.GET.get("error") in ("login_required", "interaction_required"):
            refusal = Refusal.SESSION_ENDED
        messages.error(self.request, refusal_message(refusal))
        return super().login_failure()


class SSOSessionRefresh(SessionRefresh):
    """Asks the provider again, silently, whether the person is still signed in there: a session ended at
    the provider ends here too. Only for whole pages: htmx updates and the API are left alone."""

    def is_refreshable_url(self, request: HttpRequest) -> bool:
        if request.headers.get("HX-Request") or request.path.startswith("/api/"):
            return False
        return super().is_refreshable_url(request)


def provider_logout_url(request: HttpRequest) -> str | None:
    """Where to send the browser to end the session at the provider too, or None (not an SSO session)."""
    endpoint = getattr(settings, "OIDC_OP_LOGOUT_ENDPOINT", "")
    id_token = request.session.get("oidc_id_token")
    if not (settings.OIDC_ENABLED and endpoint and id_token):
        return None
    query = urlencode(
        {
            "id_token_hint": id_token,
            "client_id": settings.OIDC_RP_CLIENT_ID,
            "post_logout_redirect_uri": request.build_absolute_uri(reverse("login")),
        }
    )
    return f"{endpoint}?{query}"
