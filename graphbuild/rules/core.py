"""The general core: every pair of actors that a trigger word links, with the predicate it states.

A *trigger* is a verb or event noun of the event vocabulary (:mod:`.events`), or an actor's own
head for structure with no word between ("Springfield, Ill."). From each trigger the path grammar
(:mod:`.paths`) reaches the actors it links, each by a named *link* (subject, object, oblique,
owner, ...); a declared construction (:mod:`.constructions`) pairs a subject link with an object
link, and the vocabulary entry reached through the object's preposition gives the predicate:

* "The EU imposed sanctions on Belarus": the noun "sanctions" is carried by the light verb
  "imposed" (link ``light``: the EU) and reaches Belarus through "on" (link ``oblique``):
  construction ``noun-light``, predicate ``sanctioned``;
* "Turkey blocked Sweden's bid": the verb links Turkey (``subject``) and Sweden (``owner`` of its
  object): ``svo-owner``, ``rejected``;
* "Rollei, based in Braunschweig": ``passive-place``, ``basedIn``.

Paths are short and only sentences that name an actor are read; nothing is parsed again.
"""
from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from .. import gazetteer, lexicon, vocab
from ..records import COUNTRY, ORGANIZATION, PERSON, PLACE
from . import events, grammar
from .constructions import Construction, for_trigger
from .context import ArticleContext, End, Found, is_demonym_modifier
from .events import EventEntry
from .modifiers import STATE_BODY_WORDS
from .paths import Reached, Walker, paths_by_link

#: The key a link's preposition is looked up by in the event vocabulary.
DIRECT_LINKS = frozenset({"object"})
#: The labels that the structure paths leave an actor's head by (besides "up from a subject").
STRUCTURE_DEPS = frozenset({"prep", "appos", "npadvmod", "conj", "poss", "compound"})
#: Links by which an actor's structure path may leave it upward ("the AP bureau in Beirut").
STRUCTURE_UP_DEPS = frozenset({"compound", "poss", "pobj", "dobj", "conj"})
#: Structure links through a preposition the parser hung on the word before the actor ("found near
#: Haifa in northern Israel"): they hold only where the preposition follows the actor's name.
BESIDE_LINKS = frozenset({"beside", "objectin"})
#: How an adjective of the event vocabulary hangs on its clause: after a copula or beside its noun.
ADJECTIVE_DEPS = frozenset({"acomp", "amod"})
#: Prepositions on an event's verb or noun that say where it took place ("met in Gaza", "talks at Camp David").
EVENT_PLACE_PREPS = ("in", "at")
#: Nouns for what an actor proposes or decides ("a Security Council resolution"): relations_propositions.txt.
PROPOSITION_NOUNS = lexicon.words("relations_propositions.txt")


@dataclass(frozen=True, slots=True)
class LinkedEnd:
    """An actor a path reached: the actor, the token that names it and the preposition passed."""

    end: End
    token: Token
    prep: str


def _asks_a_question(verb: Token) -> bool:
    """"asked X whether it would sell": a question put to X, no act on it."""
    return any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c.children)
               for c in verb.children)


def links_between(noun: Token) -> bool:
    """Whether an event noun names its parties with "between" ("the merger between A and B")."""
    return any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in noun.children)


@functools.cache
def structure_table() -> tuple[tuple[str, frozenset[str], frozenset[str], str], ...]:
    """(link, subject types, object types, predicate) rows of relations_structure.tsv."""
    return tuple((link, frozenset(lexicon.values(s)), frozenset(lexicon.values(o)), predicate)
                 for link, s, o, predicate in lexicon.rows("relations_structure.tsv"))


@functools.cache
def structure_rows(link: str, subject_type: str) -> tuple[tuple[frozenset[str], str], ...]:
    """(object types, predicate) of the structure rows for one link and subject type."""
    return tuple((objects, predicate) for row_link, subjects, objects, predicate in structure_table()
                 if row_link == link and subject_type in subjects)


#: Nouns that count the actor of their "of" phrase ("thousands of students", "dozens of soldiers").
COUNT_NOUNS = frozenset({"thousand", "hundred", "dozen", "score", "million", "ten"})


