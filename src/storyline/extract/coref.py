"""Coreference without a model: role nouns and pronouns to the people of the document, by stated rules.

Role nouns ("the U.S. president", "the Russian leader", "his predecessor"):
- only definite phrases count (the / his / Russia's ...), singular, not a title before a name;
- the phrase's role word must be a role of the person ("leader": any head of state or government) (from the text or the knowledge file on the publication
  date), and its country, when the phrase names one, the person's country;
- a phrase said of a person in its own sentence is theirs: in apposition to a name ("Aung San, the Burmese
  leader"), or given with "as" in the nearest clause with a subject, to its person object ("appoints him as
  the first senator"), else to its subject ("X visited Washington as Burma's leader"), a role of theirs;
- several fit: the one holding that position on the publication date, then the most recently mentioned;
- "predecessor" / "successor" of X: another person sharing a role and a country with X.
- a relative, a person written only with the leading words of another's fuller name ("Aung San" of "Aung San
  Suu Kyi"), takes a role phrase or a pronoun only when no one else fits.

Pronouns (he/him/his/himself, she/her/hers/herself) go to a person of compatible gender (knowledge file, else a
gendered word about them in the text: "Mrs", "his wife", "the daughter of", "congressman"; unknown fits both);
first and second person ("I", "we", "you") are left alone; "it" and "they" are coref_actors.py's (organisations,
countries and groups). Inside a direct quote a third-person
pronoun is never the quote's speaker (a named subject of the sentence outside the quote marks: "“I think he
wants a deal,” Trump said" -> "he" is not Trump). The first rule that gives a person wins:
0. a threat's condition is on its target: the subject of an "if"/"unless" clause attached to a clause of
   pressure or threat on a person is that person ("prepared to increase pressure on Putin if he does not
   appear at the table" -> Putin; "threatened Maduro with sanctions unless he steps down" -> Maduro);
1. binding: an object pronoun is never the subject of its own clause (nor of the clause controlling a
   non-finite verb: "Trump ... pressuring him" is not Trump; when that verb has a person object, the object
   does the action: "invited him to visit her" -> "her" is not "him", and may be the inviter; a relative
   pronoun subject is the person its clause describes: "Murphy, an aide who accompanied her" -> not Murphy);
   1b. parallel object: an object pronoun of a verb coordinated with an earlier one (same subject) is that
   verb's person object ("congratulated Trump on the deal and warned him" -> Trump);
2. clause subject: the subject of a clause governing the pronoun ("Trump announced that he plans"), its
   first person subject when a fronted description has a subject arc too ("The daughter of X, Suu Kyi
   enjoyed fame for her push"); a possessive may look forward to it ("similar to his predecessor, Trump
   has ...");
3. the first person named in its sentence before it (the parser often misses a subject: "Trump" read as a verb);
4. the subject of the previous sentence (else the first person named in it);
5. the most recent person mentioned before it;
6. inside a quote, the first person named after it in its sentence ("“He is a liar,” Biden said of Trump").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .actor_clusters import leading_names
from .actor_spans import Cluster
from .coref_actors import ActorPronouns, actor_pronoun
from .roles import KINSHIP, RoleInfo, is_role_noun, kin_gender, role_phrase

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
RELATIONAL = {"predecessor", "successor"}
LEADERS = {"president", "minister", "chancellor", "premier", "king", "queen", "emir", "leader", "monarch"}
OBJECT_DEPS = {"dobj", "pobj", "dative", "iobj", "oprd"}
FINITE = {"VBD", "VBZ", "VBP", "MD"}
COERCION = {"pressure", "threaten", "threat", "sanction", "punish", "penalize", "penalise", "warn", "force",
            "ultimatum", "coerce", "pressurize", "pressurise"}
TARGET_PREPS = {"on", "against", "over", "upon"}
RELATIVE = {"who", "that", "whom"}
OPENING, CLOSING, STRAIGHT = {"“", "``", "`", "‘‘"}, {"”", "''", "’’"}, {'"'}


def quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) inside quotation marks (curly, TeX-style or straight). A quote never crosses a
    paragraph: an unclosed quote ends with its paragraph, a closing mark without an opening one closes a quote
    that began with the paragraph (scraped text often loses one of the pair)."""
    spans = []
    for start, end in _paragraphs(doc):
        opened = None
        for token in doc[start:end]:
            if opened is None and (token.text in OPENING or token.text in STRAIGHT):
                opened = token.i + 1
            elif token.text in CLOSING or (token.text in STRAIGHT and opened is not None):
                spans.append((start if opened is None else opened, token.i))
                opened = None
        if opened is not None:
            spans.append((opened, end))
    return spans


