"""The sunset timeline's geometry: where each bar, month tick and the "today" line go in the inline SVG.

Numbers only (rounded to 0.1 px so output is stable); the template draws them. The axis spans from a month before
the earliest of today and the sunsets to a month after the latest, so today is always on it.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from scraper.atlas.model import SunsetBar

__all__ = ["Timeline", "TimelineBar", "layout"]

LABEL_WIDTH = 330.0  # px left of the axis for the bar labels
PLOT_WIDTH = 600.0
ROW_HEIGHT = 22.0
TOP = 30.0  # room for the month labels
BOTTOM = 24.0  # room for the "today" label


@dataclass(frozen=True)
class TimelineBar:
    bar: SunsetBar
    y: float
    width: float  # from the axis start to the sunset
    past: bool  # the sunset is before today


@dataclass(frozen=True)
class Timeline:
    bars: list[TimelineBar]
    ticks: list[tuple[float, str]]  # x, "2026-03"
    today_x: float
    width: float
    height: float
    left: float
    row_height: float


def layout(bars: list[SunsetBar], today: _dt.date) -> Timeline:
    dates = [b.sunset for b in bars] + [today]
    start = _month_start(min(dates)) - _dt.timedelta(days=1)
    start = _month_start(start)
    end = _month_start(max(dates) + _dt.timedelta(days=40))
    span = max((end - start).days, 1)

    def x(day: _dt.date) -> float:
        return round(LABEL_WIDTH + PLOT_WIDTH * (day - start).days / span, 1)

    placed = [
        TimelineBar(bar=b, y=TOP + i * ROW_HEIGHT, width=round(x(b.sunset) - LABEL_WIDTH, 1), past=b.sunset < today)
        for i, b in enumerate(bars)
    ]
    ticks = []
    month = start
    step = 1 if span <= 400 else 3
    while month <= end:
        ticks.append((x(month), f"{month.year}-{month.month:02d}"))
        month = _add_months(month, step)
    height = TOP + len(bars) * ROW_HEIGHT + BOTTOM
    return Timeline(placed, ticks, x(today), LABEL_WIDTH + PLOT_WIDTH + 20, height, LABEL_WIDTH, ROW_HEIGHT)


def _month_start(day: _dt.date) -> _dt.date:
    return day.replace(day=1)


def _add_months(day: _dt.date, months: int) -> _dt.date:
    total = day.month - 1 + months
    return day.replace(year=day.year + total // 12, month=total % 12 + 1, day=1)
