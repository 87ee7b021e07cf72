"""`import_org`: units and people from the HR system's CSV files (DESIGN §5, Files).

All rows or none: every row is checked first and every bad row reported as `linje N: reason`;
only a file without errors is written, in one transaction. Units are upserted by `external_id`,
people by their `external_id` when the file has one, else by e-mail. A role's `start_date` and
`end_date` decide whether it is in force now, begins later (PlannedRole, made a role on its start date
by `apply_org_changes`) or has ended. Re-importing the same files changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from handlekraft.lib.cpr import find_cpr
from handlekraft.lib.csv_files import ImportFailed, decode, line_of, read_rows

from .models import PATH_SEPARATOR, Membership, PlannedRole, Role, Unit, User
from .signals import memberships_added

UNIT_COLUMNS = ["external_id", "name", "parent_external_id", "kind"]
PEOPLE_COLUMNS = ["email", "name", "unit_external_id", "role"]
PEOPLE_OPTIONAL = ("external_id", "start_date", "end_date")  # after the four, in this order (DESIGN §5)
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
    memberships_changed: int = 0  # new dates
    roles_planned: int = 0  # roles that begin on a later date
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
                self.memberships_changed,
                self.roles_planned,
            )
        )

    def summary(self) -> str:
        return _(
            "Enheder: %(uc)d oprettet, %(uu)d ændret. Personer: %(pc)d oprettet, %(pu)d ændret, "
            "%(pd)d deaktiveret. Roller: %(ma)d tilføjet, %(mr)d fjernet, %(mc)d med nye datoer, "
            "%(rp)d kommende."
        ) % {
            "uc": self.units_created,
            "uu": self.units_updated,
            "pc": self.people_created,
            "pu": self.people_updated,
            "pd": self.people_deactivated,
            "ma": self.memberships_added,
            "mr": self.memberships_removed,
            "mc": self.memberships_changed,
            "rp": self.roles_planned,
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
    external_id: str = ""
    starts_on: date | None = None
    ends_on: date | None = None

    @property
    def key(self) -> str:
        return person_key(self.external_id, self.email)


def person_key(external_id: str, email: str) -> str:
    """Who a row (or a person) is: the HR/OS2mo key when there is one, else the e-mail."""
    return f"id:{external_id}" if external_id else f"email:{email}"


def name_problems(name: str) -> list[str]:
    """What is wrong with a unit's or a person's name, from a file or from OS2mo."""
    if not name:
        return [_("navn mangler")]
    if len(name) > 200:
        return [_("navnet er længere end 200 tegn")]
    if find_cpr(name):
        return [_("navnet ser ud til at indeholde et CPR-nummer")]
    return []


def email_problems(email: str) -> list[str]:
    try:
        validate_email(email)
    except ValidationError:
        return [_("ugyldig e-mailadresse %(email)s") % {"email": repr(email)}]
    return []


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
        problems += name_problems(unit.name)
        if unit.kind not in kinds:
            problems.append(
                _("ukendt type %(kind)s (brug %(kinds)s)")
                % {"kind": repr(unit.kind), "kinds": ", ".join(kinds)}
            )
        if unit.parent and unit.parent == unit.external_id:
            problems.append(_("en enhed kan ikke være sin egen overordnede enhed"))
        if problems:
            errors.append(_("linje %(n)d: %(reason)s") % {"n": line, "reason": "; ".join(problems)})
        elif unit.external_id not in rows:
            rows[unit.external_id] = unit
    return rows


def parse_date(value: str, column: str, problems: list[str]) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.append(
            _("%(column)s %(value)s er ikke en dato som 2027-01-31")
            % {"column": column, "value": repr(value)}
        )
        return None


def parse_people(text: str, errors: list[str]) -> list[PersonRow]:
    roles = Role.values
    people: list[PersonRow] = []
    seen: dict[tuple[str, str, str], int] = {}
    emails: dict[str, tuple[str, int]] = {}  # e-mail → the person (row key) and line that first gave it
    for line, row in read_rows(text, PEOPLE_COLUMNS, errors, "PEOPLE.csv", optional=PEOPLE_OPTIONAL):
        problems: list[str] = []
        person = PersonRow(
            line,
            row["email"].lower(),
            row["name"],
            row["unit_external_id"],
            row["role"].lower(),
            external_id=row["external_id"],
            starts_on=parse_date(row["start_date"], "start_date", problems),
            ends_on=parse_date(row["end_date"], "end_date", problems),
        )
        if person.email or not person.external_id:
            problems += email_problems(person.email)
        if len(person.external_id) > 100:
            problems.append(_("external_id er længere end 100 tegn"))
        if person.starts_on and person.ends_on and person.ends_on < person.starts_on:
            problems.append(_("end_date ligger før start_date"))
        problems += name_problems(person.name)
        if not person.unit:
            problems.append(_("unit_external_id mangler"))
        if person.role not in roles:
            problems.append(
                _("ukendt rolle %(role)s (brug %(roles)s)")
                % {"role": repr(row["role"]), "roles": ", ".join(roles)}
            )
        other = emails.setdefault(person.email, (person.key, line)) if person.email else (person.key, line)
        if not problems and other[0] != person.key:
            problems.append(
                _("e-mailadressen står også i linje %(other)d for en anden person") % {"other": other[1]}
            )
        key = (person.key, person.unit, person.role)
        if not problems and key in seen:
            problems.append(
                _("samme person, enhed og rolle står også i linje %(other)d") % {"other": seen[key]}
            )
        if problems:
            errors.append(_("linje %(n)d: %(reason)s") % {"n": line, "reason": "; ".join(problems)})
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
                _("linje %(n)d: den overordnede enhed %(parent)s findes hverken i filen eller i systemet")
                % {"n": unit.line, "parent": unit.parent}
            )
            continue
        seen, current = {unit.external_id}, unit.parent
        while current:
            if current in seen:
                errors.append(
                    _("linje %(n)d: enheden %(id)s ligger under sig selv (ring i træet)")
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
                    _("linje %(n)d: enheden %(unit)s findes hverken i UNITS.csv eller i systemet")
                    % {"n": person.line, "unit": person.unit}
                )
    if deactivate_missing and people_rows is None:
        errors.append(_("--deactivate-missing kræver en PEOPLE.csv"))
    if errors:
        raise ImportFailed(sorted(errors, key=line_of))
    missing = Missing.ALL if deactivate_missing else Missing.KEEP
    return apply_rows(unit_rows, existing_units, people_rows, missing, report)


class Missing:
    """What happens to the active people a file or sync does not name."""

    KEEP = "keep"  # nothing (a partial file)
    ALL = "all"  # they have left (--deactivate-missing)
    KEYED = "keyed"  # those with an external_id have left (a sync: the source no longer has them)


def apply_rows(
    unit_rows: dict[str, UnitRow],
    existing_units: dict[str, Unit],
    people_rows: list[PersonRow] | None,
    missing: str,
    report: Progress,
) -> ImportResult:
    """Writes checked rows in one transaction: the CSV import's and the OS2mo sync's common end."""
    result = ImportResult()
    total = len(unit_rows) + len(people_rows or [])
    with transaction.atomic():
        write_units(unit_rows, existing_units, result)
        report(len(unit_rows), total, _("Enhederne er gemt"))
        if people_rows is not None:
            write_people(people_rows, result, missing, lambda n: report(len(unit_rows) + n, total, ""))
    return result


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
    rows: list[PersonRow],
    result: ImportResult,
    missing: str,
    report: Callable[[int], None],
    today: date | None = None,
) -> None:
    """The file is the truth for the people it names: each row's role is in force now, begins later
    (a PlannedRole) or has ended, by its dates; a person whose every role has ended has left."""
    today = today or timezone.localdate()
    units = dict(Unit.objects.values_list("external_id", "pk"))
    people: dict[str, PersonRow] = {}
    now: dict[str, dict[tuple[int, str], tuple[date | None, date | None]]] = {}
    later: dict[str, dict[tuple[int, str], tuple[date, date | None]]] = {}
    ended: dict[str, date] = {}
    for row in rows:
        people[row.key] = row  # the last row names the person
        pair = (units[row.unit], row.role)
        now.setdefault(row.key, {})
        later.setdefault(row.key, {})
        if row.starts_on and row.starts_on > today:
            later[row.key][pair] = (row.starts_on, row.ends_on)
        elif row.ends_on is None or row.ends_on >= today:
            now[row.key][pair] = (row.starts_on, row.ends_on)
        elif row.ends_on:
            ended[row.key] = max(ended.get(row.key, row.ends_on), row.ends_on)
    announce = Membership.objects.exists()  # the first import brings the leaders the municipality has
    left = {key: ended[key] for key in people if not now[key] and not later[key]}
    users = _write_users(people, left, result, report)
    _write_memberships({users[k].pk: now[k] for k in people}, result, announce)
    _write_planned({users[k].pk: later[k] for k in people}, result)
    report(len(rows))
    if missing != Missing.KEEP:
        _deactivate_people_not_in(
            {u.pk for u in users.values()}, result, today, keyed_only=missing == Missing.KEYED
        )


PERSON_FIELDS = ("id", "email", "external_id", "name", "is_active", "left_on")


def _known_people(people: dict[str, PersonRow]) -> dict[str, User]:
    """The people of the file who are here already, found by external_id, else by e-mail; raises
    ImportFailed when a row's e-mail belongs to someone else."""
    known = list(User.objects.only(*PERSON_FIELDS))
    by_id = {u.external_id: u for u in known if u.external_id}
    by_email = {u.email: u for u in known if u.email}
    found: dict[str, User] = {}
    conflicts = []
    for key, row in people.items():
        user = by_id.get(row.external_id) if row.external_id else None
        holder = by_email.get(row.email) if row.email else None
        if user is None and holder is not None and not (row.external_id and holder.external_id):
            user = holder  # found by e-mail (and given its key now, if the row has one)
        elif holder is not None and (user is None or holder.pk != user.pk):
            conflicts.append(
                _("linje %(n)d: e-mailadressen %(email)s tilhører en anden person")
                % {"n": row.line, "email": row.email}
            )
        if user is not None:
            found[key] = user
    if conflicts:
        raise ImportFailed(conflicts)
    return found


