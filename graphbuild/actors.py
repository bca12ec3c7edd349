"""Finding actors: spaCy entities turned into typed, canonical, resolved actors.

The stage runs in four steps over one parsed article, each linear in its size:

1. **Candidates.** Entities of the actor labels are trimmed to their names
   (titles, a leading "the", a possessive and trailing function words go;
   a section word glued in front of "The ..." goes), split where spaCy joined
   two things ("Chile's Interior Ministry" also names Chile;
   "pro-Paris Malian" is a city and a demonym), typed with the gazetteer
   (countries, cities, demonyms) and filtered for noise. Parenthesised
   acronyms ("... Organization (SCO)") add their long form even when spaCy
   missed it.
2. **Resolution.** Mentions are joined into actors: the same name; a surname
   or first name to the person's full name, wherever in the article it is;
   an acronym to the long form whose initials it spells; a short form of an
   organization ("the Times") to its long form; a near-miss spelling to the
   name it misspells.
3. **Typing and naming.** Each actor takes the gazetteer's type where it has
   one, a person's where a full person name is among its forms, else the
   majority of its mentions; its label is the fullest form.
4. **Tokens.** Every token that names an actor maps to it: the names found
   above, other occurrences of the same names spaCy missed, demonyms, and the
   pronouns :mod:`graphbuild.pronouns` resolves.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from networkx.utils import UnionFind
from spacy.tokens import Doc, Span, Token

from . import gazetteer
from .names import (acronym_key, acronyms_of, head_word, is_acronym, is_title, name_key, not_names, org_words,
                    osa_distance, place_words, tidy)
from .nlp import doc_text
from .pronouns import Antecedent, first_name_gender, person_gender, resolve_pronouns
from .records import COUNTRY, ORGANIZATION, PERSON, PLACE, Actor, ActorTable, Mention

#: spaCy entity labels that can name actors, and the actor type each suggests.
LABEL_TYPE = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE, "NORP": ""}

#: Nouns whose "of" object is a territory, never an organization ("the annexation of Tibet").
TERRITORY_NOUNS = frozenset({"annexation", "invasion", "occupation", "partition", "liberation", "secession",
                             "independence", "capital", "province", "region", "territory", "people",
                             "coast", "north", "south", "east", "west", "outskirts"})

#: Nouns that, set beside a name ("Acme, the Austin-based software company"), say it names an
#: organization, with the schema.org subtype they suggest: spaCy often takes such names for persons.
ORG_DESCRIPTION_NOUNS = {
    "company": "Corporation", "firm": "Corporation", "start-up": "Corporation", "startup": "Corporation",
    "carrier": "Corporation", "maker": "Corporation", "manufacturer": "Corporation", "lender": "Corporation",
    "insurer": "Corporation", "retailer": "Corporation", "conglomerate": "Corporation", "airline": "Corporation",
    "operator": "Corporation", "developer": "Corporation", "producer": "Corporation", "supplier": "Corporation",
    "giant": "Corporation", "chain": "Corporation", "brand": "Corporation", "subsidiary": "Corporation",
    "bank": "Corporation", "fund": "", "group": "", "agency": "GovernmentOrganization",
    "regulator": "GovernmentOrganization", "watchdog": "", "ministry": "GovernmentOrganization",
    "party": "PoliticalParty", "club": "SportsOrganization", "broadcaster": "NewsMediaOrganization",
    "newspaper": "NewsMediaOrganization", "daily": "NewsMediaOrganization", "tabloid": "NewsMediaOrganization",
    "charity": "", "organisation": "", "organization": "", "bloc": "", "alliance": "", "union": "",
    "association": "", "institute": "EducationalOrganization", "university": "EducationalOrganization",
    "think-tank": "", "tank": "",
}

#: Lowercase nouns for a body of a state. A country's possessive or "of" phrase on one names an actor of
#: its own ("Kenya's foreign ministry" -> Kenya Foreign Ministry; "the police of Peru" -> Peru Police),
#: or the organization the article names for it, given the words such a name holds ("Sudan's army" ->
#: the Sudanese Armed Forces). A state's "government" is the country itself, as relations read it.
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

#: Characters that make a span an amount, not a name.
CURRENCY = frozenset("£$€¥₹")

#: Words that end a name when spaCy runs on into a date ("the Commons on Monday").
DATE_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december""".split())

#: Titles that stand only before a person's name: "Ms Marsh" is a person whatever spaCy's label.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame"})
#: Lowercase particles that open a name ("van Dam", "al-Burhan", "de Gaulle"); other lowercase words
#: before a name are no part of it ("defence ministry of Chile").
NAME_PARTICLES = frozenset({"de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "ter", "le", "la",
                            "el", "al", "bin", "ibn", "dos", "das", "do", "y"})

