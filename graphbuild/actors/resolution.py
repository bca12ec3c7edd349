"""Step 2 of the actor stage: which candidate mentions of one article name the same actor.

Each kind of join is a function of its own, run in this order over the
article's forms (mentions grouped by normalized name):

1. persons: a surname or first name to the person's full name, wherever in the
   article it is ("Ardern" before or after "Jacinda Ardern"), and full names
   that differ by a middle name;
2. the same name, wherever it recurs;
3. acronyms to the long form whose initials they spell, adjacent or not;
4. short forms of an organization to its long form: a tail ("the Times"), a
   head before designators ("Lehman"), a truncated first word ("Fed"), every
   word cut short ("Lib Dems" for "Liberal Democrats");
5. a one-word name that begins a one-word name named before it ("Yugansk");
6. near-miss spellings of a name of the same kind ("Zelenskiy" -> "Zelensky").

Every join looks names up in dicts, so the step is linear in the article's size.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from networkx.utils import UnionFind

from .. import gazetteer
from ..names import abbreviates, acronym_key, acronyms_of, head_word, initials, is_acronym, name_key, org_words, \
    osa_distance
from ..records import COUNTRY, ORGANIZATION, PERSON, PLACE
from .candidates import HONORIFICS, TITLE_MODIFIERS, Candidate

#: Near misses are looked for between names of at least this many letters, one edit apart
#: (two edits join "Tony Blair" and "Tony Bland").
NEAR_MISS_MIN = 6

#: A one-word organization name this long that begins a longer one is a short form of it ("Yugansk").
MIN_PREFIX = 5

#: A two-word organization's first word cut to this many letters is a short form of it ("Fed").
MIN_TRUNCATION, MAX_TRUNCATION = 3, 4

Forms = dict[str, list[Candidate]]


def words(text: str) -> list[str]:
    """The words of a name that hold a letter ("J. R. R. Tolkien" -> J., R., R., Tolkien)."""
    return [w for w in text.replace(".", ". ").split() if any(ch.isalpha() for ch in w)]


def is_initial(word: str) -> bool:
    """Whether a word of a name is an initial ("J." or "J")."""
    return len(word.rstrip(".")) == 1


def resolve(mentions: list[Candidate], links: list[tuple[Candidate, int]]) -> UnionFind:
    """Join the mentions that name one actor.

    Args:
        mentions: the article's candidates; each gets its ``node`` (its index).
        links: (long form, acronym token index) pairs written together ("... Organization (SCO)").

    Returns:
        A union-find over the mentions' nodes.
    """
    uf = UnionFind(range(len(mentions)))
    forms: Forms = defaultdict(list)
    for i, m in enumerate(mentions):
        m.node = i
        forms[m.key].append(m)
    first = {key: ms[0].node for key, ms in forms.items()}
    named = {key: ms for key, ms in forms.items() if not ms[0].generic}  # "the Bank" joins by short form only
    persons = _person_forms(named)
    for key in persons:
        for m in forms[key]:
            m.kind = PERSON
    org_first = _organization_first_words(named, persons)
    ambiguous = _join_persons(named, persons, org_first, uf, first)
    for key, ms in forms.items():  # the same name, wherever it recurs
        if key not in ambiguous:
            for m in ms[1:]:
                uf.union(first[key], m.node)
    _join_acronyms(named, mentions, links, uf, first)
    _join_short_forms(forms, org_first, uf, first)
    _join_prefixes(named, uf, first)
    _join_near_misses(named, uf, first)
    return uf


def _person_forms(forms: Forms) -> set[str]:
    """Form keys that are a person's full name (two or more name words)."""
    single_person = {k for k, ms in forms.items()
                     if len(words(ms[0].text)) == 1
                     and any(m.ent_label == "PERSON" or set(m.titles) & HONORIFICS for m in ms)}
    persons = set()
    for key, ms in forms.items():
        name_words = words(ms[0].text)
        if len(name_words) < 2 or any(m.country or m.place for m in ms) or is_acronym(ms[0].text):
            continue
        kinds = Counter(m.kind for m in ms)
        person_votes = kinds[PERSON]
        titled = any(set(m.titles) - TITLE_MODIFIERS and m.ent_label in ("PERSON", "ORG") for m in ms)
        org_like = any(m.subtype or m.described or m.kind == ORGANIZATION and _org_head_text(m.text) for m in ms)
        surname_seen = name_key(name_words[-1]) in single_person
        if person_votes * 2 > sum(kinds.values()) or (not org_like and (titled or surname_seen)):
            persons.add(key)
    return persons


def _org_head_text(text: str) -> bool:
    return head_word(text.split()) in org_words()


def _organization_first_words(forms: Forms, persons: set[str]) -> set[str]:
    """The first words of multi-word organization names ("Nordvik" of "Nordvik Shipping")."""
    return {name_key(words(ms[0].text)[0]) for key, ms in forms.items()
            if key not in persons and len(words(ms[0].text)) >= 2
            and all(m.kind == ORGANIZATION and not m.country and not m.place for m in ms)}


