"""`sync_os2mo`: units, people and roles from OS2mo, the municipalities' organisation system.

OS2mo serves a GraphQL API (version GRAPHQL_VERSION, pinned: `{OS2MO_URL}/graphql/v25`) behind Keycloak;
we sign in with client credentials and read, page by page (`limit`/`cursor`, `page_info.next_cursor`):
- `org_units`: the tree as it stands today (uuid, name, parent); the kind follows the depth (the root is
  the municipality, then areas, departments and teams below);
- `employees`: name and work e-mail (an address whose type has scope EMAIL; many have none);
- `engagements` (→ medarbejder), `managers` (→ leder) and `associations` whose type's user_key is one
  of OS2MO_TR_ASSOCIATION_TYPES (→ tr) or OS2MO_AMR_ASSOCIATION_TYPES (→ amr), each validity from today
  on, with its dates: a role that begins later waits, one that has ended is gone.

Everything is checked first and applied all-or-nothing by the CSV import's own code (importing.py), with
the same report: people are keyed by their OS2mo uuid (`external_id`), and the people with a key whom
OS2mo no longer has have left. A second run with nothing changed in OS2mo changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import requests
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from handlekraft.lib.csv_files import ImportFailed

from .importing import (
    ImportResult,
    Missing,
    PersonRow,
    UnitRow,
    apply_rows,
    email_problems,
    name_problems,
)
from .models import Role, Unit

GRAPHQL_VERSION = 25
PAGE_SIZE = 100
TIMEOUT = 30  # seconds for each request to OS2mo or Keycloak
KIND_BY_DEPTH = [Unit.Kind.MUNICIPALITY, Unit.Kind.AREA, Unit.Kind.DEPARTMENT]  # deeper: team

ORG_UNITS = """
query OrgUnits($cursor: Cursor, $limit: int) {
  org_units(limit: $limit, cursor: $cursor) {
    objects { current { uuid name parent_uuid } }
    page_info { next_cursor }
  }
}"""
EMPLOYEES = """
query Employees($cursor: Cursor, $limit: int) {
  employees(limit: $limit, cursor: $cursor) {
    objects { current { uuid name addresses { value address_type { scope } } } }
    page_info { next_cursor }
  }
}"""
VALIDITY = "validity { from to }"
ENGAGEMENTS = f"""
query Engagements($cursor: Cursor, $limit: int, $from: DateTime) {{
  engagements(limit: $limit, cursor: $cursor, filter: {{from_date: $from, to_date: null}}) {{
    objects {{ validities {{ employee_uuid org_unit_uuid {VALIDITY} }} }}
    page_info {{ next_cursor }}
  }}
}}"""
MANAGERS = f"""
query Managers($cursor: Cursor, $limit: int, $from: DateTime) {{
  managers(limit: $limit, cursor: $cursor, filter: {{from_date: $from, to_date: null}}) {{
    objects {{ validities {{ employee_uuid org_unit_uuid {VALIDITY} }} }}
    page_info {{ next_cursor }}
  }}
}}"""
ASSOCIATIONS = f"""
query Associations($cursor: Cursor, $limit: int, $from: DateTime) {{
  associations(limit: $limit, cursor: $cursor, filter: {{from_date: $from, to_date: null}}) {{
    objects {{ validities {{ employee_uuid org_unit_uuid association_type {{ user_key }} {VALIDITY} }} }}
    page_info {{ next_cursor }}
  }}
}}"""


class OS2moUnavailable(Exception):
    """OS2mo or its login could not be reached or answered with an error; nothing was written."""


@dataclass
class Config:
    url: str
    token_url: str
    client_id: str
    client_secret: str
    tr_types: frozenset[str]
    amr_types: frozenset[str]

    @classmethod
    def from_settings(cls) -> Config:
        def types(value: str) -> frozenset[str]:
            return frozenset(t.strip() for t in value.split(",") if t.strip())

        return cls(
            url=settings.OS2MO_URL.rstrip("/"),
            token_url=settings.OS2MO_TOKEN_URL,
            client_id=settings.OS2MO_CLIENT_ID,
            client_secret=settings.OS2MO_CLIENT_SECRET,
            tr_types=types(settings.OS2MO_TR_ASSOCIATION_TYPES),
            amr_types=types(settings.OS2MO_AMR_ASSOCIATION_TYPES),
        )


class Client:
    """GraphQL over HTTP with a Keycloak client-credentials token."""

    def __init__(self, config: Config):
        self.config = config
        self.session = requests.Session()
        self.token = ""

    def login(self) -> None:
        try:
            response = self.session.post(
                self.config.token_url,
                data={
                    "grant_type": "client_credentials",
                    "client_id": self.config.client_id,
                    "client_secret": self.config.client_secret,
                },
                timeout=TIMEOUT,
            )
            response.raise_for_status()
            self.token = response.json()["access_token"]
        except (requests.RequestException, ValueError, KeyError) as exc:
            raise OS2moUnavailable(
                _("Kunne ikke logge ind hos OS2mo (%(reason)s).") % {"reason": exc}
            ) from exc

    def query(self, query: str, variables: dict) -> dict:
        if not self.token:
            self.login()
        try:
            response = self.session.post(
                f"{self.config.url}/graphql/v{GRAPHQL_VERSION}",
                json={"query": query, "variables": variables},
                headers={"Authorization": f"Bearer {self.token}"},
                timeout=TIMEOUT,
            )
            response.raise_for_status()
            body = response.json()
        except (requests.RequestException, ValueError) as exc:
            raise OS2moUnavailable(_("OS2mo svarede ikke (%(reason)s).") % {"reason": exc}) from exc
        if body.get("errors"):
            message = "; ".join(e.get("message", "") for e in body["errors"])
            raise OS2moUnavailable(_("OS2mo afviste forespørgslen: %(reason)s") % {"reason": message})
        return body["data"]

    def pages(self, query: str, field: str, **variables) -> Iterator[dict]:
        """Every object of a paged field, page by page."""
        cursor = None
        while True:
            data = self.query(query, {**variables, "cursor": cursor, "limit": PAGE_SIZE})[field]
            yield from data["objects"]
            cursor = data["page_info"]["next_cursor"]
            if not cursor:
                return


def day(value: str | None) -> date | None:
    """OS2mo's validity bounds are ISO timestamps ("2027-01-01T00:00:00+01:00"); `to` is the last day."""
    return date.fromisoformat(value[:10]) if value else None