#: Words that go with a title ("former president") but alone say nothing of a person.
TITLE_MODIFIERS = frozenset({"former", "late", "then", "ex", "founding", "acting", "interim", "deputy"})

#: Facility head words that still name an organization, not a place, when spaCy says FAC.
FAC_PLACE_WORDS = frozenset({"court", "hall", "house", "square", "street", "bridge", "airport", "stadium", "office"})

#: Near misses are looked for between names of at least this many letters, one edit apart
#: (two edits join "Tony Blair" and "Tony Bland").
NEAR_MISS_MIN = 6

#: How far back (in tokens) a parenthesised acronym looks for its long form, beyond its letters.
ACRONYM_SLACK = 3

#: A first line of at most this many words, set off by a blank line, is a headline.
MAX_HEADLINE_WORDS = 30

#: A single all-capital word this long tagged as a person or place is a shouted heading word.
SHOUTED_MIN = 5


@dataclass(slots=True)
class _Mention:
    """One candidate mention, before resolution."""

    start: int
    end: int
    text: str
    kind: str  # proposed actor type
    subtype: str = ""
    country: str = ""  # the country's canonical label, for a country or demonym
    demonym: bool = False  # names a country by its adjective; not a name of it
    place: gazetteer.Place | None = None
    titles: tuple[str, ...] = ()
    ent_label: str = ""
    node: int = -1
    described: bool = False  # an organization noun stands beside it ("X, the software company")

    @property
    def key(self) -> str:
        return f"country:{self.country}" if self.country else name_key(self.text)


@dataclass(slots=True)
class _Group:
    mentions: list[_Mention] = field(default_factory=list)


# --- step 1: candidates -----------------------------------------------------------------------


def _with_party_words(ent: Span) -> Span:
    """A group name with the capitalized words spaCy left off its front: "Liberal" + "Democrats".

    spaCy often tags only the last word of a party named after its members ("the Liberal
    [Democrats]", "Christian [Democrats]"); the words before it, when capitalized and inside
    the same noun phrase, belong to the name.
    """
    if ent.label_ != "NORP" or org_words().get(head_word([t.text for t in ent])) != "PoliticalParty":
        return ent
    doc, start = ent.doc, ent.start
    while start > 0:
        before = doc[start - 1]
        if not (before.is_title and before.pos_ in ("PROPN", "ADJ") and before.head.i >= ent.start
                and before.lower_ not in ("the", "a", "an") and not is_title(before.text)):
            break
        start -= 1
    return doc[start:ent.end]


def _line_piece(span: Span) -> Span:
    """The longest part of ``span`` that does not cross a line break (names never do)."""
    doc = span.doc
    pieces, start = [], span.start
    for token in span:
        if "\n" in token.text:
            pieces.append(doc[start:token.i])
            start = token.i + 1
    pieces.append(doc[start:span.end])
    return max(pieces, key=len)


def _org_head(tokens: list[Token]) -> str | None:
    """The name's head word when it marks an organization ("Interior Ministry" -> "ministry")."""
    head = head_word([t.text for t in tokens])
    return head if head in org_words() else None


def _place_head(tokens: list[Token]) -> str | None:
    """The name's head word when it marks a place ("Heathrow Airport" -> "airport")."""
    head = head_word([t.text for t in tokens])
    return head if head in place_words() else None


def _trim(span: Span, label: str = "PERSON") -> tuple[Span | None, tuple[str, ...]]:
    """Trim an entity to its name; also return the titles it lost or stood after.

    Titles go from the front of a person's name; from another entity only when a first
    name follows ("President Joe Biden" typed ORG), so "General Electric" and "Home
    Office" keep their first word.
    """
    doc = span.doc
    start, end = span.start, span.end
    # A title-case word glued before "The" ("Analysis The Treasury"): the name starts at "The".
    for i in range(start + 1, end):
        if doc[i].text == "The" and all(doc[k].is_title for k in range(start, i)):
            start = i
            break
    titles: list[str] = []
    keep_titles = _org_head(list(doc[start:end])) is not None
    while start < end:
        token = doc[start]
        if token.lower_ in ("the", "a", "an"):
            if token.text == "The" and not (token.is_sent_start or start == 0 or doc[start - 1].is_punct
                                            or doc[start - 1].is_space):
                break  # a capital "The" inside a sentence belongs to the name ("said The Guardian")
            start += 1
        elif token.is_punct or token.is_space:
            start += 1
        elif not keep_titles and is_title(token.text) and start + 1 < end and doc[start + 1].text[:1].isupper() \
                and (label == "PERSON" or _starts_a_name(doc, start + 1, end) or token.lower_.rstrip(".") in HONORIFICS):
            titles.append(token.lower_.rstrip("."))
            start += 1
        elif not keep_titles and token.lower_ in ("then", "ex", "former") and start + 1 < end:
            start += 1
        elif label == "PERSON" and token.like_num and start + 1 < end:
            start += 1  # a list's numbering or a count: "2 Jonas Berg"
        elif token.is_lower and token.lower_ not in NAME_PARTICLES and start + 1 < end:
            start += 1  # names start with a capital: "defence ministry of Chile" names Chile
        else:
            break
    if label == "PERSON":  # "Acme boss Victor Lang" run into one name: the name follows the role word
        role = next((i for i in range(end - 2, start - 1, -1) if doc[i].is_lower and is_title(doc[i].text)), None)
        if role is not None and doc[role + 1].text[:1].isupper():
            titles.append(doc[role].lower_)
            start = role + 1
    while end - start > 2 and label == "PERSON" and is_title(doc[end - 1].text):
        end -= 1  # "Jane Doe MP", "John Smith QC"
    while end > start:
        token = doc[end - 1]
        if token.is_punct or token.is_space or token.tag_ == "POS" or token.text in ("'s", "’s", "'", "’") \
                or token.is_lower or (token.lower_ in DATE_WORDS and end - 1 > start):
            end -= 1
        else:
            break
    if end <= start:
        return None, tuple(titles)
    # The word right before the name, when it is a title ("Brazilian President Lula da Silva").
    if start > 0 and is_title(doc[start - 1].text) and doc[start - 1].pos_ != "VERB":
        titles.append(doc[start - 1].lower_.rstrip("."))
    return doc[start:end], tuple(titles)