def _nearest_target(m: Candidate, targets: list[str], forms: Forms) -> str:
    """Of several people sharing a surname, the one named last before ``m`` (else first after it)."""
    def distance(key: str) -> tuple[int, int]:
        before = [x.start for x in forms[key] if x.start < m.start]
        if before:
            return (0, m.start - max(before))
        return (1, min(x.start for x in forms[key]) - m.start)
    return min(targets, key=distance)


def _join_persons(forms: Forms, persons: set[str], org_first: set[str], uf: UnionFind,
                  first: dict[str, int]) -> set[str]:
    """Surnames and first names to the full name; full names that differ by a middle name.

    Returns:
        The keys of bare names shared by several people: each of their mentions went to its
        own person, so they are not joined with each other.
    """
    by_last: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_suffix: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in persons:
        name_words = [name_key(w) for w in words(forms[key][0].text) if not is_initial(w)]
        if len(name_words) >= 2:
            by_last[name_words[-1]].append(key)
            by_first[name_words[0]].append(key)
            by_ends[(name_words[0], name_words[-1])].append(key)
            for n in range(2, len(name_words)):
                by_suffix[tuple(name_words[-n:])].append(key)
    for keys in by_ends.values():  # "John Smith" and "John Q. Smith"
        for key in keys[1:]:
            uf.union(first[keys[0]], first[key])
    for key in persons:  # "De Marigny" and "Roland de Marigny"
        name_words = tuple(name_key(w) for w in words(forms[key][0].text) if not is_initial(w))
        targets = [k for k in by_suffix.get(name_words, ()) if k != key]
        if len(targets) == 1:
            uf.union(first[targets[0]], first[key])
    # The first word of an organization's name, tagged an organization wherever it stands
    # ("Nordvik" for "Nordvik Shipping"), is that organization, not a person's surname.
    ambiguous = set()
    for key, ms in forms.items():
        if key in persons or len(words(ms[0].text)) != 1 or is_acronym(ms[0].text):
            continue
        if any(m.demonym for m in ms) or key in org_first and all(m.ent_label == "ORG" for m in ms):
            continue
        places = [m.place for m in ms if m.place is not None]
        if places and any(m.ent_label in ("GPE", "LOC") for m in ms) and (
                places[0].type == COUNTRY or places[0].subtype != "City"
                or places[0].population >= gazetteer.MIN_EXONYM_POPULATION):
            continue  # a country or big city named like someone's surname stays the place
        targets = by_last.get(key) or (by_first.get(key) if any(m.ent_label == "PERSON" for m in ms) else None)
        if not targets:
            continue
        for m in ms:
            m.kind, m.country, m.place, m.subtype = PERSON, "", None, ""
            target = targets[0] if len(targets) == 1 else _nearest_target(m, targets, forms)
            uf.union(first[target], m.node)
        if len(targets) > 1:
            ambiguous.add(key)
    return ambiguous


def _join_acronyms(forms: Forms, mentions: list[Candidate], links: list[tuple[Candidate, int]],
                   uf: UnionFind, first: dict[str, int]) -> None:
    """Acronyms to long forms, by initials, adjacent or not; and the pairs written together."""
    long_by_acronym: dict[str, list[str]] = defaultdict(list)
    for key, ms in forms.items():
        if ms[0].kind == ORGANIZATION and len(words(ms[0].text)) >= 2:
            for acr in acronyms_of(ms[0].text):
                long_by_acronym[acr].append(key)
    for key, ms in forms.items():
        text = ms[0].text
        if len(words(text)) == 1 and ms[0].kind in (ORGANIZATION, PLACE) and not ms[0].country and (
                is_acronym(text) or (text.istitle() and len(text) <= 5)):
            targets = long_by_acronym.get(acronym_key(text), [])
            if len(targets) == 1:
                uf.union(first[targets[0]], first[key])
    at = {m.start: m for m in mentions}
    for long_form, acronym_token in links:
        other = at.get(acronym_token)
        if other is not None and long_form.node >= 0:
            uf.union(long_form.node, other.node)