def _write_users(
    people: dict[str, PersonRow], left: dict[str, date], result: ImportResult, report: Callable[[int], None]
) -> dict[str, User]:
    """Creates the new people and updates the known ones (so an e-mail that changes keeps the person);
    closes the accounts of those who have left. Returns every person of the file by their row key."""
    found = _known_people(people)
    new = [
        User(
            email=row.email or None, external_id=row.external_id, name=row.name, password=make_password(None)
        )
        for key, row in people.items()
        if key not in found
    ]
    User.objects.bulk_create(new, batch_size=BATCH)
    result.people_created = len(new)
    if new:  # their ids (bulk_create does not return them on every database)
        created = User.objects.filter(
            Q(external_id__in=[u.external_id for u in new if u.external_id])
            | Q(email__in=[u.email for u in new if not u.external_id])
        ).only(*PERSON_FIELDS)
        by_key = {person_key(u.external_id, u.email or ""): u for u in created}
        found.update({key: by_key[key] for key in people if key not in found})
    report(len(new))
    updated: dict[int, User] = {}  # by id: 45,000 people must not mean a list searched per person
    closed: dict[int, User] = {}
    for key, row in people.items():
        user = found[key]
        wanted = (row.name, row.email or user.email, row.external_id or user.external_id)
        if key in left:
            if user.is_active or user.left_on is None:
                user.is_active, user.left_on = False, left[key]
                closed[user.pk] = user
        elif not user.is_active:  # back after leaving or being deactivated
            user.is_active, user.left_on = True, None
            updated[user.pk] = user
        if (user.name, user.email, user.external_id) != wanted:
            user.name, user.email, user.external_id = wanted
            updated[user.pk] = user
    result.people_updated = len(updated)
    result.people_deactivated += len(closed)
    User.objects.bulk_update(
        list({**updated, **closed}.values()),
        ["name", "email", "external_id", "is_active", "left_on"],
        batch_size=BATCH,
    )
    return found


