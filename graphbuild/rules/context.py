"""What the relation rules know of one article: its actors and its context.

The rules see actors only through :class:`ArticleContext`, which answers "which
actor does this noun phrase stand for?": a named actor (from the actor stage's
token map), a pronoun the actor stage resolved, the actor behind an agent noun
("Russian troops", "Japan's government") or a holding ("a UN base"), or a
definite description resolved from context ("the alliance", "the paper", "the
Chilean leader"). Answers reached through context are *weak*; a weak end lowers
the relation's confidence.

The context is built before any rule runs (:meth:`ArticleContext.read`): the
article's namings ("the alliance ... is known as SEATO"), then what the rule
families' learners note over every sentence: which organizations are news
outlets, which persons are quoted sources, who holds which role. Rules only
read it.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .. import gazetteer, lexicon
from ..names import org_words
from ..records import COUNTRY, ORGANIZATION, PERSON, PLACE, ActorTable
from . import grammar

#: Nouns that can stand for an organization named in the article ("the alliance", "the firm"): the
#: organization head words (actors_org_words.tsv), the nouns that describe an organization beside its
#: name (actors_org_descriptions.tsv, the actor stage's) and the few more of
#: relations_org_descriptions.tsv, each with the kind of organization it stands for ("party" ->
#: PoliticalParty) or "". "tank" is left out: alone it is the armoured vehicle, not "think tank".
ORG_NOUN_SUBTYPES: dict[str, str] = {
    noun: kind for noun, kind in {**org_words(), **lexicon.mapping("actors_org_descriptions.tsv"),
                                  **lexicon.mapping("relations_org_descriptions.tsv")}.items()
    if noun != "tank"}
ORG_NOUNS = frozenset(ORG_NOUN_SUBTYPES)
#: Nouns that stand for a news outlet named before ("told the paper").
OUTLET_NOUNS = frozenset({
    "paper", "newspaper", "daily", "broadcaster", "outlet", "magazine", "channel", "network", "tabloid",
    "publication", "website", "site", "weekly", "agency", "station", "newswire", "wire",
})
#: The outlet nouns that name nothing but the press: with no outlet named before, "the newspaper"
#: stands for no other organization ("an economist with Acme Bank told the newspaper").
PRESS_NOUNS = frozenset({"paper", "newspaper", "daily", "tabloid", "broadcaster", "magazine", "weekly",
                         "newswire", "publication"})
#: Nouns that reach the actor behind them (relations_carriers.tsv): "agent" nouns act for their owner
#: ("Russian troops"), "holding" nouns are held by it ("a UN base"), "part" nouns are a share of it.
#: The actor stage's sector nouns for a state's own organs (actors_sector_nouns.tsv: government,
#: military, police, legislature, courts, intelligence) are agent nouns too, read from there.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
#: Sector nouns (actors_sector_nouns.tsv) -> their sector, for "the soldiers" after "Chilean marines".
SECTOR_OF: dict[str, str] = {row[0]: row[1] for row in lexicon.rows("actors_sector_nouns.tsv")}
CARRIER_NOUNS: dict[str, str] = {
    **{row[0]: "agent" for row in lexicon.rows("actors_sector_nouns.tsv") if row[1] in STATE_SECTORS},
    **lexicon.mapping("relations_carriers.tsv")}
AGENT_NOUNS = frozenset(n for n, kind in CARRIER_NOUNS.items() if kind == "agent")
MEMBER_NOUNS = frozenset(n for n, kind in CARRIER_NOUNS.items() if kind == "member")
OFFICIAL_NOUNS = frozenset(n for n, kind in CARRIER_NOUNS.items() if kind == "official")
HOLDING_NOUNS = frozenset(n for n, kind in CARRIER_NOUNS.items() if kind in ("holding", "seat"))
SEAT_NOUNS = frozenset(n for n, kind in CARRIER_NOUNS.items() if kind == "seat")
PART_NOUNS = frozenset(n for n, kind in CARRIER_NOUNS.items() if kind == "part")
#: Role nouns of a head of state or government, for "the Chilean leader" -> a person.
HEAD_ROLE_NOUNS = frozenset({"leader", "president", "premier", "chancellor", "minister", "king", "queen",
                             "ruler", "strongman", "dictator", "monarch", "emir", "head"})
#: Nouns for a person, which a name after a comma may stand beside ("the man ..., X,").
PERSON_NOUNS = frozenset({"man", "woman", "person", "figure", "leader", "ruler", "politician", "official",
                          "predecessor", "successor", "rival", "ally", "strongman", "autocrat"})
#: Participles that modify a title before a name ("founding President X").
NAME_MODIFIERS = frozenset({"founding", "ruling", "outgoing", "incoming", "acting", "sitting", "reigning",
                            "ousted", "exiled", "jailed", "longtime", "late", "then", "-"})
#: Possessive pronouns bound to their clause's subject when the actor stage left them open.
POSSESSIVE_PRONOUNS = {"his": (PERSON,), "her": (PERSON,), "its": (ORGANIZATION, COUNTRY),
                       "their": (ORGANIZATION, COUNTRY)}
#: Personal pronouns bound to a person subject of the same sentence when left open.
PERSONAL_PRONOUNS = {"he": (PERSON,), "she": (PERSON,), "him": (PERSON,), "her": (PERSON,), "his": (PERSON,),
                     "hers": (PERSON,), "himself": (PERSON,), "herself": (PERSON,)}
#: Sentences back that context (roles, troops, outlets) is looked for.
CONTEXT_SENTENCES = 3


def is_demonym_modifier(token: Token) -> bool:
    """Whether ``token`` is a country's adjective ("Portuguese"), which names a country only beside a noun.

    As the head of a noun phrase it is a parse of "Portuguese forward X" gone wrong, not the country;
    a country's own name ("Portugal") or a plural group ("the Portuguese") is not one.
    """
    if token.pos_ not in ("ADJ", "PROPN", "NOUN") or not token.text[:1].isupper():
        return False
    dem = gazetteer.demonym(token.text)
    return dem is not None and not dem.group and gazetteer.place(token.text) is None and token.tag_ != "NNPS"


@dataclass(frozen=True, slots=True)
class End:
    """One end of a relation: an actor key, and whether it was reached through context."""

    key: str
    weak: bool = False


@dataclass(frozen=True, slots=True)
class Found:
    """A relation a rule found, before confidence and hypothesis are settled.

    Attributes:
        subject: the subject end.
        predicate: the predicate's local name.
        object: the object end.
        construction: the rule's name (a key of the confidence table).
        anchor: the token whose clause states it (None: a noun phrase that is never hypothetical).
        label: the human label for an event predicate.
    """

    subject: End
    predicate: str
    object: End
    construction: str
    anchor: Token | None = None
    label: str = ""


#: A rule family's learner: notes what one sentence tells of the article (outlets, sources, roles).
Learner = Callable[[Sequence[Token], "ArticleContext"], None]


@dataclass
class ArticleContext:
    """The actor lookups and running context the rules share while reading one article."""

    doc: Doc
    table: ActorTable
    types: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    subtypes: dict[str, str] = field(default_factory=dict)
    name_words: dict[str, set[str]] = field(default_factory=dict)  # lower-case words of every name
    outlets: set[str] = field(default_factory=set)
    groups: dict[str, str] = field(default_factory=dict)  # group actor key -> its sector ("MIL")
    sources: set[str] = field(default_factory=set)
    roles: dict[tuple[str, str], str] = field(default_factory=dict)  # (role predicate, place) -> person
    namings: dict[str, str] = field(default_factory=dict)  # description noun -> actor key
    sentences: list[list[Token]] = field(default_factory=list)  # each sentence's tokens, made once
    learned: dict[tuple[str, int], list[Found]] = field(default_factory=dict)  # (family, sentence start) -> relations
    _positions: list[int] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list)

    @classmethod
    def read(cls, doc: Doc, table: ActorTable, learners: Sequence[Learner] = ()) -> ArticleContext:
        """The whole context for ``doc``, built before any rule reads it.

        Args:
            doc: the parsed article.
            table: the actor stage's answer for it.
            learners: functions ``learn(tokens, ctx)`` that note outlets, sources and roles,
                run over every sentence after the namings are collected.
        """
        ctx = cls(doc=doc, table=table)
        for actor in table.actors:
            ctx.types[actor.key] = actor.type
            ctx.labels[actor.key] = actor.label
            ctx.subtypes[actor.key] = actor.subtype
            ctx.name_words[actor.key] = {w.lower() for name in (actor.label, *actor.aliases) for w in name.split()}
            if actor.subtype == "NewsMediaOrganization":
                ctx.outlets.add(actor.key)
            if actor.sector:
                ctx.groups[actor.key] = actor.sector
        ctx._positions = sorted(i for i in table.token_actor if i not in table.pronoun_tokens)
        ctx.sentences = [list(sent) for sent in doc.sents]
        ctx._sent_starts = [tokens[0].i for tokens in ctx.sentences if tokens]
        for tokens in ctx.sentences:
            ctx._collect_namings(tokens)
        for learn in learners:
            for tokens in ctx.sentences:
                if tokens and any(t.i in table.token_actor for t in tokens):
                    learn(tokens, ctx)
        return ctx

    # -- named actors -------------------------------------------------------------------------

    def named(self, token: Token) -> End | None:
        """The actor ``token`` names (a pronoun the actor stage resolved is weak)."""
        key = self.table.token_actor.get(token.i)
        if key is None:
            return None
        if token.i in self.table.pronoun_tokens:
            if token.lower_ in PERSONAL_PRONOUNS and self.types.get(key) != PERSON:
                return None  # "he" cannot be an organization
            return End(key, weak=True)
        return End(key)

    def type_of(self, end: End | None) -> str | None:
        """The actor type of an end (None for no end)."""
        return self.types.get(end.key) if end else None

    def phrase(self, token: Token, *, behind: bool = True, describe: bool = True) -> End | None:
        """The actor the noun phrase headed by ``token`` stands for, if any.

        Tries, in order: the actor named by the head; a pronoun bound in its
        sentence; a named apposition ("the man, X,"); with ``behind``, the
        demonym or possessor of an agent noun ("Russian troops" -> Russia); with
        ``describe``, a definite description resolved from context; with
        ``behind``, the state or body an office holder speaks for ("Iran's
        foreign minister" -> Iran).
        """
        if is_demonym_modifier(token):
            return None  # "signed Portuguese forward X": the parser's head is the adjective, not Portugal
        if token.lemma_.lower() in ORG_NOUNS and (end := self._named_compound(token)) is not None:
            return end  # before the actor stage's guess for "the party", which may be another party
        if (end := self.named(token)) is not None:
            return end
        if token.pos_ == "PRON":
            return self._bind_pronoun(token)
        for appos in grammar.children(token, "appos"):
            if (end := self.named(appos)) is not None:
                return End(end.key, weak=True)
        if behind and (end := self.behind(token)) is not None:
            return end
        if describe and (end := self.describe(token) or self.loose_apposition(token)) is not None:
            return end
        if behind and (token.lemma_.lower() in OFFICIAL_NOUNS or token.lower_ in OFFICIAL_NOUNS):
            return self._owner(token)  # "Iran's foreign minister", when no one is known to hold the office
        return None

    def _named_compound(self, token: Token) -> End | None:
        """The organization a generic noun's name modifier names: "the Chega party", "the Virgin group"."""
        for child in token.children:
            if child.dep_ == "compound" and child.i < token.i:
                end = self.named(child)
                if end is not None and not end.weak and self.types.get(end.key) == ORGANIZATION:
                    return end
        return None

    def loose_apposition(self, token: Token) -> End | None:
        """A person named after a comma behind a noun for a person and its clause.

        "the man he replaced in 2019, founding President X, ..." -> X, which the
        parser often fails to attach as an apposition.
        """
        if token.lemma_.lower() not in PERSON_NOUNS:
            return None
        doc = token.doc
        comma = token.right_edge.i + 1
        if comma >= len(doc) or doc[comma].text != ",":
            return None
        for i in range(comma + 1, min(comma + 6, len(doc))):
            candidate = doc[i]
            end = self.named(candidate)
            if end is not None:
                return End(end.key, weak=True) if self.types.get(end.key) == PERSON and not end.weak else None
            if not (candidate.pos_ in ("DET", "ADJ", "PROPN", "NOUN") or candidate.lower_ in NAME_MODIFIERS):
                return None
        return None

    def behind(self, token: Token) -> End | None:
        """The actor behind an agent noun ("Russian troops", "Japan's government" -> the country) or
        a member noun ("Hezbollah fighters" -> the organization)."""
        lemma, lower = token.lemma_.lower(), token.lower_
        if lemma in AGENT_NOUNS or lower in AGENT_NOUNS:
            return self._owner(token)
        if lemma in MEMBER_NOUNS or lower in MEMBER_NOUNS:
            return self._owner(token, types=(ORGANIZATION,))
        return None

    def holder(self, token: Token) -> End | None:
        """The actor holding what a holding noun names: "a UN base", "on Ukraine's border", "the
        embassy of Chile"."""
        if token.lemma_.lower() not in HOLDING_NOUNS and token.lower_ not in HOLDING_NOUNS:
            return None
        return self._owner(token, of=True)

    def _owner(self, token: Token, of: bool = False,
               types: tuple[str, ...] = (COUNTRY, ORGANIZATION, PLACE)) -> End | None:
        for child in token.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i < token.i:
                end = self.named(child)
                if end is not None and self.types.get(end.key) in types:
                    return End(end.key, weak=True)
        if of:
            for _, obj in grammar.prep_objects(token, "of"):
                end = self.named(obj)
                if end is not None and self.types.get(end.key) in types:
                    return End(end.key, weak=True)
        return None

    def may_stand_for_an_actor(self, token: Token) -> bool:
        """Whether a token that names no actor may still stand for one: a pronoun, a noun for an
        organization or an outlet, or a noun that reaches the actor behind it."""
        if token.pos_ == "PRON":
            return token.lower_ in POSSESSIVE_PRONOUNS or token.lower_ in PERSONAL_PRONOUNS
        if token.pos_ != "NOUN":
            return False
        lemma = token.lemma_.lower()
        return (lemma in ORG_NOUNS or lemma in OUTLET_NOUNS or lemma in HEAD_ROLE_NOUNS or lemma in PERSON_NOUNS
                or lemma in CARRIER_NOUNS or token.lower_ in CARRIER_NOUNS)

    @staticmethod
    def is_carrier_noun(token: Token) -> bool:
        """Whether a noun reaches the actor behind it (an agent, holding or part noun)."""
        return token.lemma_.lower() in CARRIER_NOUNS or token.lower_ in CARRIER_NOUNS

    @staticmethod
    def is_seat_noun(token: Token) -> bool:
        """Whether a noun is a place its owner sits or works in ("bureau", "headquarters", "plant")."""
        return token.lemma_.lower() in SEAT_NOUNS or token.lower_ in SEAT_NOUNS

    @staticmethod
    def is_part_noun(token: Token) -> bool:
        """Whether a noun is a share of something ("18.8%", "a stake", "shares")."""
        return token.lemma_.lower() in PART_NOUNS or token.lower_ in PART_NOUNS

    def modifier_actor(self, token: Token, types: tuple[str, ...]) -> End | None:
        """A named actor among the left modifiers of ``token`` ("Peruvian" in "Peruvian Prime Minister")."""
        for child in token.children:
            if child.i < token.i and child.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod"):
                end = self.named(child)
                if end is not None and self.types.get(end.key) in types:
                    return end
        return None

    # -- context ------------------------------------------------------------------------------

    def describe(self, token: Token) -> End | None:
        """Resolve a definite description ("the alliance", "the paper", "the Chilean leader")."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
            return None
        lemma = token.lemma_.lower()
        if lemma in OUTLET_NOUNS and (key := self._recent(token.i, lambda k: k in self.outlets)):
            return End(key, weak=True)
        if lemma in PRESS_NOUNS:
            return None
        sector = SECTOR_OF.get(token.lower_) or SECTOR_OF.get(lemma)
        if sector:  # "Chilean marines have landed ... The soldiers were sent"; "the police"
            if key := self._recent(token.i, lambda k: self.groups.get(k) == sector):
                return End(key, weak=True)
            if lemma in self.namings:
                return End(self.namings[lemma], weak=True)
            key = self._recent(token.i, lambda k: self.types.get(k) == ORGANIZATION
                               and lemma in self.name_words.get(k, ()), whole_article=True)
            return End(key, weak=True) if key else None  # not any state body: "the police" is no court
        if lemma in ORG_NOUNS:
            if lemma in self.namings:
                return End(self.namings[lemma], weak=True)
            if key := self._described_organization(token, lemma):
                return End(key, weak=True)
        if lemma in HEAD_ROLE_NOUNS:
            return self.role_holder(token)
        return None

    def _described_organization(self, token: Token, noun: str) -> str | None:
        """The organization "the <noun>" stands for.

        The latest organization whose names hold the noun ("the alliance" -> the Atlantic
        Alliance; "the army" -> the armed forces named "Sudan's army" before) or that is of the
        noun's kind (:data:`ORG_NOUN_SUBTYPES`: "the party" -> a party), back to
        :data:`CONTEXT_SENTENCES` sentences; else, in the noun's own sentence, the latest
        organization of no known kind other than its clause's subject ("quit Labour ... left
        the party"); else the latest organization before whose names hold the noun.
        """
        kind = ORG_NOUN_SUBTYPES.get(noun)
        verb = grammar.governing_verb(token)
        subject = grammar.clause_subject(verb) if verb is not None else None
        own = self.table.token_actor.get(subject.i) if subject is not None else None

        def organization(key: str) -> bool:
            return self.types.get(key) == ORGANIZATION and key != own and (
                key not in self.outlets or noun in OUTLET_NOUNS)

        def named_so(key: str) -> bool:
            return organization(key) and noun in self.name_words.get(key, ())

        def of_kind(key: str) -> bool:
            return named_so(key) or organization(key) and bool(kind) and self.subtypes.get(key) == kind

        if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT" and (
                (key := self._previous_subject(token)) is not None and organization(key)
                and (not kind or self.subtypes.get(key) == kind or named_so(key))):
            return key  # "Acme sued ... Acme says a loan to X by Y was unlawful. The company also ...": Acme
        if key := self._recent(token.i, of_kind):
            return key
        if kind and (key := self._recent(token.i, lambda k: organization(k) and not self.subtypes.get(k),
                                         floor=token.sent.start)):
            return key
        return self._recent(token.i, named_so, whole_article=True)

    def _previous_subject(self, token: Token) -> str | None:
        """The actor the main clause of the sentence before ``token``'s is about (its named subject)."""
        n = bisect.bisect_right(self._sent_starts, token.i) - 1
        if n < 1:
            return None
        doc = token.doc
        for t in doc[self._sent_starts[n - 1]:self._sent_starts[n]]:
            if t.dep_ == "ROOT":
                for subject in t.children:
                    if subject.dep_ in ("nsubj", "nsubjpass") and subject.i not in self.table.pronoun_tokens:
                        return self.table.token_actor.get(subject.i)
        return None

    def describe_indefinite(self, token: Token) -> End | None:
        """An indefinite description the article names elsewhere ("a military alliance" -> the one known as X)."""
        key = self.namings.get(token.lemma_.lower())
        return End(key, weak=True) if key else None

    def words_of(self, end: End) -> set[str]:
        """The lower-case words of an actor's canonical label."""
        return {w.lower() for w in self.labels.get(end.key, end.key).split()}

    def role_holder(self, token: Token) -> End | None:
        """The person a "the <demonym> leader" description refers to.

        A person already known to hold such a role for that country; else the
        latest person named within a few sentences who is not a quoted source
        nor known to lead another country ("Mr Blair ... Mr Bush and the UK premier").
        """
        country = self.modifier_actor(token, (COUNTRY,))
        if country is None:
            return None
        elsewhere = set()
        for (predicate, place), person in reversed(self.roles.items()):
            if predicate in ("leaderOf", "presidentOf", "primeMinisterOf"):
                if place == country.key:
                    return End(person, weak=True)
                elsewhere.add(person)
        subject = grammar.clause_subject(token.head) if token.dep_ not in ("nsubj", "nsubjpass") else None
        subject_key = self.table.token_actor.get(subject.i) if subject is not None else None
        key = self._recent(token.i, lambda k: self.types.get(k) == PERSON and k not in self.sources
                           and k != subject_key and k not in elsewhere)
        return End(key, weak=True) if key else None

    def recent_organization(self, token: Token, noun: str = "") -> End | None:
        """The organization named last within a few sentences before ``token``.

        With ``noun`` ("company"), only one of the noun's kind or of no known kind.
        """
        kind = ORG_NOUN_SUBTYPES.get(noun)

        def accept(key: str) -> bool:
            subtype = self.subtypes.get(key)
            return (self.types.get(key) == ORGANIZATION and key not in self.outlets
                    and (not noun or not subtype or subtype == kind))

        key = self._recent(token.i, accept)
        return End(key, weak=True) if key else None

    def recent_body(self, token: Token, nouns: frozenset[str]) -> End | None:
        """The latest organization within a few sentences whose name or description is one of ``nouns``."""
        described = {key for noun, key in self.namings.items() if noun in nouns}

        def accept(key: str) -> bool:
            return self.types.get(key) == ORGANIZATION and (key in described or bool(self.words_of(End(key)) & nouns))

        key = self._recent(token.i, accept)
        return End(key, weak=True) if key else None

    def note_role(self, person: str, predicate: str, place: str) -> None:
        """Remember a role, so "the <demonym> leader" can be resolved later."""
        self.roles[(predicate, place)] = person

    def _context_floor(self, i: int) -> int:
        n = bisect.bisect_right(self._sent_starts, i) - 1
        return self._sent_starts[max(0, n - CONTEXT_SENTENCES)] if self._sent_starts else 0

    def _recent(self, i: int, accept, whole_article: bool = False, floor: int | None = None) -> str | None:
        """The latest actor mentioned before token ``i`` (within the context window, or after
        token ``floor``) that ``accept``s."""
        if floor is None:
            floor = 0 if whole_article else self._context_floor(i)
        j = bisect.bisect_left(self._positions, i) - 1
        seen: set[str] = set()
        while j >= 0 and self._positions[j] >= floor:
            key = self.table.token_actor[self._positions[j]]
            if key not in seen:
                seen.add(key)
                if accept(key):
                    return key
            j -= 1
        return None

    def _bind_pronoun(self, token: Token) -> End | None:
        """Bind a pronoun the actor stage left open to an actor in its own sentence.

        "his" / "its" go to their clause's subject; "he" / "him" to the one
        person named earlier in the sentence, if there is exactly one.
        """
        lower = token.lower_
        if token.dep_ == "poss" and lower in POSSESSIVE_PRONOUNS:
            verb = grammar.governing_verb(token)
            subject = grammar.clause_subject(verb) if verb is not None else None
            if subject is not None and subject.i != token.i:
                end = self.named(subject) or self.behind(subject)
                if end is not None and self.types.get(end.key) in POSSESSIVE_PRONOUNS[lower]:
                    return End(end.key, weak=True)
            return None
        if lower in PERSONAL_PRONOUNS:
            sent = token.sent
            persons = {self.table.token_actor[i] for i in range(sent.start, token.i)
                       if i in self.table.token_actor and i not in self.table.pronoun_tokens
                       and self.types.get(self.table.token_actor[i]) == PERSON}
            if len(persons) == 1:
                return End(persons.pop(), weak=True)
        return None

    def _collect_namings(self, sent: Sequence[Token]) -> None:
        """Learn which description nouns name which organization in this article.

        "The trade bloc ... is known as Mercosur", "Mercosur, a trade
        bloc", "Mercosur is a trade bloc".
        """
        for token in sent:
            if token.lemma_ in ("know", "call", "name", "dub") and token.tag_ == "VBN":
                named = [obj for prep, obj in grammar.prep_objects(token, "as")] + grammar.children(token, "oprd")
                subjects = grammar.children(token, "nsubjpass")
                for clause in grammar.children(token, "csubjpass"):
                    subjects += grammar.children(clause, "nsubj")
                for subject in subjects:
                    for obj in named:
                        self._name(subject, obj)
            elif token.dep_ == "appos":
                self._name(token, token.head)
                self._name(token.head, token)
            elif token.dep_ == "attr" and token.head.lemma_ == "be":
                for subject in grammar.children(token.head, "nsubj"):
                    self._name(token, subject)

    def _name(self, description: Token, name: Token) -> None:
        end = self.named(name)
        lemma = description.lemma_.lower()
        if (end is not None and lemma in ORG_NOUNS and self.named(description) is None
                and self.types.get(end.key) == ORGANIZATION):
            self.namings.setdefault(lemma, end.key)
