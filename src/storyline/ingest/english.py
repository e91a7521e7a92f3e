"""Is this text English? A function-word vote, robust down to one sentence.

Three tests, in order (``check`` raises ``not_english`` with the failing one):

1. script: at least half the letters are Latin;
2. vote: of the tokens that are common function words of English or of six other Latin-script languages
   (French, German, Spanish, Italian, Portuguese, Dutch), the English share reaches ``min_english_share``;
3. density: a text of 40 words or more has at least 8% English function words (catches Latin-script
   languages outside the vote, e.g. Indonesian or Polish).

A short text with no function word at all ("Trump meets Putin") passes: there is no evidence against it.
Words spelled the same in English and another language (``a``, ``in``, ``die``, ``son``) count for English only,
and words common in English names (``la``, ``los``, ``van``, ``von``) are left out; the vote needs two foreign hits.
"""
from __future__ import annotations

import re

from ..errors import InputRejected

ENGLISH = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each either every few for from further had
has have having he her here hers herself him himself his how however i if in into is it its itself just
may me might more most must my myself neither no nor not now of off on once only or other our ours
ourselves out over own same shall she should since so some such than that the their theirs them
themselves then there these they this those though through to too under until up upon very was we were
what when where whether which while who whom whose why will with within without would yet you your yours
yourself yourselves said says told according another around among despite including us via per amid
across along behind beyond near onto toward towards unless whereas it's don't doesn't didn't can't won't
isn't wasn't aren't weren't i'm he's she's we're they're that's there's let's
""".split())

OTHER = frozenset("""
le les des une est et du que qui dans pour sur avec sont nous vous cette aux mais ont été était
leur leurs ces sous comme être fait très
der und ist nicht das dem ein eine einen mit auch sich auf für wird werden wurde nach bei aus
oder sind noch wie zum zur über hat haben dass sie
por una para su sus se como más pero fue este esta han muy sobre entre también
di che è della delle degli nel alla gli sono anche più questo questa perché
não uma das dos com foi são mais pelo pela seu sua
het een niet zijn dat voor ook wordt maar naar bij deze
""".split()) - ENGLISH

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MIN_DENSITY = 0.08
_DENSITY_WORDS = 40


def latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0
    return sum(1 for c in letters if c < "\u0250") / len(letters)


def english_share(words: list[str]) -> float | None:
    """English share of the function words in ``words``; None when there are none."""
    english = sum(1 for w in words if w in ENGLISH)
    other = sum(1 for w in words if w in OTHER)
    return english / (english + other) if english + other else None


def _foreign_hits(words: list[str]) -> int:
    return sum(1 for w in words if w in OTHER)


def check(text: str, source: str, min_share: float) -> None:
    """Raise ``not_english`` unless ``text`` passes the three tests of the module docstring.

    ``min_share`` <= 0 turns the check off (used to score extraction alone on multilingual benchmarks).
    """
    if min_share <= 0:
        return
    if latin_share(text) < 0.5:
        raise InputRejected(source, "not_english", "mostly non-Latin script; storyline analyses English only")
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    share = english_share(words)
    if share is not None and share < min_share and _foreign_hits(words) >= 2:
        raise InputRejected(source, "not_english",
                            f"English share of function words {share:.2f} < min_english_share {min_share}")
    if len(words) >= _DENSITY_WORDS:
        density = sum(1 for w in words if w in ENGLISH) / len(words)
        if density < _MIN_DENSITY:
            raise InputRejected(source, "not_english",
                                f"only {density:.0%} English function words in {len(words)} words")
