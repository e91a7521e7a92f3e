"""One identity per actor: which names are the same person or organisation, and a key stable across articles.

Rules (each explainable from the two names alone):
- spelling variants fold together: accents and case are ignored and a Slavic ending -yy/-iy/-i/-y is one ending
  (Zelensky = Zelenskyy = Zelenskiy);
- a one-word person name is the surname (last word) of a fuller name in the document, or its first name
  when exactly one fuller name starts with it;
- a name of two or more words is a fuller name's trailing words ("Suu Kyi" of "Aung San Suu Kyi"); its leading
  words alone ("Aung San") are not the same person (another of the family, often a parent);
- an all-capital organisation name is the acronym of a fuller one (GAO = Government Accountability Office).

``entity_key(entity)`` is the identity to use across articles: the knowledge id when the actor is known
("donald-trump", "country:RUS"), else the type and the folded canonical name ("PERSON:steve witkoff").
"""
from __future__ import annotations

import re

from ..models import Entity
from .knowledge import alias_key

STOP_WORDS = {"of", "the", "and", "for", "&", "de", "du", "la"}
GENERATIONS = {"jr", "sr", "ii", "iii", "iv"}
_SLAVIC = re.compile(r"(iy|yy|ii|y|i)$")


def word_key(word: str) -> str:
    """A single name word folded for comparison (Zelenskyy -> zelensk)."""
    key = alias_key(word).replace(" ", "")
    return _SLAVIC.sub("", key) if len(key) > 5 else key


def name_key(name: str) -> str:
    """A whole name folded for comparison, word by word."""
    return " ".join(word_key(w) for w in alias_key(name).split())


def same_word(a: str, b: str) -> bool:
    return bool(a) and word_key(a) == word_key(b)


def acronym(name: str) -> str:
    """Initials of the capitalised content words ("Government Accountability Office" -> "GAO")."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in STOP_WORDS]
    return "".join(w[0] for w in words if w[0].isupper())


def is_acronym_of(short: str, full: str) -> bool:
    bare = short.replace(".", "")
    return len(bare) >= 2 and bare.isupper() and len(full.split()) >= 2 and acronym(full) == bare


def person_match(short: str, full: str, first_name_unique: bool = False) -> bool:
    """True when a one-word person name ``short`` names the person called ``full``."""
    words = alias_key(full).split()
    if len(words) < 2 or len(alias_key(short).split()) != 1:
        return False
    if same_word(short, words[-1]):
        return True
    return first_name_unique and same_word(short, words[0])


def trailing_part(short: str, full: str) -> bool:
    """True when ``short`` (two or more words) is the last words of the longer name ``full``: names without a
    Western surname are shortened from the front ("Aung San Suu Kyi" -> "Suu Kyi")."""
    part, words = alias_key(short).split(), alias_key(full).split()
    return 2 <= len(part) < len(words) and all(same_word(a, b) for a, b in zip(part, words[-len(part):]))


def leading_part(short: str, full: str) -> bool:
    """True when ``short`` (two or more words) is the first words of the longer name ``full`` ("Aung San" of
    "Aung San Suu Kyi"): a relative's name, not a short form of the fuller one."""
    part, words = alias_key(short).split(), alias_key(full).split()
    while words and words[-1] in GENERATIONS:  # "Donald Trump" is not a part of "Donald Trump Jr."
        words.pop()
    return 2 <= len(part) < len(words) and all(same_word(a, b) for a, b in zip(part, words))


def fullest(names: list[str]) -> str:
    """The canonical form: most words, then longest, then first seen."""
    return max(enumerate(names), key=lambda p: (len(p[1].split()), len(p[1]), -p[0]))[1]


def entity_key(entity: Entity) -> str:
    """Identity across articles: knowledge id when known, else TYPE:folded canonical name."""
    return entity.knowledge_id or f"{entity.type}:{name_key(entity.name)}"
