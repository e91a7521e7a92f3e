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


def acted(events, source_part, target_part, plover):
    """Events of ``plover`` whose source name holds ``source_part`` and, when one is given, whose target name holds
    ``target_part`` (a looser check than ``find``: any target, or none, passes when none is asked)."""
    return [e for e in events if e.plover == plover and e.source_name and source_part in e.source_name
            and (not target_part or (e.target_name and target_part in e.target_name))]


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


@pytest.mark.model
@pytest.mark.parametrize("text,source,target,plover,cameo", [
    ("Britain asked Iran on Monday to release the sailors.", "Britain", "Iran", "REQUEST", "0253"),
    ("Sudan appealed to the United Nations for food aid.", "Sudan", "United Nations", "REQUEST", "0233"),
    ("Russia promised to supply Venezuela with fighter jets.", "Russia", None, "AGREE", "0332"),
    ("Germany demanded the release of the journalists from Iran.", "Germany", None, "REQUEST", "1053"),
])
def test_appeal_promise_and_demand_are_coded_by_their_content(nlp, text, source, target, plover, cameo):
    """CAMEO's 02x (appeal), 03x (intent) and 10x (demand) subcodes run parallel: what is asked or promised
    decides the code, within the root of the appeal, promise or demand."""
    _, events = analyse(nlp, text)
    found = [e for e in events if e.plover == plover and source in (e.source_name or "")
             and (target is None or target in (e.target_name or ""))]
    assert found and found[0].cameo == cameo, f"{cameo} expected: {show(events)}"


@pytest.mark.model
def test_the_one_urged_is_the_target_even_without_a_country(nlp):
    """"urged rebels to accept Malaysia as a mediator": the appeal is to the rebels, not to Malaysia."""
    _, events = analyse(nlp, "The Philippine government urged Muslim rebels to accept Malaysia as a mediator.")
    urged = [e for e in events if e.trigger and e.trigger.text == "urged"]
    assert urged and all("Malaysia" not in (e.target_name or "") for e in urged), show(events)
