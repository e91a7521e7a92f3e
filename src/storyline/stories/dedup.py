"""Copies and rewrites: MinHash/LSH over words and shingles, confirmed by agreement of actors and quotes.

    copy      3-word shingles overlap (Jaccard ≥ COPY_JACCARD): a syndicated or lightly edited copy
    rewrite   the content words overlap (Jaccard ≥ REWRITE_JACCARD), some shingles survive (≥ REWRITE_SHINGLES),
              and the actors and quotes agree: a paraphrase that keeps the facts and quotes

A copy or rewrite is linked to the earliest known version (the root of its candidate's own link), and a quote
that a copy changes — same speaker, same occasion, different words — is reported in ``Link.quote_changes``.
Candidates come from an LSH index (datasketch) over the content-word MinHash, so a look-up costs the same
whatever the number of articles indexed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from datasketch import MinHash, MinHashLSH

from ..models import Document
from .text import content_terms, jaccard, quoted_passages, shingles, words

NUM_PERM = 128
SEED = 7
LSH_THRESHOLD = 0.3
COPY_JACCARD = 0.5
REWRITE_JACCARD = 0.4
REWRITE_SHINGLES = 0.15  # a paraphrase keeps some runs of three words; two outlets reporting the same news do not
ACTOR_AGREEMENT = 0.5
QUOTE_SAME = 0.9  # quote word overlap at or above this: the same quote
QUOTE_ALIGNED = 0.3  # ...between this and QUOTE_SAME: the same quote, reworded


@dataclass(frozen=True)
class QuoteKey:
    speaker: str | None
    text: str
    words: frozenset[str]


@dataclass
class Profile:
    """What a candidate copy is checked against, kept in memory for warm articles."""

    id: str
    words: MinHash
    shingles: MinHash
    actors: frozenset[str]
    quotes: tuple[QuoteKey, ...]


@dataclass(frozen=True)
class Link:
    copy_of: str
    kind: str  # copy | rewrite
    words: float
    shingles: float
    quote_changes: tuple[dict, ...] = ()

    def to_data(self) -> dict:
        return {"copy_of": self.copy_of, "kind": self.kind, "words": round(self.words, 3),
                "shingles": round(self.shingles, 3), "quote_changes": list(self.quote_changes)}


def _minhash(items: set[str]) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=SEED)
    mh.update_batch([i.encode("utf-8") for i in sorted(items)])
    return mh


def _speaker(name: str | None) -> str | None:
    tokens = content_terms(name or "")
    return tokens[-1] if tokens else None


def _quotes(doc: Document) -> tuple[QuoteKey, ...]:
    found = [QuoteKey(_speaker(q.speaker_name), q.text, frozenset(words(q.text)))
             for q in doc.quotes if q.kind == "direct"]
    if not found:  # no quote extraction: the passages between quotation marks, speaker unknown
        found = [QuoteKey(None, text, frozenset(words(text))) for _, _, text in quoted_passages(doc.text)]
    return tuple(found)


def _actors(doc: Document) -> frozenset[str]:
    keys = set()
    for entity in doc.entities:
        if entity.type.upper() in ("PERSON", "ORG", "NORP", "GPE"):
            name = content_terms(entity.name)
            if name:
                keys.add(entity.knowledge_id or name[-1])
    return frozenset(keys)


def profile(doc: Document) -> Profile:
    return Profile(id=doc.id, words=_minhash(set(content_terms(doc.text))), shingles=_minhash(shingles(doc.text)),
                   actors=_actors(doc), quotes=_quotes(doc))


def _same_speaker(a: QuoteKey, b: QuoteKey) -> bool:
    return a.speaker is None or b.speaker is None or a.speaker == b.speaker


def quote_changes(new: Profile, old: Profile) -> tuple[dict, ...]:
    """Quotes of ``new`` that reword a quote of ``old`` by the same speaker."""
    changes = []
    for quote in new.quotes:
        pairs = [(jaccard(quote.words, o.words), o) for o in old.quotes if _same_speaker(quote, o)]
        if not pairs:
            continue
        overlap, original = max(pairs, key=lambda p: p[0])
        if QUOTE_ALIGNED <= overlap < QUOTE_SAME:
            changes.append({"speaker": quote.speaker or original.speaker, "original": original.text,
                            "changed": quote.text, "overlap": round(overlap, 3), "original_article": old.id})
    return tuple(changes)


def _quotes_agree(new: Profile, old: Profile) -> bool:
    if not new.quotes or not old.quotes:
        return True
    aligned = sum(1 for q in new.quotes
                  if any(jaccard(q.words, o.words) >= QUOTE_ALIGNED for o in old.quotes if _same_speaker(q, o)))
    return aligned * 2 >= min(len(new.quotes), len(old.quotes))


def _actors_agree(new: Profile, old: Profile) -> bool:
    if len(new.actors) < 2 or len(old.actors) < 2:
        return True
    return jaccard(new.actors, old.actors) >= ACTOR_AGREEMENT


def compare(new: Profile, old: Profile) -> Link | None:
    """The link from ``new`` to ``old`` when ``new`` copies or rewrites it, else None."""
    word_overlap = new.words.jaccard(old.words)
    shingle_overlap = new.shingles.jaccard(old.shingles)
    if shingle_overlap >= COPY_JACCARD:
        kind = "copy"
    elif (word_overlap >= REWRITE_JACCARD and shingle_overlap >= REWRITE_SHINGLES
          and _actors_agree(new, old) and _quotes_agree(new, old)):
        kind = "rewrite"
    else:
        return None
    return Link(old.id, kind, word_overlap, shingle_overlap, quote_changes(new, old))


@dataclass
class Deduper:
    """LSH over the warm articles' content-word MinHashes, with their profiles and links to earliest versions."""

    lsh: MinHashLSH = field(default_factory=lambda: MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM))
    profiles: dict[str, Profile] = field(default_factory=dict)
    roots: dict[str, str] = field(default_factory=dict)

    def find(self, new: Profile) -> Link | None:
        """The best link for ``new`` among indexed articles: copies before rewrites, then by overlap."""
        links = [link for key in sorted(self.lsh.query(new.words)) if key != new.id
                 if (link := compare(new, self.profiles[key]))]
        if not links:
            return None
        best = max(links, key=lambda l: (l.kind == "copy", l.shingles, l.words, l.copy_of))
        root = self.roots.get(best.copy_of, best.copy_of)
        return Link(root, best.kind, best.words, best.shingles, best.quote_changes)

    def add(self, item: Profile, copy_of: str | None = None) -> None:
        if item.id in self.profiles:
            return
        self.lsh.insert(item.id, item.words)
        self.profiles[item.id] = item
        if copy_of:
            self.roots[item.id] = copy_of

    def remove(self, article_id: str) -> None:
        if self.profiles.pop(article_id, None) is not None:
            self.lsh.remove(article_id)
        self.roots.pop(article_id, None)
