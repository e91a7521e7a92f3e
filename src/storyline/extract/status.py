"""Event status — did it happen? — decided by small named rules over the governing chain.

Rules, first match wins (each returns the status and its name, shown in tests and debugging):

    negation      "did not meet", "never met", "no talks"                    -> denied
    conditional   "if ..."/"unless ..." on the event or a verb governing it  -> conditional
    governor      the word the event hangs from: plan/intend -> planned, consider/may -> considered,
                  urge/ask/call for -> requested, fail/unable/"did not manage" -> failed,
                  refuse/reject/deny -> denied; a support verb ("held talks") passes its own status
    modal         will/shall -> planned, may/might/could/would -> considered, must/should -> requested
    noun_status   "planned talks", "possible sanctions", "the ongoing invasion"
    purpose       an infinitive of purpose ("in an effort to address", "to host") -> planned
    aspect        progressive ("has been urging", "is fighting")              -> ongoing
    date          the attached date lies after the reference (published) date -> planned
    inherit       an infinitive complement of a non-cue verb takes that verb's status
    default       occurred
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Token

from .event_patterns import PatternBook

CONDITIONAL_MARKS = {"if", "unless"}
TEMPORAL_MARKS = {"when", "before", "after", "until", "once", "while", "as"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
FACTUAL = ("occurred", "ongoing")


@dataclass(frozen=True)
class Decision:
    status: str
    rule: str
    cue: int | None = None  # token index of the word that decided it


def status_class(status: str) -> str:
    """occurred and ongoing are one class (it is real); every other status is its own class."""
    return "factual" if status in FACTUAL else status


def negated(token: Token) -> bool:
    """"did not meet", "never met", "no talks", "will no longer tolerate", "left without paying"."""
    if any(c.dep_ == "neg" or c.lower_ in ("never",) for c in token.children):
        return True
    if any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in token.children):
        return True
    if token.dep_ in ("pcomp", "pobj") and token.head.lower_ == "without":
        return True
    return token.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def _conditional(token: Token) -> Token | None:
    """An if/unless clause attached to the token, or the token inside one."""
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in token.children):
        return token
    for child in token.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in child.children):
            return child
    return None


def _modal(token: Token, book: PatternBook) -> tuple[str, Token] | None:
    for child in token.children:
        if child.dep_ == "aux" and child.tag_ == "MD":
            status = book.modals.get(child.lower_)
            if status:
                return status, child
    return None


def _progressive(token: Token) -> bool:
    return token.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children)


def _governor(token: Token) -> Token | None:
    """The word an event hangs from: the verb of an xcomp/ccomp/pcomp, the verb or noun taking an event noun."""
    dep = token.dep_
    if dep in ("xcomp", "ccomp", "dobj", "nsubjpass", "attr", "oprd", "acl"):
        return token.head
    if dep in ("pobj", "pcomp"):
        return token.head.head
    if dep == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children):
        return token.head
    return None


def _purpose(token: Token) -> bool:
    """An infinitive of purpose or content: "sent troops to secure the border", "a contract to supply jets".
    Relative infinitives ("the first model to be built") are left to the default."""
    infinitive = any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in token.children)
    return infinitive and token.dep_ in ("advcl", "acl")


def _purpose_noun(token: Token, book: PatternBook) -> bool:
    """A gerund after a purpose noun: "as a means of modernising the fleet", "in an effort at cutting costs"."""
    prep = token.head
    return (token.dep_ == "pcomp" and token.tag_ == "VBG" and prep.dep_ == "prep"
            and prep.head.lemma_.lower() in book.purpose_nouns)


def _governor_cue(token: Token, head: Token, book: PatternBook) -> Decision | None:
    """The status a governing word gives what it governs, or None when it gives none."""
    lemma = head.lemma_.lower()
    if negated(head) and lemma in book.negated_success:
        return Decision("failed", "governor", head.i)
    pattern = book.for_verb(head) if head.pos_ in ("VERB", "AUX", "ADJ") else None
    cue = (pattern.governs if pattern else None) or book.cue(lemma)
    if head.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("acl",):
        cue = book.cue(lemma) if lemma in book.cues and book.cues[lemma] == "requested" else None
    if cue is None or _prepositional_misreading(token, head, cue):
        return None
    if negated(head):
        return Decision("denied", "governor", head.i)
    if cue == "planned" and any(c.dep_ in ("dobj",) for c in head.children) and token.dep_ == "xcomp":
        return Decision("requested", "governor", head.i)  # "wants X to ...": asked of someone else
    return Decision(cue, "governor", head.i)


def _prepositional_misreading(token: Token, head: Token, cue: str) -> bool:
    """Cues that do not govern through a preposition: "due to what they call" (due to = because of), "died in
    the attack" under "kill"; a denied cue reaches a prepositional object only through "from" ("refrain from")."""
    if token.dep_ not in ("pobj", "pcomp"):
        return False
    if head.lemma_.lower() == "due" and token.head.lower_ == "to":
        return True
    return cue == "denied" and token.head.lower_ != "from"


def _own_source_differs(token: Token, head: Token) -> bool:
    """An event noun with its own possessor ("Ukraine's request") is not what the governing verb plans."""
    return token.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" for c in token.children)


def _date_future(value: str | None, reference: date | None) -> bool:
    if not value or reference is None or not value[:4].isdigit():
        return False
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            return date.fromisoformat(value[:10]) > reference
        except ValueError:
            return False
    return value[:4] > str(reference.year) or (len(value) == 7 and value > reference.isoformat()[:7])


