"""Quality gate for the codebook probes (tests/data/codebook): the team's own wire-style sentences, one or more per
CAMEO code of roots 02-20, scored as the PLOVER gold standard is (main coded event, type as CAMEO codes it, country
codes of source and target). The pins sit a little below what was measured; raise them when the figures improve.
The reader is checked without the model too.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import EvalDataError
from storyline.eval import codebook

PROBES = Path(__file__).parent / "data" / "codebook"

# Measured over 422 probes once the dictionary was extended to them: type 0.979, root 0.983, source 0.974, target
# 0.943, full 0.922 (first run, before any fix: type about 0.83, full about 0.71; the issue-4 note has each file's).
GATE = {"event_type_accuracy": 0.96, "cameo_root_accuracy": 0.96, "full_match": 0.90}
# Every root keeps at least this type accuracy (the lowest measured was 0.90), so a gain in one cannot hide a loss
# in another.
ROOT_FLOOR = 0.85


def test_every_probe_names_a_coded_cameo_code_and_a_sentence():
    probes = codebook.load(str(PROBES))
    assert len(probes) >= 100
    assert all(p["text"].strip() and len(p["code"]) in (3, 4) for p in probes)
    assert {p["code"][:2] for p in probes} >= {f"{n:02d}" for n in range(2, 21)}


@pytest.mark.parametrize("entry,problem", [
    ({"code": "999", "text": "Chad met Niger."}, "not a CAMEO code"),
    ({"code": "010", "text": "Chad spoke."}, "public statement"),
    ({"code": "042", "text": "  "}, "give the sentence"),
    ({"code": "163", "text": "Chad banned trade with Niger.", "plover": "EMBARGO"}, "not a PLOVER type"),
])
def test_a_bad_probe_is_refused_with_the_reason(tmp_path, entry, problem):
    import yaml

    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump([entry]), encoding="utf-8")
    with pytest.raises(EvalDataError, match=problem):
        codebook.load(str(path))


def _failures(rows: list[dict]) -> str:
    return "\n".join(f"{r['file']} {r['code']}: {r['text']} -> {r['predicted']} ({r['cameo']}, {r['trigger']!r}), "
                     f"source {r['source']}, target {r['target']}" for r in rows if not r["full_ok"])


@pytest.mark.model
def test_codebook_probes_keep_their_gate(nlp):
    result = codebook.evaluate(str(PROBES), nlp=nlp, details=True)
    failures = _failures(result["rows"])
    for metric, pin in GATE.items():
        assert result[metric] >= pin, f"{metric} {result[metric]} < {pin}; failing probes:\n{failures}"
    weak = {root: r["event_type_accuracy"] for root, r in result["by_root"].items()
            if r["event_type_accuracy"] < ROOT_FLOOR}
    assert not weak, f"roots below {ROOT_FLOOR} type accuracy: {weak}; failing probes:\n{failures}"


ACTOR_PROBES = Path(__file__).parent / "data" / "actor_probes"
# The actor probes: 350 sentences, each file written before the fixes it led to: who did what to whom (a titles and
# organisations, b groups and places, c syntax; first run at afea1ed: type 0.917, full 0.694), words with several
# senses (d) and events named by light verbs, event nouns and phrasal verbs (e; first run at 4298a4f: type 0.667 and
# 0.700, full 0.500 and 0.567), promises, threats, refusals and appeals (f; first run at c0374f7: type 0.98, full
# 0.90). All 350 at first run: type 0.846, full 0.669. After the fixes: type 0.900, source 0.917, target 0.866,
# full 0.783.
ACTOR_GATE = {"event_type_accuracy": 0.89, "source_accuracy": 0.905, "target_accuracy": 0.855, "full_match": 0.77}


@pytest.mark.model
def test_actor_probes_keep_their_gate(nlp):
    result = codebook.evaluate(str(ACTOR_PROBES), nlp=nlp, details=True)
    assert result["probes"] == 350
    failures = _failures(result["rows"])
    for metric, pin in ACTOR_GATE.items():
        assert result[metric] >= pin, f"{metric} {result[metric]} < {pin}; failing probes:\n{failures}"


WIRE_PROBES = Path(__file__).parent / "data" / "wire_probes"
WIRE_PROBES_B = Path(__file__).parent / "data" / "wire_probes_b"
# The wire probes: two independent sets written to one brief (edited agency copy of 1985-2010, two sentences per
# three-digit code of roots 02-20, each harder than a codebook example: idioms and light verbs, attribution apart
# from the act, a background clause, actors by title, capital or group). Set A (276) first ran at 3c7bce9: type
# 0.554, full 0.384; its failures led to the fixes, after which type 0.750, full 0.554. Set B (274) was written by
# other helpers who never saw A and was committed before any run: type 0.580, full 0.420 at 3c7bce9, and 0.642,
# 0.482 with the fixes from A alone (what carries over to unseen sentences); after fixes from B, type 0.686.
WIRE_GATE = {
    WIRE_PROBES: {"event_type_accuracy": 0.73, "full_match": 0.53},
    WIRE_PROBES_B: {"event_type_accuracy": 0.67, "full_match": 0.50},
}


@pytest.mark.model
@pytest.mark.parametrize("path", list(WIRE_GATE), ids=["a", "b"])
def test_wire_probes_keep_their_gate(nlp, path):
    result = codebook.evaluate(str(path), nlp=nlp, details=True)
    assert result["probes"] >= 270
    failures = _failures(result["rows"])
    for metric, pin in WIRE_GATE[path].items():
        assert result[metric] >= pin, f"{metric} {result[metric]} < {pin}; failing probes:\n{failures}"
