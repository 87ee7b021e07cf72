"""Signing in and out with the municipality's own pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from handlekraft.lib.client import client_address
from handlekraft.lib.hashing import sha256_hex

from ..forms import LoginForm, SignInCodeForm
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


def code_login(request: HttpRequest) -> HttpResponse:
    """Signing in with a personal one-time code on paper, for staff without e-mail at a shared PC."""
    if request.user.is_authenticated:
        return redirect("/")
    address = "signin-code:" + sha256_hex(f"{settings.SECRET_KEY}{client_address(request)}")[:32]
    form = SignInCodeForm(request.POST if request.method == "POST" else None, address_key=address)
    if request.method == "POST" and form.is_valid() and form.user is not None:
        login(request, form.user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _(
                "Du er logget ind. Husk at logge af, når du går fra en fælles computer. "
                "Koden kan ikke bruges igen."
            ),
        )
        return redirect("/")
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "registration/code_login.html", {"form": form}, status=status)
