"""Seed acceptance for dates: the four weekday expressions and "earlier this week" (published 2025-10-16)."""
from __future__ import annotations

import pytest

EXPECTED = [
    # sentence start (to find the occurrence), expression, value (a part of day may follow: T..)
    ("Trump called Putin on Thursday", "Thursday", "2025-10-16"),
    ("Trump’s meeting on Friday", "Friday", "2025-10-17"),
    ("Trump stated on Sunday", "Sunday", "2025-10-12"),
    ("Trump remarked on Wednesday evening", "Wednesday", "2025-10-15"),
]


def _date_at(seed_doc, context: str, phrase: str):
    at = seed_doc.text.find(context)
    assert at >= 0, f"the seed text no longer contains {context!r}"
    for d in seed_doc.dates:
        if at <= d.start < at + len(context) + 10 and phrase in d.text:
            return d
    pytest.fail(f"seed: no date {phrase!r} in {context!r}; dates: {[(d.text, d.start, d.value) for d in seed_doc.dates]}")


@pytest.mark.parametrize("context,phrase,value", EXPECTED, ids=[e[0] for e in EXPECTED])
def test_seed_weekdays(seed_doc, context, phrase, value):
    d = _date_at(seed_doc, context, phrase)
    assert d.value and d.value[:10] == value, f"seed {context!r}: {d.text!r} -> {d.value}, expected {value}"


def test_seed_earlier_this_week(seed_doc):
    d = _date_at(seed_doc, "in Jerusalem earlier this week", "this week")
    assert d.value == "2025-W42" and d.granularity == "week", f"'earlier this week' -> {d.value} ({d.granularity})"


def test_seed_campaign_year(seed_doc):
    d = _date_at(seed_doc, "Trump’s 2024 campaign", "2024")
    assert d.value == "2024", f"'2024 campaign' -> {d.value}"
