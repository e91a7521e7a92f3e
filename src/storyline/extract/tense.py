"""Which way a relative date points, read from the words around it and the verb that governs it.

    1. the expression says so itself: "next", "coming", "tomorrow" -> future; "last", "ago", "yesterday" -> past
    2. else the governing verb (up the dependency tree from the expression):
         will / shall / 'll / going to / modal (would, could, may…)              -> future
         plans / intends / expects / is scheduled / is set … to VERB            -> future
         past tense or perfect (called, has been urging, had met)               -> past
         present (occurs, is meeting, meets)                                    -> present (the nearest day)
    3. no verb at all (a headline fragment): None, and the calendar's default (past) applies.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

FUTURE_WORDS = {"next", "coming", "upcoming", "tomorrow", "later", "following", "hence"}
PAST_WORDS = {"last", "ago", "yesterday", "earlier", "past", "previous", "since", "recent"}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "could", "might", "may", "should", "can", "must", "ca"}
INTENT = {"plan", "intend", "expect", "schedule", "set", "hope", "aim", "want", "prepare", "due", "go", "seek",
          "propose", "agree", "promise", "threaten", "vow", "pledge", "slate", "likely"}


def governing_verb(span: Span) -> Token | None:
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token.i not in range(span.start, span.end):
            return token
        if token.head is token:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def _aux(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _intended(verb: Token) -> bool:
    """"plans to meet", "is expected to vote", "is going to call", "was scheduled for Friday"."""
    head = verb.head
    if verb.dep_ == "xcomp" and (head.lemma_ in INTENT or (head.lemma_ == "be" and verb.tag_ == "VB")):
        return True
    return verb.lemma_ in INTENT and verb.tag_ == "VBN" and any(a.lemma_ == "be" for a in _aux(verb))


def verb_direction(verb: Token) -> str:
    auxes = _aux(verb)
    if any(a.lower_ in FUTURE_AUX for a in auxes) or _intended(verb):
        return "future"
    if verb.tag_ in ("VBD", "VBN") or any(a.tag_ in ("VBD", "VBN") or a.lemma_ == "have" for a in auxes):
        return "past"
    if verb.morph.get("Tense") == ["Past"]:
        return "past"
    return "present"


def direction(span: Span) -> str | None:
    """past | future | present for the temporal expression ``span``; None when nothing says."""
    words = {t.lower_ for t in span}
    if words & FUTURE_WORDS:
        return "future"
    if words & PAST_WORDS:
        return "past"
    before = span.doc[span.start - 1].lower_ if span.start else ""
    if before in ("since", "ago"):
        return "past"
    verb = governing_verb(span)
    return verb_direction(verb) if verb is not None else None
