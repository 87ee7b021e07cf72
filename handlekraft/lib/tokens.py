"""A secret in a private address (the Atom feed of stories, the plan's calendars): a person's latest one
works until revoked; only its hash is stored."""

from __future__ import annotations

import secrets
from typing import Any

from django.db import models
from django.utils import timezone

from .hashing import sha256_hex


class RevocableToken(models.Model):
    """Subclasses add `user = models.ForeignKey(settings.AUTH_USER_MODEL, related_name=…)`."""

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return str(self.created)

    hash = staticmethod(sha256_hex)

    @classmethod
    def _tokens(cls) -> Any:
        """The subclass's manager; typed loosely, as only the subclasses have the `user` field."""
        return cls._default_manager

    @classmethod
    def revoke_all(cls, user) -> None:
        """The person's addresses stop working now."""
        cls._tokens().filter(user=user, revoked__isnull=True).update(revoked=timezone.now())

    @classmethod
    def issue(cls, user) -> str:
        """Revokes the person's earlier addresses and returns the secret of a new one."""
        cls.revoke_all(user)
        raw = secrets.token_urlsafe(24)
        cls._tokens().create(user=user, token_hash=cls.hash(raw))
        return raw

    @classmethod
    def user_for(cls, raw: str):
        token = (
            cls._tokens()
            .select_related("user")
            .filter(token_hash=cls.hash(raw or ""), revoked__isnull=True, user__is_active=True)
            .first()
        )
        return token.user if token else None
