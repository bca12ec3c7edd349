"""The relation rules, one module per construction family.

Each family is a function ``find(sent, ctx) -> Iterator[Found]`` over the tokens of one
sentence, reading actors through the shared
:class:`~graphbuild.rules.context.ArticleContext`:

* :mod:`.attribution`: quotedBy / writesFor ("X told Reuters");
* :mod:`.roles`: titles, appositions, copulas, "based in" (presidentOf, affiliatedWith, ...);
* :mod:`.modifiers`: possessive organizations (partOf) and "-led" compounds (leads);
* :mod:`.verbs`: clauses, passives, agent phrases and troop movements (event predicates);
* :mod:`.nominal`: noun phrases that state an act ("the annexation of Tibet");
* :mod:`.members`: membership lists.
"""
from __future__ import annotations

from . import attribution, members, modifiers, nominal, roles, verbs

#: The families in the order they run on each sentence: attribution first, as it
#: learns the outlets and sources that the others' context lookups use; roles
#: before clauses, as they learn who leads which country ("the Chilean leader").
FAMILIES = (attribution.find, roles.find, modifiers.find, verbs.find, nominal.find, members.find)