def _starts_a_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a first name (or a further title) starts at ``start``."""
    word = doc[start].text
    return is_title(word) or bool(first_name_gender(word.split("-")[0])) and end - start >= 2


def _is_noise(span: Span, label: str) -> bool:
    text = span.text
    letters = [ch for ch in text if ch.isalpha()]
    digits = sum(ch.isdigit() for ch in text)
    if len(letters) < 2 or text.islower() or name_key(text) in not_names():
        return True
    if digits * 2 > len(letters) or any(ch in CURRENCY for ch in text):
        return True
    if all(is_title(t.text) or t.is_punct for t in span):
        return True  # a title alone ("Cardinal", "the President") names nobody in particular
    if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in span):
        return True
    return (len(span) == 1 and text.isupper() and len(letters) >= SHOUTED_MIN and label in ("PERSON", "GPE", "LOC")
            and gazetteer.place(text) is None)


def _territory_context(span: Span) -> bool:
    """Whether the span is the object of "of" after a territory noun ("annexation of X")."""
    doc = span.doc
    i = span.start
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in TERRITORY_NOUNS


def _classify(span: Span, label: str, titles: tuple[str, ...], groups: bool,
              person_words: frozenset[str] = frozenset()) -> _Mention | None:
    """Type one trimmed entity span; None when it is not an actor.

    ``person_words``: the lower-case words of the article's multi-word person names;
    such a word is that person's name, never a misspelt country ("Franck" of "Franck Ribery").
    """
    text = tidy(span.text)
    m = _Mention(span.start, span.end, text, LABEL_TYPE[label], titles=titles, ent_label=label)
    place = gazetteer.place(text)
    single = len(span) == 1
    if place is not None and (label != "PERSON" or single):
        m.place = place
        if place.type == COUNTRY:
            m.kind, m.country = COUNTRY, place.label
        else:
            m.kind, m.subtype = PLACE, place.subtype
        return m
    dem = gazetteer.demonym(text)
    if dem is None and label in ("NORP", "GPE", "ORG", "PERSON") and single and text.lower() not in person_words:
        near = gazetteer.near_miss(text)
        if isinstance(near, gazetteer.Place):
            m.kind, m.country, m.place = COUNTRY, near.label, near
            return m
        dem = near
    if dem is not None and (single or label == "NORP" or text.split()[-1][:1].isupper()):
        if dem.group and not groups:
            return None
        m.kind, m.country, m.demonym = COUNTRY, dem.country, True
        return m
    head = _org_head(list(span))
    if label == "NORP":
        if head is None:
            return None  # "Soviet", "Communist", "Sunni Muslims": not actors
        m.kind = ORGANIZATION
    if label == "FAC":
        m.kind = ORGANIZATION if head is not None and head not in FAC_PLACE_WORDS else PLACE
    if label == "PERSON" and head is not None and not single:
        m.kind = ORGANIZATION
    if set(titles) & HONORIFICS:
        m.kind = PERSON  # "Ms Holt", whatever spaCy's label
    if label in ("ORG", "PERSON") and single and _territory_context(span):
        m.kind = PLACE
    if label in ("ORG", "PERSON", "FAC") and not single and head is None and (where := _place_head(list(span))):
        m.kind, m.subtype = PLACE, place_words()[where]
    if m.kind == ORGANIZATION and head is not None:
        m.subtype = org_words()[head]
    if label in ("PERSON", "ORG", "FAC") and (described := _described_as_organization(span)) is not None:
        m.kind, m.described = ORGANIZATION, True
        m.subtype = m.subtype or described
    return m


def _described_as_organization(span: Span) -> str | None:
    """The subtype an apposition's organization noun gives a name ("Acme, a Paris-based start-up"), or None.

    Either way round: the name's head with an apposition, or the name in apposition to the noun.
    """
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.i >= span.end]
    if root.dep_ == "appos" and root.head.i < span.start:
        nouns.append(root.head)
    for noun in nouns:
        if noun.pos_ == "NOUN" and (noun.lemma_.lower() in ORG_DESCRIPTION_NOUNS or noun.lower_ in ORG_DESCRIPTION_NOUNS):
            return ORG_DESCRIPTION_NOUNS.get(noun.lower_, ORG_DESCRIPTION_NOUNS.get(noun.lemma_.lower(), ""))
    return None


def _split_possessor(span: Span) -> tuple[Span | None, Span]:
    """ "Chile's Interior Ministry" -> (Chile, the whole name)."""
    for token in span[1:-1]:
        if token.tag_ == "POS" or token.text in ("'s", "’s"):
            return span.doc[span.start:token.i], span
    return None, span


def _split_place_demonym(span: Span) -> tuple[Span, Span] | None:
    """ "Paris Malian" (from "pro-Paris Malian voters") -> (Paris, Malian)."""
    if len(span) < 2:
        return None
    last = span[-1].text
    if gazetteer.demonym(last) is None and not isinstance(gazetteer.near_miss(last), gazetteer.Demonym):
        return None
    head = span.doc[span.start:span.end - 1]
    if gazetteer.place(head.text) is None:
        return None
    return head, span.doc[span.end - 1:span.end]


def _candidates(doc: Doc, groups: bool) -> tuple[list[_Mention], list[tuple[_Mention, int]]]:
    """The article's candidate mentions, and the (long form, acronym token) pairs written together."""
    found: list[_Mention] = []
    person_words = frozenset(t.lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent)

    def add(span: Span, label: str, titles: tuple[str, ...] = ()) -> None:
        if _is_noise(span, label):
            return
        m = _classify(span, label, titles, groups, person_words)
        if m is not None:
            found.append(m)

    named = {ent.start: _with_party_words(ent) for ent in doc.ents}
    absorbed = {i for ent in doc.ents for i in range(named[ent.start].start, ent.start)}  # "Sweden" of "Sweden Democrats"
    for ent in doc.ents:
        if ent.label_ not in LABEL_TYPE or ent.start in absorbed:
            continue
        piece = _line_piece(named[ent.start])
        paren = next((t.i for t in piece if t.text == "("), None)
        if paren is not None:  # "Development Bank (IADB": the long form; the acronym is found below
            piece = doc[piece.start:paren]
            if not len(piece):
                continue
        span, titles = _trim(piece, ent.label_)
        if span is None:
            continue
        if (pair := _split_place_demonym(span)) is not None:
            add(pair[0], "GPE")
            add(pair[1], "NORP")
            continue
        possessor, span = _split_possessor(span)
        if possessor is not None:
            trimmed, _ = _trim(possessor, ent.label_)
            if trimmed is not None:
                add(trimmed, "GPE" if gazetteer.place(trimmed.text) else ent.label_)
        add(span, ent.label_, titles)
    found = _confirmed_by_body(doc, found, add)
    found += _state_bodies(doc, found)
    found += _party_state_tags(doc, found)
    added, links = _parenthesised_acronyms(doc, found)
    return found + added, links


