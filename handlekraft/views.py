"""Site-wide views: health checks, language, accessibility statement and error pages."""

from __future__ import annotations

from datetime import timedelta
from typing import Literal, cast

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Q
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    HttpResponseServerError,
)
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import activate
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from handlekraft.experiments.rules import proposals_waiting_for
from handlekraft.mandates.forms import SearchForm
from handlekraft.mandates.models import DecisionArea, MandateQuestion
from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import Role, SiteSettings
from handlekraft.organisation.rules import is_hr, is_leader_anywhere
from handlekraft.stories.models import Story

NEW_EMPLOYEE_DAYS = 90


SameSite = Literal["Lax", "Strict", "None"]


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """The process answers. Touches no database, so a load balancer can tell a dead process apart."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def readyz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure to reach the database means "not ready"
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@require_POST
def set_language(request: HttpRequest, code: str) -> HttpResponse:
    """The footer's language choice (a POST: it changes a setting). Saves the choice on the person too,
    so it follows them. Back to the same page, without its query string (which may hold a search)."""
    next_url = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if code not in dict(settings.LANGUAGES):
        return response
    activate(code)
    if request.user.is_authenticated:
        request.user.choose_language(code)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=365 * 24 * 60 * 60,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=cast(SameSite, settings.LANGUAGE_COOKIE_SAMESITE),
    )
    return response


def accessibility(request: HttpRequest) -> HttpResponse:
    """The footer link. The municipality's own statement when configured, else our summary."""
    site_settings = SiteSettings.current()
    if site_settings.accessibility_statement_url:
        return HttpResponseRedirect(site_settings.accessibility_statement_url)
    return render(request, "accessibility.html")


def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, for browsers and tools that ask without reading the page: the site's icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


def privacy(request: HttpRequest) -> HttpResponse:
    """ "Sådan behandler vi dine oplysninger": what each module stores, who sees it, for how long."""
    return render(request, "privacy.html")


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No request context (and so no context processors): the database may be the reason for the error.
    return HttpResponseServerError(loader.render_to_string("500.html"))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)


def capabilities(user) -> list[str]:
    """What this person can do here, by role. Each module adds its lines as it is built."""
    roles = {m.role for m in user.memberships}
    lines = [_("Se hele organisationen: enheder, ledere, TR, AMR og MED-udvalg.")]
    if Role.LEADER in roles:
        lines.append(_("Se, hvem der er i dine enheder, og hvilke udvalg der dækker dem."))
    if roles & {Role.TR, Role.AMR}:
        lines.append(_("Se de enheder, du repræsenterer, og de udvalg, du sidder i."))
    if Role.HR in roles:
        lines.append(_("Vedligeholde organisationen, indstillingerne og importen under Administration."))
    lines.insert(0, _("Slå op i råderummet, hvad du og dit team selv må beslutte: »Må jeg selv?«"))
    if Role.LEADER in roles:
        lines.append(
            _("Beskrive og justere råderummet for dine enheder: niveauer, hjørneflag og orienteringspligt.")
        )
    lines.append(_("Fortælle gode historier, borgerfortællinger og lærende historier – og anerkende andres."))
    lines.append(_("Starte en prøvehandling og se, hvad andre prøver."))
    lines.append(
        _("Foreslå at forenkle en regel eller arbejdsgang – og få et svar fra den, der ejer reglen.")
    )
    lines.append(
        _("Følge planen for aktørskab og de opfølgningspunkter, der vedrører dig – også i din kalender.")
    )
    lines.append(_("Vælge sprog og e-mails og oprette API-nøgler under Min profil."))
    return lines


@login_required
def home(request: SignedInRequest) -> HttpResponse:
    user = request.user
    by_unit: dict[int, dict] = {}
    for m in user.memberships:
        by_unit.setdefault(m.unit_id, {"unit": m.unit, "roles": []})["roles"].append(m.get_role_display())
    return render(
        request,
        "home.html",
        {
            "units": list(by_unit.values()),
            "committees": user.committee_memberships,
            "capabilities": capabilities(user),
            "search_form": SearchForm(),
            "new_stories": list(
                Story.objects.from_own_area(user)
                .select_related("unit")
                .prefetch_related("professions")
                .order_by("-published_at")[:5]
            ),
            # A new leader's checklist loads in its own request (htmx): the front page keeps its budget.
            "is_leader": is_leader_anywhere(user),
            "new_here": is_new_employee(user),
            **leader_tasks(user),
        },
    )


def is_new_employee(user) -> bool:
    """Joined within the last three months, as an employee: the front page says welcome."""
    recent = user.date_joined.date() >= timezone.localdate() - timedelta(days=NEW_EMPLOYEE_DAYS)
    return recent and any(m.role == Role.EMPLOYEE for m in user.memberships)


def leader_tasks(user) -> dict:
    """What waits for a leader: open questions about the råderum and areas past their review date."""
    led = [m.unit.path for m in user.memberships if m.role == Role.LEADER]
    proposals = list(proposals_waiting_for(user)[:10]) if led or is_hr(user) else []
    if not led:
        return {"waiting_proposals": proposals}
    in_led_units = Q()
    for path in led:
        in_led_units |= Q(unit__path__startswith=path)
    overdue = DecisionArea.objects.in_force().filter(in_led_units, review_date__lt=timezone.localdate())
    return {
        "open_questions": list(MandateQuestion.objects.open_for_leader(user)[:10]),
        "overdue_areas": list(overdue.select_related("unit").order_by("review_date")[:10]),
        "waiting_proposals": proposals,
    }
