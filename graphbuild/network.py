"""Read the RDF graph into a networkx actor network (graphbuild.layout lays it out).

The network is what every view draws from: the HTML page, GEXF, GraphML and
CSV. Its nodes are actor IRIs (strings) and its edges are relations, one per
(subject, predicate, object), each carrying the evidence statements that
support it. Every attribute is a plain ``str``/``int``/``float``/``bool``
(evidence aside, which is a list of dicts of those), so exports never meet an
rdflib term, ``None`` or a numpy scalar.

Reading uses ``graph.subject_objects(predicate)`` once per predicate rather
than SPARQL: each call is one index scan, so a 500k-triple graph reads in a
few seconds, where a SPARQL join over the reified statements takes minutes.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Hashable
from dataclasses import dataclass
from urllib.parse import unquote

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

from .errors import GraphbuildError
from .records import ACTOR_TYPES
from .vocab import GB, NS, SCHEMA, actor_type_of, predicate_info

#: One colour per actor type (Tableau 10), shared by the page legend and the GEXF/GraphML exports.
TYPE_COLORS = {"Person": "#4e79a7", "Organization": "#f28e2b", "Country": "#e15759", "Place": "#59a14f"}
#: The colour of an actor whose type is unknown.
OTHER_COLOR = "#9c9c9c"
#: The smallest and largest node sizes, for the least and most connected actor.
NODE_SIZES = (8.0, 36.0)


def node_size(degree: int, min_degree: int, max_degree: int) -> float:
    """A node's size between :data:`NODE_SIZES`, growing with the square root of its degree.

    The page's vis-network scaling uses the same curve, so Gephi and the page agree.
    """
    low, high = NODE_SIZES
    if max_degree <= min_degree:
        return round((low + high) / 2, 2)
    return round(low + (high - low) * math.sqrt((degree - min_degree) / (max_degree - min_degree)), 2)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One statement supporting a relation, as read from an ``rdf:Statement`` node."""

    sentence: str
    article: str
    source: str
    confidence: float
    construction: str
    start: int
    end: int
    hypothetical: bool
    date: str = ""  # the article's publication date, ISO 8601 ("" when unknown)

    def as_dict(self) -> dict[str, str | int | float | bool]:
        """The evidence as a plain dict (for JSON and the network's edge data)."""
        return {"sentence": self.sentence, "article": self.article, "source": self.source,
                "confidence": self.confidence, "construction": self.construction,
                "start": self.start, "end": self.end, "hypothetical": self.hypothetical, "date": self.date}


def local_name(iri: str) -> str:
    """The readable local name of an IRI: after graphbuild's namespace, or after the last '#' or '/'."""
    if iri.startswith(NS):
        return unquote(iri[len(NS):])
    return unquote(iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1])


def _number(term: object, kind: type[int] | type[float], default: int | float) -> int | float:
    """A literal's value as ``kind``, or ``default`` when it is missing or not a number."""
    try:
        return kind(term.toPython()) if isinstance(term, Literal) else default
    except (TypeError, ValueError):
        return default


def _flag(term: object) -> bool:
    return isinstance(term, Literal) and term.toPython() is True


def date_span(dates: Collection[str]) -> tuple[str, str]:
    """The first and last of some ISO dates, ("", "") when none is known."""
    known = [d for d in dates if d]
    return (min(known), max(known)) if known else ("", "")


def _article_dates(graph: Graph) -> dict:
    """Article -> its ``schema:datePublished`` as an ISO string."""
    return {doc: str(date) for doc, date in graph.subject_objects(SCHEMA.datePublished)}


def _add_actor_dates(graph: Graph, actors: dict[URIRef, dict], article_dates: dict) -> None:
    """Each actor's ``first_seen`` and ``last_seen``: the dates of the articles naming it."""
    seen: dict[URIRef, list[str]] = defaultdict(list)
    if article_dates:
        for doc, node in graph.subject_objects(SCHEMA.mentions):
            if node in actors and doc in article_dates:
                seen[node].append(article_dates[doc])
    for node, attrs in actors.items():
        attrs["first_seen"], attrs["last_seen"] = date_span(seen.get(node, ()))


def _normalize_types(types: Collection[str] | None) -> frozenset[str]:
    if types is None:
        return frozenset(ACTOR_TYPES)
    known = {t.lower(): t for t in ACTOR_TYPES}
    unknown = sorted(t for t in types if t.lower() not in known)
    if unknown:
        raise GraphbuildError(f"unknown actor type {', '.join(unknown)}; "
                              f"choose from {', '.join(ACTOR_TYPES)}")
    return frozenset(known[t.lower()] for t in types)


