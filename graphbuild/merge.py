"""Cross-article actor merging: one node per real-world actor across all articles.

Actors of different articles are one node when the corpus says they are, by
index lookups only (dicts from a normalized name to the actors that carry it),
so merging is linear in the number of actors, never all-pairs. The joins, in
order:

1. the same name: the same canonical label, compared by :func:`compact_key`
   ("BBC One", "BBC 1", "BBC1"), a person's and a non-person's kept apart;
2. a multi-word alias or an acronym of one actor that is another's label;
3. short names to the one long name they stand for, when one candidate
   dominates the others (:data:`DOMINANT_RATIO`): an acronym to the long name
   with its initials ("WHO"); a bare organization name, singular or plural, to
   the organization named so plus a designator ("Labour" to "Labour Party",
   "Tories" to "Tory Party"); a name whose every word is cut short to the long
   one ("Lib Dems" to "Liberal Democrats"); a full name without its middle
   initials to the person with them;
4. joins that also need the context to agree (:func:`_Context.agrees`: the
   article names another actor that is usually seen with the candidate): a bare
   surname to the person whose full name ends so; a single-word name that other
   articles use as an alias of one actor, or that ends an organization's name or
   cuts its first word short ("Commons", "Fed"), or begins a one-word name no
   article names apart from it ("Yugansk"); a first
   name's nickname ("Bernie" and "Bernard"); a near-miss spelling; one name
   typed a person in some articles and not in others;
5. the short names of an organization named by its members ("Tory",
   "Conservative") to each other and to the party, when the same people hold
   its roles in both ("Tory leader X", "Conservative leader X").

A single-word alias (a bare surname) never merges across articles by itself:
"Brown" in one article need not be "Brown" in another. The type of a merged
actor is the weighted vote of its articles' types, where short forms weigh
little (:data:`SHORT_VOTE`), so the long form's type wins.
"""
from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from networkx.utils import UnionFind

from . import gazetteer
from .aliases import AliasRules
from .names import abbreviates, acronym_key, acronyms_of, compact_key, initials, is_acronym, name_key, \
    osa_distance, singular
from .records import ORGANIZATION, PERSON, PLACE, Actor, ArticleResult

__all__ = ["MergedActor", "merge_actors", "name_key"]

#: Acronyms shorter than this are too ambiguous to join a long name across articles ("UN" is fine
#: within an article; across a corpus two letters stand for too much).
MIN_CROSS_ACRONYM = 3

#: Last words that add nothing to an organization's name but its kind: "Labour Party" is "Labour",
#: "Virgin Group" is "Virgin". (Not "News", "Office" or "United": Google News is not Google.)
ORG_DESIGNATORS = frozenset({"party", "group", "company", "co", "corporation", "corp", "inc", "ltd", "plc",
                             "llc", "holdings", "fc"})

#: A bare surname or acronym with several candidates joins the most mentioned one only when it is
#: named this many times more often than the next ("Blair": Tony Blair, not a rarely named Blair).
DOMINANT_RATIO = 10

#: A full name is the label when it has at least this share of the most used label's votes.
FULL_NAME_SHARE = 0.05

#: The weight of a short form's type vote against a full name's ("Lib Dems" against "Liberal Democrats").
SHORT_VOTE = 0.2

#: The weight of an actor without a subtype in the subtype vote, against one with a subtype.
UNTYPED_SUBTYPE_VOTE = 0.5

#: The weight, in the type vote, of a mention whose type has evidence beyond spaCy's label.
EVIDENCE_VOTE = 2.0

#: Context agrees when a co-mentioned actor is seen with the candidate in at least this many articles...
MIN_SHARED_ARTICLES = 2
#: ... and this many times more often than chance would have it.
MIN_LIFT = 2.0

#: A bare organization name named more than this many times as often as the long name is no short
#: name of it.
MAX_SHORT_SHARE = 3

#: A two-word organization's first word cut to this many letters is a short name of it ("Fed").
MIN_TRUNCATION, MAX_TRUNCATION = 3, 4

