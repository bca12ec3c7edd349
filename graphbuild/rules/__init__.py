"""The relation rules: a general core over the dependency parse, and a few families of their own.

Each family is a function ``find(sent, ctx) -> Iterator[Found]`` over the tokens of one
sentence, reading actors through the shared, already built
:class:`~graphbuild.rules.context.ArticleContext`; a family that teaches the context something
(which organizations are outlets, who holds which role) also has a ``learn(sent, ctx)`` that
:meth:`ArticleContext.read` runs over the whole article first:

* :mod:`.core`: every pair of actors a verb, an event noun or an actor's own head links, through
  the path grammar (:mod:`.paths`) and the event vocabulary (:mod:`.events`);
* :mod:`.attribution`: quotedBy / writesFor ("X told Reuters");
* :mod:`.roles`: titles, appositions and copulas with role nouns (presidentOf, affiliatedWith, ...);
* :mod:`.modifiers`: possessive organizations (partOf) and hyphenated compounds ("Paris-led");
* :mod:`.frames`: a place fronted before a clause places its actors ("In Norway, X won").
"""
from __future__ import annotations

from . import attribution, core, frames, modifiers, roles

#: The families in the order they run on each sentence.
FAMILIES = (attribution.find, roles.find, modifiers.find, core.find, frames.find)
#: The learners that build the article's context before the families run: attribution first, as it
#: learns the outlets and sources that the role learner's lookups use.
LEARNERS = (attribution.learn, roles.learn)
