"""Site furniture that survives main-text extraction, as data.

A paragraph is dropped, with a typed reason kept in ``Article.removed``, when

* it is, as a whole, a piece of furniture that never is article text wherever it stands
  (``ANYWHERE``: "Advertisement", "Share this article", "Read more: ...", "© 2025 ...", credit lines); or
* it belongs to the leading or trailing *run* of furniture: the paragraphs before the first / after the last
  real paragraph that match ``EDGE`` (update notices, bylines, comment prompts...) or ``ANYWHERE``; the
  trailing run also takes short non-sentences ("Trending", "More on Ukraine") - see ``is_fragment``.

Everything else stays, however short: a one-line quote inside an article is article text. Rules match the
whole paragraph (``re.fullmatch``), so a sentence that merely mentions "updates" or "comments" is safe.
Rules are general furniture wording; none is written for one site or one text.

Credit lines ("Reporting by X; Editing by Y", "Photo: X/Getty") are metadata, not article text: they are
removed with the reason ``credit``.
"""
from __future__ import annotations

import re

from ..models import Removed

_ = r"[^\n]"  # any character; paragraphs are single lines here

#: (reason, pattern) pairs for furniture that is never article text, wherever it stands.
ANYWHERE: tuple[tuple[str, str], ...] = (
    ("boilerplate:ad", r"(?i)(advertisement|advertising|sponsored( content)?|ad|\(ad\)|"
                       r"(story|article) continues (below|after)( this)?( advertisement| ad)?)[.:]?"),
    ("boilerplate:share", r"(?i)(share( this| the)?( article| story| post| page| on \w+)?|tweet( this)?|"
                          r"email( this)?( article| story)?|print( this)?( article| page| story)?|copy link|"
                          r"link copied|share (via|on) [\w ]{1,30}|(facebook|twitter|whatsapp|linkedin|email|x)"
                          r"( (facebook|twitter|whatsapp|linkedin|email|x|reddit|print|copy link))+)[.!:]?"),
    ("boilerplate:newsletter", rf"(?i)((sign up|subscribe|register)( now| today| here)?( for| to)? (our|the|a|"
                               rf"free|daily|weekly)\b{_}{{0,160}}|subscribe( now| today| here)?|"
                               rf"(get|receive) (our|the) {_}{{0,40}}(newsletter|briefing|alerts)"
                               rf"{_}{{0,120}}|already a subscriber\?{_}{{0,60}}|"
                               rf"{_}{{0,60}}\b(sign up|subscribe) (for|to) (our|the) {_}{{0,40}}"
                               rf"(newsletter|briefing|digest|alerts)\b{_}{{0,120}})"),
    ("boilerplate:copyright", rf"(?i)((©|\(c\) ?\d{{4}}|copyright ?© ?\d{{4}}){_}{{0,250}}|"
                              rf"{_}{{0,150}}\ball rights reserved\b{_}{{0,200}})"),
    ("boilerplate:related", rf"(?i)((read more|related|see also|also read|read also|further reading|"
                            rf"more on this( story)?|watch|listen|more)\s?:{_}{{0,200}}|"
                            rf"(read more|related( articles| stories| coverage| content| links| posts)?|"
                            rf"see also|more (stories|news|from \S{{1,30}}( \S{{1,30}}){{0,3}})|"
                            rf"recommended( for you| stories| articles)?|you (may|might) also (like|be "
                            rf"interested in)|most (read|popular|viewed|shared)|top stories|"
                            rf"trending( now| stories| news)?)[.:!]?)"),
    ("boilerplate:comment-prompt", rf"(?i)(leave a (comment|reply)|\d+ comments?|comments?( \(\d+\))?|"
                                   rf"(add|post|write) (a|your) comment|join the (conversation|discussion)|"
                                   rf"(show|view|hide|load|see) (all )?comments|be the first to comment|"
                                   rf"comment on this (story|article)|have your say|"
                                   rf"{_}{{0,80}}\b(let us know|tell us|share your thoughts)\b{_}{{0,40}}"
                                   rf"\bcomments?( section)?( below)?[.!]?)[.!:]?"),
    ("boilerplate:social", rf"(?i)((follow|like|find) us on {_}{{1,80}}|follow (@\w+|\S+( \S+){{0,3}}) on "
                           rf"(twitter|x|facebook|instagram|linkedin|threads|bluesky|tiktok|youtube){_}{{0,40}})"),
    ("boilerplate:cta", rf"(?i)((click|tap) here\b{_}{{0,200}}|download (the|our) {_}{{0,40}}\bapp\b"
                        rf"{_}{{0,120}})"),
    ("boilerplate:nav", rf"(?i)(home|menu|search|skip to (main )?content|back to top|next( article| story)?|"
                        rf"previous( article| story)?|close|log ?in|sign in|log out|(tags|topics|filed under|"
                        rf"categories|posted in)\s?:{_}{{0,200}})[.:]?"),
    ("credit", rf"\(?((?i:additional reporting|reporting|writing|editing|research|compiled|produced|"
               rf"photos?|images?|pictures?|video|graphics?|illustrations?)( by|:) {_}{{1,200}}|"
               rf"{_}{{0,150}}\b(?i:contributed( reporting)?) to (this|the) (report|story|article)\.?)\)?"),
)

