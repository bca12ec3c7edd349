"""Step 4 of the actor stage: which tokens name which actor.

Every token that names an actor maps to it: the names found by the earlier
steps, other occurrences of the same names spaCy missed, bare surnames of the
people named in full, and demonyms of the countries named ("Russian-led").
"""
from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from .. import gazetteer
from ..records import COUNTRY, ORGANIZATION, PERSON
from ..names import is_title
from .candidates import Candidate, party_roles
from .names import extra_mentions, surnames

#: Per actor key, its mentions as (start token, end token, is a demonym).
Spans = dict[str, list[tuple[int, int, bool]]]


def map_tokens(doc: Doc, order: list[list[Candidate]], keys: list[str], labels: list[str],
               kinds: list[tuple[str, str]]) -> tuple[dict[int, str], Spans]:
    """The token -> actor key map, and each actor's mention spans.

    Args:
        doc: the parsed article.
        order: each actor's candidate mentions, actors in order of first mention.
        keys, labels, kinds: each actor's key, label and (type, subtype), in the same order.
    """
    token_actor: dict[int, str] = {}
    surface: dict[tuple[str, ...], str] = {}
    spans_of: Spans = defaultdict(list)
    for ms, key in zip(order, keys):
        for m in ms:
            spans_of[key].append((m.start, m.end, m.demonym))
            if not m.demonym and not m.generic:
                surface.setdefault(tuple(t.text for t in doc[m.start:m.end]), key)
    # Longer mentions first, so a possessor inside a name ("Chile" in "Chile's
    # Interior Ministry") keeps its own tokens.
    for key, spans in spans_of.items():
        for start, end, _ in spans:
            if end - start > 1:
                for i in range(start, end):
                    token_actor.setdefault(i, key)
    for key, spans in spans_of.items():
        for start, end, _ in spans:
            if end - start == 1:
                token_actor[start] = key
    # A town written with its state or country ("Seoul, South Korea"): the state's or country's own
    # words name it, not the town, whichever was mapped first.
    towns = [(m.start, m.end, key) for ms, key in zip(order, keys) for m in ms if m.qualified]
    for town_start, town_end, town in towns:
        for key, spans in spans_of.items():
            if key != town:
                for start, end, _ in spans:
                    if town_start < start and end <= town_end:
                        for i in range(start, end):
                            token_actor[i] = key
    bare = surnames(labels, keys, kinds, surface)
    for form, key in bare.items():
        surface.setdefault(form, key)
    for start, end, key in extra_mentions(doc, set(token_actor), surface, frozenset(bare)):
        spans_of[key].append((start, end, False))
        for i in range(start, end):
            token_actor[i] = key
    country_keys = {lab: key for (kind, _), lab, key in zip(kinds, labels, keys) if kind == COUNTRY}
    for token in doc:  # demonyms spaCy did not tag: "Russian-led", "a Georgian official"
        if token.i in token_actor or not token.text[:1].isupper() or token.pos_ not in ("ADJ", "PROPN"):
            continue
        dem = gazetteer.demonym(token.text)
        if dem is not None and not dem.group and dem.country in country_keys:
            token_actor[token.i] = country_keys[dem.country]
            spans_of[country_keys[dem.country]].append((token.i, token.i + 1, True))
    return token_actor, spans_of


#: At most this many lowercase role words stand between an organization and a person it names in a
#: role ("Tory shadow home secretary David Davis").
MAX_ROLE_WORDS = 3


def members(doc: Doc, token_actor: dict[int, str], spans_of: Spans, kind_of: dict[str, str]) -> dict[str, set[str]]:
    """Per organization key, the keys of the persons the article names in one of its roles.

    "Tory leader Michael Howard", "Lib Dem home affairs spokesman Mark Oaten": the organization's
    name, up to :data:`MAX_ROLE_WORDS` lowercase words of which the last is a role noun (a party
    role or a title), then the person's name.
    """
    roles = party_roles()
    found: dict[str, set[str]] = defaultdict(set)
    for key, spans in spans_of.items():
        if kind_of.get(key) != ORGANIZATION:
            continue
        for _, end, demonym in spans:
            if demonym:
                continue
            i = end
            while i < len(doc) and i - end < MAX_ROLE_WORDS and doc[i].is_lower and doc[i].is_alpha:
                i += 1
            if i == end or i >= len(doc) or not (doc[i - 1].lower_ in roles or is_title(doc[i - 1].text)):
                continue
            person = token_actor.get(i)
            if person is not None and kind_of.get(person) == PERSON:
                found[key].add(person)
    return found
