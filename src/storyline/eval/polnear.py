"""PolNeAR (political news attribution relations, brat standoff) -> quote and speaker scores.

    DIR/{train,dev}/text/<name>.txt             article text
    DIR/{train,dev}/attributions/<name>_<annotator>.ann
        T… Content|Source|Cue start end[;start end…]  text      (fragments separated by ";")
        E… Attribution:T… Content:T… Cue:T… Source:T…
    DIR/metadata.tsv                            publication_date per filename

Splits (``--split``): ``dev`` is the dev folder (84 texts, tuned on); ``train`` is the train folder without its
last 84 texts by name order (tuned on); ``test`` is those last 84 texts of train, held out: never tuned on.
Where a text has several annotators' files, the first in name order is the gold.

Units: each gold Content fragment is one unit (fragments split by mere spaces or punctuation inside a paragraph are
joined, as is a fragment of mere punctuation such as a stray closing mark), so a
quote split around its cue ("“A,” she said, “B.”") is two units, as storyline reports it. A unit is a *direct*
quote when its text opens and closes with a quotation mark. Predicted ``direct`` quotes are scored against direct
units; all predicted quotes (direct, indirect, inferred) against all units.

- exact: same span once quotation marks, punctuation and spaces at either end are trimmed from both sides;
- overlap: any shared character; pairs are matched one-to-one, largest overlap first;
- speaker accuracy, over overlap-matched pairs whose gold has a Source: right when the predicted speaker span
  overlaps the gold Source, or when the gold Source lies in a mention of the predicted speaker's entity (the
  same actor, as the actors component resolves names, titles and pronouns).
"""
from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvalDataError
from ..models import Article, Document

log = logging.getLogger(__name__)

HELD_OUT = 84
SPLITS = ("train", "dev", "test")
_OPEN = "“\"„«"
_CLOSE = "”\"»"
_TRIM = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    direct: bool
    source: tuple[tuple[int, int], ...]  # gold Source fragments; empty when the attribution has none


@dataclass(frozen=True)
class Item:
    name: str
    text: str
    published: str | None
    units: tuple[Unit, ...]


def _fragments(spec: str) -> list[tuple[int, int]]:
    return [tuple(int(x) for x in part.split()) for part in spec.split(";")]


