"""Small SVG charts drawn by the templates from coordinates computed here (no JavaScript, no library).

The coordinates are strings with a decimal point: a template would write 1,5 in Danish, and SVG wants 1.5.
Every chart stands beside a table with the same numbers, so the SVG itself is hidden from screen readers.
"""

from __future__ import annotations

SPARK_WIDTH, SPARK_HEIGHT = 120, 32
CHART_WIDTH, CHART_HEIGHT = 600, 160


def sparkline(values: list[int | None]) -> list[dict]:
    """Bars for a small chart of 0–100 scores, one per round; None leaves a gap. The bars start 20 points
    below the lowest score (in steps of 10), so a change of a few points is seen, not two pixels."""
    if not values:
        return []
    shown = [v for v in values if v is not None]
    floor = max(0, (min(shown) - 20) // 10 * 10) if shown else 0
    width = SPARK_WIDTH / len(values)
    bars = []
    for i, value in enumerate(values):
        height = 0 if value is None else max(1, round((value - floor) / (100 - floor or 1) * SPARK_HEIGHT))
        bars.append(
            {"x": f"{i * width + 1:.1f}", "y": SPARK_HEIGHT - height, "w": f"{width - 2:.1f}", "h": height}
        )
    return bars


def bar_chart(series: list[tuple[str, list[int]]], labels: list[str]) -> dict:
    """Grouped bars: one group per label, one bar per series in each group, scaled to the largest value."""
    top = max([1, *(v for _name, values in series for v in values)])
    group = CHART_WIDTH / max(1, len(labels))
    bar = (group - 6) / max(1, len(series))
    bars = []
    for s, (_name, values) in enumerate(series):
        for i, value in enumerate(values):
            height = round(value / top * (CHART_HEIGHT - 20))
            bars.append(
                {
                    "x": f"{i * group + 3 + s * bar:.1f}",
                    "y": CHART_HEIGHT - 20 - height,
                    "w": f"{bar - 1:.1f}",
                    "h": height,
                    "series": s,
                }
            )
    ticks = [{"x": f"{i * group + group / 2:.1f}", "label": label} for i, label in enumerate(labels)]
    return {"bars": bars, "ticks": ticks, "width": CHART_WIDTH, "height": CHART_HEIGHT, "top": top}
