"""Event status — did it happen? — decided by small named rules over the governing chain.

Rules, first match wins (each returns the status and its name, shown in tests and debugging):

    comparative   "later than planned", "as expected": the plan or expectation compared with is a fact -> occurred
    negation      "did not meet", "never met", "no talks", "no one was hurt", "instead of cutting", "rather than
                  sell"                                                      -> denied
    conditional   "if ..."/"unless ..." on the event or a verb governing it, or an if-clause without "if" ("Had the
                  bank lent ...", "Should the talks fail ..."), "in the event of a strike", "provided that",
                  "as long as", "on condition that", "assuming", "in case"  -> conditional
    question      a yes/no question ("Did the army shell the village?")     -> considered
    open          "whether it will bid" -> considered; "has yet to decide"   -> planned
    obligation    "has to cut costs" (like must)                             -> requested
    time_to       "it is time for Europe to act", "the time has come to talk": a call to act -> requested
    precondition  "subject to approval", "pending approval", "(are rising) ahead of the launch" -> planned
    near_miss     "close to a deal", "came close to agreeing"                -> considered
    topic         a bare gerund that is the topic of talk ("talked about sending troops", "talks on easing
                  sanctions"; like "discussed sending")                      -> considered
    convened      a gathering called, convened or scheduled ("called an emergency meeting") -> planned
    likelihood    an event noun whose copula says how likely it is ("a sale is possible", "is under review")
    governor      the word the event hangs from: plan/intend -> planned, consider/may -> considered,
                  (not when the event noun only dates the cue word: "after a call, he expected to meet"),
                  "is said/reported to" -> considered, "seeks to" (no one asked) -> planned,
                  urge/ask/call for -> requested, fail/unable/"did not manage" -> failed,
                  refuse/reject/deny -> denied; a past attempt ("tried to open") leaves its aim considered, or
                  failed when told so ("tried in vain to"); a support verb ("held talks") passes its own status,
                  and so does a verb that brings its object about ("is working to secure a ceasefire", "tried to
                  negotiate a truce"), except that an event still being brought about is planned ("are negotiating
                  a truce");
                  a noun of intent, likelihood or failure gives its "of"/"for" complement its status ("the risk
                  of a strike", "plans for an expansion", "the failure of the talks")
    modal         will/shall -> planned, may/might/could/would -> considered, must/should -> requested
    any           "any sale would need approval": an event noun under "any" names no particular event -> considered
    noun_status   "planned talks", "possible sanctions", "the ongoing invasion"; a meeting announced, scheduled or
                  proposed ("announced the summit", "a summit that Trump announced") -> planned
    futurate      a present tense with a time ahead ("flies to Paris tomorrow", "is launching it next week") -> planned
    pending       a simple present under until/once/before ("until the inquiry ends") -> planned
    effort        the "to V" of a verb of striving or choosing ("is racing to fix", "moved to block", "opted to sell"),
                  and the event noun it or a purpose noun reaches for ("working toward a truce", "a bid for talks")
                  -> planned
    purpose       an infinitive of purpose ("in an effort to address", "in order to save", "to host", "a deal to
                  buy" even when parsed as a relative clause) -> planned; an aim denied ("had no intention of
                  selling") -> denied
    aspect        progressive ("has been urging", "is fighting")              -> ongoing
    date          the attached date (day, month, week, quarter, season, year) lies after the reference
                  (published) date -> planned; not for a simple past ("announced the launch in 2011": the date
                  belongs to what was announced)
    inherit       an infinitive complement of a non-cue verb takes that verb's status; so do an event noun
                  subject of a happening verb ("the talks will take place"), a coordinated gerund the parser hung
                  lower ("a means of cutting X and improving Y"), and a participle on the object noun just before
                  it that the parser hung on the verb ("to supply jets converted for the task"), and an event noun that
                  is the means of a verb ("can only be ended through talks")
    supposed      a gerund subject of a clause not yet real ("supplying X would damage Y") -> considered
    default       occurred
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Token

from . import status_cues as cues
from .event_patterns import PatternBook
from .status_cues import negated

FACTUAL = ("occurred", "ongoing")


@dataclass(frozen=True)
class Decision:
    status: str
    rule: str
    cue: int | None = None  # token index of the word that decided it


def status_class(status: str) -> str:
    """occurred and ongoing are one class (it is real); every other status is its own class."""
    return "factual" if status in FACTUAL else status


def _governor_cue(token: Token, head: Token, book: PatternBook) -> Decision | None:
    """The status a governing word gives what it governs, or None when it gives none."""
    lemma = book.lemma(head)
    if negated(head) and lemma in book.negated_success:
        return Decision("failed", "governor", head.i)
    pattern = book.for_verb(head) if head.pos_ in ("VERB", "AUX", "ADJ") else None
    if cues.hearsay(token, head, book) and not (pattern and pattern.governs == "requested"):
        return Decision("considered", "hearsay", head.i)  # "was said to"; "was told to" is an order
    phrasal = cues.phrasal_cue(head, lemma, book)  # "ruled out" (denied); "ruled that" is no cue
    if phrasal is None and any(c.dep_ in ("prt", "advmod") and f"{lemma} {c.lower_}" in book.not_events
                               for c in head.children):
        return None  # "pressed on with air strikes", "pushed ahead with": going on, not urging
    cue = phrasal or (pattern.governs if pattern else None) or book.cue(lemma)
    if head.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("acl",):
        kept = book.cues.get(lemma) == "requested" or cues.noun_complement(token, head, book)
        cue = book.cue(lemma) if kept else None
    if cue is None or cues.prepositional_misreading(token, head, cue):
        return None
    if token.dep_ == "dobj" and lemma in book.offering_verbs and book.carries(head, token):
        return None  # "offered an apology" apologises: the offer carries the act, it does not promise it
    if cue == "considered" and token.dep_ == "dobj" and head.pos_ == "VERB" and lemma in book.support_verbs:
        return None  # "opened an inquiry" launches it: the cue is the adjective ("open to talks")
    if negated(head):  # "did not plan to" denies; "has not ruled out a sale" leaves the sale possible
        return Decision("considered" if cue == "denied" else "denied", "governor", head.i)
    if cue == "planned" and lemma in PLOTTING and _known_act(token, head):
        return None  # "the group planned the attacks": the attacks are known, the plan is past
    if cue == "planned" and (tried := cues.past_attempt(head, book)):
        return Decision(tried, "attempt", head.i)  # "tried to open": the outcome is untold
    if cue == "planned" and any(c.dep_ in ("dobj",) for c in head.children) and token.dep_ == "xcomp":
        return Decision("requested", "governor", head.i)  # "wants X to ...": asked of someone else
    if cue == "requested" and token.dep_ == "xcomp" and not cues.asks_someone(head, pattern):
        return Decision("planned", "governor", head.i)  # "seeks to block": the subject's own aim
    return Decision(cue, "governor", head.i)


# verbs of preparing an act: what was prepared, named as a known act, was carried out
PLOTTING = {"plan", "organize", "organise", "prepare", "mastermind", "orchestrate", "plot"}


def _known_act(token: Token, head: Token) -> bool:
    """A definite event noun planned in the past ("planned the attacks", "had organised the bombings"): the
    act the text already knows of, whose plan is over."""
    definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "any", "another") for c in token.children)
    return token.dep_ == "dobj" and token.pos_ == "NOUN" and head.tag_ in ("VBD", "VBN") and definite \
        and not any(a.dep_ == "aux" and a.lower_ in cues.FUTURE_AUX | {"would"} for a in head.children)


def _object_cue(token: Token, head: Token, book: PatternBook) -> Decision | None:
    """"have plans to visit", "has the option to exercise": an infinitive whose verb's object is a cue noun
    (the parser hangs the infinitive on the verb instead of the noun)."""
    if token.dep_ != "xcomp":
        return None
    for obj in head.children:
        if obj.dep_ == "dobj" and obj.pos_ == "NOUN" and book.cue(obj.lemma_) in ("planned", "considered"):
            return Decision(book.cue(obj.lemma_), "object_cue", obj.i)
    return None


# cues of the event's own clause that always give one status, in the order they are tried: (cue, status, rule)
FIXED_CUES = ((cues.time_to_act, "requested", "time_to"), (cues.precondition, "planned", "precondition"),
              (cues.near_miss, "considered", "near_miss"), (cues.topic_of_talk, "considered", "topic"),
              (cues.convened, "planned", "convened"))


def _chain_rules(token: Token, book: PatternBook, depth: int) -> Decision | None:
    if negated(token):
        return Decision("denied", "negation", token.i)
    cond = cues.conditional(token)
    if cond is not None:
        return Decision("conditional", "conditional", cond.i)
    found = cues.open_question(token) or cues.not_yet(token)
    if found is not None:
        return Decision("considered" if found.lower_ == "whether" else "planned", "open", found.i)
    found = cues.yes_no_question(token)
    if found is not None:
        return Decision("considered", "question", found.i)
    found = cues.have_to(token)
    if found is not None:
        return Decision("denied" if negated(found) else "requested", "obligation", found.i)
    for cue, status, rule in FIXED_CUES:
        found = cue(token)
        if found is not None:
            return Decision(status, rule, found.i)
    likely = cues.predicate_cue(token, book)
    if likely is not None:
        return Decision(likely[0], "likelihood", likely[1].i)
    own = _noun_status(token, book) if token.pos_ in ("NOUN", "PROPN") else None
    if own is not None:
        return own  # "halt the ongoing invasion": the noun's own word wins
    head = cues.governor(token)
    if head is None or head.i == token.i:
        return None
    if cues.conditional(head) is not None and token.dep_ == "xcomp":
        return Decision("conditional", "conditional", head.i)
    if cues.wanted_performative(token, head, book) and not negated(head):
        return Decision("occurred", "performative", head.i)
    noun = _object_cue(token, head, book)
    if noun:
        return noun
    if cues.purpose_phrase(token, head, book):
        return Decision("planned", "purpose", head.i)  # "in order to save": an aim, not an order given
    if (cues.effort(token, head, book) or cues.effort_aim(token, head, book)) and not negated(head):
        return Decision("planned", "effort", head.i)  # "is struggling to repay": striving, not yet done
    if cues.time_of_attitude(token, head, book):
        return None  # "said, after a long call, that he expected to meet": the call precedes the expecting
    if not cues.own_source_differs(token, head, book) or book.cue(head.lemma_) == "requested":
        found = _governor_cue(token, head, book)
        if found:
            return found
    return _carried(token, head, book, depth)


def _carried(token: Token, head: Token, book: PatternBook, depth: int) -> Decision | None:
    """An event noun carried by its verb takes the verb's status. A verb that brings the event about ("secure a
    ceasefire", "arrange talks") is checked first: while it is still under way the event is not yet real ("are
    negotiating a truce" -> planned). A support verb ("held talks", "will hold talks") is the event itself and
    passes its status as it is."""
    if token.pos_ not in ("NOUN", "PROPN") or depth >= 4:
        return None
    if token.dep_ in ("dobj", "nsubjpass") and book.lemma(head) in book.achieving_verbs:
        inner = decide(head, book, depth=depth + 1)
        return Decision("planned" if inner.status == "ongoing" else inner.status, f"achieve:{inner.rule}", inner.cue)
    if book.carries(head, token):
        inner = decide(head, book, depth=depth + 1)
        return Decision(inner.status, f"support:{inner.rule}", inner.cue)
    return None


def _noun_status(token: Token, book: PatternBook) -> Decision | None:
    """"planned talks", "the now-cancelled deal"; an infinitive under such a noun shares its status
    ("the now-cancelled deal to lease aircraft")."""
    for child in token.children:
        if child.dep_ in ("amod", "compound") and child.lower_.split("-")[-1] in book.noun_status:
            return Decision(book.noun_status[child.lower_.split("-")[-1]], "noun_status", child.i)
    announced = cues.announced_meeting(token, book)
    if announced is not None:
        return Decision("planned", "announced", announced.i)
    if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i != token.i:
        found = _noun_status(token.head, book)
        return Decision(found.status, f"noun:{found.rule}", found.cue) if found else None
    return None


def _adverb(token: Token, book: PatternBook) -> Decision | None:
    """Adverbs of likelihood: "possibly", "probably", "perhaps" -> considered."""
    for child in token.children:
        if child.dep_ == "advmod" and child.lower_ in book.adverbs:
            return Decision(book.adverbs[child.lower_], "adverb", child.i)
    return None


def _local_rules(token: Token, book: PatternBook, date_value: str | None, reference: date | None) -> Decision | None:
    modal = cues.modal(token, book)
    if modal and cues.performative(token, cue := modal[1], book):
        return Decision("occurred", "performative", cue.i)
    if modal:
        status, cue = modal
        if cue.lower_ == "would" and cues.reported(token, book):
            status = "planned"  # reported future: "said it would allow", "said ... and would cease"
        if status == "requested" and cues.ruled(token) is not None and cues.agentless_passive(token):
            status = "planned"  # "the agency ruled that he must be returned": the ruler's own act, decided
        return Decision(status, "modal", cue.i)
    found = _noun_status(token, book) or _adverb(token, book)
    if found:
        return found
    found = cues.any_instance(token)
    if found is not None:
        return Decision("considered", "any", found.i)
    if token.tag_ != "VBD" and cues.date_future(date_value, reference):
        return Decision("planned", "date")
    found = cues.futurate(token) or cues.pending_clause(token)
    if found is not None:
        return Decision("planned", "futurate" if found.dep_ != "mark" else "pending", found.i)
    if cues.purpose_noun(token, book):
        aim = token.head.head  # "as a means of modernising", "had no intention of selling"
        return Decision("denied", "purpose", aim.i) if negated(aim) else Decision("planned", "purpose", aim.i)
    if cues.purpose(token) or cues.purpose_relative(token, book):
        return Decision("planned", "purpose")
    if cues.progressive(token):
        return Decision("ongoing", "aspect")
    return None


BACKSHIFTED = {"would", "could", "might", "should"}  # a future or a possibility told in the past


def _past_under_present(token: Token) -> bool:
    return token.tag_ == "VBD" and not any(c.dep_ == "aux" and c.lower_ in BACKSHIFTED for c in token.head.children)


def _temporal_clause(token: Token, book: PatternBook, reference: date | None, depth: int) -> Decision | None:
    """"when it arrives" under "will wear": a temporal clause shares the time of the clause it hangs from, unless
    it is told in the past tense under a present one ("will stay even after the court refused": the refusal
    happened; but "would be replaced before the tour commenced" is a future told in the past). What comes of an act
    ("will return, only to be jailed") is timed as the act is."""
    marks = {c.lower_ for c in token.children if c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")}
    timed = marks & cues.TEMPORAL_MARKS or cues.outcome(token)
    if token.dep_ != "advcl" or not timed or depth >= 4 or _past_under_present(token):
        return None
    inner = decide(token.head, book, reference=reference, depth=depth + 1)
    if inner.status in ("planned", "considered", "conditional"):
        return Decision(inner.status, f"temporal:{inner.rule}", inner.cue)
    return None


def decide(token: Token, book: PatternBook, date_value: str | None = None, reference: date | None = None,
           depth: int = 0) -> Decision:
    """Status of the event named by ``token`` (its trigger), with the rule that decided it."""
    if cues.comparative_participle(token):
        return Decision("occurred", "comparative", token.head.i)
    found = _chain_rules(token, book, depth) or _local_rules(token, book, date_value, reference)
    if found:
        return found
    if cues.be_to(token):
        return Decision("planned", "be_to")
    found = _temporal_clause(token, book, reference, depth)
    if found:
        return found
    found = _supposed_act(token, book, reference, depth)
    if found:
        return found
    head = cues.inherits_from(token)
    if head is not None and depth < 4 and head.lemma_ not in book.reporting:
        inner = decide(head, book, reference=reference, depth=depth + 1)
        if _passes(token, inner.status):
            return Decision(inner.status, f"inherit:{inner.rule}", inner.cue)
    return Decision("occurred", "default")


def _supposed_act(token: Token, book: PatternBook, reference: date | None, depth: int) -> Decision | None:
    """"supplying Ukraine with missiles would damage relations": a gerund that is the subject of a clause not
    (yet) real names an act only supposed -> considered. As the subject of a real clause it is real ("Attacking
    the convoy killed ten people")."""
    if token.dep_ != "csubj" or token.tag_ != "VBG" or depth >= 4:
        return None
    inner = decide(token.head, book, reference=reference, depth=depth + 1)
    if inner.status in ("planned", "considered", "conditional"):
        return Decision("considered", f"supposed:{inner.rule}", inner.cue)
    return None


def _passes(token: Token, status: str) -> bool:
    """Which inherited statuses a dependent takes: a participle or infinitive on a noun only takes the
    not-yet statuses of its clause ("will be the first jet to be built", "to supply jets converted for ...")."""
    if token.dep_ in ("acl", "relcl"):
        return status in ("planned", "considered", "conditional", "requested")
    return status not in ("occurred", "ongoing") or (status == "ongoing" and token.dep_ != "conj")
