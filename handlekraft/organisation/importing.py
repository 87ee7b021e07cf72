"""`import_org`: units and people from the HR system's CSV files (DESIGN §5, Files).

All rows or none: every row is checked first and every bad row reported as `line N: reason`;
only a file without errors is written, in one transaction. Units are upserted by `external_id`,
people by e-mail. Re-importing the same files changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from handlekraft.lib.cpr import find_cpr
from handlekraft.lib.csv_files import ImportFailed, decode, read_rows

from .models import PATH_SEPARATOR, Membership, Role, Unit, User
from .signals import memberships_added

UNIT_COLUMNS = ["external_id", "name", "parent_external_id", "kind"]
PEOPLE_COLUMNS = ["email", "name", "unit_external_id", "role"]
BATCH = 2000

Progress = Callable[[int, int, str], None]


@dataclass
class ImportResult:
    units_created: int = 0
    units_updated: int = 0
    people_created: int = 0
    people_updated: int = 0
    people_deactivated: int = 0
    memberships_added: int = 0
    memberships_removed: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(
            (
                self.units_created,
                self.units_updated,
                self.people_created,
                self.people_updated,
                self.people_deactivated,
                self.memberships_added,
                self.memberships_removed,
            )
        )

    def summary(self) -> str:
        return _(
            "Enheder: %(uc)d oprettet, %(uu)d ændret. Personer: %(pc)d oprettet, %(pu)d ændret, "
            "%(pd)d deaktiveret. Roller: %(ma)d tilføjet, %(mr)d fjernet."
        ) % {
            "uc": self.units_created,
            "uu": self.units_updated,
            "pc": self.people_created,
            "pu": self.people_updated,
            "pd": self.people_deactivated,
            "ma": self.memberships_added,
            "mr": self.memberships_removed,
        }


@dataclass
class UnitRow:
    line: int
    external_id: str
    name: str
    parent: str
    kind: str


@dataclass
class PersonRow:
    line: int
    email: str
    name: str
    unit: str
    role: str


def parse_units(text: str, errors: list[str]) -> dict[str, UnitRow]:
    kinds = Unit.Kind.values
    rows: dict[str, UnitRow] = {}
    for line, row in read_rows(text, UNIT_COLUMNS, errors, "UNITS.csv"):
        unit = UnitRow(line, row["external_id"], row["name"], row["parent_external_id"], row["kind"])
        problems = []
        if not unit.external_id:
            problems.append(_("external_id mangler"))
        elif unit.external_id in rows:
            problems.append(
                _("external_id %(id)s står også i linje %(other)d")
                % {"id": unit.external_id, "other": rows[unit.external_id].line}
            )
        elif len(unit.external_id) > 100:
            problems.append(_("external_id er længere end 100 tegn"))
        if not unit.name:
            problems.append(_("navn mangler"))
        elif len(unit.name) > 200:
            problems.append(_("navnet er længere end 200 tegn"))
        elif find_cpr(unit.name):
            problems.append(_("navnet ser ud til at indeholde et CPR-nummer"))
        if unit.kind not in kinds:
            problems.append(
                _("ukendt type %(kind)s (brug %(kinds)s)")
                % {"kind": repr(unit.kind), "kinds": ", ".join(kinds)}
            )
        if unit.parent and unit.parent == unit.external_id:
            problems.append(_("en enhed kan ikke være sin egen overordnede enhed"))
        if problems:
            errors.append(_("line %(n)d: %(reason)s") % {"n": line, "reason": "; ".join(problems)})
        elif unit.external_id not in rows:
            rows[unit.external_id] = unit
    return rows


def parse_people(text: str, errors: list[str]) -> list[PersonRow]:
    roles = Role.values
    people: list[PersonRow] = []
    seen: dict[tuple[str, str, str], int] = {}
    for line, row in read_rows(text, PEOPLE_COLUMNS, errors, "PEOPLE.csv"):
        person = PersonRow(
            line, row["email"].lower(), row["name"], row["unit_external_id"], row["role"].lower()
        )
        problems = []
        try:
            validate_email(person.email)
        except ValidationError:
            problems.append(_("ugyldig e-mailadresse %(email)s") % {"email": repr(person.email)})
        if not person.name:
            problems.append(_("navn mangler"))
        elif len(person.name) > 200:
            problems.append(_("navnet er længere end 200 tegn"))
        elif find_cpr(person.name):
            problems.append(_("navnet ser ud til at indeholde et CPR-nummer"))
        if not person.unit:
            problems.append(_("unit_external_id mangler"))
        if person.role not in roles:
            problems.append(
                _("ukendt rolle %(role)s (brug %(roles)s)")
                % {"role": repr(row["role"]), "roles": ", ".join(roles)}
            )
        key = (person.email, person.unit, person.role)
        if not problems and key in seen:
            problems.append(
                _("samme person, enhed og rolle står også i linje %(other)d") % {"other": seen[key]}
            )
        if problems:
            errors.append(_("line %(n)d: %(reason)s") % {"n": line, "reason": "; ".join(problems)})
        else:
            seen[key] = line
            people.append(person)
    return people


def check_tree(rows: dict[str, UnitRow], existing: dict[str, Unit], errors: list[str]) -> None:
    """Every parent must exist (in the file or the database) and no unit may lie below itself."""
    existing_parent = {u.external_id: u.parent.external_id if u.parent else "" for u in existing.values()}

    def parent_of(ext: str) -> str:
        return rows[ext].parent if ext in rows else existing_parent.get(ext, "")

    for unit in rows.values():
        if unit.parent and unit.parent not in rows and unit.parent not in existing:
            errors.append(
                _("line %(n)d: den overordnede enhed %(parent)s findes hverken i filen eller i systemet")
                % {"n": unit.line, "parent": unit.parent}
            )
            continue
        seen, current = {unit.external_id}, unit.parent
        while current:
            if current in seen:
                errors.append(
                    _("line %(n)d: enheden %(id)s ligger under sig selv (ring i træet)")
                    % {"n": unit.line, "id": unit.external_id}
                )
                break
            seen.add(current)
            current = parent_of(current)


def import_org(
    units_data: bytes | str,
    people_data: bytes | str | None = None,
    *,
    deactivate_missing: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Imports the files, or raises ImportFailed with every error and writes nothing."""
    report = progress or (lambda done, total, message: None)
    errors: list[str] = []
    unit_rows = parse_units(decode(units_data, "UNITS.csv"), errors)
    people_rows = parse_people(decode(people_data, "PEOPLE.csv"), errors) if people_data is not None else None
    existing_units = {u.external_id: u for u in Unit.objects.select_related("parent")}
    check_tree(unit_rows, existing_units, errors)
    if people_rows is not None:
        known_units = set(unit_rows) | set(existing_units)
        for person in people_rows:
            if person.unit and person.unit not in known_units:
                errors.append(
                    _("line %(n)d: enheden %(unit)s findes hverken i UNITS.csv eller i systemet")
                    % {"n": person.line, "unit": person.unit}
                )
    if deactivate_missing and people_rows is None:
        errors.append(_("--deactivate-missing kræver en PEOPLE.csv"))
    if errors:
        raise ImportFailed(sorted(errors, key=_line_number))

    result = ImportResult()
    total = len(unit_rows) + len(people_rows or [])
    with transaction.atomic():
        write_units(unit_rows, existing_units, result)
        report(len(unit_rows), total, _("Enhederne er gemt"))
        if people_rows is not None:
            write_people(
                people_rows, result, deactivate_missing, lambda n: report(len(unit_rows) + n, total, "")
            )
    return result


