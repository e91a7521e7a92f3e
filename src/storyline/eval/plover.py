"""PLOVER gold-standard records (openeventdata/PLOVER, 0.5 labels): event type, source and target.

    storyline eval plover --data ../shared/eval/events_plover/plover_gsr_dev.json [--split dev|test]

Gold labels are PLOVER 0.5 names, mapped to today's types by plover.yaml's ``plover_05_map`` (DEMAND ->
REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT; DOCUMENT records are skipped). The predicted
event of a record is ``event_runner.main_coding`` (coded events first, the matrix event highest in the parse,
then the most confident). Planned events are compared by their intent code, as CAMEO/PLOVER 0.5 code them.
A source (target) is right when the set of 3-letter country prefixes of the predicted actor codes equals the
gold set; an empty gold target wants no target.

``aligned`` gives the same four figures for the event the record marks: the predicted event whose trigger
overlaps the first "(EVT: ...)" words of the record's markup that any trigger meets, else the main event. Where a
sentence holds several events (the set codes some sentences twice, once per event), the main event can only be
one of them; the aligned figures tell how much of a miss is the choice of event rather than its coding. The
headline figures stay the main event's: a coder reading unmarked news has no markup to choose by.

CAMEO root codes: the records carry no CAMEO code, but they are the CAMEO manual's examples, edited news
sentences, and a label whose PLOVER type (and the record's mode, when it is one of today's modes of that type) is
given by codes of one CAMEO root only fixes that root: AGREE -> 03, CONSULT -> 04, DISAPPROVE -> 11, PROTEST -> 14,
("ASSAULT", "heavy-weapons") -> 19. ``cameo_root_accuracy`` is the share of those records (``cameo_root_records``)
whose predicted event has that root (``event_runner.compared_root``); records whose type spans several roots
(DEMAND: appeal 02 or demand 10; ASSAULT without a mode) are left out.

Split: the records are interleaved so both halves share the type distribution (the file is ordered by type): dev =
even-indexed records (0, 2, 4, ...), test = odd-indexed.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import EvalDataError
from ..resolve import cameo as tables
from .event_runner import coding_at, main_coding, row_of, run


def _codes(actors) -> set[str]:
    if not isinstance(actors, list):
        return set()  # missing, "" or a stray string ("diplomatic") in the gold file: no actor
    return {a["code"][:3].upper() for a in actors if isinstance(a, dict) and a.get("code")}


def load(data: str) -> list[dict]:
    path = Path(data)
    if not path.is_file():
        raise EvalDataError(data, "not found; pass the PLOVER gold-standard JSON (plover_gsr_dev.json)")
    records = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(records, list):
        raise EvalDataError(data, "expected a JSON array of PLOVER records")
    return [r for r in records if isinstance(r, dict) and r.get("text") and tables.plover_from_05(r["event"])]


def gold_root(record: dict) -> str | None:
    """The CAMEO root a record's label fixes (see the module docstring), or None when it spans several."""
    kind, mode = tables.plover_from_05(record["event"])
    own = record.get("mode")
    if mode is None and isinstance(own, str) and tables.is_plover_mode(kind, own):
        mode = own
    roots = tables.roots_for_plover(kind, mode)
    return next(iter(roots)) if len(roots) == 1 else None


def split_records(records: list[dict], split: str | None) -> list[dict]:
    if split in (None, "all"):
        return records
    if split not in ("dev", "test"):
        raise EvalDataError(str(split), "unknown split; use dev, test or all")
    return records[0::2] if split == "dev" else records[1::2]


def event_spans(record: dict) -> list[tuple[int, int]]:
    """Character spans in the record's text of the words its markup marks "(EVT: ...)", in order (the first
    occurrence of each, case-insensitive; the markup repeats the text with marks added)."""
    info = record.get("textInfo")
    markup = info.get("markup", "") if isinstance(info, dict) else ""
    text = record["text"].lower()
    spans = []
    for mark in re.finditer(r"\(EVT:\s*([^)]*)\)", markup):
        words = mark.group(1).strip().lower()
        at = text.find(words) if words else -1
        if at >= 0:
            spans.append((at, at + len(words)))
    return spans


def _judged(row: dict, gold: dict) -> dict:
    row["type_ok"] = row["predicted"] == gold["gold"]
    row["source_ok"] = set(row["source"]) == set(gold["gold_source"])
    row["target_ok"] = set(row["target"]) == set(gold["gold_target"])
    return row


def score_record(nlp, record: dict) -> dict:
    """The main coded event against the record's gold; ``aligned`` is the event whose trigger overlaps the words
    the record marks as its event (the main one when none does)."""
    gold = {"id": record.get("id"), "gold": tables.plover_from_05(record["event"])[0],
            "gold_source": sorted(_codes(record.get("source"))), "gold_target": sorted(_codes(record.get("target"))),
            "gold_root": gold_root(record)}
    doc = run(nlp, record["text"], record.get("date"))
    main = main_coding(doc)
    row = _judged({**gold, **row_of(doc, main)}, gold)
    at = coding_at(doc, event_spans(record))
    row["aligned"] = _judged(row_of(doc, at or main), gold)
    row["marked_found"] = at is not None
    return row


def _accuracies(rows: list[dict]) -> dict:
    n = len(rows) or 1
    return {"event_type_accuracy": round(sum(r["type_ok"] for r in rows) / n, 3),
            "source_accuracy": round(sum(r["source_ok"] for r in rows) / n, 3),
            "target_accuracy": round(sum(r["target_ok"] for r in rows) / n, 3),
            "full_match": round(sum(r["type_ok"] and r["source_ok"] and r["target_ok"] for r in rows) / n, 3)}


def evaluate(data: str, split: str | None = "dev", nlp=None, details: bool = False, **options) -> dict:
    from ..extract import load_pipeline

    nlp = nlp or load_pipeline()
    rows = [score_record(nlp, r) for r in split_records(load(data), split)]
    result = {"split": split or "all", "records": len(rows), **_accuracies(rows),
              "no_event": sum(r["predicted"] is None for r in rows),
              "aligned": _accuracies([r["aligned"] for r in rows]),
              "marked_found": round(sum(r["marked_found"] for r in rows) / (len(rows) or 1), 3)}
    rooted = [r for r in rows if r["gold_root"]]
    result["cameo_root_records"] = len(rooted)
    result["cameo_root_accuracy"] = round(sum(r["root"] == r["gold_root"] for r in rooted) / (len(rooted) or 1), 3)
    if details:
        result["rows"] = rows
    return result
