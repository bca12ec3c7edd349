"""Role nouns: titles, appositions and copulas that state who a person is.

* titles before a name: "Brazilian President Lula" -> presidentOf Brazil,
  "NATO Secretary General Jens Stoltenberg" -> leaderOf NATO;
* appositions either way round: "Ana Lopez, a senior fellow at Chatham House"
  -> affiliatedWith, "the head of the bloc, Dutch Prime Minister Mark Rutte"
  -> leaderOf the bloc named elsewhere;
* copulas: "Lopez is a professor at Harvard";
* a person with a bare "at"/"of" phrase: "Ana Lopez of Chatham House";
* "based in": "an analyst based in Nairobi" -> basedIn;
* role descriptions: "the Chilean leader" -> the person holding it (from context).

Role nouns and their predicates are data: ``graphbuild/data/relations_roles.tsv``.
"""
from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from .. import gazetteer, lexicon
from ..records import COUNTRY, ORGANIZATION, PERSON, PLACE
from . import grammar
from .context import ORG_NOUNS, ArticleContext, End, Found

#: Which actor types each role predicate may point at.
ROLE_OBJECT_TYPES = {
    "presidentOf": (COUNTRY, ORGANIZATION, PLACE),
    "primeMinisterOf": (COUNTRY, PLACE),
    "leaderOf": (COUNTRY, ORGANIZATION, PLACE),
    "chairOf": (ORGANIZATION, COUNTRY),
    "ministerOf": (COUNTRY, PLACE),
    "memberOf": (ORGANIZATION,),
    "affiliatedWith": (ORGANIZATION,),
    "worksFor": (ORGANIZATION, COUNTRY),
    "writesFor": (ORGANIZATION,),
    "founderOf": (ORGANIZATION,),
    "agentOf": (PERSON, ORGANIZATION),
}
#: Prepositions that name what a role is of, per predicate ("president of", "fellow at", "columnist for").
ROLE_PREPS = {
    "affiliatedWith": ("at", "of", "with", "from"),
    "worksFor": ("at", "of", "for", "with", "to"),
    "agentOf": ("of", "for", "to"),
    "writesFor": ("for", "at", "of", "with"),
}
#: The prepositions of every other role ("president of", "member of").
DEFAULT_ROLE_PREPS = ("of",)
#: Modifiers that make a role a lesser one ("Vice President" is not the president).
DEPUTY_WORDS = frozenset({"vice", "deputy", "assistant", "vice-president", "associate", "junior"})
#: Prepositions by which a named person is placed at an organization ("Ana Lopez of Chatham House").
AFFILIATION_PREPS = ("at", "of", "from")
#: Participles that place an actor ("based in Nairobi").
PLACED = {"base": "basedIn", "headquarter": "basedIn", "headquartered": "basedIn", "locate": "locatedIn"}


@functools.cache
def role_table() -> dict[str, str]:
    """Role noun (lower case) -> structural predicate, from the data file."""
    return lexicon.mapping("relations_roles.tsv")


def role_of(token: Token) -> str | None:
    """The structural predicate a role noun states, or None ("Prime Minister" -> primeMinisterOf)."""
    table = role_table()
    modifiers = [c for c in token.children if c.i < token.i and c.dep_ in ("compound", "amod", "nmod")]
    if any(m.lower_ in DEPUTY_WORDS for m in modifiers) or (token.i > 0 and token.nbor(-1).lower_ in DEPUTY_WORDS):
        return "worksFor" if token.lemma_.lower() in table or token.lower_ in table else None
    for m in modifiers:
        if (two := f"{m.lower_} {token.lower_}") in table:
            return table[two]
    return table.get(token.lower_) or table.get(token.lemma_.lower())


def _fits(ctx: ArticleContext, predicate: str, end: End | None) -> bool:
    return end is not None and ctx.type_of(end) in ROLE_OBJECT_TYPES.get(predicate, ())


