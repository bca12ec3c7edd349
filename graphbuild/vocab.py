"""graphbuild's RDF vocabulary: namespaces, classes, predicates and IRI minting.

The graph speaks schema.org for actors and articles, SKOS for names, PROV for
provenance and RDF reification for evidence. graphbuild's own terms live in the
closed :class:`GB` namespace, so a typo in code is an error, not a silent new
IRI; every IRI goes through :func:`mint`, which percent-encodes, so no name can
break Turtle.

Relation predicates are declared here, each with its label, its kind and, for
events, its PLOVER event type (the Open Event Data Alliance's political event
ontology: AGREE, CONSULT, SUPPORT, COOPERATE, AID, RETREAT, REQUEST, ACCUSE,
REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT):

* :data:`STRUCTURAL`: roles, membership, ownership, place and attribution
  (leaderOf, memberOf, owns, basedIn, livesIn, quotedBy, ...);
* :data:`EVENTS`: one predicate per event however it is worded ("killed" for
  kill, murder, assassinate, shoot dead); the words of the event vocabulary
  (``graphbuild/data/relations_events.tsv``) map to them, and each statement
  keeps its surface phrase as its label ("assassinated"). Events outside
  PLOVER's political scope (acquired, appointed, defeated, ...) have no type.

A predicate that holds both ways round is symmetric (metWith, agreedWith).
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
    eventType: URIRef  # an event predicate's PLOVER event type ("ASSAULT", "CONSULT", ...)
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
    livesIn: URIRef
    bornIn: URIRef
    presentIn: URIRef
    owns: URIRef
    represents: URIRef
    oversees: URIRef


#: The PLOVER event types (PLOVER 0.7 calls REQUEST "DEMAND").
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass(frozen=True, slots=True)
class PredicateInfo:
    """What the vocabulary says of one relation predicate."""

    label: str
    kind: str  # "structural" or "event"
    symmetric: bool = False
    comment: str = ""
    event_type: str = ""  # one of PLOVER_TYPES; "" for structural predicates and events outside PLOVER


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
    "livesIn": PredicateInfo("lives in", "structural", comment="a person lives in or comes from a place"),
    "bornIn": PredicateInfo("born in", "structural"),
    "presentIn": PredicateInfo("was in", "structural",
                               comment="took part in an event held in a place ('met Y in Gaza')"),
    "owns": PredicateInfo("owns", "structural", comment="owns all or a share of an organization"),
    "represents": PredicateInfo("represents", "structural", comment="a politician represents a state or seat"),
    "oversees": PredicateInfo("oversees", "structural", comment="oversees or regulates an organization"),
}

def _event(label: str, event_type: str = "", symmetric: bool = False, comment: str = "") -> PredicateInfo:
    return PredicateInfo(label, "event", symmetric=symmetric, comment=comment, event_type=event_type)


#: The event predicates, by PLOVER type; the words that state each are in relations_events.tsv.
EVENTS: dict[str, PredicateInfo] = {
    # ASSAULT: use of force
    "killed": _event("killed", "ASSAULT"),
    "attacked": _event("attacked", "ASSAULT", comment="a military or violent attack"),
    "shot": _event("shot", "ASSAULT", comment="shot at or wounded with a gun ('shot dead' is killed)"),
    "invaded": _event("invaded", "ASSAULT"),
    "occupied": _event("occupied", "ASSAULT"),
    "annexed": _event("annexed", "ASSAULT"),
    "foughtWith": _event("fought with", "ASSAULT", symmetric=True, comment="war, fighting and clashes"),
    "abducted": _event("abducted", "ASSAULT"),
    # COERCE: arrests, expulsions, bans, seizures, prosecutions, penalties, removal from power
    "arrested": _event("arrested", "COERCE"),
    "expelled": _event("expelled", "COERCE"),
    "banned": _event("banned", "COERCE"),
    "seized": _event("seized", "COERCE"),
    "prosecuted": _event("prosecuted", "COERCE", comment="charged, indicted, tried or sentenced"),
    "fined": _event("fined", "COERCE"),
    "ousted": _event("ousted", "COERCE", comment="removed from power by force"),
    "blockaded": _event("blockaded", "COERCE"),
    # SANCTION: reduced relations
    "sanctioned": _event("sanctioned", "SANCTION", comment="sanctions, embargoes, boycotts and tariffs"),
    "cutTiesWith": _event("cut ties with", "SANCTION"),
    "cutAidTo": _event("cut aid to", "SANCTION"),
    "suspended": _event("suspended", "SANCTION"),
    # MOBILIZE
    "deployedTroopsTo": _event("deployed troops to", "MOBILIZE", comment="sent, massed or stationed forces"),
    # THREATEN, PROTEST
    "threatened": _event("threatened", "THREATEN"),
    "protestedAgainst": _event("protested against", "PROTEST", comment="demonstrations and rallies"),
    # ACCUSE: accusations, criticism, opposition, lawsuits, investigations
    "accused": _event("accused", "ACCUSE"),
    "criticized": _event("criticized", "ACCUSE"),
    "opposed": _event("opposed", "ACCUSE"),
    "disputedWith": _event("in dispute with", "ACCUSE", symmetric=True, comment="disputes, rows, rifts, tensions"),
    "sued": _event("sued", "ACCUSE"),
    "investigated": _event("investigated", "ACCUSE"),
    # REJECT, REQUEST
    "rejected": _event("rejected", "REJECT", comment="rejected, vetoed or blocked"),
    "requested": _event("requested", "REQUEST", comment="asked or appealed to for something"),
    "urged": _event("urged", "REQUEST", comment="urged, pressed or called on to act"),
    # SUPPORT: verbal support, praise, recognition, apology
    "supported": _event("supported", "SUPPORT"),
    "praised": _event("praised", "SUPPORT"),
    "recognized": _event("recognized", "SUPPORT"),
    "apologizedTo": _event("apologized to", "SUPPORT"),
    "backed": _event("backed", "SUPPORT", comment="as in 'a Tehran-backed militia'"),
    "sponsored": _event("sponsored", "SUPPORT", comment="as in 'a state-sponsored group'"),
    # AGREE
    "agreedWith": _event("agreed with", "AGREE", symmetric=True, comment="agreements, deals, treaties, truces"),
    "signedWith": _event("signed with", "AGREE", symmetric=True,
                         comment="signed or ratified a formal agreement with (CAMEO 057)"),
    "offered": _event("offered", "AGREE", comment="offered or pledged something"),
    # CONSULT: meetings, talks, visits (the visitor is the subject), mediation, invitations
    "metWith": _event("met with", "CONSULT", symmetric=True, comment="meetings, talks and negotiations"),
    "visited": _event("visited", "CONSULT"),
    "mediated": _event("mediated", "CONSULT", comment="mediated between the object and another party"),
    "invited": _event("invited", "CONSULT"),
    "told": _event("told", "CONSULT", comment="addressed a body (a committee, parliament)"),
    # COOPERATE
    "cooperatedWith": _event("cooperated with", "COOPERATE", symmetric=True),
    "alliedWith": _event("allied with", "COOPERATE", symmetric=True),
    "tiesWith": _event("has ties (relations) with", "COOPERATE", symmetric=True),
    "tradedWith": _event("traded with", "COOPERATE", symmetric=True),
    "mergedWith": _event("merged with", "COOPERATE", symmetric=True),
    "investedIn": _event("invested in", "COOPERATE"),
    "funded": _event("funded", "COOPERATE"),
    # AID
    "aided": _event("aided", "AID"),
    "lentTo": _event("lent to", "AID"),
    "supplied": _event("supplied", "AID"),
    # CONCEDE
    "answeredCallOf": _event("answered the call of", "CONCEDE", comment="answered or heeded a call, appeal or request"),
    # RETREAT
    "withdrewFrom": _event("withdrew from", "RETREAT", comment="withdrew from a place or left a body"),
    "released": _event("released", "RETREAT"),
    "easedSanctionsOn": _event("eased sanctions on", "RETREAT"),
    "resignedFrom": _event("resigned from", "RETREAT"),
    # Politics outside PLOVER: contests, appointments, succession, hiring, membership
    "defeated": _event("defeated"),
    "appointed": _event("appointed", comment="appointed, named, nominated or elected"),
    "replaced": _event("replaced", comment="replaced or succeeded"),
    "dismissed": _event("dismissed", comment="sacked or fired"),
    "hired": _event("hired", comment="hired, recruited or signed"),
    "joined": _event("joined"),
    # Business outside PLOVER
    "acquired": _event("acquired", comment="bought or took over"),
    "boughtStakeIn": _event("bought a stake in"),
    "sold": _event("sold"),
    "soldTo": _event("sold to"),
    "bidFor": _event("bid for"),
    "advised": _event("advised", comment="advised a party to a deal or a government"),
    "competedWith": _event("competed with", symmetric=True, comment="contests, races, matches, rivalries"),
    "ranFor": _event("ran for", comment="stood as a candidate for a body, a seat or a party"),
    "runs": _event("runs", comment="as in 'a state-run broadcaster'"),
}

#: Every declared predicate.
PREDICATES: dict[str, PredicateInfo] = {**STRUCTURAL, **EVENTS}


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
    """What the vocabulary knows of a predicate.

    A predicate it does not declare (one read from an older graph) is an event
    labelled with ``label`` or its own words.
    """
    if local in PREDICATES:
        return PREDICATES[local]
    words = label or re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local).lower()
    return PredicateInfo(words, "event")


def describe_predicate(graph: Graph, local: str, label: str = "") -> URIRef:
    """Add the predicate's declaration (label, kind, event type, symmetry) to ``graph``; return its IRI."""
    iri = predicate_iri(local)
    info = predicate_info(local, label)
    graph.add((iri, RDF.type, RDF.Property))
    graph.add((iri, RDF.type, GB.RelationPredicate))
    graph.add((iri, RDFS.label, Literal(info.label)))
    graph.add((iri, GB.kind, Literal(info.kind)))
    if info.event_type:
        graph.add((iri, GB.eventType, Literal(info.event_type)))
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