def _state_bodies(doc: Doc, found: list[_Mention]) -> list[_Mention]:
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
        added.append(_Mention(start, token.i + 1, named.text if named else text, ORGANIZATION,
                              "GovernmentOrganization", ent_label="ORG"))
    return added


def _party_state_tags(doc: Doc, found: list[_Mention]) -> list[_Mention]:
    """The state of a "Name (D-Ohio)" tag after a person's name, which spaCy rarely tags."""
    ends = {m.end for m in found if m.ent_label == "PERSON" or m.kind == PERSON}
    covered = {i for m in found for i in range(m.start, m.end)}
    added = []
    for paren in ends:
        tag = gazetteer.party_state_tag([t.text for t in doc[paren:paren + gazetteer.MAX_PARTY_TAG_TOKENS]])
        if tag is None:
            continue
        start, end = paren + 3, paren + 3 + tag[1]
        if start not in covered:
            place = gazetteer.place(doc[start:end].text)
            added.append(_Mention(start, end, tidy(doc[start:end].text), PLACE, place.subtype, place=place,
                                  ent_label="GPE"))
    return added


def _names_state_body(name: str, country: str, body_words: frozenset[str]) -> bool:
    """Whether an organization's name is the name of a country's body: its country's name or
    adjective and one of the body's words ("Sudanese Armed Forces" for Sudan's army)."""
    words = name.split()
    lowered = {w.lower() for w in words}
    of_country = any(w == country or (dem := gazetteer.demonym(w)) is not None and dem.country == country
                     for w in words) or country in name
    return of_country and bool(lowered & body_words)


