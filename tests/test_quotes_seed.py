"""Seed acceptance for quotes: every quote gold.json marks required is found — its span overlapping at least
half the gold text and at most 1.5x as long — with the right speaker and, where gold gives one, the right date.
Matching is by overlap with the gold text's position in the seed; nothing of the seed is in the code."""
from __future__ import annotations

import json

MAX_LENGTH_RATIO = 1.5


def _required(shared):
    gold = json.loads(shared("seed", "gold.json").read_text(encoding="utf-8"))
    return [q for q in gold["quotes"] if q.get("required")]


def _gold_span(text: str, quote: dict) -> tuple[int, int]:
    at = text.find(quote["text"])
    assert at >= 0, f"seed {quote['id']}: gold text {quote['text']!r} is not in the extracted seed text"
    return at, at + len(quote["text"])


def _best(doc, span):
    def overlap(q):
        return max(0, min(q.end, span[1]) - max(q.start, span[0]))
    found = max(doc.quotes, key=overlap, default=None)
    return found if found is not None and overlap(found) else None, overlap


def test_seed_required_quotes(seed_doc, shared):
    failures = []
    for gold in _required(shared):
        span = _gold_span(seed_doc.text, gold)
        found, overlap = _best(seed_doc, span)
        length = span[1] - span[0]
        label = f"seed {gold['id']} {gold['text'][:50]!r}"
        if found is None:
            failures.append(f"{label}: not found; quotes: {[q.text[:40] for q in seed_doc.quotes]}")
            continue
        if overlap(found) * 2 < length:
            failures.append(f"{label}: best match {found.text!r} covers less than half")
        if len(found.text) > MAX_LENGTH_RATIO * length:
            failures.append(f"{label}: span {found.text!r} is {len(found.text)} chars, gold {length}")
        if found.speaker_name != gold["speaker"]:
            failures.append(f"{label}: speaker {found.speaker_name!r}, expected {gold['speaker']!r}")
        if gold.get("date") and (found.date or "")[:10] != gold["date"]:
            failures.append(f"{label}: date {found.date!r} (cue {found.cue!r}), expected {gold['date']}")
    assert not failures, "\n".join(failures)


def test_seed_quotes_have_cues_and_kinds(seed_doc):
    for quote in seed_doc.quotes:
        assert quote.kind in {"direct", "indirect", "inferred"}, f"seed {quote.id}: kind {quote.kind!r}"
        assert seed_doc.text[quote.start:quote.end] == quote.text, f"seed {quote.id}: offsets do not give its text"
        if quote.speaker:
            assert quote.cue and quote.speaker_span, f"seed {quote.id} {quote.text[:40]!r}: speaker without cue/span"


def test_seed_unmarked_continuation_is_inferred(seed_doc, shared):
    gold = next(q for q in json.loads(shared("seed", "gold.json").read_text(encoding="utf-8"))["quotes"]
                if q["kind"] == "direct" and not q.get("required"))
    span = _gold_span(seed_doc.text, gold)
    found, overlap = _best(seed_doc, span)
    assert found is not None and overlap(found) * 2 >= span[1] - span[0], \
        f"seed {gold['id']} {gold['text'][:40]!r}: no inferred continuation found"
    assert found.kind == "inferred" and found.speaker_name == gold["speaker"], \
        f"seed {gold['id']}: got kind {found.kind!r}, speaker {found.speaker_name!r}"
