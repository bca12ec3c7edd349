"""Role nouns: titles, appositions and copulas that state who a person is.

* titles before a name: "Brazilian President Lula" -> presidentOf Brazil,
  "NATO Secretary General Jens Stoltenberg" -> leaderOf NATO;
* a noun beside a name that is no known role reads as an affiliation with an
  organization or as where the person is from: "Modesto native X" -> livesIn,
  "X, a finance lecturer at Y" -> affiliatedWith;
* appositions either way round: "Ana Lopez, a senior fellow at Chatham House"
  -> affiliatedWith, "the head of the bloc, Dutch Prime Minister Mark Rutte"
  -> leaderOf the bloc named elsewhere;
* copulas and naming verbs: "Lopez is a professor at Harvard", "X became
  chairman of Y", "X was named head of Y", "X serves as president of Y";
* a person with a bare "at"/"of" phrase: "Ana Lopez of Chatham House";
* role descriptions: "the Chilean leader" -> the person holding it (from context).

Role nouns and their predicates are data: ``graphbuild/data/relations_roles.tsv``.
"""
from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from .. import gazetteer, lexicon
from ..records import COUNTRY, ORGANIZATION, PERSON, PLACE
from . import events, grammar
from .context import ORG_NOUNS, SECTOR_OF, ArticleContext, End, Found, is_demonym_modifier

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
    "owns": (ORGANIZATION,),
}
#: Prepositions that name what a role is of, per predicate ("president of", "fellow at", "columnist for").
ROLE_PREPS = {
    "affiliatedWith": ("at", "of", "with", "from"),
    "worksFor": ("at", "of", "for", "with", "to"),
    "agentOf": ("of", "for", "to"),
    "writesFor": ("for", "at", "of", "with"),
    "memberOf": ("of", "for", "in"),
}
#: The prepositions of every other role ("president of", "member of").
DEFAULT_ROLE_PREPS = ("of",)
#: Modifiers that make a role a lesser one ("Vice President" is not the president).
DEPUTY_WORDS = frozenset({"vice", "deputy", "assistant", "vice-president", "associate", "junior"})
#: Offices of a government: held with a party's name, they say the holder is of the party, not its
#: head ("Former Tory chancellor X", "Republican President Y").
#: Marked "office" in relations_roles.tsv.
GOVERNMENT_OFFICES = frozenset(row[0] for row in lexicon.rows("relations_roles.tsv") if row[2:3] == ("office",))
#: Members of a legislature elected for a place: of a place, the holder represents it ("Ohio Senator X").
#: Marked "legislator" in relations_roles.tsv.
LEGISLATORS = frozenset(row[0] for row in lexicon.rows("relations_roles.tsv") if row[2:3] == ("legislator",))
#: Heads of something that may be a function, not a body ("head of tax", "chief of staff").
HEAD_PREDICATES = frozenset({"leaderOf", "chairOf", "presidentOf"})
#: Prepositions by which a named person is placed at an organization ("Ana Lopez of Chatham House").
AFFILIATION_PREPS = ("at", "of", "from")
#: Nouns beside a name that state no role (family, friends, ...): relations_not_roles.txt.
NOT_ROLES = lexicon.words("relations_not_roles.txt")
#: Words before a role that say it is held no more ("former leader X"): relations_past_role_words.txt.
PAST_ROLE_WORDS = lexicon.words("relations_past_role_words.txt")
#: What an unknown role noun beside a name states, by the actor type it is of: "Modesto native X",
#: "X, a finance professor at Y" -> affiliatedWith; "X, a native of Texas", "Canadian novelist X" -> livesIn.
GENERIC_ROLE = {ORGANIZATION: "affiliatedWith", COUNTRY: "livesIn", PLACE: "livesIn"}
#: Place subtypes that a role held there says a person is from ("Ohio Sen. X", "the Washington
#: correspondent X"); a building is not ("a Downing Street spokesman").
SETTLEMENTS = frozenset({"City", "AdministrativeArea"})
#: The prepositions an unknown role noun is of ("a lecturer at X", "attorney for X").
GENERIC_PREPS = ("of", "at", "for", "with", "from", "in")
#: Quotation marks: a role and a prepositional phrase on either side of one are no one phrase.
QUOTES = frozenset({'"', "“", "”"})
#: Verbs that give their subject a role noun as complement ("X became chairman of Y").
COPULA_VERBS = frozenset({"be", "become", "remain"})
#: Verbs that give their object (or passive subject) a role ("named X chairman", "was appointed as head").
NAMING_VERBS = frozenset({"name", "appoint", "elect", "make", "nominate", "choose", "install", "reappoint",
                          "re-elect", "confirm"})


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
    return table.get(token.lower_) or table.get(token.lemma_.lower()) or (
        table.get(token.lower_[:-1]) if token.lower_.endswith("s") else None)  # "MPs", lemmatized "mps"


