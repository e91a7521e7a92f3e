"""Word-level tests the status rules (status.py) are built from: negation, conditionals, modals, purpose
clauses, headline infinitives, and which word a bare dependent shares its status with.

Each function looks at one token and its neighbours in the parse and answers one question; status.py
orders them into rules.
"""
from __future__ import annotations

from datetime import date
from itertools import islice

from spacy.tokens import Token

from .event_patterns import PatternBook, object_act_verb, others_proposal

CONDITIONAL_MARKS = {"if", "unless"}


TEMPORAL_MARKS = {"when", "before", "after", "until", "once", "while", "as"}


FUTURE_AUX = {"will", "shall", "'ll", "wo"}


NEGATIVE_PRONOUNS = {"nobody", "nothing", "none", "noone", "neither"}


def negative_subject(token: Token) -> bool:
    """"No one was hurt", "nobody claimed", "no soldiers were killed": the subject denies the event."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(s.lower_ in NEGATIVE_PRONOUNS or any(d.dep_ in ("det", "preconj") and d.lower_ in ("no", "neither")
                                                    for d in s.children) for s in subjects)


def negated(token: Token) -> bool:
    """"did not meet", "never met", "no talks", "will no longer tolerate", "left without paying", "no one was
    hurt"."""
    if any(c.dep_ == "neg" or c.lower_ in ("never",) for c in token.children):
        return True
    if token.pos_ in ("VERB", "AUX") and negative_subject(token):
        return True
    if any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in token.children):
        return True
    if token.dep_ in ("pcomp", "pobj") and token.head.lower_ == "without":
        return True
    if alternative_not_taken(token):
        return True
    return token.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


INVERTING_AUX = {"had", "should", "were"}


def _first_word(token: Token) -> Token:
    """The first word (not punctuation or quote mark) of ``token``'s phrase."""
    return next((t for t in token.subtree if not t.is_punct), token)


def _inverted(token: Token, auxiliaries: set[str] | None = None) -> Token | None:
    """The auxiliary a clause opens with, before its subject ("Had the bank lent", "Did the army shell")."""
    first = _first_word(token)
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if first.head.i != token.i or first.dep_ not in ("aux", "auxpass") or subject is None or subject.i < first.i:
        return None
    return first if auxiliaries is None or first.lower_ in auxiliaries else None


CONDITION_WORDS = {"provided", "providing", "assuming", "supposing", "condition"}


def connective(word: Token) -> bool:
    """"providing (that)", "assuming" used as a conjunction, not as the verb of a clause of its own ("RT is
    providing a perspective" has a subject: a clause hanging from it is no condition)."""
    return word.lower_ in CONDITION_WORDS and not any(c.dep_ in ("nsubj", "nsubjpass") for c in word.children)


def condition_connective(token: Token) -> bool:
    """A clause under a multiword conditional: "provided (that) profits rise", "assuming the deal closes", "on
    condition that wages rise", "as long as prices hold", "in case the talks fail"."""
    if token.dep_ in ("ccomp", "acl", "advcl") and connective(token.head):
        return True
    if token.dep_ in ("relcl", "acl") and _bare_case(token.head) and token.head.head.lower_ == "in":
        return True  # "in case the pumps fail" parsed as a clause on "case"
    mark = next((c for c in token.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    if mark is not None and mark.i > 0 and token.doc[mark.i - 1].lower_ == "long":
        return True
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(_bare_case(o) for o in c.children) for c in token.children)


def _bare_case(token: Token) -> bool:
    """"case" with no determiner: "in case the talks fail" is conditional, "in this case" is not."""
    return token.lower_ == "case" and not any(c.dep_ in ("det", "amod", "poss") for c in token.children)


def _conditional_clause(token: Token) -> bool:
    """An if/unless clause, or one opening with had/should/were before its subject ("Had the bank lent the money",
    "Should the talks fail"): the inverted form is an if-clause without "if"; or a multiword conditional."""
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in token.children):
        return True
    if condition_connective(token):
        return True
    return token.dep_ == "advcl" and _inverted(token, INVERTING_AUX) is not None


