"""What changed between two builds: actors added, removed and merged; relations added, removed, restated.

Both sides are read into the actor network (:func:`graphbuild.network.actor_network`),
so the diff speaks of what the page and the exports show: asserted relations
(hypothetical statements left out), each with its evidence and dates.

* An actor is the same on both sides when its IRI is (its type and canonical name).
* An actor of the old graph that is gone is **merged** when its canonical name (or,
  failing that, one of its names of several words) is now a name of another actor
  ("Moravec" -> "Lena Moravec", "Labour" -> "Labour Party"); otherwise it is **removed**.
  A new actor that old ones merged into is reported with the merge, not as added.
* Relations are compared after the merges (a relation of "Moravec" is the same
  relation of "Lena Moravec"). One present on both sides whose evidence changed is
  **restated**, with the statements it gained and lost (a statement whose article
  got another date counts as lost and gained again).

Example:
    >>> changes = diff_paths("before/", "after/graph.ttl")  # doctest: +SKIP
    >>> print(format_text(changes))
"""
from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import networkx as nx
from rdflib import Graph

from .errors import GraphbuildError
from .files import atomic_write
from .names import name_key
from .network import actor_network, date_span
from .outputs import GRAPH_FILE
#: Evidence sentences shown per relation in the text output (JSON keeps all).
TEXT_EVIDENCE = 3
#: The evidence fields a diff keeps.
EVIDENCE_FIELDS = ("date", "sentence", "article", "source", "confidence")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor as one side of the diff knows it."""

    iri: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    first_seen: str = ""
    last_seen: str = ""


@dataclass(frozen=True, slots=True)
class Merge:
    """An actor of the old graph whose names now belong to another actor of the new one."""

    actor: ActorEntry
    into: ActorEntry


@dataclass(frozen=True, slots=True)
class RelationEntry:
    """One relation (an edge of the network) with its evidence, best first."""

    subject: str
    predicate: str
    relation: str
    object: str
    subject_iri: str
    object_iri: str
    first_seen: str = ""
    last_seen: str = ""
    evidence: tuple[dict, ...] = ()


@dataclass(frozen=True, slots=True)
class Restated:
    """A relation on both sides whose evidence changed (as the new side has it)."""

    relation: RelationEntry
    evidence_added: tuple[dict, ...] = ()
    evidence_removed: tuple[dict, ...] = ()


@dataclass(frozen=True, slots=True)
class GraphDiff:
    """Everything that changed from ``old`` to ``new``."""

    old: str
    new: str
    actors_added: tuple[ActorEntry, ...] = ()
    actors_removed: tuple[ActorEntry, ...] = ()
    actors_merged: tuple[Merge, ...] = ()
    relations_added: tuple[RelationEntry, ...] = ()
    relations_removed: tuple[RelationEntry, ...] = ()
    relations_restated: tuple[Restated, ...] = ()

    @property
    def empty(self) -> bool:
        """Whether nothing changed."""
        return not any((self.actors_added, self.actors_removed, self.actors_merged, self.relations_added,
                        self.relations_removed, self.relations_restated))

    def as_dict(self) -> dict:
        """The diff as plain JSON data."""
        return {"old": self.old, "new": self.new,
                "actors": {"added": [asdict(a) for a in self.actors_added],
                           "removed": [asdict(a) for a in self.actors_removed],
                           "merged": [asdict(m) for m in self.actors_merged]},
                "relations": {"added": [asdict(r) for r in self.relations_added],
                              "removed": [asdict(r) for r in self.relations_removed],
                              "restated": [asdict(r) for r in self.relations_restated]}}


def graph_file(path: str | os.PathLike) -> Path:
    """The graph file a diff side names: the file itself, or an output folder's graph.ttl.

    Raises:
        GraphbuildError: when neither exists.
    """
    path = Path(path)
    if path.is_dir():
        if not (path / GRAPH_FILE).is_file():
            raise GraphbuildError(f"{path}: folder holds no {GRAPH_FILE}; give a build's output folder or a graph file")
        return path / GRAPH_FILE
    if not path.is_file():
        raise GraphbuildError(f"{path}: no such graph file or output folder; check the path")
    return path


def diff_paths(old: str | os.PathLike, new: str | os.PathLike) -> GraphDiff:
    """Compare two graph files or output folders.

    Raises:
        GraphbuildError: when a side is missing or is not a readable graph.
    """
    from .query import load_graph

    old_file, new_file = graph_file(old), graph_file(new)
    return diff_graphs(load_graph(old_file), load_graph(new_file), old_name=str(old_file), new_name=str(new_file))


def diff_graphs(before: Graph, after: Graph, *, old_name: str = "", new_name: str = "") -> GraphDiff:
    """Compare two graphbuild graphs (see the module docstring for what counts as a change)."""
    return diff_networks(actor_network(before), actor_network(after), old_name=old_name, new_name=new_name)


def _names(data: dict) -> list[str]:
    return [data.get("label", ""), *(a for a in str(data.get("aliases", "")).split("; ") if a)]


def _actor(network: nx.MultiDiGraph, node: str) -> ActorEntry:
    data = network.nodes[node]
    return ActorEntry(iri=node, label=str(data.get("label", node)), type=str(data.get("type", "")),
                      aliases=tuple(_names(data)[1:]), first_seen=str(data.get("first_seen", "")),
                      last_seen=str(data.get("last_seen", "")))


def find_merges(before: nx.MultiDiGraph, after: nx.MultiDiGraph) -> dict[str, str]:
    """Old actor -> the new actor its names now belong to, for old actors that are gone.

    The new actor must have the old one's canonical name among its names, or failing
    that one of its names of several words; of several, the one sharing most of the
    old actor's names wins, then the most mentioned.
    """
    by_name: dict[str, set[str]] = defaultdict(set)
    names_of: dict[str, set[str]] = {}
    for node, data in after.nodes(data=True):
        names_of[node] = {name_key(n) for n in _names(data)}
        for key in names_of[node]:
            by_name[key].add(node)
    merges: dict[str, str] = {}
    for node, data in before.nodes(data=True):
        if node in after:
            continue
        names = [name_key(n) for n in _names(data)]
        candidates = by_name.get(names[0], set())
        if not candidates:
            candidates = set().union(*(by_name.get(n, set()) for n in names[1:] if " " in n))
        if candidates:
            merges[node] = min(candidates, key=lambda c: (-len(names_of[c] & set(names)),
                                                          -int(after.nodes[c].get("mentions", 0)), c))
    return merges


def _evidence_key(ev: dict) -> tuple:
    """A statement's identity: its article, sentence and place, and its date (a re-dated one is restated)."""
    return (ev.get("article", ""), ev.get("sentence", ""), ev.get("start", 0), ev.get("date", ""))


