"""MEANTIME (NewsReader, English, CAT XML): named entity mentions of people, organisations and places.

Each document's text is rebuilt from its tokens (a space between tokens except before closing punctuation
and clitics, after opening brackets and quotes; a blank line after the headline and the date line, one
sentence per line after that), keeping a token -> character map: ``eval/cat.py`` reads the CAT XML for this and
for the factuality evaluation. The full pipeline runs with the document's
creation time (DCT) as the publication date.

Scored: gold ENTITY_MENTIONs with ``syntactic_type="NAM"`` whose entity (REFERS_TO, else the mention's own
``ent_type``) is PER, ORG or LOC. storyline's name mentions (kind name/place/demonym; not roles or pronouns)
(kind name or place: not titles, roles, pronouns or demonyms, which MEANTIME does not mark as NAM) are typed by their entity: PER <- PERSON; ORG <- ORG, and NORP (MEANTIME annotates nationality-group and
party names as ORG: "Democrats", and demonyms are not annotated otherwise); LOC <- GPE, LOC, FAC.

- ``entity_recall``: share of gold mentions with a predicted mention of the same span and type;
- ``relaxed_recall``: ... with an overlapping predicted mention of the same type (MEANTIME's spans keep
  determiners and appositions: "the GAO", "Ryanair CEO, Michael O'Leary");
- ``entity_precision`` / ``relaxed_precision`` for information only (MEANTIME annotates only the names taking
  part in its annotated events).

``baseline=True`` scores the raw spaCy entities instead (same mapping). Splits: ``dev`` = corpus_airbus,
``test`` = corpus_apple, None = both.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import EvalDataError
from .cat import read_cat, rebuild_text

__all__ = ["evaluate", "read_document", "rebuild_text", "score"]

SPLITS = {"dev": ("corpus_airbus",), "test": ("corpus_apple",), None: ("corpus_airbus", "corpus_apple")}
TYPE_MAP = {"PERSON": "PER", "ORG": "ORG", "NORP": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
NAME_KINDS = {"name", "place"}
def corpus_files(data: str, split: str | None) -> list[Path]:
    if split not in SPLITS:
        raise EvalDataError(data, f"unknown split {split!r}; use dev (airbus), test (apple) or none for both")
    root = Path(data)
    base = root / "intra_cross-doc_annotation" if (root / "intra_cross-doc_annotation").is_dir() else root
    files = [f for name in SPLITS[split] for f in sorted((base / name).glob("*.xml"))]
    if not files:
        raise EvalDataError(data, "no MEANTIME CAT XML files found; pass the folder holding "
                                  "intra_cross-doc_annotation/corpus_airbus and corpus_apple")
    return files


def read_document(path: Path) -> dict:
    """Text, DCT and gold NAM mentions [(start, end, type)] of one CAT XML file (read by ``cat.read_cat``)."""
    cat = read_cat(path)
    gold = []
    for m in cat.entity_mentions:
        if m.attrs.get("syntactic_type") == "NAM" and cat.entity_kind(m) in {"PER", "ORG", "LOC"}:
            start, end = cat.mention_span(m)
            gold.append((start, end, cat.entity_kind(m)))
    return {"name": cat.name, "text": cat.text, "published": cat.published, "gold": gold}


def predicted(nlp, doc_info: dict, baseline: bool) -> list[tuple[int, int, str]]:
    """(start, end, MEANTIME type) of storyline's name mentions, or of spaCy's raw entities."""
    from ..extract.build import analyse
    from ..models import Article

    if baseline:
        return [(e.start_char, e.end_char, TYPE_MAP[e.label_]) for e in nlp(doc_info["text"]).ents
                if e.label_ in TYPE_MAP]
    document = analyse(nlp, Article(text=doc_info["text"], published=doc_info["published"]))
    return [(m.start, m.end, TYPE_MAP[e.type]) for e in document.entities if e.type in TYPE_MAP
            for m in e.mentions if m.kind in NAME_KINDS]


def score(gold: list, pred: list) -> dict[str, int]:
    exact = sum(1 for g in gold if g in pred)
    relaxed = sum(1 for g in gold if any(_overlap(g, p) for p in pred))
    pred_exact = sum(1 for p in pred if p in gold)
    pred_relaxed = sum(1 for p in pred if any(_overlap(g, p) for g in gold))
    return {"gold": len(gold), "pred": len(pred), "exact": exact, "relaxed": relaxed,
            "pred_exact": pred_exact, "pred_relaxed": pred_relaxed}


def _overlap(g, p) -> bool:
    return g[2] == p[2] and g[0] < p[1] and p[0] < g[1]


def evaluate(data: str, split: str | None = None, baseline: bool = False, nlp=None, misses: bool = False,
             **options) -> dict:
    """MEANTIME entity mention recall (exact and overlap) with precision for information."""
    if nlp is None:
        from ..extract import load_pipeline

        nlp = load_pipeline()
    totals = {"gold": 0, "pred": 0, "exact": 0, "relaxed": 0, "pred_exact": 0, "pred_relaxed": 0}
    missed = []
    files = corpus_files(data, split)
    for path in files:
        info = read_document(path)
        pred = predicted(nlp, info, baseline)
        for key, value in score(info["gold"], pred).items():
            totals[key] += value
        missed += [(info["name"], info["text"][g[0]:g[1]], g[2]) for g in info["gold"]
                   if not any(_overlap(g, p) for p in pred)]
    result = {
        "split": split, "documents": len(files), "gold_mentions": totals["gold"], "baseline": baseline,
        "entity_recall": round(totals["exact"] / max(totals["gold"], 1), 4),
        "relaxed_recall": round(totals["relaxed"] / max(totals["gold"], 1), 4),
        "entity_precision": round(totals["pred_exact"] / max(totals["pred"], 1), 4),
        "relaxed_precision": round(totals["pred_relaxed"] / max(totals["pred"], 1), 4),
    }
    if misses:
        result["missed"] = missed
    return result
