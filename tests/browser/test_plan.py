"""The plan in a browser: the timeline, a follow-up item from creation to done, the HU page and the
onboarding checklist, with axe on every page."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tests.browser.test_main_flow import log_in


def demo():
    from handlekraft.organisation.demo import build_all

    return build_all()


def test_timeline_forum_and_activity_pass_axe(visit, transactional_db):
    from handlekraft.plan.models import Activity, Forum

    demo()
    log_in(visit, "medarbejder@eksempel.dk")
    page = visit.page
    page.get_by_role("link", name="Plan", exact=True).click()
    page.get_by_role("heading", name="Aktørskab 2025–2026").wait_for()
    visit.check()
    quarters = page.locator(".plan-quarter h3").all_inner_texts()
    assert quarters == [
        "4. kvartal 2025",
        "1. kvartal 2026",
        "2. kvartal 2026",
        "3. kvartal 2026",
        "4. kvartal 2026",
    ]
    assert page.get_by_role("link", name="Tema på DIR-seminar i november").is_visible()
    # Filter to one forum with the keyboard.
    hu = Forum.objects.get(short_name="HU")
    page.get_by_label("Forum (frivilligt)").select_option(str(hu.pk))
    page.get_by_role("button", name="Vis").press("Enter")
    page.get_by_text("Viser kun aktiviteter i Hovedudvalget (HU).").wait_for()
    visit.check()
    assert not page.get_by_role("link", name="Tema på DIR-seminar i november").count()
    page.get_by_role("link", name="Forummets side").click()
    page.get_by_role("heading", name="Hovedudvalget (HU)", level=1).wait_for()
    visit.check()
    visit.goto(hu.committee.get_absolute_url())  # the committee's page shows it in the plan
    assert page.get_by_role("region", name="I planen").is_visible()
    follow = Activity.objects.get(title="Opfølgning ifm. arbejdsmiljørapporterne i HU")
    visit.goto(follow.get_absolute_url())
    assert page.get_by_text("3.–4. kvartal 2026").first.is_visible()
    assert page.get_by_role("link", name="Puls på aktørskab (2026Q4)").is_visible()


def test_a_follow_up_item_from_creation_to_done(open_page, transactional_db):
    from handlekraft.plan.models import FollowUp

    demo()
    # Peter Lund chairs OMU Sundhed og omsorg; give him the demo password for this test.
    from handlekraft.organisation.demo import DEMO_PASSWORD
    from handlekraft.organisation.models import User

    chair = User.objects.get(email="peter.lund@eksempel.dk")
    chair.set_password(DEMO_PASSWORD)
    chair.save()
    visit = open_page()
    log_in(visit, "peter.lund@eksempel.dk")
    page = visit.page
    visit.goto("/plan/opfoelgning/")
    page.get_by_role("link", name="Nyt opfølgningspunkt").click()
    page.get_by_role("heading", name="Nyt opfølgningspunkt").wait_for()
    visit.check()
    page.get_by_label("Hvad skal ske?").fill("Dele erfaringer fra dialogmøderne med LMU'erne")
    page.get_by_label("Ansvarlig (e-mail)").fill("leder@eksempel.dk")
    page.get_by_label("Frist").fill((timezone.localdate() - timedelta(days=2)).isoformat())
    page.get_by_role("button", name="Gem").click()
    page.get_by_text("Fristen ligger i fortiden").first.wait_for()
    visit.check()  # the error summary and the message by the field pass axe
    page.get_by_label("Frist").fill((timezone.localdate() + timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Gem").click()
    page.get_by_text("Opfølgningspunktet er oprettet.").wait_for()
    visit.check()
    item = FollowUp.objects.get(title="Dele erfaringer fra dialogmøderne med LMU'erne")

    owner = open_page()
    log_in(owner, "leder@eksempel.dk")
    owner.goto("/plan/opfoelgning/")
    owner.page.get_by_role("link", name=item.title).first.click()
    owner.page.get_by_label("Status").select_option("faerdig")
    owner.page.get_by_role("button", name="Gem status").click()
    owner.page.get_by_text("Status er gemt.").wait_for()
    owner.check()
    item.refresh_from_db()
    assert item.status == "faerdig"


def test_the_hu_page_and_its_exports(open_page, transactional_db):
    demo()
    visit = open_page(accept_downloads=True)
    log_in(visit, "hr@eksempel.dk")
    visit.goto("/plan/status/")
    page = visit.page
    page.get_by_role("heading", name="Status på aktørskab").wait_for()
    assert page.locator("svg.plan-chart").count() == 2
    assert page.get_by_role("table").count() == 5  # every chart comes with its table
    with page.expect_download() as download:
        page.get_by_role("link", name="Hent som Word (DOCX) til mødet").click()
    assert download.value.suggested_filename.endswith(".docx")
    page.get_by_role("row", name="Sundhed og omsorg").first.get_by_role("link").first.click()
    page.wait_for_load_state()
    visit.check()


def test_the_onboarding_checklist_on_a_new_leaders_front_page(open_page, transactional_db):
    from handlekraft.dialogue.models import Meeting

    org = demo()
    visit = open_page()
    log_in(visit, "leder@eksempel.dk")
    page = visit.page
    section = page.get_by_role("region", name="Din vej ind som leder af Plejecenter Solhaven")
    assert section.get_by_text("6 af 7 er på plads.").is_visible()
    # The LMU's "Hvad er aktørskab for os?" meeting is still open; closing it ticks the item.
    Meeting.objects.filter(committee=org.committees["LMU-SO-SOL"]).update(status=Meeting.Status.CLOSED)
    visit.goto("/")
    assert section.get_by_text("7 af 7 er på plads.").is_visible()
    section.get_by_role("button", name="Fortryd").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Tjeklisten er opdateret.").wait_for()
    visit.check()
    assert section.get_by_text("6 af 7 er på plads.").is_visible()

    hr = open_page()
    log_in(hr, "hr@eksempel.dk")
    hr.goto("/plan/onboarding/")
    assert hr.page.get_by_role("row", name="Pia Mortensen").is_visible()
    employee = open_page()
    log_in(employee, "medarbejder@eksempel.dk")
    box = employee.page.get_by_role("region", name="Velkommen – her er dit råderum")
    box.wait_for()
    employee.check()
    box.get_by_role("button", name="Skjul velkomsten").click()
    employee.page.get_by_text("Velkomsten er skjult.").wait_for()
    employee.check()
    assert not box.count()
    employee.goto("/plan/velkommen/")
    assert employee.page.get_by_text("Tina Rasmussen").first.is_visible()


def test_the_forms_and_the_calendar_page_pass_axe(open_page, transactional_db):
    from handlekraft.plan.models import Activity, FollowUp

    demo()
    hr = open_page()
    log_in(hr, "hr@eksempel.dk")
    hr.goto("/plan/aktiviteter/ny/")
    page = hr.page
    page.get_by_label("Titel").fill("Temadag i KCL")
    page.get_by_label("Kvartal", exact=True).fill("2027Q5")
    page.get_by_role("button", name="Gem").click()
    page.get_by_text("Skriv kvartalet som år og kvartal, fx 2026Q1.").first.wait_for()
    hr.check()
    activity = Activity.objects.get(title="Opfølgning ifm. arbejdsmiljørapporterne i HU")
    hr.goto(f"/plan/aktiviteter/{activity.pk}/rediger/")
    item = FollowUp.objects.get(title__startswith="Beskrive onboarding")
    hr.goto(f"/plan/opfoelgning/{item.pk}/rediger/")
    hr.goto("/plan/kalender/")
    page.get_by_role("button", name="Lav mine kalenderadresser").click()
    page.get_by_text("Dine nye adresser står herunder.").wait_for()
    hr.check()
    hr.goto("/plan/onboarding/")

    leader = open_page()
    log_in(leader, "leder@eksempel.dk")
    leader.goto("/plan/onboarding/mine/")
    assert leader.page.get_by_text("6 af 7 er på plads.").is_visible()