class Core:
    """The core's view of one sentence: its actors and the walker over its parse."""

    def __init__(self, ctx: ArticleContext, tokens: Sequence[Token] = ()):
        self.ctx = ctx
        self.walker = Walker(tokens, {"thing": self._is_thing, "part": ctx.is_part_noun, "seat": ctx.is_seat_noun,
                              "nogroup": lambda t: ctx.table.token_actor.get(t.i) not in ctx.groups,
                              "noactor": lambda t: ctx.named(t) is None,
                              "partobject": lambda t: any(ctx.is_part_noun(c) for c in grammar.children(t, "dobj")),
                              "proposition": lambda t: t.lemma_.lower() in PROPOSITION_NOUNS and ctx.named(t) is None,
                              "carrier": lambda t: events.carrier(t) in ("light", "stop"),
                              "receiver": lambda t: events.carrier(t) == "receive",
                              "guilt": lambda t: events.carrier(t) == "guilt"})

    def _is_thing(self, token: Token) -> bool:
        """A noun that names no actor and stands for none (a bid, a resolution, a plan)."""
        return (token.pos_ in ("NOUN", "PROPN") and self.ctx.named(token) is None
                and not self.ctx.is_carrier_noun(token))

    # -- ends ------------------------------------------------------------------------------

    def resolve(self, token: Token) -> End | None:
        """The actor a reached token stands for: named, a pronoun, a description, or an owner."""
        if token.dep_ in ("amod", "compound", "nmod", "poss") and (end := self.ctx.named(token)) is not None:
            return end  # "Russian troops": the demonym modifier names the country
        end = self.ctx.phrase(token) or self.ctx.holder(token)
        if end is not None:
            return end
        if token.lemma_.lower() in COUNT_NOUNS:
            for _, obj in grammar.prep_objects(token, "of"):
                if (end := self.ctx.named(obj)) is not None:
                    return end  # "Thousands of Serbian students protested": the students did
        if token.dep_ == "appos" and (head := self.ctx.named(token.head)) is not None:
            return head  # "Peter Mwangi, an economist based in Nairobi": the economist is Mwangi
        return None

    def ends(self, trigger: Token, kind: str, link: str) -> list[LinkedEnd]:
        """The actors reached from ``trigger`` by every path of ``link``, coordinated ones included."""
        found: list[LinkedEnd] = []
        for path in paths_by_link(kind, link):
            for reached in self.walker.walk(trigger, path):
                found.extend(self._coordinated(reached))
        return found

    def _coordinated(self, reached: Reached) -> Iterator[LinkedEnd]:
        token = reached.token
        heads = grammar.subject_conjuncts(token, reached.via) if reached.via.dep_ == "relcl" else \
            list(grammar.conjuncts(token))
        # "X, along with Y, ...", "met three ministers, X, Y and Z"
        heads += [c for h in heads for c in (*grammar.companions(h), *grammar.listed(h))]
        for conj in heads:
            end = self.resolve(conj)
            if end is not None:
                yield LinkedEnd(end, conj, reached.prep)

    # -- triggers --------------------------------------------------------------------------

    def relations(self, sent: Sequence[Token]) -> Iterator[Found]:
        token_actor = self.ctx.table.token_actor
        for n, token in enumerate(sent):
            if token.i in token_actor:
                if self.ctx.named(token) is None or not self._is_mention_head(token):
                    continue  # a word of a name ("Stop the War Coalition") is no trigger
                yield from self._structure(token)
                if token_actor[token.i] in self.ctx.groups and token.pos_ == "NOUN" \
                        and events.may_trigger(token) and (found := events.entries(token, "noun")):
                    yield from self._event(token, "noun", found)  # "Russian troops poured into Georgia"
                continue
            pos = token.pos_
            if token.dep_ in ADJECTIVE_DEPS and events.may_trigger(token) and (found := events.entries(token, "adj")):
                yield from self._placed(token, "verb", list(self._event(token, "verb", found)))
                continue  # "X was critical of Y", "a party loyal to Y": the adjective reads as a verb
            if pos == "AUX" and token.dep_ not in ("aux", "auxpass"):
                pos = "VERB"  # a clause's own "be": "X is from Denver" (relations_events.tsv "be ... from")
            if pos not in ("VERB", "NOUN") or not events.may_trigger(token):
                continue
            if n + 1 < len(sent) and sent[n + 1].text in ("-", "–"):
                continue  # "Russian-led", "state-funded": modifiers.py reads hyphenated compounds
            if pos == "VERB" and not _asks_a_question(token) and (found := events.entries(token, "verb")):
                yield from self._placed(token, "verb", list(self._event(token, "verb", found)))
            elif pos == "NOUN" and (found := events.entries(token, "noun")):
                yield from self._placed(token, "noun", list(self._event(token, "noun", found)))

    def _placed(self, trigger: Token, kind: str, found: list[Found]) -> Iterator[Found]:
        """The event's relations, and where the event took place for the persons and organizations
        it joins: "Arafat met Peres in Gaza" -> both presentIn Gaza (construction ``event-place``);
        for an event one side does to the other, only the doer ("X attacked Y in Z": Y may be elsewhere)."""
        yield from found
        if not found:
            return
        words = [trigger]
        if kind == "noun" and (verb := self._mode(trigger, kind)[1]) is not None:
            words.append(verb)  # "held talks in Geneva"
        ends = {e.key for f in found for e in (f.subject, f.object)}
        places = []
        for word in words:
            for prep, obj in grammar.prep_objects(word, *EVENT_PLACE_PREPS):
                for conj in grammar.conjuncts(obj):
                    end = self.ctx.named(conj)
                    if end is not None and not end.weak and end.key not in ends and \
                            self.ctx.type_of(end) in (PLACE, COUNTRY) and not self._is_outlet(end):
                        places.append((prep, end))
        done = set()
        for f in found:
            info = vocab.predicate_info(f.predicate)
            both = info.symmetric or info.event_type == "CONSULT"  # "X criticized Y in Z" puts only X there
            for end in ((f.subject, f.object) if both else (f.subject,)):
                if end.weak or self.ctx.type_of(end) not in (PERSON, ORGANIZATION):
                    continue
                for prep, place in places:
                    if (end.key, place.key) not in done:
                        done.add((end.key, place.key))
                        yield Found(end, "presentIn", place, "event-place", trigger)

    def _is_mention_head(self, token: Token) -> bool:
        key = self.ctx.table.token_actor.get(token.i)
        head = self.walker.heads.get(token.i)
        return head is None or self.ctx.table.token_actor.get(head.i) != key

    def _event(self, trigger: Token, kind: str, candidates: tuple[EventEntry, ...]) -> Iterator[Found]:
        mode, _ = self._mode(trigger, kind)
        agentive = kind == "noun" and all(e.agentive for e in candidates)
        usable = [c for c in for_trigger(kind) if self._applies(c, mode, agentive)]
        links: dict[str, list[LinkedEnd]] = {}

        def reach(link: str) -> list[LinkedEnd]:
            if link not in links:
                links[link] = self.ends(trigger, kind, link)
            return links[link]

        paired = False
        for construction in usable:
            if construction.subject_links == construction.object_links:
                continue  # reciprocal: below, when nothing else was found
            subjects = [e for link in construction.subject_links for e in reach(link)]
            if not subjects:
                continue
            objects = [(e, link) for link in construction.object_links for e in reach(link)]
            for subject in subjects:
                for obj, object_link in objects:
                    found = self._found(trigger, kind, candidates, construction, subject, obj, object_link)
                    if found is not None:
                        paired = True
                        yield found
        if not paired:
            for construction in usable:
                if construction.subject_links == construction.object_links:
                    for link in construction.subject_links:
                        reach(link)
            yield from self._reciprocal(trigger, kind, candidates, links, usable)

    @staticmethod
    def _applies(construction: Construction, mode: str, agentive: bool) -> bool:
        """Which noun constructions fit the noun: one naming its doer ("critic") takes only the holder;
        one received ("won the backing of") only the giver and receiver."""
        if agentive:
            return construction.name == "noun-holder"
        if construction.name == "noun-holder":
            return False
        return (construction.name == "noun-received") == (mode == "receive") or construction.trigger != "noun"

    def _mode(self, trigger: Token, kind: str) -> tuple[str, Token | None]:
        """For a noun: "stop" under a verb that ends it ("cut aid"), "receive" under one whose subject
        receives it ("won the backing of"), "light" under a light verb, else ""."""
        if kind != "noun":
            return "", None
        for clause in grammar.children(trigger, "relcl"):
            if (mode := events.carrier(clause)) and self.walker.meets(clause, ("gap",)):
                return mode, clause  # "the deal, which Kenya signed with Uganda"
        if trigger.dep_ not in ("dobj", "nsubjpass", "pobj"):
            return "", None
        verb = trigger.head if trigger.dep_ != "pobj" else trigger.head.head
        return events.carrier(verb), verb

    def _found(self, trigger: Token, kind: str, candidates: tuple[EventEntry, ...], construction: Construction,
               subject: LinkedEnd, obj: LinkedEnd, object_link: str) -> Found | None:
        if subject.end.key == obj.end.key or subject.token.i == obj.token.i:
            return None
        if _coordinated(subject.token, obj.token):
            return None  # "sales of its marques A, B and C": members of one list act on none of the others
        if object_link == "owner" and obj.end.weak:
            return None  # "welcomed his return": an owner through a pronoun is too often another's
        if construction.name == "noun-possessor" and links_between(trigger):
            return None  # "Spain's biggest bank merger, between A and B": the possessor is no party
        key = self._prep_key(kind, construction, obj, object_link)
        mode, verb = self._mode(trigger, kind) if object_link != "behest" else ("", None)
        if construction.name == "noun-received":
            candidates = tuple(e for e in candidates if not e.agentive)
            key = next(iter(candidates[0].preps)) if candidates else key
            mode = ""
        if construction.name == "noun-holder" and object_link in ("poss", "modifier"):
            if object_link == "modifier" and (obj.token.dep_ == "amod" or is_demonym_modifier(obj.token)
                                             or self.ctx.type_of(obj.end) in (COUNTRY, PLACE)):
                return None  # "Dutch rival X", "its US rival X": X's nationality, not whom X rivals
            key = "of"
        if mode == "stop" and key not in ("of", "between"):
            key = key if any(key in e.preps for e in candidates) else "to"
        entry = events.choose(candidates, key, self.ctx.type_of(subject.end), self.ctx.type_of(obj.end),
                              verb.lemma_.lower() if mode and verb is not None else "")
        if entry is None and mode == "stop" and obj.prep == "from":
            entry = next((e for e in candidates if e.stopped), None)
        if entry is None:
            return None
        predicate = entry.predicate
        if vocab.predicate_info(predicate).event_type == "CONSULT" and self._is_outlet(obj.end):
            return None  # "spoke to the BBC" is attribution's, not a meeting
        if mode == "stop":
            if not entry.stopped:
                return None
            predicate = entry.stopped
        first, second = (obj, subject) if entry.inverse else (subject, obj)
        if object_link == "behest":
            label = f"{trigger.head.lower_} the {trigger.lower_} of"  # "at the invitation of"
        else:
            label = self._label(trigger, kind, verb if mode and mode != "guilt" else None,
                                obj.prep if object_link not in ("object", "poss") else "", entry.trigger)
        return Found(first.end, predicate, second.end, construction.name, trigger, label)

    def _is_outlet(self, end: End) -> bool:
        return end.key in self.ctx.outlets or self.ctx.subtypes.get(end.key) == "NewsMediaOrganization"

    def _prep_key(self, kind: str, construction: Construction, obj: LinkedEnd, object_link: str) -> str:
        if kind == "verb":
            if construction.name == "passive-place":
                return f"pass:{obj.prep}"
            if object_link in DIRECT_LINKS:
                return "-"
            if object_link == "dative":
                return "to"
            if object_link == "owner":
                return "'s"
            if object_link == "part":
                return f"%{obj.prep}"
            if object_link == "clause":
                return "that"
            return obj.prep
        if object_link == "of":
            return "of"
        if object_link == "between":
            return "between"
        if object_link == "behest":
            return "to"  # "X came at the invitation of Y": Y's invitation went to X
        if object_link == "poss":
            return "'s"  # "was convicted of Kennedy's murder": the possessor is the one acted on
        if object_link == "modifier":
            return "*"  # "Israel's Gaza offensive": the modifier is the one acted on, whatever its preposition
        return obj.prep

    def _reciprocal(self, trigger: Token, kind: str, candidates: tuple[EventEntry, ...],
                    links: dict[str, list[LinkedEnd]], usable: list[Construction]) -> Iterator[Found]:
        """"Chile and Peru agreed", "Kenya and Uganda held talks": coordinated subjects of a symmetric event."""
        for construction in usable:
            if construction.subject_links != construction.object_links:
                continue
            ends = [e for link in construction.subject_links for e in links.get(link, ())
                    if not self._is_outlet(e.end)]  # "(Reuters) - Kenya and Ethiopia agreed": the wire is no party
            distinct = list({e.end.key: e for e in ends}.values())
            if len(distinct) < 2:
                continue
            mode, verb = self._mode(trigger, kind)
            if mode in ("stop", "guilt"):
                continue
            carried_by = verb.lemma_.lower() if mode and verb is not None else ""
            entry = next((e for e in candidates if vocab.predicate_info(e.predicate).symmetric
                          and ({"with", "between"} & e.preps) and (e.mutual or kind == "noun")
                          and (not e.carriers or carried_by in e.carriers)), None)
            if entry is None:
                continue
            prep = "between" if "between" in construction.subject_links else "with"
            label = self._label(trigger, kind, verb if mode else None, prep, entry.trigger)
            for i, first in enumerate(distinct):
                for second in distinct[i + 1:]:
                    yield Found(first.end, entry.predicate, second.end, construction.name, trigger, label)

    @staticmethod
    def _label(trigger: Token, kind: str, verb: Token | None, prep: str, key: str = "") -> str:
        """The surface phrase: "imposed sanctions on", "assassinated", "pulled out of", "talks with"."""
        if kind == "verb":
            first = trigger.lower_ if trigger.tag_ in ("VBN", "JJ") else grammar.past_form(trigger)
            words = [first, *key.split()[1:]]
        elif verb is not None:
            words = [grammar.past_form(verb), trigger.lower_]
        else:
            words = [trigger.lower_]
        if prep and prep not in words:
            words.append(prep)
        return " ".join(words)

    # -- structure between two actors ----------------------------------------------------------

    def _structure(self, head: Token) -> Iterator[Found]:
        own = self.ctx.named(head)
        if own is None or own.weak:
            return
        yield from self._named_for_a_country(head, own)
        if head.dep_ not in STRUCTURE_UP_DEPS and head.dep_ != "nsubj" and \
                not any(c.dep_ in STRUCTURE_DEPS for c in self.walker.children(head)):
            return  # no path of the structure grammar starts here
        own_type = self.ctx.type_of(own)
        group = own.key in self.ctx.groups
        for construction in for_trigger("actor"):
            for link in construction.object_links:
                if group and link != "in":
                    continue  # "the companies of Venezuela, Brazil and Bolivia": the actor stage anchors a group
                rows = structure_rows(link, own_type)
                if not rows:
                    continue
                for other in self.ends(head, "actor", link):
                    if other.end.key == own.key or self.ctx.table.token_actor.get(other.token.i) is None and \
                            other.end.weak and not self.ctx.holder(other.token):
                        continue  # a pronoun or a guess from context states no structure
                    if link in BESIDE_LINKS and not self._right_after(head, own, other.token):
                        continue  # "in New York" after "Dutchess County", not after "New Jersey and"
                    if link == "shared" and other.token.i < head.i:
                        continue  # "Paris, France, and Lyon": France is no state of Lyon's
                    other_type = self.ctx.type_of(other.end)
                    predicate = next((p for objects, p in rows if other_type in objects), None)
                    if predicate is None:
                        continue
                    if construction.name == "actor-possessor":
                        predicate = self._possessed(predicate, other)
                        if predicate is None:
                            continue
                    if predicate.startswith("~"):
                        yield Found(other.end, predicate[1:], own, construction.name, None)
                    else:
                        yield Found(own, predicate, other.end, construction.name, None)

    def _right_after(self, head: Token, own: End, place: Token) -> bool:
        """Whether the preposition leading to ``place`` comes right after the words naming ``own``
        ("a cave near Haifa in northern Israel"), where the parser hung it on the word before."""
        end = head.i
        while self.ctx.table.token_actor.get(end + 1) == own.key:
            end += 1
        prep = place
        while prep.dep_ == "conj" and prep.head.i != prep.i:
            prep = prep.head
        if end + 1 < len(head.doc) and head.doc[end + 1].text == ",":
            end += 1  # "the Palace of Fine Arts, in San Francisco"
        return prep.head.i == end + 1 and prep.head.dep_ == "prep"

    def _possessed(self, predicate: str, owner: LinkedEnd) -> str | None:
        """The predicate "<owner>'s <actor>" states: a party's person is its member ("Labour's X"); a
        place of no known kind owns no one ("Acme's X" with Acme read as a place is the firm's man)."""
        subtype = self.ctx.subtypes.get(owner.end.key)
        if self.ctx.type_of(owner.end) == PLACE and not subtype:
            return None
        if predicate == "worksFor" and subtype == "PoliticalParty":
            return "memberOf"
        return predicate

    def _named_for_a_country(self, head: Token, own: End) -> Iterator[Found]:
        """An organization whose name starts with a country it belongs to, the country named in the
        sentence too: "the Chinese Government ... China" -> partOf, "Swiss Re ... Switzerland" -> basedIn."""
        if self.ctx.type_of(own) != ORGANIZATION:
            return
        first = head.left_edge
        while first.i < head.i and self.ctx.table.token_actor.get(first.i) != own.key:
            first = self.walker.by_index.get(first.i + 1, head)
        if first.i == head.i or not first.text[:1].isupper():
            return
        country = gazetteer.country(first.text) or gazetteer.demonym(first.text)
        label = getattr(country, "label", None) or getattr(country, "country", None)
        other = next((key for i, key in self.ctx.table.token_actor.items()
                      if key != own.key and self.ctx.labels.get(key) == label and i in self.walker.by_index
                      and i not in self.ctx.table.pronoun_tokens), None)
        if other is None:
            return
        state_body = bool(self.ctx.words_of(own) & STATE_BODY_WORDS)
        yield Found(own, "partOf" if state_body else "basedIn", End(other), "actor-name", None)


