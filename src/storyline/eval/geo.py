"""Geoparsing: toponym recognition and resolution on Gritta's XML corpora (LGL, GeoVirus, GeoWebNews).

    storyline eval geo --data ../shared/eval/geoparsing [--split dev|test]

Formats (one loader each, all -> ``GoldArticle``):
  lgl.xml        <article><text> <toponyms><toponym><start><end><phrase><gaztag><lat><lon>
  GeoVirus.xml   <article><text> <locations><location><name><start><end><lat><lon>
  GWN.xml        <article><text> <toponyms><toponym><extractedName><type><modifierType><start><end>
                 <latitude><longitude>. Gold toponyms here are those with coordinates that are nouns naming a
                 place (names inside other names, "Fargo" in "Fargo Police", included); adjectival uses
                 ("Russian") are left out, as are the non-toponym expression types, which have no coordinates;
                 a prediction on an adjectival toponym (storyline lists demonyms) counts neither way.

Metrics (over all articles of the split, micro-averaged; also per file):
  toponym_f1          span F1 with overlap matching (the headline); toponym_f1_exact needs identical offsets
  found_share         share of gold toponyms with coordinates that storyline found (overlap) with coordinates
  accuracy_161km      share of those found whose coordinates lie within 161 km (100 miles) of the gold point
  mean_error_km       mean great-circle distance over the same found toponyms
Split: "dev" = the first half of each file's articles (in file order), "test" = the second half, None = all.
"""
from __future__ import annotations

import logging
import math
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvalDataError

log = logging.getLogger(__name__)

FILES = ("lgl.xml", "GeoVirus.xml", "GWN.xml")
EARTH_KM = 6371.0088


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class GoldArticle:
    corpus: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    ignored: tuple[tuple[int, int], ...] = ()  # annotated spans outside the gold (GWN adjectives): no penalty


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _lgl(article: ET.Element) -> list[GoldToponym]:
    return [GoldToponym(int(t.findtext("start")), int(t.findtext("end")), t.findtext("phrase") or "",
                        _float(t.findtext("gaztag/lat")), _float(t.findtext("gaztag/lon")))
            for t in article.iter("toponym")]


def _geovirus(article: ET.Element) -> list[GoldToponym]:
    text = article.findtext("text") or ""
    return [GoldToponym(*_align(text, int(t.findtext("start")), int(t.findtext("end")), t.findtext("name") or ""),
                        t.findtext("name") or "", _float(t.findtext("lat")), _float(t.findtext("lon")))
            for t in article.iter("location")]


def _align(text: str, start: int, end: int, name: str) -> tuple[int, int]:
    """GeoVirus offsets are often one character late: move them onto the name when it is one step away."""
    for shift in (0, -1, 1):
        if text[start + shift:end + shift] == name:
            return start + shift, end + shift
    return start, end


def _gwn_ignored(article: ET.Element) -> tuple[tuple[int, int], ...]:
    """GWN's adjectival toponyms ("Russian troops"): annotated, left out of the gold, not held against us."""
    return tuple((int(t.findtext("start")), int(t.findtext("end"))) for t in article.iter("toponym")
                 if t.findtext("modifierType") == "Adjective")


def _gwn(article: ET.Element) -> list[GoldToponym]:
    out = []
    for t in article.iter("toponym"):
        lat = _float(t.findtext("latitude"))
        if lat is None or t.findtext("modifierType") == "Adjective":
            continue
        out.append(GoldToponym(int(t.findtext("start")), int(t.findtext("end")), t.findtext("extractedName") or "",
                               lat, _float(t.findtext("longitude"))))
    return out


LOADERS = {"lgl.xml": _lgl, "GeoVirus.xml": _geovirus, "GWN.xml": _gwn}


def load_file(path: Path, split: str | None = None) -> list[GoldArticle]:
    """One corpus file -> its articles of ``split`` (dev: first half, test: second half, None: all)."""
    loader = LOADERS.get(path.name)
    if loader is None:
        raise EvalDataError(str(path), f"unknown geoparsing file; expected one of {', '.join(FILES)}")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalDataError(str(path), f"not well-formed XML ({exc}); use the files of Gritta's repository") from exc
    ignored = _gwn_ignored if path.name == "GWN.xml" else (lambda a: ())
    articles = [GoldArticle(path.stem, a.findtext("text") or "", tuple(loader(a)), ignored(a))
                for a in root.iter("article")]
    half = (len(articles) + 1) // 2
    return {"dev": articles[:half], "test": articles[half:], None: articles}[split]


