"""Indirect speech: "X said/announced/told reporters (that) …" and "according to X, …".

    cue verb -> complement clause (its ccomp, or the clause a later "that" introduces when the parse
                missed the link) -> content span, trimmed of a leading "that" and of trailing adjuncts that
                are the writer's, not the speaker's ("…, although …", "in an effort to …", "as a means of …",
                an infinitive of purpose)
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .attribution import Cues, speaker_of
from .direct import Found

_CONCESSIVE = {"although", "though", "while", "whereas", "because", "since", "unless", "as", "even"}
_PURPOSE_NOUNS = {"effort", "order", "bid", "attempt", "means", "aim", "hopes", "hope", "push"}
_PURPOSE_PREPS = {"in", "as", "with"}
_MIN_TOKENS = 3


def _complement(cue: Token) -> Token | None:
    """The head of the clause ``cue`` reports: its ccomp, else the verb a following "that" marks."""
    for child in cue.children:
        if child.dep_ == "ccomp" and child.i > cue.i:
            return child
    for token in cue.doc[cue.i + 1:cue.sent.end]:
        if token.lower_ == "that" and token.dep_ == "mark" and token.head.i > token.i:
            return token.head
        if token.dep_ == "ccomp" or token.text in {";", ":"}:
            break
    return None


def _purpose_prep(token: Token) -> bool:
    if token.dep_ != "prep" or token.lower_ not in _PURPOSE_PREPS:
        return False
    return any(c.dep_ == "pobj" and c.lower_ in _PURPOSE_NOUNS for c in token.children)


def _trailing_adjunct(token: Token) -> bool:
    """Whether ``token`` heads an adjunct the writer added: concessive/purpose clause or purpose phrase."""
    if _purpose_prep(token):
        return True
    if token.dep_ != "advcl":
        return False
    edge = token.left_edge
    comma_before = edge.i > 0 and token.doc[edge.i - 1].text == ","
    purpose = edge.lower_ == "to" or (edge.lower_ == "in" and edge.nbor(1).lower_ == "order")
    return comma_before or purpose or edge.lower_ in _CONCESSIVE


def _strip(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ == "that" and doc[start].dep_ == "mark" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"and", "but", "or"}):
        end -= 1
    return start, end


def trim_content(doc: Doc, head: Token, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without leading "that" and trailing writer's adjuncts running to its end."""
    start, end = _strip(doc, start, end)
    cut = _first_cut(doc, head, start, end)
    while cut is not None:
        start, end = _strip(doc, start, cut)
        cut = _first_cut(doc, head, start, end)
    return start, end


def _first_cut(doc: Doc, head: Token, start: int, end: int) -> int | None:
    """Where the first trailing adjunct that runs to ``end`` begins, if any."""
    for token in doc[head.i + 1:end]:
        edge = token.left_edge.i
        if token.right_edge.i >= end - 1 and edge - start >= _MIN_TOKENS and _trailing_adjunct(token):
            return edge
    return None


def _according(doc: Doc, token: Token) -> tuple[Token, tuple[int, int]] | None:
    """"according to X" -> (X, the rest of the sentence) when the phrase stands at either end of it."""
    if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    source = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    sent: Span = token.sent
    phrase_start, phrase_end = token.i, doc[token.i + 1].right_edge.i + 1
    if phrase_start <= sent.start + 1:
        return source, _strip(doc, phrase_end, sent.end)
    if phrase_end >= sent.end - 1:
        return source, _strip(doc, sent.start, phrase_start)
    return None


def _from_cue(doc: Doc, cue: Token) -> Found | None:
    head = _complement(cue)
    speaker = speaker_of(cue)
    if head is None or speaker is None or speaker.i > head.left_edge.i and speaker.i < head.right_edge.i:
        return None
    start, end = trim_content(doc, head, head.left_edge.i, head.right_edge.i + 1)
    if end - start < _MIN_TOKENS:
        return None
    return Found("indirect", doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), cue, speaker)


def find_indirect(doc: Doc, cues: Cues, taken: set[int], used_cues: set[int]) -> list[Found]:
    """Indirect speech outside the tokens ``taken`` by direct quotes, from cues not already used."""
    found = []
    for token in doc:
        if token.i in taken or token.i in used_cues:
            continue
        according = _according(doc, token)
        if according is not None:
            source, (start, end) = according
            if end - start >= _MIN_TOKENS and not taken.intersection(range(start, end)):
                found.append(Found("indirect", doc[start].idx, doc[end - 1].idx + len(doc[end - 1]),
                                   token, source))
        elif cues.allows(token, "indirect"):
            quote = _from_cue(doc, token)
            if quote is not None:
                found.append(quote)
    return found
