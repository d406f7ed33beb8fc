"""Tiny server-rendered SVG charts for the dashboard: no JavaScript, no CDN, no plotting library."""

from __future__ import annotations

from typing import Mapping, Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

COLOURS = {"allow": "#3a8f5c", "review": "#d9a22b", "block": "#c0392b", "pending": "#8a8a8a"}


def stacked_bars(labels: Sequence[str], series: Mapping[str, Sequence[int]], *, width: int = 760, height: int = 220,
                 title: str = "") -> SafeString:
    """Stacked columns, one per label (e.g. per hour), one colour per series (e.g. per decision)."""
    n = max(1, len(labels))
    totals = [sum(values[i] for values in series.values()) for i in range(len(labels))]
    top = max(totals, default=0) or 1
    plot_h, left, bottom = height - 40, 36, 24
    bar_w = (width - left - 8) / n
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" class="sg-chart"><title>{escape(title)}</title>']
    for frac in (0, 0.5, 1):
        y = 8 + plot_h - bottom - frac * (plot_h - bottom)
        parts.append(f'<line x1="{left}" x2="{width - 4}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                     f'<text x="{left - 4}" y="{y + 4:.1f}" font-size="10" text-anchor="end">{int(top * frac)}</text>')
    for i, label in enumerate(labels):
        y = 8 + plot_h - bottom
        for name, values in series.items():
            h = (plot_h - bottom) * values[i] / top
            if h <= 0:
                continue
            y -= h
            parts.append(f'<rect x="{left + i * bar_w + 1:.1f}" y="{y:.1f}" width="{max(1.0, bar_w - 2):.1f}" '
                         f'height="{h:.1f}" fill="{COLOURS.get(name, "#5577aa")}"><title>{escape(label)} {escape(name)}: '
                         f'{values[i]}</title></rect>')
        if n <= 24 or i % max(1, n // 12) == 0:
            parts.append(f'<text x="{left + i * bar_w + bar_w / 2:.1f}" y="{height - 18}" font-size="9" '
                         f'text-anchor="middle">{escape(label)}</text>')
    x = left
    for name in series:
        parts.append(f'<rect x="{x}" y="{height - 11}" width="10" height="10" fill="{COLOURS.get(name, "#5577aa")}"/>'
                     f'<text x="{x + 14}" y="{height - 2}" font-size="11">{escape(name)}</text>')
        x += 24 + 8 * len(name)
    parts.append("</svg>")
    return mark_safe("".join(parts))


def horizontal_bars(rows: Sequence[tuple[str, int]], *, width: int = 360, title: str = "",
                    colour: str = "#d9a22b") -> SafeString:
    """Labelled horizontal bars, largest first (top ASNs, countries, domains ...)."""
    row_h, label_w = 20, 150
    height = max(1, len(rows)) * row_h + 6
    top = max((v for _, v in rows), default=0) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" class="sg-chart"><title>{escape(title)}</title>']
    if not rows:
        parts.append('<text x="4" y="14" font-size="11" fill="#888">nothing held</text>')
    for i, (label, value) in enumerate(rows):
        y = 3 + i * row_h
        w = (width - label_w - 40) * value / top
        parts.append(f'<text x="{label_w - 6}" y="{y + 13}" font-size="11" text-anchor="end">{escape(label[:24])}</text>'
                     f'<rect x="{label_w}" y="{y + 2}" width="{max(1.0, w):.1f}" height="{row_h - 6}" fill="{colour}"/>'
                     f'<text x="{label_w + w + 4:.1f}" y="{y + 13}" font-size="11">{value}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
