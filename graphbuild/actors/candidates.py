"""Step 1 of the actor stage: the candidate mentions of one parsed article.

Entities of the actor labels are trimmed to their names (titles, a leading
"the", a possessive and trailing function words go; a section word glued in
front of "The ..." goes), split where spaCy joined two things ("Chile's
Interior Ministry" also names Chile; "pro-Paris Malian" is a city and a
demonym), typed with the gazetteer (countries, cities, demonyms) and filtered
for noise. Headline mentions stay only where the body confirms them.
Parenthesised acronyms ("... Organization (SCO)") add their long form even
when spaCy missed it.
"""
from __future__ import annotations

import functools
import re
from itertools import takewhile
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .. import gazetteer
from .. import lexicon
from ..names import ACRONYM_SKIP, acronym_key, acronyms_of, generic_words, head_word, is_acronym, is_title, name_key, \
    non_actor_heads, not_names, org_words, place_words, singular, tidy
from ..nlp import doc_text
from ..pronouns import first_name_gender
from ..records import COUNTRY, ORGANIZATION, PERSON, PLACE
from .sectors import sector_nouns

#: spaCy entity labels that can name actors, and the actor type each suggests.
LABEL_TYPE = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE, "NORP": ""}

#: Nouns whose "of" object is a territory, never an organization ("the annexation of Tibet").
TERRITORY_NOUNS = frozenset({"annexation", "invasion", "occupation", "partition", "liberation", "secession",
                             "independence", "capital", "province", "region", "territory", "people",
                             "coast", "north", "south", "east", "west", "outskirts"})

#: Characters that make a span an amount, not a name.
CURRENCY = frozenset("£$€¥₹")

#: Words that end a name when spaCy runs on into a date ("the Commons on Monday").
DATE_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december""".split())

#: Titles that stand only before a person's name: "Ms Marsh" is a person whatever spaCy's label.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame"})
#: "St." before a place's or a body's name is part of it ("St. Louis County", "St. Mary's Hospital").
SAINT_WORDS = frozenset({"st", "saint", "ste", "sainte"})
#: Lowercase particles that open a name ("van Dam", "al-Burhan", "de Gaulle"); other lowercase words
#: before a name are no part of it ("defence ministry of Chile").
NAME_PARTICLES = frozenset({"de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "ter", "le", "la",
                            "el", "al", "bin", "ibn", "dos", "das", "do", "y"})

#: Words that go with a title ("former president") but alone say nothing of a person.
TITLE_MODIFIERS = frozenset({"former", "late", "then", "ex", "founding", "acting", "interim", "deputy"})

#: Facility head words that still name an organization, not a place, when spaCy says FAC.
FAC_PLACE_WORDS = frozenset({"court", "hall", "house", "square", "street", "bridge", "airport", "stadium", "office"})

#: How far back (in tokens) a parenthesised acronym looks for its long form, beyond its letters.
ACRONYM_SLACK = 3

#: A first line of at most this many words, set off by a blank line, is a headline.
MAX_HEADLINE_WORDS = 30

#: A single all-capital word this long tagged as a person or place is a shouted heading word.
SHOUTED_MIN = 5


@dataclass(slots=True)
class Candidate:
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
    generic: bool = False  # a common noun alone ("the Bank"): joins a named organization or goes
    plural: bool = False  # its last word is a plural noun: a group, never one person
    form: str = ""  # the name it is matched by, when not its text ("Tory" for "Tories")
    org_cue: bool = False  # a noun beside it says it is an organization's ("X shares", "oil firm X")
    evidence: bool = False  # its kind comes from more than spaCy's label: the gazetteer, a title, a cue
    qualified: bool = False  # a town written with its state or country ("Tupelo, Miss."): a name, not the label

    @property
    def key(self) -> str:
        if self.country:
            return f"country:{self.country}"
        return name_key(self.form or self.text)


@functools.cache
def org_descriptions() -> dict[str, str]:
    """Nouns that, beside a name, say it is an organization's ("X, the software company") -> subtype."""
    return lexicon.mapping("actors_org_descriptions.tsv")


@functools.cache
def org_cues() -> dict[str, str]:
    """Nouns a name modifies or possesses that make it an organization's ("X shares") -> subtype."""
    return lexicon.mapping("actors_org_cues.tsv")


@functools.cache
def party_families() -> frozenset[str]:
    """Political families whose plural after "the" names a party ("the Liberals", "the Greens")."""
    return lexicon.words("actors_party_families.txt")


#: Prepositions by which a cue noun takes an organization after it ("shares in X", "takeover of X").
CUE_PREPS = frozenset({"in", "of", "for"})


@functools.cache
def party_roles() -> frozenset[str]:
    """Lowercase nouns that make the name before them an organization's ("Tory leader")."""
    return lexicon.words("actors_party_roles.txt")


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


#: Head words of company names after which "of <place>" says where the company is, not its name.
COMPANY_DESIGNATORS = frozenset({"inc", "corp", "co", "ltd", "plc", "llc", "industries", "company", "corporation"})

#: The longest run of name words a connector extension takes in ("of the Republic of Serbian Krajina").
MAX_CONNECTED_WORDS = 6


def _name_word(token: Token) -> bool:
    """A capitalized word that can stand inside an organization's name (no date, no title, no number)."""
    text = token.text
    return (token.is_title or token.is_upper and len(text) > 1) and any(ch.isalpha() for ch in text) \
        and token.lower_ not in DATE_WORDS and token.lower_ not in ("the", "a", "an") and "\n" not in token.whitespace_ and not is_title(text) \
        and token.ent_type_ not in ("PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT")


def _title_run(doc: Doc, i: int, limit: int) -> int:
    """The end of the run of name words from ``i`` on, within the sentence ending at ``limit``."""
    j = i
    while j < limit and j - i < MAX_CONNECTED_WORDS and _name_word(doc[j]):
        j += 1
    return j


