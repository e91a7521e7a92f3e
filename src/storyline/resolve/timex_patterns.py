"""The rules that read a temporal expression, tried in order; the first that builds a value wins.

Each rule: a regular expression over the normalised phrase (lower case, "the" and punctuation dropped, number
words as digits), the granularity it gives, whether it needs an anchor date, and a builder
``(match, anchor, direction) -> Resolved | None``. Calendar arithmetic is in ``resolve.calendar``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from . import calendar as C

MONTHS = {m: i for i, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"),
    ("november", "nov"), ("december", "dec")), start=1) for m in names}
WEEKDAYS = {d: i for i, names in enumerate((("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
                                             ("thursday", "thu", "thur", "thurs"), ("friday", "fri"),
                                             ("saturday", "sat"), ("sunday", "sun"))) for d in names}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
           "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
           "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
           "couple": 2, "dozen": 12}
VAGUE = ("several", "few", "many", "some", "recent", "coming", "past few", "next few", "last few")
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI", "overnight": "NI"}
UNIT = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE", "quarter": "Q",
        "hour": "H", "minute": "M", "second": "S", "weekend": "WE"}
PRESENT = r"^(now|right now|currently|present|at present|at this time|at the moment|these days|nowadays|so far|yet)$"
PAST = r"^(past|recently|lately|previously|formerly|once|earlier|before|in the past|the past|then|that time|time)$"
FUTURE = r"^(future|in the future|soon|later|eventually|shortly|as soon as possible|coming|upcoming|someday)$"

M = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
WD = "(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"
U = r"(day|week|month|year|decade|century|quarter|hour|minute|weekend)s?"
PART = r"(?:\s+(morning|afternoon|evening|night))?"


def _num(word: str) -> int | None:
    word = word.strip()
    if word.isdigit():
        return int(word)
    parts = [NUMBERS.get(w) for w in re.split(r"[\s-]+", word) if w not in ("and", "of")]
    if not parts or None in parts:
        return None
    return sum(parts) if parts[0] < 100 else parts[0]


def normalise(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[,;!?\"()]|:(?!\d)|\.(?=\s|$)", " ", text)
    text = re.sub(r"\b(the|this past|about|around|nearly|almost|roughly|some|at least|more than|less than|"
                  r"only|just|over|under|approximately|mid|early|late|until|since|by|on|in|during|from|for|"
                  r"within|of|at|as of|through)\b\s*", lambda m: "" if m.group(1) in _DROP else m.group(0), text)
    text = text.replace(".", "")
    return " ".join(text.split())


_DROP = {"the", "about", "around", "nearly", "almost", "roughly", "at least", "more than", "less than", "only",
         "just", "approximately", "until", "since", "by", "on", "during", "from", "within", "as of", "through",
         "over", "under"}


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern
    build: Callable
    granularity: str
    needs_anchor: bool = True


def _year(text: str) -> int:
    value = int(text.lstrip("'"))
    if len(text.lstrip("'")) == 2:
        return 1900 + value if value > 30 else 2000 + value
    return value


def _part(day: date, part: str | None) -> C.Resolved:
    if part:
        return C.Resolved(f"{day.isoformat()}T{PARTS[part]}", "time")
    return C.Resolved(day.isoformat(), "day")


def b_iso(m, anchor, direction):
    return C.Resolved(m.group(0), "day")


def b_full(m, anchor, direction):  # oct 15 1999 / 15 october 1999
    month, day, year = (MONTHS[m.group("m")], int(m.group("d")), _year(m.group("y")))
    try:
        return C.Resolved(date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


def b_numeric(m, anchor, direction):  # 10/15/1999 (US order)
    try:
        return C.Resolved(date(_year(m.group(3)), int(m.group(1)), int(m.group(2))).isoformat(), "day")
    except ValueError:
        return None


def b_month_day(m, anchor, direction):  # oct 23, friday oct 23
    day = C.day_in_year(MONTHS[m.group("m")], int(m.group("d")), anchor, direction or "past")
    return C.Resolved(day.isoformat(), "day") if day else None


def b_month_year(m, anchor, direction):
    return C.Resolved(f"{_year(m.group('y'))}-{MONTHS[m.group('m')]:02d}", "month")


def b_weekday(m, anchor, direction):
    rel, weekday, part = m.group(1), WEEKDAYS[m.group(2)], m.group(3)
    if rel in ("last", "previous", "past"):
        day = C.weekday_date(weekday, anchor - timedelta(days=1), "past")
    elif rel in ("next", "coming", "upcoming"):
        day = C.weekday_date(weekday, anchor + timedelta(days=1), "future")
    elif rel == "this":
        day = C.weekday_date(weekday, anchor, direction or "present")
    else:
        day = C.weekday_date(weekday, anchor, direction or "past")
    return _part(day, part)


def b_part_of_day(m, anchor, direction):
    rel, part = m.group(1), m.group(2)
    day = anchor - timedelta(days=1) if rel in ("last", "yesterday") else anchor
    day = anchor + timedelta(days=1) if rel == "tomorrow" else day
    return _part(day, "night" if part in ("tonight", "overnight") else part)


def b_deictic(m, anchor, direction):
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "day before yesterday": -2,
              "day after tomorrow": 2, "tonight": 0}[m.group(1)]
    if m.group(1) == "tonight":
        return _part(anchor, "night")
    return C.Resolved((anchor + timedelta(days=offset)).isoformat(), "day")


def b_unit_rel(m, anchor, direction):  # last week, this month, next year, earlier this week
    offset = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1,
              "following": 1, "same": 0}[m.group(2)]
    return C.unit_value(m.group(3), anchor, offset)


def b_ago(m, anchor, direction):  # five years ago, two weeks later
    count = _num(m.group(1))
    sign = 1 if m.group(3) in ("later", "from now", "hence") else -1
    unit = m.group(2)
    if count is None:
        return C.Resolved("PAST_REF" if sign < 0 else "FUTURE_REF", "ref")
    if unit == "year":
        return C.Resolved(str(anchor.year + sign * count), "year")
    if unit == "decade":
        return C.Resolved(str(anchor.year + sign * 10 * count), "year")
    if unit == "month":
        year, month = C.shift_months(anchor.year, anchor.month, sign * count)
        return C.Resolved(f"{year}-{month:02d}", "month")
    if unit == "week":
        return C.Resolved(C.week_value(anchor + timedelta(weeks=sign * count)), "week")
    if unit == "day":
        return C.Resolved((anchor + timedelta(days=sign * count)).isoformat(), "day")
    return None


def b_duration(m, anchor, direction):
    count, unit = m.group(1), m.group(2)
    n = "X" if any(count.startswith(v) for v in VAGUE) else _num(count)
    if n is None:
        return None
    if unit == "decade":
        return C.Resolved(f"P{n * 10 if n != 'X' else 'X'}Y" if n != "X" else "PXDE", "duration")
    if unit == "century":
        return C.Resolved(f"P{n * 100}Y" if n != "X" else "PXCE", "duration")
    if unit == "weekend":
        return C.Resolved(f"P{n * 2 if n != 'X' else 'X'}D", "duration")
    time = "T" if unit in ("hour", "minute") else ""
    return C.Resolved(f"P{time}{n}{UNIT[unit]}", "duration")


def b_one_unit(m, anchor, direction):  # "the past year", "a week"
    unit = m.group(1)
    if unit == "weekend":
        return None
    return b_duration(re.match(r"(1) (\w+)", f"1 {unit}"), anchor, direction)


def b_plural_unit(m, anchor, direction):  # "months", "recent weeks"
    unit = m.group(1)
    time = "T" if unit in ("hour", "minute") else ""
    return C.Resolved(f"P{time}X{UNIT[unit]}", "duration")


def b_quarter(m, anchor, direction):
    quarter = ORDINALS[m.group(2)]
    year = _year(m.group(3) or m.group(1)) if (m.group(3) or m.group(1)) else anchor.year
    if m.group(0).startswith(("year-earlier", "year-ago", "year earlier")):
        return C.Resolved(f"{year - 1}-Q{quarter}", "quarter")
    current = (anchor.month - 1) // 3 + 1
    if not (m.group(3) or m.group(1)) and direction != "future" and quarter > current:
        year -= 1
    return C.Resolved(f"{year}-Q{quarter}", "quarter")


def b_this_quarter(m, anchor, direction):
    """"the quarter" in a report: the quarter just reported on (the one 45 days before the anchor)."""
    day = anchor - timedelta(days=45) if not m.group(0).startswith("current") else anchor
    return C.Resolved(f"{day.year}-Q{(day.month - 1) // 3 + 1}", "quarter")


def b_half(m, anchor, direction):
    half = 1 if m.group(1) in ("first", "1st") else 2
    year = _year(m.group(2)) if m.group(2) else anchor.year
    return C.Resolved(f"{year}-H{half}", "half")


def b_season(m, anchor, direction):
    rel, season, year = m.group(1), SEASONS[m.group(2)], m.group(3)
    if year:
        return C.Resolved(f"{_year(year)}-{season}", "season")
    if anchor is None:
        return C.Resolved(None, "season")
    offset = {"last": -1, "next": 1}.get(rel, 0)
    return C.Resolved(f"{anchor.year + offset}-{season}", "season")


def b_month(m, anchor, direction):
    rel, month = m.group(1), MONTHS[m.group(2)]
    if rel == "last":
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif rel == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif rel == "this":
        year = anchor.year
    else:
        year = C.month_year(month, anchor, direction or "past")
    return C.Resolved(f"{year}-{month:02d}", "month")


def b_year(m, anchor, direction):
    return C.Resolved(str(_year(m.group(1))), "year")


def b_fiscal(m, anchor, direction):
    return C.Resolved(str(_year(m.group(1))), "year")


def b_decade(m, anchor, direction):
    year = _year(m.group(1))
    return C.Resolved(str(year)[:3], "decade")


def b_century(m, anchor, direction):
    return C.Resolved(f"{int(m.group(1)) - 1:02d}", "century")


def b_clock(m, anchor, direction):
    hour, minute, ampm, rest = int(m.group(1)), int(m.group(2) or 0), m.group(3), m.group(4) or ""
    hour = (hour % 12) + (12 if ampm.startswith("p") else 0)
    day = anchor
    wd = re.search(WD, rest)
    if wd:
        day = C.weekday_date(WEEKDAYS[wd.group(1)], anchor, direction or "past")
    elif "yesterday" in rest:
        day = anchor - timedelta(days=1)
    elif "tomorrow" in rest:
        day = anchor + timedelta(days=1)
    return C.Resolved(f"{day.isoformat()}T{hour:02d}:{minute:02d}", "time")


def b_noon(m, anchor, direction):
    day = anchor
    if m.group(1):
        day = C.weekday_date(WEEKDAYS[m.group(1)], anchor, direction or "past")
    return C.Resolved(f"{day.isoformat()}T{'12:00' if m.group(0).startswith('noon') else '24:00'}", "time")


def b_set(m, anchor, direction):
    word = m.group(2) or m.group(3)
    unit = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year",
            "annual": "year", "quarterly": "quarter", "hourly": "hour"}.get(word, word)
    time = "T" if unit in ("hour", "minute") else ""
    return C.Resolved(f"P{time}1{UNIT.get(unit, 'D')}", "set")


def b_const(value: str, granularity: str):
    return lambda m, anchor, direction: C.Resolved(value, granularity)


def b_anchor_day(m, anchor, direction):
    return C.Resolved(anchor.isoformat(), "day")


def b_year_ago(m, anchor, direction):
    return C.Resolved(str(anchor.year - 1), "year")


def _rule(regex: str, build, granularity: str, needs_anchor: bool = True) -> Rule:
    return Rule(re.compile(regex), build, granularity, needs_anchor)


_WORDS = "|".join(sorted(NUMBERS, key=len, reverse=True))
NUMBER = rf"((?:\d+(?:\.\d+)?|(?:{_WORDS})(?:[\s-](?:{_WORDS}))*)|" + "|".join(VAGUE) + ")"

RULES: tuple[Rule, ...] = (
    _rule(r"\b\d{4}-\d{2}-\d{2}\b", b_iso, "day", False),
    _rule(rf"\b{M}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<y>\d{{4}})\b".replace(M, f"(?P<m>{M[1:-1]})"),
          b_full, "day", False),
    _rule(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{M[1:-1]})\s+(?P<y>\d{{4}})\b", b_full, "day", False),
    _rule(r"\b(\d{1,2})/(\d{1,2})/(\d{2,4})\b", b_numeric, "day", False),
    _rule(r"\b(\d{1,2})(?::(\d{2}))?\s*(am|pm|a m|p m)\b(.*)", b_clock, "time"),
    _rule(rf"^(?:noon|midnight)(?:\s+{WD})?$", b_noon, "time"),
    _rule(rf"^(?:(?:{WD})\s+)?(?P<m>{M[1:-1]})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b", b_month_day, "day"),
    _rule(rf"^(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{M[1:-1]})$", b_month_day, "day"),
    _rule(rf"\b(?P<m>{M[1:-1]})\s+(?:of\s+)?(?P<y>\d{{4}}|'\d{{2}})\b", b_month_year, "month", False),
    _rule(r"(?:^year[\s-](?:earlier|ago)\s+|\b(\d{4})\s+)?\b(first|second|third|fourth|1st|2nd|3rd|4th|last)[\s-]+"
          r"(?:fiscal\s+)?quarter(?:\s+(?:of\s+)?(?:fiscal\s+)?(\d{4}))?", b_quarter, "quarter"),
    _rule(r"^(?:that|this|current|latest|same|most recent|recent)?\s*quarter$", b_this_quarter, "quarter"),
    _rule(r"\b(first|second|1st|2nd)\s+half(?:\s+(?:of\s+)?(\d{4}))?", b_half, "half"),
    _rule(r"\b(?:fiscal|fy)\s*(\d{4}|'\d{2})\b", b_fiscal, "year", False),
    _rule(r"\b(\d{3}0)'?s\b", b_decade, "decade", False),
    _rule(r"'(\d0)s\b", lambda m, a, d: C.Resolved("19" + m.group(1)[0], "decade"), "decade", False),
    _rule(r"\b(\d{1,2})(?:st|nd|rd|th)\s+century\b", b_century, "century", False),
    _rule(r"^(?:(last|this|next|coming)\s+)?(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(\d{4}))?$",
          b_season, "season", False),
    _rule(r"\b(1[5-9]\d\d|20\d\d)\b", b_year, "year", False),
    _rule(rf"^(?:(last|this|next|past|previous|coming|upcoming)\s+)?{WD}{PART}$", b_weekday, "day"),
    _rule(rf"^{WD}\s+(morning|afternoon|evening|night)$", lambda m, a, d: _part(
        C.weekday_date(WEEKDAYS[m.group(1)], a, d or "past"), m.group(2)), "time"),
    _rule(r"^(day before yesterday|day after tomorrow|today|yesterday|tomorrow|tonight)$", b_deictic, "day"),
    _rule(r"^(today|yesterday|tomorrow)\s+(morning|afternoon|evening|night)$",
          lambda m, a, d: _part(a + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[m.group(1)]),
                                m.group(2)), "time"),
    _rule(r"^(?:(this|last|yesterday|tomorrow)\s+)?(morning|afternoon|evening|night|overnight)$", b_part_of_day,
          "time"),
    _rule(rf"^{NUMBER}\s+{U}\s+(ago|earlier|before|later|from now|hence)$", b_ago, "day"),
    _rule(r"^(year|month|week|day)[\s-]+(earlier|ago)$|^(a year earlier|year-ago)$|^year-ago\b",
          lambda m, a, d: C.unit_value((m.group(1) or "year"), a, -1), "year"),
    _rule(r"^(earlier|later|late|early)?\s*(this|last|next|past|previous|current|coming|following|same)\s+"
          r"(week|month|year|quarter|decade|weekend)$", b_unit_rel, "week"),
    _rule(r"^(each|every|per)\s+(day|week|month|year|quarter|hour)$|^(daily|weekly|monthly|annually|yearly|"
          r"quarterly|hourly)$", b_set, "set", False),
    _rule(rf"^(?:(?:last|past|next|coming|first|recent|previous|another|additional|more|final)\s+)*{NUMBER}"
          rf"(?:\s+more)?[\s-]+{U}(?:[\s-]+long)?$", b_duration, "duration", False),
    _rule(r"^(?:(?:last|past|next|coming|first|previous)\s+)?(day|week|month|year|decade|century|quarter|hour|minute)$", b_one_unit, "duration", False),
    _rule(r"^(?:recent|coming|past|last|next|several|few|many|previous)?\s*(day|week|month|year|decade|hour|"
          r"minute)s$", b_plural_unit, "duration", False),
    _rule(rf"^(?:(last|next|this)\s+)?{M}$", b_month, "month"),
    _rule(PRESENT, b_const("PRESENT_REF", "ref"), "ref", False),
    _rule(PAST, b_const("PAST_REF", "ref"), "ref", False),
    _rule(FUTURE, b_const("FUTURE_REF", "ref"), "ref", False),
    _rule(r"^(weekend)$", lambda m, a, d: C.unit_value("weekend", a, -1 if d != "future" else 0), "week"),
)
