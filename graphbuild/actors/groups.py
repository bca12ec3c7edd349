"""Bodies of a state named by a lowercase noun and their country: "Kenya's foreign ministry".

A country's possessive or "of" phrase on one names an actor of its own
("Kenya's foreign ministry" -> Kenya Foreign Ministry; "the police of Peru" ->
Peru Police), or the organization the article names for it, given the words
such a name holds ("Sudan's army" -> the Sudanese Armed Forces).
"""
from __future__ import annotations

from spacy.tokens import Doc

from .. import gazetteer
from ..records import ORGANIZATION
from .candidates import Candidate

#: Lowercase nouns for a body of a state, each with the words a name of that body holds.
STATE_BODY_NOUNS: dict[str, frozenset[str]] = {
    "ministry": frozenset({"ministry"}), "army": frozenset({"army", "armed", "military"}),
    "military": frozenset({"army", "armed", "military"}), "navy": frozenset({"navy", "naval"}),
    "parliament": frozenset({"parliament"}), "police": frozenset({"police"}), "cabinet": frozenset({"cabinet"}),
    "legislature": frozenset({"legislature"}), "judiciary": frozenset({"judiciary"}),
    "presidency": frozenset({"presidency"}), "embassy": frozenset({"embassy"}),
}
#: Lowercase adjectives that belong to the name of a state body ("foreign ministry", "national police");
#: other adjectives ("powerful army") describe it and stay out of the name. Nouns ("defence ministry")
#: always belong.
STATE_BODY_ADJECTIVES = frozenset({"foreign", "interior", "home", "internal", "federal", "national", "central",
                                   "economic", "financial", "environmental", "religious", "electoral", "judicial",
                                   "supreme", "regional", "provincial", "military", "presidential"})
#: At most this many words stand between a state body's country and its noun.
MAX_STATE_BODY_MODIFIERS = 2


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