ALTERNATIVE_WORDS = {("rather", "than"), ("instead", "of")}


def alternative_not_taken(token: Token) -> bool:
    """"raised fees instead of cutting jobs", "chose to borrow rather than sell shares": the alternative set
    aside after "instead of"/"rather than" did not happen."""
    link = token.head if token.dep_ in ("pcomp", "pobj") else \
        next((c for c in token.head.children if c.dep_ == "cc" and c.i < token.i), None) if token.dep_ == "conj" \
        else None
    if link is None or link.i == 0:
        return False
    return (token.doc[link.i - 1].lower_, link.lower_) in ALTERNATIVE_WORDS


CASE_NOUNS = {"event", "case"}


def in_case_of(token: Token) -> Token | None:
    """"in the event of a strike", "in case of an attack": an event named as a possibility to prepare for (the
    noun "event"/"case" it hangs from)."""
    prep = token.head
    noun = prep.head
    if token.dep_ != "pobj" or prep.lower_ != "of" or noun.lower_ not in CASE_NOUNS:
        return None
    return noun if noun.dep_ == "pobj" and noun.head.lower_ == "in" else None


def conditional(token: Token) -> Token | None:
    """An if/unless clause attached to the token, or the token inside one; an event "in case of"."""
    if _conditional_clause(token):
        return token
    if in_case_of(token) is not None:
        return in_case_of(token)
    return next((c for c in token.children if c.dep_ == "advcl" and _conditional_clause(c)), None)


WH_WORDS = ("WDT", "WP", "WP$", "WRB")


def yes_no_question(token: Token) -> Token | None:
    """"Did the army shell the village?", "Has the bank cut rates?": a yes/no question asks whether the event
    happened; it does not say it did. A wh-question ("Why did the army shell it?") takes the event as given."""
    if token.dep_ not in ("ROOT", "ccomp"):
        return None
    words = [t for t in token.subtree if not t.is_punct or t.text == "?"]
    if not words or words[-1].text != "?" or any(t.tag_ in WH_WORDS for t in words):
        return None
    return _inverted(token)


def open_question(token: Token) -> Token | None:
    """"would not say whether the company will bid": a clause under "whether" is left open."""
    return next((c for c in token.children if c.dep_ == "mark" and c.lower_ == "whether"), None)


def not_yet(token: Token) -> Token | None:
    """"has yet to decide", "is yet to be announced": the "yet" that puts an infinitive in the future."""
    head = token.head
    if token.dep_ != "xcomp" or head.lemma_ not in ("have", "be"):
        return None
    return next((c for c in head.children if c.lower_ == "yet"), None)


def have_to(token: Token) -> Token | None:
    """"has to cut costs": an obligation, like "must" (the "have" that carries it)."""
    head = token.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if token.dep_ != "xcomp" or not infinitive or head.lemma_ != "have":
        return None
    return None if any(c.dep_ == "dobj" for c in head.children) else head


TIME_NOUNS = {"time", "moment"}


def time_to_act(token: Token) -> Token | None:
    """"It is time for Europe to act", "now is the moment to impose sanctions", "the time has come to talk": an
    infinitive that it is time for is called for, not done (the noun "time" that carries the call). A ranking
    ("the first time to win") is a fact told, not a call."""
    infinitive = any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in token.children)
    noun = token.head
    if not infinitive or token.dep_ not in ("relcl", "acl", "advcl"):
        return None
    if token.dep_ == "advcl":  # "the time has come to act": the infinitive hangs on "come"
        noun = next((c for c in noun.children if c.dep_ == "nsubj" and c.lemma_.lower() in TIME_NOUNS), None)
        return noun if noun is not None and token.head.lemma_.lower() == "come" else None
    ranked = any(c.lower_ in RANKING_WORDS or c.tag_ in ("JJS", "CD") for c in noun.children)
    called = noun.dep_ in ("attr", "nsubj") and noun.head.lemma_.lower() in ("be", "come")
    return noun if noun.lemma_.lower() in TIME_NOUNS and called and not ranked else None


