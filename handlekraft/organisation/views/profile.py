"""A person's own profile: name, language, e-mail preferences, personal API keys and "Mine data"."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from handlekraft.lib.documents import attachment, pdf_from_template
from handlekraft.notifications.models import EmailPreference

from .. import personal_data
from ..forms import EmailPreferencesForm, ProfileForm, TokenForm
from ..http import SignedInRequest
from ..models import PersonalToken
from ..rules import is_hr


@login_required
def profile(request: SignedInRequest) -> HttpResponse:
    user = request.user
    current = dict(EmailPreference.objects.filter(user=user).values_list("kind", "email"))
    action = request.POST.get("action") if request.method == "POST" else None
    profile_form = ProfileForm(
        request.POST if action == "language" else None, instance=user, prefix="profile"
    )
    email_form = EmailPreferencesForm(
        request.POST if action == "email" else None, current=current, prefix="email"
    )
    token_form = TokenForm(request.POST if action == "token" else None, prefix="token")
    if action == "language" and profile_form.is_valid():
        profile_form.save()
        messages.success(request, _("Dit sprog er gemt."))
        response = redirect("profile")
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language, samesite="Lax", httponly=True)
        return response
    if action == "email" and email_form.is_valid():
        EmailPreference.choose(user, email_form.choices())
        messages.success(request, _("Dine valg af e-mails er gemt."))
        return redirect("profile")
    new_token = None
    if action == "token" and token_form.is_valid():
        _token, new_token = PersonalToken.issue(user, token_form.cleaned_data["name"])
        token_form = TokenForm(prefix="token")
    return render(
        request,
        "organisation/profile.html",
        {
            "profile_form": profile_form,
            "email_form": email_form,
            "token_form": token_form,
            "new_token": new_token,
            "tokens": user.tokens.filter(revoked__isnull=True),
            "is_hr": is_hr(user),
        },
    )


@login_required
@require_POST
def revoke_token(request: SignedInRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(PersonalToken, pk=pk, user=request.user, revoked__isnull=True)
    token.revoke()
    messages.success(request, _("API-nøglen »%(name)s« er tilbagekaldt.") % {"name": token.name})
    return redirect("profile")


@login_required
def my_data(request: SignedInRequest, kind: str) -> HttpResponse:
    """ "Mine data": everything the platform holds about the person signed in, as JSON or PDF/UA."""
    if kind not in ("json", "pdf"):
        raise Http404
    user = request.user
    sections = personal_data.collect(user)
    if kind == "json":
        return attachment(personal_data.as_json(user, sections), "mine-data.json")
    context = {"user": user, "sections": personal_data.for_pdf(sections), "made": timezone.localtime()}
    return attachment(pdf_from_template("organisation/my_data.html", context), "mine-data.pdf")


@login_required
@require_POST
def keep_stories(request: SignedInRequest) -> HttpResponse:
    """The person's own choice whether the stories they wrote stay after they leave."""
    user = request.user
    user.keep_stories = request.POST.get("keep_stories") == "on"
    user.save(update_fields=["keep_stories"])
    messages.success(
        request,
        _("Dine historier bliver stående, når du stopper.")
        if user.keep_stories
        else _("Dine historier bliver slettet, når du stopper."),
    )
    return redirect("profile")
