"""Names the model left untagged or half-tagged, recovered by document-level rules after ``collect``.

Rules, in the order they run:
- clean-up: a nationality adjective the model tagged ("European aircraft") is a demonym, not a name; a person
  or place name does not start with a digit ("140bn");
- organisation runs: a run of capitalised proper nouns is one ORG name when it ends in a corporate word
  ("Boeing Commercial Airplanes", "Douglas Aircraft", "Acme Corp.") or starts with "Air" ("Air China"; only
  "Air" and the name after it: "Air France" in "Air France Flight"); it replaces the pieces the model or the
  place tables found inside it ("China" in "Air China");
- organisation cues: a proper-noun run no table knows (untagged, or a bare model guess) is an ORG after an organisation noun ("the company Zorbix",
  "chipmaker Zorbix"), after "<place>-based" ("Dublin-based Zorbix") or after "<executive title> of"
  ("chief executive of Zorbix", "CEO of Zorbix");
- acronyms: an untagged all-capital word in brackets right after a name is that name's acronym and takes its
  label when the initials match or the name is an organisation ("the United States Air Force (USAF)");
- repeats: a name tagged once names the same thing wherever else it is written the same way in the document
  ("Cisco" tagged ORG once: every other untagged "Cisco" is that ORG); a tagged person's surname counts as their
  name ("Jusman Syafii Djamal" ... "Djamal quoted as saying").
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..resolve.identity import acronym
from .actor_spans import ACTOR_LABELS, ORG_NOUNS, Cand, _non_overlapping

ORG_SUFFIXES = {
    "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.", "llc", "plc", "ag", "gmbh", "sa",
    "group", "holdings", "company", "airways", "airlines", "aircraft", "airplanes", "aerospace", "aviation",
    "motors", "systems", "technologies", "technology", "industries", "electronics", "communications",
    "computer", "computers", "software", "networks", "labs", "laboratories", "pharmaceuticals", "partners",
    "ventures", "securities", "entertainment", "studios", "pictures", "records", "telecom",
}
ORG_PREFIXES = {"air"}
EXECUTIVE_TITLES = {"ceo", "cfo", "coo", "cto", "chairman", "chairwoman", "founder", "co-founder", "president",
                    "executive", "head", "director", "owner", "spokesman", "spokeswoman", "spokesperson",
                    "employee", "employees", "officer", "boss", "chief"}
CUE_NOUNS = ORG_NOUNS | {"maker", "chipmaker", "automaker", "carmaker", "retailer", "rival", "competitor",
                         "supplier", "startup", "start-up", "giant", "conglomerate", "corporation", "operator"}


def _name_token(token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and any(c.isalpha() for c in token.text)


def propn_runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of capitalised proper nouns within a sentence, as token ranges [start, end)."""
    runs, start = [], None
    for token in doc:
        inside = _name_token(token) or (start is not None and token.lower_ in ORG_SUFFIXES
                                         and token.text[:1].isupper())
        if inside and start is not None and token.is_sent_start:
            runs.append((start, token.i))
            start = token.i
        elif inside and start is None:
            start = token.i
        elif not inside and start is not None:
            runs.append((start, token.i))
            start = None
    if start is not None:
        runs.append((start, len(doc)))
    return runs


def _corporate_end(doc: Doc, start: int, end: int, inside: list[Cand]) -> int | None:
    """End of the organisation name a run spells: the whole run before a corporate word, "Air" and the name
    after it ("Air France" in "Air France Flight"); None when the run has no corporate word."""
    if end - start >= 2 and doc[end - 1].lower_ in ORG_SUFFIXES:
        return end
    if end - start >= 2 and doc[start].lower_ in ORG_PREFIXES:
        return max((c.end for c in inside if c.start == start + 1), default=start + 2)
    return None


def _cued(doc: Doc, start: int) -> bool:
    """An organisation cue right before the run: noun, "-based" or "<title> of"."""
    if start == 0:
        return False
    before = doc[start - 1]
    if before.lower_ in CUE_NOUNS or before.lower_.endswith("-based"):
        return True
    if before.lower_ == "based" and start >= 2 and doc[start - 2].text == "-":
        return True
    return before.lower_ == "of" and start >= 2 and doc[start - 2].lower_ in EXECUTIVE_TITLES