def _read_ann(path: Path) -> tuple[dict[str, list[tuple[int, int]]], list[dict[str, str]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue  # a continuation line of an annotation text that held a newline
        if fields[0].startswith("T"):
            _, _, spec = fields[1].partition(" ")
            spans[fields[0]] = _fragments(spec)
        elif fields[0].startswith("E"):
            relations.append(dict(part.split(":", 1) for part in fields[1].split() if ":" in part))
    return spans, relations


def _joined(text: str, fragments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Fragments joined across gaps of spaces and punctuation within a paragraph, and a fragment of mere
    punctuation (a stray closing mark) joined to the one before it."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(fragments):
        gap = text[out[-1][1]:start] if out else ""
        if out and (not re.search(r"[\w\n]", gap) or not re.search(r"\w", text[start:end])):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def is_direct(text: str) -> bool:
    """Whether a gold content text is delimited by quotation marks."""
    stripped = text.strip()
    return len(stripped) > 1 and stripped[0] in _OPEN and stripped.rstrip(".,;:")[-1:] in _CLOSE


def _units(text: str, ann: Path) -> tuple[Unit, ...]:
    spans, relations = _read_ann(ann)
    units = []
    for rel in relations:
        if "Content" not in rel or rel["Content"] not in spans:
            continue
        source = tuple(spans.get(rel.get("Source", ""), ()))
        for start, end in _joined(text, spans[rel["Content"]]):
            units.append(Unit(start, end, is_direct(text[start:end]), source))
    return tuple(units)


def _published(root: Path) -> dict[str, str]:
    path = root / "metadata.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        return {row["filename"]: row["publication_date"] for row in csv.DictReader(handle, delimiter="\t")}


def _names(root: Path, split: str) -> tuple[Path, list[str]]:
    folder = root / ("dev" if split == "dev" else "train")
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        raise EvalDataError(str(root), f"expected {folder}/text and {folder}/attributions (PolNeAR's data/ folder)")
    names = sorted(p.stem for p in (folder / "text").glob("*.txt"))
    if split == "train":
        names = names[:-HELD_OUT]
    elif split == "test":
        names = names[-HELD_OUT:]
    return folder, names


def load(data: str, split: str = "dev") -> Iterator[Item]:
    """The gold items of ``split``, reading the first annotator's file of each text."""
    if split not in SPLITS:
        raise EvalDataError(data, f"unknown split {split!r}; choose one of {', '.join(SPLITS)}")
    root = Path(data)
    folder, names = _names(root, split)
    dates = _published(root)
    for name in names:
        anns = sorted((folder / "attributions").glob(f"{name}_*.ann"))
        if not anns:
            log.warning("%s has no annotation file; skipped", name)
            continue
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        yield Item(name, text, dates.get(name), _units(text, anns[0]))


def _norm(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    match = _TRIM.sub("", piece)
    if not match:
        return start, end
    lead = piece.index(match)
    return start + lead, start + lead + len(match)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _same_actor(doc: Document, entity_id: str | None, source: tuple[tuple[int, int], ...]) -> bool:
    entity = next((e for e in doc.entities if e.id == entity_id), None) if entity_id else None
    if entity is None:
        return False
    return any(_overlap((m.start, m.end), s) for m in entity.mentions for s in source)


def _speaker_right(doc: Document, quote, unit: Unit) -> bool:
    span = quote.speaker_span
    if span is not None and any(_overlap((span.start, span.end), s) for s in unit.source):
        return True
    return _same_actor(doc, quote.speaker, unit.source)


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0
    judged: int = 0  # matched pairs with a gold source
    speaker: int = 0

    def add(self, doc: Document, units: list[Unit], quotes: list, misses: list | None = None) -> None:
        self.gold += len(units)
        self.predicted += len(quotes)
        text = doc.text
        pairs = sorted(((_overlap(_norm(text, u.start, u.end), _norm(text, q.start, q.end)), i, j)
                        for i, u in enumerate(units) for j, q in enumerate(quotes)), reverse=True)
        used_u, used_q = set(), set()
        for size, i, j in pairs:
            if size <= 0 or i in used_u or j in used_q:
                continue
            used_u.add(i)
            used_q.add(j)
            self._pair(doc, units[i], quotes[j], misses)
        if misses is not None:
            misses += [("missed", text[u.start:u.end]) for i, u in enumerate(units) if i not in used_u]
            misses += [("spurious", f"{q.text!r} <- {q.speaker_name} ({q.cue})")
                       for j, q in enumerate(quotes) if j not in used_q]

    def _pair(self, doc: Document, unit: Unit, quote, misses: list | None) -> None:
        self.overlap += 1
        exact = _norm(doc.text, unit.start, unit.end) == _norm(doc.text, quote.start, quote.end)
        self.exact += exact
        if misses is not None and not exact:
            misses.append(("inexact", f"{doc.text[unit.start:unit.end]!r} -> {quote.text!r}"))
        if unit.source:
            self.judged += 1
            right = _speaker_right(doc, quote, unit)
            self.speaker += right
            if misses is not None and not right:
                gold = " / ".join(doc.text[a:b] for a, b in unit.source)
                got = quote.speaker_span.text if quote.speaker_span else None
                misses.append(("speaker", f"{quote.text[:60]!r}: gold {gold!r}, got {got!r} ({quote.speaker_name})"))

    def f1(self, hits: int) -> float:
        return round(2 * hits / (self.gold + self.predicted), 4) if self.gold + self.predicted else 0.0

    def accuracy(self) -> float:
        return round(self.speaker / self.judged, 4) if self.judged else 0.0


def _documents(items: list[Item], nlp) -> Iterator[Document]:
    from ..extract import analyse_many

    articles = (Article(text=item.text, published=item.published, source=item.name) for item in items)
    disabled = [name for name in ("storyline_events",) if name in nlp.pipe_names]
    with nlp.select_pipes(disable=disabled):
        yield from analyse_many(nlp, articles, batch_size=16)


def evaluate(data: str, split: str | None = None, nlp=None, limit: int | None = None,
             errors: list | None = None, **_options) -> dict:
    """Scores on ``split`` (default dev); ``errors``, when a list, receives (item, kind, detail) tuples."""
    from ..extract import load_pipeline

    split = split or "dev"
    items = list(load(data, split))[:limit]
    nlp = nlp or load_pipeline()
    direct, every = Tally(), Tally()
    for item, doc in zip(items, _documents(items, nlp)):
        misses: list | None = [] if errors is not None else None
        direct.add(doc, [u for u in item.units if u.direct], [q for q in doc.quotes if q.kind == "direct"], misses)
        every.add(doc, list(item.units), list(doc.quotes))
        if errors is not None:
            errors += [(item.name, kind, detail) for kind, detail in misses]
    return {
        "split": split, "texts": len(items),
        "direct_gold": direct.gold, "direct_predicted": direct.predicted,
        "direct_exact_f1": direct.f1(direct.exact), "direct_overlap_f1": direct.f1(direct.overlap),
        "direct_speaker_accuracy": direct.accuracy(),
        "all_gold": every.gold, "all_predicted": every.predicted,
        "all_overlap_f1": every.f1(every.overlap), "all_speaker_accuracy": every.accuracy(),
    }
