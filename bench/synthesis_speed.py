"""The theme engine's speed and memory on 2 cores: 5,000 and 20,000 notes.

    .venv/bin/python bench/synthesis_speed.py

Targets (issue 7): 5,000 notes ≤ 15 s, 20,000 notes ≤ 60 s, peak memory ≤ 1.5 GB. The notes are the gold
sets' notes with a few words changed at random, spread over three columns, as many meetings would give.
Each size runs in its own process, so its peak memory (ru_maxrss) is its own.
"""

from __future__ import annotations

import os

os.environ.update(OMP_NUM_THREADS="2", OPENBLAS_NUM_THREADS="2", MKL_NUM_THREADS="2")

import csv
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXTRA = [
    "i dag",
    "hos os",
    "i teamet",
    "på afdelingen",
    "igen",
    "desværre",
    "heldigvis",
    "efter sommer",
    "nu",
]


def notes(n: int):
    from handlekraft.synthesis.engine import Note

    texts = []
    for path in sorted((ROOT / "bench" / "gold").glob("*.csv")):
        with path.open(encoding="utf-8") as f:
            texts += [row["text"] for row in csv.DictReader(f)]
    rng = random.Random(n)
    columns = ["mening", "svar", "opmaerksom"]
    return [
        Note(id=str(i), text=f"{rng.choice(texts)} {rng.choice(EXTRA)}", column=columns[i % 3])
        for i in range(n)
    ]


def run(n: int) -> None:
    from handlekraft.synthesis.engine import synthesize

    data = notes(n)
    start = time.perf_counter()
    themes = synthesize(data)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n:,} notes: {elapsed:.1f} s, {len(themes)} themes, peak memory {peak:.0f} MB")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        run(int(sys.argv[1]))
    else:
        for size in (5_000, 20_000):
            subprocess.run([sys.executable, __file__, str(size)], check=True)