def _with_connected_words(ent: Span) -> Span:
    """An organization's name with the parts spaCy cut off at a connector word.

    spaCy often stops a long name at "of", "for" or "and" ("the Communist Party of" | "Greece",
    "the League of Communists" | "of Yugoslavia", "Alliance of Liberals and Democrats for" |
    "Europe Party"). A name never ends in a connector, so the title-case words after one belong
    to it; other connected words join it when what follows the whole is a parenthesis (its
    acronym or another name: "... of Yugoslavia (KPJ)"), or, after the name's organization
    head word, when they name a country ("the Supreme Court of Canada"; "Acme Corp. of Houston" is
    a company and where it is).
    """
    if ent.label_ != "ORG":
        return ent
    doc = ent.doc
    sent = ent.sent
    start, end = ent.start, ent.end
    connectors = ACRONYM_SKIP - {"a", "an", "&", "the"}

    def joined(i: int) -> int:
        """How many tokens from ``i`` join a name to what follows: a connector, "of the" or "for the"
        (not "and the": "the CDU and the CSU" are two)."""
        if i < sent.end and doc[i].lower_ in connectors and doc[i].is_lower:
            if i + 1 < sent.end and doc[i + 1].text == "the":
                return 2 if doc[i].lower_ in ("of", "for") else 0
            return 1
        return 0

    def whole_name(a: int, b: int) -> bool:
        """Whether tokens a:b, joined by "and", are an organization's name of their own ("X Party")."""
        return org_head(list(doc[a:b])) is not None

    while end < sent.end:
        if joined(end - 1) == 1 and _name_word(doc[end]):
            end = _title_run(doc, end, sent.end)
            continue
        n = joined(end)
        if n and end + n < sent.end and _name_word(doc[end + n]):
            j = _title_run(doc, end + n, sent.end)
            if doc[end].lower_ == "and" and whole_name(end + n, j):
                break
            parenthesis = j < len(doc) and doc[j].text.startswith("(")
            place = org_head(list(doc[start:end])) not in (None, *COMPANY_DESIGNATORS) and doc[end].lower_ == "of" \
                and getattr(gazetteer.place(doc[end + n:j].text), "type", None) == COUNTRY
            if parenthesis or place:
                end = j
                continue
        break
    if end < len(doc) and doc[end].text.startswith("("):
        while True:
            n = 2 if start - 1 >= sent.start and doc[start - 1].text == "the" and joined(start - 2) == 2 else \
                joined(start - 1) if start - 1 >= sent.start else 0
            if not n or start - n - 1 < sent.start or not _name_word(doc[start - n - 1]):
                break
            k = start - n - 1
            while k - 1 >= sent.start and k - 1 > start - n - 1 - MAX_CONNECTED_WORDS and _name_word(doc[k - 1]):
                k -= 1
            if doc[start - n].lower_ == "and" and whole_name(k, start - n):
                break
            start = k
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_)


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


def org_head(tokens: list[Token]) -> str | None:
    """The name's head word when it marks an organization ("Interior Ministry" -> "ministry")."""
    head = head_word([t.text for t in tokens])
    return head if head in org_words() else None


def _place_head(tokens: list[Token]) -> str | None:
    """The name's head word when it marks a place ("Heathrow Airport" -> "airport")."""
    head = head_word([t.text for t in tokens])
    return head if head in place_words() else None


def trim(span: Span, label: str = "PERSON") -> tuple[Span | None, tuple[str, ...]]:
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
    keep_titles = org_head(list(doc[start:end])) is not None
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
                and (label == "PERSON" or _starts_a_name(doc, start + 1, end) or token.lower_.rstrip(".") in HONORIFICS) \
                and not (label != "PERSON" and token.lower_.rstrip(".") in SAINT_WORDS):
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
    if label == "PERSON":  # "Acme boss Victor Lang", "Analysing Mr Brown": the name follows the role word
        role = next((i for i in range(end - 2, start - 1, -1) if is_title(doc[i].text) and (
            doc[i].is_lower or doc[i].lower_.rstrip(".") in HONORIFICS)), None)
        if role is not None and doc[role + 1].text[:1].isupper():
            titles.append(doc[role].lower_)
            start = role + 1
        # "the Iraq war Labour": a name holds no lowercase word but a particle ("de") or a hyphen's part
        inner = next((i for i in range(end - 2, start - 1, -1) if doc[i].is_lower and doc[i].is_alpha
                      and doc[i].lower_ not in NAME_PARTICLES and not _hyphen_part(doc[i])), None)
        if inner is not None and doc[inner + 1].text[:1].isupper():
            start = inner + 1
    while end - start > 2 and label == "PERSON" and is_title(doc[end - 1].text):
        end -= 1  # "Jane Doe MP", "John Smith QC"
    while end - start > 1 and singular(doc[end - 1].text) != doc[end - 1].text and is_title(singular(doc[end - 1].text)):
        end -= 1  # "Labour MPs", "Tory MEPs": the members of the name, not the name
    while end > start:
        token = doc[end - 1]
        if token.is_lower and _hyphen_part(token):
            break  # "Kim Dae-jung": a lowercase part after a hyphen is part of the name
        if token.is_punct or token.is_space or token.tag_ == "POS" or token.text in ("'s", "’s", "'", "’") \
                or token.is_lower or (token.lower_ in DATE_WORDS and end - 1 > start) \
                or end - 1 > start and SCORE.match(token.text) and (label == "PERSON" or not token.text.isdigit()):
            end -= 1  # a score or a count after a name in a results table: "J. Pooley 111", "Kent 108-3"
        elif end - 1 > start and singular(token.text) != token.text and is_title(singular(token.text)) \
                and token.lower_ in sector_nouns():
            end -= 1  # "Labour MPs'": the members before a possessive's apostrophe ("the Law Lords'" stays)
        elif end - 1 > start and label != "PERSON" and is_title(token.text) and end + 1 < len(doc) \
                and "PERSON" in (doc[end].ent_type_, doc[end + 1].ent_type_ if doc[end].text == "." else ""):
            end -= 1  # a title between an organization and a person: "Coast Guard Lt. Steve Hardy"
        else:
            break
    if end <= start:
        return None, tuple(titles)
    # The word right before the name, when it is a title ("Brazilian President Lula da Silva").
    if start > 0 and is_title(doc[start - 1].text) and doc[start - 1].pos_ != "VERB":
        titles.append(doc[start - 1].lower_.rstrip("."))
    return doc[start:end], tuple(titles)


def _bare_sector(span: Span) -> bool:
    """Whether a name is a sector noun alone that names its group without a country ("the Army",
    "Government", "Police"): the group actors read it (:mod:`.groups`), as they read "the army"."""
    entry = sector_nouns().get(span.text.lower()) if len(span) == 1 else None
    return entry is not None and entry[1]


def _group_anchor(span: Span) -> Span | None:
    """The country of a name that is a country or demonym and a sector noun ("Israeli Police",
    "British Army"), or None: the name is that country's group (:mod:`.groups`), not an organization."""
    if len(span) < 2 or span[-1].lower_ not in sector_nouns():
        return None
    rest = span[:-1]
    place = gazetteer.place(rest.text)
    if place is not None and place.type == COUNTRY:
        return rest
    dem = gazetteer.demonym(rest.text)
    return rest if dem is not None and not dem.group else None


#: A number or a score: "111", "4-38", "429-7", "5/2".
SCORE = re.compile(r"^\d+(?:[-/–]\d+)*$")


def _hyphen_part(token: Token) -> bool:
    """Whether a token is the part after a hyphen inside one word ("jung" of "Dae-jung")."""
    doc, i = token.doc, token.i
    return i >= 2 and doc[i - 1].text in ("-", "‐") and not doc[i - 1].whitespace_ \
        and not doc[i - 2].whitespace_ and doc[i - 2].text[:1].isupper()


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
    if all(is_title(t.text) or is_title(singular(t.text)) or t.is_punct for t in span):
        return True  # a title alone ("Cardinal", "the President", "MPs") names nobody in particular
    if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in span):
        return True
    if _names_a_thing(span, label) or _names_a_portfolio(span):
        return True
    return (len(span) == 1 and text.isupper() and len(letters) >= SHOUTED_MIN and label in ("PERSON", "GPE", "LOC")
            and gazetteer.place(text) is None and not _dateline_town(span))


