"""Event status against MEANTIME's event factuality (NewsReader CAT XML).

    storyline eval factuality --data ../shared/eval/meantime/intra_cross-doc_annotation [--split dev|test]

Gold class of an EVENT_MENTION: polarity NEG -> negated; else certainty PROBABLE/POSSIBLE -> uncertain; else
time FUTURE -> future; else POS + CERTAIN + NON_FUTURE -> happened; mentions left UNDERSPECIFIED are skipped.
Predicted status -> class: occurred/ongoing -> happened, planned/requested -> future,
considered/conditional -> uncertain, failed/denied -> negated.

What is scored (option ``mode``):
  predicates (default)  every predicate storyline gives a status — all verbs and dictionary event nouns —
                        whether or not actors were found. MEANTIME annotates business news whose events rarely
                        have two political actors, so actor events alone match too few mentions to measure.
  dictionary            only words in the event pattern dictionary.
  events                only the triggers of the document's events (fully formed, with actors).
Split: dev = corpus_airbus, test = corpus_apple (corpus_* folders under ``data``).
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..errors import EvalDataError
from ..extract.events import predicate_statuses
from ..extract.state import state
from .cat import CatDocument, read_cat
from .event_runner import run

SPLITS = {"dev": ("corpus_airbus",), "test": ("corpus_apple",)}
CLASS_OF_STATUS = {"occurred": "happened", "ongoing": "happened", "planned": "future", "requested": "future",
                   "considered": "uncertain", "conditional": "uncertain", "failed": "negated", "denied": "negated"}
CLASSES = ("happened", "future", "uncertain", "negated")


def gold_class(attrs: dict) -> str | None:
    if attrs.get("polarity") == "NEG":
        return "negated"
    if attrs.get("certainty") in ("PROBABLE", "POSSIBLE"):
        return "uncertain"
    if attrs.get("time") == "FUTURE":
        return "future"
    if attrs.get("polarity") == "POS" and attrs.get("certainty") == "CERTAIN" and attrs.get("time") == "NON_FUTURE":
        return "happened"
    return None


def corpus_files(data: str, split: str | None) -> list[Path]:
    root = Path(data)
    if not root.is_dir():
        raise EvalDataError(data, "not a folder; pass MEANTIME's intra_cross-doc_annotation folder")
    if split not in (None, "all", *SPLITS):
        raise EvalDataError(str(split), "unknown split; use dev (corpus_airbus), test (corpus_apple) or all")
    names = SPLITS.get(split) or tuple(p.name for p in sorted(root.glob("corpus_*")))
    files = sorted(f for name in names for f in (root / name).glob("*.xml"))
    if not files:
        raise EvalDataError(data, f"no CAT XML files under {', '.join(names)}")
    return files


def _predictions(nlp, cat: CatDocument, mode: str) -> list[tuple[int, int, str]]:
    doc = run(nlp, cat.text, cat.published)
    if mode == "events":
        return [(e.trigger.start, e.trigger.end, e.status) for e in state(doc).events if e.trigger]
    pairs = predicate_statuses(doc, dictionary_only=(mode == "dictionary"))
    return [(t.idx, t.idx + len(t), d.status) for t, d in pairs]


def _matches(cat: CatDocument, predicted: list[tuple[int, int, str]]) -> list[tuple[str, str, str]]:
    """(gold class, predicted status, mention text) for each gold mention a predicted trigger overlaps."""
    out = []
    for mention in cat.event_mentions:
        gold = gold_class(mention.attrs)
        if gold is None:
            continue
        start, end = cat.mention_span(mention)
        hit = next((s for a, b, s in predicted if a < end and start < b), None)
        if hit:
            out.append((gold, hit, cat.text[start:end]))
    return out


def metrics(pairs: list[tuple[str, str]]) -> dict:
    """The factuality metrics over (gold class, predicted status) pairs."""
    n = len(pairs)
    predicted = [(g, CLASS_OF_STATUS[s]) for g, s in pairs]
    per_class = {c: [p == g for g, p in predicted if g == c] for c in CLASSES}
    accuracies = {c: round(sum(v) / len(v), 3) for c, v in per_class.items() if v}
    not_happened = [p != "happened" for g, p in predicted if g != "happened"]
    occurred = [g == "happened" for g, s in pairs if s == "occurred"]
    return {
        "matched": n,
        "not_happened": len(not_happened),
        "status_accuracy": round(sum(g == p for g, p in predicted) / n, 3) if n else 0.0,
        "macro_accuracy": round(sum(accuracies.values()) / len(accuracies), 3) if accuracies else 0.0,
        "per_class_accuracy": accuracies,
        "nonfactual_recall": round(sum(not_happened) / len(not_happened), 3) if not_happened else 0.0,
        "occurred_precision": round(sum(occurred) / len(occurred), 3) if occurred else 0.0,
        "gold_classes": dict(Counter(g for g, _ in pairs)),
    }


def evaluate(data: str, split: str | None = "dev", nlp=None, mode: str = "predicates", details: bool = False,
             **options) -> dict:
    from ..extract import load_pipeline

    if mode not in ("predicates", "dictionary", "events"):
        raise EvalDataError(data, f"unknown mode {mode!r}; use predicates, dictionary or events")
    nlp = nlp or load_pipeline()
    rows = []
    for path in corpus_files(data, split):
        cat = read_cat(path)
        rows.extend((cat.name, *m) for m in _matches(cat, _predictions(nlp, cat, mode)))
    result = {"split": split or "all", "mode": mode, **metrics([(g, s) for _, g, s, _ in rows])}
    if details:
        result["rows"] = rows
    return result
