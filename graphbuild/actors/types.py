"""Step 3 of the actor stage: the type of each resolved actor.

An actor takes the gazetteer's type where the gazetteer is trusted, a
person's where a full person name is among its forms, an organization's where
an apposition describes it as one, else the majority of its mentions.
"""
from __future__ import annotations

from collections import Counter

from .. import gazetteer
from ..pronouns import first_name_gender
from ..records import COUNTRY, ORGANIZATION, PERSON, PLACE
from .candidates import LABEL_TYPE, Candidate
from .resolution import words


def trusted_place(m: Candidate) -> bool:
    """Whether the gazetteer's place outweighs the entity label spaCy gave this mention.

    A city name spaCy calls an organization or a person is often a company, a club or a
    surname ("Toyota", "Reading", "Bush"); only big cities win there, and not over a first
    name ("Kyiv" yes, "Charlotte" no).
    """
    place = m.place
    if place is None or place.type != PLACE:
        return False
    if m.ent_label in ("GPE", "LOC", "FAC", "NORP") or place.subtype != "City":
        return True
    return place.population >= gazetteer.MIN_EXONYM_POPULATION and not (
        m.ent_label == "PERSON" and first_name_gender(m.text))


def actor_type(ms: list[Candidate]) -> tuple[str, str]:
    """The type and subtype of the actor these mentions name."""
    countries = Counter(m.country for m in ms if m.country)
    if countries and not any(m.kind == PERSON for m in ms):
        return COUNTRY, ""
    if any(m.described for m in ms) and not any(m.titles for m in ms):
        described = Counter(m.subtype for m in ms if m.described and m.subtype)
        return ORGANIZATION, (described.most_common(1)[0][0] if described else "")
    if any(m.org_cue for m in ms) and not any(m.titles or m.kind == PERSON and m.evidence for m in ms):
        cued = Counter(m.subtype for m in ms if m.org_cue and m.subtype)
        return ORGANIZATION, (cued.most_common(1)[0][0] if cued else "")
    if any(m.kind == PERSON and len(words(m.text)) >= 2 for m in ms):
        return PERSON, ""
    trusted = [m.place for m in ms if trusted_place(m)]
    if trusted:
        return PLACE, trusted[0].subtype
    kinds: Counter = Counter()
    subtypes: Counter = Counter()
    for m in ms:
        kind, subtype = m.kind, m.subtype
        if m.place is not None and m.place.type == PLACE:  # an untrusted city: spaCy's word stands
            kind, subtype = LABEL_TYPE.get(m.ent_label) or ORGANIZATION, ""
        if kind:
            kinds[kind] += 1
            if subtype:
                subtypes[(kind, subtype)] += 1
    if not kinds:
        return ORGANIZATION, ""
    order = (PERSON, ORGANIZATION, PLACE, COUNTRY)
    kind = max(kinds, key=lambda k: (kinds[k], -order.index(k)))
    best = [st for (k, st), _ in subtypes.most_common() if k == kind]
    return kind, (best[0] if best else "")