def effort(token: Token, head: Token, book: PatternBook) -> bool:
    """"is struggling to repay", "raced to fix the flaw", "moved to block the deal", "opted to sell": the "to V"
    of a verb of striving or choosing is an aim, not yet reached, whatever the aspect of the striving."""
    infinitive = any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in token.children)
    own = not asks_someone(head)  # "pressed Iran to stop" asks Iran: a request, not the subject's effort
    return infinitive and own and token.dep_ in ("xcomp", "advcl") and book.lemma(head) in book.effort_verbs


EFFORT_PREPOSITIONS = {"toward", "towards", "for"}


def effort_aim(token: Token, head: Token, book: PatternBook) -> bool:
    """"is working toward a ceasefire", "efforts towards a truce", "a bid for talks": an event noun that a verb of
    striving or a purpose noun reaches for has not (yet) come. Words that are cues themselves keep their own
    reading ("pushed for talks" asks for them)."""
    striving = book.lemma(head) in book.effort_verbs or head.lemma_.lower() in book.purpose_nouns
    return (token.dep_ == "pobj" and token.pos_ in ("NOUN", "PROPN") and token.head.lower_ in EFFORT_PREPOSITIONS
            and striving and book.cue(book.lemma(head)) is None)


ATTEMPT_VERBS = {"try", "attempt"}
FAILURE_ADVERBS = {"unsuccessfully", "vainly", "vain"}  # "tried in vain to"


def past_attempt(head: Token, book: PatternBook) -> str | None:
    """"tried to negotiate", "had attempted to seize": an attempt told as over leaves its aim's outcome untold
    (considered), or failed when the attempt says so ("tried in vain to", "unsuccessfully attempted to"). An
    attempt still going on ("is trying to") is an aim, planned like other intentions."""
    if book.lemma(head) not in ATTEMPT_VERBS or head.tag_ not in ("VBD", "VBN") or progressive(head):
        return None
    words = {w.lower_ for c in head.children for w in (c, *(c.children if c.dep_ == "prep" else ()))}
    return "failed" if words & FAILURE_ADVERBS else "considered"


