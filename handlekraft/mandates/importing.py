"""`import_mandates` and `export_mandates` (DESIGN §5, Files).

All rows or none, every bad row reported as `line N: reason`; a decision area is matched on its unit and
title, and re-importing the same file changes nothing (no new version either).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from handlekraft.lib.cpr import find_cpr
from handlekraft.lib.csv_files import ImportFailed, decode, read_rows
from handlekraft.lib.documents import csv_cell
from handlekraft.lib.text import normalise_title
from handlekraft.organisation.models import Unit

from .models import DecisionArea

COLUMNS = [
    "unit_external_id",
    "title",
    "description",
    "level",
    "limits",
    "inform",
    "examples",
    "keywords",
    "applies_to_subunits",
]
YES, NO = "ja", "nej"
FIELDS = ["description", "level", "limits", "inform", "examples", "keywords", "applies_to_subunits"]


@dataclass
class MandateImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def summary(self) -> str:
        return _("Beslutningsområder: %(c)d oprettet, %(u)d ændret, %(n)d uændret.") % {
            "c": self.created,
            "u": self.updated,
            "n": self.unchanged,
        }


def parse(text: str, units: dict[str, Unit], errors: list[str]) -> list[tuple[int, Unit, dict]]:
    rows: list[tuple[int, Unit, dict]] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in read_rows(text, COLUMNS, errors, "MANDATES.csv"):
        problems = []
        unit = units.get(row["unit_external_id"])
        if unit is None:
            problems.append(_("enheden %(unit)s findes ikke") % {"unit": repr(row["unit_external_id"])})
        if not row["title"]:
            problems.append(_("titel mangler"))
        elif len(row["title"]) > 200:
            problems.append(_("titlen er længere end 200 tegn"))
        level = row["level"]
        if not level.isdigit() or not 1 <= int(level) <= 7:
            problems.append(_("niveau skal være et tal fra 1 til 7, ikke %(level)s") % {"level": repr(level)})
        applies = row["applies_to_subunits"].lower()
        if applies not in (YES, NO):
            problems.append(
                _("applies_to_subunits skal være ja eller nej, ikke %(v)s") % {"v": repr(applies)}
            )
        for name in ("title", "description", "limits", "inform", "examples", "keywords"):
            if find_cpr(row[name]):
                problems.append(_("%(field)s ser ud til at indeholde et CPR-nummer") % {"field": name})
        key = (row["unit_external_id"], normalise_title(row["title"]))
        if not problems and key in seen:
            problems.append(_("samme enhed og titel står også i linje %(other)d") % {"other": seen[key]})
        if problems or unit is None:  # an unknown unit is always among the problems
            errors.append(_("linje %(n)d: %(reason)s") % {"n": line, "reason": "; ".join(problems)})
            continue
        seen[key] = line
        rows.append(
            (
                line,
                unit,
                {
                    "title": row["title"],
                    "description": row["description"],
                    "level": int(level),
                    "limits": row["limits"],
                    "inform": row["inform"],
                    "examples": row["examples"],
                    "keywords": ", ".join(k.strip() for k in row["keywords"].split(",") if k.strip()),
                    "applies_to_subunits": applies == YES,
                },
            )
        )
    return rows


def import_mandates(data: bytes | str) -> MandateImportResult:
    errors: list[str] = []
    text = decode(data, "MANDATES.csv")
    units = {u.external_id: u for u in Unit.objects.all()}
    rows = parse(text, units, errors)
    if errors:
        raise ImportFailed(errors)
    result = MandateImportResult()
    existing = {
        (a.unit_id, a.title_key): a
        for a in DecisionArea.objects.filter(unit__in={unit for _, unit, _ in rows})
    }
    with transaction.atomic():
        for line, unit, values in rows:
            area = existing.get((unit.pk, normalise_title(values["title"])))
            if area is None:
                area = DecisionArea(unit=unit, status=DecisionArea.Status.IN_FORCE, version=1, **values)
                _validate(area, line)
                area.save()
                result.created += 1
            elif (
                any(getattr(area, f) != values[f] for f in ["title", *FIELDS])
                or area.status != area.Status.IN_FORCE
            ):
                for name, value in values.items():
                    setattr(area, name, value)
                area.status, area.version = DecisionArea.Status.IN_FORCE, area.version + 1
                _validate(area, line)
                area.save()
                result.updated += 1
            else:
                result.unchanged += 1
                continue
            area.record_version(None, _("Importeret fra CSV"))
    return result


def _validate(area: DecisionArea, line: int) -> None:
    try:
        area.full_clean(exclude=["unit", "updated_by"])
    except ValidationError as exc:
        reasons = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
        raise ImportFailed([_("linje %(n)d: %(reason)s") % {"n": line, "reason": reasons}]) from exc


def export_mandates(unit: Unit) -> str:
    """The unit's own decision areas that are not archived, in the import format."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    areas = (
        DecisionArea.objects.filter(unit=unit).exclude(status=DecisionArea.Status.ARCHIVED).order_by("title")
    )
    for area in areas:
        writer.writerow(
            csv_cell(cell)
            for cell in [
                unit.external_id,
                area.title,
                area.description,
                area.level,
                area.limits,
                area.inform,
                area.examples,
                area.keywords,
                YES if area.applies_to_subunits else NO,
            ]
        )
    return out.getvalue()
