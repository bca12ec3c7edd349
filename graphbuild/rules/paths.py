"""The path grammar: walking the dependency parse from a trigger word to the actors it links.

A *path* is a short list of steps over the parse, from the word that states a relation (a verb or
event noun of the event vocabulary, or an actor's own head for structure such as "City, State") to
the head token of an actor: down to a child with a given label, or up to the head. Paths are data,
``graphbuild/data/relations_paths.tsv``, one line each with a test sentence; each has a *link* name
(subject, object, oblique, ...) that the construction table pairs into relations.

Example:
    >>> [p.link for p in paths_for("verb")][:2]  # doctest: +SKIP
    ['subject', 'subject']
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from .. import gazetteer, lexicon
from . import grammar

#: Labels that a step on a preposition records as the link's preposition.
PREP_DEPS = frozenset({"prep", "agent"})


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a path: up or down over one of ``deps``, then checks on the token reached."""

    up: bool
    deps: frozenset[str]
    words: frozenset[str] = frozenset()
    conditions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Path:
    """One line of the path grammar.

    Attributes:
        trigger: "verb", "noun" or "actor": the kind of word the path starts from.
        link: the link's name ("subject", "oblique", ...).
        start: conditions on the trigger itself.
        steps: the steps to the actor's head.
        example: a test sentence, the two actors it links in [brackets].
    """

    trigger: str
    link: str
    start: tuple[str, ...]
    steps: tuple[Step, ...]
    example: str


@dataclass(frozen=True, slots=True)
class Reached:
    """A token a path reached, with the preposition it went through ("" for none)."""

    token: Token
    prep: str
    via: Token  # the token the last step came from (the verb whose subject it is, the noun it owns, ...)


def _conditions(text: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in text.split(",") if c.strip())


def parse_step(text: str) -> Step:
    """A step from its text: ``^relcl{relsubj}``, ``prep[of|from]``, ``dobj``."""
    up = text.startswith("^")
    body = text.lstrip("^")
    conditions: tuple[str, ...] = ()
    words: frozenset[str] = frozenset()
    if "{" in body:
        body, rest = body.split("{", 1)
        conditions = _conditions(rest.rstrip("}"))
    if "[" in body:
        body, rest = body.split("[", 1)
        words = frozenset(lexicon.values(rest.rstrip("]")))
    return Step(up=up, deps=frozenset(lexicon.values(body)), words=words, conditions=conditions)


def parse_path(trigger: str, link: str, text: str, example: str = "") -> Path:
    """A path from its line's columns."""
    parts = text.split()
    start: tuple[str, ...] = ()
    if parts and parts[0].startswith("@"):
        start = _conditions(parts.pop(0)[1:])
    return Path(trigger, link, start, tuple(parse_step(p) for p in parts), example)


@functools.cache
def all_paths() -> tuple[Path, ...]:
    """Every path of the grammar, in file order."""
    return tuple(parse_path(row[0], row[1], row[2], row[3] if len(row) > 3 else "")
                 for row in lexicon.rows("relations_paths.tsv"))


@functools.cache
def paths_for(trigger: str) -> tuple[Path, ...]:
    """The paths that start from a kind of trigger ("verb", "noun", "actor")."""
    return tuple(p for p in all_paths() if p.trigger == trigger)


@functools.cache
def paths_by_link(trigger: str, link: str) -> tuple[Path, ...]:
    """The paths of one link that start from a kind of trigger."""
    return tuple(p for p in paths_for(trigger) if p.link == link)


def _has_relative_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and (c.tag_ in ("WP", "WDT") or c.lower_ == "that")
               for c in token.children)


def _relative_gap(token: Token) -> bool:
    """A relative clause with a subject of its own and nothing in the object's place ("the firm X bought")."""
    if token.dep_ != "relcl" or _has_relative_subject(token):
        return False
    objects = [c for c in grammar.children(token, "dobj", "ccomp", "xcomp")
               if not (c.tag_ in ("WDT", "WP") or c.lower_ == "that")]  # "which X bought": the object is the noun
    if not any(c.dep_ == "nsubj" for c in token.children) or objects:
        return False
    return not any(c.dep_ == "prep" and not grammar.children(c, "pobj") for c in token.children)


def _parenthesized(token: Token) -> bool:
    doc = token.doc
    first = token.left_edge  # "X (the Green Party)": the phrase, not only its head, follows the bracket
    bracket = first.i if first.text == "(" else first.i - 1  # the parser may hang the bracket on it
    if bracket < 0 or doc[bracket].text != "(":
        return False
    return not any(t.is_punct for t in doc[bracket + 1:token.i])  # "(D-Ohio)" is a party-state tag