def hearsay(token: Token, head: Token, book: PatternBook) -> bool:
    """"is said to include", "was reported to be": a passive reporting verb raising its infinitive."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
    return token.dep_ == "xcomp" and passive and head.lemma_.lower() in book.reporting


def phrasal_cue(head: Token, lemma: str, book: PatternBook) -> str | None:
    """The cue of a verb with its particle ("rule out", "call off"), when the dictionary has one."""
    return next((book.cue(f"{lemma} {c.lower_}") for c in head.children
                 if c.dep_ == "prt" and book.cue(f"{lemma} {c.lower_}")), None)


def asks_someone(head: Token, pattern=None) -> bool:
    """A request verb with a person asked: an object ("urged Iran to"), a passive ("was asked to"), or the object
    of the preposition its dictionary entry takes ("called on Iran to")."""
    if any(c.dep_ in ("dobj", "dative", "nsubjpass", "auxpass") for c in head.children):
        return True
    words = {w for w in (pattern.target if pattern else ()) if w not in ("dobj", "dative")}
    return any(c.dep_ == "prep" and c.lower_ in words and any(g.dep_ == "pobj" for g in c.children)
               for c in head.children)


def modal(token: Token, book: PatternBook) -> tuple[str, Token] | None:
    for child in token.children:
        if child.dep_ == "aux" and child.tag_ == "MD":
            status = book.modals.get(child.lower_)
            if status:
                return status, child
    return None


FUTURE_TIME_WORDS = {"tomorrow", "tonight"}
FUTURE_TIME_MODIFIERS = {"next", "coming", "upcoming", "later"}  # "later this year"


def _present(token: Token) -> bool:
    """A present tense, simple ("flies") or progressive ("is flying")."""
    if token.tag_ in ("VBZ", "VBP"):
        return True
    return token.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in token.children)


def _time_words(token: Token):
    """The time nouns and adverbs on a verb: "tomorrow", "next week", "on Friday next week"."""
    for child in token.children:
        if child.dep_ in ("npadvmod", "advmod", "tmod"):
            yield child
        elif child.dep_ == "prep":
            yield from (o for o in child.children if o.dep_ == "pobj")


def futurate(token: Token) -> Token | None:
    """"The minister flies to Paris tomorrow", "is launching the phone next week", "launches later this year": a
    present tense with a time that lies ahead names a scheduled event, not one that happened or is under way."""
    if not _present(token):
        return None
    return next((t for t in _time_words(token) if t.lower_ in FUTURE_TIME_WORDS or t.lower_ == "later"
                 or any(m.dep_ in ("amod", "det", "nmod", "advmod") and m.lower_ in FUTURE_TIME_MODIFIERS
                        for m in t.children)), None)


PENDING_MARKS = {"until", "till", "once", "before"}


def pending_clause(token: Token) -> Token | None:
    """"until the inquiry ends", "once the plant opens": a simple present under until/once/before names a time
    still ahead (English puts the future of such clauses in the present tense)."""
    if token.dep_ != "advcl" or token.tag_ not in ("VBZ", "VBP", "NNS"):  # a clause head tagged NNS is a verb
        return None
    return next((c for c in token.children if c.dep_ == "mark" and c.lower_ in PENDING_MARKS), None)


LIKELIHOOD_COPULAS = {"be", "look", "seem", "appear", "remain"}
REVIEW_NOUNS = {"consideration", "discussion", "review", "negotiation", "study", "debate"}


def predicate_cue(token: Token, book: PatternBook) -> tuple[str, Token] | None:
    """"A sale is possible", "a strike looks likely", "a merger is under consideration", "it is possible that they
    delayed it": an event noun or clause whose copula says how likely it is takes that word's status (a sale under
    review is not yet made)."""
    noun = token.dep_ == "nsubj" and token.pos_ in ("NOUN", "PROPN")
    clause = token.dep_ == "ccomp" and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in token.head.children)
    if not (noun or clause) or token.head.lemma_ not in LIKELIHOOD_COPULAS:
        return None  # a clause counts under "it": "It is possible that the firm will delay the launch"
    for child in token.head.children:
        cue = book.cue(child.lemma_) if child.dep_ in ("acomp", "attr") else None
        if cue in ("planned", "considered"):
            return cue, child
        if child.dep_ == "prep" and child.lower_ == "under" \
                and any(o.dep_ == "pobj" and o.lemma_.lower() in REVIEW_NOUNS for o in child.children):
            return "considered", child
    return None


def near_miss(token: Token) -> Token | None:
    """"The firm is close to a deal", "came close to agreeing": an event one is close or near to has not (yet)
    happened."""
    prep = token.head
    if token.dep_ not in ("pobj", "pcomp") or prep.lower_ != "to":
        return None
    return prep.head if prep.head.lower_ in ("close", "closer", "near", "nearer") else None


TALK_WORDS = {"talk", "speak", "chat", "talks", "discussion", "conversation", "dialogue", "debate", "deliberation"}
TOPIC_PREPOSITIONS = {"about", "on", "over", "of", "regarding", "concerning"}


def topic_of_talk(token: Token) -> Token | None:
    """"talked about sending troops", "talks on easing sanctions": a bare gerund that is only the topic of talk
    names an act weighed, not one done (as "discussed sending" does). An event noun there may be a known past
    event ("talked about the attack") and is left alone; so is a gerund of its own time ("having sent")."""
    prep = token.head
    if token.dep_ != "pcomp" or token.tag_ != "VBG" or prep.lower_ not in TOPIC_PREPOSITIONS:
        return None
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "poss") for c in token.children):
        return None
    return prep.head if prep.head.lemma_.lower() in TALK_WORDS else None


GATHERINGS = {"meeting", "summit", "session", "conference", "talks", "consultation", "election", "referendum", "vote"}
CONVENING = {"call", "convene", "schedule"}


def convened(token: Token) -> Token | None:
    """"called an emergency meeting", "convened a summit", "scheduled a referendum": a gathering called is set up,
    not yet held, and not a request (the caller's "call" is no appeal here; "called for talks" is)."""
    if token.dep_ != "dobj" or token.lemma_.lower() not in GATHERINGS:
        return None
    return token.head if token.head.lemma_.lower() in CONVENING else None


def precondition(token: Token) -> Token | None:
    """"subject to approval", "pending approval": an event a deal waits for has not happened yet; so does one a
    present or future clause is "ahead of" ("shares are rising ahead of the launch"; after a past verb the event
    may since have come: "shares rose ahead of the vote")."""
    prep = token.head
    if token.dep_ != "pobj":
        return None
    if prep.lower_ == "pending" or (prep.lower_ == "to" and prep.head.lower_ == "subject"):
        return prep
    ahead = prep.head
    if prep.lower_ == "of" and ahead.lower_ == "ahead" and ahead.head.tag_ not in ("VBD", "VBN"):
        return ahead
    return None


def any_instance(token: Token) -> Token | None:
    """"Any sale would need approval", "any attack will be met with force": an event noun under "any" names no
    particular event, only one that may come."""
    if token.pos_ != "NOUN":
        return None
    return next((c for c in token.children if c.dep_ == "det" and c.lower_ == "any"), None)


def progressive(token: Token) -> bool:
    return token.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children)


