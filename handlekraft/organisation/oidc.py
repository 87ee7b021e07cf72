"""Single sign-on with OpenID Connect (Microsoft Entra ID, AD FS, Keycloak).

People are matched by e-mail to those imported from the HR system; a person who is not there, or has
been deactivated, does not get in unless OIDC_CREATE_USER=1.
"""

from __future__ import annotations

from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .models import User


class EmailOIDCBackend(OIDCAuthenticationBackend):
    def get_email(self, claims: dict) -> str:
        # Entra ID puts the address in "email" when the optional claim is set,
        # else in "upn" or "preferred_username".
        return (claims.get("email") or claims.get("upn") or claims.get("preferred_username") or "").lower()

    def verify_claims(self, claims: dict) -> bool:
        return bool(self.get_email(claims))

    def filter_users_by_claims(self, claims: dict):
        email = self.get_email(claims)
        if not email:
            return User.objects.none()
        return User.objects.filter(email__iexact=email, is_active=True)

    def create_user(self, claims: dict) -> User:
        return User.objects.create_user(self.get_email(claims), name=claims.get("name", ""))

    def update_user(self, user: User, claims: dict) -> User:
        return user
