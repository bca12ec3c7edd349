"""Noun modifiers that state a relation: possessive organizations and "-led" compounds.

* "Harvard's Kennedy School" -> partOf Harvard; "Japan's Defence Ministry" ->
  partOf Japan (a government body), "Japan's Toyota" -> basedIn Japan;
* "the Kennedy School of Harvard" -> the same, with "of";
* "a Paris-led coalition" -> Paris leads the coalition (named elsewhere),
  "the Tehran-backed Houthis" -> backed, "the Geneva-based WHO" -> basedIn, also
  beside the name: "Acme, the Austin-based chip firm" -> basedIn Austin.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from ..records import COUNTRY, ORGANIZATION, PLACE
from . import grammar
from .context import ORG_NOUNS, ArticleContext, End, Found

#: Words in an organization's name that make it a body of the state that possesses it.
STATE_BODY_WORDS = frozenset({
    "ministry", "department", "army", "navy", "guard", "police", "parliament", "senate", "assembly",
    "congress", "council", "court", "agency", "service", "services", "office", "committee", "commission",
    "bank", "forces", "force", "government", "cabinet", "duma", "administration", "bureau", "embassy",
    "command", "corps", "directorate", "inspectorate", "treasury", "customs", "commons", "lords", "house",
    "legislature", "chamber",
})
#: The state-body words that make a name's own "of" phrase the state it belongs to ("the Ministry of
#: Defence of Peru", "the Government of Chile"). The other words of :data:`STATE_BODY_WORDS` name a
#: private body as often ("the Royal Bank of Canada", "the Islamic Council of Norway", "the Police
#: Federation of X"): such a name states only where the body is (actor-of's basedIn).
NAME_OF_STATE_WORDS = frozenset({
    "ministry", "department", "army", "navy", "parliament", "senate", "government", "cabinet", "duma",
    "administration", "embassy", "treasury", "legislature", "inspectorate", "directorate", "court", "house",
    "assembly", "congress", "forces", "guard", "corps", "command", "customs", "commons", "lords",
})
#: "<X>-<participle> <noun>": the participle, the predicate and whether X is its subject.
HYPHEN_COMPOUNDS = {"lead": ("leads", True), "back": ("backed", True), "sponsor": ("sponsored", True),
                    "base": ("basedIn", False), "own": ("owns", True), "run": ("runs", True),
                    "fund": ("funded", True), "support": ("supported", True),
                    "bear": ("bornIn", False)}  # "the Berlin-born writer X": lemma of "born"


def _containment(ctx: ArticleContext, part: End, whole: End, possessed: bool = False) -> str | None:
    """partOf / basedIn for "whole's part" (``possessed``) or "part of whole", or None when the two
    cannot nest."""
    if ctx.type_of(part) != ORGANIZATION or part == whole:
        return None
    if ctx.type_of(whole) == COUNTRY and ctx.words_of(part) & STATE_BODY_WORDS:
        return "partOf"  # "Kenya's foreign ministry", though its name holds "Kenya"
    if ctx.words_of(whole) <= ctx.words_of(part):
        return None  # "Guy's Hospital": the possessor is part of the name
    whole_type = ctx.type_of(whole)
    if whole_type == ORGANIZATION:
        if possessed and not ctx.subtypes.get(part.key) and not ctx.words_of(part) & (ORG_NOUNS | STATE_BODY_WORDS) \
                and ctx.subtypes.get(whole.key) != "PoliticalParty":
            return None  # "Microsoft's Xbox", "Kodak's Ofoto": nothing says the owned name is a body
        return "partOf"
    if whole_type in (COUNTRY, PLACE):
        return "basedIn"
    return None


def _possessives(ctx: ArticleContext, token: Token) -> Iterator[Found]:
    """"Harvard's Kennedy School", "the Kennedy School of Harvard"."""
    part = ctx.named(token)
    if part is None or part.weak:
        return
    wholes = [c for c in token.children if c.dep_ == "poss"]
    wholes += [obj for _, obj in grammar.prep_objects(token, "of")]
    for whole_token in wholes:
        whole = ctx.named(whole_token)
        if whole is None or whole.weak:
            continue
        if _own_name_phrase(ctx, part, whole_token) and token.lemma_.lower() not in NAME_OF_STATE_WORDS:
            continue  # "the Royal Bank of Canada", "the Islamic Council of Norway": where it is, not whose
        predicate = _containment(ctx, part, whole, possessed=whole_token.dep_ == "poss")
        if predicate:
            yield Found(part, predicate, whole, "possessive", None)


def _own_name_phrase(ctx: ArticleContext, part: End, whole_token: Token) -> bool:
    """Whether the "of" phrase of ``whole_token`` is a word of the part's own name ("Bank of X")."""
    prep = whole_token.head
    return whole_token.dep_ == "pobj" and ctx.table.token_actor.get(prep.i) == part.key


def _hyphen_compounds(ctx: ArticleContext, token: Token) -> Iterator[Found]:
    """"a Paris-led coalition": the participle with its hyphenated modifier."""
    entry = HYPHEN_COMPOUNDS.get(token.lemma_.lower())
    if entry is None or token.dep_ not in ("amod", "compound") or token.i == 0:
        return
    predicate, modifier_is_subject = entry
    if token.nbor(-1).text not in ("-", "–"):
        return
    modifier = next((c for c in token.children if c.i < token.i and ctx.named(c)), None)
    if modifier is None and token.i > 1:
        modifier = token.nbor(-2) if ctx.named(token.nbor(-2)) else None
    if modifier is None:
        return
    actor = ctx.named(modifier)
    noun = token.head
    target = ctx.named(noun.head) if noun.dep_ == "appos" else None  # "Acme, the Austin-based firm": Acme
    if target is None:
        target = ctx.phrase(noun, behind=False)
    if target is None:
        target = ctx.describe_indefinite(noun)
    if target is None:
        return
    if modifier_is_subject:
        yield Found(actor, predicate, target, "hyphen-compound", None)
    else:
        yield Found(target, predicate, actor, "hyphen-compound", None)


def find(sent: Sequence[Token], ctx: ArticleContext) -> Iterator[Found]:
    """Every relation stated by a noun modifier in ``sent``."""
    for token in sent:
        if token.pos_ == "PROPN" or ctx.named(token) is not None:
            yield from _possessives(ctx, token)
        if token.tag_ in ("VBN", "JJ") or token.pos_ == "VERB":
            yield from _hyphen_compounds(ctx, token)
