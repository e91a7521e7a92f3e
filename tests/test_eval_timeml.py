"""storyline.eval.timeml: the loader and scorer on a hand-made file, and the quality gate (marked eval)."""
from __future__ import annotations

from datetime import date

import pytest

from storyline.errors import EvalDataError
from storyline.eval.timeml import Timex, TimeMLDoc, load, load_file, parse_text, same_value, score

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>x</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-10-16" temporalFunction="false" functionInDocument="CREATION_TIME">20251016</TIMEX3></DCT>
<TEXT>
The mayor <EVENT eid="e1">spoke</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2025-10-12">Sunday</TIMEX3> &amp; said the works take <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_parse_keeps_offsets_on_stripped_text(tmp_path):
    path = tmp_path / "x.tml"
    path.write_text(TML, encoding="utf-8")
    doc = load_file(path)
    assert doc.dct == date(2025, 10, 16)
    assert [(doc.text[t.start:t.end], t.value) for t in doc.timexes] == [("Sunday", "2025-10-12"),
                                                                         ("three years", "P3Y")]
    assert "&amp;" not in doc.text and "<EVENT" not in doc.text


def test_parse_text_without_timexes():
    assert parse_text("plain <EVENT>text</EVENT>") == ("plain text", ())


def test_same_value_normalises_lightly():
    assert same_value("2025-10-15TEV", "2025-10-15")
    assert same_value("1989-WXX", "1989-W43")
    assert same_value("PRESENT_REF", "PRESENT_REF")
    assert not same_value("2025-10-15", "2025-10-16")
    assert not same_value(None, "2025")


def test_score_relaxed_strict_and_values():
    gold = TimeMLDoc("d", "on Sunday for three years", date(2025, 10, 16),
                     (Timex(3, 9, "Sunday", "2025-10-12"), Timex(14, 25, "three years", "P3Y")))
    pred = [Timex(0, 9, "on Sunday", "2025-10-12"), Timex(14, 25, "three years", "P2Y")]
    result = score([gold], [pred])
    assert result["span_f1_relaxed"] == 1.0 and result["span_f1_strict"] == 0.5
    assert result["value_accuracy"] == 0.5


def test_missing_folder_says_what_to_pass(tmp_path):
    with pytest.raises(EvalDataError, match="TBAQ-cleaned"):
        load(str(tmp_path / "nope"))


@pytest.mark.eval
def test_quality_gate_timebank_dev(nlp, shared):
    from storyline.eval.timeml import evaluate

    result = evaluate(str(shared("eval", "temporal", "TBAQ-cleaned")), split="dev", nlp=nlp)
    assert result["value_accuracy"] >= 0.84, f"TimeBank dev value accuracy fell: {result}"
    assert result["span_f1_relaxed"] >= 0.85, f"TimeBank dev relaxed span F1 fell: {result}"