def _lone_comma(token: Token) -> bool:
    """A conjunct right after a comma, with no "and"/"or" and no conjunct of its own ("Stockton, England")."""
    # "Seoul, South Korea": the comma stands before the first word of a known place's name (of a
    # person's, the comma is a list's: "Al Roe, Jo Kim (Sweden)")
    first = min((c for c in token.children if c.dep_ == "compound" and c.i < token.i), default=token,
                key=lambda c: c.i)
    if first is not token and gazetteer.place(token.doc[first.i:token.i + 1].text) is None:
        first = token
    if token.dep_ != "conj" or first.i == 0 or first.nbor(-1).text != ",":
        return False
    return (not grammar.children(token, "conj", "cc") and not grammar.children(token.head, "cc")
            and len(grammar.children(token.head, "conj")) == 1)


#: The conditions a path can put on a token; "thing", "part", "carrier" and "receiver" are given by the
#: caller, who knows the actors and the word lists.
BASE_CONDITIONS: dict[str, Callable[[Token], bool]] = {
    "active": lambda t: not grammar.is_passive(t),
    "passive": grammar.is_passive,
    "nosubj": lambda t: not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in t.children),
    "relsubj": _has_relative_subject,
    "gap": _relative_gap,
    "vbn": lambda t: t.tag_ == "VBN",
    "vbg": lambda t: t.tag_ == "VBG",
    "nodobj": lambda t: not grammar.children(t, "dobj"),
    "hasdobj": lambda t: bool(grammar.children(t, "dobj")),
    "noun": lambda t: t.pos_ in ("NOUN", "PROPN"),
    "copula": lambda t: t.lemma_ in ("be", "become", "remain"),
    "native": lambda t: any(c.dep_ == "amod" and c.lower_ in ("native", "adopted", "home") for c in t.children),
    "number": lambda t: t.like_num,
    "parenthesized": _parenthesized,
    "lonecomma": _lone_comma,
}


class Walker:
    """Walks paths over one sentence's parse, with the caller's conditions added to :data:`BASE_CONDITIONS`.

    The sentence's heads and children are indexed once, so a walk reads the shared token objects
    instead of asking spaCy for new ones at every step.

    Args:
        tokens: the sentence's tokens.
        conditions: extra named conditions ("thing", "part", "carrier", ...).
    """

    def __init__(self, tokens: Sequence[Token], conditions: dict[str, Callable[[Token], bool]]):
        self.conditions = {**BASE_CONDITIONS, **conditions}
        self.memo: dict[tuple[str, int], bool] = {}
        self.by_index = {t.i: t for t in tokens}
        self.heads: dict[int, Token] = {}
        self.kids: dict[int, list[Token]] = {}
        for token in tokens:
            head = self.by_index.get(token.head.i)
            if head is not None and head.i != token.i:
                self.heads[token.i] = head
                self.kids.setdefault(head.i, []).append(token)

    def meets(self, token: Token, conditions: tuple[str, ...]) -> bool:
        """Whether the token meets every named condition (each remembered once asked)."""
        for name in conditions:
            key = (name, token.i)
            met = self.memo.get(key)
            if met is None:
                met = self.memo[key] = self.conditions[name](token)
            if not met:
                return False
        return True

    def children(self, token: Token) -> list[Token]:
        """The token's children, from the index (in order)."""
        return self.kids.get(token.i, [])

    def walk(self, trigger: Token, path: Path) -> Iterator[Reached]:
        """Every token ``path`` reaches from ``trigger``, with the preposition it went through."""
        if path.start and not self.meets(trigger, path.start):
            return
        frontier: list[tuple[Token, str, Token]] = [(trigger, "", trigger)]
        for step in path.steps:
            following: list[tuple[Token, str, Token]] = []
            for token, prep, _ in frontier:
                if step.up:
                    head = self.heads.get(token.i)
                    nexts = [head] if head is not None and token.dep_ in step.deps else []
                else:
                    nexts = [c for c in self.kids.get(token.i, ()) if c.dep_ in step.deps]
                for node in nexts:
                    if step.words and node.lower_ not in step.words:
                        continue
                    if step.conditions and not self.meets(node, step.conditions):
                        continue
                    new_prep = node.lower_ if (not step.up and (node.dep_ in PREP_DEPS or node.dep_ == "dative"
                                                                and node.pos_ == "ADP")) else prep
                    following.append((node, new_prep, token))
            frontier = following
            if not frontier:
                return
        for token, prep, via in frontier:
            if token.i != trigger.i:
                yield Reached(token, prep, via)
