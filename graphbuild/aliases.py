"""The user's alias file: the corrections a user makes to the cross-article merge.

One rule a line, columns separated by tabs, ``#`` lines and blank lines left out:

``merge NAME NAME ...``
    the actors named so (by label or alias, any article) are one actor;
``split NAME``
    actors of different articles named so are never merged, and no merge goes
    through that name (each article's "Congress" stays its own);
``retype NAME TYPE``
    the actor named so has this type: ``Person``, ``Organization``, ``Country``,
    ``Place``, or a subtype graphbuild knows (``PoliticalParty``, ``City``, ...).

Names are compared as the merge compares them (case, accents, punctuation and
a leading "the" aside). The file is read on every build and ``--update``, so
editing it and building again applies it to the whole graph.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import GraphbuildError
from .names import name_key
from .records import ACTOR_TYPES

#: The rule words, and how many names each takes (None: two or more).
RULES = {"merge": None, "split": 1, "retype": 1}


class AliasFileError(GraphbuildError):
    """An alias file that cannot be read or has a rule graphbuild does not know."""


@dataclass(frozen=True, slots=True)
class AliasRules:
    """The rules of one alias file, names normalized with :func:`graphbuild.names.name_key`.

    Attributes:
        merges: groups of names that are one actor each.
        splits: names that never merge across articles.
        types: name -> (type, subtype) to give the actor named so.
    """

    merges: tuple[frozenset[str], ...] = ()
    splits: frozenset[str] = frozenset()
    types: dict[str, tuple[str, str]] = field(default_factory=dict)


def _actor_type(word: str) -> tuple[str, str] | None:
    from .vocab import SUBTYPES

    for kind in ACTOR_TYPES:
        if word.lower() == kind.lower():
            return kind, ""
    for subtype, kind in SUBTYPES.items():
        if word.lower() == subtype.lower():
            return kind, subtype
    return None


def read_aliases(path: str | Path) -> AliasRules:
    """Read a user alias file.

    Raises:
        AliasFileError: the file cannot be read, or a line is not a rule (the message names
            the file, the line and what a rule looks like).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AliasFileError(f"{path}: cannot read the alias file ({getattr(exc, 'strerror', None) or exc})") from None
    merges, splits, types = [], set(), {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t") if cell.strip()]
        rule, names = cells[0].lower(), cells[1:]
        where = f"{path}:{number}"
        if rule not in RULES:
            raise AliasFileError(f"{where}: unknown rule {cells[0]!r}; a line is merge, split or retype, then "
                                 f"names, separated by tabs")
        if rule == "merge":
            if len(names) < 2:
                raise AliasFileError(f"{where}: merge takes two names or more, separated by tabs")
            merges.append(frozenset(name_key(n) for n in names))
        elif rule == "split":
            if len(names) != 1:
                raise AliasFileError(f"{where}: split takes one name")
            splits.add(name_key(names[0]))
        else:
            if len(names) != 2:
                raise AliasFileError(f"{where}: retype takes a name and a type, separated by a tab")
            kind = _actor_type(names[1])
            if kind is None:
                raise AliasFileError(f"{where}: unknown type {names[1]!r}; use Person, Organization, Country, "
                                     f"Place or a subtype such as PoliticalParty or City")
            types[name_key(names[0])] = kind
    return AliasRules(merges=tuple(merges), splits=frozenset(splits), types=types)
