"""Quotation marks -> stretches (no model): pairing, broken marks repaired at paragraph edges, continuations."""
from __future__ import annotations

import pytest

from storyline.extract.quote_marks import find_marked

CASES = [
    # name, text, expected stretch texts
    ("curly pair", "He said, “We will win.” Then he left.", ["We will win."]),
    ("straight pair", 'He said, "We will win." Then he left.', ["We will win."]),
    ("split around the cue", "“First part,” she said. “Second part.”", ["First part,", "Second part."]),
    ("missing opening mark", "Are we there? I think so,” he said. “Next one.", ["Are we there? I think so,", "Next one."]),
    ("wrong-way curly close", "She said “it is over“ and left.", ["it is over"]),
    ("apostrophes are not quotes", "It’s Smith’s plan, he said.", []),
    ("markup attributes", 'A <tweet id="123" author="@x"> here', []),
]


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_stretches(name, text, expected):
    got = [text[m.start:m.end] for m in find_marked(text)]
    assert got == expected, f"{name}: {text!r} -> {got}, expected {expected}"


def test_quote_over_paragraphs_continues():
    text = "“First paragraph of the quote.\n\n“Second paragraph,” she said.\n\nNarration."
    marks = find_marked(text)
    assert [text[m.start:m.end] for m in marks] == ["First paragraph of the quote.", "Second paragraph,"]
    assert marks[0].continues and marks[0].closed_by_paragraph, f"first piece should continue: {marks[0]}"
    assert not marks[1].continues


def test_unclosed_quote_stops_at_unmarked_paragraph():
    text = "“I think so.\n\nThe meeting ended."
    marks = find_marked(text)
    assert [text[m.start:m.end] for m in marks] == ["I think so."]
    assert not marks[0].continues


def test_hard_wrapped_line_is_one_stretch():
    text = "“They focus on paid advertising\nin caucuses and primaries.” Next."
    marks = find_marked(text)
    assert [text[m.start:m.end] for m in marks] == ["They focus on paid advertising\nin caucuses and primaries."]
