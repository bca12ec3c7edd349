"""Graph files and SPARQL through Oxigraph, behind rdflib's API.

rdflib is graphbuild's public face (users get an ``rdflib.Graph``), but its
pure-Python Turtle writer and parser and its SPARQL engine are slow at corpus
scale: on the BBC graph (112k triples) writing Turtle takes 4.4 s, parsing it
5.5 s and the bundled ``relations`` query minutes. Oxigraph (Rust, through
``pyoxigraph``) does each in well under a second, so:

* :func:`write_turtle` hands the triples to Oxigraph's Turtle writer;
* :func:`read_graph` parses with Oxigraph into an Oxigraph store and returns an
  rdflib ``Graph`` over it (:class:`OxigraphBackedStore`), whose triples come
  back as the terms rdflib's own parser would give (a plain string is
  ``Literal("x")``, not ``Literal("x", datatype=XSD.string)``);
* :func:`oxigraph_store` gives the Oxigraph store behind such a graph (or a copy
  of any other graph), for :func:`graphbuild.query.run_query` to answer in.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from oxrdflib.store import OxigraphStore
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from .files import atomic_path
from .vocab import NAMESPACES

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

#: Oxigraph's parser for each graph file suffix (Turtle when the suffix is unknown).
FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD,
           ".rdf": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML, ".n3": ox.RdfFormat.N3}

#: Prefixes written in Turtle: graphbuild's own and rdf. Not ``id:``: its local names hold "/" and
#: trailing dots, which Turtle must then escape ("id:organization\\/Warner_Bros\\."), and rdflib's
#: parser reads no such escapes.
TURTLE_PREFIXES = {prefix: str(ns) for prefix, ns in NAMESPACES.items() if prefix != "id"} | {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}


def oxigraph_term(term: URIRef | BNode | Literal, iris: dict[str, ox.NamedNode] | None = None):
    """The Oxigraph term for an rdflib one; ``iris`` caches named nodes across calls.

    Raises:
        TypeError: for anything that is not an IRI, blank node or literal.
        ValueError: for an IRI or language tag Oxigraph finds invalid.
    """
    if isinstance(term, URIRef):
        if iris is None:
            return ox.NamedNode(term)
        node = iris.get(term)
        if node is None:
            node = iris[term] = ox.NamedNode(term)
        return node
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(term, language=term.language)
        return ox.Literal(term, datatype=oxigraph_term(term.datatype, iris) if term.datatype else None)
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    raise TypeError(f"{term!r} is not an RDF term")


def to_oxigraph(triples: Iterable[tuple]) -> Iterator[ox.Triple]:
    """Oxigraph triples for rdflib ones (IRIs are cached: actors and predicates recur)."""
    iris: dict[str, ox.NamedNode] = {}
    for s, p, o in triples:
        yield ox.Triple(oxigraph_term(s, iris), oxigraph_term(p, iris), oxigraph_term(o, iris))


def from_oxigraph(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> URIRef | BNode | Literal:
    """The rdflib term rdflib's own parsers would give for an Oxigraph term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"unexpected Oxigraph term {term!r}")


def write_turtle(graph: Graph, path: str | os.PathLike) -> Path:
    """Serialize ``graph`` as Turtle to ``path``, atomically, with Oxigraph's writer.

    Triples are sorted by subject, predicate and object, so each subject is
    written once with its predicates grouped, as rdflib's writer does, and the
    same graph always gives the same bytes, whatever order its store keeps.
    """
    triples = sorted(to_oxigraph(graph), key=lambda t: (t.subject.value, t.predicate.value, str(t.object)))
    with atomic_path(path) as tmp:
        ox.serialize(triples, str(tmp), ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)
    return Path(path)


class OxigraphBackedStore(OxigraphStore):
    """oxrdflib's store, returning the terms rdflib's parsers give (plain strings without a datatype).

    Args:
        store: the Oxigraph store to wrap.
    """

    def __init__(self, store: ox.Store) -> None:
        super().__init__(store=store)
        self.oxigraph = store

    def triples(self, triple_pattern, context=None):
        """Matching triples as rdflib terms (oxrdflib's, with plain literals as rdflib makes them)."""
        try:
            pattern = [None if t is None else oxigraph_term(t) for t in triple_pattern]
            quads = self.oxigraph.quads_for_pattern(*pattern, ox.DefaultGraph())
        except (TypeError, ValueError):  # a pattern no triple can match (a literal subject, a bad IRI)
            return iter(())
        convert = from_oxigraph
        return (((convert(q.subject), convert(q.predicate), convert(q.object)), iter((None,))) for q in quads)


def read_graph(path: str | os.PathLike) -> Graph:
    """Parse a graph file with Oxigraph; an rdflib graph over the loaded store.

    Raises:
        SyntaxError: when the file does not parse.
        OSError: when it cannot be read.
    """
    path = Path(path)
    store = ox.Store()
    store.bulk_load(path=str(path), format=FORMATS.get(path.suffix.lower(), ox.RdfFormat.TURTLE),
                    to_graph=ox.DefaultGraph())
    graph = Graph(store=OxigraphBackedStore(store), identifier=DATASET_DEFAULT_GRAPH_ID)
    for prefix, namespace in NAMESPACES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def oxigraph_store(graph: Graph) -> ox.Store:
    """The Oxigraph store holding ``graph``'s triples: its own when it has one, else a copy."""
    if isinstance(graph.store, OxigraphBackedStore) and graph.identifier == DATASET_DEFAULT_GRAPH_ID:
        return graph.store.oxigraph
    store = ox.Store()
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in to_oxigraph(graph))
    return store
