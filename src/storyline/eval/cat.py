"""Reader for MEANTIME's CAT XML, shared by the factuality (events) and entity-mention (meantime) evaluations.

    doc = read_cat(path)
    doc.text, doc.published                      text rebuilt from tokens (see ``rebuild_text``)
    doc.token_spans[t_id] -> (start, end)        character offsets of each token in doc.text
    doc.event_mentions -> [CatMention(m_id, t_ids, attrs)]
    doc.entity_mentions -> [CatMention(...)]     ENTITY_MENTION markables with their attributes
    doc.entity_kind(mention)                     the entity type it REFERS_TO, else its own ent_type

Text: a space between tokens except before closing punctuation and clitics and after opening brackets and
quotes; a blank line after the headline (sentence 0) and the date line (sentence 1), one sentence per line after.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvalDataError

NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "'s", "’s", "n't", "%", "''", "'", "'re", "'ve",
                   "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "#"}


@dataclass(frozen=True)
class CatMention:
    m_id: str
    t_ids: tuple[str, ...]
    attrs: dict = field(default_factory=dict)


@dataclass
class CatDocument:
    name: str
    text: str
    published: str | None
    token_spans: dict[str, tuple[int, int]]
    event_mentions: list[CatMention]
    entity_mentions: list[CatMention] = field(default_factory=list)
    entity_types: dict[str, str] = field(default_factory=dict)  # ENTITY m_id -> ent_type
    refers_to: dict[str, str] = field(default_factory=dict)  # mention m_id -> ENTITY m_id

    def mention_span(self, mention: CatMention) -> tuple[int, int]:
        spans = [self.token_spans[t] for t in mention.t_ids if t in self.token_spans]
        return min(s for s, _ in spans), max(e for _, e in spans)

    def entity_kind(self, mention: CatMention) -> str | None:
        return self.entity_types.get(self.refers_to.get(mention.m_id)) or mention.attrs.get("ent_type")


def rebuild_text(tokens: list[tuple[str, int, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Text from (t_id, sentence, word) tokens, and t_id -> (start, end) character offsets."""
    parts, offsets, pos, previous_sentence, previous_word = [], {}, 0, None, None
    for t_id, sentence, word in tokens:
        if previous_sentence is None:
            sep = ""
        elif sentence != previous_sentence:
            sep = "\n\n" if previous_sentence <= 1 else "\n"
        elif word in NO_SPACE_BEFORE or previous_word in NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        parts.append(sep)
        pos += len(sep)
        offsets[t_id] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        previous_sentence, previous_word = sentence, word
    return "".join(parts), offsets


def _dct(root: ET.Element) -> str | None:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            return timex.get("value")
    return None


def _mentions(markables: ET.Element | None, tag: str) -> list[CatMention]:
    out = []
    for m in (markables.iter(tag) if markables is not None else ()):
        t_ids = tuple(a.get("t_id") for a in m.iter("token_anchor"))
        if t_ids:
            out.append(CatMention(m.get("m_id"), t_ids, dict(m.attrib)))
    return out


def read_cat(path: str | Path) -> CatDocument:
    """One CAT XML file; raises EvalDataError naming the file when it does not parse."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalDataError(str(path), f"not CAT XML ({exc}); pass a MEANTIME corpus folder") from exc
    tokens = [(t.get("t_id"), int(t.get("sentence") or 0), t.text or "") for t in root.iter("token")]
    text, spans = rebuild_text(tokens)
    markables = root.find("Markables")
    types = {e.get("m_id"): e.get("ent_type") for e in (markables if markables is not None else ())
             if e.tag == "ENTITY"}
    refers = {s.get("m_id"): rel.find("target").get("m_id")
              for rel in root.iter("REFERS_TO") for s in rel.findall("source") if rel.find("target") is not None}
    return CatDocument(Path(path).stem, text, _dct(root), spans, _mentions(markables, "EVENT_MENTION"),
                       _mentions(markables, "ENTITY_MENTION"), types, refers)