#: A one-word organization name this long that begins a longer one-word name may be its short name
#: ("Yugansk", "Yuganskneftegas"), where the context agrees and no article names the two apart.
MIN_PREFIX = 5

#: A name is looked up as a cut-short form of a longer one ("Lib Dems") when a word of it is this short.
MAX_CUT_WORD = 4

#: Near-miss spellings are looked for in names of at least this many letters.
NEAR_MISS_MIN = 8

#: Two organizations named by their members are one when at least this many people hold roles in
#: both ("Tory leader X", "Conservative leader X") ...
MIN_SHARED_MEMBERS = 2
#: ... making at least this share of the smaller one's role mentions.
MIN_MEMBER_SHARE = 0.5


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
    sector: str = ""  # a group actor's CAMEO sector code ("MIL")


def _strong(name: str) -> bool:
    """Whether a surface form is specific enough to merge on across articles."""
    return len(name.split()) > 1 or is_acronym(name)


def _coarse(actor: Actor) -> str:
    """A person, or anything else: one name used for both is two actors until the corpus says otherwise."""
    return "person" if actor.type == PERSON else "other"


def _subtypes_agree(a: Actor, b: Actor) -> bool:
    """Whether two actors' finer types allow them to be one ("Congress" the legislature is no party)."""
    return not a.subtype or not b.subtype or a.subtype == b.subtype


def _canonical_label(votes: Counter) -> str:
    """A full (multi-word) name before a bare one ("Tony Blair" over "Blair"), unless it is rare
    (one article's typo), then the most used, then the fullest, then alphabetical."""
    top = max(votes.values())
    full = [s for s in votes if len(s.split()) > 1 and votes[s] >= FULL_NAME_SHARE * top]
    return max(full or votes, key=lambda s: (votes[s], len(s.split()), s))


@functools.cache
def _nicknames() -> dict[str, frozenset[str]]:
    """Lowercase first name -> the names it is a nickname or a formal form of ("bernie" -> "bernard")."""
    try:
        from nicknames import NickNamer
    except ModuleNotFoundError:  # the table is a help, not a need
        return {}
    related: dict[str, set[str]] = defaultdict(set)
    for formal, nicks in NickNamer().nickname_lookup.items():
        for nick in nicks:
            related[formal].add(nick)
            related[nick].add(formal)
    return {name: frozenset(others) for name, others in related.items()}


def first_names_agree(a: str, b: str) -> bool:
    """Whether two first names can be one person's: a nickname of the other ("Bill", "William"),
    or one begins the other ("Chris", "Christopher")."""
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    if a == b:
        return True
    if min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)):
        return True
    return b in _nicknames().get(a, ())


class _Merge:
    """The actors of every article, the union-find over them, and the lookups the joins share."""

    def __init__(self, results: Sequence[ArticleResult], rules: AliasRules | None = None) -> None:
        self.rules = rules or AliasRules()
        self.uf = UnionFind()
        self.actors: list[Actor] = []
        self.local: list[tuple[str, str]] = []
        self.article: list[int] = []
        self.short: set[int] = set()  # nodes joined as short forms: their type votes weigh little
        for n, result in enumerate(results):
            for actor in result.actors:
                self.uf[len(self.actors)]  # noqa: B018 - every node is its own set until joined
                self.local.append((result.article.id, actor.key))
                self.actors.append(actor)
                self.article.append(n)
        self.by_label: dict[tuple[str, str], int] = {}
        self.node_of = {key: node for node, key in enumerate(self.local)}
        self.same_label: dict[str, list[int]] = defaultdict(list)  # name_key of a label -> its nodes
        for node, actor in enumerate(self.actors):
            self.same_label[name_key(actor.label)].append(node)
        # the user's "split NAME": these nodes join nothing of another article
        self.pinned = {n for name in self.rules.splits for n in self.same_label.get(name, ())}
        self.weight = [max(1, len(a.mentions)) for a in self.actors]

    def join(self, node: int, other: int, *, short: bool = False) -> None:
        if (node in self.pinned or other in self.pinned) and self.article[node] != self.article[other]:
            return
        if short:
            self.short.add(node)
        self.uf.union(node, other)

    def dominant(self, node: int, hits: Iterable[int]) -> int | None:
        """The root among ``hits`` named :data:`DOMINANT_RATIO` times more than any other, or None."""
        weight: Counter = Counter()
        for hit in hits:
            weight[self.uf[hit]] += self.weight[hit]
        own = weight.pop(self.uf[node], 0)
        ranked = weight.most_common(2)
        if not ranked or own >= ranked[0][1]:
            return None  # already joined to the one it stands for; the others are not it
        if len(ranked) == 1 or ranked[0][1] >= DOMINANT_RATIO * ranked[1][1]:
            return ranked[0][0]
        return None


