"""Coreference of the non-person pronouns: "it" to an organisation or a country, "they" to several actors.

coref.py gives he/she to people; news also says "Iran rejected the offer. It also criticized ...", "The Kremlin
denied the report. Its spokesman ...", "Chile and Peru met. They agreed ...". "It" and "they" name things as often
as actors ("the deal ... it", "the talks ... they"), so the rules look at one antecedent only, the nearest
subject, and leave the pronoun unresolved whenever that subject is not an actor of the right number:

1. expletives are nobody's: the parser's "expl", a subject "it" of a copula or raising verb ("it is time", "it
   is likely", "it seems"), a passive "it" with a clause ("it was reported that"); an object "it" is left alone
   too (what is done to "it" is most often a thing: "rejected the offer and criticized it");
2. the nearest subject: of the innermost clause above the pronoun whose subject does not hold it ("its
   spokesman said": not "spokesman"); an object "them" passes over its own clause's subject (binding: "the U.S.
   pressured them" is not the U.S.), "itself"/"themselves" are that subject ("Iran defended itself"); a relative
   pronoun subject is the noun its clause describes ("Iran, which says its programme ..."); of two subjects, the
   one nearest before the verb (a dateline is no subject: "OSLO — Kestrel Devices unveiled its laptop"); the
   object of an object-control verb is the subject of its non-finite clause ("called on Peru to withdraw its
   troops": Peru);
   2b. the pronoun in a main clause's subject: the subject of an adverbial clause before it ("After Iran
   rejected the offer, it ...") else the subject of the previous sentence's main clause;
3. "it/its/itself": that subject is a singular organisation or country (a name, or a pronoun already resolved
   to one); not a person, not a demonym ("the European offer"), not coordinated ("Chile and Peru");
4. "they/them/their/themselves": that subject is coordinated actors ("Chile and Peru", both) or a plural noun
   naming a group ("rebels", "officials", "the two leaders"); its actors are read by the events
   (``Analysis.plural_antecedent`` -> ``event_args.actors_of``), and the pronoun is a mention of each
   coordinated entity;
5. never across a quote boundary: the pronoun and its subject are both inside the same direct quote or both
   outside every quote ("“It will respond,” the Kremlin said": not the Kremlin).
An actor is never its own target: the binding of rule 2, and the events keep no pair with source == target.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..resolve.codes import sector_of
from .actor_spans import Cluster

IT = {"it", "its", "itself"}
THEY = {"they", "them", "their", "theirs", "themselves"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
OBJECT_DEPS = {"dobj", "pobj", "dative", "iobj", "oprd"}
RELATIVE = {"who", "which", "that"}
COPULAR = {"be", "seem", "appear", "remain", "become", "matter", "happen", "rain", "snow", "look", "sound",
           "feel", "mean", "take", "make"}
ACTOR_LABELS = {"ORG", "GPE"}
GROUP_WORDS = {"country", "nation", "side", "state", "neighbour", "neighbor", "ally", "government"}


def actor_pronoun(token: Token) -> bool:
    return token.lower_ in IT | THEY and token.tag_ in {"PRP", "PRP$"}


def expletive(token: Token) -> bool:
    """Rule 1: an "it" that names nothing, or that the rules leave alone (an object "it")."""
    if token.lower_ != "it":
        return False
    if token.dep_ == "expl" or token.dep_ in OBJECT_DEPS:
        return True
    head = token.head
    if token.dep_ == "nsubj" and head.lemma_.lower() in COPULAR:
        return True
    return token.dep_ == "nsubjpass" and any(c.dep_ in {"ccomp", "xcomp", "csubj"} for c in head.children)


def _holds(subject: Token, token: Token) -> bool:
    return subject.left_edge.i <= token.i <= subject.right_edge.i


def _subject(verb: Token, token: Token) -> Token | None:
    """The verb's subject not holding the pronoun; of two, the one nearest before the verb (a dateline is parsed
    as a second subject: "OSLO — Kestrel Devices ... unveiled its first laptop")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not _holds(c, token)]
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else next(iter(subjects), None)


def _described(subject: Token) -> Token:
    """A relative pronoun subject stands for the noun its clause describes."""
    if subject.lower_ in RELATIVE and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject


