"""The sectors of group actors and the nouns that name them (CAMEO agent codes).

Read by :mod:`.groups`, which makes the group actors, and by :mod:`.candidates`,
which leaves a sector noun spaCy tagged as a name ("the Army", "Labour MPs")
to the groups.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from .. import lexicon


@dataclass(frozen=True, slots=True)
class Sector:
    """One sector of the CAMEO agent codes."""

    code: str
    body: str  # "military": "Sri Lanka military"
    members: str  # "troops": "<organization> troops"
    subtype: str


@functools.cache
def sectors() -> dict[str, Sector]:
    """CAMEO code -> its sector."""
    return {row[0]: Sector(row[0], row[1], row[2], row[3] if len(row) > 3 else "")
            for row in lexicon.rows("actors_sectors.tsv")}


@functools.cache
def sector_nouns() -> dict[str, tuple[str, bool]]:
    """Lowercase sector noun -> (CAMEO code, whether it names its group without a country beside it)."""
    return {row[0]: (row[1], len(row) > 2 and row[2] == "yes") for row in lexicon.rows("actors_sector_nouns.tsv")}