def governor(token: Token) -> Token | None:
    """The word an event hangs from: the verb of an xcomp/ccomp/pcomp, the verb or noun taking an event noun."""
    dep = token.dep_
    if dep in ("xcomp", "ccomp", "dobj", "nsubjpass", "attr", "oprd", "acl"):
        return token.head
    if dep in ("pobj", "pcomp"):
        return object_act_verb(token) or token.head.head
    if dep == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children):
        return token.head
    return None


def purpose(token: Token) -> bool:
    """An infinitive of purpose or content: "sent troops to secure the border", "a contract to supply jets".
    Relative infinitives ("the first model to be built") are left to the default, as is an outcome ("returned
    home, only to be jailed"), which happened as the clause it hangs on did."""
    infinitive = any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in token.children)
    return infinitive and token.dep_ in ("advcl", "acl") and not outcome(token)


def outcome(token: Token) -> bool:
    """"Returned to Cuba, only to be jailed": an infinitive of what came of the act it hangs on."""
    return token.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ == "only" and c.i < token.i
                                         for c in token.children) \
        and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in token.children)


RANKING_WORDS = {"first", "last", "only", "next", "second", "third", "latest", "final"}


def purpose_relative(token: Token, book: PatternBook) -> bool:
    """"signed a deal to buy the chain" parsed as a relative infinitive: under an event noun ("deal", "agreement")
    the infinitive is the content of the deal, not yet done. Ranking relatives ("the first model to be built") are
    left to the default."""
    infinitive = any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in token.children)
    noun = token.head
    if not infinitive or token.dep_ != "relcl" or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.lower_ in RANKING_WORDS or c.tag_ == "JJS" for c in noun.children):
        return False
    return book.for_noun(noun) is not None


def purpose_noun(token: Token, book: PatternBook) -> bool:
    """A gerund after a purpose noun: "as a means of modernising the fleet", "in an effort at cutting costs"."""
    prep = token.head
    return (token.dep_ == "pcomp" and token.tag_ == "VBG" and prep.dep_ == "prep"
            and prep.head.lemma_.lower() in book.purpose_nouns)


NOUN_COMPLEMENT_PREPS = ("of", "for", "about")  # "speculation about a merger"


