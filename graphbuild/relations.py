"""Extracting relations between the actors of one parsed article.

The rules live in :mod:`graphbuild.rules`: a general core that links every pair
of actors through the path grammar and the event vocabulary, and the families
for attribution, roles and noun modifiers. This module builds the article's
context, runs the rules sentence by sentence over it,
settles each found relation's confidence (from its construction, lowered when
an end was reached through a pronoun, a demonym or context) and whether it is
hypothetical (negated, asked or supposed), and yields :class:`Relation` records.

Relations with the same actor at both ends are dropped; so are relations an
end of which is no actor (the rules only ever return actors). Each
(subject, predicate, object) is yielded once per sentence, at its most
confident construction.

Example:
    >>> relations = list(find_relations(doc, find_actors(doc)))  # doctest: +SKIP
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator

from spacy.tokens import Doc

from .nlp import doc_text
from .records import ActorTable, Relation
from .rules import FAMILIES, LEARNERS
from .rules.core import place_chains
from .rules.constructions import confidence
from .rules.context import ArticleContext, Found
from .rules.grammar import hypothetical

#: Factor on the confidence when an end was reached through a pronoun, demonym or context.
WEAK_END_FACTOR = 0.8


def _confidence(found: Found) -> float:
    base = confidence(found.construction)
    weak = found.subject.weak + found.object.weak
    return round(base * WEAK_END_FACTOR ** weak, 3)


def find_relations(doc: Doc, table: ActorTable) -> Iterator[Relation]:
    """Yield the relations stated between actors in ``doc``.

    Args:
        doc: the parsed article text.
        table: the actor stage's answer for ``doc``.

    Returns:
        An iterator of relations, in sentence order.
    """
    ctx = ArticleContext.read(doc, table, LEARNERS)
    article_text = doc_text(doc)
    actor_tokens = sorted(table.token_actor)
    for tokens in ctx.sentences:  # one Token object each, shared by every rule
        if not tokens:
            continue
        sent = tokens[0].sent
        # A relation needs an actor, or a pronoun bound to one, in its sentence.
        first = bisect.bisect_left(actor_tokens, sent.start)
        if first == len(actor_tokens) or actor_tokens[first] >= sent.end:
            continue
        best: dict[tuple[str, str, str], tuple[float, Found]] = {}
        for family in FAMILIES:
            for found in family(tokens, ctx):
                if found.subject.key == found.object.key:
                    continue
                triple = (found.subject.key, found.predicate, found.object.key)
                confidence = _confidence(found)
                if triple not in best or confidence > best[triple][0]:
                    best[triple] = (confidence, found)
        for found in list(place_chains([f for _, f in best.values()])):
            triple = (found.subject.key, found.predicate, found.object.key)
            if triple not in best:
                best[triple] = (_confidence(found), found)
        raw = article_text[sent.start_char:sent.end_char]  # Span.text, without joining its tokens
        text = raw.strip()
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        end = start + len(text)
        for (subject, predicate, obj), (confidence, found) in best.items():
            yield Relation(subject=subject, predicate=predicate, object=obj, sentence=text,
                           start=start, end=end, confidence=confidence, construction=found.construction,
                           label=found.label,
                           hypothetical=found.anchor is not None and hypothetical(found.anchor))
