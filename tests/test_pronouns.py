"""Pronoun resolution on parses built by hand (no model), as spaCy's own tests do."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from graphbuild.pronouns import (FEMALE, MALE, Antecedent, first_name_gender, is_expletive, person_gender,
                                 quote_mask, resolve_pronouns)


def make_doc(rows: str) -> Doc:
    """A parsed Doc from lines of "word POS TAG dep head lemma" (head: absolute token index)."""
    table = [line.split() for line in rows.strip().splitlines()]
    return Doc(Vocab(), words=[r[0] for r in table], pos=[r[1] for r in table], tags=[r[2] for r in table],
               deps=[r[3] for r in table], heads=[int(r[4]) for r in table], lemmas=[r[5] for r in table])


# "Omar Haddad met Maria Silva . She smiled ."
MEETING = """
Omar PROPN NNP compound 1 Omar
Haddad PROPN NNP nsubj 2 Haddad
met VERB VBD ROOT 2 meet
Maria PROPN NNP compound 4 Maria
Silva PROPN NNP dobj 2 Silva
. PUNCT . punct 2 .
She PRON PRP nsubj 7 she
smiled VERB VBD ROOT 7 smile
. PUNCT . punct 7 .
"""
OMAR = Antecedent(0, 2, "Omar Haddad", "Person", MALE)
MARIA = Antecedent(3, 5, "Maria Silva", "Person", FEMALE)


def test_she_skips_a_man_named_nearer():
    assert resolve_pronouns(make_doc(MEETING), [OMAR, MARIA]) == {6: "Maria Silva"}


def test_he_skips_a_woman_named_nearer():
    doc = make_doc(MEETING.replace("She PRON PRP nsubj 7 she", "He PRON PRP nsubj 7 he"))
    assert resolve_pronouns(doc, [OMAR, MARIA]) == {6: "Omar Haddad"}


def test_unknown_gender_is_compatible():
    unknown = Antecedent(3, 5, "Maria Silva", "Person", "")
    doc = make_doc(MEETING.replace("She PRON PRP nsubj 7 she", "He PRON PRP nsubj 7 he"))
    assert resolve_pronouns(doc, [OMAR, unknown]) == {6: "Maria Silva"}


# "Acme hired workers . They ..." / "Acme grew fast . They ..."
HIRED = """
Acme PROPN NNP nsubj 1 Acme
hired VERB VBD ROOT 1 hire
workers NOUN NNS dobj 1 worker
. PUNCT . punct 1 .
They PRON PRP nsubj 5 they
struck VERB VBD ROOT 5 strike
. PUNCT . punct 5 .
"""
ACME = Antecedent(0, 1, "Acme", "Organization")


def test_they_stops_at_a_plural_noun():
    assert resolve_pronouns(make_doc(HIRED), [ACME], {0}) == {}


def test_they_reaches_an_organization():
    doc = make_doc(HIRED.replace("workers NOUN NNS dobj 1 worker", "fast ADV RB advmod 1 fast"))
    assert resolve_pronouns(doc, [ACME], {0}) == {4: "Acme"}


def test_it_is_not_a_person():
    doc = make_doc("""
Acme PROPN NNP nsubj 1 Acme
hired VERB VBD ROOT 1 hire
Omar PROPN NNP compound 3 Omar
Haddad PROPN NNP dobj 1 Haddad
and CCONJ CC cc 1 and
raised VERB VBD conj 1 raise
its PRON PRP$ poss 7 its
prices NOUN NNS dobj 5 price
. PUNCT . punct 1 .
""")
    omar = Antecedent(2, 4, "Omar Haddad", "Person", MALE)
    assert resolve_pronouns(doc, [ACME, omar], {0, 2, 3}) == {6: "Acme"}


def test_expletive_it_is_left_alone():
    doc = make_doc("""
Acme PROPN NNP nsubj 1 Acme
grew VERB VBD ROOT 1 grow
. PUNCT . punct 1 .
It PRON PRP nsubj 4 it
is AUX VBZ ROOT 4 be
clear ADJ JJ acomp 4 clear
. PUNCT . punct 4 .
""")
    assert is_expletive(doc[3])
    assert resolve_pronouns(doc, [ACME], {0}) == {}


# Maria Silva spoke . “ Omar Haddad is wrong , ” she said .
QUOTED = """
Maria PROPN NNP compound 1 Maria
Silva PROPN NNP nsubj 2 Silva
spoke VERB VBD ROOT 2 speak
. PUNCT . punct 2 .
“ PUNCT `` punct 12 “
Omar PROPN NNP compound 6 Omar
Haddad PROPN NNP nsubj 7 Haddad
is AUX VBZ ccomp 12 be
wrong ADJ JJ acomp 7 wrong
, PUNCT , punct 12 ,
” PUNCT '' punct 12 ”
she PRON PRP nsubj 12 she
said VERB VBD ROOT 12 say
. PUNCT . punct 12 .
"""


def test_speaker_after_a_quotation_skips_names_inside_it():
    maria = Antecedent(0, 2, "Maria Silva", "Person", "")
    omar = Antecedent(5, 7, "Omar Haddad", "Person", "")
    assert resolve_pronouns(make_doc(QUOTED), [maria, omar]) == {11: "Maria Silva"}


def test_quote_mask():
    mask = quote_mask(make_doc(QUOTED))
    assert [i for i, inside in enumerate(mask) if inside] == [5, 6, 7, 8, 9]


def test_it_looks_back_only_one_sentence():
    rows = ["Acme PROPN NNP ROOT 0 Acme", ". PUNCT . punct 0 ."]
    for _ in range(2):  # "Rain ." twice: two sentences between the name and the pronoun
        rows += [f"Rain NOUN NN ROOT {len(rows)} rain", f". PUNCT . punct {len(rows)} ."]
    rows += [f"It PRON PRP dobj {len(rows) + 1} it", f"ended VERB VBD ROOT {len(rows) + 1} end"]
    assert resolve_pronouns(make_doc("\n".join(rows)), [ACME], {0}) == {}


@pytest.mark.parametrize("name, gender", [("Margaret", FEMALE), ("Robert", MALE), ("Zzyzx", "")])
def test_first_name_gender(name, gender):
    pytest.importorskip("gender_guesser")
    assert first_name_gender(name) == gender


def test_title_decides_gender_before_the_first_name():
    assert person_gender("Robin Smith", ["mrs"]) == FEMALE
    assert person_gender("Smith") == ""


def test_first_name_gives_gender_without_a_title():
    pytest.importorskip("gender_guesser")
    assert person_gender("Margaret Smith") == FEMALE
