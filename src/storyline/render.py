"""Readable text views of documents and store statistics (the CLI's --format text)."""
from __future__ import annotations

from .models import Document


def _names(doc: Document) -> dict[str, str]:
    return {e.id: e.name for e in doc.entities} | {p.id: p.name for p in doc.places}


def document_text(doc: Document) -> str:
    names = _names(doc)
    lines = [f"# {doc.title or '(untitled)'}", f"id {doc.id}  published {doc.published or '?'}  {doc.url or ''}".rstrip()]
    if doc.entities:
        lines.append("actors: " + "; ".join(
            f"{e.name} [{e.code or e.type}]" + (f" ({', '.join(e.roles)})" if e.roles else "") for e in doc.entities))
    if doc.places:
        lines.append("places: " + "; ".join(f"{p.name} ({p.kind}, {p.country or '-'})" for p in doc.places))
    for ev in doc.events:
        where = f" in {names.get(ev.location, ev.location)}" if ev.location else ""
        when = f" on {ev.date}" if ev.date else ""
        lines.append(f"event {ev.id}: {ev.source_name or '?'} -{ev.plover or ev.cameo}/{ev.status}-> "
                     f"{ev.target_name or '-'}{when}{where}   «{ev.evidence.text}»")
    for q in doc.quotes:
        lines.append(f"quote {q.id} ({q.kind}) {q.speaker_name or '?'} {q.cue or ''}"
                     f"{' on ' + q.date if q.date else ''}: «{q.text}»")
    if doc.removed:
        lines.append(f"removed {len(doc.removed)} boilerplate piece(s): " + "; ".join(r.reason for r in doc.removed))
    return "\n".join(lines)


NEXT_STEPS = """next:
  storyline stats --format json            counts as JSON
  storyline export --out documents.jsonl   every stored document (--format parquet --out DIR, --format gdelt)
  storyline serve                          REST API and web UI on http://127.0.0.1:8000/
  storyline show ARTICLE_ID --format text  one document's facts
  storyline rejects                        inputs that were refused and why
  storyline stories --format json          every story with its articles and copies
  storyline story STORY_ID                 one story's timeline (--format atom for its feed)
  storyline trending                       stories and actors bursting now
  storyline watch add '{"kind": "quote", "speaker": "Vladimir Putin"}'   then: storyline watch run
  storyline extract FILE --published YYYY-MM-DD   analyse a file without storing it"""


def stats_text(stats: dict) -> str:
    order = ("articles", "rejected", "entities", "events", "quotes", "stories")
    lines = [f"{key:<10} {stats[key]}" for key in order if key in stats]
    by_reason = stats.get("rejected_by_reason") or {}
    if by_reason:
        lines.append("rejected by reason: " + ", ".join(f"{k} {v}" for k, v in sorted(by_reason.items())))
    return "\n".join(lines)
