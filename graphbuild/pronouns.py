"""Pronouns: he, she, it, they and their forms resolved to the actor they stand for.

A pronoun resolves to the nearest preceding compatible actor mention, within a
few sentences: he/him/his to a person whose gender is male or unknown, she/her
to a female or unknown one, it/its to an organization, a country or a city,
they/them/their to an organization. Gender comes from titles ("Mr", "Mrs") and from the first name, using
the name dictionary the ``gender-guesser`` package ships, when it is installed.

Quotes are the known hard case. A pronoun that is the subject of a speech verb
right after a quotation ("...," she said) names the speaker, so mentions inside
the quotation are skipped. A plural pronoun does not reach past a plural noun
("the former satellites ... they"): that noun is the likelier antecedent.
"""
from __future__ import annotations

import bisect
import functools
import importlib.resources
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import words
from .records import COUNTRY, ORGANIZATION, PERSON, PLACE

MALE, FEMALE = "male", "female"

#: Pronoun form -> (actor types it can stand for, required gender or "", sentences it looks back).
PRONOUNS: dict[str, tuple[frozenset[str], str, int]] = {
    **{w: (frozenset({PERSON}), MALE, 3) for w in ("he", "him", "his", "himself")},
    **{w: (frozenset({PERSON}), FEMALE, 3) for w in ("she", "her", "hers", "herself")},
    **{w: (frozenset({ORGANIZATION, COUNTRY, PLACE}), "", 1) for w in ("it", "its", "itself")},
    # A country is "it" in news English; "they" is a team, a company, a party ("Arsenal ... they").
    **{w: (frozenset({ORGANIZATION}), "", 1) for w in ("they", "them", "their", "theirs", "themselves")},
}
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})

#: Verbs of saying: their pronoun subject next to a quotation is the quoted speaker.
SPEECH_VERBS = words("relations_speech_verbs.txt")

#: Titles that tell a person's gender.
TITLE_GENDER = {"mr": MALE, "sir": MALE, "lord": MALE, "king": MALE, "prince": MALE, "baron": MALE,
                "father": MALE, "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "lady": FEMALE,
                "dame": FEMALE, "queen": FEMALE, "princess": FEMALE, "baroness": FEMALE}

_OPEN_QUOTES = frozenset({"“", "«"})
_CLOSE_QUOTES = frozenset({"”", "»"})
_STRAIGHT_QUOTES = frozenset({'"', "``", "''"})


@dataclass(frozen=True, slots=True)
class Antecedent:
    """One actor mention a pronoun may point back to.

    Attributes:
        start: the mention's first token index.
        end: one past its last token index.
        key: the actor's key.
        type: the actor's type.
        gender: :data:`MALE`, :data:`FEMALE` or "" when unknown.
        city: a city, which "it" and "they" can stand for (a capital for its government).
    """

    start: int
    end: int
    key: str
    type: str
    gender: str = ""
    city: bool = False


@functools.cache
def _first_names() -> dict[str, str]:
    """Lowercase first name -> its gender, from gender-guesser's name dictionary.

    The dictionary file is read directly (name and gender columns only), which is
    several times faster than building the package's detector. Names listed with
    both genders are left out. Without the package the dict is empty, and he/she
    resolve to the nearest person.
    """
    try:
        path = importlib.resources.files("gender_guesser").joinpath("data", "nam_dict.txt")
        text = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    genders: dict[str, str] = {}
    for line in text.splitlines():
        if line[:1] in ("#", "=", ""):
            continue
        code, _, rest = line.partition(" ")
        name = rest.split(None, 1)[0].lower() if rest.strip() else ""
        gender = MALE if code.endswith("M") else FEMALE if code.endswith("F") else "?"
        old = genders.get(name)
        genders[name] = gender if old in (None, gender) else "?"
    return {name: g for name, g in genders.items() if g != "?"}


def load_tables() -> None:
    """Read the first-name genders now rather than on first use (see :func:`gazetteer.load_tables`)."""
    _first_names()


