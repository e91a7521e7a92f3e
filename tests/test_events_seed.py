"""Seed acceptance: the hand-annotated events of ../shared/seed/gold.json.

Gold events are matched by names here (never in the code): a predicted actor matches a gold actor when its
entity name is the gold name or one of the gold entity's mentions ("Kyiv" for Ukraine, "Trump" for Trump).
"""
from __future__ import annotations

import json

import pytest

NOT_REAL = {"planned", "considered", "failed", "requested", "conditional"}


@pytest.fixture(scope="module")
def gold(shared):
    return json.loads(shared("seed", "gold.json").read_text(encoding="utf-8"))


def _names(gold: dict) -> dict[str, set[str]]:
    return {e["name"]: {e["name"], *e.get("mentions", ())} for e in gold["entities"]}


def _actor_ok(names: dict[str, set[str]], gold_name: str | None, predicted: str | None) -> bool:
    if gold_name is None:
        return predicted is None
    return predicted is not None and predicted in names.get(gold_name, {gold_name})


def _overlaps(text: str, gold_event: dict, event) -> bool:
    spans = [event.evidence, *event.more_evidence]
    for snippet in (gold_event["evidence"], *gold_event.get("evidence_alt", ())):
        start = text.find(snippet)
        if start >= 0 and any(s.start < start + len(snippet) and start < s.end for s in spans):
            return True
    return False


def _same_event(names, text, gold_event, event) -> bool:
    return (_actor_ok(names, gold_event["source"], event.source_name)
            and _actor_ok(names, gold_event["target"], event.target_name)
            and event.plover == gold_event["plover"] and _overlaps(text, gold_event, event))


def _describe(events) -> str:
    return "\n".join(f"  {e.id}: {e.source_name} -> {e.target_name} {e.plover} {e.status} date={e.date} "
                     f"[{e.trigger.text if e.trigger else ''}] {e.evidence.text[:70]!r}" for e in events)


def _gold_events(required: bool):
    from tests.conftest import shared_dir

    data = json.loads(shared_dir("seed", "gold.json").read_text(encoding="utf-8"))
    return [e for e in data["events"] if bool(e.get("required")) == required]


@pytest.mark.model
@pytest.mark.parametrize("gold_event", _gold_events(True), ids=lambda e: f"{e['id']}-{e['summary'][:40]}")
def test_required_event_found(seed_doc, gold, gold_event):
    names = _names(gold)
    found = [e for e in seed_doc.events if _same_event(names, seed_doc.text, gold_event, e)]
    assert found, (f"seed article: {gold_event['id']} ({gold_event['summary']}) not found as "
                   f"{gold_event['source']} -> {gold_event['target']} {gold_event['plover']}; events:\n"
                   f"{_describe(seed_doc.events)}")
    allowed = gold_event.get("status_ok", [gold_event["status"]])
    right_status = [e for e in found if e.status in allowed]
    assert right_status, (f"seed article: {gold_event['id']} should have status {allowed}, got "
                          f"{[e.status for e in found]}:\n{_describe(found)}")
    if gold_event.get("event_date"):
        dated = [e for e in right_status if e.date == gold_event["event_date"]]
        assert dated, (f"seed article: {gold_event['id']} should be dated {gold_event['event_date']}, got "
                       f"{[e.date for e in right_status]}")


@pytest.mark.model
@pytest.mark.parametrize("gold_event", [e for r in (True, False) for e in _gold_events(r)
                                        if e["status"] in NOT_REAL], ids=lambda e: e["id"])
def test_unreal_event_never_output_as_occurred(seed_doc, gold, gold_event):
    names = _names(gold)
    wrong = [e for e in seed_doc.events if e.status == "occurred"
             and _actor_ok(names, gold_event["source"], e.source_name)
             and _actor_ok(names, gold_event["target"], e.target_name) and _overlaps(seed_doc.text, gold_event, e)]
    assert not wrong, (f"seed article: {gold_event['id']} is {gold_event['status']} in gold "
                       f"({gold_event['summary']}) but was output as occurred:\n{_describe(wrong)}")


@pytest.mark.model
def test_seed_events_carry_codes(seed_doc):
    coded = [e for e in seed_doc.events if e.cameo]
    assert coded, "seed article: no CAMEO-coded events at all"
    for e in coded:
        assert e.quad_class in (1, 2, 3, 4) and e.goldstein is not None, f"{e.id} lacks quad class/Goldstein"
        assert e.trigger and e.evidence.start <= e.trigger.start < e.evidence.end + 40, f"{e.id}: trigger outside"


@pytest.mark.model
@pytest.mark.parametrize("gold_event", _gold_events(False), ids=lambda e: f"{e['id']}-{e['summary'][:40]}")
def test_optional_event(seed_doc, gold, gold_event):
    """Stretch goals (pronoun sources, pressure-as-threat): reported as xfail when missed, never hidden."""
    names = _names(gold)
    found = [e for e in seed_doc.events if _same_event(names, seed_doc.text, gold_event, e)
             and e.status in gold_event.get("status_ok", [gold_event["status"]])]
    if not found:
        pytest.xfail(f"optional {gold_event['id']} ({gold_event['summary']}) not found")
