"""The newswire CAMEO evaluation: how a coded sentence is found, scored and guarded, on a document written here;
and the quality gate on the team's blind coding of real wire sentences (tests/data/newswire_cameo)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from storyline.errors import EvalDataError
from storyline.eval import newswire

TEXT = ("BAGHDAD, Iraq (AP) _ Iran's foreign minister met his Iraqi counterpart in Baghdad on Monday. "
        "The weather in the capital was mild for the season.")
TML_HEAD = ('<?xml version="1.0" ?><TimeML><DOCID>XYZ19990105.0001</DOCID><DCT><TIMEX3 tid="t0" type="DATE" '
            'value="1999-01-05" functionInDocument="CREATION_TIME">1999-01-05</TIMEX3></DCT><TEXT>')


def _sentence(text: str, codings: list[dict]) -> dict:
    start = TEXT.index(text)
    return {"doc": "XYZ19990105.0001", "start": start, "end": start + len(text),
            "sha1": newswire.sentence_hash(text), "codings": codings}


def _write(tmp_path, sentences: list[dict]):
    texts = tmp_path / "texts" / "AQUAINT"
    texts.mkdir(parents=True)
    (texts / "XYZ19990105.0001.tml").write_text(TML_HEAD + TEXT + "</TEXT></TimeML>", encoding="utf-8")
    gold = tmp_path / "gold.yaml"
    gold.write_text("\n".join("- " + json.dumps(s) for s in sentences) + "\n", encoding="utf-8")
    return str(gold), str(tmp_path / "texts")


GOLD = Path(__file__).parent / "data" / "newswire_cameo"
MEETING = "Iran's foreign minister met his Iraqi counterpart in Baghdad on Monday."
WEATHER = "The weather in the capital was mild for the season."


@pytest.mark.model
def test_a_coded_meeting_is_scored_against_the_event_in_its_sentence(nlp, tmp_path):
    start = TEXT.index("met")
    gold, texts = _write(tmp_path, [
        _sentence(MEETING, [{"code": "043", "source": ["IRN"], "target": ["IRQ"], "trigger": [start, start + 3]}]),
        _sentence(WEATHER, [])])
    got = newswire.evaluate(gold, texts=texts, nlp=nlp)
    assert (got["sentences"], got["coded_sentences"], got["codings"]) == (2, 1, 1)
    assert got["root_code_accuracy"] == 1.0 and got["full_match"] == 1.0, got
    assert got["trigger_found"] == 1.0 and got["main"]["root_code_accuracy"] == 1.0
    assert got["events_in_uncoded_sentences"] == 0 and got["precision"] == 1.0


@pytest.mark.model
def test_a_wrong_gold_root_or_side_counts_against_the_event(nlp, tmp_path):
    gold, texts = _write(tmp_path, [_sentence(MEETING, [{"code": "190", "source": ["IRN"], "target": ["USA"]}])])
    got = newswire.evaluate(gold, texts=texts, nlp=nlp)
    assert got["root_code_accuracy"] == 0.0 and got["target_accuracy"] == 0.0 and got["source_accuracy"] == 1.0
    assert got["precision"] == 0.0, "a meeting where the coder saw fighting is no right event"


@pytest.mark.model
def test_an_event_told_again_counts_where_it_is_told_again(nlp, tmp_path, monkeypatch):
    text = MEETING + " The meeting lasted two hours."
    monkeypatch.setattr(sys.modules[__name__], "TEXT", text)
    gold, texts = _write(tmp_path, [
        _sentence(MEETING, [{"code": "043", "source": ["IRN"], "target": ["IRQ"]}]),
        _sentence("The meeting lasted two hours.", [{"code": "040", "source": ["IRN"], "target": ["IRQ"]}])])
    got = newswire.evaluate(gold, texts=texts, nlp=nlp)
    assert got["root_code_accuracy"] == 1.0 and got["events"] == 2, got


def test_a_later_telling_on_any_row_of_a_coding_counts():
    """Coordinated actors give one coding several rows; a later mention merged into any of them is told there."""
    from types import SimpleNamespace

    from storyline.eval.event_runner import Coded
    from storyline.models import Span

    def row(*more):
        return SimpleNamespace(trigger=Span(10, 16, "killed"), evidence=Span(0, 30, "x" * 30), more_evidence=more,
                               plover="ASSAULT")
    coded = Coded(events=[row(), row(Span(200, 230, "y" * 30))], depth=0)
    assert newswire._in_sentence([coded], 190, 260) == [coded]
    assert newswire._in_sentence([coded], 100, 190) == []


def test_offsets_that_no_longer_meet_the_coded_sentence_are_an_error(nlp, tmp_path):
    moved = {**_sentence(MEETING, []), "sha1": newswire.sentence_hash("something else")}
    gold, texts = _write(tmp_path, [moved])
    with pytest.raises(EvalDataError, match="SHA-1"):
        newswire.evaluate(gold, texts=texts, nlp=nlp)


def test_a_code_missing_from_the_table_is_an_error(tmp_path):
    gold, _ = _write(tmp_path, [_sentence(MEETING, [{"code": "999", "source": [], "target": []}])])
    with pytest.raises(EvalDataError, match="not a CAMEO code"):
        newswire.load(gold)


def test_documents_alternate_between_the_halves():
    names = ["d4", "d1", "d3", "d2", "d1"]
    assert newswire.split_documents(names, "dev") == {"d1", "d3"}
    assert newswire.split_documents(names, "test") == {"d2", "d4"}
    with pytest.raises(EvalDataError, match="unknown split"):
        newswire.split_documents(names, "train")


# the dev half's figures at the last stop, a little below what was measured (see the issue 4 note)
NEWSWIRE_DEV = {"root_code_accuracy": 0.66, "source_accuracy": 0.55, "target_accuracy": 0.48, "full_match": 0.28,
                "precision": 0.52}


@pytest.mark.eval
@pytest.mark.model
def test_newswire_dev_gate(nlp, shared):
    texts = shared("eval", "temporal", "TBAQ-cleaned")
    got = newswire.evaluate(str(GOLD), split="dev", nlp=nlp, texts=str(texts))
    assert got["codings"] >= 200 and got["coded_sentences"] >= 150, got
    for name, floor in NEWSWIRE_DEV.items():
        assert got[name] >= floor, f"newswire dev {name} fell to {got[name]} (gate {floor}); all: {got}"


def test_the_two_coders_of_part_one_agree_on_the_same_sentences():
    import yaml

    first = yaml.safe_load((GOLD / "part_1.yaml").read_text(encoding="utf-8"))
    second = yaml.safe_load((GOLD / "second_coder" / "part_1.yaml").read_text(encoding="utf-8"))
    assert [(s["doc"], s["start"], s["sha1"]) for s in first] == [(s["doc"], s["start"], s["sha1"]) for s in second]