def first_name_gender(name: str) -> str:
    """The usual gender of a first name, or "" when unknown or used for both.

    Example:
        >>> first_name_gender("Margaret") in ("female", "")
        True
    """
    if len(name) < 2 or not name.isalpha():
        return ""
    return _first_names().get(name.lower(), "")


def person_gender(label: str, titles: Iterable[str] = ()) -> str:
    """A person's gender from the titles seen before the name, else from the first name."""
    for title in titles:
        if (g := TITLE_GENDER.get(title.lower().rstrip("."))):
            return g
    words = label.split()
    if len(words) < 2:
        return ""
    return first_name_gender(words[0].split("-")[0])


def quote_mask(doc: Doc) -> list[bool]:
    """For each token, whether it sits inside a quotation (curly or straight double quotes)."""
    inside = False
    mask = []
    for token in doc:
        text = token.text
        if text in _OPEN_QUOTES:
            mask.append(False)
            inside = True
            continue
        if text in _CLOSE_QUOTES:
            mask.append(False)
            inside = False
            continue
        if text in _STRAIGHT_QUOTES:
            mask.append(False)
            inside = not inside
            continue
        if "\n" in text:
            inside = False  # a quotation never runs past a paragraph
        mask.append(inside)
    return mask


def is_expletive(token: Token) -> bool:
    """Whether "it" is a dummy subject ("it is our duty to ...", "it seems that ...")."""
    if token.dep_ == "expl":
        return True
    head = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and (
        head.lemma_ in ("be", "seem", "appear", "rain", "take") or head.text.lower() in ("'s", "’s"))


def _speech_subject(token: Token) -> bool:
    return token.dep_ == "nsubj" and token.head.lemma_ in SPEECH_VERBS


def resolve_pronouns(doc: Doc, antecedents: Sequence[Antecedent],
                     mention_tokens: frozenset[int] | set[int] = frozenset()) -> dict[int, str]:
    """Map each resolvable pronoun token to the key of the actor it stands for.

    Args:
        doc: the parsed article.
        antecedents: the article's actor mentions, in any order.
        mention_tokens: every token index inside an actor mention (a plural pronoun
            does not reach past a plural noun that is not one).

    Returns:
        Token index -> actor key, for the pronouns that resolved.
    """
    ordered = sorted(antecedents, key=lambda a: a.start)
    starts = [a.start for a in ordered]
    quoted = quote_mask(doc)
    sentence_of = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sentence_of[i] = n
    resolved: dict[int, str] = {}
    for token in doc:
        lower = token.text.lower()
        rule = PRONOUNS.get(lower)
        if rule is None or token.pos_ not in ("PRON", "DET"):
            continue
        if lower == "it" and is_expletive(token):
            continue
        types, gender, look_back = rule
        skip_quoted = (not quoted[token.i] and _speech_subject(token)
                       and any(quoted[i] for i in range(token.sent.start, token.i)))
        oldest = sentence_of[token.i] - look_back
        j = bisect.bisect_left(starts, token.i) - 1
        blocked_from = token.i
        if lower in PLURAL_PRONOUNS:
            # The nearest plural common noun before the pronoun blocks older antecedents.
            for i in range(token.i - 1, max(-1, token.i - 60), -1):
                if sentence_of[i] < oldest:
                    break
                if doc[i].tag_ in ("NNS", "NNPS") and i not in mention_tokens:
                    blocked_from = i
                    break
        while j >= 0:
            cand = ordered[j]
            j -= 1
            if cand.end > token.i:
                continue
            if sentence_of[cand.start] < oldest:
                break
            if cand.start < blocked_from < token.i and blocked_from != token.i:
                break
            if skip_quoted and quoted[cand.start]:
                continue
            if cand.type in types and (not gender or not cand.gender or cand.gender == gender) and (
                    cand.type != PLACE or cand.city):
                resolved[token.i] = cand.key
                break
    return resolved