def unit_rows(client: Client, errors: list[str]) -> dict[str, UnitRow]:
    current = [o["current"] for o in client.pages(ORG_UNITS, "org_units") if o.get("current")]
    by_uuid = {u["uuid"]: u for u in current}

    def depth(uuid: str) -> int:
        seen, n = {uuid}, 0
        while (parent := by_uuid[uuid].get("parent_uuid")) in by_uuid and parent not in seen:
            seen.add(parent)
            uuid, n = parent, n + 1
        return n

    rows = {}
    for unit in current:
        if problems := name_problems(unit["name"] or ""):
            errors.append(
                _("OS2mo-enhed %(uuid)s: %(reason)s") % {"uuid": unit["uuid"], "reason": "; ".join(problems)}
            )
            continue
        level = depth(unit["uuid"])
        parent = unit.get("parent_uuid") if unit.get("parent_uuid") in by_uuid else ""
        kind = KIND_BY_DEPTH[level] if level < len(KIND_BY_DEPTH) else Unit.Kind.TEAM
        rows[unit["uuid"]] = UnitRow(0, unit["uuid"], unit["name"], parent or "", kind)
    return rows


def employees(client: Client, errors: list[str]) -> dict[str, tuple[str, str]]:
    """uuid → (name, work e-mail or "")."""
    found = {}
    for employee in (o["current"] for o in client.pages(EMPLOYEES, "employees") if o.get("current")):
        emails = [
            a["value"]
            for a in employee.get("addresses") or []
            if (a.get("address_type") or {}).get("scope") == "EMAIL"
        ]
        email = (emails[0] if emails else "").strip().lower()
        problems = name_problems(employee["name"] or "") + (email_problems(email) if email else [])
        if problems:
            errors.append(
                _("OS2mo-medarbejder %(uuid)s: %(reason)s")
                % {"uuid": employee["uuid"], "reason": "; ".join(problems)}
            )
            continue
        found[employee["uuid"]] = (employee["name"], email)
    return found


def roles(
    client: Client, config: Config, today: date
) -> dict[tuple[str, str, str], list[tuple[date | None, date | None]]]:
    """(employee, unit, role) → the validities of that role from today on."""
    since = today.isoformat()
    found: dict[tuple[str, str, str], list[tuple[date | None, date | None]]] = defaultdict(list)

    def add(validity: dict, role: str) -> None:
        if validity.get("employee_uuid") and validity.get(
            "org_unit_uuid"
        ):  # a vacant manager post has no one
            span = validity["validity"]
            found[(validity["employee_uuid"], validity["org_unit_uuid"], role)].append(
                (day(span["from"]), day(span["to"]))
            )

    for o in client.pages(ENGAGEMENTS, "engagements", **{"from": since}):
        for validity in o["validities"]:
            add(validity, Role.EMPLOYEE)
    for o in client.pages(MANAGERS, "managers", **{"from": since}):
        for validity in o["validities"]:
            add(validity, Role.LEADER)
    for o in client.pages(ASSOCIATIONS, "associations", **{"from": since}):
        for validity in o["validities"]:
            kind = (validity.get("association_type") or {}).get("user_key", "")
            if kind in config.tr_types:
                add(validity, Role.TR)
            elif kind in config.amr_types:
                add(validity, Role.AMR)
    return found


def span_of(
    validities: list[tuple[date | None, date | None]], today: date
) -> tuple[date | None, date | None]:
    """One role's dates from its validities: the one in force today, else the first that begins later."""
    in_force = [v for v in validities if (v[0] is None or v[0] <= today) and (v[1] is None or v[1] >= today)]
    if in_force:
        return min(in_force, key=lambda v: v[0] or date.min)
    return min(validities, key=lambda v: v[0] or date.min)


def sync(config: Config | None = None, today: date | None = None) -> ImportResult:
    """Reads OS2mo and applies it all-or-nothing; raises OS2moUnavailable or ImportFailed and writes
    nothing when either fails."""
    config = config or Config.from_settings()
    today = today or timezone.localdate()
    client = Client(config)
    errors: list[str] = []
    units = unit_rows(client, errors)
    people = employees(client, errors)
    rows = []
    for (employee, unit, role), validities in sorted(roles(client, config, today).items()):
        if employee not in people or unit not in units:
            continue  # someone whose record failed above, or a unit outside the tree
        name, email = people[employee]
        starts_on, ends_on = span_of(validities, today)
        rows.append(PersonRow(0, email, name, unit, role, employee, starts_on, ends_on))
    if errors:
        raise ImportFailed(errors)
    existing = {u.external_id: u for u in Unit.objects.select_related("parent")}
    return apply_rows(units, existing, rows, Missing.KEYED, lambda done, total, message: None)