def load(data: str, split: str | None = None) -> list[GoldArticle]:
    path = Path(data)
    if split not in ("dev", "test", None):
        raise EvalDataError(data, f"unknown split {split!r}; use dev, test or none")
    if path.is_dir():
        files = [path / f for f in FILES if (path / f).exists()]
        if not files:
            raise EvalDataError(data, f"no {', '.join(FILES)} in this folder")
        return [a for f in files for a in load_file(f, split)]
    if not path.exists():
        raise EvalDataError(data, "no such file or folder; pass ../shared/eval/geoparsing or one of its XML files")
    return load_file(path, split)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    lat: float | None
    lon: float | None


def predict(nlp, texts: list[str], batch_size: int = 16, actors: bool = True) -> list[list[Predicted]]:
    """Place mentions storyline finds in each text (actors + places only: the other components are off;
    ``actors=False`` also skips the actors component, which only keeps known people out of the places)."""
    from ..extract.state import state

    ours = ("storyline_actors", "storyline_places") if actors else ("storyline_places",)
    keep = [n for n in nlp.pipe_names if not n.startswith("storyline_") or n in ours]
    out = []
    with nlp.select_pipes(enable=keep):
        for doc in nlp.pipe(texts, batch_size=batch_size):
            out.append([Predicted(m.start, m.end, p.lat, p.lon) for p in state(doc).places for m in p.mentions])
    return out


def _match(gold: tuple[GoldToponym, ...], pred: list[Predicted], exact: bool) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, predicted index)."""
    pairs, used = [], set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            same = (p.start, p.end) == (g.start, g.end) if exact else p.start < g.end and g.start < p.end
            if pi not in used and same:
                pairs.append((gi, pi))
                used.add(pi)
                break
    return pairs


def _without_ignored(article: GoldArticle, pred: list[Predicted]) -> list[Predicted]:
    """Drop predictions that only overlap annotated spans outside the gold (they are neither right nor wrong)."""
    def overlaps(p: Predicted, start: int, end: int) -> bool:
        return p.start < end and start < p.end

    return [p for p in pred if not any(overlaps(p, s, e) for s, e in article.ignored)
            or any(overlaps(p, g.start, g.end) for g in article.toponyms)]


class Tally:
    def __init__(self) -> None:
        self.gold = self.pred = self.exact = self.overlap = self.with_coords = 0
        self.errors: list[float] = []

    def add(self, article: GoldArticle, pred: list[Predicted]) -> None:
        pred = _without_ignored(article, pred)
        self.gold += len(article.toponyms)
        self.pred += len(pred)
        self.exact += len(_match(article.toponyms, pred, exact=True))
        pairs = _match(article.toponyms, pred, exact=False)
        self.overlap += len(pairs)
        self.with_coords += sum(1 for g in article.toponyms if g.lat is not None)
        for gi, pi in pairs:
            g, p = article.toponyms[gi], pred[pi]
            if g.lat is not None and p.lat is not None:
                self.errors.append(distance_km(g.lat, g.lon, p.lat, p.lon))

    def metrics(self) -> dict:
        def f1(hits: int) -> float:
            return round(2 * hits / (self.gold + self.pred), 4) if self.gold + self.pred else 0.0

        found = len(self.errors)
        return {
            "toponym_f1": f1(self.overlap),
            "toponym_f1_exact": f1(self.exact),
            "found_share": round(found / self.with_coords, 4) if self.with_coords else 0.0,
            "accuracy_161km": round(sum(e <= 161 for e in self.errors) / found, 4) if found else 0.0,
            "mean_error_km": round(sum(self.errors) / found, 1) if found else None,
            "gold_toponyms": self.gold,
            "predicted": self.pred,
        }


def evaluate(data: str, split: str | None = None, nlp=None, **options) -> dict:
    """Score storyline's places on the Gritta corpora at ``data`` (a folder or one XML file)."""
    from ..extract import load_pipeline

    articles = load(data, split)
    nlp = nlp or load_pipeline(options.get("pipeline"))
    started = time.perf_counter()
    predictions = predict(nlp, [a.text for a in articles], actors=options.get("actors", True))
    total, per_file = Tally(), {}
    for article, pred in zip(articles, predictions):
        total.add(article, pred)
        per_file.setdefault(article.corpus, Tally()).add(article, pred)
    result = total.metrics()
    result.update(split=split, articles=len(articles), seconds=round(time.perf_counter() - started, 1),
                  per_file={name: t.metrics() for name, t in per_file.items()})
    return result
