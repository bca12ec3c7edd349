"""Finding actors: spaCy entities turned into typed, canonical, resolved actors.

The stage runs in steps over one parsed article, each linear in its size, one
module each:

1. :mod:`.candidates`: entities trimmed to their names, split, typed with the
   gazetteer and filtered for noise; :mod:`.groups` adds the bodies of a state
   named by a lowercase noun ("Kenya's foreign ministry").
2. :mod:`.resolution`: mentions joined into actors (surnames, acronyms, short
   forms, near misses).
3. :mod:`.types`: each actor's type; :mod:`.names`: its label and key.
4. :mod:`.tokens`: every token that names an actor mapped to it, and the
   pronouns :mod:`graphbuild.pronouns` resolves.
"""
from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict

from spacy.tokens import Doc

from ..names import tidy
from ..pronouns import Antecedent, person_gender, resolve_pronouns
from ..records import COUNTRY, ORGANIZATION, PERSON, Actor, ActorTable, Mention, Relation
from ..vocab import STRUCTURAL
from .candidates import Candidate, named_mentions, tags_and_acronyms
from .groups import find_groups, joined_organization, state_bodies
from .names import label, titled_names, unique_keys
from .resolution import resolve
from .tokens import map_tokens, members
from .types import actor_type, trusted_place

__all__ = ["find_actors", "with_group_countries"]

#: The subtype of a news outlet, which is no group's country or party (:func:`.groups.find_groups`).
NEWS_OUTLET = "NewsMediaOrganization"
#: The confidence of a group's partOf relation: the phrase itself says it ("the Sri Lankan army").
GROUP_CONFIDENCE = 0.9


def find_actors(doc: Doc, *, groups: bool = False) -> ActorTable:
    """Resolve the actors named in one parsed article.

    Args:
        doc: the parsed article text (needs the tagger, parser and NER).
        groups: also treat groups of people named by a demonym ("Russians") as
            their country; by default they are no actor.

    Returns:
        The article's actors (group actors among them), the token -> actor map,
        the pronoun tokens and the groups' partOf relations.

    Example:
        >>> from graphbuild.nlp import load_pipeline  # doctest: +SKIP
        >>> table = find_actors(load_pipeline()("Mr. Smith met the French president."))  # doctest: +SKIP
    """
    found = named_mentions(doc, groups)
    found += state_bodies(doc, found)
    mentions, links = tags_and_acronyms(doc, found)
    uf = resolve(mentions, links)
    grouped: dict[int, list[Candidate]] = defaultdict(list)
    for m in mentions:
        grouped[uf[m.node]].append(m)
    # A common noun alone ("the Bank") that joined no named organization names no actor.
    order = sorted((ms for ms in grouped.values() if not all(m.generic for m in ms)),
                   key=lambda ms: min(m.start for m in ms))
    generic = {(m.start, m.end) for m in mentions if m.generic}

    kinds = [actor_type(ms) for ms in order]
    labels = [label(ms, kind) for ms, (kind, _) in zip(order, kinds)]
    named_keys = unique_keys(labels)
    token_actor, spans_of = map_tokens(doc, order, named_keys, labels, kinds)
    sector_groups = find_groups(doc, *_named_tokens(doc, order, named_keys, labels, kinds, token_actor))
    keys = unique_keys(labels + [g.label for g in sector_groups])  # the named actors' keys come first, unchanged
    label_of = dict(zip(keys, labels))
    kind_of = {key: kind for key, (kind, _) in zip(keys, kinds)}
    named_members = members(doc, token_actor, spans_of, kind_of)

    surnames = Counter(text.split()[-1].lower() for text, (kind, _) in zip(labels, kinds) if kind == PERSON and text)
    shared_surnames = frozenset(w for w, n in surnames.items() if n > 1)
    actors = []
    antecedents = []
    for ms, key, text, (kind, subtype) in zip(order, keys, labels, kinds):
        spans = sorted(set(spans_of[key]))
        names = {tidy(doc[s:e].text) for s, e, dem in spans if not dem and (s, e) not in generic}
        if kind == PERSON:
            names |= titled_names(doc, spans, shared_surnames)
        aliases = tuple(sorted(names - {text}))
        actors.append(Actor(key=key, label=text, type=kind, subtype=subtype, aliases=aliases,
                            mentions=_mentions(doc, spans),
                            members=tuple(sorted(label_of[k] for k in named_members.get(key, ()))),
                            type_evidence=sum(m.evidence and m.kind == kind and (m.place is None or trusted_place(m))
                                              for m in ms)))
        gender = person_gender(text, [t for m in ms for t in m.titles]) if kind == PERSON else ""
        # A demonym is no antecedent: "Nigerian-led troops ... they" are the troops.
        antecedents.extend(Antecedent(s, e, key, kind, gender, subtype == "City") for s, e, dem in spans if not dem)
    relations = []
    for group, key in zip(sector_groups, keys[len(labels):]):
        anchor = group.anchor
        if (named := joined_organization(group, label_of, kind_of)) is not None:
            key = named  # "Mali's army" is the Malian Armed Forces the article names
        phrases = sorted({tidy(doc[s:e].text) for (s, e), bare in zip(group.spans, group.bare) if not bare})
        own = [(min(t), max(t) + 1) for t in group.tokens]
        for tokens in group.tokens:
            for i in tokens:
                token_actor.setdefault(i, key)
        antecedents.extend(Antecedent(s, e, key, ORGANIZATION) for s, e in own)
        if named is not None:
            i = next(n for n, a in enumerate(actors) if a.key == named)
            old = actors[i]
            actors[i] = dataclasses.replace(
                old, subtype=old.subtype or group.sector.subtype,
                aliases=tuple(sorted(set(old.aliases) | set(phrases) - {old.label})),
                mentions=old.mentions + _mentions(doc, [(s, e, False) for s, e in own]))
        else:
            actors.append(Actor(key=key, label=group.label, type=ORGANIZATION, subtype=group.sector.subtype,
                                aliases=tuple(p for p in phrases if p != group.label),
                                mentions=_mentions(doc, [(s, e, False) for s, e in group.spans]),
                                type_evidence=len(group.spans), sector=group.sector.code,
                                part_of=anchor or ""))
        if anchor is not None:
            sentence = doc[group.spans[0][0]].sent
            relations.append(Relation(subject=key, predicate="partOf", object=anchor, sentence=sentence.text,
                                      start=sentence.start_char, end=sentence.end_char,
                                      confidence=GROUP_CONFIDENCE, construction="group"))
    pronouns = resolve_pronouns(doc, antecedents, set(token_actor))
    for i, key in pronouns.items():
        token_actor.setdefault(i, key)
    pronoun_tokens = frozenset(i for i in pronouns if token_actor.get(i) == pronouns[i])
    return ActorTable(actors=tuple(actors), token_actor=token_actor, pronoun_tokens=pronoun_tokens,
                      relations=tuple(relations))


