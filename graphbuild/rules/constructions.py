"""The declared constructions: every rule's name and how far it is trusted, in one place.

Data: ``graphbuild/data/relations_constructions.tsv``. A relation's construction must be declared
there; the path core's constructions also say which two links of the path grammar they pair.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from .. import lexicon


@dataclass(frozen=True, slots=True)
class Construction:
    """One declared construction.

    Attributes:
        name: its name, as each relation's ``construction``.
        confidence: how far it is trusted (0..1), as measured (see the data file's notes).
        trigger: "verb", "noun" or "actor" for the path core, "rule" for the other families.
        subject_links: the links the subject is reached by.
        object_links: the links the object is reached by.
    """

    name: str
    confidence: float
    trigger: str
    subject_links: frozenset[str]
    object_links: frozenset[str]


@functools.cache
def constructions() -> dict[str, Construction]:
    """Every declared construction, by name."""
    table = {}
    for name, confidence, trigger, subject, obj in lexicon.rows("relations_constructions.tsv"):
        links = (frozenset(lexicon.values(subject)) - {"-"}, frozenset(lexicon.values(obj)) - {"-"})
        table[name] = Construction(name, float(confidence), trigger, *links)
    return table


@functools.cache
def for_trigger(trigger: str) -> tuple[Construction, ...]:
    """The path core's constructions for one kind of trigger, in file order."""
    return tuple(c for c in constructions().values() if c.trigger == trigger)


def confidence(name: str) -> float:
    """A declared construction's confidence (KeyError for an undeclared one)."""
    return constructions()[name].confidence
