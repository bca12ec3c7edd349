"""graphbuild's RDF vocabulary: namespaces, classes, predicates and IRI minting.

The graph speaks schema.org for actors and articles, SKOS for names, PROV for
provenance and RDF reification for evidence. graphbuild's own terms live in the
closed :class:`GB` namespace, so a typo in code is an error, not a silent new
IRI. Event predicates named after a verb ("invited", "calledIn") are open-ended
and minted by :func:`predicate_iri`; every IRI goes through :func:`mint`, which
percent-encodes, so no name can break Turtle.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace, Namespace

from .records import COUNTRY, ORGANIZATION, PERSON, PLACE

BASE = "https://graphbuild.dev/"
NS = BASE + "ns#"
ID = Namespace(BASE + "id/")


class GB(DefinedNamespace):
    """graphbuild's own terms (closed: unknown names raise AttributeError)."""

    _NS = Namespace(NS)
    _fail = True

    # Evidence on rdf:Statement nodes
    sentence: URIRef  # the sentence text that states the relation
    startChar: URIRef  # where that sentence starts in the article text
    endChar: URIRef  # where it ends
    confidence: URIRef  # 0..1, from the construction that produced it
    construction: URIRef  # the rule that produced it
    hypothetical: URIRef  # true: negated, asked or supposed, not asserted
    # On actors
    mentionCount: URIRef  # how many times the actor is named, all articles together
    sector: URIRef  # a group actor's sector, as a CAMEO agent code ("MIL" for "Sri Lanka military")
    # On predicates
    RelationPredicate: URIRef  # class of every relation predicate
    kind: URIRef  # "structural" or "event"
    # On articles
    source: URIRef  # the path or URL the article was read from
    contentHash: URIRef  # the article's content hash
    # Dates (xsd:date): on an actor, and on the owl:Axiom that annotates a direct relation triple
    firstSeen: URIRef  # the earliest publication date of an article naming the actor / stating the relation
    lastSeen: URIRef  # the latest such date

    # Structural relations
    leaderOf: URIRef
    presidentOf: URIRef
    primeMinisterOf: URIRef
    ministerOf: URIRef
    chairOf: URIRef
    memberOf: URIRef
    partOf: URIRef
    affiliatedWith: URIRef
    worksFor: URIRef
    basedIn: URIRef
    locatedIn: URIRef
    leads: URIRef
    founderOf: URIRef
    agentOf: URIRef
    quotedBy: URIRef
    writesFor: URIRef
    relatedTo: URIRef


@dataclass(frozen=True, slots=True)
class PredicateInfo:
    """What the vocabulary says of one relation predicate."""

    label: str
    kind: str  # "structural" or "event"
    symmetric: bool = False
    comment: str = ""


#: The structural predicates: roles, membership, place and attribution.
STRUCTURAL: dict[str, PredicateInfo] = {
    "leaderOf": PredicateInfo("leader of", "structural", comment="heads a country or organization"),
    "presidentOf": PredicateInfo("president of", "structural"),
    "primeMinisterOf": PredicateInfo("prime minister of", "structural"),
    "ministerOf": PredicateInfo("minister of", "structural", comment="a government minister of a country"),
    "chairOf": PredicateInfo("chair of", "structural"),
    "memberOf": PredicateInfo("member of", "structural"),
    "partOf": PredicateInfo("part of", "structural", comment="a unit of a larger organization"),
    "affiliatedWith": PredicateInfo("affiliated with", "structural", comment="works at, is a fellow of"),
    "worksFor": PredicateInfo("works for", "structural"),
    "basedIn": PredicateInfo("based in", "structural"),
    "locatedIn": PredicateInfo("located in", "structural"),
    "leads": PredicateInfo("leads", "structural", comment="as in 'a Paris-led coalition'"),
    "founderOf": PredicateInfo("founder of", "structural", comment="founded or co-founded an organization"),
    "agentOf": PredicateInfo("agent of", "structural", comment="represents a person or body in deals"),
    "quotedBy": PredicateInfo("quoted by", "structural", comment="a source quoted by an outlet"),
    "writesFor": PredicateInfo("writes for", "structural"),
    "relatedTo": PredicateInfo("related to", "structural", symmetric=True),
}

#: Event predicates (named after their verb) that hold both ways round.
SYMMETRIC_EVENTS = frozenset({"clashedWith", "tiesWith", "metWith", "foughtWith", "talkedWith",
                              "allianceWith", "alliedWith", "negotiatedWith", "agreedWith", "tradedWith",
                              "tensionsWith", "disputedWith", "rivalryWith"})

