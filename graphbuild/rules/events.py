"""The event vocabulary: which words state which predicate, reached through which preposition.

Data: ``graphbuild/data/relations_events.tsv`` (verb and event-noun lemmas, curated from the CAMEO and
PLOVER material of the Open Event Data Alliance) and ``relations_light_verbs.tsv`` (verbs that carry
an event noun: "held talks with", "cut aid to"). :func:`entries` finds a token's entries, preferring
a two-word trigger ("pull out", "shoot dead") over the bare lemma; :func:`choose` picks the predicate
for how the acted-on actor was reached.

Example:
    >>> choose(entries_for("impose", "noun"), "on", "Organization", "Country")  # doctest: +SKIP
"""
from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Token

from .. import lexicon

#: Children whose word can complete a two-word trigger ("pull out", "shoot dead", "join forces").
SECOND_WORD_DEPS = frozenset({"prt", "acomp", "oprd", "advmod", "dobj", "prep"})


@dataclass(frozen=True, slots=True)
class TypeCondition:
    """An actor-type condition on one end: ``subject=Person`` or ``object=!Person``."""

    types: frozenset[str]
    negated: bool = False

    def holds(self, actor_type: str | None) -> bool:
        return (actor_type in self.types) != self.negated


@dataclass(frozen=True, slots=True)
class EventEntry:
    """One line of the event vocabulary.

    Attributes:
        trigger: the lemma, or lemma and second word ("pull out").
        pos: "verb", "noun" or "adj" (an adjective, read with the verb's paths: "critical of").
        preps: how the acted-on actor is reached ("-", "on", "'s", "%in", "pass:in", "between").
        predicate: the predicate's local name.
        inverse: the ends are swapped ("X hosted Y": Y visited X).
        subject: a condition on the subject's actor type, if any.
        object: a condition on the object's actor type, if any.
        stopped: the predicate the noun states under a stop verb ("cut aid to": cutAidTo), if any.
        agentive: the noun names the one who acts ("critic", "assassin", "ally"): the actor it is
            given to (by apposition, copula or title) is the subject.
        mutual: coordinated subjects of the verb with no object act on each other ("A and B met").
        carriers: for a noun, the carrying verbs the entry needs ("signed a deal": sign), if any.
    """

    trigger: str
    pos: str
    preps: frozenset[str]
    predicate: str
    inverse: bool = False
    subject: TypeCondition | None = None
    object: TypeCondition | None = None
    stopped: str = ""
    agentive: bool = False
    mutual: bool = False
    carriers: frozenset[str] = frozenset()

    def fits(self, subject_type: str | None, object_type: str | None, carried_by: str = "") -> bool:
        """Whether the two ends' actor types, and the verb carrying the noun, meet the entry's conditions."""
        return ((self.subject is None or self.subject.holds(subject_type))
                and (self.object is None or self.object.holds(object_type))
                and (not self.carriers or carried_by in self.carriers))


def _condition(text: str) -> TypeCondition:
    negated = text.startswith("!")
    return TypeCondition(frozenset(lexicon.values(text.lstrip("!"))), negated)


def parse_entry(row: tuple[str, ...]) -> EventEntry:
    """An entry from its data line's columns."""
    trigger, pos, preps, predicate = row[:4]
    items = row[4].split() if len(row) > 4 else []
    conditions = dict(item.split("=", 1) for item in items if "=" in item)
    return EventEntry(
        trigger=trigger, pos=pos, preps=frozenset(lexicon.values(preps)),
        predicate=predicate.lstrip("~"), inverse=predicate.startswith("~"),
        subject=_condition(conditions["subject"]) if "subject" in conditions else None,
        object=_condition(conditions["object"]) if "object" in conditions else None,
        stopped=conditions.get("stopped", ""), agentive="agentive" in items, mutual="mutual" in items,
        carriers=frozenset(lexicon.values(conditions.get("carrier", ""))))


@functools.cache
def vocabulary() -> dict[tuple[str, str], tuple[EventEntry, ...]]:
    """(trigger, pos) -> the entries for it, in file order."""
    table: dict[tuple[str, str], list[EventEntry]] = defaultdict(list)
    for row in lexicon.rows("relations_events.tsv"):
        entry = parse_entry(row)
        table[(entry.trigger, entry.pos)].append(entry)
    return {key: tuple(value) for key, value in table.items()}


@functools.cache
def carrier_verbs() -> dict[str, str]:
    """Verb (or verb and particle) -> "light" or "stop" (relations_light_verbs.tsv)."""
    return lexicon.mapping("relations_light_verbs.tsv")


@functools.cache
def first_words() -> frozenset[str]:
    """The first word of every trigger, for a quick look before the full one."""
    return frozenset(key.split()[0] for key, _ in vocabulary())


def may_trigger(token: Token) -> bool:
    """Whether the token may be a trigger: its lemma, form or a regular past's stem starts one."""
    words = first_words()
    if token.lemma_.lower() in words or token.lower_ in words:
        return True
    return token.tag_ in ("VBD", "VBN") and any(f in words for f in base_forms(token))


def entries_for(trigger: str, pos: str) -> tuple[EventEntry, ...]:
    """The entries for a trigger word ("kill", "pull out") as a verb or noun."""
    return vocabulary().get((trigger, pos), ())


def base_forms(token: Token) -> list[str]:
    """The token's lemma, and for a regular past form the stems it may come from, since the
    lemmatizer slips on some ("fined" -> "fin"): "fined" -> fine, "banned" -> ban."""
    lemma, lower = token.lemma_.lower(), token.lower_
    forms = [lemma]
    if token.tag_ in ("VBD", "VBN") and lower.endswith("ed"):
        forms += [lower[:-1], lower[:-2], lower[:-3], lower[:-3] + "y"]
    return forms


def _keys(token: Token) -> list[str]:
    """The token's trigger keys, two-word ones first: "pull out" or "shoot fatally", then "pull".

    A verb with a particle is only its two-word key: "drew up proposals" is not "drew".
    """
    seconds = [c.lower_ for c in token.children if c.dep_ in SECOND_WORD_DEPS]
    forms = base_forms(token)
    two_word = [f"{form} {word}" for form in forms[:1] for word in seconds]
    if any(c.dep_ == "prt" for c in token.children):
        return two_word
    return two_word + forms


def entries(token: Token, pos: str) -> tuple[EventEntry, ...]:
    """The vocabulary's entries for ``token`` used as a ``pos`` ("verb", "noun" or "adj").

    A noun is looked up by its lemma, then its own form ("talks", "relations").
    """
    if pos == "noun":
        return entries_for(token.lemma_.lower(), "noun") or entries_for(token.lower_, "noun")
    if pos == "adj":
        return entries_for(token.lower_, "adj") or entries_for(token.lemma_.lower(), "adj")
    for key in _keys(token):
        found = entries_for(key, "verb")
        if found:
            return found
    return ()


def carrier(token: Token) -> str:
    """"light", "receive", "guilt", "stop" or "" for a verb that may carry an event noun."""
    table = carrier_verbs()
    for key in _keys(token):
        if key in table:
            return table[key]
    return ""


def choose(candidates: tuple[EventEntry, ...], prep: str, subject_type: str | None,
           object_type: str | None, carried_by: str = "") -> EventEntry | None:
    """The first entry reached through ``prep`` ("*": any) whose conditions the ends' types (and the
    lemma of the verb carrying a noun) meet."""
    for entry in candidates:
        if (prep in entry.preps or prep == "*") and entry.fits(subject_type, object_type, carried_by):
            return entry
    return None
