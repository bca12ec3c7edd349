"""Names as strings: normal forms, titles, organization head words, acronyms, spelling distance.

Pure functions over text, with the word lists in ``graphbuild/data/actors_*``
files (one word a line), so the actor stage and the cross-article merge agree
on what makes two names the same.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from . import lexicon

#: Words skipped when forming an acronym from a long name ("Bank of England" -> "BoE", "BE").
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "&", "de", "du", "des",
                          "la", "le", "der", "die", "das", "und"})

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


@functools.cache
def title_words() -> frozenset[str]:
    """Lowercase titles and role words that precede a person's name ("president", "mr")."""
    return lexicon.words("actors_titles.txt")


@functools.cache
def org_words() -> dict[str, str]:
    """Lowercase head words that make a name an organization -> the schema.org subtype they suggest."""
    return lexicon.mapping("actors_org_words.tsv")


@functools.cache
def place_words() -> dict[str, str]:
    """Lowercase head words that make a name a place ("airport", "river") -> schema.org subtype."""
    return lexicon.mapping("actors_place_words.tsv")


@functools.cache
def not_names() -> frozenset[str]:
    """Lowercase words and common-noun acronyms that never name an actor ("ai", "gdp")."""
    return lexicon.words("actors_not_names.txt")


#: Small words after which a name's head has already come ("Bank of England" -> "Bank").
HEAD_STOPS = frozenset({"of", "for", "in", "on", "at", "to"})


def head_word(words: list[str]) -> str:
    """The head of a name: its last capitalized word before any "of"/"for" phrase, lowercased.

    Example:
        >>> head_word("Academy of Motion Picture Arts".split()), head_word(["Academy", "Awards"])
        ('academy', 'awards')
    """
    head = ""
    for word in words:
        if word.lower() in HEAD_STOPS:
            break
        if word[:1].isupper():
            head = word.lower().rstrip(".")
    return head


def is_title(word: str) -> bool:
    """Whether ``word`` is a title or honorific ("Mr.", "President", "then-president")."""
    lower = word.lower().rstrip(".")
    return lower in title_words() or (
        "-" in lower and all(part in title_words() for part in lower.split("-") if part))


def name_key(name: str) -> str:
    """Normalize a name for matching: case, accents, apostrophes, punctuation, a leading 'the'.

    Example:
        >>> name_key("The Brookings Institution’s")
        'brookings institution'
        >>> name_key("U.S.")
        'u s'
    """
    if name.isascii() and name.replace(" ", "").isalnum():  # the common case, without regexes
        words = name.lower().split()
        return " ".join(words[1:] if len(words) > 1 and words[0] == "the" else words)
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"^\s*the\s+", "", text)
    return " ".join(text.split())


def tidy(name: str) -> str:
    """A surface form as a label: straight apostrophes, single spaces, no possessive 's.

    Example:
        >>> tidy("Seoul  National University’s")
        'Seoul National University'
    """
    text = " ".join(name.translate(_APOSTROPHES).split())
    return re.sub(r"'s?$", "", text).strip() if re.search(r"\w's$|s'$", text) else text


def is_acronym(word: str) -> bool:
    """Whether ``word`` looks like an acronym: 2-10 capitals, dots allowed ("OPEC", "U.N.").

    Example:
        >>> is_acronym("NATO"), is_acronym("Nato"), is_acronym("U.S.")
        (True, False, True)
    """
    letters = word.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 10 and letters.isalpha() and letters.isupper()


def acronyms_of(name: str) -> set[str]:
    """The acronyms a multi-word name can have: initials with and without the small words.

    Hyphenated words give one initial per part too ("Co-operation" -> "C", "CO").

    Example:
        >>> sorted(acronyms_of("North American Free Trade Agreement"))
        ['NAFTA']
        >>> sorted(acronyms_of("Bank of England"))
        ['BE', 'BOE']
    """
    words = [w for w in re.split(r"[\s]+", name.translate(_APOSTROPHES)) if w and w[0].isalnum()]
    if len(words) < 2:
        return set()
    result = set()
    for keep_small in (False, True):
        for split_hyphens in (False, True):
            letters = []
            for word in words:
                if word.lower() in ACRONYM_SKIP and not keep_small:
                    continue
                parts = [p for p in word.split("-") if p] if split_hyphens else [word]
                letters.extend(p[0] for p in parts)
            if len(letters) >= 2:
                result.add("".join(letters).upper())
    return result


def acronym_key(word: str) -> str:
    """An acronym with dots and case removed ("U.N." -> "UN", "Nato" -> "NATO")."""
    return word.replace(".", "").replace(" ", "").upper()


def osa_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance (edits, adjacent swaps count one), capped at ``limit + 1``.

    Example:
        >>> osa_distance("kyrgyzstan", "kyrgystan"), osa_distance("pakistna", "pakistan")
        (1, 1)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)
