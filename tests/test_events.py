"""Event extraction on sentences written for the tests: each case names the construction it checks.

Dates and places are injected into the working state as the dates/places components would (a test double at
the component boundary), so these cases do not depend on those components' coverage.
"""
from __future__ import annotations

from datetime import date

import pytest

from storyline.extract import events as events_component
from storyline.extract.state import state
from storyline.models import DateExpr


def analyse(nlp, text: str, published: str = "2025-10-16", dates: dict[str, str] | None = None,
            places: dict[str, str] | None = None):
    """Run everything before storyline_events, inject dates/places by word, then run the events component."""
    doc = nlp.make_doc(text)
    state(doc).published = date.fromisoformat(published)
    for name, proc in nlp.pipeline:
        if name == "storyline_events":
            break
        doc = proc(doc)
    sl = state(doc)
    for word, value in (dates or {}).items():
        token = next(t for t in doc if t.text == word)
        sl.dates.append(DateExpr(word, token.idx, token.idx + len(word), value, "day"))
        sl.token_date[token.i] = len(sl.dates) - 1
    for word, place_id in (places or {}).items():
        token = next(t for t in doc if t.text == word)
        sl.token_place[token.i] = place_id
    events_component.annotate(doc)
    return doc, sl.events


def find(events, source_part, target_part, plover):
    def has(name, part):
        return part is None and name is None or (part is not None and name is not None and part in name)
    return [e for e in events if has(e.source_name, source_part) and has(e.target_name, target_part)
            and e.plover == plover]


def show(events) -> str:
    return "; ".join(f"{e.source_name}->{e.target_name} {e.plover} {e.status} [{e.trigger.text}]" for e in events)


CASES = [
    # (name, text, source, target, plover, status)
    ("active verb", "Germany criticized Poland on Monday.", "Germany", "Poland", "ACCUSE", "occurred"),
    ("passive with agent", "Poland was criticized by Germany.", "Germany", "Poland", "ACCUSE", "occurred"),
    ("controlled clause, object control", "France urged Italy to sign the treaty.", "France", "Italy", "REQUEST",
     "occurred"),
    ("controlled clause after a preposition: called on X to V", "Chile called on Peru to withdraw its troops.",
     "Peru", None, "RETREAT", "requested"),
    ("passive object control: the one asked acts", "The Peruvian minister was asked to resign.", "Peru", None,
     "RETREAT", "requested"),
    ("passive object control: forced to V happened", "The Bolivian president was forced to step down.", "Bolivia",
     None, "RETREAT", "occurred"),
    ("embedded event takes controller", "France urged Italy to meet with Spain.", "Italy", "Spain", "CONSULT",
     "requested"),
    ("plans to: trigger is the embedded verb", "Germany plans to meet with Poland.", "Germany", "Poland", "CONSULT",
     "planned"),
    ("considering + gerund", "Canada is considering supplying Ukraine with rifles.", "Canada", "Ukraine", "AID",
     "considered"),
    ("possessor is the source of an event noun", "Germany's meeting with Poland ended early.", "Germany", "Poland",
     "CONSULT", "occurred"),
    ("demonym source, of-target", "The Russian invasion of Ukraine continued.", "Russia", "Ukraine", "ASSAULT",
     "occurred"),
    ("failed to", "Germany failed to convince Poland to join.", "Germany", "Poland", "REQUEST", "failed"),
    ("refused to", "Poland refused to meet with Germany.", "Poland", "Germany", "CONSULT", "denied"),
]


@pytest.mark.model
@pytest.mark.parametrize("name,text,source,target,plover,status", CASES, ids=[c[0] for c in CASES])
def test_event_case(nlp, name, text, source, target, plover, status):
    _, events = analyse(nlp, text)
    found = find(events, source, target, plover)
    assert found, f"[{name}] {text!r}: expected {source} -> {target} {plover}; got {show(events)}"
    assert any(e.status == status for e in found), (
        f"[{name}] {text!r}: expected status {status}; got {show(found)}")