#: schema.org (https) as a plain namespace: rdflib's SDO lags schema.org's newer classes.
SCHEMA = Namespace("https://schema.org/")

#: schema.org class for each actor type.
TYPE_CLASS = {PERSON: SCHEMA.Person, ORGANIZATION: SCHEMA.Organization,
              COUNTRY: SCHEMA.Country, PLACE: SCHEMA.Place}

#: The finer schema.org classes graphbuild uses, each with the actor type it refines.
SUBTYPES = {
    "City": PLACE,
    "AdministrativeArea": PLACE,
    "Continent": PLACE,
    "Landform": PLACE,
    "CivicStructure": PLACE,
    "GovernmentOrganization": ORGANIZATION,
    "NewsMediaOrganization": ORGANIZATION,
    "EducationalOrganization": ORGANIZATION,
    "PoliticalParty": ORGANIZATION,
    "Corporation": ORGANIZATION,
    "SportsOrganization": ORGANIZATION,
}


def type_class(actor_type: str, subtype: str = "") -> URIRef:
    """The schema.org class for an actor: its subtype's where it has one that fits."""
    if subtype and SUBTYPES.get(subtype) == actor_type:
        return SCHEMA[subtype]
    return TYPE_CLASS[actor_type]


def actor_type_of(cls: URIRef) -> str | None:
    """The actor type a schema.org class stands for (None for non-actor classes)."""
    name = str(cls).removeprefix(str(SCHEMA))
    if name in TYPE_CLASS:
        return name
    return SUBTYPES.get(name)


NAMESPACES = {"gb": Namespace(NS), "schema": SCHEMA, "skos": SKOS, "prov": PROV, "rdfs": RDFS,
              "owl": OWL, "xsd": XSD, "id": ID}


def slug(name: str) -> str:
    """A readable, stable, percent-encoded IRI segment for a name.

    Spaces become '_' for readability; a '_' of the name itself is encoded
    (%5F), so "Ines Duarte" and "Ines_Duarte" stay two IRIs. Case is kept.
    """
    text = unicodedata.normalize("NFC", name).strip()
    return quote(text, safe="-.~").replace("_", "%5F").replace("%20", "_") or "_"


def mint(kind: str, name: str) -> URIRef:
    """Mint the IRI of a graphbuild resource; percent-encodes everything unsafe.

    Args:
        kind: the resource family ("actor", "article", "statement").
        name: any text; quotes, braces, spaces, RTL or CJK text are all safe.

    Returns:
        An IRI under ``https://graphbuild.dev/id/``.

    Example:
        >>> str(mint("actor", 'Kim "The Boss" {Jr}'))
        'https://graphbuild.dev/id/actor/Kim_%22The_Boss%22_%7BJr%7D'
    """
    return URIRef(f"{ID}{quote(kind, safe='')}/{slug(name)}")


def predicate_iri(local: str) -> URIRef:
    """The IRI of a relation predicate (structural or event), percent-encoded."""
    return URIRef(NS + quote(local, safe="-._~"))


def predicate_info(local: str, label: str = "") -> PredicateInfo:
    """What the vocabulary knows of a predicate; event predicates get their verb label."""
    if local in STRUCTURAL:
        return STRUCTURAL[local]
    words = label or re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local).lower()
    return PredicateInfo(words, "event", symmetric=local in SYMMETRIC_EVENTS)


def describe_predicate(graph: Graph, local: str, label: str = "") -> URIRef:
    """Add the predicate's declaration (label, kind, symmetry) to ``graph``; return its IRI."""
    iri = predicate_iri(local)
    info = predicate_info(local, label)
    graph.add((iri, RDF.type, RDF.Property))
    graph.add((iri, RDF.type, GB.RelationPredicate))
    graph.add((iri, RDFS.label, Literal(info.label)))
    graph.add((iri, GB.kind, Literal(info.kind)))
    if info.symmetric:
        graph.add((iri, RDF.type, OWL.SymmetricProperty))
    if info.comment:
        graph.add((iri, RDFS.comment, Literal(info.comment)))
    return iri


def bind_namespaces(graph: Graph) -> Graph:
    """Bind graphbuild's prefixes on ``graph`` (for readable Turtle) and return it."""
    for prefix, ns in NAMESPACES.items():
        graph.bind(prefix, ns, override=True)
    return graph