def _join_same_names(m: _Merge) -> None:
    """The same canonical label (by :func:`compact_key`), persons and others apart."""
    for node, actor in enumerate(m.actors):
        key = (compact_key(actor.label), _coarse(actor))
        if key in m.by_label:
            m.join(node, m.by_label[key])
        else:
            m.by_label[key] = node


def _join_groups(m: _Merge) -> None:
    """Group actors of one sector of one country or organization ("Labour MPs" wherever Labour is
    named "Labour" or "Labour Party"): one key per (its anchor's node, sector)."""
    by_anchor: dict[tuple[int, str], int] = {}
    for node, actor in enumerate(m.actors):
        if not actor.sector or not actor.part_of:
            continue
        anchor = m.node_of.get((m.local[node][0], actor.part_of))
        if anchor is None:
            continue
        key = (m.uf[anchor], actor.sector)
        if key in by_anchor:
            m.join(node, by_anchor[key])
        else:
            by_anchor[key] = node


def _join_strong_aliases(m: _Merge) -> None:
    """A multi-word alias or an acronym of one actor that is another's label."""
    for node, actor in enumerate(m.actors):
        for alias in actor.aliases:
            if _strong(alias) and name_key(alias) not in m.rules.splits:
                hit = m.by_label.get((compact_key(alias), _coarse(actor)))
                if hit is not None:
                    m.join(node, hit)


def _join_short_names(m: _Merge) -> None:
    """Acronyms, bare organization names, cut-short names and names without middle initials, to
    the one long name they stand for (see the module docstring)."""
    acronym_of: dict[str, list[int]] = defaultdict(list)
    designated: dict[str, list[int]] = defaultdict(list)
    by_initials: dict[str, list[int]] = defaultdict(list)
    by_ends: dict[tuple[str, str], list[int]] = defaultdict(list)
    for node, actor in enumerate(m.actors):
        words = actor.label.split()
        if len(words) < 2 or actor.sector:  # a group ("Sri Lanka military") has no acronym or short name
            continue
        if actor.type == ORGANIZATION:
            for acronym in acronyms_of(actor.label):
                acronym_of[acronym].append(node)
            if words[-1].lower().rstrip(".") in ORG_DESIGNATORS:  # "Labour Party", not "Google News"
                designated[name_key(" ".join(words[:-1]))].append(node)
            by_initials[initials(actor.label)].append(node)
        elif actor.type == PERSON and len(words) >= 3:
            by_ends[(name_key(words[0]), name_key(words[-1]))].append(node)
    cut_short: dict[str, list[int]] = {}
    for node, actor in enumerate(m.actors):
        words = actor.label.split()
        hits: list[int] = []
        if actor.type == ORGANIZATION and len(words) == 1 and is_acronym(actor.label):
            if len(acronym_key(actor.label)) >= MIN_CROSS_ACRONYM:
                hits = acronym_of.get(acronym_key(actor.label), [])
        elif actor.type == ORGANIZATION and len(words) == 1:
            # "Labour" -> "Labour Party"; "Tories" -> "Tory Party"; "Democrats" -> "Democratic Party"
            word = singular(actor.label)
            hits = [h for form in {actor.label, word, word + "ic"}
                    for h in designated.get(name_key(form), []) if _subtypes_agree(actor, m.actors[h])]
        elif actor.type == PERSON and len(words) == 2 and (name_key(words[0]), name_key(words[-1])) in by_ends:
            hits = by_ends[(name_key(words[0]), name_key(words[-1]))]
        elif min(len(w) for w in words) <= MAX_CUT_WORD:  # whatever its type: the long form's wins
            if actor.label not in cut_short:
                cut_short[actor.label] = [h for h in by_initials.get(initials(actor.label), [])
                                          if abbreviates(actor.label, m.actors[h].label)]
            hits = cut_short[actor.label]
        if hits and (root := m.dominant(node, hits)) is not None:
            m.join(node, root, short=True)


