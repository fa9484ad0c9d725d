"""How the build's costs grow with the corpus, drawn: a log-log chart (SVG) of
the sizes measured by `benchmarks/run.py`.

    python benchmarks/growth_chart.py REPORT.md [REPORT.md ...] --output benchmarks/growth.svg

Each REPORT is a table `run.py` wrote (one column per size; several reports,
such as a run at 1,000 and 10,000 articles and one at 100,000, are read
together, a later one winning for a size both hold). Drawn against the number
of articles: the cold `build_docs.py` and a one-seed re-run (seconds), and the
peak memory of the build and of Pagefind's indexing (MB), with a dotted line of
linear growth through each first point for comparison.
"""

from __future__ import annotations

import argparse
import html
import math
import re
import sys
from pathlib import Path

#: What is drawn: the row of run.py's table, which of its numbers, the unit, the colour.
SERIES = (
    ("`build_docs.py`, cold: wall / CPU", 0, "s", "Cold build (wall)", "#1f77b4"),
    ("Re-run, one seed edited: wall / CPU", 0, "s", "One seed edited, re-run (wall)", "#ff7f0e"),
    ("Pagefind indexing of the records alone: wall / CPU", 0, "s", "Pagefind indexing (wall)", "#2ca02c"),
    ("Peak memory: largest process / all processes", 1, "MB", "Build, peak memory (all processes)", "#1f77b4"),
    ("Pagefind indexing, peak memory (all processes)", 0, "MB", "Pagefind indexing, peak memory", "#2ca02c"),
)
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
WIDTH, HEIGHT, MARGIN = 460, 340, 60


def read_reports(paths: list[Path]) -> dict[str, dict[int, list[float]]]:
    """Row label -> size -> the numbers in its cell, from every report's table."""
    rows: dict[str, dict[int, list[float]]] = {}
    for path in paths:
        sizes: list[int] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if line.startswith("| |") and all(cell.endswith("articles") for cell in cells[1:]):
                sizes = [int(cell.split()[0].replace(",", "")) for cell in cells[1:]]
            elif sizes and line.startswith("| ") and len(cells) == len(sizes) + 1:
                for size, cell in zip(sizes, cells[1:]):
                    numbers = [float(n.replace(",", "")) for n in _NUMBER.findall(cell)]
                    if numbers:
                        rows.setdefault(cells[0], {})[size] = numbers
    return rows


def panel(rows: dict[str, dict[int, list[float]]], unit: str, x0: int) -> list[str]:
    """One log-log chart of the series measured in `unit`, its left edge at `x0`."""
    drawn = [(label, colour, sorted((size, cells[size][index]) for size in cells))
             for row, index, series_unit, label, colour in SERIES
             if series_unit == unit and (cells := {s: v for s, v in rows.get(row, {}).items() if len(v) > index})]
    points = [point for _label, _colour, series in drawn for point in series]
    if not points:
        return []
    sizes = sorted({size for size, _value in points})
    low = 10 ** math.floor(math.log10(min(value for _size, value in points)))
    high = 10 ** math.ceil(math.log10(max(value for _size, value in points)))
    left, right = math.log10(sizes[0]) - 0.15, math.log10(sizes[-1]) + 0.15

    def x(size: float) -> float:
        return x0 + MARGIN + (math.log10(size) - left) / (right - left) * (WIDTH - 1.5 * MARGIN)

    def y(value: float) -> float:
        top, bottom = math.log10(high), math.log10(low)
        return 20 + (top - math.log10(max(value, low))) / (top - bottom) * (HEIGHT - 20 - MARGIN)

    parts = [f'<rect x="{x0 + MARGIN}" y="20" width="{WIDTH - 1.5 * MARGIN:.0f}" height="{HEIGHT - 20 - MARGIN}" '
             'fill="none" stroke="#999"/>']
    for size in sizes:
        parts.append(f'<text x="{x(size):.1f}" y="{HEIGHT - MARGIN + 16}" text-anchor="middle">{size:,}</text>')
    decade = low
    while decade <= high:
        parts.append(f'<line x1="{x0 + MARGIN}" x2="{x0 + WIDTH - MARGIN / 2:.0f}" y1="{y(decade):.1f}" '
                     f'y2="{y(decade):.1f}" stroke="#eee"/>')
        parts.append(f'<text x="{x0 + MARGIN - 6}" y="{y(decade) + 4:.1f}" text-anchor="end">{decade:g}</text>')
        decade *= 10
    parts.append(f'<text x="{x0 + WIDTH / 2:.0f}" y="{HEIGHT - MARGIN + 36}" text-anchor="middle">articles</text>')
    parts.append(f'<text x="{x0 + 14}" y="{HEIGHT / 2 - 10:.0f}" text-anchor="middle" '
                 f'transform="rotate(-90 {x0 + 14} {HEIGHT / 2 - 10:.0f})">{unit}</text>')
    for n, (label, colour, series) in enumerate(drawn):
        line = " ".join(f"{x(size):.1f},{y(value):.1f}" for size, value in series)
        parts.append(f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2"/>')
        parts += [f'<circle cx="{x(size):.1f}" cy="{y(value):.1f}" r="3" fill="{colour}"/>' for size, value in series]
        (size0, value0), last = series[0], series[-1][0]
        parts.append(f'<line x1="{x(size0):.1f}" y1="{y(value0):.1f}" x2="{x(last):.1f}" '
                     f'y2="{y(value0 * last / size0):.1f}" stroke="{colour}" stroke-dasharray="2 4"/>')
        parts.append(f'<text x="{x0 + WIDTH - MARGIN / 2 + 6 - WIDTH + 1.5 * MARGIN + 8:.0f}" '
                     f'y="{HEIGHT + 10 + 16 * n}" fill="{colour}">— {html.escape(label)}</text>')
    return parts


def chart(rows: dict[str, dict[int, list[float]]]) -> str:
    body = panel(rows, "s", 0) + panel(rows, "MB", WIDTH)
    height = HEIGHT + 10 + 16 * 3 + 10
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * WIDTH}" height="{height}" '
            f'font-family="sans-serif" font-size="12"><rect width="100%" height="100%" fill="white"/>'
            + "".join(body) + "</svg>\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reports", type=Path, nargs="+", help="tables written by benchmarks/run.py")
    parser.add_argument("--output", type=Path, required=True, help="the SVG to write")
    args = parser.parse_args()
    rows = read_reports(args.reports)
    args.output.write_text(chart(rows), encoding="utf-8")
    for row, _index, unit, label, _colour in SERIES:
        print(f"{label}: " + ", ".join(f"{size:,}: {values}" for size, values in sorted(rows.get(row, {}).items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
