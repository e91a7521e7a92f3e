"""Reader for MEANTIME's CAT XML: tokens, the rebuilt text with character offsets, event mentions, DCT.

    doc = read_cat(path)
    doc.text, doc.published                      text rebuilt from tokens (one line per sentence)
    doc.token_spans[t_id] -> (start, end)        character offsets of each token in doc.text
    doc.event_mentions -> [CatMention(m_id, t_ids, attrs)]
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvalDataError


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

    def mention_span(self, mention: CatMention) -> tuple[int, int]:
        spans = [self.token_spans[t] for t in mention.t_ids if t in self.token_spans]
        return min(s for s, _ in spans), max(e for _, e in spans)


def _rebuild(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]]]:
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    offset, sentence = 0, None
    for token in root.iter("token"):
        if sentence is not None and token.get("sentence") != sentence:
            parts.append("\n")
            offset += 1
        elif parts:
            parts.append(" ")
            offset += 1
        sentence = token.get("sentence")
        word = token.text or ""
        spans[token.get("t_id")] = (offset, offset + len(word))
        parts.append(word)
        offset += len(word)
    return "".join(parts), spans


def _dct(root: ET.Element) -> str | None:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            return timex.get("value")
    return None


def read_cat(path: str | Path) -> CatDocument:
    """One CAT XML file; raises EvalDataError naming the file when it does not parse."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalDataError(str(path), f"not CAT XML ({exc}); pass a MEANTIME corpus folder") from exc
    text, spans = _rebuild(root)
    markables = root.find("Markables")
    mentions = []
    for m in (markables.iter("EVENT_MENTION") if markables is not None else ()):
        t_ids = tuple(a.get("t_id") for a in m.iter("token_anchor"))
        if t_ids:
            mentions.append(CatMention(m.get("m_id"), t_ids, dict(m.attrib)))
    return CatDocument(Path(path).stem, text, _dct(root), spans, mentions)