def noun_complement(token: Token, head: Token, book: PatternBook) -> bool:
    """"the risk of a strike", "plans for an expansion", "the failure of the talks": an event named in the "of"/"for"
    complement of a noun of intent, likelihood or failure takes that noun's status."""
    prep = token.head
    return (token.dep_ in ("pobj", "pcomp") and prep.lower_ in NOUN_COMPLEMENT_PREPS and prep.head.i == head.i
            and book.cue(head.lemma_) in ("planned", "considered", "failed"))


def purpose_phrase(token: Token, head: Token, book: PatternBook) -> bool:
    """"in order to save", "in an effort to cut": an infinitive under a purpose noun in a prepositional phrase is an
    aim of the clause (planned), whatever the noun means on its own ("order" is no request here)."""
    infinitive = any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in token.children)
    return (infinitive and token.dep_ == "acl" and head.dep_ == "pobj"
            and head.lemma_.lower() in book.purpose_nouns)


def prepositional_misreading(token: Token, head: Token, cue: str) -> bool:
    """Cues that do not govern through a preposition: "due to what they call" (due to = because of), "died in
    the attack" under "kill"; a denied cue reaches a prepositional object only through "from" ("refrain from")."""
    if token.dep_ not in ("pobj", "pcomp"):
        return False
    if head.lemma_.lower() == "due" and token.head.lower_ == "to":
        return True
    return cue == "denied" and token.head.lower_ != "from"


def own_source_differs(token: Token, head: Token, book: PatternBook) -> bool:
    """An event noun with its own possessor ("Ukraine's request") is not what the governing verb plans, nor is
    another party's offer or appeal ("rejected the call for a ceasefire": the call was made)."""
    return token.pos_ in ("NOUN", "PROPN") and (any(c.dep_ == "poss" for c in token.children)
                                                 or others_proposal(token, head, book))


SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _period_future(value: str, reference: date) -> bool | None:
    """Week, quarter and season values ("2010-W25", "2010-Q4", "2010-FA") against the reference date; None for
    other values."""
    year, rest = int(value[:4]), value[5:]
    if value[4:5] != "-" or not rest:
        return None
    if rest[0] == "W" and rest[1:3].isdigit():
        return (year, int(rest[1:3])) > tuple(reference.isocalendar())[:2]
    if rest[0] == "Q" and rest[1:2] in ("1", "2", "3", "4"):
        return (year, int(rest[1])) > (reference.year, (reference.month - 1) // 3 + 1)
    if rest[:2] in SEASON_START:
        return (year, SEASON_START[rest[:2]]) > (reference.year, reference.month)
    return None


def date_future(value: str | None, reference: date | None) -> bool:
    if not value or reference is None or not value[:4].isdigit():
        return False
    period = _period_future(value, reference)
    if period is not None:
        return period
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            return date.fromisoformat(value[:10]) > reference
        except ValueError:
            return False
    return value[:4] > str(reference.year) or (len(value) == 7 and value > reference.isoformat()[:7])


def performative(token: Token, modal: Token, book: PatternBook) -> bool:
    """"would like to thank": a polite formula that performs the act (it happens as it is said)."""
    if modal.lower_ != "would" or token.lemma_.lower() not in ("like", "love", "wish"):
        return False
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in book.performatives for c in token.children)


RULING_VERBS = {"rule", "decide", "determine"}


def ruled(token: Token) -> Token | None:
    """The verb of ruling whose "that" clause ``token`` heads ("ruled that he must be returned"), if any."""
    clause = token.head if token.dep_ == "conj" else token
    head = clause.head
    return head if clause.dep_ == "ccomp" and head.lemma_.lower() in RULING_VERBS else None


def agentless_passive(token: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in token.children) and not any(c.dep_ == "agent" for c in token.children)


FIRST_PERSON = {"i", "we"}


def wanted_performative(token: Token, head: Token, book: PatternBook) -> bool:
    """"I want to thank you", "we wish to express our condolences": said in the first person and the present, the
    wish performs the act, as "would like to" does."""
    return token.dep_ == "xcomp" and token.lemma_.lower() in book.performatives \
        and head.lemma_.lower() in ("want", "wish") and head.tag_ in ("VBP", "VBZ") \
        and any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in head.children)