def _write_memberships(
    wanted: dict[int, dict[tuple[int, str], tuple[date | None, date | None]]],
    result: ImportResult,
    announce: bool,
) -> None:
    """The people's (unit, role) pairs in force become exactly these, with their dates. New roles are
    announced (memberships_added: a new leader starts onboarding) unless this is the first import."""
    current: dict[int, dict[tuple[int, str], Membership]] = {}
    for held in Membership.objects.only("pk", "user_id", "unit_id", "role", "starts_on", "ends_on"):
        if held.user_id in wanted:
            current.setdefault(held.user_id, {})[(held.unit_id, held.role)] = held
    to_add: list[Membership] = []
    to_change: list[Membership] = []
    to_remove: list[int] = []
    for user_id, roles in wanted.items():
        have = current.get(user_id, {})
        for (unit_id, role), (starts_on, ends_on) in roles.items():
            if (membership := have.get((unit_id, role))) is None:
                to_add.append(
                    Membership(
                        user_id=user_id, unit_id=unit_id, role=role, starts_on=starts_on, ends_on=ends_on
                    )
                )
            elif (membership.starts_on, membership.ends_on) != (starts_on, ends_on):
                membership.starts_on, membership.ends_on = starts_on, ends_on
                to_change.append(membership)
        to_remove.extend(m.pk for pair, m in have.items() if pair not in roles)
    Membership.objects.bulk_create(to_add, batch_size=BATCH)
    Membership.objects.bulk_update(to_change, ["starts_on", "ends_on"], batch_size=BATCH)
    if announce:
        memberships_added.send(sender=Membership, memberships=to_add)
    for start in range(0, len(to_remove), BATCH):
        Membership.objects.filter(pk__in=to_remove[start : start + BATCH]).delete()
    result.memberships_added, result.memberships_removed = len(to_add), len(to_remove)
    result.memberships_changed = len(to_change)


