"""Codebook probes: news sentences the storyline team wrote, one or more for each CAMEO event code, in the
style of the wire reports the CAMEO manual draws on (attributions, titles, intent and passive forms).

    storyline eval codebook --data tests/data/codebook

A probe file is YAML: a list of ``{code, text, source, target, date}``. ``code`` is the CAMEO code the sentence
illustrates; the expected PLOVER type is the one the CAMEO->PLOVER table gives that code, and the expected CAMEO
root is the code's first two digits. ``source`` and ``target`` are lists of three-letter country codes (an empty
list wants no actor; a missing key is not checked). ``date`` is the publication date (optional).

The event compared is ``event_runner.main_coding``, typed by ``compared_type`` as CAMEO does (a planned event by its
intent code), exactly as the PLOVER gold-standard evaluation does, so the two figures can be read side by side.
Unlike the gold standard, these sentences were written for storyline: they measure coverage of the codebook, not
accuracy on unseen text.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import EvalDataError
from ..resolve import cameo as tables
from .event_runner import main_event_row


def _files(data: str) -> list[Path]:
    path = Path(data)
    if path.is_dir():
        return sorted(path.glob("*.yaml"))
    if path.is_file():
        return [path]
    raise EvalDataError(data, "not found; pass a probe YAML file or a folder of them (tests/data/codebook)")


def _checked(probe: dict, where: str) -> dict:
    code = str(probe.get("code") or "")
    if code not in tables.tables().codes:
        raise EvalDataError(where, f"probe {probe.get('text', '')[:40]!r}: {code!r} is not a CAMEO code in cameo.yaml")
    if not tables.plover_for_cameo(code):
        raise EvalDataError(where, f"probe code {code} is a public statement (01x): PLOVER codes no type for it")
    if probe.get("plover") is not None and not tables.is_plover_type(probe["plover"]):
        raise EvalDataError(where, f"probe {code}: {probe['plover']!r} is not a PLOVER type in plover.yaml")
    if not isinstance(probe.get("text"), str) or not probe["text"].strip():
        raise EvalDataError(where, f"probe {code}: give the sentence as 'text'")
    return {**probe, "code": code, "file": where}


def load(data: str) -> list[dict]:
    probes = []
    for path in _files(data):
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if not isinstance(entries, list):
            raise EvalDataError(str(path), "expected a YAML list of probes ({code, text, source, target})")
        probes += [_checked(p, path.name) for p in entries]
    return probes


def _side_ok(expected, got: list[str]) -> bool:
    return expected is None or {c.upper() for c in expected} == set(got)


def score_probe(nlp, probe: dict) -> dict:
    row = {"file": probe["file"], "code": probe["code"], "text": probe["text"],
           "gold": probe.get("plover") or tables.plover_for_cameo(probe["code"])[0],
           "gold_root": tables.root(probe["code"]), **main_event_row(nlp, probe["text"], probe.get("date"))}
    row["type_ok"] = row["predicted"] == row["gold"]
    row["root_ok"] = row["root"] == row["gold_root"]
    row["source_ok"] = _side_ok(probe.get("source"), row["source"])
    row["target_ok"] = _side_ok(probe.get("target"), row["target"])
    row["full_ok"] = row["type_ok"] and row["source_ok"] and row["target_ok"]
    return row


def _rates(rows: list[dict]) -> dict:
    n = len(rows) or 1
    return {"probes": len(rows),
            "event_type_accuracy": round(sum(r["type_ok"] for r in rows) / n, 3),
            "cameo_root_accuracy": round(sum(r["root_ok"] for r in rows) / n, 3),
            "source_accuracy": round(sum(r["source_ok"] for r in rows) / n, 3),
            "target_accuracy": round(sum(r["target_ok"] for r in rows) / n, 3),
            "full_match": round(sum(r["full_ok"] for r in rows) / n, 3),
            "no_event": sum(r["predicted"] is None for r in rows)}


def evaluate(data: str, split: str | None = None, nlp=None, details: bool = False, **options) -> dict:
    from ..extract import load_pipeline

    nlp = nlp or load_pipeline()
    rows = [score_probe(nlp, p) for p in load(data)]
    result = {"split": "all", **_rates(rows)}
    result["by_root"] = {root: _rates([r for r in rows if r["gold_root"] == root])
                         for root in sorted({r["gold_root"] for r in rows})}
    if details:
        result["rows"] = rows
    return result
