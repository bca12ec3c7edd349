"""Scene-setting phrases: a place put in front of a clause places the actors its clause is about.

"In Norway, the Green Party and the Farmers' Union formed a coalition" -> both presentIn Norway;
"In Norway, such groups include the Farmers' Union" -> presentIn Norway. The fronted phrase ("In"
and a place, then a comma, opening the sentence) hangs on the clause's verb; the actors it places
are the clause's subjects, its passive agent, its predicate nominal, what the verb "includes" and the
names listed with "such as", "including" or "like", with their conjuncts and appositions. An actor
deeper in the clause (an object acted on, "critics of X", a relative clause) is not placed: "In
Britain, Blair criticized Bush" does not put Bush in Britain.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from ..records import COUNTRY, ORGANIZATION, PERSON, PLACE
from .context import ArticleContext, End, Found

#: Labels by which an actor the fronted place covers hangs on the clause's verb.
CLAUSE_ROLES = frozenset({"nsubj", "nsubjpass", "attr", "agent"})
#: Labels that keep to the same phrase: coordination, apposition, a list's "such as"/"including".
LIST_DEPS = frozenset({"conj", "appos", "pobj", "prep", "amod", "advmod"})
#: The words that open a list of examples ("such as", "including", "like").
LIST_WORDS = frozenset({"as", "including", "like"})
#: Verbs whose direct object lists members of their subject ("groups include X").
INCLUDING_VERBS = frozenset({"include", "comprise"})


def _fronted_place(ctx: ArticleContext, sent: Sequence[Token]) -> tuple[End, Token] | None:
    """The place a sentence opens with ("In Norway, ..."), and the verb its phrase hangs on."""
    if len(sent) < 5 or sent[0].lower_ != "in" or sent[0].dep_ != "prep":
        return None
    obj = next((c for c in sent[0].children if c.dep_ == "pobj"), None)
    if obj is None or obj.right_edge.i + 1 >= sent[-1].i or obj.doc[obj.right_edge.i + 1].text != ",":
        return None
    end = ctx.named(obj)
    if end is None or end.weak or ctx.type_of(end) not in (COUNTRY, PLACE):
        return None
    verb = sent[0].head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return end, verb


def _listed(token: Token) -> Iterator[Token]:
    """The token, its conjuncts and appositions, and the names its "such as" lists give."""
    stack = [token]
    while stack:
        t = stack.pop()
        yield t
        for c in t.children:
            if c.dep_ in ("conj", "appos"):
                stack.append(c)
            elif c.dep_ == "prep" and c.lower_ in LIST_WORDS:
                stack.extend(o for o in c.children if o.dep_ == "pobj")
            elif c.dep_ == "amod" and c.lower_ == "such":
                stack.extend(o for p in c.children if p.dep_ == "prep" and p.lower_ == "as"
                             for o in p.children if o.dep_ == "pobj")


def _covered(verb: Token) -> Iterator[Token]:
    """The tokens of the clause that the fronted place covers."""
    for child in verb.children:
        if child.dep_ in CLAUSE_ROLES:
            heads = [o for o in child.children if o.dep_ == "pobj"] if child.dep_ == "agent" else [child]
            for head in heads:
                yield from _listed(head)
        elif child.dep_ == "dobj" and verb.lemma_.lower() in INCLUDING_VERBS:
            yield from _listed(child)
        elif child.dep_ == "prep" and child.lower_ in LIST_WORDS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield from _listed(obj)
        elif child.dep_ in ("conj", "xcomp") and child.pos_ in ("VERB", "AUX") and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            yield from _covered(child)  # "In Norway, X was founded and later won seats"
    for descendant in verb.subtree:  # a "such as" list anywhere in the clause names examples of it
        if descendant.dep_ == "prep" and descendant.lower_ in LIST_WORDS and descendant.head.pos_ == "NOUN" \
                and descendant.head.tag_ == "NNS":
            for obj in descendant.children:
                if obj.dep_ == "pobj":
                    yield from _listed(obj)


def find(sent: Sequence[Token], ctx: ArticleContext) -> Iterator[Found]:
    """The actors a sentence's fronted place covers, each presentIn it (construction ``fronted-place``)."""
    fronted = _fronted_place(ctx, sent)
    if fronted is None:
        return
    place, verb = fronted
    seen = {place.key}
    for token in _covered(verb):
        end = ctx.named(token)
        if end is None or end.weak or end.key in seen or ctx.type_of(end) not in (PERSON, ORGANIZATION) \
                or end.key in ctx.outlets:
            continue
        seen.add(end.key)
        yield Found(end, "presentIn", place, "fronted-place", None)