def _dateline_town(span: Span) -> bool:
    """Whether a capitalized word opens a line as a wire dateline's town, written with its state or
    country after a comma: "TRENTON, N.J. (AP) -" (the state or country is a known place)."""
    doc = span.doc
    opens = span.start == 0 or "\n" in doc[span.start - 1].whitespace_ or doc[span.start - 1].is_space
    if not opens or span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    after = doc[span.end + 1:]
    return any(len(after) >= n and (gazetteer.place(after[:n].text) or gazetteer.state_after_place(after[:n].text))
               for n in (2, 1))


#: Titles after which a capitalized word names the office's remit, not an actor ("Education Secretary").
PORTFOLIO_TITLES = frozenset({"secretary", "minister"})


def _names_a_portfolio(span: Span) -> bool:
    """Whether a one-word name is the remit of the title after it: "Education Secretary Ruth Kelly",
    "the Trade Minister". A party's name stands before a title too ("Labour minister"); a party
    family's word (:func:`party_families`) or a place is never a remit."""
    doc = span.doc
    if len(span) != 1 or span.end >= len(doc) or doc[span.end].lower_ not in PORTFOLIO_TITLES:
        return False
    word = span.text
    return not is_acronym(word) and singular(word).lower() not in party_families() \
        and gazetteer.place(word) is None and gazetteer.demonym(word) is None


def _names_a_thing(span: Span, label: str) -> bool:
    """Whether a name is a document's, an event's or a prize's ("the Budget", "Terrorism Bill", "Ryder Cup").

    Its head or last word says so (:func:`graphbuild.names.non_actor_heads`); a lone first name
    spaCy calls a person ("Bill") stays a person where the article names someone so in full
    ("Bill Gates ... Bill said"), and is the document otherwise ("the Bill now faces peers").
    """
    words = [t.text for t in span if t.text[:1].isalnum()]
    if not words:
        return False
    heads = non_actor_heads()
    if words[-1].lower() not in heads and head_word(words) not in heads:
        return False
    doc = span.doc
    return not (label == "PERSON" and len(words) == 1 and first_name_gender(words[0])
                and not (span.start and doc[span.start - 1].lower_ == "the")
                and any(e.label_ == "PERSON" and len(e) > 1 and e[0].text == words[0] for e in doc.ents))


def _party_word(span: Span) -> bool:
    """Whether a name of a group of people, or one spaCy took for a person, is an organization's:
    it stands before a party role noun (:func:`party_roles`): "Tory leader Michael Howard", "Lib Dem
    MPs", "the Tory shadow chancellor". Its plural ("the Tories") then names the organization too
    (:func:`_more_member_names`); alone, a plural is a people or a faith ("Europeans", "Muslims").
    """
    doc, last = span.doc, span[-1]
    roles = party_roles()
    for nxt in doc[span.end:span.end + 2]:
        if nxt.lower_ in roles and (nxt.is_lower or is_acronym(singular(nxt.text))):
            return True  # "Tory leader", "Labour MPs"
        if not nxt.is_lower:
            return False
        if nxt.lower_ not in ("shadow", "deputy", "former", "party", "senior", "leading"):
            return False
    return False


#: At most this many lowercase words stand between a party's word and its role ("Tory shadow home secretary").
MAX_REMIT_WORDS = 3


def _party_adjectives(doc: Doc) -> tuple[frozenset[str], frozenset[str]]:
    """Words an article writes as a party's adjective: one or two capitalized words before a party role
    somewhere ("Tory leader", "Lib Dem MPs"), or a word tagged NORP alone that is no first name; and
    the words tagged NORP alone that are first names too ("Tory"), a party's word before another
    first name only ("Tory Liam Fox", not "Christian Bale")."""
    roles = party_roles()
    before_role = set()
    for token in doc[1:]:
        if token.lower_ in roles and (token.is_lower or is_acronym(singular(token.text))):
            at = token.i  # over the remit words of the role: "Lib Dem home affairs spokesman"
            while at > 0 and token.i - at < MAX_REMIT_WORDS and doc[at - 1].is_lower and doc[at - 1].is_alpha \
                    and doc[at - 1].pos_ in ("NOUN", "ADJ"):
                at -= 1
            for n in (1, 2):
                words = doc[max(at - n, 0):at]
                if len(words) == n and all(t.text[:1].isupper() and t.is_alpha for t in words) \
                        and not first_name_gender(words[0].text):  # "Anil its deputy": a person's name
                    before_role.add(words.text)
    alone = {e.text for e in doc.ents if e.label_ == "NORP" and len(e) == 1 and e.text[:1].isupper()}
    names = {w for w in alone if first_name_gender(w)}
    return frozenset(before_role | (alone - names)), frozenset(names)