def _mentions(doc: Doc, spans) -> tuple[Mention, ...]:
    return tuple(Mention(doc[s:e].text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e, _ in spans)


def _named_tokens(doc: Doc, order: list[list[Candidate]], keys: list[str], labels: list[str],
                  kinds: list[tuple[str, str]], mapped: dict[int, str]):
    """The named actors as :func:`find_groups` reads them: token map, types, labels, spans by key, outlets.

    The token map is the candidates' tokens and the tokens :func:`map_tokens` mapped besides
    (``mapped``: a name spaCy tagged once, written again untagged, anchors a group too).
    """
    token_actor: dict[int, str] = {}
    spans_of: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)
    for ms, key in zip(order, keys):
        for m in ms:
            spans_of[key].append((m.start, m.end, m.demonym))
            for i in range(m.start, m.end):
                token_actor.setdefault(i, key)
    for i, key in mapped.items():
        token_actor.setdefault(i, key)
    kind_of = {key: kind for key, (kind, _) in zip(keys, kinds)}
    outlets = frozenset(key for key, (_, subtype) in zip(keys, kinds) if subtype == NEWS_OUTLET)
    return token_actor, kind_of, dict(zip(keys, labels)), spans_of, outlets


#: A relation of a group, stated again of its country, keeps this share of its confidence.
ROLL_UP_CONFIDENCE = 0.8


def with_group_countries(relations: tuple[Relation, ...], table: ActorTable) -> tuple[Relation, ...]:
    """``relations``, and each relation of a country's group stated again of the country.

    "The president called in Chilean troops" says the president called in the Chile military, and so Chile:
    event data codes an agent by its country and sector, and reads it by either. The copy is
    weaker (:data:`ROLL_UP_CONFIDENCE`) and names its construction "<rule>+group". Only events
    are stated again: where a group is, whom it is led by or what it belongs to is not said of
    its country ("Chinese troops in the square" puts no country's seat there).
    """
    country_of = {a.key: a.part_of for a in table.actors
                  if a.sector and a.part_of and any(b.key == a.part_of and b.type == COUNTRY for b in table.actors)}
    if not country_of:
        return relations
    extra = []
    for rel in relations:
        if rel.construction == "group" or rel.predicate in STRUCTURAL:
            continue
        subject, obj = country_of.get(rel.subject, rel.subject), country_of.get(rel.object, rel.object)
        if (subject, obj) != (rel.subject, rel.object) and subject != obj:
            extra.append(dataclasses.replace(rel, subject=subject, object=obj,
                                             confidence=round(rel.confidence * ROLL_UP_CONFIDENCE, 3),
                                             construction=f"{rel.construction}+group"))
    return (*relations, *extra)