def _headline_end(doc: Doc) -> int:
    """The token index where the body starts after a headline line, or 0 when the text has no headline.

    A headline is the text's first line, set off by a blank line, short and not ending as a
    sentence does; the pipeline parses an article as its title, a blank line and its body.
    """
    text = doc_text(doc)
    cut = text.find("\n\n")
    if cut <= 0 or "\n" in text[:cut] or len(text[:cut].split()) > MAX_HEADLINE_WORDS \
            or text[:cut].rstrip().endswith(".") or not text[cut:].strip():
        return 0
    return next((t.i for t in doc if t.idx >= cut), 0)


def _confirmed_by_body(doc: Doc, found: list[_Mention], add) -> list[_Mention]:
    """Headline mentions the body confirms; the rest go.

    Headlines are written in Title Case by many outlets, and spaCy then runs names into the
    verbs and nouns around them ("Nordvik Shipping Agrees"). A headline mention stays when its
    words are a name the body uses, or part of one ("Marsh" for "Helen Marsh"), or appear in
    the body's text as they are; otherwise its longest parts that the body names (or writes,
    when two words or more) stay, each as a mention of its own ("Acme Buys" -> "Acme"), and
    the words around them go.
    """
    end = _headline_end(doc)
    if not end or not any(m.start < end for m in found):
        return found
    body_names = [tuple(name_key(t.text) for t in doc[m.start:m.end]) for m in found if m.start >= end]
    body_text = doc_text(doc)[doc[end].idx:]

    def named(words: tuple[str, ...]) -> bool:
        n = len(words)
        return any(name[i:i + n] == words for name in body_names for i in range(len(name) - n + 1))

    def written(span: Span) -> bool:
        return re.search(rf"(?<!\w){re.escape(span.text)}(?!\w)", body_text) is not None

    kept = [m for m in found if m.start >= end]
    for m in found:
        if m.start >= end:
            continue
        words = tuple(name_key(t.text) for t in doc[m.start:m.end])
        if named(words) or written(doc[m.start:m.end]):
            kept.append(m)
            continue
        i = m.start
        while i < m.end:  # the longest named part from each word on, left to right
            j = next((j for j in range(m.end, i, -1) if doc[i].text[:1].isupper() and (
                named(words[i - m.start:j - m.start]) or j - i > 1 and written(doc[i:j]))), None)
            if j is None:
                i += 1
                continue
            before = len(found)
            add(doc[i:j], m.ent_label)
            kept.extend(found[before:])
            del found[before:]
            i = j
    kept.sort(key=lambda m: m.start)
    return kept


def _parenthesised_acronyms(doc: Doc, found: list[_Mention]
                            ) -> tuple[list[_Mention], list[tuple[_Mention, int]]]:
    """Long forms and acronyms written "Long Form Name (LFN)": the mentions spaCy missed, and the pairs."""
    covered = {i: m for m in found for i in range(m.start, m.end)}
    added: list[_Mention] = []
    links: list[tuple[_Mention, int]] = []
    for token in doc[:-2]:
        if token.text != "(" or doc[token.i + 2].text != ")" or not is_acronym(doc[token.i + 1].text):
            continue
        acronym = doc[token.i + 1]
        end = token.i
        while end > 0 and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("'s", "’s")):
            end -= 1
        if end == 0:
            continue
        long_form = covered.get(end - 1)
        letters = acronym_key(acronym.text)
        if (long_form is not None and gazetteer.place(acronym.text) is not None
                and letters not in acronyms_of(long_form.text)):
            continue  # "Jane Doe (US)", "Acme Ltd (UK)": a country tag, not the name's acronym
        if long_form is None or long_form.kind != ORGANIZATION:
            # Look back over title-case words (small words allowed inside) for initials that fit.
            best = None
            for start in range(end - 1, max(-1, end - len(letters) - ACRONYM_SLACK - 1), -1):
                word = doc[start]
                if not (word.is_title or word.is_upper or word.lower_ in ("of", "and", "for", "the", "&")):
                    break
                if start in covered:
                    break
                if word.is_title and letters in acronyms_of(doc[start:end].text):
                    best = start
            if best is None:
                continue
            span = doc[best:end]
            long_form = _Mention(span.start, span.end, tidy(span.text), ORGANIZATION, ent_label="ORG")
            head = _org_head(list(span))
            long_form.subtype = org_words()[head] if head else ""
            added.append(long_form)
        if acronym.i not in covered:
            added.append(_Mention(acronym.i, acronym.i + 1, acronym.text, long_form.kind, long_form.subtype,
                                  ent_label="ORG"))
        links.append((long_form, acronym.i))
    return added, links


