"""Answering the pulse on a phone, axe on every step."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

PHONE = {"width": 390, "height": 844}


def pulse_survey(unit_key: str = "SO-SOL", **extra):
    """The demo organisation and an open 17-item survey for one of its units: (org, survey)."""
    from handlekraft.organisation import demo as org_demo
    from handlekraft.pulse.bank import ensure_bank
    from handlekraft.pulse.models import Construct, Item, Survey

    org = org_demo.build()
    ensure_bank(Construct, Item)
    today = timezone.localdate()
    survey = Survey.objects.create(
        title="Puls på aktørskab",
        unit=org.units[unit_key],
        opens=today,
        closes=today + timedelta(days=14),
        round="2026Q4",
        **extra,
    )
    survey.items.set(Item.objects.filter(in_default_pulse=True))
    return org, survey


def test_answer_on_a_phone(open_page):
    from handlekraft.pulse import services

    _org, survey = pulse_survey(question="Hvad skal vi gøre mere af?")
    [(_unit, raw), *_rest] = services.make_codes(survey)

    visit = open_page(viewport=PHONE, is_mobile=True)
    visit.goto("/puls/")
    visit.page.get_by_label("Din svarkode").fill(raw)
    visit.page.get_by_role("button", name="Start").click()
    visit.page.get_by_role("heading", name="Puls på aktørskab").wait_for()
    visit.check()
    for n, item in enumerate(survey.items.all()):
        group = visit.page.get_by_role("group", name=f"{n + 1}. {item.text}")
        group.get_by_label("Enig", exact=True).check()
    visit.page.get_by_role("button", name="Send mine svar").click()
    visit.page.get_by_role("heading", name="Tak for dine svar").wait_for()
    visit.check()
    # The e-mail's link carries the code in the fragment: it fills the field and leaves the address bar.
    visit.goto("/")
    visit.goto(f"/puls/#kode={raw}")
    assert visit.page.get_by_label("Din svarkode").input_value() == raw
    assert "kode" not in visit.page.url
    visit.page.get_by_role("button", name="Start").click()
    assert visit.page.get_by_text("Koden er allerede brugt").first.is_visible()


def test_results_as_leader_and_employee_pass_axe(open_page):
    from handlekraft.pulse import services
    from tests.browser.test_main_flow import log_in

    _org, survey = pulse_survey()
    keys = list(survey.items.values_list("key", flat=True))
    for n, (_unit, raw) in enumerate(services.make_codes(survey)):
        services.answer(raw, {key: (n + i) % 5 for i, key in enumerate(keys)})
    services.close(survey)
    for email in ("leder@eksempel.dk", "medarbejder@eksempel.dk", "tr@eksempel.dk"):
        visit = open_page()
        log_in(visit, email)
        visit.goto("/maaling/")
        visit.goto(survey.get_absolute_url())


def test_the_leader_writes_an_action_plan(open_page):
    from handlekraft.pulse import services
    from handlekraft.pulse.models import Action
    from tests.browser.test_main_flow import log_in

    _org, survey = pulse_survey()
    keys = list(survey.items.values_list("key", flat=True))
    for _unit, raw in services.make_codes(survey):
        services.answer(raw, dict.fromkeys(keys, 2))
    services.close(survey)
    visit = open_page()
    log_in(visit, "leder@eksempel.dk")
    visit.goto(f"{survey.get_absolute_url()}?enhed=SO-SOL")
    visit.page.get_by_role("link", name="Drøft resultatet og lav en handleplan").click()
    visit.page.get_by_role("heading", name="Handleplan for Plejecenter Solhaven").wait_for()
    visit.check()
    visit.page.get_by_label("Handling", exact=True).fill("Råderumsworkshop på næste personalemøde")
    visit.page.get_by_label("Ansvarlig").select_option(label="Lene Holm")
    visit.page.get_by_label("Frist").fill(str(timezone.localdate() + timedelta(days=40)))
    visit.page.get_by_role("button", name="Tilføj handlingen").click()
    visit.page.get_by_text("Handlingen er tilføjet til handleplanen.").wait_for()
    visit.check()
    assert Action.objects.get().text == "Råderumsworkshop på næste personalemøde"


def test_hr_pages_pass_axe(visit, transactional_db):
    from tests.browser.test_main_flow import log_in

    _org, survey = pulse_survey("SO")
    log_in(visit, "hr@eksempel.dk")
    visit.goto("/maaling/ny/")
    visit.goto(f"/maaling/{survey.pk}/styring/")


def test_an_hu_member_reads_the_demo_results_and_the_action_plans(open_page):
    from handlekraft.organisation.demo import build_all
    from handlekraft.organisation.models import CommitteeMember
    from handlekraft.pulse.models import Survey
    from tests.browser.test_main_flow import log_in

    build_all()
    member = (
        CommitteeMember.objects.filter(committee__kind="HU", side="medarbejdere")
        .select_related("user")
        .first()
    )
    member.user.set_password("handlekraft-demo")
    member.user.save()
    survey = Survey.objects.filter(title="Puls på aktørskab").order_by("-opens").first()
    visit = open_page()
    log_in(visit, member.user.email)
    visit.goto(f"{survey.get_absolute_url()}?enhed=EK")
    assert visit.page.get_by_role("heading", name="Enhederne under").is_visible()
    assert visit.page.get_by_role("heading", name="Udviklingen over runderne").is_visible()
    visit.goto(f"/maaling/{survey.pk}/handleplaner/")
    assert visit.page.get_by_role("row", name="Sundhed og omsorg 2 2 1 1").is_visible()