class _Context:
    """Which actors are seen together: the articles of each merged actor, as it stands when made."""

    def __init__(self, m: _Merge) -> None:
        self.m = m
        self.root = [m.uf[n] for n in range(len(m.actors))]
        self.articles: dict[int, set[int]] = defaultdict(set)
        self.in_article: dict[int, list[int]] = defaultdict(list)
        for node, art in enumerate(m.article):
            self.articles[self.root[node]].add(art)
            self.in_article[art].append(node)
        self.total = max(1, len(set(m.article)))

    def agrees(self, node: int, candidate: int) -> bool:
        """Whether the article of ``node`` names another actor usually seen with ``candidate``.

        "Usually": in at least :data:`MIN_SHARED_ARTICLES` articles, :data:`MIN_LIFT` times more
        often than chance.
        """
        target = self.root[candidate]
        seen = self.articles[target]
        if not seen:
            return False
        share = len(seen) / self.total
        own = self.root[node]
        for other in self.in_article[self.m.article[node]]:
            root = self.root[other]
            if root in (target, own):
                continue
            theirs = self.articles[root]
            shared = len(theirs & seen) if len(theirs) < len(seen) else len(seen & theirs)
            if shared >= MIN_SHARED_ARTICLES and shared / len(theirs) >= MIN_LIFT * share:
                return True
        return False


def _join_in_context(m: _Merge) -> None:
    """Bare surnames, single-word aliases, nicknames, near misses and person/non-person namesakes,
    each only where the context agrees (:meth:`_Context.agrees`)."""
    context = _Context(m)
    surname_of: dict[str, list[int]] = defaultdict(list)
    alias_of: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_surname: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for node, actor in enumerate(m.actors):
        words = actor.label.split()
        if actor.type == PERSON and len(words) >= 2:
            surname = name_key(words[-1])
            surname_of[surname].append(node)
            if "-" in words[-1]:  # "Kilroy" for "Kilroy-Silk"
                surname_of[name_key(words[-1].split("-")[0])].append(node)
            if len(words) == 2:
                by_surname[surname][actor.label].append(node)
        for alias in actor.aliases:
            if len(alias.split()) == 1 and not is_acronym(alias) and name_key(alias) not in m.rules.splits:
                alias_of[(name_key(alias), _coarse(actor))].append(node)
    tail_of: dict[str, list[int]] = defaultdict(list)
    truncated: dict[str, list[int]] = defaultdict(list)
    for node, actor in enumerate(m.actors):
        words = actor.label.split()
        if actor.type == ORGANIZATION and len(words) >= 2 and not actor.sector:
            tail_of[name_key(words[-1])].append(node)  # "Commons" for "House of Commons"
            if len(words) == 2:  # "Fed" for "Federal Reserve"
                first = name_key(words[0])
                for n in range(MIN_TRUNCATION, min(MAX_TRUNCATION, len(first) - 1) + 1):
                    truncated[first[:n]].append(node)
    prefixed = _prefixed_names(m)
    namesakes: dict[str, list[int]] = {}  # person label -> the other people it may be, by first name

    def nicknamed(label: str) -> list[int]:
        if label not in namesakes:
            words = label.split()
            first = name_key(words[0])
            namesakes[label] = [n for other, nodes in by_surname[name_key(words[-1])].items()
                                if name_key(other.split()[0]) != first and first_names_agree(first, other.split()[0])
                                for n in nodes]
        return namesakes[label]

    for node, actor in enumerate(m.actors):
        words = actor.label.split()
        candidates: list[int] = []
        tail = False
        if len(words) == 1:
            key = name_key(actor.label)
            candidates = alias_of.get((key, _coarse(actor)), [])
            if actor.type == PERSON:
                candidates = candidates + surname_of.get(key, [])
            elif actor.type == ORGANIZATION and not is_acronym(actor.label):
                tail = key in tail_of
                candidates = candidates + tail_of.get(key, []) + truncated.get(key, []) + prefixed.get(key, [])
        elif actor.type == PERSON and len(words) == 2:
            candidates = nicknamed(actor.label)
        if not candidates:
            continue
        root = m.dominant(node, candidates)
        if root is not None and len(words) == 1 and actor.type == ORGANIZATION and not _short_name_of(m, node, root):
            continue
        # One candidate in the whole corpus needs nothing more; of several, the dominant one needs the
        # context to agree ("Brown" of a company's name is not Gordon Brown). So does the last word of
        # a longer name, even one: "Congress" is not the Trades Union Congress of another article.
        if root is not None and (not tail and _one_root(m, node, candidates) or context.agrees(node, root)):
            m.join(node, root, short=len(words) == 1)
    _join_namesakes(m, context)
    _join_near_misses(m, context)


