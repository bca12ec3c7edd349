"""Cross-article actor merging: one node per real-world actor across all articles.

Actors of different articles are the same node when they share a canonical
name, or when one's multi-word alias or acronym is the other's name. Two more
joins need the whole corpus to be safe, and take them only when unambiguous:

* a person known in some article only by a surname ("Blair", from "Mr Blair")
  joins the one person whose full name ends with it ("Tony Blair"); with two
  such people it joins the one named ten times more often than the other, or
  neither;
* an organization known only by an acronym ("WHO") joins the organization
  whose long name has those initials ("World Health Organization"), by the
  same rule;
* an organization known only by one word ("Labour") joins the organization
  named by that word and a designator ("Labour Party", "Virgin Group"; see
  :data:`ORG_DESIGNATORS`), by the same rule.

Merging is by index (dicts from normalized name to group), so it is linear in
the number of actors, never all-pairs. Single-word aliases (a bare surname)
never merge across articles by themselves: "Brown" in one article need not be
"Brown" in another.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from networkx.utils import UnionFind
from .names import acronym_key, acronyms_of, is_acronym, name_key
from .records import ORGANIZATION, PERSON, ArticleResult

__all__ = ["MergedActor", "merge_actors", "name_key"]

#: Acronyms shorter than this are too ambiguous to join a long name across articles ("UN" is fine
#: within an article; across a corpus two letters stand for too much).
MIN_CROSS_ACRONYM = 3


#: Last words that add nothing to an organization's name but its kind: "Labour Party" is "Labour",
#: "Virgin Group" is "Virgin". (Not "News", "Office" or "United": Google News is not Google.)
ORG_DESIGNATORS = frozenset({"party", "group", "company", "co", "corporation", "corp", "inc", "ltd", "plc",
                             "llc", "holdings", "fc"})


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




def _label_key(actor) -> str:
    """The index key of an actor's label; a person's ignores middle initials ("George W. Bush")."""
    key = name_key(actor.label)
    if actor.type == PERSON:
        words = key.split()
        if len(words) > 2:
            key = " ".join([words[0], *(w for w in words[1:-1] if len(w) > 1 or not w.isalpha()), words[-1]])
    return key


#: A bare surname or acronym with several candidates joins the most mentioned one only when it is
#: named this many times more often than the next ("Blair": Tony Blair, not a rarely named Blair).
DOMINANT_RATIO = 10

#: A full name is the label when it has at least this share of the most used label's votes.
FULL_NAME_SHARE = 0.1


def _canonical_label(votes: Counter) -> str:
    """A full (multi-word) name before a bare one ("Tony Blair" over "Blair"), unless it is rare
    (one article's typo), then the most used, then the fullest, then alphabetical."""
    top = max(votes.values())
    full = [s for s in votes if len(s.split()) > 1 and votes[s] >= FULL_NAME_SHARE * top]
    return max(full or votes, key=lambda s: (votes[s], len(s.split()), s))


def _join_unambiguous(actors: list, uf: UnionFind, by_name: dict[str, int]) -> None:
    """Bare surnames to the full name ending so, bare acronyms to the long name they spell, bare
    organization names to the organization named so plus a designator ("Labour" to
    "Labour Party"), when one candidate dominates (:data:`DOMINANT_RATIO`)."""
    surname_of: dict[str, set[int]] = {}
    acronym_of: dict[str, set[int]] = {}
    short_of: dict[str, set[int]] = {}
    for node, actor in enumerate(actors):
        words = actor.label.split()
        if len(words) < 2:
            continue
        if actor.type == PERSON:
            surname_of.setdefault(name_key(words[-1]), set()).add(node)
        elif actor.type == ORGANIZATION:
            for acronym in acronyms_of(actor.label):
                acronym_of.setdefault(acronym, set()).add(node)
            if words[-1].lower().rstrip(".") in ORG_DESIGNATORS:  # "Labour Party", not "Google News"
                short_of.setdefault(name_key(" ".join(words[:-1])), set()).add(node)
    for node, actor in enumerate(actors):
        if " " in actor.label.strip():
            continue
        if actor.type == PERSON:
            hits = surname_of.get(name_key(actor.label), set())
        elif actor.type == ORGANIZATION and is_acronym(actor.label):
            if len(acronym_key(actor.label)) < MIN_CROSS_ACRONYM:
                continue
            hits = acronym_of.get(acronym_key(actor.label), set())
        elif actor.type == ORGANIZATION:
            hits = short_of.get(name_key(actor.label), set())
        else:
            continue
        weight: Counter = Counter()
        for hit in hits:
            weight[uf[hit]] += max(1, len(actors[hit].mentions))
        ranked = weight.most_common(2)
        if len(ranked) == 1 or (ranked and ranked[0][1] >= DOMINANT_RATIO * ranked[1][1]):
            uf.union(node, ranked[0][0])


def merge_actors(results: Iterable[ArticleResult]) -> tuple[list[MergedActor], dict[tuple[str, str], int]]:
    """Group the actors of all articles into global actors.

    Args:
        results: every article's resolved actors.

    Returns:
        The merged actors, and a map from (article id, actor key) to the index
        of its merged actor.
    """
    results = list(results)
    uf = UnionFind()
    by_name: dict[str, int] = {}
    local: list[tuple[str, str]] = []
    actors = []
    for result in results:
        for actor in result.actors:
            node = len(local)
            local.append((result.article.id, actor.key))
            actors.append(actor)
            label_key = _label_key(actor)
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
        root = uf[node]
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
        m.label = _canonical_label(m.label_votes)
        m.aliases.update(m.label_votes)
        m.aliases.discard(m.label)
    return merged, index