def reported(token: Token, book: PatternBook) -> bool:
    clause = token.head if token.dep_ == "conj" else token
    return clause.dep_ == "ccomp" and clause.head.lemma_ in book.reporting


def _ancestor(token: Token, steps: int, fits) -> Token | None:
    """The nearest of ``token``'s first ``steps`` ancestors for which ``fits`` holds."""
    return next((t for t in islice(token.ancestors, steps) if fits(t)), None)


def verb_above(token: Token) -> Token | None:
    """The verb a gerund hangs from through a preposition and noun ("bring it up as a means of pressuring")."""
    return _ancestor(token, 4, lambda t: t.pos_ == "VERB")


def gerund_above(token: Token) -> Token | None:
    """The gerund a coordinated gerund shares its status with: the nearest gerund above it that is the complement
    of a preposition ("a means of modernising the fleet and improving the network")."""
    return _ancestor(token, 3, lambda t: t.tag_ == "VBG" and t.dep_ == "pcomp")


def reduced_relative(token: Token) -> Token | None:
    """The object noun just before a participle with no subject, auxiliary or mark that the parser hung on the verb
    as a clause ("signed a deal to supply jets converted for the task"): the participle modifies that noun."""
    if token.tag_ not in ("VBN", "VBD") or token.i == 0:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in token.children):
        return None
    noun = token.doc[token.i - 1]
    if noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in CLAUSE_NOUN_DEPS and noun.head.i != noun.i:
        return noun
    return None


OCCURRENCE_VERBS = {"happen", "occur", "begin", "start", "commence", "resume", "proceed"}
OCCURRENCE_PHRASES = {("take", "place"), ("go", "ahead"), ("get", "underway"), ("kick", "off")}


def occurrence_verb(verb: Token) -> bool:
    """A verb that says an event takes place ("the talks will begin", "the sale will take place", "go ahead")."""
    lemma = verb.lemma_.lower()
    return lemma in OCCURRENCE_VERBS or any((lemma, c.lower_) in OCCURRENCE_PHRASES for c in verb.children)


def comparative_participle(token: Token) -> bool:
    """"three days later than planned", "went ahead as scheduled": a bare participle after comparative "than"/"as"
    names a plan or expectation that was made, whatever the status of the clause it is compared with."""
    bare_participle = token.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")
                                                       for c in token.children)
    if not bare_participle:
        return False
    if token.dep_ == "pcomp":
        return token.head.lower_ in ("than", "as")
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("than", "as") for c in token.children)


def be_to(token: Token) -> bool:
    """"X is to be compensated", headline "X to buy jets": an infinitive with no finite verb above it."""
    infinitive = any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in token.children)
    if not infinitive:
        return False
    return token.dep_ == "ROOT" or (token.dep_ == "xcomp" and token.head.lemma_ == "be")


CLAUSE_NOUN_DEPS = ("dobj", "attr", "nsubj", "nsubjpass", "oprd")


def bare(token: Token) -> bool:
    """No subject, auxiliary or determiner of its own: it shares them with the word it hangs from."""
    own = ("nsubj", "nsubjpass", "aux", "auxpass", "det", "poss", "mark")
    return not any(c.dep_ in own for c in token.children)


ARRANGING = {"announce", "schedule", "propose", "arrange", "plan", "set"}


def announced_meeting(token: Token, book) -> Token | None:
    """The verb that announces, schedules or proposes a meeting noun ("announced the summit", "a summit that Trump
    announced"): a meeting announced is a meeting planned. Only meetings: "announced sanctions" imposes them."""
    if token.pos_ != "NOUN":
        return None
    pattern = book.for_noun(token)
    if pattern is None or pattern.plover != "CONSULT":
        return None
    if token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in ARRANGING:
        return token.head
    return next((c for c in token.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in ARRANGING), None)


MEANS_PREPOSITIONS = {"through", "via"}
TIME_PREPOSITIONS = {"after", "before", "since", "following", "during", "amid"}