def _write_planned(
    planned: dict[int, dict[tuple[int, str], tuple[date, date | None]]], result: ImportResult
) -> None:
    """The people's roles that begin later become exactly these."""
    current = {
        (p.user_id, p.unit_id, p.role): p
        for p in PlannedRole.objects.filter(user_id__in=list(planned)).only(
            "pk", "user_id", "unit_id", "role", "starts_on", "ends_on"
        )
    }
    wanted = {(user_id, u, r): dates for user_id, roles in planned.items() for (u, r), dates in roles.items()}
    stale = [
        p.pk for key, p in current.items() if key not in wanted or (p.starts_on, p.ends_on) != wanted[key]
    ]
    PlannedRole.objects.filter(pk__in=stale).delete()
    fresh = [
        PlannedRole(user_id=user_id, unit_id=u, role=r, starts_on=starts_on, ends_on=ends_on)
        for (user_id, u, r), (starts_on, ends_on) in wanted.items()
        if (user_id, u, r) not in current or current[(user_id, u, r)].pk in stale
    ]
    PlannedRole.objects.bulk_create(fresh, batch_size=BATCH)
    result.roles_planned = len(fresh)


def _deactivate_people_not_in(keep: set[int], result: ImportResult, today: date, keyed_only: bool) -> None:
    """Everyone HR (or OS2mo: those with its key) no longer has has left today: closed at once (never
    deleted; erased later)."""
    people = User.objects.filter(is_active=True, is_superuser=False)
    if keyed_only:
        people = people.exclude(external_id="")
    missing = [pk for pk in people.values_list("pk", flat=True) if pk not in keep]
    for start in range(0, len(missing), BATCH):
        User.objects.filter(pk__in=missing[start : start + BATCH]).update(is_active=False, left_on=today)
    result.people_deactivated += len(missing)
