"""Membership lists: "the members are Chile, Peru and Bolivia", "X and Y are members of Z".

The organization is the one the members are "of", its possessor ("the bloc's
members"), or, for "the other members" with neither, the organization the
previous sentences were about: the latest one named whose name or description
is a body with members (an alliance, a union, an organization).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from ..records import COUNTRY, ORGANIZATION, PERSON
from . import grammar
from .context import ArticleContext, End, Found

#: Nouns for the members of a body.
MEMBER_NOUNS = frozenset({"member", "members", "signatory", "signatories", "participant", "participants"})
#: Words naming a body that has members.
MEMBERSHIP_BODIES = frozenset({"alliance", "bloc", "union", "organization", "organisation", "pact", "league",
                               "group", "coalition", "federation", "association", "council", "community",
                               "party", "treaty", "commonwealth", "forum", "club"})
#: Class nouns a list of members may be given under ("the former Soviet states of A, B and C").
CLASS_NOUNS = frozenset({"state", "country", "nation", "republic", "government", "economy", "power"})
#: What may be a member.
MEMBER_TYPES = (COUNTRY, ORGANIZATION, PERSON)


def _body(ctx: ArticleContext, noun: Token) -> End | None:
    """The organization a members noun belongs to."""
    for child in noun.children:
        if child.dep_ == "poss" and (end := ctx.phrase(child, behind=False)) is not None:
            return end
    for _, obj in grammar.prep_objects(noun, "of", "in"):
        end = ctx.phrase(obj, behind=False)
        if ctx.type_of(end) == ORGANIZATION:
            return end
    if any(c.lower_ in ("other", "remaining", "founding", "current", "its", "their") for c in noun.children):
        return ctx.recent_body(noun, MEMBERSHIP_BODIES)
    return None


def _listed(ctx: ArticleContext, token: Token) -> list[End]:
    """The actors listed at ``token``, through a class noun ("the states of A, B and C")."""
    heads = list(grammar.conjuncts(token))
    if token.lemma_.lower() in CLASS_NOUNS and ctx.named(token) is None:
        heads = [c for _, o in grammar.prep_objects(token, "of", "like", "including") for c in grammar.conjuncts(o)]
    return [e for h in heads if (e := ctx.named(h)) is not None and ctx.type_of(e) in MEMBER_TYPES]


def find(sent: Sequence[Token], ctx: ArticleContext) -> Iterator[Found]:
    """Every membership stated by a list in ``sent``."""
    for verb in sent:
        if verb.lemma_ not in ("be", "include"):
            continue
        subjects = grammar.children(verb, "nsubj")
        complements = grammar.children(verb, "attr", "dobj")
        for subject in subjects:
            if subject.lower_ in MEMBER_NOUNS or subject.lemma_ in MEMBER_NOUNS:
                body = _body(ctx, subject)
                if body is None:
                    continue
                for complement in complements:
                    for member in _listed(ctx, complement):
                        yield Found(member, "memberOf", body, "member-list", verb)