def _evidence(items: Iterable[dict]) -> tuple[dict, ...]:
    return tuple({k: ev.get(k, "") for k in EVIDENCE_FIELDS} for ev in items)


def _relations(network: nx.MultiDiGraph, rename: dict[str, str] | None = None) -> dict[tuple, dict]:
    """(subject, predicate, object) -> subject, object and merged evidence, ends renamed per ``rename``."""
    rename = rename or {}
    relations: dict[tuple, dict] = {}
    for u, v, key, data in network.edges(keys=True, data=True):
        s, o = rename.get(u, u), rename.get(v, v)
        if s == o:
            continue
        if data.get("symmetric"):
            s, o = min(s, o), max(s, o)
        entry = relations.setdefault((s, key, o), {"data": data, "evidence": {}})
        for ev in data.get("evidence", ()):
            entry["evidence"].setdefault(_evidence_key(ev), ev)
    return relations


def _relation(ends: tuple, entry: dict, labels: dict[str, str]) -> RelationEntry:
    s, key, o = ends
    evidence = list(entry["evidence"].values())
    first, last = date_span([ev.get("date", "") for ev in evidence])
    return RelationEntry(subject=labels.get(s, s), predicate=str(key), relation=str(entry["data"].get("label", key)),
                         object=labels.get(o, o), subject_iri=s, object_iri=o, first_seen=first, last_seen=last,
                         evidence=_evidence(evidence))


