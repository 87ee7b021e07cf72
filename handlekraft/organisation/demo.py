"""The demo municipality's organisation: "Eksempel Kommune" (DESIGN §7).

Idempotent: running it again updates the same rows. Later apps add their own `demo.py` with a
`build(org)` function; `manage.py demo` calls them in app order with the object returned here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Committee, CommitteeMember, Membership, Role, SiteSettings, Unit, User

DEMO_PASSWORD = "handlekraft-demo"  # noqa: S105 - documented demo password, refused when DEBUG is off

# (external_id, name, parent, kind)
UNITS = [
    ("EK", "Eksempel Kommune", "", Unit.Kind.MUNICIPALITY),
    ("SO", "Sundhed og omsorg", "EK", Unit.Kind.AREA),
    ("SO-SOL", "Plejecenter Solhaven", "SO", Unit.Kind.DEPARTMENT),
    ("SO-SOL-A", "Solhaven, afsnit A", "SO-SOL", Unit.Kind.TEAM),
    ("SO-SOL-B", "Solhaven, afsnit B", "SO-SOL", Unit.Kind.TEAM),
    ("SO-HPN", "Hjemmeplejen Nord", "SO", Unit.Kind.DEPARTMENT),
    ("SO-HPN-DAG", "Hjemmeplejen Nord, dagteam", "SO-HPN", Unit.Kind.TEAM),
    ("SO-HPN-AFT", "Hjemmeplejen Nord, aften- og nattevagt", "SO-HPN", Unit.Kind.TEAM),
    ("SO-TR", "Træning og rehabilitering", "SO", Unit.Kind.DEPARTMENT),
    ("SOC", "Socialområdet", "EK", Unit.Kind.AREA),
    ("SOC-MYN", "Myndighed, voksne", "SOC", Unit.Kind.DEPARTMENT),
    ("SOC-MYN-1", "Sagsbehandlerteam 1", "SOC-MYN", Unit.Kind.TEAM),
    ("SOC-ENG", "Botilbuddet Engly", "SOC", Unit.Kind.DEPARTMENT),
    ("BF", "Børne- og familieområdet", "EK", Unit.Kind.AREA),
    ("BF-FAM", "Familieafdelingen", "BF", Unit.Kind.DEPARTMENT),
    ("BF-FAM-SYD", "Børne- og familieteam Syd", "BF-FAM", Unit.Kind.TEAM),
    ("BF-FAM-UNG", "Ungeteamet", "BF-FAM", Unit.Kind.TEAM),
    ("BF-SUP", "Sundhedsplejen", "BF", Unit.Kind.DEPARTMENT),
    ("SD", "Skole- og dagtilbudsområdet", "EK", Unit.Kind.AREA),
    ("SD-NORD", "Nordskolen", "SD", Unit.Kind.DEPARTMENT),
    ("SD-NORD-IND", "Nordskolen, indskolingen", "SD-NORD", Unit.Kind.TEAM),
    ("SD-NORD-UDS", "Nordskolen, udskolingen", "SD-NORD", Unit.Kind.TEAM),
    ("SD-MAE", "Børnehuset Mælkebøtten", "SD", Unit.Kind.DEPARTMENT),
    ("SD-MAE-VUG", "Mælkebøtten, vuggestuen", "SD-MAE", Unit.Kind.TEAM),
    ("SD-MAE-BH", "Mælkebøtten, børnehaven", "SD-MAE", Unit.Kind.TEAM),
    ("ADM", "Administrationen", "EK", Unit.Kind.AREA),
    ("ADM-HR", "HR og Personale", "ADM", Unit.Kind.DEPARTMENT),
    ("ADM-OEK", "Økonomi og Analyse", "ADM", Unit.Kind.DEPARTMENT),
    ("ADM-BS", "Borgerservice", "ADM", Unit.Kind.DEPARTMENT),
]

# The five demo accounts (DESIGN §5): (email, name, [(unit, role), ...])
DEMO_ACCOUNTS = [
    ("leder@eksempel.dk", "Lene Holm", [("SO-SOL", Role.LEADER)]),
    ("medarbejder@eksempel.dk", "Mads Andersen", [("SO-SOL-A", Role.EMPLOYEE)]),
    ("tr@eksempel.dk", "Tina Rasmussen", [("SO-SOL-B", Role.EMPLOYEE), ("SO-SOL", Role.TR)]),
    ("amr@eksempel.dk", "Ali Mahmoud", [("SO-SOL-A", Role.EMPLOYEE), ("SO-SOL", Role.AMR)]),
    ("hr@eksempel.dk", "Hanne Riis", [("ADM-HR", Role.HR)]),
]

# Frontline staff without a work e-mail, known by their HR key: (external_id, name, unit). They sign in
# through SSO by that key, or with a one-time code from their leader.
WITHOUT_EMAIL = [("HR-40117", "Birgit Køkken", "SO-SOL-A")]

# Leaders of the other units: (unit, name)
LEADERS = [
    ("EK", "Karen Dahl"),
    ("SO", "Peter Lund"),
    ("SO-SOL-A", "Birgitte Kjær"),
    ("SO-SOL-B", "Jonas Friis"),
    ("SO-HPN", "Susanne Bech"),
    ("SO-HPN-DAG", "Rikke Holt"),
    ("SO-HPN-AFT", "Kasper Juhl"),
    ("SO-TR", "Marianne Skov"),
    ("SOC", "Henrik Vestergaard"),
    ("SOC-MYN", "Louise Krogh"),
    ("SOC-MYN-1", "Martin Ibsen"),
    ("SOC-ENG", "Camilla Thorsen"),
    ("BF", "Anne Brandt"),
    ("BF-FAM", "Thomas Lykke"),
    ("BF-FAM-SYD", "Sara Winther"),
    ("BF-FAM-UNG", "Mikkel Bruun"),
    ("BF-SUP", "Dorte Kirkegaard"),
    ("SD", "Jens Overgaard"),
    ("SD-NORD", "Pia Mortensen"),
    ("SD-NORD-IND", "Nanna Lindberg"),
    ("SD-NORD-UDS", "Rasmus Koch"),
    ("SD-MAE", "Mette Vinther"),
    ("SD-MAE-VUG", "Lise Damgaard"),
    ("SD-MAE-BH", "Ole Sørensen"),
    ("ADM", "Charlotte Schmidt"),
    ("ADM-HR", "Niels Bang"),
    ("ADM-OEK", "Eva Hjort"),
    ("ADM-BS", "Frederik Munk"),
]

FIRST_NAMES = [
    "Anna",
    "Emil",
    "Sofie",
    "Lukas",
    "Ida",
    "Oliver",
    "Freja",
    "William",
    "Clara",
    "Noah",
    "Laura",
    "Magnus",
    "Emma",
    "Victor",
    "Mathilde",
    "Frederik",
    "Julie",
    "Sebastian",
    "Maja",
    "Aske",
    "Fatima",
    "Yusuf",
    "Agnete",
    "Bo",
    "Hanne",
    "Jakob",
    "Katrine",
    "Lars",
    "Mona",
    "Per",
]
LAST_NAMES = [
    "Nielsen",
    "Jensen",
    "Hansen",
    "Pedersen",
    "Larsen",
    "Christensen",
    "Poulsen",
    "Johansen",
    "Knudsen",
    "Mortensen",
    "Møller",
    "Jakobsen",
    "Olsen",
    "Thomsen",
    "Christiansen",
    "Petersen",
    "Kristensen",
    "Madsen",
    "Andreasen",
    "Ahmed",
    "Østergaard",
    "Clausen",
    "Frandsen",
    "Holm",
]
EMPLOYEES_PER_TEAM = 6

# TR and AMR for workplaces other than Solhaven: (unit, role, name)
REPRESENTATIVES = [
    ("SO-HPN", Role.TR, "Gitte Frost"),
    ("SO-HPN", Role.AMR, "Erik Nørgaard"),
    ("SOC-MYN", Role.TR, "Helle Storm"),
    ("SOC-ENG", Role.AMR, "Jeppe Laursen"),
    ("BF-FAM", Role.TR, "Signe Høj"),
    ("SD-NORD", Role.TR, "Kim Bjerre"),
    ("SD-NORD", Role.AMR, "Line Bisgaard"),
    ("SD-MAE", Role.TR, "Tove Kjeldsen"),
    ("ADM", Role.TR, "Morten Ravn"),
]


@dataclass
class DemoOrganisation:
    units: dict[str, Unit] = field(default_factory=dict)
    people: dict[str, User] = field(default_factory=dict)
    committees: dict[str, Committee] = field(default_factory=dict)
    # Lines a later app wants `manage.py demo` to print (e.g. a meeting code to try on a phone).
    notes: list[str] = field(default_factory=list)


def slug_email(name: str) -> str:
    table = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", " ": "."})
    return f"{name.lower().translate(table)}@eksempel.dk"


def person(org: DemoOrganisation, email: str, name: str, password: str | None = None) -> User:
    user, created = User.objects.get_or_create(email=email, defaults={"name": name})
    if created or user.name != name or not user.is_active:
        user.name, user.is_active = name, True
        if created:
            user.set_password(password) if password else user.set_unusable_password()
        user.save()
    if password and not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    org.people[email] = user
    return user


def role(org: DemoOrganisation, user: User, unit: str, role: str) -> None:
    Membership.objects.get_or_create(user=user, unit=org.units[unit], role=role)


# The demo municipality's own description of aktørskab, from the seed's "Det, der giver mening".
AGENCY_DESCRIPTION = (
    "Aktørskab er, når vi tager ansvar og handler med faglighed og initiativ ud fra kerneopgaven – inden "
    "for tydelige rammer. Det er trygt at prøve nyt, og det er ok at fejle. Aktørskab ser forskelligt ud "
    "fra arbejdsplads til arbejdsplads, og vi anerkender det, når det sker: »Det dér, det er godt "
    "aktørskab!«"
)


def build() -> DemoOrganisation:
    org = DemoOrganisation()
    site_settings = SiteSettings.current()
    site_settings.organisation_name = "Eksempel Kommune"
    site_settings.agency_word = site_settings.agency_word or "aktørskab"
    site_settings.accessibility_contact = "tilgaengelighed@eksempel.dk"
    site_settings.agency_description = site_settings.agency_description or AGENCY_DESCRIPTION
    site_settings.save()

    for external_id, name, parent, kind in UNITS:
        unit = Unit.objects.filter(external_id=external_id).first() or Unit(external_id=external_id)
        unit.name, unit.kind = name, kind
        unit.parent = org.units[parent] if parent else None
        unit.save()
        org.units[external_id] = unit

    for email, name, roles in DEMO_ACCOUNTS:
        user = person(org, email, name, DEMO_PASSWORD)
        for where, r in roles:
            role(org, user, where, r)
    for where, name in LEADERS:
        role(org, person(org, slug_email(name), name), where, Role.LEADER)
    for key, name, where in WITHOUT_EMAIL:
        kitchen = User.objects.filter(external_id=key).first() or User.objects.create_user(
            None, name=name, external_id=key
        )
        role(org, kitchen, where, Role.EMPLOYEE)
    for where, r, name in REPRESENTATIVES:
        user = person(org, slug_email(name), name)
        role(org, user, where, r)
        role(org, user, where, Role.EMPLOYEE)

    teams = [ext for ext, _n, _p, kind in UNITS if kind == Unit.Kind.TEAM]
    teams += ["SO-TR", "SOC-ENG", "BF-SUP", "ADM-HR", "ADM-OEK", "ADM-BS"]
    n = 0
    for team in teams:
        for _ in range(EMPLOYEES_PER_TEAM):
            name = f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {LAST_NAMES[(n * 7) % len(LAST_NAMES)]}"
            email = slug_email(name).replace("@", f"{n}@")
            role(org, person(org, email, name), team, Role.EMPLOYEE)
            n += 1

    build_committees(org)
    return org


def committee(org: DemoOrganisation, key: str, name: str, kind: str, unit: str, members) -> None:
    c, _ = Committee.objects.update_or_create(name=name, defaults={"kind": kind, "unit": org.units[unit]})
    org.committees[key] = c
    for email, side, position in members:
        CommitteeMember.objects.update_or_create(
            committee=c, user=org.people[email], defaults={"side": side, "position": position}
        )


MGMT, STAFF = CommitteeMember.Side.MANAGEMENT, CommitteeMember.Side.EMPLOYEES
CHAIR, VICE, MEMBER, SECRETARY = (
    CommitteeMember.Position.CHAIR,
    CommitteeMember.Position.VICE_CHAIR,
    CommitteeMember.Position.MEMBER,
    CommitteeMember.Position.SECRETARY,
)
# (key, name, kind, unit, [(a name or an e-mail, side, position)])
HU = (
    "HU",
    "Hovedudvalget (HU)",
    Committee.Kind.HU,
    "EK",
    [
        ("Karen Dahl", MGMT, CHAIR),
        ("Morten Ravn", STAFF, VICE),
        ("Peter Lund", MGMT, MEMBER),
        ("Anne Brandt", MGMT, MEMBER),
        ("Gitte Frost", STAFF, MEMBER),
        ("Kim Bjerre", STAFF, MEMBER),
        ("hr@eksempel.dk", MGMT, SECRETARY),
    ],
)
# Each area's OMU: (chair, vice-chair, other leaders, other employees' representatives).
OMU = {
    "SO": ("Peter Lund", "Gitte Frost", ["leder@eksempel.dk"], ["tr@eksempel.dk", "Erik Nørgaard"]),
    "SOC": ("Henrik Vestergaard", "Helle Storm", ["Louise Krogh"], ["Jeppe Laursen"]),
    "BF": ("Anne Brandt", "Signe Høj", ["Thomas Lykke"], []),
    "SD": ("Jens Overgaard", "Kim Bjerre", ["Pia Mortensen"], ["Tove Kjeldsen", "Line Bisgaard"]),
    "ADM": ("Charlotte Schmidt", "Morten Ravn", ["Niels Bang"], []),
}
LMU = [
    (
        "LMU-SO-SOL",
        "LMU Plejecenter Solhaven",
        Committee.Kind.LMU,
        "SO-SOL",
        [
            ("leder@eksempel.dk", MGMT, CHAIR),
            ("tr@eksempel.dk", STAFF, VICE),
            ("amr@eksempel.dk", STAFF, MEMBER),
            ("Birgitte Kjær", MGMT, MEMBER),
        ],
    ),
    (
        "LMU-SD-NORD",
        "LMU Nordskolen",
        Committee.Kind.LMU,
        "SD-NORD",
        [("Pia Mortensen", MGMT, CHAIR), ("Kim Bjerre", STAFF, VICE), ("Line Bisgaard", STAFF, MEMBER)],
    ),
    (
        "LMU-BF-FAM",
        "LMU Familieafdelingen",
        Committee.Kind.LMU,
        "BF-FAM",
        [("Thomas Lykke", MGMT, CHAIR), ("Signe Høj", STAFF, VICE)],
    ),
]


def build_committees(org: DemoOrganisation) -> None:
    def email(who: str) -> str:
        return who if "@" in who else slug_email(who)

    omus = []
    for area, (chair, vice, leaders, staff) in OMU.items():
        members = [(chair, MGMT, CHAIR), (vice, STAFF, VICE)]
        members += [(x, MGMT, MEMBER) for x in leaders] + [(x, STAFF, MEMBER) for x in staff]
        omus.append((f"OMU-{area}", f"OMU {org.units[area].name}", Committee.Kind.OMU, area, members))
    for key, name, kind, unit, members in [HU, *omus, *LMU]:
        committee(org, key, name, kind, unit, [(email(who), side, pos) for who, side, pos in members])


def build_all() -> DemoOrganisation:
    """The whole demo: the organisation, then every later app's `demo.build(org)` in INSTALLED_APPS order."""
    from importlib import import_module

    from django.apps import apps

    org = build()
    for config in apps.get_app_configs():
        if config.name.startswith("handlekraft.") and config.name != "handlekraft.organisation":
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError:
                continue
            module.build(org)
    return org
