"""Build the RDF graph from the records of every article.

The graph holds, per the vocabulary in :mod:`graphbuild.vocab`:

* each article as a ``schema:NewsArticle`` with headline, source and
  ``schema:mentions`` to its actors;
* each actor typed with a schema.org class, ``rdfs:label`` its canonical name and
  ``skos:altLabel`` every other surface form;
* each asserted relation as a direct triple actor -> actor, and each mention of
  a relation as an ``rdf:Statement`` carrying its evidence.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from .merge import MergedActor, merge_actors
from .records import ArticleResult
from .vocab import GB, SCHEMA, bind_namespaces, describe_predicate, mint, predicate_iri, type_class


def actor_iri(actor: MergedActor) -> URIRef:
    """The IRI of a merged actor: its type and canonical label."""
    return mint(actor.type.lower(), actor.label)


def article_iri(article_id: str) -> URIRef:
    """The IRI of an article, from its content hash."""
    return mint("article", article_id)


def _statement_iri(article_id: str, *parts: object) -> URIRef:
    digest = hashlib.sha1("\x1f".join(map(str, (article_id, *parts))).encode()).hexdigest()[:20]
    return mint("statement", digest)


def build_graph(results: Iterable[ArticleResult]) -> Graph:
    """Build the whole RDF graph from every article's actors and relations.

    Args:
        results: one :class:`ArticleResult` per article, in input order.

    Returns:
        An rdflib graph with graphbuild's prefixes bound.
    """
    results = list(results)
    merged, index = merge_actors(results)
    graph = bind_namespaces(Graph())
    iris = [actor_iri(m) for m in merged]
    for m, iri in zip(merged, iris):
        graph.add((iri, RDF.type, type_class(m.type, m.subtype)))
        graph.add((iri, RDFS.label, Literal(m.label)))
        for alias in sorted(m.aliases):
            graph.add((iri, SKOS.altLabel, Literal(alias)))
        graph.add((iri, GB.mentionCount, Literal(m.mention_count)))

    declared: set[str] = set()
    for result in results:
        article = result.article
        doc = article_iri(article.id)
        graph.add((doc, RDF.type, SCHEMA.NewsArticle))
        graph.add((doc, SCHEMA.headline, Literal(article.title)))
        graph.add((doc, GB.source, Literal(article.source)))
        graph.add((doc, GB.contentHash, Literal(article.id)))
        for actor in result.actors:
            graph.add((doc, SCHEMA.mentions, iris[index[(article.id, actor.key)]]))
        for rel in result.relations:
            subject = iris[index[(article.id, rel.subject)]]
            obj = iris[index[(article.id, rel.object)]]
            if subject == obj:
                continue
            predicate = predicate_iri(rel.predicate)
            if rel.predicate not in declared:
                describe_predicate(graph, rel.predicate, rel.label)
                declared.add(rel.predicate)
            if not rel.hypothetical:
                graph.add((subject, predicate, obj))
            st = _statement_iri(article.id, rel.subject, rel.predicate, rel.object, rel.start, rel.construction)
            graph.add((st, RDF.type, RDF.Statement))
            graph.add((st, RDF.subject, subject))
            graph.add((st, RDF.predicate, predicate))
            graph.add((st, RDF.object, obj))
            graph.add((st, PROV.wasDerivedFrom, doc))
            graph.add((st, GB.sentence, Literal(rel.sentence)))
            graph.add((st, GB.startChar, Literal(rel.start)))
            graph.add((st, GB.endChar, Literal(rel.end)))
            graph.add((st, GB.confidence, Literal(round(rel.confidence, 3), datatype=XSD.decimal)))
            graph.add((st, GB.construction, Literal(rel.construction)))
            if rel.hypothetical:
                graph.add((st, GB.hypothetical, Literal(True)))
    return graph
