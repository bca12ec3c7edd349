"""The data-file reader, and the shape every knowledge file in graphbuild/data/ keeps."""
from __future__ import annotations

from importlib.resources import files

import pytest

from graphbuild import lexicon

DATA = files("graphbuild").joinpath("data")
DATA_FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith((".txt", ".tsv")))


def test_rows_skip_comments_and_blank_lines_and_strip_cells():
    table = lexicon.rows("actors_titles.txt")
    assert table and all(row[0] and not row[0].startswith("#") and row[0] == row[0].strip() for row in table)


def test_mapping_reads_two_columns():
    assert lexicon.mapping("relations_roles.tsv")["prime minister"] == "primeMinisterOf"


def test_values_split_a_cell_on_bars():
    assert lexicon.values("UK| U.K. ||Britain") == ("UK", "U.K.", "Britain")


def test_a_missing_file_is_an_error():
    with pytest.raises(FileNotFoundError):
        lexicon.rows("no_such_list.txt")


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_data_file_says_what_it_is_before_its_entries(name):
    lines = DATA.joinpath(name).read_text(encoding="utf-8").splitlines()
    assert lines and lines[0].startswith("#"), f"{name} should open with a comment saying what it is and its source"
    assert lexicon.rows(name), f"{name} has no entries"