def _prefixed_names(m: _Merge) -> dict[str, list[int]]:
    """One-word organization names by their beginnings of :data:`MIN_PREFIX` letters or more
    ("yugansk" -> the nodes of "Yuganskneftegas"), leaving out every pair some article names as two
    actors ("Gazprom" and "Gazpromneft")."""
    def one_word(actor: Actor) -> str:
        key = name_key(actor.label)  # an organization, or a place the gazetteer does not know ("Yugansk")
        return key if (actor.type == ORGANIZATION or actor.type == PLACE and not actor.subtype) \
            and key.isalpha() and not is_acronym(actor.label) else ""

    labels = {key for actor in m.actors if (key := one_word(actor))}
    prefixed: dict[str, list[int]] = defaultdict(list)
    apart: set[tuple[str, str]] = set()
    by_article: dict[int, set[str]] = defaultdict(set)
    for node, actor in enumerate(m.actors):
        if key := one_word(actor):
            by_article[m.article[node]].add(key)
            for n in range(MIN_PREFIX, len(key) - 1):
                if key[:n] in labels:
                    prefixed[key[:n]].append(node)
    for keys in by_article.values():
        for key in keys:
            apart.update((key[:n], key) for n in range(MIN_PREFIX, len(key) - 1) if key[:n] in keys)
    return {short: [n for n in nodes if (short, name_key(m.actors[n].label)) not in apart]
            for short, nodes in prefixed.items()}


def _short_name_of(m: _Merge, node: int, root: int) -> bool:
    """Whether a bare organization name can be a short name of the one it would join: not when it is
    that one's first word before a word that is no designator ("Yukos" is not "Yukos USA"), nor when
    it is named far more often on its own than the long name is (a parent, not a short name)."""
    word = name_key(m.actors[node].label)
    long_words = name_key(m.actors[root].label).split()
    if long_words[0] == word and long_words[-1] not in ORG_DESIGNATORS:
        return False
    own = sum(m.weight[n] for n in m.same_label.get(word, ()))
    theirs = sum(m.weight[n] for n in m.same_label.get(" ".join(long_words), ()))
    return own <= MAX_SHORT_SHARE * max(theirs, 1)


