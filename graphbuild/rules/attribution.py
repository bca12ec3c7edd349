"""Attribution: who is quoted by which outlet, and who writes for which.

* "Chancellor Olaf Scholz told Reuters" / "X tells the BBC" -> quotedBy;
* "told the paper" -> the outlet named shortly before (from context);
* "said X in an interview with CNN", "X said on Al Jazeera" -> quotedBy;
* "X writes in The Atlantic", "wrote X in an op-ed for Foreign Affairs",
  "X, writing in Le Monde" -> writesFor;
* "according to X in an interview with Y" -> quotedBy;
* "X told parliament" / "told the committee" (a state body, not an outlet) -> told.

Outlets are learned before the rules run (:func:`learn`, over the whole
article): an organization that reports ("reported Le Monde", "said the
Guardian") or is quoted from becomes an outlet, so "the paper" finds it.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from .. import lexicon
from ..records import ORGANIZATION, PERSON
from . import grammar
from .context import ArticleContext, End, Found
from .modifiers import STATE_BODY_WORDS

#: Verbs by which a source speaks or writes (the one list of speech verbs).
SPEECH_VERBS = lexicon.words("relations_speech_verbs.txt")
#: Verbs whose object is the outlet spoken to ("told Reuters").
TELL_VERBS = frozenset({"tell"})
#: Verbs of writing: their outlet is one the source writes for.
WRITE_VERBS = frozenset({"write", "pen", "publish"})
#: Verbs by which an outlet reports: their organization subject (or inverted object) is an outlet.
REPORT_VERBS = lexicon.words("relations_report_verbs.txt")
#: Pieces of writing: "in an article on X" -> writesFor.
WRITING_NOUNS = frozenset({"article", "column", "op-ed", "oped", "piece", "essay", "editorial", "blog",
                           "commentary", "letter", "analysis", "post", "op", "opinion", "book", "newsletter"})
#: Appearances: "in an interview with X" -> quotedBy.
APPEARANCE_NOUNS = frozenset({"interview", "podcast", "broadcast", "show", "programme", "program", "appearance",
                              "tweet", "video", "remarks", "comments", "conversation", "documentary"})
#: Prepositions leading from a verb or a piece of writing to its outlet.
MEDIA_PREPS = ("in", "on", "for", "to", "with")
#: Words that mark an organization's name as a news outlet's.
MEDIA_NAME_WORDS = frozenset({"times", "post", "news", "journal", "review", "guardian", "telegraph", "herald",
                              "tribune", "gazette", "press", "radio", "tv", "television", "broadcasting",
                              "daily", "magazine", "reuters", "economist", "monitor", "observer", "independent",
                              "chronicle", "bulletin", "wire", "newsweek", "politico", "axios"})


def _outlet(ctx: ArticleContext, token: Token, *, describe: bool = True) -> End | None:
    """The news outlet a token names: an organization (not a weak guess unless described)."""
    end = ctx.phrase(token, behind=False, describe=describe)
    if ctx.type_of(end) != ORGANIZATION or (ctx.words_of(end) & STATE_BODY_WORDS and end.key not in ctx.outlets):
        return None
    if ctx.groups.get(end.key, "MED") != "MED":
        return None  # "telling Labour activists": a group told is an audience, not an outlet
    return end


def _looks_like_outlet(ctx: ArticleContext, end: End) -> bool:
    return end.key in ctx.outlets or _is_outlet_name(ctx, end)


def _media(ctx: ArticleContext, token: Token, *, writing: bool = False) -> Iterator[tuple[End, str]]:
    """(outlet, predicate) for the prepositional phrases on ``token``: "in The Atlantic", "in an op-ed for X".

    A bare "in X"/"on X" is an outlet when ``writing`` ("writes in The Atlantic")
    or when X is known or named as one ("said on Al Jazeera"): "argued in
    Cabinet" is not.
    """
    for prep, obj in grammar.prep_objects(token, *MEDIA_PREPS):
        lemma = obj.lemma_.lower()
        if lemma in WRITING_NOUNS or lemma in APPEARANCE_NOUNS:
            predicate = "writesFor" if lemma in WRITING_NOUNS else "quotedBy"
            inner = [o for _, o in grammar.prep_objects(obj, *MEDIA_PREPS)]
            inner += [c for c in obj.children if c.dep_ in ("compound", "poss") and ctx.named(c)]
            for target in inner:
                if (end := _outlet(ctx, target, describe=False)) is not None:
                    yield end, predicate
        elif (end := _outlet(ctx, obj)) is not None:
            if not (_looks_like_outlet(ctx, end) or (writing and prep in ("in", "for", "on"))):
                continue  # "spoke to NATO", "argued in Cabinet": no outlet
            yield end, ""


def _speakers(ctx: ArticleContext, verb: Token) -> list[tuple[Token, End]]:
    subject = grammar.clause_subject(verb)
    if subject is None:
        return []
    return [(c, e) for c in grammar.conjuncts(subject) if (e := ctx.phrase(c, behind=False)) is not None]


def _is_outlet_name(ctx: ArticleContext, end: End) -> bool:
    return bool(ctx.words_of(end) & MEDIA_NAME_WORDS)


def _reporting_outlets(ctx: ArticleContext, verb: Token) -> Iterator[str]:
    """"reported Le Monde", "said the Guardian": the reporting organization is an outlet."""
    if verb.lemma_ not in REPORT_VERBS:
        return
    for token in grammar.children(verb, "nsubj", "dobj"):
        end = ctx.named(token)
        if ctx.type_of(end) != ORGANIZATION:
            continue
        if verb.lemma_ in ("report", "publish") or _is_outlet_name(ctx, end) or token.i > verb.i:
            yield end.key


def _attributions(ctx: ArticleContext, verb: Token) -> Iterator[Found]:
    speakers = [(t, e) for t, e in _speakers(ctx, verb)
                if ctx.type_of(e) in (PERSON, ORGANIZATION) and e.key not in ctx.outlets]
    if not speakers:
        return
    outlets: list[tuple[End, str]] = []
    if verb.lemma_ in TELL_VERBS:
        outlets += [(e, "quotedBy") for o in grammar.children(verb, "dobj", "dative")
                    for c in grammar.conjuncts(o) if (e := _outlet(ctx, c)) is not None
                    and not ctx.words_of(e) & STATE_BODY_WORDS]
    if verb.lemma_ in TELL_VERBS:  # "told parliament", "told the committee": addressed, not quoted
        for obj in grammar.children(verb, "dobj", "dative"):
            for conj in grammar.conjuncts(obj):
                body = ctx.phrase(conj, behind=False)
                if ctx.type_of(body) == ORGANIZATION and ctx.words_of(body) & STATE_BODY_WORDS \
                        and body.key not in ctx.outlets:
                    for _, speaker in speakers:
                        yield Found(speaker, "told", body, "attribution-tell", verb, "told")
    writing = verb.lemma_ in WRITE_VERBS
    outlets += list(_media(ctx, verb, writing=writing))
    for token, _ in speakers:  # the parser often hangs "in an article on X" on the speaker
        outlets += list(_media(ctx, token, writing=writing))
    for outlet, predicate in outlets:
        predicate = predicate or ("writesFor" if verb.lemma_ in WRITE_VERBS else "quotedBy")
        for _, speaker in speakers:
            if speaker != outlet:
                construction = "attribution-tell" if verb.lemma_ in TELL_VERBS else "attribution-medium"
                yield Found(speaker, predicate, outlet, construction, verb)


def _according_to(ctx: ArticleContext, token: Token) -> Iterator[Found]:
    """"according to X in an interview with Y"."""
    if token.lower_ != "according":
        return
    for _, source in grammar.prep_objects(token, "to"):
        speaker = ctx.phrase(source, behind=False)
        if speaker is None:
            continue
        if ctx.type_of(speaker) == ORGANIZATION and _is_outlet_name(ctx, speaker):
            continue  # "according to the Guardian": an outlet reporting (see learn)
        for outlet, predicate in [*_media(ctx, source), *_media(ctx, token)]:
            yield Found(speaker, predicate or "quotedBy", outlet, "attribution-according", token)


def _according_to_outlets(ctx: ArticleContext, token: Token) -> Iterator[str]:
    """"according to the Guardian": an organization named as an outlet is one."""
    if token.lower_ != "according":
        return
    for _, source in grammar.prep_objects(token, "to"):
        speaker = ctx.phrase(source, behind=False)
        if speaker is not None and ctx.type_of(speaker) == ORGANIZATION and _is_outlet_name(ctx, speaker):
            yield speaker.key


def find(sent: Sequence[Token], ctx: ArticleContext) -> Iterator[Found]:
    """Every attribution stated in ``sent``."""
    for token in sent:
        if token.pos_ == "VERB" and token.lemma_ in SPEECH_VERBS:
            yield from _attributions(ctx, token)
        elif token.dep_ == "prep":
            yield from _according_to(ctx, token)


def learn(sent: Sequence[Token], ctx: ArticleContext) -> None:
    """Note the outlets and quoted sources of ``sent`` in the article's context (before any rule runs)."""
    for token in sent:
        if token.pos_ == "VERB" and token.lemma_ in SPEECH_VERBS | REPORT_VERBS:
            ctx.outlets.update(_reporting_outlets(ctx, token))
            if token.lemma_ in SPEECH_VERBS:
                for found in _attributions(ctx, token):
                    if found.predicate in ("quotedBy", "writesFor"):
                        ctx.outlets.add(found.object.key)
                        ctx.sources.add(found.subject.key)
        elif token.dep_ == "prep":
            ctx.outlets.update(_according_to_outlets(ctx, token))
            for found in _according_to(ctx, token):
                ctx.outlets.add(found.object.key)
