"""Signing in and out with the municipality's own pages."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.shortcuts import redirect

from ..forms import LoginForm
from ..oidc import provider_logout_url


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Logging out after single sign-on ends the session at the provider too: on a shared PC, the next
    person who presses "Log ind med kommunens login" must be asked for their own credentials."""

    def post(self, request, *args, **kwargs):
        at_provider = provider_logout_url(request)  # read before the session is gone
        response = super().post(request, *args, **kwargs)
        return redirect(at_provider) if at_provider else response