def _before_members(span: Span) -> bool:
    """Whether a plural party role follows a name ("Tory MPs"): members of it, so no person's name."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.lower_ in party_roles() and singular(nxt.text) != nxt.text


def _territory_context(span: Span) -> bool:
    """Whether the span is the object of "of" after a territory noun ("annexation of X")."""
    doc = span.doc
    i = span.start
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in TERRITORY_NOUNS


def _classify(span: Span, label: str, titles: tuple[str, ...], groups: bool,
              person_words: frozenset[str] = frozenset()) -> Candidate | None:
    """Type one trimmed entity span; None when it is not an actor.

    ``person_words``: the lower-case words of the article's multi-word person names;
    such a word is that person's name, never a misspelt country ("Franck" of "Franck Ribery").
    """
    text = tidy(span.text)
    m = Candidate(span.start, span.end, text, LABEL_TYPE[label], titles=titles, ent_label=label,
                  plural=span[-1].tag_ in ("NNPS", "NNS") and singular(span[-1].text) != span[-1].text)
    place = _place(span, text, label, titles)
    single = len(span) == 1
    if place is not None and (label != "PERSON" or single or place.type == COUNTRY):
        m.place, m.evidence = place, True
        if place.type == COUNTRY:
            m.kind, m.country = COUNTRY, place.label
        else:
            m.kind, m.subtype = PLACE, place.subtype
        return m
    if label in ("NORP", "ORG", "PERSON") and single and singular(text) != text and span.start \
            and span.doc[span.start - 1].lower_ == "the" and singular(text).lower() in party_families():
        # "the Liberals", "the Greens": a party of that family; its singular ("Liberal gains") names it too
        m.kind, m.subtype, m.form, m.evidence = ORGANIZATION, "PoliticalParty", singular(text), True
        return m
    dem = gazetteer.demonym(text)
    if dem is None and label in ("NORP", "GPE", "ORG", "PERSON") and single and text.lower() not in person_words:
        near = gazetteer.near_miss(text)
        if isinstance(near, gazetteer.Place):
            m.kind, m.country, m.place, m.evidence = COUNTRY, near.label, near, True
            return m
        dem = near
    if dem is not None and (single or label == "NORP" or text.split()[-1][:1].isupper()):
        if dem.group and not groups:
            return None
        m.kind, m.country, m.demonym, m.evidence = COUNTRY, dem.country, True, True
        return m
    head = org_head(list(span))
    if not single and head is None and label != "NORP" and singular(span[-1].text).lower() in party_families() \
            and span[-1].text[:1].isupper() and not first_name_gender(span[0].text) and not titles:
        m.kind, m.subtype, m.evidence = ORGANIZATION, "PoliticalParty", True  # "New Labour", "Scottish Greens"
        return m
    if single and is_acronym(text) and label in ("GPE", "LOC"):
        m.kind = ORGANIZATION  # the gazetteer knows the places written as acronyms ("US", "UAE"): "BT" is none
    if head is None and label in ("NORP", "PERSON") and not set(titles) & HONORIFICS \
            and _party_word(span) and not (label == "PERSON" and first_name_gender(span[0].text)
                                           and not _before_members(span)):
        # "the Tories", "Tory leader X", "Lib Dem MPs": an organization named by its members; its
        # singular and plural forms are one name
        m.kind, m.form = ORGANIZATION, " ".join([*(t.text for t in span[:-1]), singular(span[-1].text)])
        m.evidence = True
        return m
    if label == "NORP":
        if head is None:
            return None  # "Soviet", "Communist", "Sunni Muslims": not actors
        m.kind = ORGANIZATION
    if label == "FAC":
        m.kind = ORGANIZATION if head is not None and head not in FAC_PLACE_WORDS else PLACE
    if label == "PERSON" and head is not None and not single:
        m.kind = ORGANIZATION
    if head is not None:
        m.evidence = True
    if set(titles) & HONORIFICS or label == "PERSON" and not single and head is None \
            and first_name_gender(span[0].text):
        m.kind, m.evidence = PERSON, True  # "Ms Holt", whatever spaCy's label; "Karen Holt"
    if label in ("ORG", "PERSON") and single and _territory_context(span):
        m.kind = PLACE
    if label in ("ORG", "PERSON", "FAC") and not single and head is None and (where := _place_head(list(span))):
        m.kind, m.subtype = PLACE, place_words()[where]
    if m.kind == ORGANIZATION and head is not None:
        m.subtype = org_words()[head]
    if label in ("PERSON", "ORG", "FAC", "GPE", "LOC") and (described := _described_as_organization(span)) is not None:
        m.kind, m.described, m.evidence = ORGANIZATION, True, True
        m.subtype = m.subtype or described
    elif not m.evidence and label in ("PERSON", "ORG", "GPE", "LOC", "FAC") and (cue := _org_cue(span)) is not None:
        m.kind, m.org_cue, m.evidence = ORGANIZATION, True, True  # "Yukos shares", "oil firm Yukos"
        m.subtype = m.subtype or cue
    if single and text.lower() in generic_words():
        m.kind, m.generic = ORGANIZATION, True
    return m


def _place(span: Span, text: str, label: str, titles: tuple[str, ...]) -> gazetteer.Place | None:
    """The gazetteer's place for a name, unless the name is a person's.

    A title before a lone name spaCy calls a person ("President Bush") makes it a person, even
    where a city has the name; so does a first name ("Victoria"), and a place known by an
    alternative name ("Victoria" for Hong Kong) needs spaCy to call it a place.
    """
    place = gazetteer.place(text)
    if place is None or place.type == COUNTRY or label != "PERSON":
        return place if place is None or place.type == COUNTRY or label in ("GPE", "LOC", "FAC") \
            or name_key(place.label) == name_key(text) else None
    if set(titles) - TITLE_MODIFIERS or first_name_gender(text):
        return None
    return place if name_key(place.label) == name_key(text) else None


def _described_as_organization(span: Span) -> str | None:
    """The subtype an apposition's organization noun gives a name ("Acme, a Paris-based start-up"), or None.

    Either way round: the name's head with an apposition, or the name in apposition to the noun.
    """
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.i >= span.end]
    if root.dep_ == "appos" and root.head.i < span.start:
        nouns.append(root.head)
    described = org_descriptions()
    for noun in nouns:
        if noun.pos_ == "NOUN" and (noun.lemma_.lower() in described or noun.lower_ in described):
            return described.get(noun.lower_, described.get(noun.lemma_.lower(), ""))
    return None


def _org_cue(span: Span) -> str | None:
    """The subtype the nouns around a name give it as an organization's, or None.

    "Yukos shares", "Acme's pre-tax profits", "the BT boss" (the name modifies or possesses a cue
    noun, :func:`org_cues`); "shares in Yukos" (the cue noun takes it by a preposition); "oil firm
    Yukos" (a description noun right before it, :func:`org_descriptions`).
    """
    doc, cues = span.doc, org_cues()
    i = span.end
    if i < len(doc) and (doc[i].tag_ == "POS" or doc[i].text in ("'s", "’s", "'", "’")):
        i += 1
    for token in doc[i:i + 3]:
        if not token.is_lower:
            break
        if token.lower_ in cues:
            return cues[token.lower_]
        if token.pos_ not in ("ADJ", "NOUN") or "-" == token.text:
            break
    if span.start >= 2 and doc[span.start - 1].lower_ in CUE_PREPS and doc[span.start - 2].lower_ in cues:
        return cues[doc[span.start - 2].lower_]
    before = doc[span.start - 1] if span.start else None
    if before is not None and before.is_lower and before.pos_ == "NOUN":
        described = org_descriptions()
        noun = before.lower_ if before.lower_ in described else before.lemma_.lower()
        if noun in described:
            return described[noun]
    return None


def _country_of(span: Span, label: str) -> Span | None:
    """The country an organization's name ends with after "of" ("the Supreme Court of Canada"), or None."""
    if label != "ORG":
        return None
    of = next((t.i for t in reversed(span) if t.lower_ == "of"), None)
    if of is None or of == span.start or of + 1 >= span.end:
        return None
    tail = span.doc[of + 1:span.end]
    found = gazetteer.place(tail.text)
    return tail if found is not None and found.type == COUNTRY else None


def _person_of(span: Span, label: str) -> Span | None:
    """The person's name before "of" in an organization's name spaCy ran one into ("Jane Roe of the
    National Party"), or None: two or three name words, the first a first name, and no
    organization head word among them."""
    if label != "ORG":
        return None
    doc = span.doc
    of = next((t.i for t in span if t.lower_ == "of"), None)
    if of is None or not 2 <= of - span.start <= 3 or of + 1 >= span.end:
        return None
    person = doc[span.start:of]
    if not all(t.is_title for t in person) or org_head(list(person)) is not None \
            or not first_name_gender(person[0].text) or gazetteer.place(person.text):
        return None
    return person