# --- step 2: resolution ------------------------------------------------------------------------




def _words(text: str) -> list[str]:
    return [w for w in text.replace(".", ". ").split() if any(ch.isalpha() for ch in w)]


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1


def _person_forms(forms: dict[str, list[_Mention]]) -> set[str]:
    """Form keys that are a person's full name (two or more name words)."""
    single_person = {k for k, ms in forms.items()
                     if len(_words(ms[0].text)) == 1
                     and any(m.ent_label == "PERSON" or set(m.titles) & HONORIFICS for m in ms)}
    persons = set()
    for key, ms in forms.items():
        words = _words(ms[0].text)
        if len(words) < 2 or any(m.country or m.place for m in ms) or is_acronym(ms[0].text):
            continue
        kinds = Counter(m.kind for m in ms)
        person_votes = kinds[PERSON]
        titled = any(set(m.titles) - TITLE_MODIFIERS and m.ent_label in ("PERSON", "ORG") for m in ms)
        org_like = any(m.subtype or m.described or m.kind == ORGANIZATION and _org_head_text(m.text) for m in ms)
        surname_seen = name_key(words[-1]) in single_person
        if person_votes * 2 > sum(kinds.values()) or (not org_like and (titled or surname_seen)):
            persons.add(key)
    return persons


def _org_head_text(text: str) -> bool:
    return head_word(text.split()) in org_words()


def _nearest_target(m: _Mention, targets: list[str], forms: dict[str, list[_Mention]]) -> str:
    """Of several people sharing a surname, the one named last before ``m`` (else first after it)."""
    def distance(key: str) -> tuple[int, int]:
        before = [x.start for x in forms[key] if x.start < m.start]
        if before:
            return (0, m.start - max(before))
        return (1, min(x.start for x in forms[key]) - m.start)
    return min(targets, key=distance)


def _resolve(mentions: list[_Mention], links: list[tuple[_Mention, int]]) -> UnionFind:
    uf = UnionFind(range(len(mentions)))
    forms: dict[str, list[_Mention]] = defaultdict(list)
    for i, m in enumerate(mentions):
        m.node = i
        forms[m.key].append(m)
    first = {key: ms[0].node for key, ms in forms.items()}

    persons = _person_forms(forms)
    for key in persons:
        for m in forms[key]:
            m.kind = PERSON
    # Surnames and first names -> the full name ("Ardern" before or after "Jacinda Ardern").
    by_last: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_suffix: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in persons:
        words = [name_key(w) for w in _words(forms[key][0].text) if not _is_initial(w)]
        if len(words) >= 2:
            by_last[words[-1]].append(key)
            by_first[words[0]].append(key)
            by_ends[(words[0], words[-1])].append(key)
            for n in range(2, len(words)):
                by_suffix[tuple(words[-n:])].append(key)
    for keys in by_ends.values():  # "John Smith" and "John Q. Smith"
        for key in keys[1:]:
            uf.union(first[keys[0]], first[key])
    for key in persons:  # "De Marigny" and "Roland de Marigny"
        words = tuple(name_key(w) for w in _words(forms[key][0].text) if not _is_initial(w))
        targets = [k for k in by_suffix.get(words, ()) if k != key]
        if len(targets) == 1:
            uf.union(first[targets[0]], first[key])
    # The first word of an organization's name, tagged an organization wherever it stands
    # ("Nordvik" for "Nordvik Shipping"), is that organization, not a person's surname.
    org_first = {name_key(_words(ms[0].text)[0]) for key, ms in forms.items()
                 if key not in persons and len(_words(ms[0].text)) >= 2
                 and all(m.kind == ORGANIZATION and not m.country and not m.place for m in ms)}
    for key, ms in forms.items():
        if key in persons or len(_words(ms[0].text)) != 1 or is_acronym(ms[0].text):
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
            first[key] = -1  # ambiguous: each mention went to its own person
    for key, ms in forms.items():
        if first[key] >= 0:
            for m in ms[1:]:
                uf.union(first[key], m.node)
    first = {key: ms[0].node for key, ms in forms.items()}

    # Acronyms <-> long forms, by initials, adjacent or not.
    long_by_acronym: dict[str, list[str]] = defaultdict(list)
    for key, ms in forms.items():
        if ms[0].kind == ORGANIZATION and len(_words(ms[0].text)) >= 2:
            for acr in acronyms_of(ms[0].text):
                long_by_acronym[acr].append(key)
    for key, ms in forms.items():
        text = ms[0].text
        if len(_words(text)) == 1 and ms[0].kind in (ORGANIZATION, PLACE) and not ms[0].country and (
                is_acronym(text) or (text.istitle() and len(text) <= 5)):
            targets = long_by_acronym.get(acronym_key(text), [])
            if len(targets) == 1:
                uf.union(first[targets[0]], first[key])
    at = {m.start: m for m in mentions}
    for long_form, acronym_token in links:
        other = at.get(acronym_token)
        if other is not None and long_form.node >= 0:
            uf.union(long_form.node, other.node)

    # Short forms of organizations named in full ("the Times" -> "The New York Times").
    org_tails: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key, ms in forms.items():
        if ms[0].kind == ORGANIZATION and not any(m.place for m in ms):
            # After a possessive only the possessed part counts ("UN's Economic Commission").
            owned = "'" in ms[0].text
            words = tuple(name_key(w) for w in _words(ms[0].text.split("'")[-1]))
            generic = org_words()
            for n in range(1, len(words) + owned):
                org_tails[words[-n:]].append(key)
                if all(w in generic for w in words[n:]) or n == 1 and words[0] in org_first:
                    org_tails[words[:n]].append(key)  # "Lehman" for "Lehman Brothers"
    for key, ms in forms.items():
        if ms[0].kind != ORGANIZATION or any(m.place for m in ms) or is_acronym(ms[0].text):
            continue
        words = tuple(name_key(w) for w in _words(ms[0].text))
        targets = {uf[first[k]] for k in org_tails.get(words, ()) if k != key}
        if len(targets) == 1:
            uf.union(targets.pop(), first[key])

    # Near-miss spellings of a name of the same kind ("Zelenskiy" -> "Zelensky").
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
    return uf


