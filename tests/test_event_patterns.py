"""The event pattern dictionary is data with a schema: every code and type in it must exist."""
from __future__ import annotations

import pytest

from storyline.extract.event_patterns import PatternError, parse_book, pattern_book, read_patterns
from storyline.models import EVENT_STATUSES
from storyline.resolve import cameo

FIELDS = {"plover", "mode", "cameo", "intent", "target", "source", "control", "governs", "mutual", "needs", "stative",
          "note"}
SLOTS = {"dobj", "dative"}
NEEDS = {None, "dobj", "no_dobj", "object_alone", "target", "actor", "own_target", "source", "complement", "no_clause", "object_clause",
         "state"}


def entries():
    data = read_patterns()
    for kind in ("predicates", "nominals"):
        for key, entry in data[kind].items():
            yield f"{kind}:{key}", entry


@pytest.mark.parametrize("name,entry", list(entries()), ids=lambda v: v if isinstance(v, str) else "")
def test_entry_codes_exist(name, entry):
    unknown = set(entry) - FIELDS
    assert not unknown, f"{name}: unknown fields {unknown}; allowed: {sorted(FIELDS)}"
    for field in ("cameo", "intent"):
        if entry.get(field) is not None:
            assert cameo.tables().codes.get(entry[field]), f"{name}: {field} {entry[field]!r} not in cameo.yaml"
    if entry["plover"] is not None:
        assert cameo.is_plover_type(entry["plover"]), f"{name}: PLOVER type {entry['plover']!r} not in plover.yaml"
        assert cameo.is_plover_mode(entry["plover"], entry.get("mode")), (
            f"{name}: mode {entry.get('mode')!r} is not a mode of {entry['plover']} in plover.yaml")
    else:
        assert entry["cameo"].startswith("01"), f"{name}: plover null is only for 01x statements"
    assert entry.get("governs") in (None, *EVENT_STATUSES), f"{name}: governs must be an event status"
    assert entry.get("needs") in NEEDS, f"{name}: needs must be one of {NEEDS}"
    for slot in entry.get("target", ()):
        assert slot in SLOTS or slot.isalpha(), f"{name}: target slot {slot!r} is neither dobj/dative nor a word"


def test_status_cues_are_statuses():
    data = read_patterns()
    for status in data["status_cues"]:
        assert status in EVENT_STATUSES or status == "negated_success", f"status_cues: {status!r} is no status"
    for word, status in data["modals"].items():
        assert status in EVENT_STATUSES, f"modals: {word} -> {status!r} is no status"
    for status in data["noun_status"]:
        assert status in EVENT_STATUSES, f"noun_status: {status!r} is no status"


def test_book_loads_multiword_and_cues():
    book = pattern_book()
    assert book.verbs["call for"].plover == "REQUEST"
    assert book.nouns["invasion"].plover == "ASSAULT"
    assert book.cue("plan") == "planned" and book.cue("consider") == "considered"
    assert book.cue("fail") == "failed" and "manage" in book.negated_success
    assert "say" in book.reporting


def test_entry_without_cameo_is_refused_with_a_fix():
    with pytest.raises(PatternError, match="meet.*cameo"):
        parse_book({"predicates": {"meet": {"plover": "CONSULT"}}})


def test_plover_05_labels_map_to_current_types():
    assert cameo.plover_from_05("DEMAND") == ("REQUEST", None)
    assert cameo.plover_from_05("FIGHT")[0] == "ASSAULT"
    assert cameo.plover_from_05("DOCUMENT") is None
    assert cameo.plover_for_cameo("036") == ("AGREE", None)
    assert cameo.plover_for_cameo("010") is None
    assert cameo.quad_class("190") == 4 and cameo.goldstein("190") == -10.0


def _keys_once(loader, node, deep=False):
    """A mapping constructor that refuses a key given twice (PyYAML keeps the last one silently)."""
    import yaml

    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} given twice (lines {seen[key]} and {key_node.start_mark.line + 1})",
                key_node.start_mark)
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


@pytest.mark.parametrize("name", ["event_patterns", "actors", "demonyms", "speech_cues", "plover", "cameo",
                                  "places_supplement", "actor_sectors"])
def test_data_file_gives_no_key_twice(name):
    """Two entries for one word would leave only the second in force, unseen by whoever wrote the first."""
    from importlib.resources import files

    import yaml

    class Once(yaml.SafeLoader):
        pass

    Once.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _keys_once)
    yaml.load((files("storyline") / "data" / f"{name}.yaml").read_text(encoding="utf-8"), Loader=Once)


def test_an_entry_with_no_intent_takes_its_roots_intent_code():
    book = parse_book({"predicates": {"defend": {"plover": "SUPPORT", "cameo": "052"},
                                      "curb": {"plover": "COERCE", "cameo": "172", "intent": "1312"},
                                      "deplore": {"plover": "ACCUSE", "cameo": "111"}},
                       "intent_by_root": {"05": "032", "17": "137"}})
    assert book.verbs["defend"].intent == "032"  # "will defend X" is an intent to cooperate
    assert book.verbs["curb"].intent == "1312"  # its own intent code wins
    assert book.verbs["deplore"].intent is None  # a root with no intent code keeps its code when planned


def test_the_shipped_roots_intent_codes_are_intent_codes():
    intents = read_patterns()["intent_by_root"]
    assert intents and all(code[:2] in ("03", "13") and cameo.tables().codes.get(code) for code in intents.values())
