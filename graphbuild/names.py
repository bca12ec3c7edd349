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
                          "la", "le", "der", "die", "das", "und", "für", "pour", "en", "et", "y", "e", "per",
                          "para", "por", "van", "voor", "del", "della", "di", "da", "do", "dos"})

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


#: A lowercase word glued to the capitalized word after it: "ofNew".
_GLUED = re.compile(r"^([a-z]{2,})(?=[A-Z][a-z])")


@functools.cache
def _stop_words() -> frozenset[str]:
    # Imported on first need: a Dask client merges names but never parses, and importing spaCy
    # would cost it half a second of start-up.
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def tidy(name: str) -> str:
    """A surface form as a label: straight apostrophes, single spaces, no possessive 's, no function
    word glued in front (spaCy's English stop words: "ofNew Labour").

    Example:
        >>> tidy("Seoul  National University’s")
        'Seoul National University'
    """
    text = " ".join(name.translate(_APOSTROPHES).split())
    glued = _GLUED.match(text)
    if glued and glued.group(1) in _stop_words():
        text = text[glued.end():]  # "ofNew Labour": a function word the source glued to the name
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


@functools.cache
def generic_words() -> frozenset[str]:
    """Lowercase common nouns that alone name no actor ("party", "bank", "house")."""
    return lexicon.words("actors_generic_words.txt")


@functools.cache
def non_actor_heads() -> frozenset[str]:
    """Lowercase head words of names of things that are no actors: documents, events ("Budget", "Act")."""
    return lexicon.words("actors_non_actor_heads.txt")


def singular(word: str) -> str:
    """A capitalized plural name word in the singular ("Tories" -> "Tory", "Dems" -> "Dem").

    Only the regular English endings; a word that is no plural comes back unchanged.

    Example:
        >>> singular("Tories"), singular("Conservatives"), singular("MPs"), singular("Jones's")
        ('Tory', 'Conservative', 'MP', "Jones's")
    """
    if not word[-1:] == "s" or word.endswith(("ss", "us", "is", "'s", "’s")):
        return word
    if len(word) < 4 and not (len(word) == 3 and word[:-1].isupper()):  # "MPs", not "Gas"
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1]


def abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` writes each word of ``long`` by its first letters ("Lib Dems", "Liberal Democrats").

    Both have the same number of words, each word of ``short`` begins the matching word of
    ``long`` (a final plural "s" aside), and at least one is cut short by two letters or more.

    Example:
        >>> abbreviates("Lib Dems", "Liberal Democrats"), abbreviates("Lib Dem", "Liberal Democrat")
        (True, True)
        >>> abbreviates("Liberal Dems", "Liberal Democrats"), abbreviates("Lab", "Labour")
        (True, False)
        >>> abbreviates("New York", "New Yorker")
        False
    """
    a, b = name_key(short).split(), name_key(long).split()
    if len(a) != len(b) or len(a) < 2:
        return False
    cut = False
    for x, y in zip(a, b):
        if x != y and x.endswith("s") and y.endswith("s"):
            x, y = x[:-1], y[:-1]
        if not (len(x) >= 2 and y.startswith(x)) or x != y and y[len(x):] in PEOPLE_SUFFIXES:
            return False  # "New York" writes no word of "New Yorker" short: a "New Yorker" is someone from it
        cut = cut or len(y) - len(x) >= 2
    return cut


#: Endings that make a place's name the name of someone from it ("New Yorker", "Londoner", "Texan").
PEOPLE_SUFFIXES = frozenset({"er", "ers", "an", "ans", "ian", "ians", "ite", "ites", "ese"})


def initials(name: str) -> str:
    """The first letters of a name's words, lowercased: the index key of :func:`abbreviates`."""
    return "".join(w[0] for w in name_key(name).split())


#: Number words that a channel or product name writes either way ("BBC One", "BBC 1").
_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9", "ten": "10"}


def compact_key(name: str) -> str:
    """A name with spacing, "and"/"&" and number words set aside: "BBC One", "BBC 1" and "BBC1" agree.

    Example:
        >>> compact_key("BBC One") == compact_key("BBC 1") == compact_key("BBC1")
        True
        >>> compact_key("Food & Agriculture Organisation") == compact_key("Food and Agriculture Organisation")
        True
    """
    words = [_NUMBER_WORDS.get(w, w) for w in name_key(name.replace("&", " and ")).split() if w != "and"]
    return "".join(words)
