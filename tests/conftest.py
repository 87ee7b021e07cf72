"""The cast every permission test uses (CONVENTIONS.md): a leader, an employee of that unit, an
employee of another unit, a TR, an AMR, an HR administrator and an anonymous visitor.

    Kommune (K)
    └── Område (A)
        ├── Afdeling (D)   leader, employee, tr, amr; team T below it
        │   └── Team (T)
        └── Anden afdeling (O)   other (employee elsewhere)
    HR-afdeling (H) under K: hr
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache, caches
from django.test import Client
from django.utils import translation

from handlekraft.organisation.models import Committee, CommitteeMember, Membership, Role, Unit, User

PASSWORD = "korrekt-hest-batteri-9"


def make_user(email: str, name: str, unit: Unit | None = None, role: str = Role.EMPLOYEE) -> User:
    user = User.objects.create_user(email, PASSWORD, name=name)
    if unit is not None:
        Membership.objects.create(user=user, unit=unit, role=role)
    return user


@pytest.fixture(autouse=True)
def _danish_first():
    """Each test starts in the site's language: a request as an English-speaking person leaves English
    active in the thread (Django's locale middleware never switches back), and the next test on that
    worker would otherwise see English texts."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    caches["fragments"].clear()
    yield
    cache.clear()
    caches["fragments"].clear()


@pytest.fixture
def cast(db):
    k = Unit.objects.create(external_id="K", name="Testkommune", kind=Unit.Kind.MUNICIPALITY)
    a = Unit.objects.create(external_id="A", name="Område Syd", kind=Unit.Kind.AREA, parent=k)
    d = Unit.objects.create(external_id="D", name="Plejecenter Bøgely", kind=Unit.Kind.DEPARTMENT, parent=a)
    t = Unit.objects.create(external_id="T", name="Bøgely, afsnit 1", kind=Unit.Kind.TEAM, parent=d)
    o = Unit.objects.create(external_id="O", name="Hjemmeplejen Vest", kind=Unit.Kind.DEPARTMENT, parent=a)
    h = Unit.objects.create(external_id="H", name="HR", kind=Unit.Kind.DEPARTMENT, parent=k)
    leader = make_user("leder@test.dk", "Lise Leder", d, Role.LEADER)
    employee = make_user("ansat@test.dk", "Anders Ansat", d)
    other = make_user("anden@test.dk", "Anna Anden", o)
    tr = make_user("tr@test.dk", "Tove Tillid", d)
    Membership.objects.create(user=tr, unit=d, role=Role.TR)
    amr = make_user("amr@test.dk", "Arne Miljø", d)
    Membership.objects.create(user=amr, unit=d, role=Role.AMR)
    hr = make_user("hr@test.dk", "Hella HR", h, Role.HR)
    lmu = Committee.objects.create(name="LMU Bøgely", kind=Committee.Kind.LMU, unit=d)
    CommitteeMember.objects.create(
        committee=lmu,
        user=leader,
        side=CommitteeMember.Side.MANAGEMENT,
        position=CommitteeMember.Position.CHAIR,
    )
    CommitteeMember.objects.create(
        committee=lmu,
        user=tr,
        side=CommitteeMember.Side.EMPLOYEES,
        position=CommitteeMember.Position.VICE_CHAIR,
    )
    return SimpleNamespace(
        kommune=k,
        area=a,
        unit=d,
        team=t,
        other_unit=o,
        hr_unit=h,
        leader=leader,
        employee=employee,
        other=other,
        tr=tr,
        amr=amr,
        hr=hr,
        anonymous=AnonymousUser(),
        lmu=lmu,
    )


CAST = ["leader", "employee", "other", "tr", "amr", "hr", "anonymous"]


@pytest.fixture
def client_as(cast):
    """client_as("leader") → a Client signed in as that member of the cast (anonymous: signed out)."""

    def make(who: str) -> Client:
        client = Client()
        if who != "anonymous":
            client.force_login(getattr(cast, who), backend="django.contrib.auth.backends.ModelBackend")
        return client

    return make


@pytest.fixture
def demo_org(db):
    """The demo municipality, built by the same code as `manage.py demo` (all modules)."""
    from handlekraft.organisation.demo import build_all

    return build_all()


def delivered() -> list:
    """The e-mail sent so far. Mail goes through the outbox, sent by a task once the request's transaction
    commits; a test's transaction never commits, so this sends what is due first, as the task would."""
    from django.core import mail

    from handlekraft.notifications.outbox import send_due

    send_due()
    return mail.outbox


def assert_printable(sheet) -> None:
    """A sheet people can read and print (lib/documents.printable_sheet)."""
    assert sheet.freeze_panes == "A2" and sheet.print_title_rows == "$1:$1"  # the header stays in view
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and int(sheet.page_setup.fitToWidth) == 1
    assert sheet.column_dimensions["A"].width >= 30 and sheet["A1"].font.bold