def is_generic_role(token: Token) -> bool:
    """A common noun beside a name that is no known role but may be one ("native", "novelist")."""
    lemma = token.lemma_.lower()
    noun = token.pos_ == "NOUN" or (token.pos_ == "ADJ" and token.dep_ in ("compound", "appos", "attr"))
    return (noun and token.is_alpha and lemma not in NOT_ROLES and token.lower_ not in NOT_ROLES
            and not events.entries(token, "noun"))


def _fits(ctx: ArticleContext, predicate: str, end: End | None) -> bool:
    return end is not None and ctx.type_of(end) in ROLE_OBJECT_TYPES.get(predicate, ())


def _role_objects(ctx: ArticleContext, role: Token, predicate: str, skip: Token | None = None) -> Iterator[End]:
    """What the role noun ``role`` is a role of: its modifiers and prepositional objects."""
    types = ROLE_OBJECT_TYPES.get(predicate, ())
    for _, end, generic in _role_candidates(ctx, role, predicate, skip):
        if ctx.type_of(end) in types and not generic:
            yield end


def _role_candidates(ctx: ArticleContext, role: Token, predicate: str,
                     skip: Token | None = None) -> Iterator[tuple[Token, End, bool]]:
    """Every actor a role noun's modifiers and prepositional phrases name, of any type, and whether
    it is reached by a preposition the role does not take (read generically)."""
    for token in [role, *(c for c in role.children if c.dep_ == "compound" and c.i < role.i)]:
        for child in token.children:
            if child is skip or child.i > role.i or child.dep_ not in ("amod", "compound", "poss", "nmod", "npadvmod"):
                continue
            end = ctx.named(child)
            if end is not None and _place_in_a_name(ctx, child, token, role):
                continue  # "Acme UK sales manager", "UK Online chief": the country is a word of a firm's name
            if end is not None and _of_a_body_between(ctx, end, role.doc[child.i + 1:role.i]):
                continue  # "Kent police chief X": the role is of the Kent police, not of Kent
            if end is None and child.dep_ == "poss" and _definite_org_noun(child):
                # "the company's chief executive": the company named before
                end = ctx.describe(child) or ctx.recent_organization(child, child.lemma_.lower())
            if end is not None:
                yield child, end, False
    own = ROLE_PREPS.get(predicate, DEFAULT_ROLE_PREPS) if predicate else ()
    for prep, obj in grammar.prep_objects(role, *dict.fromkeys((*own, *GENERIC_PREPS))):
        if any(t.text in QUOTES for t in role.doc[role.i + 1:obj.i]):
            continue  # '..., the old president," X, at the Y': a quotation ends between them
        for conj in [*grammar.conjuncts(obj), *grammar.listed(obj)]:  # "the leader of two parties, A and B"
            end = ctx.phrase(conj, behind=False)
            if end is None:
                # "an engineer with the USDA's research service": the unnamed body's named owner
                owners = [e for c in conj.children if c.dep_ == "poss" and (e := ctx.named(c)) is not None
                          and ctx.type_of(e) == ORGANIZATION]
                if owners and predicate in ("", "affiliatedWith", "worksFor", "memberOf"):
                    yield conj, End(owners[0].key, weak=True), False
                continue
            if prep not in own and predicate:
                yield conj, End(end.key, weak=end.weak), True  # "chief of waste disposal for the NRC"
                continue
            yield conj, end, False
            if _fits(ctx, predicate, end):
                yield from ((conj, e, False) for e in _parent_orgs(ctx, conj, predicate))


