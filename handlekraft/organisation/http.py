"""The request a signed-in view gets, named for the type checker.

Django builds every request as an `HttpRequest`; behind `@login_required` its `user` is always a
person (never `AnonymousUser`), and django-htmx's middleware has said whether htmx sent it. Views that
are only for signed-in people annotate `request: SignedInRequest`, so `request.user.primary_unit` and
`request.htmx` type-check without a cast at every use.
"""

from __future__ import annotations

from handlekraft.lib.http import HtmxRequest

from .models import User


class SignedInRequest(HtmxRequest):
    user: User  # narrower than HttpRequest's User | AnonymousUser
