"""Clauses: a verb with an actor as subject and an actor as object.

* active verbs, with particles and through xcomp chains: "Lula had to call in
  German troops" -> calledIn (the object's demonym stands for its country);
* prepositional objects of acts: "met with", "fought against", "appealed to";
* passives with an agent turned active: "Lula was replaced by Temer" -> Temer replaced Lula,
  in relative and reduced clauses too ("Lula, who was replaced by Temer", "the party, led by Lula");
* agent phrases: "troops were sent at the invitation of X" -> X invited the sender
  (the agent, the troops' demonym, or the country last seen moving troops);
* troop movements: "Chile sent troops to Peru" -> sentTroopsTo, "Chilean troops
  massed on Peru's border" -> troopsMassedOn;
* answers to a request: "Lula answered Boric's call" -> answered Boric;
* reciprocal verbs with coordinated subjects: "Chile and Peru agreed to ..." -> agreedWith.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from ..records import COUNTRY, ORGANIZATION, PLACE
from . import grammar
from .context import MILITARY_NOUNS, NAME_MODIFIERS, ArticleContext, End, Found
from .nominal import ACTS

#: Verbs whose object is not acted on: being, having, perceiving, thinking, saying, naming.
NON_EVENT_VERBS = frozenset({
    "be", "have", "become", "remain", "seem", "include", "see", "watch", "hear", "say", "tell", "add",
    "write", "report", "know", "think", "believe", "mention", "name", "make", "use", "get",
    "remind", "consider", "describe", "represent", "cite", "quote", "thank", "like", "want", "need",
    "follow", "find", "show", "read", "reveal", "compare", "mean", "let", "expect", "tweet", "post",
    "note", "claim", "explain", "argue", "warn", "ask", "do", "give", "take", "put", "keep", "leave",
    "turn", "come", "go", "bring", "mark", "cover", "hit", "prompt", "cause", "allow", "feature",
    "involve", "concern", "affect", "rank", "list", "put", "identify", "contain", "face", "lose",
    "echo", "label", "publish", "interview", "deem", "dub", "term", "brand",
})
#: Verbs of that list whose passive with an agent is an act: "was wanted by two clubs".
PASSIVE_EVENT_VERBS = frozenset({"want", "name"})
#: Verbs of that list that are an act when they carry the preposition, and the act's predicate:
#: "asked Congress for $2 billion" -> requestedFrom Congress.
PREP_EVENT_VERBS = {("ask", "for"): "requestedFrom"}
#: Prepositions that, after a particle, lead to the one acted on: "spun off from", "pulled out of".
PARTICLE_PREPS = frozenset({"from", "of"})
#: Verbs whose "to"-infinitive states the deal rather than the act: "agreed to buy X" -> agreedToBuy.
#: (Verbs of wishing or refusing are left out: their clause is hypothetical, said with the plain verb.)
INTENT_VERBS = frozenset({"agree", "decide", "offer", "try", "attempt", "move", "vow", "promise", "pledge",
                          "prepare", "bid"})
#: Verb + preposition pairs where the preposition is a particle: "called in German troops".
PHRASAL_VERBS = frozenset({
    ("call", "in"), ("bring", "in"), ("send", "in"), ("move", "in"), ("prop", "up"), ("put", "down"),
    ("take", "over"), ("hand", "over"), ("kick", "out"), ("throw", "out"), ("shut", "down"),
    ("crack", "down"), ("call", "on"), ("call", "upon"), ("back", "up"), ("pull", "out"), ("reach", "out"),
    ("lash", "out"), ("stand", "by"), ("turn", "on"),
})
#: Prepositions whose object almost any verb acts on ("met with", "fought against").
EVENT_PREPS = frozenset({"with", "against"})
#: Verb + preposition pairs that state an act on the prepositional object.
VERB_PREPS = frozenset({
    ("appeal", "to"), ("turn", "to"), ("talk", "to"), ("speak", "to"), ("intervene", "in"),
    ("withdraw", "from"), ("retreat", "from"), ("expand", "into"), ("move", "into"), ("march", "into"),
    ("apologize", "to"), ("apologise", "to"), ("side", "with"), ("defect", "to"), ("travel", "to"),
    ("fly", "to"), ("sell", "to"), ("lose", "to"), ("surrender", "to"), ("cede", "to"),
    ("pivot", "to"), ("lean", "on"), ("rely", "on"), ("depend", "on"), ("call", "on"), ("call", "for"),
    ("pull", "out"), ("break", "with"), ("rebel", "against"), ("vote", "for"),
    ("campaign", "against"),
})
#: Predicates for verbs whose relation holds both ways round ("Lula met Milei" = met with).
SYMMETRIC_VERBS = {"meet": "metWith", "fight": "foughtWith", "clash": "clashedWith", "talk": "talkedWith",
                   "negotiate": "negotiatedWith", "ally": "alliedWith", "trade": "tradedWith",
                   "agree": "agreedWith"}
#: Symmetric verbs whose coordinated subjects act on each other when no object is named
#: ("Chile and Peru agreed to ...", "the two leaders met"): "A and B met" = A met with B.
RECIPROCAL_VERBS = frozenset({"meet", "fight", "clash", "talk", "negotiate", "ally", "agree"})
#: Speech and reporting verbs: attribution's business, never an event between speaker and object.
SPEECH_VERBS = frozenset({"say", "tell", "write", "tweet", "report", "add", "note", "argue", "claim", "warn",
                          "explain", "state", "comment", "insist", "post"})
#: Verbs by which troops move, for troop subjects ("Chilean troops arrived in Peru").
TROOP_VERBS = frozenset({"arrive", "mass", "amass", "gather", "enter", "land", "cross", "move", "advance",
                         "deploy", "pour", "push", "roll", "withdraw", "retreat", "station", "base",
                         "send", "dispatch", "fly", "march", "invade", "remain", "stay", "concentrate",
                         "build", "muster", "position", "assemble"})
#: Prepositions that name where troops go or stand.
TROOP_PREPS = frozenset({"to", "into", "in", "on", "near", "along", "inside", "at", "from", "across", "toward",
                         "towards"})
#: Nouns for a country's edge or ground: "on Peru's border" -> Peru.
BORDER_NOUNS = frozenset({"border", "borders", "frontier", "territory", "soil", "capital", "airspace",
                          "waters", "coast", "outskirts", "doorstep", "side"})
#: "at the <noun> of X": the act X did to the clause's agent ("at the invitation of").
AGENCY_NOUNS = {"invitation": "invited", "request": "asked", "behest": "urged", "urging": "urged",
                "order": "ordered", "orders": "ordered", "call": "invited", "plea": "invited"}
#: Request nouns whose possessor is answered: "answered Boric's call".
REQUEST_NOUNS = frozenset({"call", "request", "plea", "appeal", "demand", "invitation", "offer", "proposal",
                           "bid", "cry", "ultimatum"})
#: Verbs that answer a request.
RESPONSE_VERBS = frozenset({"answer", "heed", "reject", "accept", "ignore", "rebuff", "welcome", "grant",
                            "refuse", "decline", "deny", "back", "support", "endorse", "spurn", "respond"})


def _particles(verb: Token) -> list[Token]:
    """The verb's particles, including a bare preposition the parser attached ("call in")."""
    found = [c for c in verb.children if c.dep_ == "prt"]
    for child in verb.children:
        if child.dep_ == "prep" and (verb.lemma_, child.lower_) in PHRASAL_VERBS and child.i == verb.i + 1:
            found.append(child)
        elif child.dep_ == "prep" and child.tag_ == "RP" and not grammar.children(child, "pobj"):
            found.append(child)
    return found