def _line_number(error: str) -> int:
    head = error.split(":", 1)[0]
    return int(head.removeprefix("line ")) if head.removeprefix("line ").isdigit() else 0


def write_units(rows: dict[str, UnitRow], existing: dict[str, Unit], result: ImportResult) -> None:
    new = [
        Unit(external_id=r.external_id, name=r.name, kind=r.kind)
        for r in rows.values()
        if r.external_id not in existing
    ]
    Unit.objects.bulk_create(new, batch_size=BATCH)
    result.units_created = len(new)
    # Ids of the new units (bulk_create does not return them on every database).
    units = {u.external_id: u for u in Unit.objects.all()}
    by_id = {u.pk: u for u in units.values()}
    created = {u.external_id for u in new}
    before = {ext: (u.name, u.kind, u.parent_id, u.path, u.depth) for ext, u in units.items()}
    for ext, row in rows.items():
        unit = units[ext]
        unit.name, unit.kind = row.name, row.kind
        unit.parent_id = units[row.parent].pk if row.parent else None
    # Paths from the root down, for the whole tree: a moved unit moves its subtree too.
    paths: dict[int, str] = {}

    def path_of(unit: Unit) -> str:
        if unit.pk not in paths:
            prefix = path_of(by_id[unit.parent_id]) if unit.parent_id else PATH_SEPARATOR
            paths[unit.pk] = f"{prefix}{unit.pk}{PATH_SEPARATOR}"
        return paths[unit.pk]

    changed = []
    for ext, unit in units.items():
        unit.path = path_of(unit)
        unit.depth = Unit.path_depth(unit.path)
        if (unit.name, unit.kind, unit.parent_id, unit.path, unit.depth) != before[ext]:
            changed.append(unit)
            if ext not in created and ext in rows:
                result.units_updated += 1
    Unit.objects.bulk_update(changed, ["name", "kind", "parent", "path", "depth"], batch_size=BATCH)