def _role_relations(ctx: ArticleContext, person: End, role: Token, construction: str,
                    anchor: Token | None = None, skip: Token | None = None) -> Iterator[Found]:
    """The relations a role noun states of ``person``: its own predicate for what it is of ("Brazilian
    President"), and for a role of no known kind or a place it is not of, the generic reading
    ("Modesto native X" -> livesIn, "a finance professor at X" -> affiliatedWith)."""
    predicate = role_of(role)
    if predicate is None and not is_generic_role(role):
        return
    if not role.whitespace_ and role.i + 1 < len(role.doc) and role.nbor(1).text == "-":
        return  # "co-chairman": "co" is the word's prefix, not the company "Co."
    staff = predicate == "worksFor"
    if predicate in HEAD_PREDICATES and _heads_a_function(ctx, role):
        predicate, staff = None, True  # "E&Y's UK head of tax": the head of a function, read generically
    branch = _branch_modifier(ctx, role) if predicate in HEAD_PREDICATES else None
    if branch is not None:
        predicate, staff = None, True  # "Acme's Asian president", "the party's campaign chief": a part's head
    shadow = any(c.lower_ == "shadow" for c in role.children if c.i < role.i) or (
        role.i > 0 and role.nbor(-1).lower_ == "shadow")
    past = _held_no_more(role)
    office, legislator = _marked(role, GOVERNMENT_OFFICES), _marked(role, LEGISLATORS)
    describes_an_organization = role.lemma_.lower() in ORG_NOUNS  # "US wine maker X", "Russian oil giant X"
    candidates = list(_role_candidates(ctx, role, predicate or "", skip))
    employer = any(t.dep_ == "pobj" and ctx.type_of(e) == ORGANIZATION and not g for t, e, g in candidates)
    for token, end, generic in candidates:
        prep = token.head.lower_ if token.dep_ == "pobj" else ""
        if end.key == person.key or branch is not None and token.i == branch.i:
            continue
        if employer and prep == "in" and ctx.type_of(end) in (COUNTRY, PLACE):
            continue  # "managing director of Acme in France": where Acme's branch is, not where X lives
        party = ctx.subtypes.get(end.key) == "PoliticalParty"
        if shadow or past or (office and party):
            if party:  # "Tory shadow education secretary X", "Former Tory chancellor X"
                yield Found(person, "memberOf", end, construction, anchor)
            continue  # a shadow secretary works for no department; a former one for none now
        if legislator and ctx.type_of(end) == PLACE and prep in ("", "for", "of"):
            yield Found(person, "represents", end, construction, anchor)  # "Ohio Senator X", "the MP for Leeds"
        elif staff and token.dep_ == "poss" and ctx.type_of(end) == PERSON and token.pos_ == "PROPN":
            yield Found(person, "worksFor", end, construction, anchor)  # "Hale's spokesman X", "Hale's chief of staff"
        elif predicate and not generic and _fits(ctx, predicate, end):
            yield Found(person, predicate, end, construction, anchor)
        elif (reading := GENERIC_ROLE.get(ctx.type_of(end))) and (not predicate or generic or (
                reading == "livesIn" and ctx.subtypes.get(end.key) in SETTLEMENTS)):
            if predicate and generic and ctx.type_of(end) == COUNTRY and prep == "for":
                reading = "worksFor"  # "the WFP's country director for Sudan"
            if describes_an_organization:
                reading = "basedIn" if reading == "livesIn" else "partOf"
            yield Found(person, reading, end, construction, anchor)


def _served_under(ctx: ArticleContext, person: End, role: Token, construction: str,
                  anchor: Token | None) -> Iterator[Found]:
    """A role held under a person: "X was Secretary of State under President Y", "X served as
    finance minister under Y" -> X worksFor Y (the "under" phrase on the role or on its verb)."""
    if role_of(role) is None:
        return
    words = [role]
    if role.dep_ == "pobj" and role.head.lower_ == "as":
        words.append(role.head.head)  # "served as minister under Y": the parser hangs "under" on the verb
    elif role.dep_ == "attr":
        words.append(role.head)
    for word in words:
        for _, obj in grammar.prep_objects(word, "under"):
            for conj in grammar.conjuncts(obj):
                end = ctx.phrase(conj, behind=False)
                if end is not None and end.key != person.key and ctx.type_of(end) == PERSON:
                    yield Found(person, "worksFor", end, construction, anchor)