def _read_actors(graph: Graph, types: frozenset[str]) -> dict[URIRef, dict]:
    """Every actor of the wanted types, with its node attributes (degree comes later)."""
    classes: dict[URIRef, list[str]] = defaultdict(list)
    for node, cls in graph.subject_objects(RDF.type):
        if isinstance(cls, URIRef) and str(cls).startswith(str(SCHEMA)):
            classes[node].append(str(cls)[len(str(SCHEMA)):])
    actors: dict[URIRef, dict] = {}
    for node, names in classes.items():
        kinds = [actor_type_of(SCHEMA[name]) for name in names]
        actor_type = next((k for k in kinds if k), None)
        if actor_type not in types:
            continue
        # The most specific class: a subtype when the graph gives one, else the type itself.
        finer = sorted(n for n, k in zip(names, kinds) if k == actor_type and n != actor_type)
        actors[node] = {"label": local_name(str(node)), "type": actor_type,
                        "schema_class": finer[0] if finer else actor_type,
                        "aliases": "", "mentions": 0, "articles": 0, "degree": 0}
    for node, label in graph.subject_objects(RDFS.label):
        if node in actors:
            actors[node]["label"] = str(label)
    aliases: dict[URIRef, list[str]] = defaultdict(list)
    for node, alias in graph.subject_objects(SKOS.altLabel):
        if node in actors:
            aliases[node].append(str(alias))
    for node, names in aliases.items():
        actors[node]["aliases"] = "; ".join(sorted(set(names)))
    for node, count in graph.subject_objects(GB.mentionCount):
        if node in actors:
            actors[node]["mentions"] = _number(count, int, 0)
    for _, node in graph.subject_objects(SCHEMA.mentions):
        if node in actors:
            actors[node]["articles"] += 1
    return actors


def _read_predicates(graph: Graph) -> dict[URIRef, dict]:
    """Every declared relation predicate: local name, label, kind and symmetry."""
    predicates: dict[URIRef, dict] = {}
    symmetric = set(graph.subjects(RDF.type, OWL.SymmetricProperty))
    for iri in graph.subjects(RDF.type, GB.RelationPredicate):
        predicates[iri] = _predicate_attrs(graph, iri, iri in symmetric)
    return predicates


def _predicate_attrs(graph: Graph, iri: URIRef, symmetric: bool) -> dict:
    local = local_name(str(iri))
    info = predicate_info(local)
    label = graph.value(iri, RDFS.label)
    kind = graph.value(iri, GB.kind)
    return {"predicate": local, "label": str(label) if label is not None else info.label,
            "kind": str(kind) if kind is not None else info.kind,
            "symmetric": bool(symmetric or info.symmetric)}


def _read_evidence(graph: Graph, article_dates: dict) -> dict[tuple[URIRef, URIRef, URIRef], list[Evidence]]:
    """Every evidence statement, grouped by the (subject, predicate, object) it supports."""
    def column(predicate: URIRef) -> dict:
        return dict(graph.subject_objects(predicate))

    subjects, predicates, objects = column(RDF.subject), column(RDF.predicate), column(RDF.object)
    derived, sentences = column(PROV.wasDerivedFrom), column(GB.sentence)
    starts, ends = column(GB.startChar), column(GB.endChar)
    confidences, constructions = column(GB.confidence), column(GB.construction)
    hypothetical = column(GB.hypothetical)
    headlines, sources = column(SCHEMA.headline), column(GB.source)

    grouped: dict[tuple[URIRef, URIRef, URIRef], list[Evidence]] = defaultdict(list)
    for st, subject in subjects.items():
        predicate, obj = predicates.get(st), objects.get(st)
        if predicate is None or obj is None:
            continue
        article = derived.get(st)
        grouped[(subject, predicate, obj)].append(Evidence(
            sentence=str(sentences.get(st, "")),
            article=str(headlines.get(article, "")),
            source=str(sources.get(article, "")),
            confidence=_number(confidences.get(st), float, 0.0),
            construction=str(constructions.get(st, "")),
            start=_number(starts.get(st), int, 0),
            end=_number(ends.get(st), int, 0),
            hypothetical=_flag(hypothetical.get(st)),
            date=article_dates.get(article, ""),
        ))
    return grouped