def time_of_attitude(token: Token, head: Token, book) -> bool:
    """An event noun in a time phrase of a past cue word itself ("after a long call, he expected to meet": the
    call dates the expecting, it is not what is expected; "he plans, after the talks, to ..." is left alone); so
    is a clause there ("committed suicide after being imprisoned for three years")."""
    return token.dep_ in ("pobj", "pcomp") and token.head.lower_ in TIME_PREPOSITIONS and token.head.head.i == head.i \
        and head.tag_ in ("VBD", "VBN") and book.cue(head.lemma_) is not None


def _stray_infinitive(token: Token) -> Token | None:
    """A bare base-form verb the parser coordinates with the verb above a "to V" complement, where it continues
    the list of that complement ("is scheduled to visit Lima, meet Fujimori"): the complement it belongs to."""
    if token.tag_ not in ("VB", "VBP") or not bare(token) or token.head.tag_ == "VB":
        return None
    return next((c for c in token.head.children if c.dep_ == "xcomp" and c.tag_ == "VB" and c.i < token.i
                 and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")), None)


def inherits_from(token: Token) -> Token | None:
    """The word whose status a bare dependent shares: the verb of an xcomp, the copula of an adjective ("will be
    able to"), the verb above a gerund ("as a means of pressuring"), the first conjunct ("will meet and
    discuss"), the verb of a non-finite complement ("will see jets delivered"), the verb an event noun is the means of
    ("could be settled through talks"), the copula of "be in talks"."""
    dep = token.dep_
    if dep == "xcomp":
        return governor(token)
    if dep == "acomp" and token.head.lemma_ == "be":
        return token.head  # "will be able to download": the adjective shares the copula's modal
    if dep == "pcomp":
        return verb_above(token)
    if dep == "conj" and token.tag_ == "VBD" and token.head.tag_ == "VB":
        return None  # "agreed to resume talks and signed a pact": a past tense is no part of the infinitive
    if dep == "conj" and (infinitive := _stray_infinitive(token)) is not None:
        return infinitive  # "is scheduled to visit Lima, meet Fujimori and sign a pact": meet and sign are planned
    if dep == "conj" and bare(token) and token.head.pos_ == token.pos_:
        return token.head
    if dep == "nsubj" and token.pos_ in ("NOUN", "PROPN") and token.head.tag_ != "VBD" and occurrence_verb(token.head):
        return token.head  # "the talks will take place in May": the event noun happens when its verb says
    if dep == "conj" and bare(token) and token.tag_ == "VBG":
        return gerund_above(token)  # "as a means of cutting X and improving Y", the second gerund misattached
    if dep == "advcl" and (noun := reduced_relative(token)) is not None:
        return noun.head  # "to supply jets converted for the task": a participle on the noun just before it
    if dep == "pobj" and token.pos_ == "NOUN" and token.head.lower_ == "in" and token.head.head.lemma_ == "be":
        return token.head.head  # "is said to be in talks": the state of being in talks is the copula's
    if dep == "pobj" and token.pos_ == "NOUN" and token.head.lower_ in MEANS_PREPOSITIONS \
            and token.head.head.pos_ in ("VERB", "AUX"):
        return token.head.head  # "can only be ended through talks": the means shares the verb's status
    finite = any(c.dep_ in ("aux", "auxpass", "mark") for c in token.children)
    if dep in ("ccomp", "oprd") and token.tag_ in ("VBN", "VB", "VBG") and not finite:
        return token.head  # a small clause: "will see jets delivered"
    noun = token.head
    participle = ("VBN", "VB", "VBD") if dep == "acl" else ("VBN", "VB")  # an acl "VBD" is a mis-tagged participle
    nonfinite = token.tag_ in participle and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    if dep in ("acl", "relcl") and nonfinite and noun.dep_ in CLAUSE_NOUN_DEPS and noun.head.i != noun.i:
        return noun.head  # the clause the modified noun belongs to
    return None