def _branch_modifier(ctx: ArticleContext, role: Token) -> Token | None:
    """A modifier between a head role's possessor and the role that makes it the head of a part of
    the possessor: a place or region ("Acme's Asian president", "the party's Welsh leader") or a
    common noun for a function ("Labour's campaign chief"); None for words of the role itself
    ("Acme's chief executive", "its group chairman", "Kenya's deputy leader")."""
    owners = [c for c in role.children if c.dep_ == "poss"]
    if not owners:
        return None
    for child in role.children:
        if child.dep_ not in ("amod", "compound", "nmod") or not owners[0].i < child.i < role.i:
            continue
        lower, lemma = child.lower_, child.lemma_.lower()
        if lower in DEPUTY_WORDS or lower in PAST_ROLE_WORDS or f"{lower} {role.lower_}" in role_table():
            continue
        end = ctx.named(child)
        if ctx.type_of(end) in (COUNTRY, PLACE) or is_demonym_modifier(child) or (
                child.dep_ == "amod" and child.pos_ == "ADJ" and child.text[:1].isupper()):
            return child  # "Acme's Asian president", "the party's Welsh leader"
        if end is None and child.pos_ == "NOUN" and lemma not in ORG_NOUNS and lower not in role_table() \
                and lemma not in role_table():
            return child
    return None


def _place_in_a_name(ctx: ArticleContext, place: Token, parent: Token, role: Token) -> bool:
    """Whether a country or place before a role is a word of a longer name: with an organization
    named before it ("Acme UK sales manager") or inside an unknown name on the role ("UK Online chief")."""
    if ctx.type_of(ctx.named(place)) not in (COUNTRY, PLACE) or place.dep_ != "compound":
        return False
    if any(c.dep_ == "compound" and ctx.type_of(ctx.named(c)) == ORGANIZATION for c in place.children):
        return True
    return (parent is not role and parent.pos_ == "PROPN" and ctx.named(parent) is None
            and f"{parent.lower_} {role.lower_}" not in role_table() and parent.lower_ not in role_table())


def _of_a_body_between(ctx: ArticleContext, end: End, between: Sequence[Token]) -> bool:
    """Whether a noun for an unnamed body stands between an actor and a role, so the role is the
    body's: a state sector noun after any actor ("Kent police chief", "Norfolk police chief"), any
    organization noun after a place ("Ohio party chairman"); "Labour party leader" leads Labour."""
    place = ctx.type_of(end) in (PLACE, COUNTRY)
    return any(ctx.table.token_actor.get(t.i) is None and (
        t.lower_ in SECTOR_OF or t.lemma_.lower() in SECTOR_OF or place and t.lemma_.lower() in ORG_NOUNS)
        for t in between)


def _heads_a_function(ctx: ArticleContext, role: Token) -> bool:
    """Whether a head's "of" phrase is a common noun for a function ("head of tax", "chief of staff")."""
    return any(obj.pos_ == "NOUN" and ctx.phrase(obj, behind=False) is None
               and obj.lemma_.lower() not in ORG_NOUNS for _, obj in grammar.prep_objects(role, "of"))


def _held_no_more(role: Token) -> bool:
    """Whether a word of the role's phrase before it says the role is past ("former Tory leader",
    "its ex-chief executive")."""
    return any(t.lower_ in PAST_ROLE_WORDS for t in role.doc[role.left_edge.i:role.i])


def _marked(role: Token, roles: frozenset[str]) -> bool:
    """Whether a role noun, alone or with the word before it, is one of ``roles`` ("prime minister")."""
    before = role.doc[role.i - 1].lower_ if role.i > 0 else ""
    return bool({role.lower_, role.lemma_.lower(), f"{before} {role.lower_}"} & roles)


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


def _person(ctx: ArticleContext, token: Token) -> End | None:
    end = ctx.phrase(token, behind=False, describe=False)
    return end if ctx.type_of(end) == PERSON else None