@pytest.mark.model
def test_coordinated_subjects_of_mutual_event_give_one_row_each(nlp):
    _, events = analyse(nlp, "Germany and France agreed on a new trade pact.")
    agree = [e for e in events if e.plover == "AGREE"]
    assert {e.source_name for e in agree} >= {"Germany", "France"}, f"'Germany and France agreed': {show(events)}"
    assert all(e.target is None for e in agree), f"no partner stated, so no target: {show(agree)}"


@pytest.mark.model
def test_future_date_on_event_noun_makes_it_planned_and_dated(nlp):
    _, events = analyse(nlp, "Germany's meeting with Poland on Friday will be short.",
                        dates={"Friday": "2025-10-17"})
    found = find(events, "Germany", "Poland", "CONSULT")
    assert found and found[0].date == "2025-10-17", f"meeting on Friday should carry the date: {show(events)}"
    assert found[0].status == "planned", f"a meeting on a future date is planned: {show(found)}"
    assert found[0].cameo == "036", f"planned meeting is CAMEO 036 (intent to meet), got {found[0].cameo}"


def test_an_event_date_is_a_calendar_date_or_period():
    from storyline.extract.event_context import calendar_value
    from storyline.models import DateExpr

    def value(v, granularity):
        return calendar_value(DateExpr("x", 0, 1, v, granularity))

    kept = [("2016-09-09", "day"), ("2016-09", "month"), ("2016", "year"), ("2016-W36", "week"), ("2016-Q3", "quarter"),
            ("2016-SU", "season"), ("199", "decade"), ("2016-09-19T17:00", "time")]
    assert [value(v, g) for v, g in kept] == [v for v, _ in kept]
    dropped = [("P6Y", "duration"), ("P3D", "duration"), ("PAST_REF", "ref"), ("FUTURE_REF", "ref"), ("PXW", "duration")]
    assert [value(v, g) for v, g in dropped] == [None] * len(dropped)
    assert calendar_value(None) is None


@pytest.mark.model
def test_a_duration_is_no_event_date(nlp):
    _, events = analyse(nlp, "Germany condemned Poland three days after the vote.")
    found = find(events, "Germany", "Poland", "ACCUSE")
    assert found and found[0].date is None, f"'three days after' says how long, not when: {show(found)}"


@pytest.mark.model
def test_location_comes_from_the_places_component(nlp):
    _, events = analyse(nlp, "Germany plans to meet with Poland in Vienna.", places={"Vienna": "P9"})
    found = find(events, "Germany", "Poland", "CONSULT")
    assert found and found[0].location == "P9", f"'in Vienna' should be the location: {show(events)}"


@pytest.mark.model
def test_same_event_twice_is_one_row_with_two_evidence_spans(nlp):
    text = "Germany criticized Poland on Monday. Later, Germany criticized Poland again."
    _, events = analyse(nlp, text)
    found = find(events, "Germany", "Poland", "ACCUSE")
    assert len(found) == 1, f"one criticism event expected, got {show(found)}"
    assert len(found[0].more_evidence) == 1, f"the second statement should be more_evidence: {found[0]}"


@pytest.mark.model
def test_reporting_verbs_are_not_events(nlp):
    _, events = analyse(nlp, "Germany said that Poland announced new measures.")
    assert not events, f"say/announce alone are no events: {show(events)}"


@pytest.mark.model
def test_statement_noun_is_kept_with_plover_null(nlp):
    _, events = analyse(nlp, "During a speech in Poland, the German chancellor said the border would stay open.")
    speech = [e for e in events if e.trigger and e.trigger.text == "speech"]
    assert not speech or (speech[0].plover is None and speech[0].cameo == "010"), f"speech: {show(events)}"


@pytest.mark.model
def test_event_fields_are_filled(nlp):
    _, events = analyse(nlp, "Germany criticized Poland on Monday.")
    e = find(events, "Germany", "Poland", "ACCUSE")[0]
    assert e.trigger.text == "criticized" and "Germany criticized Poland" in e.evidence.text
    assert e.cameo == "111" and e.quad_class == 3 and e.goldstein is not None
    assert e.reported == "2025-10-16", f"reported defaults to the published date, got {e.reported}"
    assert 0 < e.confidence <= 1