def _split_possessor(span: Span) -> tuple[Span | None, Span]:
    """ "Chile's Interior Ministry" -> (Chile, the whole name).

    A plural possessor is part of the name, no actor of its own: "the European People's Party",
    "the Workers' Party" name who the party is for.
    """
    for token in span[1:-1]:
        if token.tag_ == "POS" or token.text in ("'s", "’s"):
            if span.doc[token.i - 1].tag_ in ("NNS", "NNPS"):
                return None, span
            return span.doc[span.start:token.i], span
    return None, span


#: Words that open or end a broadcaster's name in a wire report's source line ("Radio Lebanon", "... Network").
BROADCAST_WORDS = frozenset({"radio", "television", "tv", "network", "agency"})


#: Words after a comma that end a name rather than start another: "Acme, Inc.", "John Smith, Jr.".
NAME_SUFFIXES = frozenset({"inc", "ltd", "llc", "plc", "co", "corp", "jr", "sr", "ii", "iii", "iv", "lp", "sa", "ag",
                           "nv", "bv", "spa"})

#: Dashes that, with a space on each side, part two phrases, never two words of one name.
SPACED_DASHES = frozenset({"-", "–", "—"})


def _list_parts(span: Span, alone: frozenset[str]) -> list[Span]:
    """The names of a list or an aside spaCy tagged as one entity, else the entity itself.

    Names never hold a comma before another name ("Foster's Lager, Foster's") nor a dash set off by
    spaces ("Veritas - Latin for truth"); "and" joins two names when the article also names each
    alone ("Gazprom and Gazpromneft"), and is part of one otherwise ("Procter and Gamble",
    "Bosnia and Herzegovina").
    """
    doc = span.doc
    cuts = []
    for token in span[1:-1]:
        nxt = doc[token.i + 1]
        if token.text in (",", ";") and nxt.lower_.rstrip(".") not in NAME_SUFFIXES:
            cuts.append(token.i)
        elif token.text in SPACED_DASHES and token.whitespace_ and doc[token.i - 1].whitespace_:
            cuts.append(token.i)
        elif token.lower_ == "and" and name_key(doc[span.start:token.i].text) in alone \
                and name_key(doc[token.i + 1:span.end].text) in alone and gazetteer.place(span.text) is None:
            cuts.append(token.i)
    if not cuts:
        return [span]
    parts, start = [], span.start
    for cut in cuts:
        parts.append(doc[start:cut])
        start = cut + 1
    parts.append(doc[start:span.end])
    return [part for part in parts if len(part)]


def _split_dateline(span: Span) -> tuple[Span, Span] | None:
    """A wire report's source line, "<place> <source>", that spaCy tagged as one name: the place and
    the source ("Moscow ITAR-TASS", "Beirut Radio Lebanon", "Munich SUEDDEUTSCHE ZEITUNG").

    Only at the start of a line, where the line ends after it or goes on with its language
    ("... in German"), and only when the source is written in capitals or is a broadcaster
    (:data:`BROADCAST_WORDS` open or end it): "New York Times" alone on a line stays a newspaper.
    """
    doc = span.doc
    start = span.start
    while start > 0 and doc[start - 1].like_num is False and any(ch.isdigit() for ch in doc[start - 1].text) \
            and doc[start - 1].text.isalnum():
        start -= 1  # a report number before it: "AU0505102194 Munich ..."
    if start > 0 and "\n" not in doc[start - 1].whitespace_ and "\n" not in doc[start - 1].text:
        return None
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and "\n" not in doc[span.end - 1].whitespace_ and "\n" not in after.text \
            and after.lower_ != "in":
        return None
    for n in range(min(3, len(span) - 1), 0, -1):
        place = gazetteer.place(span[:n].text)
        if place is None:
            continue
        source = span[n:]
        words = [t.text for t in source if t.is_alpha]
        if words and (all(w.isupper() and len(w) > 1 for w in words)
                      or {source[0].lower_, source[-1].lower_} & BROADCAST_WORDS):
            return span[:n], source
        return None
    return None


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


def named_mentions(doc: Doc, groups: bool) -> list[Candidate]:
    """The article's candidate mentions from spaCy's entities, the headline's confirmed by the body.

    Args:
        doc: the parsed article.
        groups: keep plural demonyms ("Russians") as mentions of their country.
    """
    found: list[Candidate] = []
    person_words = frozenset(t.lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent)
    party_words, party_or_name = _party_adjectives(doc)

    def add(span: Span, label: str, titles: tuple[str, ...] = ()) -> None:
        if _is_noise(span, label):
            return
        m = _classify(span, label, titles, groups, person_words)
        if m is not None:
            found.append(m)

    def take(piece: Span, label: str) -> None:
        """Trim, split and add one entity (or one part of a list spaCy tagged as one)."""
        span, titles = trim(piece, label)
        lead = next((n for n in (2, 1) if span is not None and label == "PERSON" and len(span) > n
                     and span[n].text[:1].isupper() and (span[:n].text in party_words or span[:n].text
                                                         in party_or_name and first_name_gender(span[n].text))), 0)
        if lead:  # "Tory David Davis": a party's word and a name
            party = doc[span.start:span.start + lead]
            if gazetteer.demonym(party.text) is not None or gazetteer.place(party.text) is not None:
                add(party, "NORP")
            else:
                found.append(Candidate(party.start, party.end, party.text, ORGANIZATION, ent_label="NORP",
                                       form=party.text, evidence=True))
            span, more = trim(doc[party.end:span.end], label)
            titles += more
        if span is None or _bare_sector(span):
            return
        if (anchor := _group_anchor(span)) is not None:  # "Israeli Police": Israel's police, a group
            add(anchor, "NORP" if gazetteer.demonym(anchor.text) else "GPE")
            return
        if (pair := _split_dateline(span)) is not None:  # "Moscow ITAR-TASS", "Paris Radio France International"
            add(pair[0], "GPE")
            add(pair[1], "ORG")
            return
        if (pair := _split_place_demonym(span)) is not None:
            add(pair[0], "GPE")
            add(pair[1], "NORP")
            return
        if (person := _person_of(span, label)) is not None:  # "Jane Roe of the National Party" tagged as one name
            add(person, "PERSON")
            span, titles = trim(doc[person.end + 1:span.end], label)
            if span is None:
                return
        if (country := _country_of(span, label)) is not None:  # "the Communist Party of Greece" names Greece
            add(country, "GPE")
        possessor, span = _split_possessor(span)
        if possessor is not None:
            trimmed, _ = trim(possessor, label)
            if trimmed is not None:
                add(trimmed, "GPE" if gazetteer.place(trimmed.text) else label)
        add(span, label, titles)

    named = {ent.start: _with_connected_words(_with_party_words(ent)) for ent in doc.ents}
    absorbed = {i for ent in doc.ents for i in range(named[ent.start].start, ent.start)}  # "Sweden" of "Sweden Democrats"
    absorbed |= {i for ent in doc.ents for i in range(ent.end, named[ent.start].end)}  # "Greece" of "Party of Greece"
    alone = frozenset(name_key(ent.text) for ent in doc.ents)
    for ent in doc.ents:
        if ent.label_ not in LABEL_TYPE or ent.start in absorbed or named[ent.start] == ent and any(
                i in absorbed for i in range(ent.start, ent.end) if doc[i].lower_ != "the"):
            continue
        piece = _line_piece(named[ent.start])
        paren = next((t.i for t in piece if t.text == "("), None)
        if paren is not None:  # "Development Bank (IADB": the long form; the acronym is found below
            piece = doc[piece.start:paren]
            if not len(piece):
                continue
        for part in _list_parts(piece, alone):
            take(part, ent.label_)
    found = _confirmed_by_body(doc, found, add)
    found = found + _more_member_names(doc, found)
    found = found + _untagged_places(doc, found, person_words)
    found = found + _described_names(doc, found)
    return found + _towns_with_their_states(doc, found)