def write_people(
    rows: list[PersonRow], result: ImportResult, deactivate_missing: bool, report: Callable[[int], None]
) -> None:
    units = dict(Unit.objects.values_list("external_id", "pk"))
    names: dict[str, str] = {}
    wanted: dict[str, set[tuple[int, str]]] = {}
    for row in rows:
        names[row.email] = row.name
        wanted.setdefault(row.email, set()).add((units[row.unit], row.role))
    users = _write_users(names, result, report)
    _write_memberships({users[email].pk: wanted[email] for email in names}, result)
    report(len(rows))
    if deactivate_missing:
        _deactivate_people_not_in(names, result)


def _write_users(names: dict[str, str], result: ImportResult, report: Callable[[int], None]) -> dict:
    """Creates the new people, renames or reactivates the known ones; every person of the file by e-mail."""
    users = {u.email: u for u in User.objects.only("id", "email", "name", "is_active")}
    new = [
        User(email=email, name=name, password=make_password(None))
        for email, name in names.items()
        if email not in users
    ]
    User.objects.bulk_create(new, batch_size=BATCH)
    result.people_created = len(new)
    if new:
        users = {u.email: u for u in User.objects.only("id", "email", "name", "is_active")}
    report(len(new))
    updated = []
    for email, name in names.items():
        user = users[email]
        if user.name != name or not user.is_active:  # renamed, or back after being deactivated
            user.name, user.is_active = name, True
            updated.append(user)
    result.people_updated = len(updated)
    User.objects.bulk_update(updated, ["name", "is_active"], batch_size=BATCH)
    return users


def _write_memberships(wanted: dict[int, set[tuple[int, str]]], result: ImportResult) -> None:
    """The file is the truth for the people it names: their (unit, role) pairs become exactly these."""
    current: dict[int, dict[tuple[int, str], int]] = {}
    for pk, user_id, unit_id, role in Membership.objects.values_list("pk", "user_id", "unit_id", "role"):
        if user_id in wanted:
            current.setdefault(user_id, {})[(unit_id, role)] = pk
    to_add: list[Membership] = []
    to_remove: list[int] = []
    for user_id, roles in wanted.items():
        have = current.get(user_id, {})
        to_add.extend(Membership(user_id=user_id, unit_id=u, role=r) for u, r in roles - set(have))
        to_remove.extend(pk for key, pk in have.items() if key not in roles)
    Membership.objects.bulk_create(to_add, batch_size=BATCH)
    if current:  # not the first import: the people who are new in a role are really new in it
        memberships_added.send(sender=Membership, memberships=to_add)
    for start in range(0, len(to_remove), BATCH):
        Membership.objects.filter(pk__in=to_remove[start : start + BATCH]).delete()
    result.memberships_added, result.memberships_removed = len(to_add), len(to_remove)


def _deactivate_people_not_in(names: dict[str, str], result: ImportResult) -> None:
    active = User.objects.filter(is_active=True, is_superuser=False).values_list("email", "pk")
    missing = [pk for email, pk in active if email not in names]
    for start in range(0, len(missing), BATCH):
        User.objects.filter(pk__in=missing[start : start + BATCH]).update(is_active=False)
    result.people_deactivated = len(missing)
