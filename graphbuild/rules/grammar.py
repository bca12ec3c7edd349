"""Dependency-walking helpers shared by the relation rules.

Pure functions over spaCy tokens: no actor knowledge here (that lives in
:mod:`graphbuild.rules.context`), only grammar: conjuncts, clause subjects,
prepositional objects, verb forms and the signs of a hypothetical statement.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from .. import lexicon

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
#: Clause links across which a verb shares its head's subject ("had to call", "and urging").
SUBJECT_SHARING_DEPS = frozenset({"xcomp", "conj", "pcomp", "advcl"})

#: Subordinators that make a clause a supposition or a question ("if Lima were to deploy").
HYPOTHETICAL_MARKS = frozenset({"if", "whether", "unless", "lest"})
#: Modals that leave an act undone or yet to come ("may replace", "would have been", "will visit").
HYPOTHETICAL_MODALS = frozenset({"may", "might", "could", "would", "should", "will", "shall", "'ll"})
#: Verbs whose complement is wished, planned, refused or denied, not done.
HYPOTHETICAL_GOVERNORS = frozenset({
    "want", "wish", "hope", "plan", "intend", "threaten", "consider", "refuse", "deny", "fail",
    "seek", "propose", "expect", "fear", "ask", "urge", "demand", "decline", "weigh", "mull", "aim",
    "try", "attempt", "offer", "vow", "pledge", "promise", "prepare",
    "tip", "recommend", "advocate",  # "the firm tipped to buy X", "recommended replacing X"
})
#: Verbs that clear someone of the act their "of" phrase names ("acquitted of murdering X").
CLEARING_VERBS = frozenset({"acquit", "clear", "exonerate", "absolve"})
#: Clause links climbed when looking for negation, modals and subordinators.
CLAUSE_CHAIN_DEPS = frozenset({"xcomp", "conj", "pcomp", "acl", "relcl", "advcl", "ccomp", "dobj", "pobj", "prep"})

#: Verbs reporting speech: a clause they govern is asserted by the report.
REPORTING_VERBS = lexicon.words("relations_speech_verbs.txt")

#: Past tenses that the regular rules get wrong.
IRREGULAR_PAST = {
    "send": "sent", "have": "had", "lead": "led", "meet": "met", "fight": "fought", "buy": "bought", "sell": "sold",
    "tell": "told", "give": "gave", "take": "took", "make": "made", "hold": "held", "win": "won",
    "beat": "beat", "bring": "brought", "seek": "sought", "strike": "struck", "hit": "hit",
    "put": "put", "set": "set", "shut": "shut", "quit": "quit", "spend": "spent", "lend": "lent",
    "build": "built", "begin": "began", "break": "broke", "choose": "chose", "draw": "drew",
    "drive": "drove", "fly": "flew", "forgive": "forgave", "freeze": "froze", "get": "got",
    "go": "went", "grow": "grew", "keep": "kept", "know": "knew", "leave": "left", "lose": "lost",
    "overtake": "overtook", "pay": "paid", "ride": "rode", "rise": "rose", "run": "ran", "say": "said",
    "see": "saw", "shake": "shook", "shoot": "shot", "speak": "spoke", "stand": "stood", "swear": "swore",
    "teach": "taught", "think": "thought", "throw": "threw", "undertake": "undertook", "withdraw": "withdrew",
    "write": "wrote", "oversee": "oversaw", "overthrow": "overthrew", "uphold": "upheld", "come": "came",
    "admit": "admitted", "commit": "committed", "submit": "submitted", "refer": "referred",
    "prefer": "preferred", "control": "controlled", "patrol": "patrolled", "compel": "compelled",
    "expel": "expelled", "propel": "propelled", "rebel": "rebelled", "regret": "regretted",
    "acquit": "acquitted", "outlaw": "outlawed", "summon": "summoned", "abandon": "abandoned",
    "visit": "visited", "threaten": "threatened", "open": "opened", "offer": "offered",
    "tear": "tore", "wear": "wore", "bear": "bore", "bind": "bound", "feed": "fed", "flee": "fled",
    "hang": "hung", "lay": "laid", "mislead": "misled", "ring": "rang", "sink": "sank", "steal": "stole",
    "sting": "stung", "strive": "strove", "swing": "swung", "wake": "woke", "weave": "wove",
}
#: Determiners that leave an act noun unasserted ("no agreement with X", "ruled out any deal with X").
NON_ASSERTIVE_DETS = frozenset({"no", "any"})
#: Verbs whose direct object is an act that is refused or denied, not done ("ruled out a deal").
REFUSING_VERBS = frozenset({"rule", "reject", "deny", "refuse", "oppose", "veto", "block", "exclude", "dismiss"})


def conjuncts(token: Token) -> Iterator[Token]:
    """The token and every token coordinated with it ("Lima and Quito")."""
    yield token
    for child in token.children:
        if child.dep_ == "conj":
            yield from conjuncts(child)


#: Comitative phrases that join a companion to a noun phrase's part in its clause: "X, along with
#: Y, criticized Z", "X, together with Y,", "X alongside Y": the word, and the preposition after it
#: ("" for one that takes its object itself).
COMPANION_PHRASES = {"along": "with", "together": "with", "alongside": ""}


def companions(token: Token) -> Iterator[Token]:
    """The nouns a comitative phrase on ``token`` names, with their conjuncts ("Hale, along with
    Rees and Cole, voted" -> Rees, Cole)."""
    for child in token.children:
        if child.dep_ != "prep":
            continue
        if child.lower_ in COMPANION_PHRASES:
            then = COMPANION_PHRASES[child.lower_]
            preps = [p for p in child.children if p.dep_ == "prep" and p.lower_ == then] if then else [child]
        else:  # "together with": the parser may hang "together" on "with"
            preps = [child] if any(a.dep_ == "advmod" and COMPANION_PHRASES.get(a.lower_) == child.lower_
                                   for a in child.children) else []
        for prep in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    yield from conjuncts(obj)


def listed(token: Token) -> Iterator[Token]:
    """The names a plural common noun lists in apposition, with their conjuncts ("three parties,
    the Greens, Labour and the Liberals" -> the Greens, Labour, the Liberals)."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS":
        return
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            yield from conjuncts(child)


def subject_conjuncts(subject: Token, verb: Token) -> list[Token]:
    """The coordinated subjects of ``verb``: a relative clause's antecedent only with the
    conjuncts written before the clause ("Egypt, which backs X, and Qatar" -> Egypt;
    "Egypt and Qatar, which back X" -> both)."""
    if verb.dep_ == "relcl" and subject.i == verb.head.i:
        return [c for c in conjuncts(subject) if c.i < verb.i]
    return list(conjuncts(subject))


def children(token: Token, *deps: str) -> list[Token]:
    """The token's children with one of the given dependency labels, in order."""
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, *preps: str) -> Iterator[tuple[str, Token]]:
    """(preposition, object) for each prepositional phrase on ``token`` (optionally only ``preps``)."""
    for prep in token.children:
        if prep.dep_ in ("prep", "agent", "dative") and (not preps or prep.lower_ in preps):
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    yield prep.lower_, obj