def org_runs(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Corporate-word runs replace the candidates inside them; cued runs become (or are retyped) ORG."""
    taken = {i: c for c in cands for i in range(c.start, c.end)}
    drop, out = set(), []
    for start, end in propn_runs(doc):
        inside = list({id(c): c for i in range(start, end) if (c := taken.get(i))}.values())
        if any(c.start < start or c.end > end for c in inside):
            continue  # a candidate crosses the run's edge: leave the model's reading
        org_end = _corporate_end(doc, start, end, inside)
        within = [c for c in inside if c.start < (org_end or end)]
        if org_end and not any(c.actor and c.label == "ORG" for c in within):
            drop |= {id(c) for c in within}
            out.append(Cand(start, org_end, "ORG"))
        elif _cued(doc, start) and all(_retypable(c, start, end) for c in inside):
            drop |= {id(c) for c in inside}
            out.append(Cand(start, end, "ORG"))
    return [c for c in cands if id(c) not in drop] + out


def _retypable(cand: Cand, start: int, end: int) -> bool:
    """A model guess over the whole run that no table backs ("chief executive of Zorbix" read as a place)."""
    return (cand.start, cand.end) == (start, end) and cand.actor is None and cand.country is None \
        and cand.kind == "name"


def acronym_cands(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"Name (ACR)": the bracketed all-capital word takes the name's label."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    before = {c.end: c for c in cands}
    out = []
    for token in doc[2:-1]:
        i = token.i
        if i in taken or not _all_caps(token.text) or doc[i - 1].text != "(" or doc[i + 1].text != ")":
            continue
        name = before.get(i - 1)
        if name and (name.label == "ORG" or acronym(doc[name.start:name.end].text) == token.text):
            out.append(Cand(i, i + 1, name.label, actor=name.actor, country=name.country))
    return out


def _all_caps(text: str) -> bool:
    return 2 <= len(text) <= 8 and text.isalpha() and text.isupper()


def _forms(doc: Doc, cands: list[Cand]) -> dict[tuple[str, ...], Cand]:
    """Written forms of tagged names (and of person surnames) -> the candidate they copy."""
    forms: dict[tuple[str, ...], Cand] = {}
    for c in cands:
        if c.kind != "name" or c.label not in ACTOR_LABELS or c.capital:
            continue
        words = tuple(t.text for t in doc[c.start:c.end] if t.lower_ not in {"the", "a", "an"})
        if words and any(w[:1].isupper() for w in words):
            forms.setdefault(words, c)
        if c.label == "PERSON" and len(words) >= 2 and words[-1][:1].isupper():
            forms.setdefault(words[-1:], c)
    return forms


def repeat_cands(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Untagged occurrences of a tagged name, written the same way, with the same label and knowledge."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    texts = [t.text for t in doc]
    at: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        at.setdefault(text, []).append(i)
    out = []
    for words, source in sorted(_forms(doc, cands).items(), key=lambda kv: -len(kv[0])):
        n = len(words)
        for i in at.get(words[0], ()):
            span = range(i, i + n)
            if any(j in taken for j in span) or tuple(texts[i:i + n]) != words:
                continue
            if not _standalone(doc, i, i + n):
                continue
            out.append(Cand(i, i + n, source.label, kind=source.kind, actor=source.actor, country=source.country,
                            sector=source.sector))
            taken.update(span)
    return out


def _standalone(doc: Doc, start: int, end: int) -> bool:
    """The words are a name here: a proper noun, or capitalised and not opening the sentence."""
    first = doc[start]
    return any(t.pos_ == "PROPN" for t in doc[start:end]) or not first.is_sent_start


def _descriptor(doc: Doc, cand: Cand) -> Cand:
    """A nationality adjective ("European aircraft") describes, it does not name: a demonym, not a name."""
    token = doc[cand.start]
    if cand.label == "NORP" and cand.end - cand.start == 1 and token.tag_ == "JJ" and token.dep_ == "amod":
        cand.kind = "demonym"
    return cand


def _plausible(doc: Doc, cand: Cand) -> bool:
    """A person or place name does not start with a digit ("140bn" is not a PERSON)."""
    return not (cand.label in {"PERSON", "GPE", "LOC"} and doc[cand.start].text[:1].isdigit())


def recover(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """``cands`` with the recovered names added, none overlapping, in text order."""
    cands = [_descriptor(doc, c) for c in cands if _plausible(doc, c)]
    cands = org_runs(doc, cands)
    cands = cands + acronym_cands(doc, cands)
    cands = cands + repeat_cands(doc, cands)
    return _non_overlapping(cands)