#: A name spaCy missed after an organization noun is at most this many words long ("oil firm Yukos").
MAX_DESCRIBED_WORDS = 3


def _described_names(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """Names spaCy tagged as nothing right after a noun that says what organization they name:
    "Dutch retailer Ahold", "oil firm Yukos" (:func:`org_descriptions`)."""
    covered = {i for m in found for i in range(m.start, m.end)}
    described = org_descriptions()
    added = []
    for token in doc[:-1]:
        noun = token.lower_ if token.lower_ in described else token.lemma_.lower()
        if not (token.is_lower and token.pos_ == "NOUN" and noun in described):
            continue
        i = j = token.i + 1
        while j < len(doc) and j - i < MAX_DESCRIBED_WORDS and j not in covered and doc[j].pos_ == "PROPN" \
                and _name_word(doc[j]):
            j += 1
        if j == i or j < len(doc) and doc[j].pos_ == "PROPN" or gazetteer.place(doc[i:j].text) is not None:
            continue
        m = Candidate(i, j, tidy(doc[i:j].text), ORGANIZATION, described[noun], ent_label="ORG",
                      org_cue=True, evidence=True)
        added.append(m)
        covered.update(range(i, j))
    return added


def _capitals_line(doc: Doc, token: Token) -> bool:
    """Whether the line ``token`` is on is written in capitals ("SOCCER - ROMANIA BEAT LITHUANIA")."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    letters = [ch for ch in text[start:end if end >= 0 else len(text)] if ch.isalpha()]
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)


def _untagged_places(doc: Doc, found: list[Candidate], person_words: frozenset[str]) -> list[Candidate]:
    """Countries, US states and cities of the gazetteer that spaCy tagged as nothing: a proper noun
    standing as a name of its own ("Leicestershire beat Somerset at Leicester"), or any word of a line
    written in capitals ("SOCCER - ROMANIA BEAT LITHUANIA"), where spaCy tags little.

    A word of a longer capitalized run is part of another name, and a first name or a word of a
    person the article names is that person's, so neither is taken.
    """
    covered = {i for m in found for i in range(m.start, m.end)}
    added: list[Candidate] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in covered or not token.is_alpha or not (token.is_title or token.is_upper and len(token) > 2):
            i += 1
            continue
        capitals = token.is_upper and _capitals_line(doc, token)
        hit = None
        for n in range(min(3, len(doc) - i), 0, -1):
            span = doc[i:i + n]
            if any(k in covered or not t.is_alpha and t.text not in ("-", ".") for k, t in zip(range(i, i + n), span)):
                continue
            place = gazetteer.place(span.text)
            if place is not None:
                hit = (n, place)
                break
        if hit is None:
            i += 1
            continue
        n, place = hit
        span = doc[i:i + n]
        before = doc[i - 1] if i else None
        after = doc[i + n] if i + n < len(doc) else None
        run = not capitals and any(t is not None and t.is_title and not t.is_sent_start and t.i not in covered
                                   and t.is_alpha for t in (before, after))
        if capitals or (span.root.pos_ == "PROPN" and not run and not is_title(span.text)
                        and not first_name_gender(span[0].text) and span.text.lower() not in person_words):
            m = Candidate(i, i + n, place.label if capitals else tidy(span.text), place.type,
                          place.subtype, place=place, ent_label="GPE", evidence=True)
            if place.type == COUNTRY:
                m.country = place.label
            added.append(m)
            covered.update(range(i, i + n))
        i += n
    return added


#: A state or country after a town is at most this many tokens long ("N. Y.", "South Carolina").
MAX_QUALIFIER_TOKENS = 3


def _qualifier(doc: Doc, i: int) -> tuple[int, gazetteer.Place] | None:
    """The US state (by name, AP abbreviation or postal code) or country at token ``i``, and where it ends."""
    for n in range(min(MAX_QUALIFIER_TOKENS, len(doc) - i), 0, -1):
        span = doc[i:i + n]
        if not span[0].text[:1].isupper() or span[-1].is_punct or any("\n" in t.whitespace_ for t in span[:-1]):
            continue
        text = span.text
        end = i + n
        if end < len(doc) and doc[end].text == "." and not doc[end - 1].whitespace_ and not text.endswith("."):
            text, end = text + ".", end + 1  # "Miss" "." at a sentence's end
        found = gazetteer.state_after_place(text)
        if found is None and (country := gazetteer.country(span.text)) is not None:
            found, end = country, i + n
        if found is not None:
            return end, found
    return None


def _towns_with_their_states(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """A town written with its state or country after a comma ("Tupelo, Miss.", "Kulm, N.D.", "Vienna,
    Austria"): the town's mention takes the whole as a name of it (never its label), and the state
    or country is a mention of its own.

    A town is a place that is no country and no US state, so a list of states or countries
    ("Texas, Ohio") is no town with its state.
    """
    starts = {m.start: m for m in found}
    added: list[Candidate] = []
    for m in found:
        if m.country or m.demonym or m.generic or m.qualified or m.titles \
                or gazetteer.state_after_place(m.text) is not None:
            continue
        i = m.end + (m.end < len(doc) and doc[m.end].text == ",")
        if i >= len(doc) or (hit := _qualifier(doc, i)) is None:
            continue
        end, where = hit
        if i == m.end and not doc[end - 1].text.endswith("."):
            continue  # without a comma only an abbreviation says so: "Jamestown N.Y.", not "Rakyat Malaysia"
        if end < len(doc) and doc[end].text[:1].isupper() and not doc[end].is_sent_start:
            continue  # "John Cornyn, Texas Republican": a description, no town's state
        if m.kind != PLACE and (where.type == COUNTRY or m.end - m.start > 1 and m.kind == PERSON) \
                and not (doc[m.start:m.end].text.isupper() and _dateline_town(doc[m.start:m.end])):
            continue  # spaCy's other label stands unless a state says "town": "Kulm, N.D."
        if m.ent_label != "GPE" and doc[m.start:m.end].text.isupper() and _dateline_town(doc[m.start:m.end]):
            m.ent_label = "GPE"  # a dateline says it is a town: "DAYTON, Ohio (AP)" is no company
        m.kind, m.subtype = PLACE, m.subtype if m.kind == PLACE else ""
        other = starts.get(i)
        if other is None or other.end > end:
            other = Candidate(i, end, tidy(doc[i:end].text), where.type, ent_label="GPE")
            added.append(other)
        other.kind, other.place, other.evidence = where.type, where, True
        if where.type == COUNTRY:
            other.country = where.label
        else:  # a state named like a city is "Washington State", never the city
            city = getattr(gazetteer.place(where.label), "subtype", "") == "City"
            other.subtype, other.form = where.subtype, f"{where.label} State" if city else where.label
            other.place = gazetteer.Place(other.form, PLACE, where.subtype)
        m.form = m.form or m.text
        m.end, m.text, m.qualified = end, tidy(doc[m.start:end].text), True
    return added


def _more_member_names(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """Every other capitalized use of the names of organizations named by their members.

    Once the article shows "Tory" names an organization ("Tory leader X", "the Tories"), each
    "Tory" and "Tories" in it is a mention of that organization ("Tory plans"), whatever
    spaCy tagged it.
    """
    forms = {tuple(m.form.split()): m for m in found if m.form}
    for m in found:  # "the Federalists" where the article names the Federalist Party
        words = m.text.split()
        if m.kind == ORGANIZATION and 2 <= len(words) <= 5 and words[1:2] and not m.country \
                and (cut := next((i for i, w in enumerate(words) if w.lower() == "party"), 0)) in (1, 2) \
                and all(w[:1].isupper() for w in words[:cut]):
            forms.setdefault(tuple(words[:cut]), m)
    covered = {i for m in found for i in range(m.start, m.end)}
    persons = {m.start for m in found if m.ent_label == "PERSON"}
    roles = party_roles()
    for token in doc[:-2]:  # "Whig leader Anna Porter" where spaCy tagged only the person
        nxt = doc[token.i + 1]
        if token.i in covered or not token.text[:1].isupper() or token.pos_ not in ("PROPN", "ADJ", "NOUN") \
                or not (nxt.is_lower and nxt.lower_ in roles and token.i + 2 in persons) \
                or gazetteer.place(token.text) or gazetteer.demonym(token.text) or is_title(token.text):
            continue
        m = Candidate(token.i, token.i + 1, token.text, ORGANIZATION, ent_label="NORP",
                      form=singular(token.text), evidence=True)
        found.append(m)
        forms.setdefault((m.form,), m)
    if not forms:
        return []
    for m in found:  # "the Lib Dems" tagged a person, where "Lib Dem leader X" says what it is
        words = m.text.split()
        form = (*words[:-1], singular(words[-1]))
        if not m.form and not m.country and form in forms and not set(m.titles) & HONORIFICS:
            m.kind, m.form, m.place, m.subtype = ORGANIZATION, " ".join(form), None, forms[form].subtype
            m.evidence = True
    covered = {i for m in found for i in range(m.start, m.end)}
    longest = max(len(f) for f in forms)
    added = []
    for token in doc:
        if token.i in covered or not token.text[:1].isupper() or token.pos_ not in ("PROPN", "ADJ", "NOUN"):
            continue
        for n in range(min(longest, len(doc) - token.i), 0, -1):
            words = [t.text for t in doc[token.i:token.i + n]]
            form = (*words[:-1], singular(words[-1]))
            like = forms.get(form)
            if like is not None and not any(i in covered for i in range(token.i, token.i + n)):
                added.append(Candidate(token.i, token.i + n, tidy(doc[token.i:token.i + n].text), ORGANIZATION,
                                       like.subtype, ent_label=like.ent_label, form=" ".join(form),
                                       evidence=True))
                covered.update(range(token.i, token.i + n))
                break
    return added


def tags_and_acronyms(doc: Doc, found: list[Candidate]) -> tuple[list[Candidate], list[tuple[Candidate, int]]]:
    """``found`` with the states of party tags and the parenthesised acronyms and long forms added,
    and the (long form, acronym token) pairs written together."""
    found = found + _party_state_tags(doc, found)
    added, links = _parenthesised_acronyms(doc, found)
    more, named = _parenthesised_names(doc, found + added)
    added, links = added + more, links + named
    # a long name found by its acronym takes the place of the parts of it spaCy tagged
    inside = {i for m in added if m.end - m.start > 1 for i in range(m.start, m.end)}
    linked = {id(long_form) for long_form, _ in links}
    found = [m for m in found if id(m) in linked or not all(i in inside for i in range(m.start, m.end))]
    return found + added, links


def _party_state_tags(doc: Doc, found: list[Candidate]) -> list[Candidate]:
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
            added.append(Candidate(start, end, tidy(doc[start:end].text), PLACE, place.subtype, place=place,
                                   ent_label="GPE"))
    return added


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


def _confirmed_by_body(doc: Doc, found: list[Candidate], add) -> list[Candidate]:
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


#: Words that open a parenthesis giving another name of what stands before it ("(formerly ...)").
OTHER_NAME_WORDS = frozenset({"previously", "formerly", "also", "now", "known", "as", "the", "or", "aka", "then",
                              "later"})
#: A parenthesised other name is at most this many tokens long.
MAX_OTHER_NAME = 8


#: Lowercase English words that make a parenthesis a phrase, not another name ("(which led ...)").
PHRASE_WORDS = frozenset({"the", "a", "an", "which", "who", "that", "is", "was", "are", "were", "has", "had",
                          "and", "or", "of", "in", "on", "for", "to", "by", "with", "from", "at", "its", "his",
                          "her", "their", "then", "now", "led", "founded", "formed", "member", "see", "until"})


def _other_name(doc: Doc, start: int, end: int, long_form: Candidate) -> bool:
    """Whether tokens ``start:end`` in parentheses after ``long_form`` are another name of it.

    Another name starts with a capital and holds no number, no place and no English phrase
    word; its other words may be lowercase when they are not English ("Venstre Danmarks
    liberale parti", "Dviženie za prava i svobodi"). One word alone is another name only when
    it is a word of the long form ("Parti Gerakan Rakyat Malaysia (Gerakan)"); other single
    words are acronyms or country tags, read elsewhere.
    """
    span = doc[start:end]
    if not doc[start].text[:1].isupper() or any(t.like_num for t in span) or gazetteer.place(span.text) \
            or gazetteer.demonym(span.text):
        return False
    if end - start == 1:
        return name_key(span.text) in name_key(long_form.text).split()[1:] and not _acronym_like(span.text)
    lower = [t for t in span if t.is_lower]
    if any(t.lower_ in PHRASE_WORDS for t in lower):
        return False
    return doc[end - 1].text[:1].isupper() or len(lower) < len(span)


def _parenthesised_names(doc: Doc, found: list[Candidate]) -> tuple[list[Candidate], list[tuple[Candidate, int]]]:
    """Other names of an organization written in parentheses after it: "Liberal Forum (Liberales
    Forum, ...)", "the Alliance of Greens (previously known as the Green League)", "the National
    Party of Indonesia (Partai Nasional Indonesia)". The other name takes the place of the
    pieces of it spaCy tagged ("Partai Nasional" + "Indonesia")."""
    ends = {m.end: m for m in found if m.kind == ORGANIZATION and not m.generic}
    starts = {m.start: m for m in found}
    added: list[Candidate] = []
    links: list[tuple[Candidate, int]] = []
    for token in doc[1:-2]:
        long_form = ends.get(token.i)
        if token.text != "(" or long_form is None:
            continue
        items = _parenthesis_items(doc, token.i)
        if not items:
            continue
        i, j = items[0]
        while i < j and doc[i].lower_ in OTHER_NAME_WORDS:
            i += 1
        owner = next((k for k in range(i, j) if doc[k].tag_ == "POS" or doc[k].text in ("'s", "’s")), None)
        if owner is not None:
            i = owner + 1  # "(the Bank of Lisbon's Rates Committee)": the name is what the possessive owns
        if j - i > MAX_OTHER_NAME or i >= j or not _other_name(doc, i, j, long_form):
            continue
        other = starts.get(i)
        if other is None or other.end != j and not other.country:
            other = Candidate(i, j, tidy(doc[i:j].text), ORGANIZATION, long_form.subtype, ent_label="ORG")
            added.append(other)
        if other.kind in (ORGANIZATION, PERSON) and not other.country:
            other.kind = ORGANIZATION
            links.append((long_form, i))
    return added, links


#: A parenthesis is read for acronyms and other names up to this many tokens.
MAX_PARENTHESIS = 40


def _closes(token: Token) -> bool:
    """A closing parenthesis, alone or glued to what follows it ("):")."""
    return token.text.startswith(")")


def _parenthesis_items(doc: Doc, open_at: int) -> list[tuple[int, int]]:
    """The items of the parenthesis opened at ``open_at``, parted by commas, semicolons or colons:
    "(SDI; a social-democratic party ...)", "(Partai Komunis Indonesia, PKI)", "(, UP)".
    Empty when it does not close within :data:`MAX_PARENTHESIS` tokens."""
    items, start = [], open_at + 1
    for i in range(open_at + 1, min(len(doc), open_at + MAX_PARENTHESIS)):
        token = doc[i]
        if token.text == "(":
            return []
        if _closes(token) or token.text in (",", ";", ":"):
            if i > start:
                items.append((start, i))
            start = i + 1
            if _closes(token):
                return items
    return []


def _acronym_like(word: str) -> bool:
    """An acronym, or one written in mixed case as many parties' are ("PvdA", "MpS", "DemoS")."""
    if is_acronym(word):
        return True
    capitals = sum(ch.isupper() for ch in word)
    return 2 <= len(word) <= 8 and word.isalpha() and word[0].isupper() and capitals >= 2 \
        and max(len(run) for run in re.split(r"[A-Z]", word)) <= 3


def _initials_fit(letters: str, capitals: str, text: str) -> bool:
    """Whether an acronym spells a name's initials, with or without its small words, its lowercase
    words ("ADQ": "Action démocratique du Québec" either way) and a last designator ("NVTL":
    "Nationalist Vanua Tako Lavo Party")."""
    words = text.split()
    forms = {text, " ".join(w for w in words if not w.islower())}
    if len(words) > 2 and words[-1].lower() in ("party", "movement", "front", "league"):
        forms |= {" ".join(words[:-1])}
    found = {acr for form in forms if form for acr in acronyms_of(form)}
    return letters in found or capitals in found


def _parenthesised_acronyms(doc: Doc, found: list[Candidate]
                            ) -> tuple[list[Candidate], list[tuple[Candidate, int]]]:
    """Long forms and acronyms written "Long Form Name (LFN)": the mentions spaCy missed, and the pairs.

    An acronym after an organization's name is its acronym, whatever the language of its letters
    ("Italian Democratic Socialists (SDI)"); where spaCy tagged only the end of the long name
    ("... and Labour Party (SDLP)"), the title-case words before it whose initials fit join it.
    """
    covered = {i: m for m in found for i in range(m.start, m.end)}
    added: list[Candidate] = []
    links: list[tuple[Candidate, int]] = []
    small = ACRONYM_SKIP | {"&"}
    for token in doc[:-2]:
        if token.text != "(":
            continue
        items = [(s + sum(1 for _ in takewhile(lambda t: t.lower_ in OTHER_NAME_WORDS, doc[s:e - 1])), e)
                 for s, e in _parenthesis_items(doc, token.i)]  # "(then ZICN)"
        acronym = next((doc[s] for s, e in items if e - s == 1 and _acronym_like(doc[s].text)), None)
        if acronym is None:
            continue
        end = token.i
        while end > 0 and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("'s", "’s")):
            end -= 1
        if end == 0:
            continue
        long_form = covered.get(end - 1)
        letters = acronym_key(acronym.text)
        capitals = "".join(ch for ch in acronym.text if ch.isupper())
        if (long_form is not None and gazetteer.place(acronym.text) is not None
                and letters not in acronyms_of(long_form.text)):
            continue  # "Jane Doe (US)", "Acme Ltd (UK)": a country tag, not the name's acronym
        fits = long_form is not None and _initials_fit(letters, capitals, long_form.text)
        if long_form is None or long_form.kind != ORGANIZATION or not fits:
            # Look back over title-case words (small words allowed inside) for initials that fit.
            best = None
            for start in range(end - 1, max(-1, end - len(letters) - ACRONYM_SLACK - 1), -1):
                word = doc[start]
                if not (word.is_title or word.is_upper or word.lower_ in small
                        or word.is_lower and word.is_alpha and word.lower_ not in PHRASE_WORDS):
                    break  # lowercase words of another language may stand inside: "Action démocratique du Québec"
                if start in covered and (long_form is None or covered[start] is not long_form
                                         and covered[start].kind != ORGANIZATION):
                    break
                if word.is_title and word.lower_ not in small and _initials_fit(letters, capitals, doc[start:end].text):
                    best = start
            if best is not None:
                span = doc[best:end]
                long_form = Candidate(span.start, span.end, tidy(span.text), ORGANIZATION, ent_label="ORG")
                head = org_head(list(span))
                long_form.subtype = org_words()[head] if head else ""
                added.append(long_form)
            elif long_form is None or long_form.kind != ORGANIZATION:
                continue
        if long_form.kind == PERSON and not (long_form.ent_label == "PERSON" and first_name_gender(
                long_form.text.split()[0])) and not set(long_form.titles) & HONORIFICS:
            long_form.kind, long_form.described = ORGANIZATION, True  # a name with an acronym: an organization
        if acronym.i not in covered:
            added.append(Candidate(acronym.i, acronym.i + 1, acronym.text, long_form.kind, long_form.subtype,
                                   ent_label="ORG"))
        links.append((long_form, acronym.i))
    return added, links
