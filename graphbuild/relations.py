"""Extracting relations between the actors of one parsed article.

A first, honest version: subject-verb-object over the dependency parse (with
prepositional objects), and attribution ("X tells NPR" -> quotedBy).
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from .records import ActorTable, Relation

#: Verbs by which a source speaks to an outlet: "X tells NPR", "X told the paper".
ATTRIBUTION_VERBS = frozenset({"tell", "say", "speak"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})


def _actor(token: Token, table: ActorTable) -> str | None:
    return table.token_actor.get(token.i)


def _camel(words: list[str]) -> str:
    first, *rest = words
    return first + "".join(w[:1].upper() + w[1:] for w in rest)


def _relation(doc: Doc, verb: Token, subject: str, predicate: str, obj: str, label: str,
              construction: str, confidence: float) -> Relation:
    sent = verb.sent
    return Relation(subject=subject, predicate=predicate, object=obj, sentence=sent.text.strip(),
                    start=sent.start_char, end=sent.end_char, confidence=confidence,
                    construction=construction, label=label)


def find_relations(doc: Doc, table: ActorTable) -> Iterator[Relation]:
    """Yield the relations stated between actors in ``doc``.

    Args:
        doc: the parsed article text.
        table: the actor stage's answer for ``doc``.
    """
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [t for t in verb.children if t.dep_ in SUBJECT_DEPS and _actor(t, table)]
        if not subjects:
            continue
        subject = _actor(subjects[0], table)
        particles = [t.lower_ for t in verb.children if t.dep_ == "prt"]
        for child in verb.children:
            if child.dep_ in OBJECT_DEPS and (obj := _actor(child, table)):
                if verb.lemma_ in ATTRIBUTION_VERBS:
                    yield _relation(doc, verb, subject, "quotedBy", obj, "", "attribution", 0.9)
                else:
                    words = [verb.lemma_.lower(), *particles]
                    yield _relation(doc, verb, subject, _camel(words), obj, " ".join(words), "svo", 0.7)
            elif child.dep_ == "prep":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (obj := _actor(pobj, table)):
                        words = [verb.lemma_.lower(), *particles, child.lower_]
                        yield _relation(doc, verb, subject, _camel(words), obj, " ".join(words), "svo-prep", 0.6)