def _titles(ctx: ArticleContext, head: Token) -> Iterator[Found]:
    """Titles before a name: "Peruvian Prime Minister Ana Rojas", "Modesto native Ana Rojas"; a
    plural title gives its roles to every name listed after it ("Labour MPs X and Y")."""
    person = ctx.named(head)
    if ctx.type_of(person) == ORGANIZATION:
        yield from _organization_descriptions(ctx, head, person)
    if ctx.type_of(person) != PERSON:
        return  # "the National Executive Committee": a word of an organization's name is no title
    found = list(_title_relations(ctx, head, person))
    yield from found
    if found and any(_plural(t) for t in head.children if t.dep_ in ("compound", "amod") and t.i < head.i):
        for other in _listed(ctx, head, person):
            yield from (dataclasses.replace(f, subject=other) for f in found
                        if f.subject == person and f.object.key != other.key)


def _plural(token: Token) -> bool:
    """Whether a noun is plural ("leaders", "MPs"), whatever tag the parser gave it."""
    return token.tag_ == "NNS" or (token.lower_.endswith("s") and (
        token.lemma_.lower() != token.lower_ or token.lower_[:-1] in role_table()))


def _listed(ctx: ArticleContext, head: Token, person: End) -> Iterator[End]:
    """The persons named in a list after a name ("X, Y and Z"), by coordination or apposition."""
    stack = [head]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in ("conj", "appos") and child.i > head.i:
                end = ctx.named(child)
                if end is not None and end != person and ctx.type_of(end) == PERSON:
                    yield end
                stack.append(child)


def _title_relations(ctx: ArticleContext, head: Token, person: End) -> Iterator[Found]:
    """The relations the titles before one name state of its person."""
    for title in head.children:
        if title.dep_ not in ("compound", "amod") or title.i > head.i:
            continue
        if ctx.named(title) not in (None, person):
            continue
        predicate = role_of(title)
        if predicate is None and not is_generic_role(title):
            continue
        yield from _role_relations(ctx, person, title, "title")
        if predicate is None:
            continue
        # what the role is of, beside the title rather than on it: "Acme chief executive X", where
        # the parser hangs "Acme" on the name or, at a sentence's start, on nothing near (dep)
        beside = [c for c in head.children if c.i < title.i
                  and c.dep_ in ("amod", "poss", "nmod", "compound")]
        before = title.left_edge.i - 1
        if before >= head.sent.start and head.doc[before].dep_ in ("dep", "nmod", "compound"):
            beside.append(head.doc[before])
        for child in beside:
            end = ctx.named(child)
            if end is None or end == person or _of_a_body_between(ctx, end, head.doc[child.i + 1:title.i]):
                continue
            if _marked(title, LEGISLATORS) and ctx.type_of(end) == PLACE:
                yield Found(person, "represents", end, "title", None)  # "Ohio Senator X"
            elif _fits(ctx, predicate, end):
                yield Found(person, predicate, end, "title", None)


def _organization_descriptions(ctx: ArticleContext, head: Token, org: End) -> Iterator[Found]:
    """"Russian oil giant Yukos", "US wine maker X": a noun for an organization before its name,
    with the place it is from."""
    for noun in head.children:
        if noun.dep_ in ("compound", "amod") and noun.i < head.i and noun.lemma_.lower() in ORG_NOUNS \
                and ctx.named(noun) is None:
            for _, end, _ in _role_candidates(ctx, noun, ""):
                if ctx.type_of(end) in (COUNTRY, PLACE) and end.key != org.key:
                    yield Found(org, "basedIn", end, "title", None)


def _appositions(ctx: ArticleContext, token: Token) -> Iterator[Found]:
    """Name and role side by side: "Lopez, a fellow at X" and "the chair of X, Mark Rutte"."""
    if token.dep_ != "appos":
        return
    head = token.head
    if head.dep_ == "appos" and _party_state_tag(head):
        head = head.head  # "Sen. Jane Doe, D-Ohio, chairman of X": the role is the senator's
    pairs = [(head, token), (token, head)]  # (person side, role side)
    if (role := _role_over_its_object(ctx, token)) is not None:
        pairs.append((token, role))  # "Israel's envoy to Egypt, X": the parser hangs X on "Egypt"
    for person_token, role in pairs:
        person = _person(ctx, person_token)
        if person is None or ctx.named(role) is not None:
            continue
        yield from _role_relations(ctx, person, role, "apposition")
        yield from _served_under(ctx, person, role, "apposition", None)


