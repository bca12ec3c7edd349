"""The plain records that flow between graphbuild's stages.

Data flows forward: reading yields :class:`Article`, the actor stage yields
:class:`Actor` records (with the token-to-actor map the relation stage needs),
the relation stage yields :class:`Relation` records, and one article's results
travel together as an :class:`ArticleResult`. Every record is small, frozen and
picklable, so it can cross a process boundary or sit in the build cache.
"""
from __future__ import annotations

from dataclasses import dataclass, field

#: The four actor types graphbuild knows, as schema.org class names.
PERSON = "Person"
ORGANIZATION = "Organization"
COUNTRY = "Country"
PLACE = "Place"
ACTOR_TYPES = (PERSON, ORGANIZATION, COUNTRY, PLACE)


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line the cleaner dropped from an article, and why."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article.

    Attributes:
        id: a stable content hash of the cleaned title and body.
        source: the path or URL the article was read from.
        title: the headline ("" when there is none).
        body: the cleaned body text.
        removed: the lines the cleaner dropped, with reasons.
        encoding: the text encoding the file was decoded with.
        date: the publication date, ISO 8601 ``YYYY-MM-DD`` ("" when unknown); see
            :mod:`graphbuild.dates`.
    """

    id: str
    source: str
    title: str
    body: str
    removed: tuple[RemovedLine, ...] = ()
    encoding: str = "utf-8"
    date: str = ""

    @property
    def text(self) -> str:
        """The text the pipeline parses; every character offset refers to it."""
        return f"{self.title}\n\n{self.body}" if self.title else self.body


@dataclass(frozen=True, slots=True)
class Mention:
    """One surface form of an actor in an article's :attr:`Article.text`."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Actor:
    """One real-world actor as resolved within one article.

    Attributes:
        key: the actor's identity within the article (unique per article).
        label: the canonical name, the fullest form seen.
        type: one of :data:`ACTOR_TYPES`.
        subtype: a finer schema.org class name ("City", "NewsMediaOrganization", ...) or "".
        aliases: every other surface form seen, canonical label excluded.
        mentions: where the actor is named in the article.
        members: for an organization, the labels of the persons the article names in one of
            its roles ("Tory leader Michael Howard"): the cross-article merge tells by them which
            short names of parties name the same party.
        type_evidence: how many of its mentions say its type by more than spaCy's label (the
            gazetteer, a title, a designator, a description): they weigh more in the corpus vote.
        sector: for a group actor ("Sri Lanka military"), its sector's CAMEO agent code ("MIL").
        part_of: for a group actor, the key of its country or organization in the same article
            ("" when the article does not name it).
    """

    key: str
    label: str
    type: str
    subtype: str = ""
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    members: tuple[str, ...] = ()
    type_evidence: int = 0
    sector: str = ""
    part_of: str = ""


@dataclass(frozen=True, slots=True)
class Relation:
    """One stated relation between two actors of the same article.

    Attributes:
        subject: the subject actor's :attr:`Actor.key`.
        predicate: the predicate's local name in the graphbuild namespace ("invited").
        object: the object actor's :attr:`Actor.key`.
        sentence: the sentence that states it.
        start: where the sentence starts in :attr:`Article.text`.
        end: where the sentence ends in :attr:`Article.text`.
        confidence: 0..1, from the construction that produced it.
        construction: the name of the rule that produced it ("apposition").
        label: the predicate's human label ("called in"); "" to use the vocabulary's.
        hypothetical: stated under negation, as a question or as a hypothesis.
    """

    subject: str
    predicate: str
    object: str
    sentence: str
    start: int
    end: int
    confidence: float
    construction: str
    label: str = ""
    hypothetical: bool = False


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything the build keeps of one article after parsing it."""

    article: Article
    actors: tuple[Actor, ...] = ()
    relations: tuple[Relation, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class ActorTable:
    """The actor stage's answer for one parsed article, as the relation stage needs it.

    Attributes:
        actors: the article's resolved actors.
        token_actor: token index -> :attr:`Actor.key` for every token that names an
            actor, including resolved pronouns and demonyms ("Russian" -> Russia).
        pronoun_tokens: the token indices in ``token_actor`` that are pronouns, so a
            rule can lower its confidence for them.
        relations: the structural relations the actor stage itself finds: a group actor
            part of its country or organization ("Sri Lanka military" partOf Sri Lanka).
    """

    actors: tuple[Actor, ...] = ()
    token_actor: dict[int, str] = field(default_factory=dict)
    pronoun_tokens: frozenset[int] = frozenset()
    relations: tuple[Relation, ...] = ()
