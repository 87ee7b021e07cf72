"""The engine's own command line, without Django:

python -m handlekraft.synthesis NOTES.csv --out THEMES.json [--granularity 0.5]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .engine import synthesize
from .files import BadFile, read_notes, write_themes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="synthesize", description="Finder temaer i noter fra dialogmøder.")
    parser.add_argument("notes", type=Path, help="NOTES.csv med kolonnerne id,text (og evt. meeting,column)")
    parser.add_argument("--out", type=Path, required=True, help="THEMES.json")
    parser.add_argument(
        "--granularity", type=float, default=0.5, help="0 = få, brede temaer; 1 = mange, smalle"
    )
    args = parser.parse_args(argv)
    if not 0 <= args.granularity <= 1:
        parser.error("--granularity must be between 0 and 1")
    try:
        notes = read_notes(args.notes)
    except BadFile as bad:
        for error in bad.errors:
            print(error, file=sys.stderr)
        return 1
    write_themes(synthesize(notes, args.granularity), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