def _intent_governor(verb: Token) -> Token | None:
    """The verb of intent a "to"-infinitive hangs on ("agreed" in "agreed to buy"), if any."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    return head if head.pos_ == "VERB" and head.lemma_ in INTENT_VERBS else None


def _predicate(verb: Token, particles: list[Token], prep: str = "", noun: str = "") -> tuple[str, str]:
    """(predicate, label): "calledIn" / "called in"."""
    symmetric = SYMMETRIC_VERBS.get(verb.lemma_)
    if symmetric and not noun and _intent_governor(verb) is None:
        return symmetric, grammar.uncamel(symmetric)
    words = [grammar.past_form(verb), *(p.lower_ for p in particles)]
    governor = _intent_governor(verb)
    if governor is not None:
        words = [grammar.past_form(governor), "to", verb.lower_ if verb.tag_ == "VB" else verb.lemma_,
                 *(p.lower_ for p in particles)]
    if noun:
        words.append(noun)
    if prep and prep not in words:
        words.append(prep)
    return grammar.camel(words), " ".join(words)


def _place(ctx: ArticleContext, token: Token) -> End | None:
    """The place a prepositional object names: the actor, or whose border it is."""
    end = ctx.phrase(token, behind=False)
    if end is not None:
        return end
    if token.lemma_.lower() in BORDER_NOUNS or token.lower_ in BORDER_NOUNS:
        return ctx.modifier_actor(token, (COUNTRY, PLACE, ORGANIZATION))
    return None


def _is_military(token: Token) -> bool:
    return token.lemma_.lower() in MILITARY_NOUNS or token.lower_ in MILITARY_NOUNS


def _subjects(ctx: ArticleContext, verb: Token) -> list[End]:
    subject = grammar.clause_subject(verb)
    if subject is None:
        return []
    return [end for conj in grammar.subject_conjuncts(subject, verb) if (end := ctx.phrase(conj)) is not None]


def _direct_objects(ctx: ArticleContext, verb: Token, particles: list[Token]) -> Iterator[tuple[Token, End]]:
    objects = grammar.children(verb, "dobj")
    for particle in particles:
        objects += grammar.children(particle, "pobj")
    for obj in objects:
        for conj in grammar.conjuncts(obj):
            end = ctx.phrase(conj)
            if end is not None:
                yield conj, end


def _troop_movements(ctx: ArticleContext, verb: Token, subjects: list[End]) -> Iterator[Found]:
    """"sent troops to Peru", "Chilean troops massed on Peru's border", "troops were sent to Peru"."""
    objects = grammar.children(verb, "dobj")
    military_object = next((o for o in objects if _is_military(o)), None)
    passive_subject = next((s for s in grammar.children(verb, "nsubjpass") if _is_military(s)), None)
    subject_token = grammar.clause_subject(verb)
    agents, noun = subjects, "troops"
    if military_object is not None:
        pass
    elif passive_subject is not None:
        agents = [e for _, e in _by_agents(ctx, verb)] or [e for e in [ctx.behind(passive_subject)] if e]
    elif subject_token is not None and _is_military(subject_token) and verb.lemma_ in TROOP_VERBS:
        agents = [e for e in [ctx.behind(subject_token)] if e]
        noun = ""
    else:
        return
    for agent in agents:
        ctx.note_military(verb, agent)
    places = [(p, o) for p, o in grammar.prep_objects(verb, *TROOP_PREPS)]
    if military_object is not None:
        places += list(grammar.prep_objects(military_object, *TROOP_PREPS))
    for prep, obj in places:
        for conj in grammar.conjuncts(obj):
            place = _place(ctx, conj)
            if place is None:
                continue
            for agent in agents:
                if noun:
                    predicate, label = _predicate(verb, [], prep, noun)
                else:
                    predicate = grammar.camel(["troops", grammar.past_form(verb), prep])
                    label = f"troops {grammar.past_form(verb)} {prep}"
                yield Found(agent, predicate, place, "troop-movement", verb, label)


def _by_agents(ctx: ArticleContext, verb: Token) -> Iterator[tuple[Token, End]]:
    for agent in grammar.children(verb, "agent"):
        for obj in grammar.children(agent, "pobj"):
            for conj in grammar.conjuncts(obj):
                if (end := ctx.phrase(conj)) is not None:
                    yield conj, end


def _agency_phrases(ctx: ArticleContext, verb: Token, subjects: list[End]) -> Iterator[Found]:
    """"sent at the invitation of X": X invited whoever did the sending."""
    for prep, noun in grammar.prep_objects(verb, "at", "on", "upon"):
        predicate = AGENCY_NOUNS.get(noun.lemma_.lower())
        if predicate is None:
            continue
        askers = [e for _, o in grammar.prep_objects(noun, "of") for c in grammar.conjuncts(o)
                  if (e := ctx.phrase(c, behind=False)) is not None]
        poss = [e for c in grammar.children(noun, "poss") if (e := ctx.phrase(c, behind=False)) is not None]
        askers += poss
        if not askers:
            continue
        doers = [e for _, e in _by_agents(ctx, verb)] or ([] if grammar.is_passive(verb) else subjects)
        if not doers:
            patients = grammar.children(verb, "nsubjpass", "dobj")
            doers = [e for p in patients if (e := ctx.behind(p)) is not None]
            if not doers and (verb.lemma_ in TROOP_VERBS or any(_is_military(p) for p in patients)):
                doers = [e for e in [ctx.recent_military(verb)] if e]
        for asker in askers:
            for doer in doers:
                yield Found(asker, predicate, doer, "agency-phrase", verb)


def _relative_gap(ctx: ArticleContext, verb: Token) -> End | None:
    """The object of a relative clause that has none: "the man [Lula] replaced" -> the man."""
    if verb.dep_ != "relcl" or grammar.children(verb, "dobj", "ccomp", "xcomp"):
        return None
    subject = grammar.clause_subject(verb)
    if subject is None or subject.i == verb.head.i or subject.tag_ in ("WP", "WDT"):
        return None
    if any(c.dep_ == "prep" and not grammar.children(c, "pobj") for c in verb.children):
        return None  # "the city he fled from": the gap is a prepositional object
    return ctx.phrase(verb.head)


def _acts(ctx: ArticleContext, verb: Token, subjects: list[End]) -> Iterator[Found]:
    """Active and passive verbs with actor objects, direct or prepositional."""
    passive_act = verb.lemma_ in PASSIVE_EVENT_VERBS and grammar.is_passive(verb)
    prep_act = next((PREP_EVENT_VERBS[(verb.lemma_, c.lower_)] for c in verb.children
                     if c.dep_ == "prep" and (verb.lemma_, c.lower_) in PREP_EVENT_VERBS), "")
    if (verb.lemma_ in NON_EVENT_VERBS and not (passive_act or prep_act)) or verb.lemma_ in SPEECH_VERBS:
        return
    particles = _particles(verb)
    if grammar.is_passive(verb):
        patients = [e for s in grammar.passive_patients(verb) for c in grammar.subject_conjuncts(s, verb)
                    if (e := ctx.phrase(c)) is not None]
        predicate, label = _predicate(verb, particles)
        for _, agent in _by_agents(ctx, verb):
            for patient in patients:
                yield Found(agent, predicate, patient, "passive", verb, label)
        return
    if not subjects or grammar.children(verb, "oprd", "ccomp"):
        return  # "called Lula a traitor", "called Lula to say": no act on the object
    gap = _relative_gap(ctx, verb)
    if gap is not None:
        predicate, label = _predicate(verb, particles)
        for subject in subjects:
            yield Found(subject, predicate, gap, "svo", verb, label)
    for obj_token, obj in _direct_objects(ctx, verb, particles):
        if _is_military(obj_token) and verb.lemma_ in TROOP_VERBS and not particles:
            continue  # "sent Chilean troops": a troop movement, said with its destination
        predicate, label = _predicate(verb, particles)
        if prep_act:
            predicate, label = prep_act, grammar.uncamel(prep_act)
        for subject in subjects:
            yield Found(subject, predicate, obj, "svo", verb, label)
    for obj_token in grammar.children(verb, "dobj"):
        if obj_token.lemma_.lower() in REQUEST_NOUNS and verb.lemma_ in RESPONSE_VERBS and not ctx.named(obj_token):
            for poss in grammar.children(obj_token, "poss"):
                if (asker := ctx.phrase(poss, behind=False)) is not None:
                    predicate, label = _predicate(verb, particles)
                    for subject in subjects:
                        yield Found(subject, predicate, asker, "answered-request", verb, label)
    states_act = any(o.lemma_.lower() in ACTS for o in grammar.children(verb, "dobj"))
    for prep, obj_token in grammar.prep_objects(verb):
        if (prep not in EVENT_PREPS and (verb.lemma_, prep) not in VERB_PREPS
                and not (particles and prep in PARTICLE_PREPS)):
            continue
        if states_act:
            continue  # "signed a deal with X": the act noun states it (see nominal.py)
        if any(p.i == obj_token.head.i for p in particles):
            continue
        for conj in grammar.conjuncts(obj_token):
            obj = ctx.phrase(conj)
            if obj is None:
                continue
            predicate, label = _predicate(verb, particles, prep)
            for subject in subjects:
                yield Found(subject, predicate, obj, "svo-prep", verb, label)


def _reciprocal(ctx: ArticleContext, verb: Token, subjects: list[End]) -> Iterator[Found]:
    """"Chile and Peru agreed to reopen the border": coordinated subjects of a symmetric verb, each with each."""
    if verb.lemma_ not in RECIPROCAL_VERBS or len(subjects) < 2 or grammar.is_passive(verb):
        return
    if any(ctx.phrase(o) is not None for o in grammar.children(verb, "dobj")):
        return
    if any(prep in EVENT_PREPS and ctx.phrase(o) is not None for prep, o in grammar.prep_objects(verb)):
        return  # "A and B clashed with C": C is the other side
    predicate = SYMMETRIC_VERBS[verb.lemma_]
    distinct = list(dict.fromkeys(subjects))
    for i, first in enumerate(distinct):
        for second in distinct[i + 1:]:
            if first.key != second.key:
                yield Found(first, predicate, second, "reciprocal", verb, grammar.uncamel(predicate))


def find(sent: Sequence[Token], ctx: ArticleContext) -> Iterator[Found]:
    """Every clause relation stated in ``sent``."""
    for verb in sent:
        if (verb.pos_ != "VERB" or not verb.tag_.startswith("VB") or verb.lower_ in NAME_MODIFIERS
                or ctx.named(verb) is not None or (verb.i + 1 < len(verb.doc) and verb.nbor(1).text == "-")):
            continue  # "founding President X" is a title, "Stop the War Coalition" a name: no acts
        subjects = _subjects(ctx, verb)
        yield from _troop_movements(ctx, verb, subjects)
        yield from _agency_phrases(ctx, verb, subjects)
        yield from _acts(ctx, verb, subjects)
        yield from _reciprocal(ctx, verb, subjects)
