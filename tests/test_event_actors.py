"""Event arguments the actors component leaves without a code: group nouns, places, unresolved pronouns, and
targets the pattern slots miss (extract/event_actors.py, event_args.deep_targets). Sentences written for the test."""
from __future__ import annotations

import pytest

from storyline.eval.event_runner import run
from storyline.extract.event_actors import describe, is_group
from storyline.extract.state import Analysis, state


def _events(nlp, text: str):
    return state(run(nlp, text, "2005-06-01")).events


def _one(nlp, text: str, word: str):
    events = [e for e in _events(nlp, text) if e.trigger and e.trigger.text.startswith(word)]
    assert events, f"{text!r}: no event triggered by {word!r}; events: {_events(nlp, text)}"
    return events[0]


def test_group_keys_describe_themselves():
    assert is_group("group:ZWEOPP:opposition groups") and not is_group("A1") and not is_group(None)
    assert describe("group:ZWEOPP:opposition groups", Analysis()) == (None, "opposition groups", "ZWEOPP")
    assert describe(None, Analysis()) == (None, None, None)


CASES = [
    # (name, sentence, trigger, expected source code prefix, expected target code prefix)
    ("group noun with a place phrase", "Opposition groups in Zimbabwe demanded new elections.", "demanded", "ZWE", None),
    ("target missed by the parse", "Afghan rebels have kidnapped up to 16 Russian advisers.", "kidnapped", "AFG", "RUS"),
    ("quantity head", "Thousands of students throughout Indonesia staged demonstrations against the government.",
     "demonstrations", "IDN", None),
    ("pronoun of a reported clause", "Uganda said on Sunday it had paid compensation to British nationals.",
     "compensation", "UGA", "GBR"),
]


@pytest.mark.model
@pytest.mark.parametrize("name,sentence,word,source,target", CASES, ids=[c[0] for c in CASES])
def test_fallback_actor_codes(nlp, name, sentence, word, source, target):
    event = _one(nlp, sentence, word)
    got = (event.source_code or "")[:3] or None, (event.target_code or "")[:3] or None
    assert got[0] == source, f"[{name}] {sentence!r}: source of {word!r} should be {source}, got {event}"
    if target:
        assert got[1] == target, f"[{name}] {sentence!r}: target of {word!r} should be {target}, got {event}"


@pytest.mark.model
def test_a_person_unknown_to_the_knowledge_file_is_not_coded_as_a_town_of_that_name(nlp):
    sentence = "Senator John Paris criticized Germany on Monday."
    event = _one(nlp, sentence, "criticized")
    assert not (event.source_code or "").startswith("FRA"), f"{sentence!r}: the senator was coded as Paris: {event}"