def _chain_rules(token: Token, book: PatternBook, depth: int) -> Decision | None:
    if negated(token):
        return Decision("denied", "negation", token.i)
    cond = _conditional(token)
    if cond is not None:
        return Decision("conditional", "conditional", cond.i)
    if token.pos_ in ("NOUN", "PROPN") and _noun_status(token, book):
        return _noun_status(token, book)  # "halt the ongoing invasion": the noun's own word wins
    head = _governor(token)
    if head is None or head is token:
        return None
    if _conditional(head) is not None and token.dep_ == "xcomp":
        return Decision("conditional", "conditional", head.i)
    if not _own_source_differs(token, head) or book.cue(head.lemma_) == "requested":
        found = _governor_cue(token, head, book)
        if found:
            return found
    if token.pos_ in ("NOUN", "PROPN") and head.lemma_ in book.support_verbs and depth < 4:
        inner = decide(head, book, depth=depth + 1)
        return Decision(inner.status, f"support:{inner.rule}", inner.cue)
    return None


def _noun_status(token: Token, book: PatternBook) -> Decision | None:
    """"planned talks", "the now-cancelled deal"; an infinitive under such a noun shares its status
    ("the now-cancelled deal to lease aircraft")."""
    for child in token.children:
        if child.dep_ in ("amod", "compound") and child.lower_.split("-")[-1] in book.noun_status:
            return Decision(book.noun_status[child.lower_.split("-")[-1]], "noun_status", child.i)
    if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN") and token.head is not token:
        found = _noun_status(token.head, book)
        return Decision(found.status, f"noun:{found.rule}", found.cue) if found else None
    return None


def _reported(token: Token, book: PatternBook) -> bool:
    clause = token.head if token.dep_ == "conj" else token
    return clause.dep_ == "ccomp" and clause.head.lemma_ in book.reporting


def _adverb(token: Token, book: PatternBook) -> Decision | None:
    """Adverbs of likelihood: "possibly", "probably", "perhaps" -> considered."""
    for child in token.children:
        if child.dep_ == "advmod" and child.lower_ in book.adverbs:
            return Decision(book.adverbs[child.lower_], "adverb", child.i)
    return None


def _local_rules(token: Token, book: PatternBook, date_value: str | None, reference: date | None) -> Decision | None:
    modal = _modal(token, book)
    if modal:
        status, cue = modal
        if cue.lower_ == "would" and _reported(token, book):
            status = "planned"  # reported future: "said it would allow", "said ... and would cease"
        return Decision(status, "modal", cue.i)
    found = _noun_status(token, book) or _adverb(token, book)
    if found:
        return found
    if _date_future(date_value, reference):
        return Decision("planned", "date")
    if _purpose(token) or _purpose_noun(token, book):
        return Decision("planned", "purpose")
    if _progressive(token):
        return Decision("ongoing", "aspect")
    return None


def _verb_above(token: Token) -> Token | None:
    """The verb a gerund hangs from through a preposition and noun ("bring it up as a means of pressuring")."""
    t = token.head
    for _ in range(4):
        if t.pos_ == "VERB":
            return t
        if t.head is t:
            return None
        t = t.head
    return None


def _be_to(token: Token) -> bool:
    """"X is to be compensated", headline "X to buy jets": an infinitive with no finite verb above it."""
    infinitive = any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in token.children)
    if not infinitive:
        return False
    return token.dep_ == "ROOT" or (token.dep_ == "xcomp" and token.head.lemma_ == "be")


def _temporal_clause(token: Token, book: PatternBook, reference: date | None, depth: int) -> Decision | None:
    """"when it arrives" under "will wear": a temporal clause shares the time of the clause it hangs from."""
    marks = {c.lower_ for c in token.children if c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")}
    if token.dep_ != "advcl" or not marks & TEMPORAL_MARKS or depth >= 4:
        return None
    inner = decide(token.head, book, reference=reference, depth=depth + 1)
    if inner.status in ("planned", "considered", "conditional"):
        return Decision(inner.status, f"temporal:{inner.rule}", inner.cue)
    return None


def decide(token: Token, book: PatternBook, date_value: str | None = None, reference: date | None = None,
           depth: int = 0) -> Decision:
    """Status of the event named by ``token`` (its trigger), with the rule that decided it."""
    found = _chain_rules(token, book, depth) or _local_rules(token, book, date_value, reference)
    if found:
        return found
    if _be_to(token):
        return Decision("planned", "be_to")
    found = _temporal_clause(token, book, reference, depth)
    if found:
        return found
    head = _inherits_from(token)
    if head is not None and depth < 4 and head.lemma_ not in book.reporting:
        inner = decide(head, book, reference=reference, depth=depth + 1)
        if inner.status not in ("occurred", "ongoing") or (inner.status == "ongoing" and token.dep_ != "conj"):
            return Decision(inner.status, f"inherit:{inner.rule}", inner.cue)
    return Decision("occurred", "default")


def _bare(token: Token) -> bool:
    """No subject, auxiliary or determiner of its own: it shares them with the word it hangs from."""
    own = ("nsubj", "nsubjpass", "aux", "auxpass", "det", "poss", "mark")
    return not any(c.dep_ in own for c in token.children)


def _inherits_from(token: Token) -> Token | None:
    """The word whose status a bare dependent shares: the verb of an xcomp, the verb above a gerund
    ("as a means of pressuring"), the first conjunct ("will meet and discuss"), the verb of a non-finite
    complement ("will see jets delivered")."""
    dep = token.dep_
    if dep == "xcomp":
        return _governor(token)
    if dep == "pcomp":
        return _verb_above(token)
    if dep == "conj" and _bare(token) and token.head.pos_ == token.pos_:
        return token.head
    if dep in ("ccomp", "oprd") and token.tag_ in ("VBN", "VB", "VBG") and _bare(token):
        return token.head
    return None
