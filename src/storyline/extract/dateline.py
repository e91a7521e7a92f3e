"""Wire datelines: "NAIROBI, Kenya (AP) _ U.S. Secretary of State Madeleine Albright paid tribute ...".

The small parser reads a dateline into the first sentence, most often as its subject ("NAIROBI ... paid"), so
the dateline's country became the actor of the lead's events. This component runs before the parser and ends a
sentence after the dateline, so the parser sees "NAIROBI, Kenya (AP) _" on its own; ``Analysis.dateline`` keeps
its character span. A dateline is: the first words of the text (or of its first line after a headline), a place
in capitals ("WASHINGTON", "DAR ES SALAAM", "BUFFALO, N.Y.", "NAIROBI, Kenya"), optionally a date ("NAIROBI,
August 8") and a news agency in brackets ("(AP)", "(Reuters)"), then a dash or AP's underscore. Without an agency
only a dash of two characters, an em or en dash, or the underscore counts, so "US-Russia - talks" is no dateline.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .state import state

PLACE = r"[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]*){0,4}"  # capitals: NAIROBI, DAR ES SALAAM, ST. LOUIS
REGION = r"(?:,\s*[A-Z][\w.'’]*(?:\s[A-Z0-9][\w.'’]*){0,3}){0,2}"  # ", Kenya", ", N.Y.", ", Chile, March 3"
AGENCY = r"\(\s*[A-Z][\w.\- ]{1,20}\s*\)"  # (AP), (Reuters), (AFP), (Xinhua)
DATELINE = re.compile(rf"(?P<place>{PLACE}){REGION}[ \t]*(?:(?P<agency>{AGENCY})[ \t]*)?(?P<sep>--|—|–|_|-)[ \t]*"
                      r"(?=\s*\S)")
SPACE = re.compile(r"\s*")
LEAD = re.compile(r"\A\s*(?:[^\n]{0,200}\n\s*)?")  # the text's start, or the start of the line after a headline


def find_dateline(text: str) -> tuple[int, int] | None:
    """Character span of a dateline at the start of ``text`` (separator included), or None."""
    for start in sorted({0, LEAD.match(text).end()}):
        match = DATELINE.match(text, SPACE.match(text, start).end())
        if match is None or len(re.sub(r"[^A-Z]", "", match.group("place"))) < 3:
            continue
        if match.group("sep") == "-" and not match.group("agency"):
            continue
        return match.start(), match.end()
    return None


@Language.component("storyline_dateline")
def mark_dateline(doc: Doc) -> Doc:
    span = find_dateline(doc.text)
    if span is None:
        return doc
    after = next((t for t in doc if t.idx >= span[1] and not t.is_space), None)
    if after is not None and after.i > 0:
        after.is_sent_start = True
        state(doc).dateline = span
        following = doc[after.i + 1] if after.i + 1 < len(doc) else None
        if following is not None and after.text.endswith(".") and after.text[:1].isupper():
            following.is_sent_start = False  # "U.S. Ambassador Prudence Bushnell ...": "U.S." ends no sentence
    return doc
