"""The date logic, one named case each: tense and aspect decide where a relative date points.

Sentences are our own. Publication date throughout: Thursday 2025-10-16 (ISO week 42).
"""
from __future__ import annotations

from datetime import date

import pytest

from storyline.extract.dates import date_exprs
from storyline.extract.state import state
from storyline.resolve.calendar import resolve

PUBLISHED = date(2025, 10, 16)


def _dates(nlp, text: str, published: date | None = PUBLISHED):
    doc = nlp.make_doc(text)
    state(doc).published = published
    with nlp.select_pipes(enable=[n for n in nlp.pipe_names if not n.startswith("storyline_")]):
        doc = nlp(doc)
    return [expr for _, expr in date_exprs(doc)]


def _value_of(nlp, text: str, phrase: str, published: date | None = PUBLISHED):
    found = _dates(nlp, text, published)
    for expr in found:
        if phrase in expr.text or expr.text in phrase:
            return expr
    pytest.fail(f"in {text!r}: no date expression {phrase!r}; found {[(d.text, d.value) for d in found]}")


CASES = [
    # name, sentence, expression, expected value, expected direction
    ("past tense weekday is that day or before", "The minister called his counterpart on Thursday.",
     "Thursday", "2025-10-16", "past"),
    ("past tense weekday before the anchor", "The mayor stated on Sunday that the bridge would close.",
     "Sunday", "2025-10-12", "past"),
    ("nominal upcoming meeting is the next day", "The call comes before the meeting on Friday at the palace.",
     "Friday", "2025-10-17", "present"),
    ("future auxiliary points forward", "The council will vote on Monday.", "Monday", "2025-10-20", "future"),
    ("plans to points forward", "She plans to travel to Rome on Tuesday.", "Tuesday", "2025-10-21", "future"),
    ("present perfect points back", "The union has been striking since Monday.", "Monday", "2025-10-13", "past"),
    ("part of day keeps the day", "He remarked on Wednesday evening that talks went well.",
     "Wednesday evening", "2025-10-15TEV", "past"),
    ("last weekday is the previous one", "Prices fell last Friday.", "last Friday", "2025-10-10", "past"),
    ("next weekday is the following one", "Voting opens next Thursday.", "next Thursday", "2025-10-23", "future"),
]


@pytest.mark.parametrize("name,text,phrase,value,direction", CASES, ids=[c[0] for c in CASES])
def test_weekday_direction(nlp, name, text, phrase, value, direction):
    expr = _value_of(nlp, text, phrase)
    assert (expr.value, expr.direction) == (value, direction), (
        f"{name}: in {text!r}, {expr.text!r} resolved to {expr.value} ({expr.direction}); "
        f"expected {value} ({direction})")


PHRASES = [
    ("earlier this week is the ISO week", "earlier this week", "2025-W42", "week"),
    ("a year before the campaign word", "the 2024 campaign", "2024", "year"),
    ("today is the publication date", "today", "2025-10-16", "day"),
    ("yesterday", "yesterday", "2025-10-15", "day"),
    ("last month", "last month", "2025-09", "month"),
    ("next year", "next year", "2026", "year"),
    ("last week", "last week", "2025-W41", "week"),
    ("n years ago is a year", "five years ago", "2020", "year"),
    ("duration in years", "three years", "P3Y", "duration"),
    ("adjectival duration", "30-day", "P30D", "duration"),
    ("vague duration", "several months", "PXM", "duration"),
    ("now is the present reference", "now", "PRESENT_REF", "ref"),
    ("the future", "the future", "FUTURE_REF", "ref"),
    ("absolute date with year", "Oct. 16, 2025", "2025-10-16", "day"),
    ("month and year", "December 1998", "1998-12", "month"),
    ("decade", "the 1990s", "199", "decade"),
    ("quarter of a year", "the third quarter of 2024", "2024-Q3", "quarter"),
    ("season this year", "this summer", "2025-SU", "season"),
    ("clock time on a weekday", "10 p.m. Wednesday", "2025-10-15T22:00", "time"),
    ("set", "every year", "P1Y", "set"),
]


@pytest.mark.parametrize("name,phrase,value,granularity", PHRASES, ids=[p[0] for p in PHRASES])
def test_phrase_values(name, phrase, value, granularity):
    got = resolve(phrase, PUBLISHED, "past")
    assert (got.value, got.granularity) == (value, granularity), (
        f"{name}: {phrase!r} -> {got.value} ({got.granularity}); expected {value} ({granularity})")


def test_month_without_year_is_nearest():
    assert resolve("February", date(1989, 10, 30), None).value == "1990-02"
    assert resolve("September", date(1989, 10, 30), "past").value == "1989-09"


def test_no_publication_date_leaves_relative_dates_unresolved(nlp):
    exprs = {d.text: d for d in _dates(nlp, "Trump called Putin on Thursday, as in October 2024.", published=None)}
    assert exprs["Thursday"].value is None, f"without a publication date 'Thursday' became {exprs['Thursday']}"
    assert exprs["October 2024"].value == "2024-10", f"absolute dates still resolve: {exprs}"


def test_ages_are_not_dates(nlp):
    found = [d.text for d in _dates(nlp, "A 16-year-old boy, 19, was arrested on Monday.")]
    assert found == ["Monday"], f"only 'Monday' is a date here; found {found}"
