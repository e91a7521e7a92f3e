"""Direct quotes: which quoted stretches are someone's words, and the cue that introduces each.

    Marked stretch -> standalone?  (stands as an utterance: at a sentence start, after a colon or comma, or
                                    followed by its cue; not a title or scare quote inside a clause)
                   -> cue          (after the closing mark: "…," Smith said / "…" ― Jane Doe; before the
                                    opening mark: Smith said, "…" / Smith told reporters: "…" / according to
                                    Smith, "…"; or the previous paragraph ending with a colon: "Smith continued:")

Stretches with no cue of their own are left to ``quotes`` to inherit the neighbouring speaker.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .attribution import Cues, is_named, noun_head, speaker_of
from .quote_marks import MARKS, Marked, paragraphs

_FINAL = ".!?"
_OPENERS = _FINAL + ":,;—–-…(" + MARKS
_CLOSERS = _FINAL + ",;:—–-…)" + MARKS
_AFTER_LIMIT = 25
_NEAR = 6  # a cue further than this after the quote needs its speaker between
_DASHES = {"―", "—", "–", "-", "--"}
_SUBORDINATORS = {"if", "whether", "that", "about", "how", "why", "what", "when"}
_BEFORE_LIMIT = 30


@dataclass
class Found:
    """A quote under construction: character span of the content, its cue and speaker tokens."""

    kind: str
    start: int
    end: int
    cue: Token | None = None
    speaker: Token | None = None
    paragraph: int = 0
    inherited: bool = False
    fallback: tuple[Token, Token] | None = None  # the previous paragraph's named subject, when nothing better


def _char_before(text: str, pos: int, floor: int) -> str | None:
    while pos > floor and text[pos - 1].isspace():
        pos -= 1
    return text[pos - 1] if pos > floor else None


def _char_after(text: str, pos: int, ceiling: int) -> str | None:
    while pos < ceiling and text[pos].isspace():
        pos += 1
    return text[pos] if pos < ceiling else None


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _after_tokens(doc: Doc, mark: int, ceiling: int) -> list[Token]:
    """Tokens after a closing mark, up to the sentence end, the next quotation mark or the paragraph end."""
    first = _token_at(doc, mark)
    tokens: list[Token] = []
    if first is None:
        return tokens
    for token in doc[first.i + 1:]:
        if token.idx >= ceiling or token.text in MARKS or len(tokens) >= _AFTER_LIMIT:
            break
        tokens.append(token)
        if token.text in _FINAL:
            break
    return tokens


def _before_tokens(doc: Doc, mark: int, floor: int) -> list[Token]:
    """Tokens before an opening mark, back to the sentence start, a quotation mark or the paragraph start."""
    first = _token_at(doc, mark)
    tokens: list[Token] = []
    if first is None:
        return tokens
    for token in reversed(doc[:first.i]):
        if token.idx < floor or token.text in MARKS or token.text in _FINAL or len(tokens) >= _BEFORE_LIMIT:
            break
        tokens.append(token)
    return tokens[::-1]


def _usable(cue: Token, content: range) -> Token | None:
    """The cue's speaker when it lies outside the quoted content."""
    speaker = speaker_of(cue)
    if speaker is not None and speaker.i in content:
        return None
    return speaker


def _cue_after(doc: Doc, tokens: list[Token], cues: Cues, content: range) -> tuple[Token | None, Token | None] | None:
    """"…," Smith said / said Smith / Smith, the governor, said — not a new sentence "Asked if …, he said"."""
    for n, token in enumerate(tokens):
        if cues.allows(token, "direct"):
            follower = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
            if n == 0 and token.is_title or follower in _SUBORDINATORS:
                return None
            speaker = _usable(token, content)
            if n > _NEAR and (speaker is None or not tokens[0].i <= speaker.i < tokens[-1].i + 2):
                return None  # a far cue counts only with its speaker right here: "…," Smith, a senator, said
            return token, speaker
    return _signed(tokens)


def _signed(tokens: list[Token]) -> tuple[None, Token] | None:
    """"…" ― Jane Doe  /  "…," Smith, the party's nominee since May, … : a name right after the quote
    (no cue word, so the cue is None)."""
    if len(tokens) > 1 and tokens[0].text in _DASHES:
        tokens = tokens[1:]
    names = 0
    while names < len(tokens) and (is_named(tokens[names]) or tokens[names].pos_ == "PROPN"):
        names += 1
    if names and (names == len(tokens) or tokens[names].text in {",", "."} or tokens[0].nbor(-1).text in _DASHES):
        return None, noun_head(tokens[names - 1])
    return None


def _cue_before(doc: Doc, tokens: list[Token], cues: Cues, content: range) -> tuple[Token | None, Token | None] | None:
    """Smith said, "…" / according to Smith, "…" / pollster Daron Shaw: "…"."""
    for token in reversed(tokens):
        if cues.allows(token, "direct"):
            return token, _usable(token, content)
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            source = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
            return token, source
    if len(tokens) > 1 and tokens[-1].text == ":" and is_named(tokens[-2]):
        return tokens[-2], noun_head(tokens[-2])
    return None


