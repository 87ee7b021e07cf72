"""Writes UNITS.csv and PEOPLE.csv for a municipality of a given size (default 3,000 units, 45,000 people).

    python bench/generate_org.py --units 3000 --people 45000 --out bench/out

Deterministic for a given --seed, so runs can be compared.
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

AREAS = [
    "Sundhed og omsorg",
    "Socialområdet",
    "Børne- og familieområdet",
    "Skole- og dagtilbudsområdet",
    "Administrationen",
]
ROLES = [("medarbejder", 0.93), ("leder", 0.0), ("tr", 0.03), ("amr", 0.03), ("hr", 0.01)]


def generate(units: int, people: int, out: Path, seed: int = 1) -> tuple[Path, Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    rows = [("K", "Benchmark Kommune", "", "kommune")]
    rows += [(f"A{i}", name, "K", "omraade") for i, name in enumerate(AREAS)]
    departments = max(1, (units - len(rows)) // 6)
    for d in range(departments):
        rows.append((f"D{d}", f"Afdeling {d}", f"A{d % len(AREAS)}", "afdeling"))
    t = 0
    while len(rows) < units:
        rows.append((f"T{t}", f"Team {t}", f"D{t % departments}", "team"))
        t += 1
    units_path = out / "UNITS.csv"
    with units_path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["external_id", "name", "parent_external_id", "kind"])
        writer.writerows(rows)

    unit_ids = [r[0] for r in rows]
    people_path = out / "PEOPLE.csv"
    with people_path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["email", "name", "unit_external_id", "role"])
        for unit in unit_ids:  # one leader per unit
            writer.writerow([f"leder.{unit.lower()}@bench.dk", f"Leder {unit}", unit, "leder"])
        others = people - len(unit_ids)
        roles, weights = zip(*[(r, w) for r, w in ROLES if w], strict=True)
        for p in range(others):
            unit = rng.choice(unit_ids)
            role = rng.choices(roles, weights)[0]
            writer.writerow([f"person{p}@bench.dk", f"Person {p}", unit, role])
    return units_path, people_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=3000)
    parser.add_argument("--people", type=int, default=45000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    args = parser.parse_args()
    for path in generate(args.units, args.people, args.out, args.seed):
        print(path)


if __name__ == "__main__":
    main()