# --- step 3: typing and naming -------------------------------------------------------------------


def _trusted_place(m: _Mention) -> bool:
    """Whether the gazetteer's place outweighs the entity label spaCy gave this mention.

    A city name spaCy calls an organization is often a company or a club named after
    it ("Toyota", "Reading"); only big cities win there. A lone word spaCy calls a
    person is a city when it is no first name ("Kyiv" yes, "Charlotte" no).
    """
    place = m.place
    if place is None or place.type != PLACE:
        return False
    if m.ent_label in ("GPE", "LOC", "FAC", "NORP") or place.subtype != "City" \
            or place.population >= gazetteer.MIN_EXONYM_POPULATION:
        return True
    return m.ent_label == "PERSON" and not first_name_gender(m.text)


def _group_type(ms: list[_Mention]) -> tuple[str, str]:
    countries = Counter(m.country for m in ms if m.country)
    if countries and not any(m.kind == PERSON for m in ms):
        return COUNTRY, ""
    if any(m.described for m in ms) and not any(m.titles for m in ms):
        described = Counter(m.subtype for m in ms if m.described and m.subtype)
        return ORGANIZATION, (described.most_common(1)[0][0] if described else "")
    if any(m.kind == PERSON and len(_words(m.text)) >= 2 for m in ms):
        return PERSON, ""
    trusted = [m.place for m in ms if _trusted_place(m)]
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


def _label(ms: list[_Mention], kind: str) -> str:
    countries = Counter(m.country for m in ms if m.country)
    if kind == COUNTRY and countries:
        return countries.most_common(1)[0][0]
    names = [m for m in ms if not m.demonym]
    if kind == PLACE:
        places = [m.place for m in names if _trusted_place(m)]
        if places:
            return places[0].label
    counts = Counter(m.text for m in names)
    position = {}
    for m in names:
        position.setdefault(m.text, m.start)

    def fullness(text: str) -> tuple:
        words = _words(text)
        return (not is_acronym(text), len(words), len(text), counts[text], -position[text])

    return max(counts, key=fullness) if counts else ms[0].text


# --- step 4: tokens ------------------------------------------------------------------------------


#: Links by which a word tagged as a common noun stands as a phrase of its own ("Morales's agent").
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj"})