def _role_over_its_object(ctx: ArticleContext, name: Token) -> Token | None:
    """The role noun whose prepositional object the parser hung a name's apposition on: in "the
    leader of the Green Party, X" or "Israel's envoy to Egypt, X", X is the leader or the envoy,
    since a person's name is no apposition of an organization or a place."""
    obj = name.head
    if obj.dep_ != "pobj" or obj.head.dep_ != "prep" or ctx.type_of(ctx.named(name)) != PERSON:
        return None
    named = ctx.named(obj)
    if named is None or ctx.type_of(named) == PERSON or name.i == 0 or name.doc[name.left_edge.i - 1].text != ",":
        return None
    role = obj.head.head
    if role.pos_ != "NOUN" or ctx.named(role) is not None or role_of(role) is None:
        return None
    return role


def _possessed_parties(ctx: ArticleContext, noun: Token) -> Iterator[Found]:
    """"X's party, the Green Party", "the prime minister's own party, P": a person's party named
    in apposition to a noun for an organization that the person possesses."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ORG_NOUNS or ctx.named(noun) is not None:
        return
    owners = [e for c in grammar.children(noun, "poss")
              if (e := ctx.phrase(c, behind=False)) is not None and ctx.type_of(e) == PERSON]
    if not owners:
        return
    for appos in grammar.children(noun, "appos"):
        party = ctx.named(appos)
        if party is not None and ctx.subtypes.get(party.key) == "PoliticalParty":
            for owner in owners:
                yield Found(owner, "memberOf", party, "apposition", None)


#: The party letters of a US legislator's tag ("D-Ohio": Democrat, "R-Texas": Republican, "I-Vt.").
PARTY_LETTERS = frozenset({"D", "R", "I"})


def _party_state_tag(token: Token) -> bool:
    """Whether ``token`` ends a party and state tag written after a name ("D-Ohio", "R-S.C.")."""
    doc = token.doc
    start = token.left_edge.i
    return token.i - start == 2 and doc[start].text in PARTY_LETTERS and doc[start + 1].text == "-"


def _role_holders(ctx: ArticleContext, role: Token) -> list[Token]:
    """Who a role noun is given to by a copula or a naming verb.

    "X is/became the president of Y", "X was named chairman of Y", "appointed X as head of Y",
    "X serves as president of Y".
    """
    head = role.head
    while role.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN") and head.i < role.i:
        role, head = head, head.head  # "X is a member of A and a founder of B": B's role is X's too
    if role.dep_ == "attr" and head.lemma_ in COPULA_VERBS:
        return grammar.children(head, "nsubj")
    if role.dep_ == "nsubj" and head.lemma_ in COPULA_VERBS:
        return grammar.children(head, "attr")  # "the members of Mercosur are Brazil and Peru"
    if role.dep_ == "oprd" and head.lemma_ in NAMING_VERBS:
        return grammar.children(head, "nsubjpass", "dobj")
    if role.dep_ == "pobj" and head.lower_ == "as" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        verb = head.head
        return (grammar.children(verb, "nsubjpass") or grammar.children(verb, "dobj")
                or grammar.children(verb, "nsubj"))
    return []


def _had_roles(ctx: ArticleContext, role: Token) -> Iterator[Found]:
    """"Honduras has had five Liberal presidents: A, B and C", "the party has one deputy, X": a role
    noun that an actor has, named by apposition."""
    if role.dep_ != "dobj" or role.head.lemma_ != "have" or ctx.named(role) is not None:
        return
    predicate = role_of(role)
    if predicate is None:
        return
    owners = [e for s in grammar.children(role.head, "nsubj") for c in grammar.conjuncts(s)
              if (e := ctx.phrase(c, behind=False)) is not None and _fits(ctx, predicate, e)]
    for appos in grammar.children(role, "appos"):
        for conj in grammar.conjuncts(appos):
            person = _person(ctx, conj)
            if person is not None:
                for owner in owners:
                    yield Found(person, predicate, owner, "apposition", role.head)


def _copulas(ctx: ArticleContext, token: Token) -> Iterator[Found]:
    """"X is the president of Y", "X and Z are members of Y", "X was named chairman of Y"."""
    if token.dep_ not in ("attr", "oprd", "pobj", "nsubj", "conj") or ctx.named(token) is not None:
        return
    holders = _role_holders(ctx, token)
    if not holders:
        return
    predicate = role_of(token)
    if predicate is None and not is_generic_role(token):
        return
    for subject in holders:
        for conj in [*grammar.conjuncts(subject), *grammar.companions(subject)]:
            end = ctx.phrase(conj, behind=False)
            wanted = (PERSON,) if predicate != "memberOf" else (COUNTRY, ORGANIZATION, PERSON)
            if predicate is None and token.lemma_.lower() in ORG_NOUNS:
                wanted = (ORGANIZATION,)  # "X is a political party in Canada" -> basedIn
            if end is None or ctx.type_of(end) not in wanted:
                continue
            yield from _role_relations(ctx, end, token, "copula", token.head)
            yield from _served_under(ctx, end, token, "copula", token.head)


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
            yield Found(person, "affiliatedWith", end, "affiliation", None)
            for parent in _parent_orgs(ctx, obj, "affiliatedWith"):
                yield Found(person, "affiliatedWith", parent, "affiliation", None)


def _descriptions(ctx: ArticleContext, token: Token) -> Iterator[Found]:
    """"the Chilean leader" with no name beside it: the person holding the role, from context."""
    if token.pos_ != "NOUN" or token.tag_ == "NNS" or token.dep_ in ("compound", "appos") or ctx.named(token) is not None:
        return  # "Palestinian leaders" are not the one holding the role
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
        yield Found(holder, predicate, country, "role-description", None)


def _party_state_tags(ctx: ArticleContext, paren: Token) -> Iterator[Found]:
    """ "Sen. Jane Doe (D-Ohio)" -> Jane Doe represents Ohio."""
    doc = paren.doc
    tag = gazetteer.party_state_tag([t.text for t in doc[paren.i:paren.i + gazetteer.MAX_PARTY_TAG_TOKENS]])
    if tag is None or paren.i == 0:
        return
    person, state = ctx.named(paren.nbor(-1)), ctx.named(doc[paren.i + 3])
    if person is not None and state is not None and ctx.type_of(person) == PERSON and person != state:
        yield Found(person, "represents", state, "party-state-tag", None, "represents")


#: Role predicates by which "the <demonym> leader" can be resolved later (see learn).
HEAD_ROLES = ("leaderOf", "presidentOf", "primeMinisterOf")


def _named_roles(sent: Sequence[Token], ctx: ArticleContext) -> list[Found]:
    """The roles ``sent`` gives by title, apposition and copula."""
    found: list[Found] = []
    for token in sent:
        if token.pos_ in ("PROPN", "NOUN", "PRON"):
            found += _appositions(ctx, token)
            found += _copulas(ctx, token)
            found += _had_roles(ctx, token)
            found += _possessed_parties(ctx, token)
            if ctx.named(token) is not None:
                found += _titles(ctx, token)
    return found


def learn(sent: Sequence[Token], ctx: ArticleContext) -> None:
    """Note who holds which head role of a country, and who is an affiliated source, in ``sent``.

    The roles found are kept in the context, so :func:`find` does not look for them again.
    """
    found = _named_roles(sent, ctx)
    ctx.learned[("roles", sent[0].i)] = found
    for rel in found:
        if rel.predicate in HEAD_ROLES and ctx.type_of(rel.object) == COUNTRY:
            ctx.note_role(rel.subject.key, rel.predicate, rel.object.key)
        if rel.predicate in ("affiliatedWith", "writesFor"):
            ctx.sources.add(rel.subject.key)


def find(sent: Sequence[Token], ctx: ArticleContext) -> Iterator[Found]:
    """Every role relation stated in ``sent``."""
    learned = ctx.learned.get(("roles", sent[0].i))
    yield from learned if learned is not None else _named_roles(sent, ctx)
    for token in sent:
        if token.pos_ in ("PROPN", "NOUN", "PRON"):
            yield from _descriptions(ctx, token)
        elif token.pos_ == "ADP":
            yield from _affiliations(ctx, token)
        elif token.text == "(":
            yield from _party_state_tags(ctx, token)
