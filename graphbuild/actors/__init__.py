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

from collections import defaultdict

from spacy.tokens import Doc

from ..names import tidy
from ..pronouns import Antecedent, person_gender, resolve_pronouns
from ..records import PERSON, Actor, ActorTable, Mention
from .candidates import Candidate, named_mentions, tags_and_acronyms
from .groups import state_bodies
from .names import label, unique_keys
from .resolution import resolve
from .tokens import map_tokens
from .types import actor_type

__all__ = ["find_actors"]


def find_actors(doc: Doc, *, groups: bool = False) -> ActorTable:
    """Resolve the actors named in one parsed article.

    Args:
        doc: the parsed article text (needs the tagger, parser and NER).
        groups: also treat groups of people named by a demonym ("Russians") as
            their country; by default they are no actor.

    Returns:
        The article's actors, the token -> actor map and the pronoun tokens.

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
    order = sorted(grouped.values(), key=lambda ms: min(m.start for m in ms))

    kinds = [actor_type(ms) for ms in order]
    labels = [label(ms, kind) for ms, (kind, _) in zip(order, kinds)]
    keys = unique_keys(labels)
    token_actor, spans_of = map_tokens(doc, order, keys, labels, kinds)

    actors = []
    antecedents = []
    for ms, key, text, (kind, subtype) in zip(order, keys, labels, kinds):
        spans = sorted(set(spans_of[key]))
        names = {tidy(doc[s:e].text) for s, e, dem in spans if not dem}
        aliases = tuple(sorted(names - {text}))
        found_mentions = tuple(Mention(doc[s:e].text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
                               for s, e, _ in spans)
        actors.append(Actor(key=key, label=text, type=kind, subtype=subtype, aliases=aliases,
                            mentions=found_mentions))
        gender = person_gender(text, [t for m in ms for t in m.titles]) if kind == PERSON else ""
        # A demonym is no antecedent: "Nigerian-led troops ... they" are the troops.
        antecedents.extend(Antecedent(s, e, key, kind, gender, subtype == "City") for s, e, dem in spans if not dem)
    pronouns = resolve_pronouns(doc, antecedents, set(token_actor))
    for i, key in pronouns.items():
        token_actor.setdefault(i, key)
    pronoun_tokens = frozenset(i for i in pronouns if token_actor.get(i) == pronouns[i])
    return ActorTable(actors=tuple(actors), token_actor=token_actor, pronoun_tokens=pronoun_tokens)
