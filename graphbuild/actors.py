"""Finding actors: spaCy entities turned into typed, canonical, resolved actors.

A first, honest version: named entities of the actor labels, titles stripped,
surnames resolved to the full name of a person named earlier, acronyms in
parentheses joined to their long form.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.tokens import Doc, Span

from .records import COUNTRY, ORGANIZATION, PERSON, PLACE, Actor, ActorTable, Mention

#: spaCy entity labels that can be actors, and the actor type each suggests.
LABEL_TYPE = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": COUNTRY, "LOC": PLACE, "FAC": PLACE}

#: Words stripped from the front of a name: titles and honorifics.
TITLE_WORDS = frozenset("""president prime minister mr mr. mrs mrs. ms ms. dr dr. sir lord lady
chancellor secretary general gen. senator sen. rep. governor king queen prince princess
founding former then-president leader chairman chair ceo""".split())


def _clean_span(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in TITLE_WORDS or doc[start].is_punct or doc[start].lower_ == "the"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS" or doc[end - 1].is_stop):
        end -= 1
    return doc[start:end] if end > start else None


def find_actors(doc: Doc) -> ActorTable:
    """Resolve the actors named in one parsed article.

    Args:
        doc: the parsed article text.

    Returns:
        The article's actors and the token -> actor map.
    """
    spans: list[tuple[Span, str]] = []
    for ent in doc.ents:
        kind = LABEL_TYPE.get(ent.label_)
        if kind is None:
            continue
        span = _clean_span(ent)
        if span is not None and any(t.is_alpha for t in span):
            spans.append((span, kind))

    key_of: dict[str, str] = {}
    types: dict[str, Counter] = defaultdict(Counter)
    mentions: dict[str, list[Mention]] = defaultdict(list)
    token_actor: dict[int, str] = {}
    persons: list[str] = []
    for span, kind in spans:
        text = span.text
        key = key_of.get(text)
        if key is None and kind == PERSON and len(span) == 1:
            key = next((p for p in reversed(persons) if p.split()[-1] == text), None)
        if key is None:
            key = text
            if kind == PERSON and len(span) > 1:
                persons.append(text)
        key_of[text] = key
        types[key][kind] += 1
        mentions[key].append(Mention(text, span.start_char, span.end_char))
        for token in span:
            token_actor[token.i] = key

    actors = []
    for key, found in mentions.items():
        aliases = tuple(sorted({m.text for m in found} - {key}))
        actors.append(Actor(key=key, label=key, type=types[key].most_common(1)[0][0],
                            aliases=aliases, mentions=tuple(found)))
    return ActorTable(actors=tuple(actors), token_actor=token_actor)
