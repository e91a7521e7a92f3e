"""Roles and affiliations of named people, read from the words around the name.

- pre-modifiers: "U.S. President Donald Trump" -> role "President", country USA; "Russian leader Vladimir
  Putin" -> "leader", RUS; "his special envoy Steve Witkoff" -> "special envoy", and the possessor "his"
  (whose country the envoy shares, once coreference has said who "his" is); the whole title sequence is the
  name's, party, institution and compound words included ("Senate Republican leader", "press secretary");
- appositions: "Steve Witkoff, the special envoy," and "the special envoy, Steve Witkoff";
- gender: a gendered word about the name ("Mrs", "congressman", "X, the daughter of ...") gives it;
- kinship: "the daughter of X" names X as another person than the one it describes.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..resolve.codes import country_code, demonym_country, sector_of

ROLE_NOUNS = {
    "president", "leader", "envoy", "minister", "secretary", "chancellor", "premier", "king", "queen", "prince",
    "spokesman", "spokeswoman", "spokesperson", "ambassador", "governor", "mayor", "senator", "general",
    "commander", "chairman", "chairwoman", "chair", "ceo", "chief", "director", "head", "official", "adviser",
    "advisor", "diplomat", "negotiator", "representative", "congressman", "congresswoman", "lawmaker",
    "speaker", "dictator", "emperor", "monarch", "pope", "ayatollah", "founder", "executive", "analyst",
    "predecessor", "successor", "counterpart", "candidate", "nominee", "judge", "justice", "attorney",
}
ROLE_ADJECTIVES = {"special", "foreign", "prime", "deputy", "vice", "chief", "top", "senior", "acting", "former",
                   "defense", "defence", "interior", "finance", "supreme", "national", "security", "state",
                   "executive", "general", "military", "presidential", "white", "house", "lead", "new"}
POSSESSIVE_PRONOUNS = {"his", "her", "their", "its"}
KINSHIP = {"daughter", "son", "father", "mother", "widow", "widower", "wife", "husband", "brother", "sister",
           "granddaughter", "grandson", "grandfather", "grandmother", "niece", "nephew", "aunt", "uncle", "cousin",
           "child", "parent", "heir"}
_FEMALE = {"mrs", "mrs.", "ms", "ms.", "miss", "madam", "madame", "dame", "lady", "daughter", "mother", "wife",
           "widow", "sister", "granddaughter", "grandmother", "niece", "aunt", "queen", "princess", "empress",
           "duchess", "chairwoman", "congresswoman", "spokeswoman", "businesswoman", "councilwoman", "actress",
           "girlfriend"}
_MALE = {"mr", "mr.", "sir", "lord", "son", "father", "husband", "widower", "brother", "grandson", "grandfather",
         "nephew", "uncle", "king", "prince", "emperor", "duke", "congressman", "councilman", "businessman",
         "boyfriend"}  # not "chairman", "spokesman": also said of women
GENDERED = {**{w: "female" for w in _FEMALE}, **{w: "male" for w in _MALE}}


@dataclass
class RoleInfo:
    role: str | None = None
    country: str | None = None
    possessor: int | None = None  # token index of "his"/"her" owning the role
    start: int | None = None  # first token of the title words (for token_entity)
    role_tokens: tuple[int, ...] = ()


def is_role_noun(token: Token) -> bool:
    word = token.lower_
    return token.pos_ in {"NOUN", "PROPN"} and (word in ROLE_NOUNS or bool(sector_of(word) and word not in
                                                                               {"forces", "army", "police"}))


def affiliation(token: Token) -> str | None:
    """The country a modifier word names ("U.S.", "Russian", "Ukraine's")."""
    return demonym_country(token.text) or country_code(token.text)


def premodifiers(doc: Doc, name_start: int, sent_start: int, people: frozenset[int] = frozenset()) -> RoleInfo:
    """Title words before a name: role, country and possessor, scanning leftwards (never into another person's
    name, token indices ``people``)."""
    info, role_tokens, i = RoleInfo(), [], name_start - 1
    while i >= sent_start:
        token = doc[i]
        if is_role_noun(token) or (role_tokens and token.lower_ in ROLE_ADJECTIVES):
            role_tokens.insert(0, i)
        elif (iso := affiliation(token)) and not info.country:
            info.country = iso
        elif token.text in {"'s", "’s"} and i - 1 >= sent_start and affiliation(doc[i - 1]):
            info.country = affiliation(doc[i - 1])
            i -= 1
        elif token.lower_ in POSSESSIVE_PRONOUNS and role_tokens:
            info.possessor = i
            break
        elif role_tokens and title_modifier(token, role_tokens) and i not in people:
            role_tokens.insert(0, i)
        else:
            break
        info.start = i
        i -= 1
    return _with_role(doc, info, role_tokens)


def title_modifier(token: Token, role_tokens: list[int]) -> bool:
    """A word modifying the title, so part of it: a party or an institution ("Senate Republican leader"), a
    noun compound ("press secretary")."""
    return token.i + 1 in role_tokens and token.head.i in role_tokens \
        and (token.dep_ == "compound" or (token.dep_ in {"amod", "nmod"} and token.text[:1].isupper()))


def _with_role(doc: Doc, info: RoleInfo, role_tokens: list[int]) -> RoleInfo:
    if role_tokens:
        info.role = " ".join(doc[i].text for i in role_tokens)
        info.role_tokens = tuple(role_tokens)
    return info


def role_phrase(doc: Doc, head: Token) -> RoleInfo:
    """Role, country and possessor of a role noun phrase headed by ``head`` ("the U.S. president")."""
    info, role_tokens = RoleInfo(start=head.left_edge.i), [head.i]
    for child in head.lefts:
        if child.lower_ in POSSESSIVE_PRONOUNS:
            info.possessor = child.i
        elif (iso := affiliation(child)) or (child.dep_ == "poss" and (iso := affiliation(child))):
            info.country = iso
        elif child.lower_ in ROLE_ADJECTIVES or is_role_noun(child):
            role_tokens.append(child.i)
        for grand in child.lefts:  # "the country's president"
            if (iso := affiliation(grand)) and not info.country:
                info.country = iso
    return _with_role(doc, info, sorted(role_tokens))


def apposition(doc: Doc, name_head: Token) -> RoleInfo:
    """A role noun in apposition to the name, on either side."""
    for child in name_head.children:
        if child.dep_ == "appos" and is_role_noun(child):
            return role_phrase(doc, child)
    if name_head.dep_ == "appos" and is_role_noun(name_head.head):
        return role_phrase(doc, name_head.head)
    return RoleInfo()


def gender_cue(doc: Doc, start: int, end: int) -> str | None:
    """The gender a gendered word about the name [start, end) gives: a title before it ("Mrs", "congressman",
    "his wife"), a noun in apposition ("X, the chairwoman of ..."), a copular predicate ("X is the son of ...")
    or a fronted description the parser makes a second subject ("The daughter of Y, X enjoyed ...")."""
    root = doc[start:end].root
    words = [doc[start]] + ([doc[start - 1]] if start > 0 else [])
    words += [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    if root.dep_ in {"nsubj", "nsubjpass"}:
        words += [c for c in root.head.children if c.dep_ in {"attr", "nsubj", "nsubjpass"} and c.i != root.i]
    return next((GENDERED[w.lower_] for w in words if w.lower_ in GENDERED), None)


def kin_gender(word: str) -> str | None:
    """"father" -> male, "widow" -> female, "cousin" -> None."""
    return "male" if word in _MALE else "female" if word in _FEMALE else None


def kin_object(doc: Doc, start: int, end: int) -> bool:
    """The name [start, end) is the relative in a kinship phrase ("the daughter of Aung San"): another person
    than the one the phrase describes, however much of their names they share."""
    root = doc[start:end].root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in KINSHIP


def person_roles(doc: Doc, start: int, end: int, people: frozenset[int] = frozenset()) -> RoleInfo:
    """Roles of the person named by tokens [start, end): pre-modifiers first, then an apposition."""
    sent_start = doc[start].sent.start
    info = premodifiers(doc, start, sent_start, people)
    if info.role:
        return info
    return apposition(doc, doc[start:end].root)
