"""How fast the staff-room PDF "Vores råderum" is made (issue 21: under 2 s), and that it is PDF/UA.

    .venv/bin/python bench/staff_room_pdf.py [--runs 7]

On the demo municipality (a fresh SQLite file under bench/out): the PDF of Solhaven, afsnit A (its own
areas and those inherited from above), and of a unit given 30 areas more (a long råderum, still one A4
page at the smallest type the template allows, or two). The first run in a process loads the fonts;
a web worker has made one before long, so the median of the later runs is what a person waits, and the
first is reported beside it. Each PDF is opened with pypdf: tagged (StructTreeRoot), /Lang da, and
PDF/UA identification in its XMP metadata.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = ROOT / "bench" / "out" / "staff-room-pdf.sqlite3"
os.environ.update(DEBUG="1", DJANGO_SETTINGS_MODULE="handlekraft.settings", DATABASE_URL=f"sqlite:///{DB}")

import django  # noqa: E402

django.setup()


def is_pdf_ua(data: bytes) -> tuple[int, bool]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    tagged = "/StructTreeRoot" in root and bool(root["/MarkInfo"]["/Marked"])
    ua = b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    return len(reader.pages), tagged and ua and root["/Lang"] == "da"


def timed(unit, runs: int) -> dict:
    from handlekraft.mandates.views.exports import staff_room_pdf

    seconds, data = [], b""
    for _ in range(runs):
        start = time.perf_counter()
        data = staff_room_pdf(unit)
        seconds.append(time.perf_counter() - start)
    pages, ua = is_pdf_ua(data)
    return {
        "first_s": round(seconds[0], 3),
        "median_s": round(statistics.median(seconds[1:]), 3),
        "max_s": round(max(seconds[1:]), 3),
        "kb": len(data) // 1024,
        "pages": pages,
        "pdf_ua": ua,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    from bench.sites import demo_site
    from handlekraft.mandates.models import DecisionArea
    from handlekraft.organisation.models import Unit

    demo_site(DB)
    unit = Unit.objects.get(external_id="SO-SOL-A")
    print("Solhaven, afsnit A:", len(DecisionArea.objects.for_unit(unit)), "areas", timed(unit, runs))
    long = Unit.objects.get(external_id="SO-SOL-B")
    for n in range(30):
        DecisionArea.objects.create(
            unit=long,
            title=f"Beslutningsområde {n + 1} om hverdagens opgaver",
            description="Hvad vi selv kan beslutte i vagten, og hvornår vi spørger.",
            level=5 + n % 3,
            limits="Inden for budgettet og de faglige retningslinjer.",
            inform="Lederen orienteres på næste personalemøde.",
        )
    print("Solhaven, afsnit B:", len(DecisionArea.objects.for_unit(long)), "areas", timed(long, runs))


if __name__ == "__main__":
    main()