def _one_root(m: _Merge, node: int, candidates: list[int]) -> bool:
    own = m.uf[node]
    roots = set()
    for c in candidates:
        if (root := m.uf[c]) != own:
            roots.add(root)
            if len(roots) > 1:
                return False
    return True


def _join_namesakes(m: _Merge, context: _Context) -> None:
    """One name typed a person in some articles and not in others ("Yukos", "Labour"): the less named
    side joins the more named one where its context agrees."""
    by_name: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for node, actor in enumerate(m.actors):
        by_name[compact_key(actor.label)][_coarse(actor)].append(node)
    for sides in by_name.values():
        if len(sides) < 2:
            continue
        weight = {side: sum(m.weight[n] for n in nodes) for side, nodes in sides.items()}
        major = max(weight, key=weight.get)
        minor = next(side for side in sides if side != major)
        target = m.uf[sides[major][0]]
        for node in sides[minor]:
            if m.uf[node] != m.uf[target] and context.agrees(node, target):
                m.join(node, target, short=True)


def _deletions(key: str) -> set[str]:
    return {key, *(key[:i] + key[i + 1:] for i in range(len(key)))}


def _join_near_misses(m: _Merge, context: _Context) -> None:
    """Names one edit apart ("Yuganskneftegas", "Yuganskneftegaz"), same first letter and kind, where the
    words that differ are no place names; a person's only where the context agrees."""
    nodes_of: dict[tuple[str, str], list[int]] = defaultdict(list)
    for node, actor in enumerate(m.actors):
        key = compact_key(actor.label)
        if len(key) >= NEAR_MISS_MIN and key.isalpha() and not is_acronym(actor.label):
            nodes_of[(key, _coarse(actor))].append(node)
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, coarse in nodes_of:
        for variant in _deletions(key):
            index[(variant, coarse)].append(key)
    for (key, coarse), nodes in nodes_of.items():
        label = m.actors[nodes[0]].label
        for variant in _deletions(key):
            for theirs in index.get((variant, coarse), ()):
                if theirs <= key or theirs[0] != key[0] or osa_distance(key, theirs, 1) > 1:
                    continue
                others = nodes_of[(theirs, coarse)]
                if m.uf[others[0]] == m.uf[nodes[0]] or not _spelling_variant(label, m.actors[others[0]].label):
                    continue
                if coarse == "person" and not any(context.agrees(n, others[0]) for n in nodes[:5]) \
                        and not any(context.agrees(n, nodes[0]) for n in others[:5]):
                    continue
                m.join(others[0], nodes[0])


