"""Build the RDF graph from the records of every article.

The graph holds, per the vocabulary in :mod:`graphbuild.vocab`:

* each article as a ``schema:NewsArticle`` with headline, source,
  ``schema:datePublished`` (when known) and ``schema:mentions`` to its actors;
* each actor typed with a schema.org class, ``rdfs:label`` its canonical name and
  ``skos:altLabel`` every other surface form;
* each asserted relation as a direct triple actor -> actor, and each mention of
  a relation as an ``rdf:Statement`` carrying its evidence (its date is its
  article's: ``prov:wasDerivedFrom`` then ``schema:datePublished``) and, as its
  ``rdfs:label``, the phrase that stated it;
* when some articles are dated, the first and last dates an actor is named and
  a relation is stated (:func:`add_dates`).
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from .aliases import AliasRules
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


def relation_iri(subject: URIRef, predicate: URIRef, obj: URIRef) -> URIRef:
    """The IRI of the ``owl:Axiom`` that annotates the direct triple (subject, predicate, object)."""
    digest = hashlib.sha1("\x1f".join((subject, predicate, obj)).encode()).hexdigest()[:20]
    return mint("relation", digest)


def _date(value: str) -> Literal:
    return Literal(value, datatype=XSD.date)


def add_dates(graph: Graph, actor_dates: dict[URIRef, list[str]],
              relation_dates: dict[tuple[URIRef, URIRef, URIRef], list[str]]) -> None:
    """Add the first and last dates of each actor and each asserted relation.

    An actor gets ``gb:firstSeen`` and ``gb:lastSeen`` itself. A relation is a
    triple, which RDF cannot annotate in place, so its dates sit on an
    ``owl:Axiom`` (OWL 2's way of annotating an asserted triple) that names the
    triple by ``owl:annotatedSource``, ``owl:annotatedProperty`` and
    ``owl:annotatedTarget``. Nothing is added for what no dated article names.

    Args:
        graph: the graph to add to.
        actor_dates: actor IRI -> the dates of the articles naming it ("" for undated ones).
        relation_dates: direct triple -> the dates of its asserted statements.
    """
    for iri, dates in actor_dates.items():
        known = [d for d in dates if d]
        if known:
            graph.add((iri, GB.firstSeen, _date(min(known))))
            graph.add((iri, GB.lastSeen, _date(max(known))))
    for (subject, predicate, obj), dates in relation_dates.items():
        known = [d for d in dates if d]
        if not known:
            continue
        axiom = relation_iri(subject, predicate, obj)
        graph.add((axiom, RDF.type, OWL.Axiom))
        graph.add((axiom, OWL.annotatedSource, subject))
        graph.add((axiom, OWL.annotatedProperty, predicate))
        graph.add((axiom, OWL.annotatedTarget, obj))
        graph.add((axiom, GB.firstSeen, _date(min(known))))
        graph.add((axiom, GB.lastSeen, _date(max(known))))


def build_graph(results: Iterable[ArticleResult], aliases: AliasRules | None = None) -> Graph:
    """Build the whole RDF graph from every article's actors and relations.

    Args:
        results: one :class:`ArticleResult` per article, in input order.
        aliases: the user's merge corrections (:mod:`graphbuild.aliases`).

    Returns:
        An rdflib graph with graphbuild's prefixes bound.
    """
    results = list(results)
    merged, index = merge_actors(results, aliases)
    graph = bind_namespaces(Graph())
    iris = [actor_iri(m) for m in merged]
    for m, iri in zip(merged, iris):
        graph.add((iri, RDF.type, type_class(m.type, m.subtype)))
        graph.add((iri, RDFS.label, Literal(m.label)))
        for alias in sorted(m.aliases):
            graph.add((iri, SKOS.altLabel, Literal(alias)))
        graph.add((iri, GB.mentionCount, Literal(m.mention_count)))
        if m.sector:
            graph.add((iri, GB.sector, Literal(m.sector)))

    declared: set[str] = set()
    actor_dates: dict[URIRef, list[str]] = defaultdict(list)
    relation_dates: dict[tuple[URIRef, URIRef, URIRef], list[str]] = defaultdict(list)
    for result in results:
        article = result.article
        doc = article_iri(article.id)
        graph.add((doc, RDF.type, SCHEMA.NewsArticle))
        graph.add((doc, SCHEMA.headline, Literal(article.title)))
        graph.add((doc, GB.source, Literal(article.source)))
        graph.add((doc, GB.contentHash, Literal(article.id)))
        if article.date:
            graph.add((doc, SCHEMA.datePublished, _date(article.date)))
        for actor in result.actors:
            iri = iris[index[(article.id, actor.key)]]
            graph.add((doc, SCHEMA.mentions, iri))
            actor_dates[iri].append(article.date)
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
                relation_dates[(subject, predicate, obj)].append(article.date)
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
            if rel.label:
                graph.add((st, RDFS.label, Literal(rel.label)))  # the phrase that stated it ("shot dead")
            if rel.hypothetical:
                graph.add((st, GB.hypothetical, Literal(True)))
    add_dates(graph, actor_dates, relation_dates)
    return graph
