"""Inferred quotes: a paragraph with no quotation marks that goes on with the previous paragraph's speaker.

Scraped text loses marks; a paragraph such as "We need to get that done. If you don't mind, let's …" right
after a paragraph quoting someone is still that person speaking. The evidence has to be strong:

- the previous paragraph holds a direct quote (with marks) that has a speaker;
- this paragraph has no quotation marks, no speech cue and no quote of its own, and is short;
- it reads as speech: first/second-person words (I, we, you, let's …) at least twice, or once together with a
  question or an imperative opening.

The result is kind "inferred" and never chains: an inferred paragraph does not license the next one.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .attribution import load_cues
from .direct import Found
from .quote_marks import MARKS

_SPEECH_WORDS = {"i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "let", "'s"}
_MAX_TOKENS = 80


def _person_words(span: Span) -> int:
    count = 0
    for token in span:
        lower = token.lower_
        if lower in _SPEECH_WORDS and (lower != "'s" or token.nbor(-1).lower_ == "let"):
            count += 1
    return count


def _imperative(span: Span) -> bool:
    return any(sent[0].tag_ == "VB" for sent in span.sents)


def speech_like(span: Span) -> bool:
    """Whether ``span`` reads as someone talking rather than as the writer's narration."""
    persons = _person_words(span)
    asks = "?" in span.text
    return persons >= 2 or (persons == 1 and (asks or _imperative(span)))


def _eligible(doc: Doc, span: Span) -> bool:
    cues = load_cues()
    if len(span) > _MAX_TOKENS or any(c in span.text for c in MARKS):
        return False
    return not any(cues.lemma(t) for t in span) and speech_like(span)


def find_inferred(doc: Doc, found: list[Found], paras: list[tuple[int, int]]) -> list[Found]:
    """Inferred continuation paragraphs, given the quotes already ``found`` (with paragraph indices)."""
    by_paragraph: dict[int, list[Found]] = {}
    for quote in found:
        by_paragraph.setdefault(quote.paragraph, []).append(quote)
    inferred = []
    for index in range(1, len(paras)):
        before = [q for q in by_paragraph.get(index - 1, []) if q.kind == "direct" and q.speaker is not None]
        if index in by_paragraph or not before:
            continue
        span = doc.char_span(*paras[index], alignment_mode="expand")
        if span is not None and _eligible(doc, span):
            last = before[-1]
            inferred.append(Found("inferred", paras[index][0], paras[index][1], last.cue, last.speaker, index,
                                  inherited=True))
    return inferred