def _role_objects(ctx: ArticleContext, role: Token, predicate: str, skip: Token | None = None) -> Iterator[End]:
    """What the role noun ``role`` is a role of: its modifiers and prepositional objects."""
    types = ROLE_OBJECT_TYPES.get(predicate, ())
    for token in [role, *(c for c in role.children if c.dep_ == "compound" and c.i < role.i)]:
        for child in token.children:
            if child is skip or child.i > role.i or child.dep_ not in ("amod", "compound", "poss", "nmod", "npadvmod"):
                continue
            end = ctx.named(child)
            if end is None and child.dep_ == "poss" and _definite_org_noun(child):
                # "the company's chief executive": the company named before
                end = ctx.describe(child) or ctx.recent_organization(child, child.lemma_.lower())
            if end is not None and ctx.type_of(end) in types:
                yield end
    for _, obj in grammar.prep_objects(role, *ROLE_PREPS.get(predicate, DEFAULT_ROLE_PREPS)):
        for conj in grammar.conjuncts(obj):
            end = ctx.phrase(conj, behind=False)
            if _fits(ctx, predicate, end):
                yield end
                yield from _parent_orgs(ctx, conj, predicate)


def _definite_org_noun(token: Token) -> bool:
    """"the company", "the club": a noun for an organization, with a definite article."""
    return token.lemma_.lower() in ORG_NOUNS and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _parent_orgs(ctx: ArticleContext, org: Token, predicate: str) -> Iterator[End]:
    """For affiliations, the possessor organization too: "at Harvard's Kennedy School" -> Harvard."""
    if predicate not in ("affiliatedWith", "worksFor"):
        return
    for child in org.children:
        if child.dep_ == "poss":
            end = ctx.named(child)
            if end is not None and ctx.type_of(end) == ORGANIZATION:
                yield End(end.key, weak=True)


def _emit(ctx: ArticleContext, person: End, predicate: str, obj: End, construction: str,
          anchor: Token | None) -> Found:
    if predicate in ("leaderOf", "presidentOf", "primeMinisterOf") and ctx.type_of(obj) == COUNTRY:
        ctx.note_role(person.key, predicate, obj.key)
    if predicate in ("affiliatedWith", "writesFor"):
        ctx.sources.add(person.key)
    return Found(person, predicate, obj, construction, anchor)


def _person(ctx: ArticleContext, token: Token) -> End | None:
    end = ctx.phrase(token, behind=False, describe=False)
    return end if ctx.type_of(end) == PERSON else None


def _titles(ctx: ArticleContext, head: Token) -> Iterator[Found]:
    """Titles before a name: "Peruvian Prime Minister Ana Rojas"."""
    person = ctx.named(head)
    if ctx.type_of(person) != PERSON:
        return  # "the National Executive Committee": a word of an organization's name is no title
    for title in head.children:
        if title.dep_ not in ("compound", "amod") or title.i > head.i:
            continue
        if ctx.named(title) not in (None, person):
            continue
        predicate = role_of(title)
        if predicate is None:
            continue
        for obj in _role_objects(ctx, title, predicate):
            yield _emit(ctx, person, predicate, obj, "title", None)
        # what the role is of, beside the title rather than on it: "Acme chief executive X", where
        # the parser hangs "Acme" on the name or, at a sentence's start, on nothing near (dep)
        beside = [c for c in head.children if c.i < title.i
                  and c.dep_ in ("amod", "poss", "nmod", "compound")]
        before = title.left_edge.i - 1
        if before >= head.sent.start and head.doc[before].dep_ in ("dep", "nmod", "compound"):
            beside.append(head.doc[before])
        for child in beside:
            end = ctx.named(child)
            if _fits(ctx, predicate, end) and end != person:
                yield _emit(ctx, person, predicate, end, "title", None)


def _appositions(ctx: ArticleContext, token: Token) -> Iterator[Found]:
    """Name and role side by side: "Lopez, a fellow at X" and "the chair of X, Mark Rutte"."""
    if token.dep_ != "appos":
        return
    pairs = [(token.head, token), (token, token.head)]  # (person side, role side)
    for person_token, role in pairs:
        person = _person(ctx, person_token)
        if person is None or ctx.named(role) is not None:
            continue
        predicate = role_of(role)
        if predicate is None:
            continue
        for obj in _role_objects(ctx, role, predicate):
            yield _emit(ctx, person, predicate, obj, "apposition", None)


