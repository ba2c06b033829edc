"""Charts as inline SVG drawn on the server: no script, nothing fetched, legible printed in black and white
(values are written beside the bars, the pass line is dashed)."""
from __future__ import annotations

from markupsafe import Markup, escape


def _num(value: float) -> str:
    return f"{value:.0f}" if abs(value - round(value)) < 0.05 else f"{value:.1f}"


def histogram(counts: list[int], labels: list[str], title: str, width: int = 520, height: int = 220,
              pass_from: int | None = None) -> Markup:
    """Vertical bars, one per bucket, the count above each; buckets from ``pass_from`` on are drawn solid."""
    left, bottom, top = 30, 34, 16
    plot_w, plot_h = width - left - 8, height - bottom - top
    peak = max(counts or [0]) or 1
    step = plot_w / max(len(counts), 1)
    parts = [f'<svg class="chart chart-hist" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
             f"<title>{escape(title)}</title>",
             f'<line class="grid" x1="{left}" x2="{width - 8}" y1="{top + plot_h}" y2="{top + plot_h}"/>']
    for i, (count, label) in enumerate(zip(counts, labels)):
        h = plot_h * count / peak
        x = left + i * step + 2
        solid = pass_from is not None and i >= pass_from
        parts.append(f'<rect class="bar{" pass" if solid else " fail"}" x="{x:.1f}" y="{top + plot_h - h:.1f}" '
                     f'width="{step - 4:.1f}" height="{h:.1f}"><title>{escape(label)}: {count}</title></rect>')
        parts.append(f'<text x="{x + (step - 4) / 2:.1f}" y="{top + plot_h - h - 3:.1f}" '
                     f'text-anchor="middle">{count}</text>')
        parts.append(f'<text x="{x + (step - 4) / 2:.1f}" y="{height - 18}" text-anchor="middle">'
                     f"{escape(label)}</text>")
    parts.append("</svg>")
    return Markup("".join(parts))


def hbars(items: list[tuple[str, float, str]], title: str, width: int = 520, mark: float = 60.0) -> Markup:
    """Horizontal bars of percentages: (label, percent, note), the label above its bar, a dashed line at
    ``mark``."""
    row = 38
    height = max(len(items), 1) * row + 6
    parts = [f'<svg class="chart chart-bars" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
             f"<title>{escape(title)}</title>"]
    for i, (label, pct, note) in enumerate(items):
        y = i * row
        pct = max(0.0, min(100.0, pct))
        parts.append(f'<text class="bar-label" x="0" y="{y + 13}">{escape(label)}</text>')
        parts.append(f'<text x="{width}" y="{y + 13}" text-anchor="end">{_num(pct)}% {escape(note)}</text>')
        parts.append(f'<rect class="barbg" x="0" y="{y + 18}" width="{width}" height="12"/>')
        parts.append(f'<rect class="barfg{" low" if pct < mark else ""}" x="0" y="{y + 18}" '
                     f'width="{width * pct / 100:.1f}" height="12"/>')
    x = width * mark / 100
    parts.append(f'<line class="mark" x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{height}" stroke-dasharray="4 3"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def line(points: list[tuple[str, float, int]], title: str, width: int = 520, height: int = 200,
         mark: float = 60.0) -> Markup:
    """Mean percentage per period: (label, percent, attempts); a dashed line at ``mark``."""
    left, right, top, bottom = 34, 12, 12, 30
    w, h = width - left - right, height - top - bottom
    parts = [f'<svg class="chart chart-line" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
             f"<title>{escape(title)}</title>"]
    for y in (0, mark, 100):
        yy = top + h - h * y / 100
        dash = ' stroke-dasharray="4 3"' if y == mark else ""
        parts.append(f'<line class="grid" x1="{left}" x2="{left + w}" y1="{yy:.1f}" y2="{yy:.1f}"{dash}/>')
        parts.append(f'<text x="{left - 4}" y="{yy + 4:.1f}" text-anchor="end">{_num(y)}</text>')
    n = len(points)
    coords = []
    for i, (label, pct, count) in enumerate(points):
        x = left + (w * i / (n - 1) if n > 1 else w / 2)
        y = top + h - h * max(0.0, min(100.0, pct)) / 100
        coords.append((x, y, label, pct, count))
    if coords:
        path = " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y, *_) in enumerate(coords))
        parts.append(f'<path class="line" d="{path}"/>')
        for x, y, label, pct, count in coords:
            parts.append(f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="3.5"><title>{escape(label)}: '
                         f"{_num(pct)}% ({count})</title></circle>")
        for x, _y, label, *_ in (coords[0], coords[-1]) if n > 1 else coords:
            parts.append(f'<text x="{x:.1f}" y="{height - 8}" text-anchor="middle">{escape(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
