"""HR runs the surveys: plan one, hand out the codes (by e-mail, or printed slips), close it."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from handlekraft.lib.documents import attachment, pdf_from_template
from handlekraft.organisation.http import SignedInRequest
from handlekraft.organisation.models import SiteSettings

from .. import services
from ..codes import remaining_recipients
from ..forms import SurveyForm
from ..models import AnswerCode, Invitation, Response, Survey
from ..rules import require_survey_manager
from ..tasks import email_codes


@login_required
def create(request: SignedInRequest) -> HttpResponse:
    require_survey_manager(request.user)
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        survey = Survey.plan(
            request.user,
            data["items"],
            **{f: data[f] for f in ["title", "unit", "opens", "closes", "question", "repeat_quarterly"]},
        )
        messages.success(request, _("Målingen er oprettet. Lav svarkoderne, før den åbner."))
        return redirect("results:manage", pk=survey.pk)
    return render(request, "pulse/create.html", {"form": form})


@login_required
def manage(request: SignedInRequest, pk: int) -> HttpResponse:
    require_survey_manager(request.user)
    survey = get_object_or_404(Survey.objects.select_related("unit"), pk=pk)
    codes = AnswerCode.objects.filter(survey=survey).count()
    # While a survey is open only the organisation-wide response rate is shown, never a unit's count,
    # and only when the people asked are at least as many as the anonymity threshold.
    answered = Response.objects.filter(survey=survey).count()
    shown = codes >= SiteSettings.current().safe_threshold
    waiting = len(remaining_recipients(survey)) if codes and survey.status != Survey.Status.CLOSED else 0
    context = {
        "survey": survey,
        "codes": codes,
        "rate": round(100 * answered / codes) if shown else None,
        "waiting": waiting,  # people not given a code yet: those without a work e-mail, mostly
    }
    return render(request, "pulse/manage.html", context)


@login_required
@require_POST
def send_codes(request: SignedInRequest, pk: int) -> HttpResponse:
    require_survey_manager(request.user)
    survey = get_object_or_404(Survey, pk=pk)
    emailed = Invitation.objects.filter(survey=survey).exists()
    if AnswerCode.objects.filter(survey=survey).exists() and not emailed:
        messages.error(request, _("Der er allerede lavet svarkoder til målingen."))
    else:
        # Also after an outage: only the people not yet reached are sent a code.
        transaction.on_commit(lambda: email_codes.enqueue(survey.pk))
        if emailed:
            messages.success(request, _("Svarkoderne bliver nu sendt til dem, der ikke har fået en endnu."))
        else:
            messages.success(request, _("Svarkoderne bliver sendt på e-mail nu."))
    return redirect("results:manage", pk=survey.pk)


@login_required
@require_POST
def slips(request: SignedInRequest, pk: int) -> HttpResponse:
    """Code slips to print: for everyone, or after the e-mails for those not reached (staff without a work
    e-mail). Made once per person; the codes are shown only here."""
    require_survey_manager(request.user)
    survey = get_object_or_404(Survey.objects.select_related("unit"), pk=pk)
    made = services.make_codes(survey)
    if not made:
        messages.error(request, _("Alle i målingen har allerede fået en svarkode."))
        return redirect("results:manage", pk=survey.pk)
    import segno  # only for the slips

    link = settings.SITE_URL + reverse("pulse:answer")
    # The QR code opens the answer page with the code in the fragment, which never reaches the server's
    # logs (static/js/handlekraft.js moves it into the field).
    slips = [
        (unit, code, segno.make(f"{link}#kode={code}", error="m").svg_data_uri(scale=4))
        for unit, code in made
    ]
    context = {"survey": survey, "slips": slips, "link": link}
    return attachment(pdf_from_template("pulse/slips.html", context), f"kodesedler-{survey.pk}.pdf")


@login_required
@require_POST
def close(request: SignedInRequest, pk: int) -> HttpResponse:
    require_survey_manager(request.user)
    survey = get_object_or_404(Survey, pk=pk)
    if survey.closed_at is None:
        services.close(survey)
        messages.success(request, _("Målingen er lukket. Enhederne får besked om at drøfte resultatet."))
    return redirect("results:manage", pk=survey.pk)