def _join_short_forms(forms: Forms, org_first: set[str], uf: UnionFind, first: dict[str, int]) -> None:
    """Short forms of organizations named in full ("the Times" -> "The New York Times")."""
    org_tails: dict[tuple[str, ...], list[str]] = defaultdict(list)
    generic = org_words()
    for key, ms in forms.items():
        if ms[0].kind == ORGANIZATION and not any(m.place for m in ms):
            # After a possessive only the possessed part counts ("UN's Economic Commission").
            owned = "'" in ms[0].text
            name_words = tuple(name_key(w) for w in words(ms[0].text.split("'")[-1]))
            place = _place_prefix(name_words)
            for n in range(1, len(name_words) + owned):
                if 2 <= n < len(name_words) - place and generic.get(name_words[-1]) == "PoliticalParty" \
                        and name_words[-n] not in generic:
                    # "Labour Party" in "Parliamentary Labour Party", "Democratic Party" in "Social Democratic
                    # Party": a party's name is a party of its own, unless all before it is a place ("UK ...")
                    continue
                org_tails[name_words[-n:]].append(key)
                if all(w in generic for w in name_words[n:]) or n == 1 and name_words[0] in org_first \
                        and not _named_first(forms, name_words[0], key):
                    org_tails[name_words[:n]].append(key)  # "Lehman" for "Lehman Brothers"
            rest = name_words[place:]  # "National" for "New Zealand National Party"
            if 0 < len(rest) < len(name_words):
                for n in range(1, len(rest)):
                    if all(w in generic for w in rest[n:]):
                        org_tails[rest[:n]].append(key)
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key, ms in forms.items():
        if ms[0].kind == ORGANIZATION and not ms[0].generic and len(key.split()) >= 2:
            by_initials[initials(key)].append(key)
            name_words = key.split()
            if len(name_words) == 2:  # "Fed" for "Federal Reserve"
                for n in range(MIN_TRUNCATION, min(MAX_TRUNCATION, len(name_words[0]) - 1) + 1):
                    org_tails[(name_words[0][:n],)].append(key)
    for key, ms in forms.items():
        if ms[0].kind != ORGANIZATION or any(m.place for m in ms) or is_acronym(ms[0].text):
            continue
        name_words = tuple(key.split())
        targets = {uf[first[k]] for k in org_tails.get(name_words, ()) if k != key}
        if ms[0].generic and org_words().get(key) == "PoliticalParty":
            # "the Party" is the one party of the article, counting those named by their members ("Tory")
            targets |= {uf[first[k]] for k, others in forms.items() if others[0].form and k != key}
        # "Lib Dems" for "Liberal Democrats": each word cut short
        targets |= {uf[first[k]] for k in by_initials.get(initials(key), ()) if abbreviates(key, k)}
        if len(targets) == 1:
            uf.union(targets.pop(), first[key])


def _named_first(forms: Forms, word: str, key: str) -> bool:
    """Whether the one-word name ``word`` stands alone before the longer name ``key`` is first named.

    News names a company in full before it shortens it ("Lehman Brothers ... Lehman"); a bare
    name named first is another actor that the longer one belongs to or is named after ("Ford
    ... its Ford Freestyle", "Barclays ... Barclays Capital").
    """
    alone = forms.get(word)
    return bool(alone) and min(m.start for m in alone) < min(m.start for m in forms[key])


def _join_prefixes(forms: Forms, uf: UnionFind, first: dict[str, int]) -> None:
    """A one-word organization name that begins a longer one-word name named before it, its short
    form ("Yuganskneftegaz ... Yugansk"); named first, it is another actor ("Gazprom ... Gazpromneft")."""
    # spaCy calls an unknown one-word name anything: a name the gazetteer does not know, without a
    # title or a first name, is taken whatever its kind ("Yugansk" typed a place)
    singles = {key: ms for key, ms in forms.items() if " " not in key and key.isalpha() and not is_acronym(ms[0].text)
               and not any(m.place or m.country or m.titles or m.demonym for m in ms)
               and any(m.kind == ORGANIZATION or m.ent_label in ("ORG", "GPE", "LOC") for m in ms)}
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for key in singles:
        for n in range(MIN_PREFIX, len(key) - 1):
            by_prefix[key[:n]].append(key)
    for key, ms in singles.items():
        longer = [k for k in by_prefix.get(key, ()) if k != key]
        if len(longer) == 1 and min(m.start for m in forms[longer[0]]) < min(m.start for m in ms):
            uf.union(first[longer[0]], first[key])


def _place_prefix(name_words: tuple[str, ...]) -> int:
    """How many first words of a name name a place or its people ("New Zealand" of "New Zealand
    National Party", "Australian" of "Australian Labor Party"); 0 when none do."""
    for n in range(min(3, len(name_words) - 1), 0, -1):
        text = " ".join(name_words[:n])
        if gazetteer.place(text) is not None or gazetteer.demonym(text) is not None:
            return n
    return 0


def _join_near_misses(forms: Forms, uf: UnionFind, first: dict[str, int]) -> None:
    """Near-miss spellings of a name of the same kind ("Zelenskiy" -> "Zelensky")."""
    buckets: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, ms in forms.items():
        if not ms[0].country and len(key) >= NEAR_MISS_MIN and not is_acronym(ms[0].text):
            buckets[(ms[0].kind, key[:1])].append(key)
    for keys in buckets.values():
        keys.sort(key=lambda k: -len(forms[k]))
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if abs(len(a) - len(b)) <= 1 and len(set(a) ^ set(b)) <= 2 and osa_distance(a, b, 1) <= 1:
                    uf.union(first[a], first[b])