def _list_head(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _coordinated(first: Token, second: Token) -> bool:
    """Whether two tokens are members of one coordination ("A, B and C")."""
    return _list_head(first).i == _list_head(second).i


def find(sent: Sequence[Token], ctx: ArticleContext) -> Iterator[Found]:
    """Every relation the core finds in ``sent``, if it can name two actors."""
    if _can_name_two_actors(sent, ctx):
        yield from Core(ctx, sent).relations(sent)


def _can_name_two_actors(sent: Sequence[Token], ctx: ArticleContext) -> bool:
    """Two actors named in the sentence, or one and a noun or pronoun that may stand for another
    ("the company", "Russian troops", "its")."""
    keys = {ctx.table.token_actor[t.i] for t in sent if t.i in ctx.table.token_actor}
    if len(keys) >= 2:
        return True
    return bool(keys) and any(ctx.may_stand_for_an_actor(t) for t in sent if t.i not in ctx.table.token_actor)


#: Predicates that place their subject somewhere, and so follow where that place is.
PLACING = frozenset({"basedIn", "locatedIn", "livesIn", "bornIn"})


def place_chains(found: Sequence[Found]) -> Iterator[Found]:
    """Where a sentence places an actor, in the larger place it places that place:
    "David Cicippio, from North Wales, Pa." -> livesIn North Wales, and livesIn Pa."""
    within = {}
    for f in found:
        if f.predicate == "locatedIn" and not f.object.weak:
            within.setdefault(f.subject.key, []).append(f.object)
    for f in found:
        if f.predicate in PLACING:
            for larger in within.get(f.object.key, ()):
                if larger.key != f.subject.key:
                    yield Found(f.subject, f.predicate, larger, "place-chain", f.anchor, f.label)
