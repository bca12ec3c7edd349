"""Group actors: a sector of a country or an organization, and the bodies of a state.

Most of political news happens between groups: "the Sri Lankan army", "Israeli
police", "Poland's parliament", "Labour MPs", "protesters". A sector noun
(``graphbuild/data/actors_sector_nouns.tsv``) becomes a group actor when a
country or an organization stands with it, as a demonym or modifier ("Israeli
police", "US troops", "Labour MPs"), a possessive ("Poland's parliament") or an
"of" phrase ("the army of Sri Lanka"); with "the" or as a plural, some nouns
("the government", "police said") name the group of the one country the article
is about, when one dominates it.

Groups are coded as event-data coders code agents, country + sector (CAMEO
codes, ``graphbuild/data/actors_sectors.tsv``): one key per (country, sector),
so "the Sri Lankan army" and "Sri Lanka's army" are one actor, "Sri Lanka
military", with each phrase as a name of it. An organization the article names
for the group ("the Sudanese Armed Forces" for "Sudan's army") takes its
mentions instead.

Bodies of a state that are no sector ("Kenya's foreign ministry") are actors of
their own too (:func:`state_bodies`).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .. import gazetteer
from ..names import is_acronym, name_key
from ..records import COUNTRY, ORGANIZATION
from .candidates import Candidate
from .sectors import Sector, sector_nouns, sectors

#: Lowercase nouns for a body of a state that is no sector, each with the words a name of that body holds.
STATE_BODY_NOUNS: dict[str, frozenset[str]] = {
    "ministry": frozenset({"ministry"}), "presidency": frozenset({"presidency"}),
    "embassy": frozenset({"embassy"}),
}
#: Lowercase adjectives that belong to the name of a state body ("foreign ministry", "national police");
#: other adjectives ("powerful army") describe it and stay out of the name. Nouns ("defence ministry")
#: always belong.
STATE_BODY_ADJECTIVES = frozenset({"foreign", "interior", "home", "internal", "federal", "national", "central",
                                   "economic", "financial", "environmental", "religious", "electoral", "judicial",
                                   "supreme", "regional", "provincial", "military", "presidential"})
#: At most this many words stand between a state body's country and its noun.
MAX_STATE_BODY_MODIFIERS = 2

#: Words an organization's name holds when it is the name of a country's group of a sector
#: ("Sudanese Armed Forces" for Sudan's army).
SECTOR_NAME_WORDS = {
    "MIL": frozenset({"army", "armed", "military", "forces", "navy", "naval", "defence", "defense"}),
    "COP": frozenset({"police"}), "LEG": frozenset({"parliament", "congress", "assembly", "legislature", "senate"}),
    "GOV": frozenset({"government", "cabinet"}), "JUD": frozenset({"court", "judiciary"}),
}
#: Determiners by which a sector noun names some group, not the one of the article's country ("a government").
INDEFINITE = frozenset({"a", "an", "any", "every", "each", "no", "some", "another", "other", "many", "most", "all"})
#: The subtype of the sectors that are bodies or members of a state (actors_sectors.tsv).
STATE_SUBTYPE = "GovernmentOrganization"
#: Dependency links by which a country or organization stands with a sector noun.
ANCHOR_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})


@dataclass(slots=True)
class Group:
    """One group actor of an article: a sector of one country or organization."""

    anchor: str | None  # the actor key of its country or organization (None: a state the article does not name)
    anchor_label: str
    anchor_type: str
    sector: Sector
    spans: list[tuple[int, int]] = field(default_factory=list)  # each mention's phrase (names)
    tokens: list[list[int]] = field(default_factory=list)  # each mention's own words (no anchor)
    bare: list[bool] = field(default_factory=list)  # the mention has no country beside it

    @property
    def label(self) -> str:
        word = self.sector.body if self.anchor_type == COUNTRY else self.sector.members
        return f"{self.anchor_label} {word}"


def _is_sector_token(token: Token) -> tuple[str, bool] | None:
    entry = sector_nouns().get(token.lower_)
    if entry is None:
        return None
    if token.is_lower or is_acronym(token.text[:-1]) or token.is_sent_start:  # "police", "MPs", "Police said"
        return entry
    if token.is_title and not (token.dep_ == "compound" and token.head.text[:1].isupper()
                               and token.head.lower_ not in sector_nouns()):
        return entry  # "the Government", "Israeli Police"; not "Police Federation"
    return None


def dominant_country(kinds: dict[str, str], spans_of: dict[str, list[tuple[int, int, bool]]]) -> str | None:
    """The key of the country an article is about: named at least twice, twice as often as any other."""
    counts = Counter({key: len(spans) for key, spans in spans_of.items() if kinds.get(key) == COUNTRY})
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def find_groups(doc: Doc, token_actor: dict[int, str], kinds: dict[str, str], labels: dict[str, str],
                spans_of: dict[str, list[tuple[int, int, bool]]],
                outlets: frozenset[str] = frozenset()) -> list[Group]:
    """The article's group actors, in order of first mention.

    Args:
        doc: the parsed article.
        token_actor: token index -> key of the named actor it names (names and demonyms).
        kinds: actor key -> type; labels: actor key -> label.
        spans_of: each named actor's mention spans (to find the country the article is about).
        outlets: the keys of the news outlets among them.
    """
    home = _home(kinds, labels, dominant_country(kinds, spans_of))
    # A sector noun written as a name ("Parliament", "the Army") is the body of the one country
    # the article names, even once.
    only = home or _home(kinds, labels, sole_country(kinds, spans_of))
    groups: dict[tuple[str, str], Group] = {}
    taken: set[int] = set()
    for token in doc:
        if token.i in token_actor or token.i in taken:
            continue
        entry = _is_sector_token(token)
        if entry is None:
            continue
        code, alone = entry
        # "government officials", "police officers": the head the sector noun modifies is the group
        head = token.head if token.dep_ == "compound" and token.head.i not in token_actor \
            and token.head.lower_ in sector_nouns() else token
        found = _anchor(token, token_actor, kinds, alone, outlets) or (
            _anchor(head, token_actor, kinds, alone, outlets) if head is not token else None)
        if found is None:
            state = only if token.is_title and not token.is_sent_start else home
            if not (alone and state and head is token and _definite_or_plural(token)):
                continue
            (anchor, anchor_label), start, end, bare = state, token.i, token.i + 1, True
        else:
            anchor, start, end = found
            anchor_label, bare = labels[anchor], False
        own = sorted({token.i, head.i})
        if not bare and not _a_name(doc, min(start, own[0]), max(end, own[-1] + 1), own, anchor, token_actor):
            bare = True  # "Mali's powerful army": a mention of the group, but no name of it
        if bare:
            start, end = own[0], own[-1] + 1
        else:
            start, end = min(start, own[0]), max(end, own[-1] + 1)
        group = groups.get((anchor_label, code))
        if group is None:
            kind = kinds.get(anchor, COUNTRY) if anchor else COUNTRY
            group = groups[(anchor_label, code)] = Group(anchor, anchor_label, kind, sectors()[code])
        group.spans.append((start, end))
        group.tokens.append(own)
        group.bare.append(bare)
        taken.update(own)
    return sorted(groups.values(), key=lambda g: g.spans[0][0])


def sole_country(kinds: dict[str, str], spans_of: dict[str, list[tuple[int, int, bool]]]) -> str | None:
    """The key of the one country an article names, or None when it names none or several."""
    named = [key for key, spans in spans_of.items() if kinds.get(key) == COUNTRY and spans]
    return named[0] if len(named) == 1 else None


def _home(kinds: dict[str, str], labels: dict[str, str], key: str | None) -> tuple[str | None, str] | None:
    """The (key, label) of the state of the country ``key``, for groups named without one.

    A country within a state ("England") stands for its state ("the government" of an article
    about England is the United Kingdom's), whose key is None when the article does not name it.
    """
    if key is None:
        return None
    state = gazetteer.sovereign(labels[key])
    if state == labels[key]:
        return key, state
    return next((k for k, text in labels.items() if text == state and kinds.get(k) == COUNTRY), None), state


def _anchor(token: Token, token_actor: dict[int, str], kinds: dict[str, str],
            body: bool, outlets: frozenset[str] = frozenset()) -> tuple[str, int, int] | None:
    """The country or organization standing with a sector noun, and the span of the phrase it makes.

    A body of a state ("government", "army") stands with a country only: "the Labour government" is
    the government of the article's country, not of Labour. The anchor is the group's own modifier,
    the nearest one; a name between them that is no actor ("Holyrood") leaves the group without
    one. A news outlet (``outlets``) is no anchor of a state's sector: "told BBC News MPs".
    """
    wanted = (COUNTRY,) if body else (COUNTRY, ORGANIZATION)
    state = sectors()[sector_nouns()[token.lower_][0]].subtype == STATE_SUBTYPE
    for child in sorted(token.children, key=lambda c: -c.i):  # the nearest modifier first: "Labour" of
        if child.dep_ not in ANCHOR_DEPS or child.i > token.i:  # "told BBC News Labour MPs"
            continue
        key = token_actor.get(child.i)
        if key is None or kinds.get(key) not in wanted or state and key in outlets:
            if _capitalized(child) and child.dep_ != "poss":
                return None  # a name of no actor of its own is nearer: the group is of that name
            continue
        if any(_capitalized(t) and token_actor.get(t.i) != key for t in token.doc[child.i + 1:token.i]):
            return None  # "Scottish National Party Holyrood officials": another name stands between
        start = child.left_edge.i if child.dep_ == "poss" else _first_named(child, token_actor, key)
        return key, start, token.i + 1
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                key = token_actor.get(obj.i)
                if obj.dep_ == "pobj" and key is not None and kinds.get(key) == COUNTRY:
                    return key, token.i, obj.right_edge.i + 1  # "the army of Sri Lanka"
    return None


def _capitalized(token: Token) -> bool:
    """Whether a token is a capitalized word inside a sentence (a name's, not the sentence's first)."""
    return token.text[:1].isupper() and not token.is_sent_start and token.tag_ != "POS"


def _a_name(doc: Doc, start: int, end: int, own: list[int], anchor: str, token_actor: dict[int, str]) -> bool:
    """Whether the words of a group's phrase make a name ("Peru's national police", "the Sri Lankan
    army", "the army of Sri Lanka"), not a description ("Mali's powerful army")."""
    return all(t.i in own or token_actor.get(t.i) == anchor or t.tag_ == "POS" or t.text in ("'s", "’s", "of")
               or t.lower_ in STATE_BODY_ADJECTIVES or t.lower_ == "the" and t.i > start for t in doc[start:end])


def _first_named(token: Token, token_actor: dict[int, str], key: str) -> int:
    """The first token of the name ``token`` ends ("Sri" of "Sri Lankan")."""
    i = token.i
    while i > 0 and token_actor.get(i - 1) == key:
        i -= 1
    return i


def _definite_or_plural(token: Token) -> bool:
    """Whether a sector noun alone names a group of the article's country: "the government",
    "police said", not "a government" or "government spending"."""
    if token.dep_ in ("compound", "amod") or any(c.lower_ in INDEFINITE for c in token.children if c.dep_ == "det"):
        return False
    if any(c.lower_ == "the" for c in token.children if c.dep_ == "det"):
        return True
    if token.is_title and not token.is_sent_start:
        return True  # written as a name: "in Parliament", "Army chiefs"
    return token.tag_ in ("NNS", "NNPS") or token.lower_ in ("police",)


def joined_organization(group: Group, names: dict[str, str], kinds: dict[str, str]) -> str | None:
    """The key of the organization the article names for a country's group ("Sudanese Armed Forces"
    for Sudan's army), or None."""
    words = SECTOR_NAME_WORDS.get(group.sector.code)
    if words is None or group.anchor_type != COUNTRY:
        return None
    for key, text in names.items():
        if kinds.get(key) == ORGANIZATION and _names_state_body(text, group.anchor_label, words):
            return key
    return None


def state_bodies(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """State bodies named by a lowercase noun and their country: "Kenya's foreign ministry".

    See :data:`STATE_BODY_NOUNS`. The mention covers the body's own words, not the country's,
    which stays an actor of its own.
    """
    covered = {i: m for m in found for i in range(m.start, m.end)}
    added = []
    for token in doc:
        names = STATE_BODY_NOUNS.get(token.lower_)
        if names is None or not token.is_lower or token.i in covered:
            continue
        owners = [c for c in token.children if c.dep_ == "poss" and c.i < token.i]
        owners += [obj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                   for obj in prep.children if obj.dep_ == "pobj"]
        country = next((covered[o.i] for o in owners if o.i in covered and covered[o.i].country
                        and not covered[o.i].demonym), None)
        if country is None:
            continue
        start = token.i
        while start > 0 and token.i - start < MAX_STATE_BODY_MODIFIERS:
            before = doc[start - 1]
            modifies = before.dep_ == "compound" and before.pos_ in ("NOUN", "PROPN") \
                or before.lower_ in STATE_BODY_ADJECTIVES
            if not (before.is_lower and before.head == token and modifies):
                break
            start -= 1
        text = " ".join([country.country] + [t.text.capitalize() for t in doc[start:token.i + 1]])
        named = next((m for m in found if m.kind == ORGANIZATION and not m.country
                      and _names_state_body(m.text, country.country, names)), None)
        added.append(Candidate(start, token.i + 1, named.text if named else text, ORGANIZATION,
                               "GovernmentOrganization", ent_label="ORG"))
    return added


def _names_state_body(name: str, country: str, body_words: frozenset[str]) -> bool:
    """Whether an organization's name is the name of a country's body: its country's name or
    adjective and one of the body's words ("Sudanese Armed Forces" for Sudan's army)."""
    words = name.split()
    lowered = {w.lower() for w in words}
    of_country = any(w == country or (dem := gazetteer.demonym(w)) is not None and dem.country == country
                     for w in words) or country in name
    return of_country and bool(lowered & body_words)

