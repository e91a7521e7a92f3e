"""Split repair: the two groups a story's members fall into, and what a split changed.

An online clusterer that merges two incidents of the same kind early (two earthquakes, two rehab stays) keeps
them merged: the second incident's articles then find the merged story the best match. ``StoryIndex`` therefore
looks again at a small story each time it takes an article: it divides the members in two by average link over
their pairwise similarities (``halves``) and, when the halves are far apart and conflict on identity marks, parts
them (cluster.py says when).
"""
from __future__ import annotations

from dataclasses import dataclass

from .story import Story


@dataclass(frozen=True)
class Split:
    """A story parted in two: ``kept`` keeps its id and earliest member, ``new`` took ``moved`` (the articles
    already stored in the story that now belong to ``new``, copies included)."""

    kept: Story
    new: Story
    moved: tuple[str, ...]


def halves(similarity: list[list[float]]) -> tuple[list[int], list[int]]:
    """Indices of the two groups that average-link agglomeration ends with; the first holds index 0.

    Groups are merged most-similar pair first, where a pair's similarity is the mean over their members' pairs,
    until two are left. Work is cubic in the number of members, which ``SPLIT_MEMBERS`` bounds.
    """
    groups: dict[int, list[int]] = {k: [k] for k in range(len(similarity))}
    total = {(p, q): similarity[p][q] for p in groups for q in groups if p < q}  # summed over members' pairs
    while len(groups) > 2:
        p, q = max(total, key=lambda pq: total[pq] / (len(groups[pq[0]]) * len(groups[pq[1]])))
        groups[p] += groups.pop(q)
        for r in groups:
            if r != p:
                total[min(p, r), max(p, r)] += total[min(q, r), max(q, r)]
        total = {pq: value for pq, value in total.items() if q not in pq}
    first, second = sorted(groups.values(), key=min)
    return first, second