def _paragraphs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the paragraphs (split at whitespace tokens holding a line break)."""
    out, start = [], 0
    for token in doc:
        if token.is_space and "\n" in token.text:
            out.append((start, token.i))
            start = token.i + 1
    out.append((start, len(doc)))
    return [(s, e) for s, e in out if e > s]


class Coref:
    """Resolves role nouns and pronouns in text order, extending ``token_cluster`` as it goes."""

    def __init__(self, doc: Doc, clusters: dict[str, Cluster], token_cluster: dict[int, str], skip: set[int]):
        self.doc, self.clusters, self.tc, self.skip = doc, clusters, token_cluster, skip
        self.found: list[tuple[int, int, str, str]] = []  # (start, end, cluster id, kind)
        self.quotes = quote_spans(doc)
        self.relatives = leading_names(doc, clusters)
        self.actors = ActorPronouns(self)  # it/they -> organisations and countries (coref_actors)

    def person(self, i: int) -> Cluster | None:
        cid = self.tc.get(i)
        cluster = self.clusters.get(cid) if cid else None
        return cluster if cluster and cluster.label == "PERSON" else None

    def run(self) -> list[tuple[int, int, str, str]]:
        for token in self.doc:
            if token.i in self.tc or token.i in self.skip:
                continue
            if token.lower_ in MALE | FEMALE and token.tag_ in {"PRP", "PRP$"}:
                self._add(token.i, token.i + 1, self.pronoun(token), "pronoun")
            elif is_role_noun(token) and token.tag_ in {"NN", "NNP"}:
                self._role(token)
            elif actor_pronoun(token):
                self.actors.resolve(token)
        return self.found

    def _add(self, start: int, end: int, cluster: Cluster | None, kind: str) -> None:
        if cluster is None:
            return
        self.found.append((start, end, cluster.id, kind))
        for i in range(start, end):
            self.tc.setdefault(i, cluster.id)

    # -- role nouns ---------------------------------------------------------------------------------------
    def _role(self, head: Token) -> None:
        definite = any(c.lower_ == "the" or c.dep_ == "poss" for c in head.lefts)
        if not definite or head.dep_ == "compound" or any(c.dep_ == "appos" for c in head.children):
            return
        info = role_phrase(self.doc, head)
        if head.lower_ in RELATIONAL:
            owner = self.person(info.possessor) if info.possessor is not None else None
            target = self.relation(owner, head.i) if owner else None
        else:
            target = self.named_by(head, info) or self.holder(head.lemma_.lower(), info.country, head.i)
        self._add(info.start, head.i + 1, target, "role")

    def named_by(self, head: Token, info: RoleInfo) -> Cluster | None:
        """The person a role phrase is said of in its own sentence: the name it is in apposition to ("Aung San,
        the Burmese leader"), or the one it is given to with "as" (the role becomes one of theirs)."""
        if head.dep_ == "appos":
            return self.person(head.head.i)
        if head.dep_ != "pobj" or head.head.lower_ != "as":
            return None
        holder = self.given_as(head.head)
        if holder is not None and info.role and not holder.has_role(info.role):
            holder.roles.append(info.role)
            holder.country = holder.country or info.country
        return holder

    def given_as(self, prep: Token) -> Cluster | None:
        """Who "as <role>" is said of, in the nearest clause with a subject: its person object ("appoints him as
        the first senator"), else its subject ("X visited Washington as Burma's leader"); never the speaker of a
        reporting verb above that clause ("... to serve as our president,” Trump added")."""
        verb = prep.head.head if prep.dep_ == "mark" else prep.head  # "as" misread as a clause's marker
        while not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) and verb.head.i != verb.i:
            verb = verb.head
        obj = next((found for c in verb.children if c.dep_ == "dobj" and (found := self.person(c.i))), None)
        return obj or self.subject_of(verb, prep)

    def holder(self, role: str, country: str | None, at: int) -> Cluster | None:
        def has(c: Cluster) -> bool:  # "leader" fits any head of state or government
            return role in c.role_heads() or (role == "leader" and bool(c.role_heads() & LEADERS))

        fits = [c for c in self.clusters.values() if c.label == "PERSON" and has(c)
                and (country is None or c.country == country)]
        fits = [c for c in fits if c.id not in self.relatives] or fits
        before = [c for c in fits if c.first() < at] or fits
        return max(before, key=lambda c: (role in c.held_heads, c.last_before(at)), default=None)

    def relation(self, owner: Cluster, at: int) -> Cluster | None:
        fits = [c for c in self.clusters.values() if c.label == "PERSON" and c is not owner
                and c.country == owner.country and c.role_heads() & owner.role_heads()]
        return max(fits, key=lambda c: c.last_before(at), default=None)

    # -- pronouns -----------------------------------------------------------------------------------------
    def pronoun(self, token: Token) -> Cluster | None:
        """The person a pronoun names by the rules in order; a relative written with part of another person's
        name ("Aung San" of "Aung San Suu Kyi") only when no one else fits."""
        gender = "male" if token.lower_ in MALE else "female"
        if self.unnamed_relative(token, gender):
            return None
        quote = self.quote_of(token.i)
        excluded = self.bound(token) | (self.speakers(quote) if quote else set())
        for passed_over in (excluded | self.relatives, excluded):
            found = self.by_rules(token, quote, lambda c, skip=passed_over: c is not None
                                  and c.gender in (None, gender) and c.id not in skip)
            if found is not None:
                return found
        return None

    def by_rules(self, token: Token, quote: tuple[int, int] | None, ok) -> Cluster | None:
        """Rules 0-6 of the module docstring, the first person ``ok`` accepts."""
        target = self.coerced(token)
        if ok(target):
            return target
        parallel = self.parallel_object(token)
        if ok(parallel):
            return parallel
        for subject in self.clause_subjects(token):
            if ok(subject) and (subject.first() < token.i or token.dep_ == "poss"):
                return subject
        sent = token.sent
        in_sentence = [c for i in range(sent.start, token.i) if (c := self.person(i)) is not None and ok(c)]
        if in_sentence:
            return in_sentence[0]
        previous = self.previous_subject(token)
        if ok(previous):
            return previous
        earlier = next((c for i in range(token.i - 1, -1, -1) if ok(c := self.person(i))), None)
        if earlier is not None or quote is None:
            return earlier
        return next((c for i in range(quote[1], sent.end) if ok(c := self.person(i))), None)

    def unnamed_relative(self, token: Token, gender: str) -> bool:
        """"Elian's father said that he wants ...": the nearest clause above whose subject is a person is about a
        relative the text has not named, who is the pronoun, not the person the relative is named by."""
        node = token
        while node.head.i != node.i:
            node = node.head
            for subject in (c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i != token.i):
                if self.referent(subject) is not None:
                    return False
                lemma = subject.lemma_.lower()
                if lemma in KINSHIP and any(c.dep_ == "poss" for c in subject.children):
                    return kin_gender(lemma) in (None, gender)
        return False

    def coerced(self, token: Token) -> Cluster | None:
        """Rule 0: the person a threat or pressure is aimed at, when ``token`` is the subject of its condition."""
        verb = token.head
        if token.dep_ not in {"nsubj", "nsubjpass"} or verb.dep_ != "advcl" \
                or not any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in verb.children):
            return None
        condition = {t.i for t in verb.subtree}
        for word in verb.head.subtree:
            if word.i in condition or word.lemma_.lower() not in COERCION:
                continue
            targets = [c for c in word.children if c.dep_ == "dobj"]
            targets += [g for c in word.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
                        for g in c.children if g.dep_ == "pobj"]
            found = next((p for t in targets if (p := self.person(t.i))), None)
            if found is not None:
                return found
        return None

    def parallel_object(self, token: Token) -> Cluster | None:
        """Rule 1b: an object pronoun of a verb coordinated with an earlier verb is that verb's person object
        ("congratulated Trump ... and warned him" -> Trump)."""
        verb = token.head
        if token.dep_ not in {"dobj", "dative"} or verb.dep_ != "conj" or verb.head.i >= verb.i:
            return None
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            return None  # a new subject: a new clause, not a shared one
        return next((found for c in verb.head.children if c.dep_ in {"dobj", "dative"}
                     and (found := self.person(c.i)) is not None), None)

    # -- direct quotes ------------------------------------------------------------------------------------
    def quote_of(self, i: int) -> tuple[int, int] | None:
        return next((q for q in self.quotes if q[0] <= i < q[1]), None)

    def speakers(self, quote: tuple[int, int]) -> set[str]:
        """Named (or already resolved) subjects outside the quote in the sentences the quote marks touch."""
        sents = {self.doc[quote[0] - 1].sent.start: self.doc[quote[0] - 1].sent}
        if quote[1] < len(self.doc):
            sents.setdefault(self.doc[quote[1]].sent.start, self.doc[quote[1]].sent)
        out = set()
        for sent in sents.values():
            for token in sent:
                if token.dep_ in {"nsubj", "nsubjpass"} and not quote[0] <= token.i < quote[1] \
                        and (c := self.person(token.i)):
                    out.add(c.id)
        return out

    def subject_of(self, verb: Token, other_than: Token) -> Cluster | None:
        """The verb's person subject; the parser may give a fronted description its own subject arc ("The
        daughter of X, Suu Kyi enjoyed": both "daughter" and "Kyi"), so the first subject that is a person."""
        return next((found for child in verb.children if child.dep_ in {"nsubj", "nsubjpass"}
                     and child.i != other_than.i and (found := self.referent(child)) is not None), None)

    def referent(self, subject: Token) -> Cluster | None:
        """The person a subject names; a relative pronoun names the person its clause describes ("Murphy, a former
        aide who accompanied her": "who" is Murphy, through the apposition)."""
        noun = subject.head.head if subject.lower_ in RELATIVE and subject.head.dep_ == "relcl" else subject
        return self.person(noun.i) or (self.person(noun.head.i) if noun.dep_ == "appos" else None)

    def clause_subjects(self, token: Token) -> list[Cluster]:
        """Person subjects of the clauses above ``token`` in its sentence, innermost first."""
        out, node = [], token
        while node.head.i != node.i:
            node = node.head
            subject = self.subject_of(node, token)
            if subject is not None:
                out.append(subject)
        return out

    def bound(self, token: Token) -> set[str]:
        """Clusters an object pronoun cannot be: the subject of its clause, or of the clause controlling it."""
        if token.dep_ not in OBJECT_DEPS or token.lower_.endswith("self"):
            return set()
        node = token
        while node.head.i != node.i:
            if node.dep_ == "xcomp" and (controller := self.object_controller(node)) is not None:
                return {controller.id}
            node = node.head
            has_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children)
            if has_subject:
                subject = self.subject_of(node, token)
                return {subject.id} if subject else set()
            if node.tag_ in FINITE:
                break
        return set()

    def object_controller(self, verb: Token) -> Cluster | None:
        """The person object of the verb a non-finite clause depends on, who does its action ("invited him to
        visit her": "him" visits, so "her" is not him)."""
        return next((found for c in verb.head.children if c.dep_ in {"dobj", "dative"} and c.i < verb.i
                     and (found := self.person(c.i)) is not None), None)

    def previous_subject(self, token: Token) -> Cluster | None:
        sent = token.sent
        if sent.start == 0:
            return None
        previous = self.doc[sent.start - 1].sent
        while previous.text.strip() == "" and previous.start > 0:
            previous = self.doc[previous.start - 1].sent
        subject = self.subject_of(previous.root, token)
        return subject or next((c for i in range(previous.start, previous.end) if (c := self.person(i))), None)