def _extra_mentions(doc: Doc, taken: set[int], forms: dict[tuple[str, ...], str],
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
            words = tuple(t.text for t in doc[i:i + n])
            key = forms.get(words)
            if key is not None and not any(k in taken for k in range(i, i + n)):
                if n == 1 and token.pos_ != "PROPN" and not (
                        words in surnames and token.pos_ == "NOUN" and token.dep_ in _ARGUMENT_DEPS):
                    break
                hits.append((i, i + n, key))
                i += n - 1
                break
        i += 1
    return hits


def _surnames(order: list[list[_Mention]], keys: list[str], labels: list[str], kinds: list[tuple[str, str]],
              surface: dict[tuple[str, ...], str]) -> dict[tuple[str, ...], str]:
    """The surname of each person named in full, where no other actor shares it: (surname,) -> key.

    spaCy tags a name the first time and often misses the bare surname in a later quote
    ("..., Wambui told Reuters"); these forms let :func:`_extra_mentions` find it.
    """
    taken = {form[0] for form in surface if len(form) == 1}
    owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for ms, key, label, (kind, _) in zip(order, keys, labels, kinds):
        words = [w for w in label.split() if not _is_initial(w)]
        if kind != PERSON or len(words) < 2 or not words[-1][:1].isupper():
            continue
        owners[(words[-1],)].add(key)
    return {form: next(iter(found)) for form, found in owners.items()
            if len(found) == 1 and form[0] not in taken and not is_title(form[0])
            and gazetteer.place(form[0]) is None and gazetteer.demonym(form[0]) is None}


def _unique_keys(labels: list[str]) -> list[str]:
    seen: Counter = Counter()
    keys = []
    for label in labels:
        seen[label] += 1
        keys.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return keys


def find_actors(doc: Doc, *, groups: bool = False) -> ActorTable:
    """Resolve the actors named in one parsed article.

    Args:
        doc: the parsed article text (needs the tagger, parser and NER).
        groups: also treat groups of people named by a demonym ("Russians") as
            their country; by default they are no actor.

    Returns:
        The article's actors, the token -> actor map and the pronoun tokens.

    Example:
        >>> from graphbuild.nlp import load_pipeline  # doctest: +SKIP
        >>> table = find_actors(load_pipeline()("Mr. Smith met the French president."))  # doctest: +SKIP
    """
    mentions, links = _candidates(doc, groups)
    uf = _resolve(mentions, links)
    grouped: dict[int, list[_Mention]] = defaultdict(list)
    for m in mentions:
        grouped[uf[m.node]].append(m)
    order = sorted(grouped.values(), key=lambda ms: min(m.start for m in ms))

    labels, kinds = [], []
    for ms in order:
        kind, subtype = _group_type(ms)
        kinds.append((kind, subtype))
        labels.append(_label(ms, kind))
    keys = _unique_keys(labels)

    token_actor: dict[int, str] = {}
    surface: dict[tuple[str, ...], str] = {}
    spans_of: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)
    # Longer mentions first, so a possessor inside a name ("Chile" in "Chile's
    # Interior Ministry") keeps its own tokens.
    for ms, key in zip(order, keys):
        for m in ms:
            spans_of[key].append((m.start, m.end, m.demonym))
            if not m.demonym:
                surface.setdefault(tuple(t.text for t in doc[m.start:m.end]), key)
    for key, spans in spans_of.items():
        for start, end, _ in spans:
            if end - start > 1:
                for i in range(start, end):
                    token_actor.setdefault(i, key)
    for key, spans in spans_of.items():
        for start, end, _ in spans:
            if end - start == 1:
                token_actor[start] = key
    surnames = _surnames(order, keys, labels, kinds, surface)
    for form, key in surnames.items():
        surface.setdefault(form, key)
    for start, end, key in _extra_mentions(doc, set(token_actor), surface, frozenset(surnames)):
        spans_of[key].append((start, end, False))
        for i in range(start, end):
            token_actor[i] = key
    country_keys = {lab: key for (kind, _), lab, key in zip(kinds, labels, keys) if kind == COUNTRY}
    for token in doc:  # demonyms spaCy did not tag: "Russian-led", "a Georgian official"
        if token.i in token_actor or not token.text[:1].isupper() or token.pos_ not in ("ADJ", "PROPN"):
            continue
        dem = gazetteer.demonym(token.text)
        if dem is not None and not dem.group and dem.country in country_keys:
            token_actor[token.i] = country_keys[dem.country]
            spans_of[country_keys[dem.country]].append((token.i, token.i + 1, True))

    actors = []
    antecedents = []
    for ms, key, label, (kind, subtype) in zip(order, keys, labels, kinds):
        spans = sorted(set(spans_of[key]))
        names = {tidy(doc[s:e].text) for s, e, dem in spans if not dem}
        aliases = tuple(sorted(names - {label}))
        found = tuple(Mention(doc[s:e].text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))
                      for s, e, _ in spans)
        actors.append(Actor(key=key, label=label, type=kind, subtype=subtype, aliases=aliases, mentions=found))
        gender = person_gender(label, [t for m in ms for t in m.titles]) if kind == PERSON else ""
        # A demonym is no antecedent: "Nigerian-led troops ... they" are the troops.
        antecedents.extend(Antecedent(s, e, key, kind, gender, subtype == "City") for s, e, dem in spans if not dem)
    pronouns = resolve_pronouns(doc, antecedents, set(token_actor))
    for i, key in pronouns.items():
        token_actor.setdefault(i, key)
    pronoun_tokens = frozenset(i for i in pronouns if token_actor.get(i) == pronouns[i])
    return ActorTable(actors=tuple(actors), token_actor=token_actor, pronoun_tokens=pronoun_tokens)
