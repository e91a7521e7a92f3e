"""Calendar arithmetic for temporal expressions: TIMEX3 values relative to an anchor (the publication date).

    resolve("Friday", date(2025, 10, 16), "future")     -> Resolved("2025-10-17", "day")
    resolve("Sunday", date(2025, 10, 16), "past")       -> Resolved("2025-10-12", "day")
    resolve("earlier this week", date(2025, 10, 16))    -> Resolved("2025-W42", "week")
    resolve("last month", date(2025, 10, 16))           -> Resolved("2025-09", "month")
    resolve("the 2024 campaign" -> "2024", ...)         -> Resolved("2024", "year")
    resolve("three years", ...)                         -> Resolved("P3Y", "duration")

``direction`` (past | future | present | None) decides where an expression that names no year or week points:
a weekday said in the past tense is the last such day on or before the anchor, one said of what is coming is the
next on or after it. Absolute expressions ignore it. Without an anchor, expressions that need one resolve to
None (``value=None``) rather than guessing. The patterns live in ``resolve.timex_patterns``.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from . import timex_patterns as P


@dataclass(frozen=True)
class Resolved:
    value: str | None
    granularity: str | None
    relative: bool = False  # True when the anchor (and so the direction) decided the value


UNRESOLVED = Resolved(None, None)
WRONG_SIDE_DAYS = 60  # a month-day said in the past tense may still be a little ahead of the anchor


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def weekday_date(weekday: int, anchor: date, direction: str | None) -> date:
    """The weekday nearest the anchor in ``direction``: past -> on or before, future -> on or after."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "future":
        return anchor + timedelta(days=ahead)
    if direction == "present":
        return anchor + timedelta(days=min((ahead, -back), key=abs) if back else 0)
    return anchor - timedelta(days=back)


def _nearest_year(make, anchor: date, direction: str | None) -> int | None:
    """Year whose ``make(year)`` date lies nearest the anchor; the direction costs the other side 60 days."""
    best, best_cost = None, None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            day = make(year)
        except ValueError:
            continue
        cost = abs((day - anchor).days)
        if (direction == "past" and day > anchor) or (direction == "future" and day < anchor):
            cost += WRONG_SIDE_DAYS
        if best_cost is None or cost < best_cost:
            best, best_cost = year, cost
    return best


def month_year(month: int, anchor: date, direction: str | None) -> int:
    """Year of a month named without one: the nearest such month, leaning in ``direction``."""
    return _nearest_year(lambda y: date(y, month, 15), anchor, direction) or anchor.year


def day_in_year(month: int, day: int, anchor: date, direction: str | None) -> date | None:
    year = _nearest_year(lambda y: date(y, month, day), anchor, direction)
    return date(year, month, day) if year else None


def unit_value(unit: str, anchor: date, offset: int) -> Resolved:
    """The calendar unit containing ``anchor`` moved by ``offset`` units (last week = -1)."""
    if unit == "day":
        return Resolved((anchor + timedelta(days=offset)).isoformat(), "day")
    if unit == "week":
        return Resolved(week_value(anchor + timedelta(weeks=offset)), "week")
    if unit == "month":
        year, month = shift_months(anchor.year, anchor.month, offset)
        return Resolved(f"{year}-{month:02d}", "month")
    if unit == "quarter":
        year, month = shift_months(anchor.year, anchor.month, 3 * offset)
        return Resolved(f"{year}-Q{(month - 1) // 3 + 1}", "quarter")
    if unit == "decade":
        return Resolved(str((anchor.year // 10 + offset))[:3], "decade")
    if unit == "weekend":
        return Resolved(week_value(anchor + timedelta(weeks=offset)) + "-WE", "week")
    return Resolved(str(anchor.year + offset), "year")


def resolve(text: str, anchor: date | None, direction: str | None = None) -> Resolved:
    """TIMEX3 value and granularity of ``text`` against ``anchor`` (None: only absolute expressions resolve)."""
    phrase = P.normalise(text)
    for rule in P.RULES:
        match = rule.pattern.search(phrase)
        if match is None:
            continue
        if rule.needs_anchor and anchor is None:
            return Resolved(None, rule.granularity)
        result = rule.build(match, anchor, direction)
        if result is not None:
            return Resolved(result.value, result.granularity, rule.needs_anchor)
    return UNRESOLVED
