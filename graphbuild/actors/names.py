"""Naming the actors of one article: labels, keys, and the names that find more mentions.

An actor's label is its fullest form (a country's and a trusted place's come
from the gazetteer). Once labels are known, other occurrences of the same
names that spaCy did not tag are found, and so are bare surnames of the
people named in full.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc

from .. import gazetteer
from ..names import is_acronym, is_title
from ..records import COUNTRY, PERSON, PLACE
from .candidates import HONORIFICS, Candidate
from .resolution import is_initial, words
from .types import trusted_place

#: Links by which a word tagged as a common noun stands as a phrase of its own ("Morales's agent").
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj"})


def label(ms: list[Candidate], kind: str) -> str:
    """The canonical name of the actor these mentions name: its fullest form."""
    countries = Counter(m.country for m in ms if m.country)
    if kind == COUNTRY and countries:
        return countries.most_common(1)[0][0]
    names = [m for m in ms if not m.demonym and not m.generic and not m.qualified] \
        or [m for m in ms if not m.demonym and not m.qualified] or [m for m in ms if not m.demonym]
    if kind == PLACE:
        places = [m.place for m in names if trusted_place(m)]
        if places:
            return places[0].label
    counts = Counter(m.form if m.qualified else m.text for m in names)
    position = {}
    for m in names:
        position.setdefault(m.form if m.qualified else m.text, m.start)

    def fullness(text: str) -> tuple:
        return (not is_acronym(text), len(words(text)), len(text), counts[text], -position[text])

    return max(counts, key=fullness) if counts else ms[0].text


def unique_keys(labels: list[str]) -> list[str]:
    """One key per actor: its label, numbered when two actors of the article share it."""
    seen: Counter = Counter()
    keys = []
    for text in labels:
        seen[text] += 1
        keys.append(text if seen[text] == 1 else f"{text} ({seen[text]})")
    return keys


def extra_mentions(doc: Doc, taken: set[int], forms: dict[tuple[str, ...], str],
                   surnames: frozenset[tuple[str, ...]] = frozenset()) -> list[tuple[int, int, str]]:
    """Other occurrences of names already found, that spaCy did not tag: (start, end, key).

    A one-word form must be tagged as a proper noun, unless it is a person's surname
    standing as a phrase of its own: spaCy tags a surname ending in "s" as a plural noun.
    """
    longest = max((len(f) for f in forms), default=0)
    hits = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in taken or not (token.text[:1].isupper()) or token.pos_ not in ("PROPN", "NOUN", "ADJ"):
            i += 1
            continue
        for n in range(min(longest, len(doc) - i), 0, -1):
            found = tuple(t.text for t in doc[i:i + n])
            key = forms.get(found)
            if key is not None and not any(k in taken for k in range(i, i + n)):
                if n == 1 and token.pos_ != "PROPN" and not (
                        found in surnames and token.pos_ == "NOUN" and token.dep_ in ARGUMENT_DEPS):
                    break
                hits.append((i, i + n, key))
                i += n - 1
                break
        i += 1
    return hits


def surnames(labels: list[str], keys: list[str], kinds: list[tuple[str, str]],
             surface: dict[tuple[str, ...], str]) -> dict[tuple[str, ...], str]:
    """The surname of each person named in full, where no other actor shares it: (surname,) -> key.

    spaCy tags a name the first time and often misses the bare surname in a later quote
    ("..., Wambui told Reuters"); these forms let :func:`extra_mentions` find it.
    """
    taken = {form[0] for form in surface if len(form) == 1}
    owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for key, text, (kind, _) in zip(keys, labels, kinds):
        name_words = [w for w in text.split() if not is_initial(w)]
        if kind != PERSON or len(name_words) < 2 or not name_words[-1][:1].isupper():
            continue
        owners[(name_words[-1],)].add(key)
    return {form: next(iter(found)) for form, found in owners.items()
            if len(found) == 1 and form[0] not in taken and not is_title(form[0])
            and gazetteer.place(form[0]) is None and gazetteer.demonym(form[0]) is None}


def titled_names(doc: Doc, spans, shared_surnames: frozenset[str] = frozenset()) -> set[str]:
    """A person's names as written with the titles right before them ("President Kennedy",
    "Sen. Robert F. Kennedy", "Dr. Martin Luther King Jr."): surface forms of the same person, kept as
    aliases while the label stays the bare name. Only a run of title words counts: "Chicago Mayor Anne
    Cole" gives "Mayor Anne Cole", never the place. A bare surname after "Mr" or "Mrs" that two
    people of the article share gives none: the honorific does not tell which of them it is.

    Args:
        doc: the parsed article.
        spans: the person's mention spans, (start, end, demonym) token offsets.
        shared_surnames: last words (lower case) of more than one person's label in the article.

    Returns:
        The titled forms, each as written (tidied), without the bare names themselves.
    """
    from ..names import tidy

    forms = set()
    for start, end, demonym in spans:
        if demonym:
            continue
        first = start
        while first > 0 and is_title(doc[first - 1].text) and doc[first - 1].text[:1].isupper() \
                and doc[first - 1].pos_ != "VERB" and doc[first - 1].ent_type_ in ("", "PERSON"):
            first -= 1
        honorific_only = all(doc[i].lower_.rstrip(".") in HONORIFICS for i in range(first, start))
        if first < start and not (honorific_only and end - start == 1 and doc[start].lower_ in shared_surnames):
            forms.add(tidy(doc[first:end].text))
    return forms