def diff_networks(before: nx.MultiDiGraph, after: nx.MultiDiGraph, *, old_name: str = "",
                  new_name: str = "") -> GraphDiff:
    """Compare two actor networks (see the module docstring for what counts as a change)."""
    merges = find_merges(before, after)
    targets = set(merges.values())
    added = [_actor(after, n) for n in sorted(after.nodes) if n not in before and n not in targets]
    removed = [_actor(before, n) for n in sorted(before.nodes) if n not in after and n not in merges]
    merged = [Merge(_actor(before, n), _actor(after, merges[n])) for n in sorted(merges)]

    labels = {n: str(d.get("label", n)) for n, d in before.nodes(data=True)}
    labels.update((n, str(d.get("label", n))) for n, d in after.nodes(data=True))
    old_relations, new_relations = _relations(before, merges), _relations(after)
    relations_added = [_relation(k, new_relations[k], labels) for k in sorted(new_relations)
                       if k not in old_relations]
    relations_removed = [_relation(k, old_relations[k], labels) for k in sorted(old_relations)
                         if k not in new_relations]
    restated = []
    for ends in sorted(set(old_relations) & set(new_relations)):
        was, now = old_relations[ends]["evidence"], new_relations[ends]["evidence"]
        if was.keys() != now.keys():
            restated.append(Restated(_relation(ends, new_relations[ends], labels),
                                     _evidence(ev for k, ev in now.items() if k not in was),
                                     _evidence(ev for k, ev in was.items() if k not in now)))
    return GraphDiff(old_name, new_name, tuple(added), tuple(removed), tuple(merged), tuple(relations_added),
                     tuple(relations_removed), tuple(restated))


def _span(first: str, last: str) -> str:
    if not first:
        return ""
    return f", seen {first}" if first == last else f", seen {first} to {last}"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _actor_line(actor: ActorEntry) -> str:
    return f"{actor.label} ({actor.type}){_span(actor.first_seen, actor.last_seen)}"


def _evidence_lines(evidence: Iterable[dict], mark: str, limit: int) -> list[str]:
    evidence = list(evidence)
    lines = [f"      {mark} {ev['date'] or 'undated':<10}  {' '.join(str(ev['sentence']).split())}"
             f"  ({ev['article'] or ev['source']})" for ev in evidence[:limit]]
    if len(evidence) > limit:
        lines.append(f"      ... and {len(evidence) - limit} more")
    return lines


def _relation_line(mark: str, rel: RelationEntry) -> str:
    return (f"  {mark} {rel.subject}  {rel.relation}  {rel.object}  "
            f"({_count(len(rel.evidence), 'statement')}{_span(rel.first_seen, rel.last_seen)})")


def format_text(diff: GraphDiff, *, evidence: int = TEXT_EVIDENCE) -> str:
    """The diff as text: a summary, then each change with up to ``evidence`` sentences per relation."""
    lines = [f"graphbuild diff: {diff.old or 'before'} -> {diff.new or 'after'}",
             f"Actors: {len(diff.actors_added)} added, {len(diff.actors_removed)} removed, "
             f"{len(diff.actors_merged)} merged",
             f"Relations: {len(diff.relations_added)} added, {len(diff.relations_removed)} removed, "
             f"{len(diff.relations_restated)} restated"]
    if diff.empty:
        return "\n".join([*lines, "", "No changes."])
    sections = [
        ("Actors added", [f"  + {_actor_line(a)}" for a in diff.actors_added]),
        ("Actors removed", [f"  - {_actor_line(a)}" for a in diff.actors_removed]),
        ("Actors merged", [f"  ~ {_actor_line(m.actor)} -> {_actor_line(m.into)}" for m in diff.actors_merged]),
        ("Relations added", [line for r in diff.relations_added
                             for line in [_relation_line("+", r), *_evidence_lines(r.evidence, " ", evidence)]]),
        ("Relations removed", [line for r in diff.relations_removed
                               for line in [_relation_line("-", r), *_evidence_lines(r.evidence, " ", evidence)]]),
        ("Relations restated", [line for r in diff.relations_restated
                                for line in [_relation_line("~", r.relation),
                                             *_evidence_lines(r.evidence_added, "+", evidence),
                                             *_evidence_lines(r.evidence_removed, "-", evidence)]]),
    ]
    for title, body in sections:
        if body:
            lines += ["", title, *body]
    return "\n".join(lines)


def format_json(diff: GraphDiff) -> str:
    """The diff as JSON (every evidence statement included)."""
    return json.dumps(diff.as_dict(), ensure_ascii=False, indent=1)


def write_diff(diff: GraphDiff, path: str | os.PathLike) -> Path:
    """Write the diff atomically: JSON for a ``.json`` file, text otherwise."""
    path = Path(path)
    text = format_json(diff) if path.suffix.lower() == ".json" else format_text(diff)
    with atomic_write(path) as handle:
        handle.write(text + "\n")
    return path


__all__ = ["ActorEntry", "GraphDiff", "Merge", "RelationEntry", "Restated", "diff_graphs", "diff_networks",
           "diff_paths", "find_merges", "format_json", "format_text", "graph_file", "write_diff"]
