"""PETRARCH unit-test records (CAMEO coded sentences): root code, full code, source and target codes.

    storyline eval petrarch --data ../shared/eval/events_cameo/PETR.UnitTest.records.xml

Each ``<Sentence date id>`` holds ``<EventCoding sourcecode targetcode eventcode/>`` lines and a ``<Text>``.
Each gold coding is matched to the best event predicted for its sentence (the one agreeing on most of root
code, full code, source, target; ties go to the earlier event). Sentences with no gold coding
(``noevents``) are skipped. The sentences are stylised and use fictional actors (Arnor, Gondor, ...) that no
real actor dictionary codes, so source/target accuracy here measures only the format; root-code accuracy is
the meaningful number. Option ``mode``: "events" (default; the document's events, which need a known actor —
fictional actors leave most sentences without one) or "triggers" (every dictionary trigger with its code,
actors or not: a check of the pattern dictionary alone). Split: none (all), or dev/test = first/second half.

Read the root-code figure with care: these records test PETRARCH's engine against PETRARCH's own small test
dictionaries, and many of their codes are not the ones the CAMEO codebook gives the same words (storyline's
dictionary follows the codebook). A low score here is expected and is not a reason to bend the dictionary.
Names the actor dictionary cannot code still give events (with an empty code), and groups of unknown country
are coded "---" + sector, so "events" and "triggers" differ mainly where no actor at all is named.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import EvalDataError
from ..extract.event_candidates import trigger_pattern
from ..extract.event_patterns import pattern_book
from ..extract.events import predicate_statuses
from ..extract.state import state
from .event_runner import run

SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
CODING = re.compile(r"<EventCoding\b([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')
TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)


def load(data: str) -> list[dict]:
    path = Path(data)
    if not path.is_file():
        raise EvalDataError(data, "not found; pass PETR.UnitTest.records.xml (PETRARCH validation records)")
    raw = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8", errors="replace"), flags=re.S)
    records = []
    for attrs, body in SENTENCE.findall(raw):
        meta = dict(ATTR.findall(attrs))
        codings = [dict(ATTR.findall(c)) for c in CODING.findall(body)]
        codings = [c for c in codings if c.get("eventcode")]
        text = TEXT.search(body)
        if codings and text:
            records.append({"id": meta.get("id"), "date": meta.get("date"), "codings": codings,
                            "text": " ".join(text.group(1).split())})
    if not records:
        raise EvalDataError(data, "no <Sentence> records with <EventCoding> and <Text> found")
    return records


def _iso(date: str | None) -> str | None:
    return f"{date[:4]}-{date[4:6]}-{date[6:8]}" if date and len(date) == 8 and date.isdigit() else None


def _agreement(gold: dict, event: dict) -> tuple[bool, bool, bool, bool]:
    code = event["cameo"] or ""
    return (code[:2] == gold["eventcode"][:2], code == gold["eventcode"],
            event["source"] == gold.get("sourcecode", ""), event["target"] == gold.get("targetcode", ""))


def _trigger_codes(doc) -> list[dict]:
    """Every dictionary trigger with its CAMEO code, actors or not (mode "triggers")."""
    book = pattern_book()
    out = []
    for token, decision in predicate_statuses(doc, dictionary_only=True):
        pattern = trigger_pattern(token, book)
        code = pattern.intent if decision.status == "planned" and pattern.intent else pattern.cameo
        out.append({"cameo": code, "source": "", "target": "", "trigger": token.text})
    return out


def _predicted(nlp, record: dict, mode: str) -> list[dict]:
    doc = run(nlp, record["text"], _iso(record["date"]))
    if mode == "triggers":
        return _trigger_codes(doc)
    return [{"cameo": e.cameo, "source": e.source_code or "", "target": e.target_code or "",
             "trigger": e.trigger.text if e.trigger else ""} for e in state(doc).events]


def evaluate(data: str, split: str | None = None, nlp=None, details: bool = False, mode: str = "events",
             **options) -> dict:
    from ..extract import load_pipeline

    if mode not in ("events", "triggers"):
        raise EvalDataError(data, f"unknown mode {mode!r}; use events (the document's events) or triggers "
                                  "(every dictionary trigger, actors or not)")
    nlp = nlp or load_pipeline()
    records = load(data)
    half = len(records) // 2
    records = {"dev": records[:half], "test": records[half:]}.get(split or "", records)
    rows = []
    for record in records:
        predicted = _predicted(nlp, record, mode)
        for gold in record["codings"]:
            scores = [_agreement(gold, p) for p in predicted] or [(False, False, False, False)]
            best = max(range(len(scores)), key=lambda i: sum(scores[i]))
            rows.append({"id": record["id"], "gold": gold, "predicted": predicted[best] if predicted else None,
                         "ok": scores[best]})
    n = len(rows) or 1
    result = {"split": split or "all", "mode": mode, "codings": len(rows),
              "root_code_accuracy": round(sum(r["ok"][0] for r in rows) / n, 3),
              "code_accuracy": round(sum(r["ok"][1] for r in rows) / n, 3),
              "source_accuracy": round(sum(r["ok"][2] for r in rows) / n, 3),
              "target_accuracy": round(sum(r["ok"][3] for r in rows) / n, 3),
              "no_event": sum(r["predicted"] is None for r in rows)}
    if details:
        result["rows"] = rows
    return result
