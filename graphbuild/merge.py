"""Cross-article actor merging: one node per real-world actor across all articles.

Actors of different articles are the same node when they share a canonical
name, or when one's multi-word alias or acronym is the other's name. Two more
joins need the whole corpus to be safe, and take them only when unambiguous:

* a person known in some article only by a surname ("Blair", from "Mr Blair")
  joins the one person whose full name ends with it ("Tony Blair"); with two
  such people ("Tony Blair", "Lionel Blair") it joins neither;
* an organization known only by an acronym ("WHO") joins the one organization
  whose long name has those initials ("World Health Organization").

Merging is by index (dicts from normalized name to group), so it is linear in
the number of actors, never all-pairs. Single-word aliases (a bare surname)
never merge across articles by themselves: "Brown" in one article need not be
"Brown" in another.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .names import acronym_key, acronyms_of, is_acronym, name_key
from .records import ORGANIZATION, PERSON, ArticleResult

__all__ = ["MergedActor", "merge_actors", "name_key"]

#: Acronyms shorter than this are too ambiguous to join a long name across articles ("UN" is fine
#: within an article; across a corpus two letters stand for too much).
MIN_CROSS_ACRONYM = 3


def _strong(name: str) -> bool:
    """Whether a surface form is specific enough to merge on across articles."""
    return len(name.split()) > 1 or is_acronym(name)


@dataclass(slots=True)
class MergedActor:
    """One node of the whole graph: every article's view of one actor."""

    label: str = ""
    type: str = ""
    subtype: str = ""
    aliases: set[str] = field(default_factory=set)
    mention_count: int = 0
    type_votes: Counter = field(default_factory=Counter)
    subtype_votes: Counter = field(default_factory=Counter)
    label_votes: Counter = field(default_factory=Counter)
    articles: list[str] = field(default_factory=list)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: list[int] = []

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _join_unambiguous(actors: list, uf: _UnionFind, by_name: dict[str, int]) -> None:
    """Bare surnames to the one full name ending so, bare acronyms to the one long name they spell."""
    surname_of: dict[str, set[int]] = {}
    acronym_of: dict[str, set[int]] = {}
    for node, actor in enumerate(actors):
        words = actor.label.split()
        if len(words) < 2:
            continue
        if actor.type == PERSON:
            surname_of.setdefault(name_key(words[-1]), set()).add(node)
        elif actor.type == ORGANIZATION:
            for acronym in acronyms_of(actor.label):
                acronym_of.setdefault(acronym, set()).add(node)
    for node, actor in enumerate(actors):
        if " " in actor.label.strip():
            continue
        if actor.type == PERSON:
            hits = surname_of.get(name_key(actor.label), set())
        elif actor.type == ORGANIZATION and is_acronym(actor.label) \
                and len(acronym_key(actor.label)) >= MIN_CROSS_ACRONYM:
            hits = acronym_of.get(acronym_key(actor.label), set())
        else:
            continue
        groups = {uf.find(hit) for hit in hits}
        if len(groups) == 1:
            uf.union(node, groups.pop())


def merge_actors(results: Iterable[ArticleResult]) -> tuple[list[MergedActor], dict[tuple[str, str], int]]:
    """Group the actors of all articles into global actors.

    Args:
        results: every article's resolved actors.

    Returns:
        The merged actors, and a map from (article id, actor key) to the index
        of its merged actor.
    """
    results = list(results)
    uf = _UnionFind()
    by_name: dict[str, int] = {}
    local: list[tuple[str, str]] = []
    actors = []
    for result in results:
        for actor in result.actors:
            node = uf.add()
            local.append((result.article.id, actor.key))
            actors.append(actor)
            label_key = name_key(actor.label)
            if label_key in by_name:
                uf.union(node, by_name[label_key])
            else:
                by_name[label_key] = node
    # Strong aliases join an actor to the group that carries that name as its label.
    for node, actor in enumerate(actors):
        for alias in actor.aliases:
            if _strong(alias) and (hit := by_name.get(name_key(alias))) is not None:
                uf.union(node, hit)
    _join_unambiguous(actors, uf, by_name)

    groups: dict[int, int] = {}
    merged: list[MergedActor] = []
    index: dict[tuple[str, str], int] = {}
    for node, actor in enumerate(actors):
        root = uf.find(node)
        if root not in groups:
            groups[root] = len(merged)
            merged.append(MergedActor())
        m = merged[groups[root]]
        weight = max(1, len(actor.mentions))
        m.mention_count += len(actor.mentions)
        m.type_votes[actor.type] += weight
        if actor.subtype:
            m.subtype_votes[actor.subtype] += weight
        m.label_votes[actor.label] += weight
        m.aliases.update(actor.aliases)
        m.articles.append(local[node][0])
        index[local[node]] = groups[root]
    for m in merged:
        m.type = m.type_votes.most_common(1)[0][0]
        m.subtype = m.subtype_votes.most_common(1)[0][0] if m.subtype_votes else ""
        # The canonical label is the fullest form: most words, then most used, then alphabetical.
        m.label = max(m.label_votes, key=lambda s: (len(s.split()), m.label_votes[s], s))
        m.aliases.update(m.label_votes)
        m.aliases.discard(m.label)
    return merged, index