def nearest_subject(token: Token) -> Token | None:
    """Rule 2: the subject that decides what the pronoun names, or None."""
    bound = token.dep_ in OBJECT_DEPS and not token.lower_.endswith(("self", "selves"))
    node = token
    while node.head.i != node.i:
        clause, node = node, node.head
        subject = _subject(node, token)
        if clause.dep_ == "xcomp":
            subject = _controller(node, clause) or subject
        if subject is None:
            continue
        if bound:
            bound = False  # "the U.S. pressured them": never the subject of its own clause
            continue
        return _described(subject)
    if bound:
        return None
    return _earlier_clause_subject(token) or _previous_subject(token)


def _controller(verb: Token, clause: Token) -> Token | None:
    """The object that does a non-finite clause's act: "urged Peru to withdraw its troops", "called on Peru to
    withdraw its troops" (Peru's troops, not the caller's)."""
    for child in verb.children:
        if child.i < clause.i and child.dep_ in {"dobj", "dative"}:
            return child
        if child.i < clause.i and child.dep_ == "prep" and child.lower_ in {"on", "upon"}:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _earlier_clause_subject(token: Token) -> Token | None:
    """Rule 2b: the subject of an adverbial clause before the pronoun's main clause ("After Iran rejected the
    offer, it criticized ...")."""
    root = token.sent.root
    for clause in root.children:
        if clause.dep_ == "advcl" and clause.i < token.i:
            subject = _subject(clause, token)
            if subject is not None and subject.i < token.i:
                return _described(subject)
    return None


def _previous_subject(token: Token) -> Token | None:
    sent = token.sent
    if sent.start == 0:
        return None
    doc = token.doc
    previous = doc[sent.start - 1].sent
    while previous.text.strip() == "" and previous.start > 0:
        previous = doc[previous.start - 1].sent
    subject = _subject(previous.root, token)
    return _described(subject) if subject is not None else None


class ActorPronouns:
    """Rules 3-5 over the clusters of a ``coref.Coref`` (its token -> cluster map grows as pronouns resolve)."""

    def __init__(self, coref):
        self.coref = coref
        self.plural: dict[int, int] = {}  # pronoun token -> antecedent token (for the events)

    def cluster(self, i: int) -> Cluster | None:
        cid = self.coref.tc.get(i)
        return self.coref.clusters.get(cid) if cid else None

    def resolve(self, token: Token) -> None:
        if expletive(token):
            return
        subject = nearest_subject(token)
        if subject is None or self.coref.quote_of(subject.i) != self.coref.quote_of(token.i):
            return
        if token.lower_ in IT:
            self.coref._add(token.i, token.i + 1, self.singular(subject), "pronoun")
        else:
            self.group(token, subject)

    def singular(self, subject: Token) -> Cluster | None:
        """Rule 3: the organisation or country a singular subject names."""
        if subject.conjuncts or subject.i in self.plural:
            return None
        cluster = self.cluster(subject.i)
        if cluster is None or cluster.label not in ACTOR_LABELS and not cluster.id.startswith("country:"):
            return None
        if any(c.kind == "demonym" and c.start <= subject.i < c.end for c in cluster.cands):
            return None
        return cluster

    def group(self, token: Token, subject: Token) -> None:
        """Rule 4: coordinated actors (a mention of each), or a plural group noun, for the events to read."""
        subject = self.coref.doc[self.plural.get(subject.i, subject.i)]  # "They ... They": the first one's
        if subject.conjuncts:
            members = {c.id: c for t in (subject, *subject.conjuncts) if (c := self.cluster(t.i)) is not None}
            if len(members) < 2:
                return
            self.plural[token.i] = subject.i
            for cluster in members.values():
                self.coref.found.append((token.i, token.i + 1, cluster.id, "pronoun"))
        elif subject.tag_ in {"NNS", "NNPS"} and self.group_noun(subject):
            self.plural[token.i] = subject.i

    def group_noun(self, noun: Token) -> bool:
        """A plural noun naming actors: a group the text names ("Houthi rebels") or a group or role word
        ("officials", "the two leaders", "both countries"); not a country written in the plural ("the United
        States"), nor a thing ("the talks")."""
        cluster = self.cluster(noun.i)
        if cluster is not None:
            return cluster.label != "PERSON" and not cluster.id.startswith("country:")
        lemma = noun.lemma_.lower()
        return bool(sector_of(lemma)) or lemma in GROUP_WORDS