def actor_network(graph: Graph, *, min_confidence: float = 0.0, include_hypothetical: bool = False,
                  types: Collection[str] | None = None, min_weight: int = 1) -> nx.MultiDiGraph:
    """Read the actors and their relations out of a graphbuild RDF graph.

    Nodes are actor IRIs (as strings) with ``label``, ``type`` ("Person",
    "Organization", "Country", "Place"), ``schema_class`` ("City", ...),
    ``aliases`` ("; "-joined), ``mentions`` (times named), ``articles``
    (articles naming it), ``degree`` (relation edges in this network) and
    ``first_seen``/``last_seen`` (the first and last publication dates of the
    articles naming it, ISO 8601; "" when none is dated).

    Edges are keyed by the predicate's local name, one per (subject, predicate,
    object), with ``predicate``, ``label``, ``weight`` (supporting statements,
    at least 1), ``confidence`` (their maximum), ``kind`` ("structural" or
    "event"), ``symmetric``, ``hypothetical`` (every statement was),
    ``first_seen``/``last_seen`` (the first and last dates of its statements;
    "" when none is dated) and ``evidence`` (a list of dicts: sentence,
    article, source, confidence, construction, start, end, hypothetical, date;
    best first). A symmetric relation
    stated both ways round is one edge, from the IRI that sorts first. A direct
    triple with no evidence statement counts once, with confidence 1.0.

    Args:
        graph: a graph built by :func:`graphbuild.graph.build_graph` (or read back from its Turtle).
        min_confidence: drop evidence statements below this confidence first.
        include_hypothetical: keep negated, asked or supposed statements (they have no direct triple).
        types: the actor types to keep (case-insensitive); None keeps all four.
        min_weight: drop edges with fewer supporting statements than this.

    Returns:
        The actor network; every attribute is a plain str/int/float/bool, evidence aside.

    Raises:
        GraphbuildError: when ``types`` names an unknown actor type.

    Example:
        >>> net = actor_network(graph, min_confidence=0.5, types=["Person", "Country"])  # doctest: +SKIP
    """
    actors = _read_actors(graph, _normalize_types(types))
    article_dates = _article_dates(graph)
    _add_actor_dates(graph, actors, article_dates)
    predicates = _read_predicates(graph)
    network = nx.MultiDiGraph()
    for node, attrs in sorted(actors.items()):
        network.add_node(str(node), **attrs)

    def predicate_attrs(iri: URIRef) -> dict:
        if iri not in predicates:
            predicates[iri] = _predicate_attrs(graph, iri, False)
        return predicates[iri]

    def edge_ends(subject: URIRef, predicate: URIRef, obj: URIRef) -> tuple[str, str]:
        s, o = str(subject), str(obj)
        return (min(s, o), max(s, o)) if predicate_attrs(predicate)["symmetric"] else (s, o)

    kept: dict[tuple[str, URIRef, str], list[Evidence]] = defaultdict(list)
    stated: set[tuple[str, URIRef, str]] = set()
    for (subject, predicate, obj), statements in _read_evidence(graph, article_dates).items():
        if subject not in actors or obj not in actors or subject == obj:
            continue
        s, o = edge_ends(subject, predicate, obj)
        stated.add((s, predicate, o))
        kept[(s, predicate, o)].extend(
            ev for ev in statements
            if ev.confidence >= min_confidence and (include_hypothetical or not ev.hypothetical))
    for predicate in predicates:
        for subject, obj in graph.subject_objects(predicate):
            if subject in actors and obj in actors and subject != obj:
                s, o = edge_ends(subject, predicate, obj)
                if (s, predicate, o) not in stated:
                    kept[(s, predicate, o)] = [Evidence("", "", "", 1.0, "", 0, 0, False)]

    for (s, predicate, o), statements in kept.items():
        if len(statements) < max(1, min_weight):
            continue
        statements.sort(key=lambda ev: (-ev.confidence, ev.article, ev.source, ev.start))
        attrs = predicate_attrs(predicate)
        evidence = [ev.as_dict() for ev in statements if ev.sentence or ev.article or ev.source]
        first_seen, last_seen = date_span([ev.date for ev in statements])
        network.add_edge(s, o, key=attrs["predicate"], **attrs, weight=len(statements),
                         first_seen=first_seen, last_seen=last_seen,
                         confidence=max(ev.confidence for ev in statements),
                         hypothetical=all(ev.hypothetical for ev in statements), evidence=evidence)
    for node, degree in network.degree():
        network.nodes[node]["degree"] = int(degree)
    return network


def article_sources(graph: Graph) -> list[str]:
    """Where every article in the graph was read from (paths or URLs), sorted."""
    return sorted({str(source) for source in graph.objects(None, GB.source)})


def most_connected(network: nx.MultiDiGraph, limit: int) -> list[Hashable]:
    """The ``limit`` most connected nodes: by degree, then mentions, then label and id."""
    def rank(node: Hashable) -> tuple:
        data = network.nodes[node]
        return (-int(data.get("degree", network.degree(node))), -int(data.get("mentions", 0)),
                str(data.get("label", "")), str(node))
    return sorted(network.nodes, key=rank)[:max(0, limit)]