def _copulas(ctx: ArticleContext, token: Token) -> Iterator[Found]:
    """"X is the president of Y", "X and Z are members of Y"."""
    if token.dep_ != "attr" or token.head.lemma_ != "be" or ctx.named(token) is not None:
        return
    predicate = role_of(token)
    if predicate is None:
        return
    for subject in grammar.children(token.head, "nsubj"):
        for conj in grammar.conjuncts(subject):
            end = ctx.phrase(conj, behind=False)
            wanted = (PERSON,) if predicate != "memberOf" else (COUNTRY, ORGANIZATION, PERSON)
            if end is None or ctx.type_of(end) not in wanted:
                continue
            for obj in _role_objects(ctx, token, predicate):
                yield _emit(ctx, end, predicate, obj, "copula", token.head)


def _affiliations(ctx: ArticleContext, prep: Token) -> Iterator[Found]:
    """A name with a bare "at"/"of" phrase: "Ana Lopez of Chatham House", "Ana Lopez, at Chatham House,".

    Read off the surface (name, optional comma, preposition) since the parser
    often hangs the phrase elsewhere.
    """
    if prep.lower_ not in AFFILIATION_PREPS or prep.i == 0:
        return
    before = prep.nbor(-1)
    if before.text == "," and before.i > 0:
        before = before.nbor(-1)
    person = ctx.named(before)
    if ctx.type_of(person) != PERSON or person.weak:
        return
    for obj in grammar.children(prep, "pobj"):
        end = ctx.phrase(obj, behind=False, describe=False)
        if ctx.type_of(end) == ORGANIZATION and end.key not in ctx.outlets:
            yield _emit(ctx, person, "affiliatedWith", end, "affiliation", None)
            for parent in _parent_orgs(ctx, obj, "affiliatedWith"):
                yield _emit(ctx, person, "affiliatedWith", parent, "affiliation", None)


def _placed(ctx: ArticleContext, token: Token) -> Iterator[Found]:
    """"an analyst based in Nairobi", "the Vienna-based OSCE" is in modifiers.py."""
    predicate = PLACED.get(token.lemma_.lower())
    if predicate is None or token.dep_ not in ("acl", "relcl", "amod", "advcl"):
        return
    holder = token.head
    end = ctx.named(holder)
    if end is None and holder.dep_ == "appos":
        end = ctx.named(holder.head)
    if end is None:
        return
    for _, obj in grammar.prep_objects(token, "in", "at"):
        for conj in grammar.conjuncts(obj):
            place = ctx.named(conj)
            if ctx.type_of(place) in (PLACE, COUNTRY):
                yield Found(end, predicate, place, "based-in", token)


def _descriptions(ctx: ArticleContext, token: Token) -> Iterator[Found]:
    """"the Chilean leader" with no name beside it: the person holding the role, from context."""
    if token.pos_ != "NOUN" or token.dep_ in ("compound", "appos") or ctx.named(token) is not None:
        return
    if any(c.dep_ == "appos" for c in token.children):
        return
    predicate = role_of(token)
    if predicate not in ("leaderOf", "presidentOf", "primeMinisterOf"):
        return
    holder = ctx.role_holder(token)
    if holder is None:
        return
    country = ctx.modifier_actor(token, (COUNTRY,))
    if country is not None:
        yield _emit(ctx, holder, predicate, country, "role-description", None)


def _party_state_tags(ctx: ArticleContext, paren: Token) -> Iterator[Found]:
    """ "Sen. Jane Doe (D-Ohio)" -> Jane Doe represents Ohio."""
    doc = paren.doc
    tag = gazetteer.party_state_tag([t.text for t in doc[paren.i:paren.i + gazetteer.MAX_PARTY_TAG_TOKENS]])
    if tag is None or paren.i == 0:
        return
    person, state = ctx.named(paren.nbor(-1)), ctx.named(doc[paren.i + 3])
    if person is not None and state is not None and ctx.type_of(person) == PERSON and person != state:
        yield Found(person, "represents", state, "party-state-tag", None, "represents")


def find(sent: Sequence[Token], ctx: ArticleContext) -> Iterator[Found]:
    """Every role relation stated in ``sent``."""
    for token in sent:
        if token.pos_ in ("PROPN", "NOUN", "PRON"):
            yield from _appositions(ctx, token)
            yield from _copulas(ctx, token)
            yield from _descriptions(ctx, token)
            if ctx.named(token) is not None:
                yield from _titles(ctx, token)
        elif token.pos_ == "ADP":
            yield from _affiliations(ctx, token)
        elif token.text == "(":
            yield from _party_state_tags(ctx, token)
        elif token.pos_ in ("VERB", "ADJ"):
            yield from _placed(ctx, token)