#: (reason, pattern) pairs for furniture only in a leading or trailing run: the same words inside an
#: article can be article text.
EDGE: tuple[tuple[str, str], ...] = (
    ("boilerplate:update-notice", rf"(?i)({_}{{0,80}}\b(this|the) (news|story|article|report|post|page)\b"
                                  rf"{_}{{0,80}}\b(update|updated|updates|updating)\b{_}{{0,100}}|"
                                  rf"{_}{{0,60}}\bupdate (this|the) (story|article|post|page)\b{_}{{0,100}}|"
                                  rf"(this is a )?(developing|breaking) (story|news)\b{_}{{0,120}}|"
                                  rf"(more|further) (details|information|updates) (to|will) (come|follow)"
                                  rf"{_}{{0,100}}|check back (later |soon )?for {_}{{0,100}}|"
                                  rf"(updated|published|last updated|posted)\s?:?\s{_}{{0,30}}\d{_}{{0,60}})"),
    ("boilerplate:copyright", rf"(?i)copyright\b{_}{{0,40}}\b(19|20)\d\d\b{_}{{0,200}}"),
    ("boilerplate:byline", r"(?:[Bb]y|BY) [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}"
                           r"((,| and|,? &) [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}){0,3}(,? [\w ]{0,40})?"),
)

_COMPILED = tuple((reason, re.compile(p)) for reason, p in ANYWHERE)
_COMPILED_EDGE = _COMPILED + tuple((reason, re.compile(p)) for reason, p in EDGE)
_TERMINAL = tuple(".!?…\"”’'):;。！？」』")
_WORD = re.compile(r"\w+(?:['’]\w+)?")
_DATA = re.compile(r"\d|://|@|^[-–—•*]")
#: Words that make a short line a sentence rather than a label.
VERB_LIKE = frozenset("""
is are was were be been being am has have had do does did will would can could shall should may might must
said says say tells told according want wants wanted need needs get gets got make makes made take takes took
""".split())


def rule_reason(paragraph: str, edge: bool = False) -> str | None:
    """The reason a furniture rule gives for ``paragraph`` (EDGE rules only when ``edge``), else None."""
    for reason, pattern in _COMPILED_EDGE if edge else _COMPILED:
        if pattern.fullmatch(paragraph.strip()):
            return reason
    return None


def is_fragment(paragraph: str) -> bool:
    """A short label rather than a sentence ("Trending", "Most Popular", "[Wired]"): under 4 words, no final
    punctuation, no verb-like word, and nothing that carries data (digits, a URL, an @handle, a dash lead)."""
    text = paragraph.strip()
    if not text or text.endswith(_TERMINAL) or _DATA.search(text):
        return False
    words = [w.lower() for w in _WORD.findall(text)]
    return len(words) < 4 and not VERB_LIKE.intersection(words)


def _leading_run(paragraphs: list[str]) -> list[str | None]:
    reasons: list[str | None] = []
    for p in paragraphs:
        reason = rule_reason(p, edge=True)
        if reason is None:
            break
        reasons.append(reason)
    return reasons


def _trailing_run(paragraphs: list[str], start: int) -> list[str]:
    """Reasons for the trailing run, last paragraph first; never reaches index ``start``."""
    reasons: list[str] = []
    for i in range(len(paragraphs) - 1, start, -1):
        reason = rule_reason(paragraphs[i], edge=True) or ("boilerplate:nav" if is_fragment(paragraphs[i]) else None)
        if reason is None:
            break
        reasons.append(reason)
    return reasons


def split_furniture(paragraphs: list[str]) -> tuple[list[str], list[Removed]]:
    """(article paragraphs, removed furniture) - see the module docstring for the rules."""
    reasons: list[str | None] = [None] * len(paragraphs)
    lead = _leading_run(paragraphs)
    reasons[: len(lead)] = lead
    first_kept = len(lead)
    for offset, reason in enumerate(_trailing_run(paragraphs, first_kept)):
        reasons[len(paragraphs) - 1 - offset] = reason
    for i, p in enumerate(paragraphs):
        if reasons[i] is None:
            reasons[i] = rule_reason(p)
    kept = [p for p, r in zip(paragraphs, reasons) if r is None]
    removed = [Removed(p, r) for p, r in zip(paragraphs, reasons) if r is not None]
    return kept, removed
