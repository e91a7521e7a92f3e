"""Who said it and when: speech cues (data/speech_cues.yaml), the speaker behind a cue, and the cue's date.

    cue token -> speaker_of (subject phrase; relative "who", conjoined and participial cues, inversions)
              -> entity_of  (the actor id, through the actors component's token_entity / entity_for)
              -> date_of    (a date expression in the cue's own clause, never one inside the quoted content)
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from ..errors import StorylineError
from .state import state

USES = {"both", "direct", "indirect"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_RELATIVE = {"who", "which", "that", "whom"}
_NOMINAL = {"PROPN", "NOUN", "PRON"}
_SPEAKER_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
_VERBAL_TAGS = {"VBD", "VBZ", "VBP", "VBN", "VBG", "VB"}


class SpeechCueError(StorylineError):
    """data/speech_cues.yaml is malformed."""

    def __init__(self, detail: str):
        super().__init__(f"data/speech_cues.yaml: {detail}; see the schema comment at the top of that file")


@dataclass(frozen=True)
class Cues:
    verbs: dict[str, str]  # lemma -> both | direct | indirect
    forms: dict[str, str]  # lower-cased form -> lemma
    phrases: tuple[tuple[str, ...], ...]  # multi-word cues with the speaker after them

    def lemma(self, token: Token) -> str | None:
        """The cue lemma of ``token`` when it is a speech verb (or a known mis-tagged form of one)."""
        lower = token.lower_
        if lower in self.forms:
            return self.forms[lower]
        if token.tag_ in _VERBAL_TAGS and token.lemma_.lower() in self.verbs:
            return token.lemma_.lower()
        return None

    def allows(self, token: Token, kind: str) -> bool:
        """Whether ``token`` can introduce a ``kind`` ("direct" or "indirect") quote."""
        lemma = self.lemma(token)
        return lemma is not None and self.verbs.get(lemma) in {"both", kind}


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The shipped speech-cue table, validated."""
    with resources.files("storyline.data").joinpath("speech_cues.yaml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    verbs = data.get("verbs") or {}
    bad = {lemma: use for lemma, use in verbs.items() if use not in USES}
    if bad:
        raise SpeechCueError(f"verbs {bad} have a use outside {sorted(USES)}")
    forms = {form.lower(): lemma for form, lemma in (data.get("forms") or {}).items()}
    unknown = sorted(lemma for lemma in forms.values() if lemma not in verbs)
    if unknown:
        raise SpeechCueError(f"forms point at lemmas missing from verbs: {unknown}")
    phrases = tuple(tuple(p["words"]) for p in data.get("phrases") or ())
    return Cues(verbs=verbs, forms=forms, phrases=phrases)


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _subject_through_heads(cue: Token) -> Token | None:
    """The subject of ``cue``, or of the verb it is conjoined to / hangs from ("…, adding …")."""
    verb = cue
    for _ in range(4):
        subject = _subject(verb)
        if subject is not None:
            return subject
        if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head is not verb:
            verb = verb.head
        else:
            return None
    return None


def _resolve_relative(subject: Token) -> Token:
    """"who" in "Smith, who said …" stands for Smith."""
    if subject.lower_ in _RELATIVE and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject


# Cues whose next noun is the one spoken to ("told The Hill"), never the speaker.
_ADDRESSEE_CUES = {"tell", "inform", "ask", "assure", "brief", "remind", "advise", "notify"}


def _nearby_nominal(cue: Token) -> Token | None:
    """A mis-parsed cue's speaker: right after it ("said Smith"), else the closest nominal before it."""
    sent = cue.sent
    after = cue.nbor(1) if cue.i + 1 < sent.end and cue.lemma_ not in _ADDRESSEE_CUES else None
    if after is not None and after.pos_ in {"PROPN", "DET"}:
        return after if after.pos_ == "PROPN" else _head_within(after, sent)
    for token in reversed(doc_range(cue.doc, sent.start, cue.i)):
        if is_named(token) or token.pos_ in _NOMINAL:
            return noun_head(token)
        if token.pos_ in {"VERB", "AUX"} or token.text in {".", ";", ":", "“", "”", '"'}:
            return None
    return None


def is_named(token: Token) -> bool:
    """A token the NER or the actors component took for a name (the tagger may still call it a verb)."""
    return token.ent_type_ in _SPEAKER_LABELS or token.i in state(token.doc).token_entity


def doc_range(doc: Doc, start: int, end: int) -> list[Token]:
    return [doc[i] for i in range(max(start, 0), min(end, len(doc)))]


def _head_within(token: Token, sent: Span) -> Token:
    head = token
    while head.dep_ in {"det", "amod", "compound", "poss"} and sent.start <= head.head.i < sent.end:
        head = head.head
    return head


def noun_head(token: Token) -> Token:
    while token.dep_ in {"compound", "flat"} and token.head.i > token.i:
        token = token.head
    return token


def speaker_of(cue: Token) -> Token | None:
    """The head token of whoever the cue's clause says is speaking, or None."""
    subject = _subject_through_heads(cue)
    if subject is None and cue.dep_ == "relcl" and cue.head.pos_ in _NOMINAL:
        return cue.head  # "the senator quoted by …"
    if subject is None:
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return pobj or _nearby_nominal(cue)
    return _resolve_relative(subject)


def phrase(head: Token) -> Span:
    """The noun phrase headed by ``head``: its left modifiers and compounds, no clauses or appositions."""
    doc = head.doc
    start = head.i
    for token in head.lefts:
        if token.dep_ not in {"punct", "cc"}:
            start = min(start, token.left_edge.i)
    end = head.i + 1
    while end < len(doc) and doc[end].dep_ in {"flat", "compound"} and doc[end].head == head:
        end += 1
    return doc[start:end]


def _token_entity(doc: Doc, token: Token) -> str | None:
    """The actors component's entity id for one token (``entity_for`` when it exists, else ``token_entity``)."""
    try:
        from .actors import entity_for
    except ImportError:  # an actors component without the helper
        return state(doc).token_entity.get(token.i)
    entity = entity_for(doc, token)
    return entity.id if entity is not None else None


def entity_of(doc: Doc, head: Token | None) -> str | None:
    """The entity id behind a speaker head: the head itself, else its compounds and appositions.

    A possessor is not the speaker ("Trump's spokesman" is not Trump), so the whole phrase is not searched.
    """
    if head is None:
        return None
    for token in [head, *(c for c in head.children if c.dep_ in {"compound", "flat", "appos"})]:
        found = _token_entity(doc, token)
        if found:
            return found
    return None


def entity_name(doc: Doc, entity_id: str | None) -> str | None:
    entity = state(doc).entity(entity_id)
    return entity.name if entity else None


def _clause_tokens(cue: Token, content: range) -> list[Token]:
    """The cue's subtree, or when the parse left the cue bare (a mis-tagged cue), the sentence on the cue's
    side of the content ("Trump informed reporters … on Sunday that …")."""
    subtree = list(cue.subtree)
    if len(subtree) > 1 or not content:
        return subtree
    sent = cue.sent
    if content.start > cue.i:
        return list(cue.doc[sent.start:content.start])
    return list(cue.doc[content.stop:sent.end])


def date_of(doc: Doc, cue: Token, content: range) -> str | None:
    """The value of the date expression closest to ``cue`` in its clause, skipping the quoted content."""
    sl = state(doc)
    sent = cue.sent
    best: tuple[int, str] | None = None
    for token in _clause_tokens(cue, content):
        if token.i in content or not sent.start <= token.i < sent.end:
            continue
        index = sl.token_date.get(token.i)
        if index is None or not 0 <= index < len(sl.dates) or not sl.dates[index].value:
            continue
        distance = abs(token.i - cue.i)
        if best is None or distance < best[0]:
            best = (distance, sl.dates[index].value)
    return _day(best[1]) if best else None


def _day(value: str) -> str:
    """A TIMEX3 value cut to its day when it has one ("2025-10-15TEV" -> "2025-10-15")."""
    head = value[:10]
    return head if len(head) == 10 and head[4] == "-" and head[7] == "-" and head[8:].isdigit() else value
