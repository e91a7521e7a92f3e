"""Watches: stored rules matched against every stored event and quote; each match is emitted once.

Rules (JSON objects; ``name`` is an optional label):

    {"kind": "event", "plover": "CONSULT", "actors": ["USA", "RUS"]}
        an event of that PLOVER type (or ``"cameo": "04"``, a CAMEO code prefix) whose actors include one matching
        each listed code, in either direction. A code matches an actor's CAMEO code by prefix ("USA" matches
        "USAGOV") or the actor's country. Optional ``"status": "planned"``.
    {"kind": "quote", "speaker": "Vladimir Putin"}
        a quote whose speaker is that actor (every word of the rule's name in the speaker's name, or the same
        knowledge id given as ``"speaker_id"``).

A match is identified by (watch, article, event or quote id) in ``watch_hits``; a match is recorded only after it
was written out (or the webhook answered 2xx), so a failed delivery is retried on the next run.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import IO

import httpx
import sqlalchemy as sa

from ..errors import StorylineError
from ..store import schema
from ..store.store import utcnow
from .text import content_terms

KINDS = ("event", "quote")
W = schema.watches.c
H = schema.watch_hits.c


class WatchRuleError(StorylineError):
    def __init__(self, rule: object, detail: str):
        self.rule = rule
        super().__init__(f"watch rule {json.dumps(rule, ensure_ascii=False)}: {detail}. Example rules: "
                         '{"kind": "event", "plover": "CONSULT", "actors": ["USA", "RUS"]} or '
                         '{"kind": "quote", "speaker": "Vladimir Putin"}')


class WebhookFailed(StorylineError):
    def __init__(self, url: str, detail: str):
        self.url = url
        super().__init__(f"webhook {url} failed ({detail}); the match was not recorded and will be sent again "
                         "on the next `storyline watch run` — check the URL and that the receiver is up")


def check_rule(rule: object) -> dict:
    if not isinstance(rule, dict):
        raise WatchRuleError(rule, "a rule is a JSON object")
    if rule.get("kind") not in KINDS:
        raise WatchRuleError(rule, f"'kind' must be one of {KINDS}")
    if rule["kind"] == "quote" and not (rule.get("speaker") or rule.get("speaker_id")):
        raise WatchRuleError(rule, "a quote rule needs 'speaker' (a name) or 'speaker_id' (a knowledge id)")
    if rule["kind"] == "event":
        actors = rule.get("actors", [])
        if not isinstance(actors, list) or len(actors) > 2 or not all(isinstance(a, str) for a in actors):
            raise WatchRuleError(rule, "'actors' is a list of at most two actor or country codes")
        if not (rule.get("plover") or rule.get("cameo") or actors):
            raise WatchRuleError(rule, "an event rule needs at least one of 'plover', 'cameo' or 'actors'")
    return rule


def watch_add(store, rule: dict) -> int:
    row = {"rule": check_rule(rule), "created_at": utcnow()}
    with store.engine.begin() as conn:
        return conn.execute(schema.watches.insert().values(**row)).inserted_primary_key[0]


def watches(store) -> list[tuple[int, dict]]:
    with store.engine.connect() as conn:
        return [(i, r) for i, r in conn.execute(sa.select(W.id, W.rule).order_by(W.id)).all()]


# ------------------------------------------------------------------------------------------------ matching


def _code_matches(code: str, actor_code: str | None, country: str | None) -> bool:
    code = code.upper()
    return bool(actor_code and actor_code.upper().startswith(code)) or (country or "").upper() == code


def _actors_match(codes: list[str], ends: list[tuple[str | None, str | None]]) -> bool:
    if len(codes) == 1:
        return any(_code_matches(codes[0], *end) for end in ends)
    if len(codes) == 2:
        (a, b), (x, y) = codes, ends
        return (_code_matches(a, *x) and _code_matches(b, *y)) or (_code_matches(a, *y) and _code_matches(b, *x))
    return True


def _countries(conn, article_ids: set[str]) -> dict[tuple[str, str], str]:
    e = schema.entities.c
    rows = conn.execute(sa.select(e.article_id, e.entity_id, e.country)
                        .where(e.article_id.in_(article_ids), e.country.is_not(None))).all()
    return {(a, i): c for a, i, c in rows}


def _event_matches(conn, rule: dict) -> Iterator[tuple[str, dict]]:
    ev, a = schema.events.c, schema.articles.c
    query = sa.select(schema.events, a.url, a.published).join(schema.articles, ev.article_id == a.id)
    if rule.get("plover"):
        query = query.where(sa.func.upper(ev.plover) == rule["plover"].upper())
    if rule.get("cameo"):
        query = query.where(ev.cameo.like(f"{rule['cameo']}%"))
    if rule.get("status"):
        query = query.where(ev.status == rule["status"])
    rows = conn.execute(query.order_by(a.published, ev.article_id, ev.id)).mappings().all()
    countries = _countries(conn, {r["article_id"] for r in rows}) if rule.get("actors") else {}
    for r in rows:
        ends = [(r["source_code"], countries.get((r["article_id"], r["source"]))),
                (r["target_code"], countries.get((r["article_id"], r["target"])))]
        if _actors_match(rule.get("actors", []), ends):
            yield f"{r['article_id']}:event:{r['event_id']}", _event_record(r)


def _event_record(r) -> dict:
    keys = ("article_id", "url", "published", "event_id", "plover", "cameo", "status", "source_name",
            "target_name", "source_code", "target_code", "date", "evidence")
    return {"type": "event", **{k: r[k] for k in keys}}


def _speaker_matches(rule: dict, name: str | None, speaker: str | None) -> bool:
    if rule.get("speaker_id") and speaker == rule["speaker_id"]:
        return True
    wanted = set(content_terms(rule.get("speaker") or ""))
    return bool(wanted) and wanted <= set(content_terms(name or ""))


def _quote_matches(conn, rule: dict) -> Iterator[tuple[str, dict]]:
    q, a = schema.quotes.c, schema.articles.c
    query = (sa.select(q.article_id, q.quote_id, q.speaker, q.speaker_name, q.text, q.date, a.url, a.published)
             .join(schema.articles, q.article_id == a.id).order_by(a.published, q.article_id, q.id))
    for r in conn.execute(query).mappings():
        if _speaker_matches(rule, r["speaker_name"], r["speaker"]):
            yield f"{r['article_id']}:quote:{r['quote_id']}", {"type": "quote", **dict(r)}


def matches(store, rule: dict) -> list[tuple[str, dict]]:
    finder = _event_matches if rule["kind"] == "event" else _quote_matches
    with store.engine.connect() as conn:
        return list(finder(conn, rule))


# ------------------------------------------------------------------------------------------------ running


def _seen(store, watch_id: int) -> set[str]:
    with store.engine.connect() as conn:
        return set(conn.execute(sa.select(H.key).where(H.watch_id == watch_id)).scalars())


def _record(store, watch_id: int, key: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(schema.watch_hits.insert().values(watch_id=watch_id, key=key, created_at=utcnow()))


def _post(client: httpx.Client, url: str, payload: dict) -> None:
    try:
        response = client.post(url, json=payload)
    except httpx.HTTPError as exc:
        raise WebhookFailed(url, str(exc) or type(exc).__name__) from None
    if not response.is_success:
        raise WebhookFailed(url, f"HTTP {response.status_code}")


def watch_run(store, out: IO[str] | None = None, webhook: str | None = None, transport=None) -> int:
    """Emit every new match of every watch — a JSON line on ``out``, or a POST to ``webhook`` — and record it.

    Returns the number of matches emitted. A webhook failure stops the run (raising ``WebhookFailed``) after
    recording what was delivered.
    """
    out = out or sys.stdout
    client = httpx.Client(transport=transport, timeout=15.0) if webhook else None
    emitted = 0
    try:
        for watch_id, rule in watches(store):
            seen = _seen(store, watch_id)
            for key, match in matches(store, rule):
                if key in seen:
                    continue
                payload = {"watch_id": watch_id, "rule": rule, "key": key, "match": match}
                if client:
                    _post(client, webhook, payload)
                else:
                    out.write(json.dumps(payload, ensure_ascii=False) + "\n")
                _record(store, watch_id, key)
                seen.add(key)
                emitted += 1
    finally:
        if client:
            client.close()
    return emitted