def is_passive(verb: Token) -> bool:
    """Whether ``verb`` heads a passive clause ("were sent"), reduced ones included ("X, led by Y,")."""
    return any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in verb.children) or is_reduced_passive(verb)


def is_reduced_passive(verb: Token) -> bool:
    """Whether ``verb`` is a participle with an agent modifying a noun or fronting a clause: "the army,
    led by X,", "Backed by X, the party won"."""
    return (verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBN" and verb.head.i != verb.i
            and any(c.dep_ == "agent" for c in verb.children))


def passive_patients(verb: Token) -> list[Token]:
    """The noun phrases a passive clause is about, a relative's antecedent for "who"/"which".

    "X was sacked by Y" -> X; "X, who was sacked by Y," -> X; "X, led by Y," -> X.
    """
    patients = []
    for subject in children(verb, "nsubjpass"):
        if subject.tag_ in ("WP", "WDT") or (subject.lower_ == "that" and verb.dep_ == "relcl"):
            if verb.dep_ == "relcl" and verb.head.i != verb.i:
                patients.append(verb.head)
        else:
            patients.append(subject)
    if not patients and is_reduced_passive(verb):
        patients.append(verb.head)
    return patients

def clause_subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject of ``verb``'s clause, climbing xcomp/conj/pcomp links ("had to call in").

    For an xcomp under a verb with a direct object, the object controls it
    ("urged Lula to resign" -> Lula).
    """
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        # Of two subjects (a heading glued to its sentence), the one nearest the verb.
        before = [c for c in subjects if c.i < verb.i]
        child = before[-1] if before else subjects[0]
        if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            return verb.head  # "the man who replaced X": the relative pronoun stands for the man
        return child
    if depth > 4:
        return None
    if verb.dep_ == "relcl" or verb.dep_ == "acl":
        return verb.head if verb.head.pos_ in ("NOUN", "PROPN") else None
    if verb.dep_ in SUBJECT_SHARING_DEPS and verb.head.i != verb.i:
        head = verb.head
        if head.dep_ == "prep" and head.head.i != head.i:  # "before voicing": pcomp -> prep -> verb
            head = head.head
        if verb.dep_ == "xcomp":
            objects = children(head, "dobj")
            if objects:
                return objects[0]
        if head.pos_ in ("VERB", "AUX"):
            if is_passive(head) and verb.dep_ == "conj":
                return None
            return clause_subject(head, depth + 1)
    return None


def lemma_in(token: Token, lemmas: frozenset[str]) -> bool:
    """Whether the token's lemma is one of ``lemmas``, forgiving lemmatizer slips ("hopes" -> "hop")."""
    if token.lemma_ in lemmas:
        return True
    lower = token.lower_
    return any(lower == l or lower in (l + "s", l + "es", l + "d", l + "ed", l + "ing") for l in lemmas
               if lower[:2] == l[:2])


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` (itself if it is one)."""
    for node in (token, *token.ancestors):
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def hypothetical(token: Token) -> bool:
    """Whether the clause stating ``token`` is negated, asked or supposed.

    Climbs from ``token`` through its governing clauses: a negation, an
    "if"/"whether" subordinator, a modal of possibility or a governing verb of
    wishing or refusing makes it hypothetical, and so does a question mark
    ending a sentence whose main clause states it ("Will Chile join?").
    Negation does not spread across "and" ("did not A and B": B is stated).
    """
    node, link = token, ""
    if any(c.dep_ == "det" and c.lower_ in NON_ASSERTIVE_DETS for c in token.children):
        return True
    while True:
        for child in node.children:
            if child.dep_ == "mark" and child.lower_ in HYPOTHETICAL_MARKS:
                return True
            if link == "conj":
                continue
            if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
                return True
            if child.dep_ == "aux" and child.lower_ in HYPOTHETICAL_MODALS:
                return True
        if link in ("xcomp", "ccomp") and node.pos_ == "VERB" and lemma_in(node, HYPOTHETICAL_GOVERNORS):
            return True
        if link == "xcomp" and node.lemma_ == "be":
            return True  # "Straw is to visit Thailand": planned, not done
        if link == "dobj" and node.pos_ == "VERB" and lemma_in(node, REFUSING_VERBS):
            return True
        if link == "prep" and node.pos_ == "VERB" and lemma_in(node, CLEARING_VERBS):
            return True
        if node.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return True  # "a bid to join NATO", "plans to buy X": an intention, not an act
        if node.dep_ not in CLAUSE_CHAIN_DEPS or node.head is node or node.dep_ == "relcl" or (
                node.dep_ == "acl" and node.tag_ in ("VBN", "VBG")):
            break  # a relative or participle clause says what its noun is, whatever the main clause supposes
        if node.dep_ == "ccomp" and node.head.lemma_ in REPORTING_VERBS:
            return False  # reported speech: the report asserts what it reports
        link, node = node.dep_, node.head
    words = [t for t in token.sent if not (t.is_punct and t.text != "?") and not t.is_space]
    return node.dep_ == "ROOT" and bool(words) and words[-1].text == "?"


def past_form(verb: Token) -> str:
    """The simple past of a verb as used: its own text when already past ("fined"), else from the lemma.

    The text wins over the lemma for regular past forms, so a lemmatizer slip
    ("fined" -> "fin") cannot turn the predicate into another verb.
    """
    lower = verb.text.lower()
    if lower.isalpha() and (verb.tag_ == "VBD" or (verb.tag_ == "VBN" and lower.endswith("ed"))) \
            and lower not in ("was", "were", "had", "did"):
        if verb.tag_ == "VBD" or lower == past_tense(verb.lemma_) or verb.lemma_.lower() not in IRREGULAR_PAST:
            return lower
    return past_tense(verb.lemma_)


def past_tense(lemma: str) -> str:
    """The simple past of a verb lemma ("call" -> "called", "send" -> "sent")."""
    lemma = lemma.lower()
    if lemma in IRREGULAR_PAST:
        return IRREGULAR_PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", lemma):  # one syllable, consonant-vowel-consonant
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def camel(words: list[str]) -> str:
    """camelCase from words: ["called", "in"] -> "calledIn"."""
    parts = [p for w in words for p in re.split(r"[\s_-]+", w) if p]
    first, *rest = parts
    return first.lower() + "".join(p[:1].upper() + p[1:].lower() for p in rest)


def uncamel(name: str) -> str:
    """Words from camelCase: "metWith" -> "met with"."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()
