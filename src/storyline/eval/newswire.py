"""CAMEO codes on real newswire: the team's blind coding of AP, New York Times and Xinhua sentences of 1998-2000.

    storyline eval newswire --data tests/data/newswire_cameo [--texts ../shared/eval/temporal/TBAQ-cleaned]
                            [--split dev|test]

The texts are the AQUAINT documents of the TempEval-3 data (``--texts``, read by ``timeml.load_file``); the
coding is ours and holds no text, only character offsets into each document's plain text. A gold file is YAML:
``{doc, start, end, sha1, codings: [{code, source, target, trigger: [start, end]}]}`` per sentence, every
sentence of the first twelve of each document listed, ``codings: []`` when it has nothing to code. ``sha1`` (the
first 12 hex digits of the sentence's SHA-1) proves the offsets still point at the sentence that was coded.
How the sentences were coded is in the folder's BRIEF.md: roots 02-20 only (public statements, 01x, are quotes
in storyline, not events), actors as three-letter country codes (IGO, NGO, IMG), attribution never the source.

Each document is run whole, with its creation time as the publication date, as a user's article would be; an
event belongs to a sentence when its trigger, or a piece of its evidence (an event told again is merged with its
first mention), starts inside it. Figures:

- per gold coding, against the best event storyline gives in that sentence (most of root, code, source and
  target agreeing, as the issue defines the PETRARCH figures): ``root_code_accuracy``, ``code_accuracy``,
  ``source_accuracy``, ``target_accuracy``, ``full_match`` (root, source and target);
- per coded sentence, the sentence's main event (``event_runner.main_coding``) against the coder's first coding:
  ``main``;
- ``trigger_found``: share of gold codings whose trigger words some event's trigger overlaps;
- ``precision``: of storyline's coded events (roots 02-20) in the listed sentences, the share whose root a gold
  coding of the same sentence has; ``events_in_uncoded_sentences``: its events in sentences the coders left empty.

Split: documents in name order alternate, dev = even, test = odd. Both halves were measured before any rule was
drawn from them; since then rules have been drawn from dev's errors only, and test's sentences have not been read.
Two coders coded part 1 independently (second_coder/): they agree on 92 % of roots and 84 % of full codings, a
ceiling for any coder measured here.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from ..errors import EvalDataError
from ..resolve import cameo as tables
from . import timeml
from .event_runner import Coded, codings, compared_root, country_codes, main_coding, run

DEFAULT_TEXTS = "../shared/eval/temporal/TBAQ-cleaned"


def sentence_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _gold_files(data: str) -> list[Path]:
    path = Path(data)
    if path.is_dir():
        files = sorted(path.glob("*.yaml"))
        if files:
            return files
    elif path.is_file():
        return [path]
    raise EvalDataError(data, "no coded sentences here; pass tests/data/newswire_cameo (YAML files of codings)")


def load(data: str) -> list[dict]:
    """Every coded sentence of the gold files, codes checked against cameo.yaml."""
    known = tables.tables().codes
    sentences = []
    for path in _gold_files(data):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            for coding in item.get("codings") or []:
                if str(coding.get("code")) not in known:
                    raise EvalDataError(str(path), f"{item.get('doc')}:{item.get('start')}: {coding.get('code')!r} "
                                                   "is not a CAMEO code in cameo.yaml")
            sentences.append(item)
    return sentences


def _document(texts: Path, name: str) -> timeml.TimeMLDoc:
    found = next(iter(sorted(texts.rglob(f"{name}.tml"))), None)
    if found is None:
        raise EvalDataError(str(texts), f"{name}.tml is not here; pass --texts the TBAQ-cleaned folder")
    return timeml.load_file(found)


def split_documents(names: list[str], split: str | None) -> set[str]:
    ordered = sorted(set(names))
    if split in (None, "all"):
        return set(ordered)
    if split not in ("dev", "test"):
        raise EvalDataError(str(split), "unknown split; use dev, test or all")
    return set(ordered[0::2] if split == "dev" else ordered[1::2])


def _codes(side) -> set[str]:
    return {str(code)[:3].upper() for code in side or []}


def _in_sentence(found: list[Coded], start: int, end: int) -> list[Coded]:
    """The coded events (roots 02-20) told in the sentence: by their trigger, or, for an event told again there and
    merged with its first mention (one event, one row), by a piece of its evidence."""
    return [c for c in found if c.first.plover and any(start <= at < end for at in _told_at(c))]


def _told_at(coded: Coded) -> list[int]:
    return [_at(coded), *(span.start for event in coded.events for span in event.more_evidence)]


def _at(coded: Coded) -> int:
    return coded.first.trigger.start if coded.first.trigger else coded.first.evidence.start


def _agreement(doc, gold: dict, coded: Coded) -> tuple[bool, bool, bool, bool]:
    code = coded.first.cameo or ""
    return (compared_root(coded.first) == gold["code"][:2], code == gold["code"],
            country_codes(doc, coded.events, "source") == _codes(gold.get("source")),
            country_codes(doc, coded.events, "target") == _codes(gold.get("target")))


def _overlaps(coded: Coded, span) -> bool:
    trigger = coded.first.trigger
    return bool(span) and trigger is not None and trigger.start < span[1] and span[0] < trigger.end


def score_sentence(doc, found: list[Coded], item: dict) -> dict:
    """One listed sentence: each gold coding against its best event, the main event against the first coding."""
    here = _in_sentence(found, item["start"], item["end"])
    rows = []
    for gold in item.get("codings") or []:
        gold = {**gold, "code": str(gold["code"])}
        scores = [_agreement(doc, gold, c) for c in here] or [(False,) * 4]
        rows.append({"ok": max(scores, key=sum), "trigger_found": any(_overlaps(c, gold.get("trigger")) for c in here)})
    main = None
    if item.get("codings") and here:
        first = {**item["codings"][0], "code": str(item["codings"][0]["code"])}
        main = _agreement(doc, first, main_coding(doc, here))
    roots = {str(g["code"])[:2] for g in item.get("codings") or []}
    return {"doc": item["doc"], "start": item["start"], "codings": rows, "main": main,
            "coded": bool(item.get("codings")), "events": len(here),
            "events_right": sum(compared_root(c.first) in roots for c in here),
            "predicted": [(c.first.cameo, c.first.trigger.text if c.first.trigger else None) for c in here]}


def _share(rows, key) -> float:
    return round(sum(key(r) for r in rows) / (len(rows) or 1), 3)


def _figures(rows: list[dict]) -> dict:
    """The per-coding, main-event and precision figures over scored sentences (``score_sentence`` rows)."""
    golds = [g for r in rows for g in r["codings"]]
    mains = [r["main"] or (False,) * 4 for r in rows if r["coded"]]
    events = sum(r["events"] for r in rows)
    return {"sentences": len(rows), "coded_sentences": len(mains), "codings": len(golds),
            "root_code_accuracy": _share(golds, lambda g: g["ok"][0]),
            "code_accuracy": _share(golds, lambda g: g["ok"][1]),
            "source_accuracy": _share(golds, lambda g: g["ok"][2]),
            "target_accuracy": _share(golds, lambda g: g["ok"][3]),
            "full_match": _share(golds, lambda g: g["ok"][0] and g["ok"][2] and g["ok"][3]),
            "main": {"root_code_accuracy": _share(mains, lambda m: m[0]),
                     "full_match": _share(mains, lambda m: m[0] and m[2] and m[3])},
            "trigger_found": _share(golds, lambda g: g["trigger_found"]),
            "events": events,
            "precision": round(sum(r["events_right"] for r in rows) / (events or 1), 3),
            "events_in_uncoded_sentences": sum(r["events"] for r in rows if not r["coded"])}


def evaluate(data: str, split: str | None = None, nlp=None, details: bool = False, texts: str | None = None,
             **options) -> dict:
    from ..extract import load_pipeline

    sentences = load(data)
    chosen = split_documents([s["doc"] for s in sentences], split)
    folder = Path(texts or DEFAULT_TEXTS)
    if not folder.is_dir():
        raise EvalDataError(str(folder), "the annotated texts are not here; pass --texts the TBAQ-cleaned folder "
                                         "(../shared/eval/temporal/TBAQ-cleaned)")
    nlp = nlp or load_pipeline()
    rows = []
    for name in sorted(chosen):
        source = _document(folder, name)
        doc = run(nlp, source.text, source.dct.isoformat() if source.dct else None)
        found = codings(doc)
        for item in (s for s in sentences if s["doc"] == name):
            if sentence_hash(source.text[item["start"]:item["end"]]) != item["sha1"]:
                raise EvalDataError(name, f"the sentence at {item['start']}-{item['end']} is not the one coded "
                                          "(its SHA-1 differs): are these the TBAQ-cleaned AQUAINT texts?")
            rows.append(score_sentence(doc, found, item))
    result = {"split": split or "all", "documents": len(chosen), **_figures(rows)}
    if details:
        result["rows"] = rows
    return result
