"""TIMEX3 recognition and normalisation on TimeML (.tml) files, TempEval-3 style.

    storyline eval timeml --data ../shared/eval/temporal/TBAQ-cleaned [--split dev|test]

Each file: the document creation time from ``<DCT><TIMEX3 functionInDocument="CREATION_TIME" value=…>`` is the
publication date; the text is the content of ``<TEXT>`` with its tags stripped (offsets kept); the gold
expressions are its inline ``<TIMEX3 value=…>`` elements.

Metrics (micro-averaged over expressions):
  span_f1_relaxed   a predicted expression matches a gold one when their characters overlap (TempEval-3 relaxed)
  span_f1_strict    … when the offsets are identical
  value_accuracy    on relaxed matches, the share whose values agree after ``same_value``'s light normalisation
Split: "dev" = TimeBank (tune here), "test" = AQUAINT (held out), None = both. ``data`` may be TBAQ-cleaned
(both subfolders), either subfolder, or any folder of .tml files (then the split is ignored).
"""
from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import EvalDataError

SPLITS = {"dev": "TimeBank", "test": "AQUAINT"}
TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
PART_OF_DAY = re.compile(r"T(MO|AF|EV|NI|DT)$")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    value: str | None


@dataclass(frozen=True)
class TimeMLDoc:
    name: str
    text: str
    dct: date | None
    timexes: tuple[Timex, ...]


def _dct(raw: str) -> date | None:
    tag = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    value = re.search(r'value="(\d{4}-\d{2}-\d{2})', tag.group(0)) if tag else None
    return date.fromisoformat(value.group(1)) if value else None


def parse_text(body: str) -> tuple[str, tuple[Timex, ...]]:
    """Strip the tags of a <TEXT> body; the TIMEX3 elements become (start, end, text, value) on the plain text."""
    out, timexes, open_timex, pos = [], [], None, 0
    length = 0
    for match in TAG.finditer(body):
        chunk = html.unescape(body[pos:match.start()])
        out.append(chunk)
        length += len(chunk)
        pos = match.end()
        closing, name, attrs = match.groups()
        if name != "TIMEX3":
            continue
        if not closing:
            value = re.search(r'value="([^"]*)"', attrs)
            open_timex = (length, value.group(1) if value else None)
        elif open_timex is not None:
            start, value = open_timex
            timexes.append((start, length, value))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    return text, tuple(Timex(s, e, text[s:e], v) for s, e, v in timexes)


def load_file(path: Path) -> TimeMLDoc:
    raw = path.read_text(encoding="utf-8", errors="replace")
    match = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if match is None:
        raise EvalDataError(str(path), "no <TEXT> element; is this a TimeML .tml file?")
    text, timexes = parse_text(match.group(1))
    return TimeMLDoc(path.stem, text, _dct(raw), timexes)


def _folders(root: Path, split: str | None) -> list[Path]:
    if split not in ("dev", "test", None):
        raise EvalDataError(str(root), f"unknown split {split!r}; use dev (TimeBank), test (AQUAINT) or none")
    subs = [root / name for name in SPLITS.values() if (root / name).is_dir()]
    if not subs:
        return [root]
    return [root / SPLITS[split]] if split else subs


def load(data: str, split: str | None = None) -> list[TimeMLDoc]:
    root = Path(data)
    if not root.is_dir():
        raise EvalDataError(data, "not a folder; pass TBAQ-cleaned or one of its TimeBank / AQUAINT folders")
    files = sorted(p for folder in _folders(root, split) for p in folder.glob("*.tml"))
    if not files:
        raise EvalDataError(data, "no .tml files here")
    return [load_file(p) for p in files]


def normal_value(value: str | None) -> str | None:
    """Light normalisation: part-of-day markers dropped, trailing -XX placeholders dropped."""
    if value is None:
        return None
    value = PART_OF_DAY.sub("", value)
    value = re.sub(r"(-XX)+$", "", value)
    return value


def same_value(gold: str | None, predicted: str | None) -> bool:
    """Equal after ``normal_value``; an X in the gold value ("1989-WXX", "19XX") stands for any digit there,
    and a gold value of lower granularity than ours is not met ("1989-WXX" needs a week of 1989)."""
    gold, predicted = normal_value(gold), normal_value(predicted)
    if gold is None or predicted is None:
        return False
    if "X" in gold and not gold.startswith("P"):
        pattern = re.escape(gold).replace("X", r"\d")
        return re.fullmatch(pattern, predicted) is not None or re.sub(r"X+$", "", gold) == predicted
    return gold == predicted


def predict(nlp, docs: list[TimeMLDoc], batch_size: int = 16) -> list[list[Timex]]:
    """storyline's date expressions per document, the DCT as publication date (dates component only)."""
    from ..extract.state import state

    keep = [n for n in nlp.pipe_names if not n.startswith("storyline_") or n == "storyline_dates"]
    prepared = []
    for item in docs:
        doc = nlp.make_doc(item.text)
        state(doc).published = item.dct
        prepared.append(doc)
    with nlp.select_pipes(enable=keep):
        return [[Timex(d.start, d.end, d.text, d.value) for d in state(doc).dates]
                for doc in nlp.pipe(prepared, batch_size=batch_size)]


def _pairs(gold: tuple[Timex, ...], pred: list[Timex], strict: bool) -> list[tuple[Timex, Timex]]:
    pairs, used = [], set()
    for g in gold:
        for i, p in enumerate(pred):
            hit = (p.start, p.end) == (g.start, g.end) if strict else p.start < g.end and g.start < p.end
            if i not in used and hit:
                pairs.append((g, p))
                used.add(i)
                break
    return pairs


def _f1(hits: int, gold: int, pred: int) -> float:
    return round(2 * hits / (gold + pred), 4) if gold + pred else 0.0


def score(docs: list[TimeMLDoc], predictions: list[list[Timex]]) -> dict:
    gold_n = sum(len(d.timexes) for d in docs)
    pred_n = sum(len(p) for p in predictions)
    relaxed = [pair for d, p in zip(docs, predictions) for pair in _pairs(d.timexes, p, strict=False)]
    strict = sum(len(_pairs(d.timexes, p, strict=True)) for d, p in zip(docs, predictions))
    right = sum(same_value(g.value, p.value) for g, p in relaxed)
    return {
        "span_f1_relaxed": _f1(len(relaxed), gold_n, pred_n),
        "span_f1_strict": _f1(strict, gold_n, pred_n),
        "value_accuracy": round(right / len(relaxed), 4) if relaxed else 0.0,
        "value_f1": _f1(right, gold_n, pred_n),
        "gold": gold_n,
        "predicted": pred_n,
        "matched": len(relaxed),
    }


def evaluate(data: str, split: str | None = None, nlp=None, **options) -> dict:
    from ..extract import load_pipeline

    docs = load(data, split)
    nlp = nlp or load_pipeline(options.get("pipeline"))
    started = time.perf_counter()
    result = score(docs, predict(nlp, docs))
    result.update(split=split, documents=len(docs), seconds=round(time.perf_counter() - started, 1))
    return result
