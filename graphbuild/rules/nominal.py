"""Noun phrases that state an act: "the annexation of Tibet", "ties with Seoul".

Each act noun names its predicate, the prepositions that lead to the one acted
on, and whether the act holds both ways round. The actor doing it is, in
order: the possessor ("Japan's ties with Seoul"), a "by" phrase, the subject
of the clause the noun is the object of ("Japan has close ties with ...",
"voicing support for Lula" -> whoever voices it), or, for acts a careful reader
pins on the sentence's protagonist ("the annexation of Tibet"), the subject of
the main clause, weakly. "between A and B" states a symmetric act between the
coordinated actors.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from ..records import COUNTRY, PERSON
from . import grammar
from .context import ArticleContext, End, Found


@dataclass(frozen=True, slots=True)
class Act:
    """What an act noun states.

    Attributes:
        predicate: the relation's predicate.
        preps: prepositions on the noun that lead to the one acted on.
        symmetric: the act holds both ways round ("ties", "clash").
        protagonist: with no stated doer, the main clause's subject did it.
        label: the human label ("" for the predicate's words).
    """

    predicate: str
    preps: tuple[str, ...]
    symmetric: bool = False
    protagonist: bool = False
    label: str = ""


#: "ties" are relations: the label says so for readers who ask for either.
TIES = "has ties (relations) with"
#: Act nouns (lemma) and what each states.
ACTS: dict[str, Act] = {
    "plea": Act("appealedTo", ("to",)),
    "appeal": Act("appealedTo", ("to",)),
    "request": Act("asked", ("to",)),
    "invitation": Act("invited", ("to",)),
    "support": Act("supports", ("for",)),
    "backing": Act("supports", ("for", "of")),
    "aid": Act("aided", ("to", "for")),
    "assistance": Act("aided", ("to", "for")),
    "tie": Act("tiesWith", ("with",), symmetric=True, label=TIES),
    "ties": Act("tiesWith", ("with",), symmetric=True, label=TIES),
    "relation": Act("tiesWith", ("with",), symmetric=True, label=TIES),
    "relations": Act("tiesWith", ("with",), symmetric=True, label=TIES),
    "clash": Act("clashedWith", ("with",), symmetric=True),
    "war": Act("foughtWith", ("with", "against"), symmetric=True),
    "conflict": Act("foughtWith", ("with",), symmetric=True),
    "fighting": Act("foughtWith", ("with", "against"), symmetric=True),
    "talk": Act("talkedWith", ("with",), symmetric=True),
    "talks": Act("talkedWith", ("with",), symmetric=True),
    "negotiation": Act("negotiatedWith", ("with",), symmetric=True),
    "meeting": Act("metWith", ("with",), symmetric=True),
    "summit": Act("metWith", ("with",), symmetric=True),
    "agreement": Act("agreedWith", ("with",), symmetric=True),
    "deal": Act("agreedWith", ("with",), symmetric=True),
    "treaty": Act("agreedWith", ("with",), symmetric=True),
    "alliance": Act("alliedWith", ("with",), symmetric=True),
    "partnership": Act("alliedWith", ("with",), symmetric=True),
    "tension": Act("tensionsWith", ("with",), symmetric=True),
    "tensions": Act("tensionsWith", ("with",), symmetric=True),
    "dispute": Act("disputedWith", ("with",), symmetric=True),
    "rivalry": Act("rivalryWith", ("with",), symmetric=True),
    "trade": Act("tradedWith", ("with",), symmetric=True),
    "annexation": Act("annexed", ("of",), protagonist=True),
    "invasion": Act("invaded", ("of",), protagonist=True),
    "occupation": Act("occupied", ("of",), protagonist=True),
    "attack": Act("attacked", ("on", "against")),
    "bombing": Act("bombed", ("of",)),
    "sanction": Act("sanctioned", ("on", "against")),
    "blockade": Act("blockaded", ("of", "on")),
    "intervention": Act("intervenedIn", ("in",)),
    "recognition": Act("recognized", ("of",)),
    "criticism": Act("criticized", ("of",)),
    "condemnation": Act("condemned", ("of",)),
    "visit": Act("visited", ("to",)),
    "withdrawal": Act("withdrewFrom", ("from",)),
    "pressure": Act("pressured", ("on",)),
    "threat": Act("threatened", ("to", "against")),
    "praise": Act("praised", ("for",)),
    "signing": Act("signed", ("of",)),
    "acquisition": Act("acquired", ("of",)),
    "purchase": Act("bought", ("of",)),
    "takeover": Act("tookOver", ("of",), label="took over"),
    "arrest": Act("arrested", ("of",)),
}


def _patients(ctx: ArticleContext, noun: Token, act: Act) -> list[End]:
    """The actors acted on: the noun's own phrases, or the governing verb's right after it."""
    phrases = list(grammar.prep_objects(noun, *act.preps))
    head = noun.head
    if not phrases and noun.dep_ == "dobj":  # "revealed his plea | to the bloc": hung on the verb
        phrases = [(p, o) for p, o in grammar.prep_objects(head, *act.preps) if o.i > noun.i]
    return [e for _, o in phrases for c in grammar.conjuncts(o) if (e := ctx.phrase(c)) is not None]


def _doers(ctx: ArticleContext, noun: Token, act: Act) -> tuple[list[End], str]:
    """The actors doing the act, and the construction that found them."""
    for poss in grammar.children(noun, "poss"):
        if (end := ctx.phrase(poss)) is not None:
            return [end], "nominal-possessor"
    by = [e for _, o in grammar.prep_objects(noun, "by") for c in grammar.conjuncts(o) if (e := ctx.phrase(c))]
    if by:
        return by, "nominal-by"
    if noun.dep_ in ("dobj", "attr"):
        subject = grammar.clause_subject(noun.head)
        if subject is not None:
            ends = [e for c in grammar.conjuncts(subject) if (e := ctx.phrase(c)) is not None]
            if ends:
                return ends, "nominal-object"
    if act.protagonist:
        root = noun.sent.root
        while root.lemma_ in grammar.REPORTING_VERBS and (inner := grammar.children(root, "ccomp")):
            root = inner[0]  # "..., X wrote": the protagonist is in what X wrote
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        end = ctx.phrase(subject) if subject is not None else None
        if end is not None and ctx.type_of(end) in (PERSON, COUNTRY):
            return [End(end.key, weak=True)], "nominal-protagonist"
    return [], ""


def _between(ctx: ArticleContext, noun: Token, act: Act) -> Iterator[Found]:
    """"the clash between Peru and Ecuador": each pair of the coordinated actors."""
    for _, obj in grammar.prep_objects(noun, "between", "among"):
        ends = [e for c in grammar.conjuncts(obj) if (e := ctx.phrase(c)) is not None]
        first, *rest = ends or [None]
        for other in rest:
            yield Found(first, act.predicate, other, "nominal-between", noun, act.label or grammar.uncamel(act.predicate))


def find(sent: Sequence[Token], ctx: ArticleContext) -> Iterator[Found]:
    """Every act stated by a noun phrase in ``sent``."""
    for noun in sent:
        if noun.pos_ != "NOUN":
            continue
        act = ACTS.get(noun.lemma_.lower()) or ACTS.get(noun.lower_)
        if act is None:
            continue
        label = act.label or grammar.uncamel(act.predicate)
        if act.symmetric:
            yield from _between(ctx, noun, act)
        patients = _patients(ctx, noun, act)
        if not patients:
            continue
        doers, construction = _doers(ctx, noun, act)
        for doer in doers:
            for patient in patients:
                yield Found(doer, act.predicate, patient, construction, noun, label)
