"""Quotation marks -> quoted stretches of text, one paragraph at a time (no parsing, characters only).

    paragraph text -> marks (each an opening or a closing one, by glyph and by what stands around it)
                   -> pairs -> ``Marked`` stretches (content offsets, without the marks)

Scraped news breaks punctuation, so unmatched marks are paired with the paragraph boundaries:

- a closing mark with no opening one before it opens the quote at the start of the paragraph
  (``opened_by_paragraph``);
- an opening mark with no closing one runs to the end of the paragraph (``closed_by_paragraph``); when the next
  paragraph begins with an opening mark, the quote continues there (the typesetting convention for a quote
  over several paragraphs), and ``continues`` says so.

Each paragraph's piece is its own stretch: a quote over three paragraphs gives three stretches, linked by
``continues``. A line break inside a sentence (the next line starts in lower case and closes the open quote)
is a hard wrap, not a paragraph: the two pieces are one stretch.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
MARKS = OPENING + CLOSING + STRAIGHT
_BEFORE_OPENING = " \t\n([{—–-/:;,"
_PARAGRAPH = re.compile(r"[^\n]+")
_MARKUP = re.compile(r"<\w+[^>]*=\s*\"")  # embedded HTML such as <tweet id="…">: its marks are no quotes


@dataclass(frozen=True)
class Marked:
    """A stretch of text between quotation marks (``start``/``end``: the content, marks excluded)."""

    start: int
    end: int
    open_mark: int | None  # offset of the opening mark; None when the paragraph start stands in for it
    close_mark: int | None  # offset of the closing mark; None when the paragraph end stands in for it
    paragraph: int  # index of the paragraph
    continues: bool = False  # the quote goes on in the next paragraph

    @property
    def opened_by_paragraph(self) -> bool:
        return self.open_mark is None

    @property
    def closed_by_paragraph(self) -> bool:
        return self.close_mark is None


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line; news text keeps one paragraph per line."""
    spans = []
    for match in _PARAGRAPH.finditer(text):
        chunk = match.group()
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((match.start() + lead, match.start() + len(chunk.rstrip())))
    return spans


def _role(text: str, i: int, start: int, end: int) -> str:
    """"open" or "close" for the mark at ``i``: its surroundings decide, the glyph breaks ties."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    opens_by_context = before in _BEFORE_OPENING or before in MARKS and i > start + 1 and text[i - 2].isspace()
    closes_by_context = after.isspace() or (not after.isalnum() and after not in "‘'(" + OPENING)
    if opens_by_context and not closes_by_context:
        return "open"
    if closes_by_context and not opens_by_context:
        return "close"
    if text[i] in OPENING:
        return "open"
    if text[i] in CLOSING:
        return "close"
    return "open" if before.isspace() else "close"


def _marks(text: str, start: int, end: int) -> list[tuple[int, str]]:
    return [(i, _role(text, i, start, end)) for i in range(start, end) if text[i] in MARKS]


def _stretch(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``start:end`` past surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_quotes(text: str, index: int, start: int, end: int) -> list[Marked]:
    found: list[Marked] = []
    if _MARKUP.search(text, start, end):
        return found
    opened: int | None = None
    seen_any = False
    for i, role in _marks(text, start, end):
        if role == "open":
            if opened is None:
                opened = i
            seen_any = True
            continue
        if opened is not None:
            found.append(Marked(*_stretch(text, opened + 1, i), opened, i, index))
            opened = None
        elif not seen_any:
            found.append(Marked(*_stretch(text, start, i), None, i, index))
        seen_any = True
    if opened is not None:
        found.append(Marked(*_stretch(text, opened + 1, end), opened, None, index))
    return [m for m in found if m.end > m.start]


def _opens_with_mark(text: str, span: tuple[int, int]) -> bool:
    start, end = span
    return start < end and text[start] in OPENING + STRAIGHT


def _hard_wrapped(text: str, before: Marked, after: Marked) -> bool:
    """A line break inside a sentence: the quote left open runs on into a line that starts in lower case."""
    return before.closed_by_paragraph and not before.continues and after.opened_by_paragraph \
        and after.paragraph == before.paragraph + 1 and text[after.start].islower()


def _joined(before: Marked, after: Marked) -> Marked:
    return Marked(before.start, after.end, before.open_mark, after.close_mark, before.paragraph)


def find_marked(text: str) -> list[Marked]:
    """Every quoted stretch of ``text``, paragraph by paragraph, in text order."""
    spans = paragraphs(text)
    found: list[Marked] = []
    for index, (start, end) in enumerate(spans):
        pieces = _paragraph_quotes(text, index, start, end)
        if pieces and found and _hard_wrapped(text, found[-1], pieces[0]):
            found[-1] = _joined(found[-1], pieces.pop(0))
        if pieces and pieces[-1].closed_by_paragraph and index + 1 < len(spans) \
                and _opens_with_mark(text, spans[index + 1]):
            last = pieces[-1]
            pieces[-1] = Marked(last.start, last.end, last.open_mark, None, index, continues=True)
        found.extend(pieces)
    return found