def _cue_in_colon_paragraph(doc: Doc, para: tuple[int, int], cues: Cues,
                            content: range) -> tuple[Token | None, Token | None] | None:
    """"Smith continued:" as the paragraph before a quote paragraph."""
    span = doc.char_span(para[0], para[1], alignment_mode="expand")
    if span is None or not span.text.rstrip().endswith(":"):
        return None
    last = list(span.sents)[-1]
    verbs = [t for t in last if cues.allows(t, "direct")] or [t for t in last if t.pos_ == "VERB"]
    return (verbs[-1], _usable(verbs[-1], content)) if verbs else None


def _paragraph_subject(doc: Doc, para: tuple[int, int]) -> tuple[Token, Token] | None:
    """(verb, named subject) of the last sentence of a paragraph: who a following bare quote is likely from."""
    span = doc.char_span(para[0], para[1], alignment_mode="expand")
    if span is None:
        return None
    root = list(span.sents)[-1].root
    subject = speaker_of(root) if root.pos_ in {"VERB", "AUX"} else None
    if subject is None or not (is_named(subject) or subject.pos_ == "PRON" and subject.lower_ in {"he", "she"}):
        return None
    return root, subject


class DirectFinder:
    """Finds direct quotes in one parsed ``doc``."""

    def __init__(self, doc: Doc, cues: Cues):
        self.doc = doc
        self.text = doc.text
        self.cues = cues
        self.paras = paragraphs(doc.text)

    def content_range(self, mark: Marked) -> range:
        span = self.doc.char_span(mark.start, mark.end, alignment_mode="expand")
        return range(span.start, span.end) if span is not None else range(0)

    def standalone(self, mark: Marked, has_cue: bool, cue_after: bool) -> bool:
        """Whether the stretch stands as an utterance rather than a title or scare quote inside a clause.

        After a comma it must have a cue ("Smith said, “…”"; not "if the U.S. pulls back, “…”").
        """
        para_start = self.paras[mark.paragraph][0]
        before = None if mark.opened_by_paragraph else _char_before(self.text, mark.open_mark, para_start)
        starts = before is None or before in _OPENERS or self._cue_right_before(mark)
        if not starts or before == "," and not has_cue:
            return False
        last = self.text[mark.end - 1]
        after = None if mark.closed_by_paragraph else \
            _char_after(self.text, mark.close_mark + 1, self._paragraph_end(mark.close_mark))
        return cue_after or not last.isalnum() or after is None or after in _CLOSERS

    def _attribution_between_quotes(self, content: range) -> bool:
        """Mis-paired marks put the words between two quotes ("He says," / "Related:") inside a stretch."""
        tokens = [self.doc[i] for i in content]
        if not tokens or len(tokens) > 5 or tokens[-1].text not in {",", ":"}:
            return False
        return tokens[-1].text == ":" or any(self.cues.lemma(t) for t in tokens)

    def _paragraph_end(self, char: int) -> int:
        return next((end for start, end in self.paras if start <= char <= end), len(self.text))

    def _cue_right_before(self, mark: Marked) -> bool:
        token = _token_at(self.doc, mark.open_mark)
        return token is not None and token.i > 0 and self.cues.allows(self.doc[token.i - 1], "direct")

    def cue(self, mark: Marked, content: range) -> tuple[Token | None, Token | None] | None:
        para_start = self.paras[mark.paragraph][0]
        found = None
        if not mark.closed_by_paragraph:
            after = _after_tokens(self.doc, mark.close_mark, self._paragraph_end(mark.close_mark))
            found = _cue_after(self.doc, after, self.cues, content)
        if found is None and not mark.opened_by_paragraph:
            found = _cue_before(self.doc, _before_tokens(self.doc, mark.open_mark, para_start), self.cues, content)
        if found is None and mark.paragraph > 0 and self._opens_paragraph(mark):
            found = _cue_in_colon_paragraph(self.doc, self.paras[mark.paragraph - 1], self.cues, content)
        return found

    def _opens_paragraph(self, mark: Marked) -> bool:
        para_start = self.paras[mark.paragraph][0]
        return mark.opened_by_paragraph or _char_before(self.text, mark.open_mark, para_start) is None

    def find(self, marks: list[Marked]) -> list[Found]:
        found = []
        for mark in marks:
            content = self.content_range(mark)
            if self._attribution_between_quotes(content):
                continue
            cue = self.cue(mark, content)
            after_cue = cue is not None and not mark.closed_by_paragraph and \
                (cue[0] if cue[0] is not None else cue[1]).idx > mark.close_mark
            if not self.standalone(mark, cue is not None, after_cue):
                continue
            cue_token, speaker = cue if cue else (None, None)
            quote = Found("direct", mark.start, mark.end, cue_token, speaker, mark.paragraph)
            if cue is None and mark.paragraph > 0 and self._opens_paragraph(mark):
                quote.fallback = _paragraph_subject(self.doc, self.paras[mark.paragraph - 1])
            found.append(quote)
        return found