def _spelling_variant(a: str, b: str) -> bool:
    """Whether the words that differ between two names are spellings of one word, not two places or
    two numbers ("UK Treasury" and "US Treasury" are two)."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return True  # a space or hyphen more or less: "Wal Mart", "Wal-Mart"
    for x, y in zip(wa, wb):
        if x != y and (gazetteer.place(x) or gazetteer.place(y) or any(ch.isdigit() for ch in x + y)):
            return False
    return True


def _join_by_members(m: _Merge) -> None:
    """Organizations whose roles the same people hold, when one of them has a single-word name: the
    short names of one party ("Tory", "Conservative"), learned from "X leader Y" in the articles."""
    person_root: dict[str, set[int]] = defaultdict(set)
    for node, actor in enumerate(m.actors):
        if actor.type == PERSON:
            person_root[actor.label].add(m.uf[node])
    members: dict[int, Counter] = defaultdict(Counter)
    single: set[int] = set()
    for node, actor in enumerate(m.actors):
        if actor.type != ORGANIZATION or not actor.members:
            continue
        root = m.uf[node]
        if len(actor.label.split()) == 1:
            single.add(root)
        for label in actor.members:
            roots = person_root.get(label, set())
            if len(roots) == 1:
                members[root][next(iter(roots))] += 1
    holders: dict[int, list[int]] = defaultdict(list)
    for org, people in members.items():
        for person in people:
            holders[person].append(org)
    for org in sorted(members, key=lambda r: -sum(members[r].values())):
        people = members[org]
        candidates = {other for person in people for other in holders[person]
                      if other != org and (org in single or other in single)}
        for other in sorted(candidates):
            theirs = members[other]
            shared = [p for p in people if p in theirs]
            weight = sum(min(people[p], theirs[p]) for p in shared)
            smaller = min(sum(people.values()), sum(theirs.values()))
            if len(shared) >= MIN_SHARED_MEMBERS and weight >= MIN_MEMBER_SHARE * smaller:
                m.join(other, org, short=True)


def _join_as_told(m: _Merge) -> None:
    """The user's "merge" rules: every actor named by one of a rule's names, by label or alias."""
    for names in m.rules.merges:
        nodes = [n for n, actor in enumerate(m.actors)
                 if name_key(actor.label) in names or any(name_key(a) in names for a in actor.aliases)]
        for node in nodes[1:]:
            m.uf.union(nodes[0], node)


def merge_actors(results: Iterable[ArticleResult], rules: AliasRules | None = None
                 ) -> tuple[list[MergedActor], dict[tuple[str, str], int]]:
    """Group the actors of all articles into global actors.

    Args:
        results: every article's resolved actors.
        rules: the user's corrections (:func:`graphbuild.aliases.read_aliases`), applied last.

    Returns:
        The merged actors, and a map from (article id, actor key) to the index
        of its merged actor.
    """
    m = _Merge(list(results), rules)
    _join_same_names(m)
    _join_strong_aliases(m)
    _join_short_names(m)
    _join_in_context(m)
    _join_by_members(m)
    _join_groups(m)
    _join_as_told(m)
    return _collect(m)


def _collect(m: _Merge) -> tuple[list[MergedActor], dict[tuple[str, str], int]]:
    groups: dict[int, int] = {}
    merged: list[MergedActor] = []
    index: dict[tuple[str, str], int] = {}
    for node, actor in enumerate(m.actors):
        root = m.uf[node]
        if root not in groups:
            groups[root] = len(merged)
            merged.append(MergedActor())
        g = merged[groups[root]]
        weight = m.weight[node]
        vote = weight * (SHORT_VOTE if node in m.short or len(actor.label.split()) == 1 else 1) \
            + EVIDENCE_VOTE * actor.type_evidence
        g.mention_count += len(actor.mentions)
        g.type_votes[actor.type] += vote
        # No subtype is a vote too, at half weight: twelve mentions of "EU shares" make no company
        # (unless its type came from evidence: "Tories" is the party its long names say it is)
        if actor.subtype or not actor.type_evidence:
            g.subtype_votes[(actor.type, actor.subtype)] += vote if actor.subtype else vote * UNTYPED_SUBTYPE_VOTE
        g.label_votes[actor.label] += weight * (SHORT_VOTE if node in m.short else 1)
        g.aliases.update(actor.aliases)
        g.sector = g.sector or actor.sector
        g.articles.append(m.local[node][0])
        index[m.local[node]] = groups[root]
    taken: Counter = Counter()
    for g in merged:
        g.type = g.type_votes.most_common(1)[0][0]
        fitting = Counter({st: v for (kind, st), v in g.subtype_votes.items() if kind == g.type})
        g.subtype = fitting.most_common(1)[0][0] if fitting else ""
        g.label = _canonical_label(g.label_votes)
        g.aliases.update(g.label_votes)
        g.aliases.discard(g.label)
        told = next((m.rules.types[k] for k in (name_key(g.label), *map(name_key, sorted(g.aliases)))
                     if k in m.rules.types), None) if m.rules.types else None
        if told is not None:  # the user's "retype" rule
            g.type, g.subtype = told
        taken[(g.type, g.label)] += 1
        if taken[(g.type, g.label)] > 1:  # two actors kept apart keep two names (and two IRIs)
            g.aliases.add(g.label)
            g.label = f"{g.label} ({taken[(g.type, g.label)]})"
    return merged, index
