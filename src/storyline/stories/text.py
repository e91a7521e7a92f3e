"""Words for story comparison: tokens, content terms, shingles and quoted passages.

Everything here is plain string work with no model, so the same text always gives the same terms (the online
path and ``stories rebuild`` must agree to the last digit).
"""
from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|\d+(?:[.,]\d+)?")
_QUOTE = re.compile(r"[\"“”]([^\"“”]{12,600})[\"“”]")

STOPWORDS = frozenset("""
a about above after again against ago all almost also although am among an and another any are around as at
be became because become been before being below between both but by can cannot could did do does doing done
down during each either else ever every few for from further get gets got had has have having he her here hers
herself him himself his how however i if in into is it its itself just last late later least less like made make
many may me might more most much must my myself near neither new next no nor not now of off often on once one
only or other others our ours out over own per perhaps put rather same says said say saying she should since so
some such than that the their theirs them themselves then there these they this those though through thus to
told too toward towards two under until up upon us very via was we well were what when where whether which while
who whom whose why will with within without would yet you your yours yourself
according added adding asked told tell tells week weeks day days year years time times today yesterday tomorrow
monday tuesday wednesday thursday friday saturday sunday mr mrs ms people including including http https www com
""".split())


def words(text: str) -> list[str]:
    """Lower-cased word and number tokens, possessives and apostrophes folded."""
    out = []
    for token in _WORD.findall(text):
        token = token.lower().replace("’", "'")
        token = token.removesuffix("'s")
        out.append(token.strip("'-"))
    return [t for t in out if t]


def stem(word: str) -> str:
    """A light plural fold: 'earthquakes' -> 'earthquake', 'missiles' -> 'missile'; names stay intact."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "os")):
        return word[:-1]
    return word


def content_terms(text: str) -> list[str]:
    """Words that carry topic: stopwords and one-letter tokens dropped, plurals folded."""
    return [stem(w) for w in words(text) if len(w) > 1 and w not in STOPWORDS]


def term_counts(title: str | None, text: str, title_weight: int = 2, lead_terms: int = 60,
                lead_weight: int = 3) -> Counter:
    """Content-term counts; the title's terms and the first ``lead_terms`` of the text (the lead, which tells
    what happened, where the rest is often background) count ``title_weight`` / ``lead_weight`` times."""
    terms = content_terms(text)
    counts = Counter(terms)
    for term in terms[:lead_terms]:
        counts[term] += lead_weight - 1
    for term in content_terms(title or ""):
        counts[term] += title_weight
    return counts


def shingles(text: str, size: int = 3) -> set[str]:
    """Overlapping ``size``-word sequences of the whole text (stopwords kept: copies keep them too)."""
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def quoted_passages(text: str) -> list[tuple[int, int, str]]:
    """(start, end, words) of passages between quotation marks of four words or more."""
    found = []
    for match in _QUOTE.finditer(text):
        inner = match.group(1).strip()
        if len(inner.split()) >= 4:
            found.append((match.start(1), match.end(1), inner))
    return found


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def lead_sentences(text: str, limit: int = 280) -> str:
    """The first sentences of ``text`` up to ``limit`` characters, without a leading 'CITY — ' dateline."""
    body = " ".join(text.split())
    body = re.sub(r"^[A-Z][A-Z .,'-]{2,40}\s[—–-]{1,2}\s", "", body)
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])|(?<=[.!?][\"”])\s+(?=[A-Z\"“])", body)
    out = ""
    for sentence in sentences:
        if out and len(out) + len(sentence) + 1 > limit:
            break
        out = f"{out} {sentence}".strip()
    return out if len(out) <= limit else out[:limit - 1].rsplit(" ", 1)[0] + "…"
