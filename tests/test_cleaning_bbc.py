"""The reader and cleaner on the BBC News corpus (shared/corpora/bbc): real, clean articles.

BBC files hold a headline, a blank line and body paragraphs, with no page
furniture, so the cleaner must remove nothing from them: every removal here
would be story text lost. The corpus is local evaluation data, not part of the
repository; the tests skip when it is absent.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.cleaning import clean_body
from graphbuild.reading import InputProblem, read_articles, split_text
from graphbuild.records import Article

BBC = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "bbc"
CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")


@pytest.fixture(scope="module")
def bbc():
    if not all((BBC / category).is_dir() for category in CATEGORIES):
        pytest.skip(f"BBC corpus not found at {BBC}")
    folders = [BBC / category for category in CATEGORIES]
    return list(read_articles(folders))


def _files():
    return sorted(p for category in CATEGORIES for p in (BBC / category).glob("*.txt"))


def test_every_bbc_file_reads_as_an_article_or_a_known_duplicate(bbc):
    items = bbc
    assert len(items) == len(_files()) == 2225
    problems = [item for item in items if isinstance(item, InputProblem)]
    assert all(p.message.startswith("duplicate of ") for p in problems), problems[:3]
    duplicates = {
        line.split("\t")[1]
        for line in (BBC / "duplicates.tsv").read_text(encoding="utf-8").splitlines()[1:]
        if line.strip()
    }
    assert {Path(p.source).relative_to(BBC).as_posix() for p in problems} == duplicates


def test_cleaner_removes_no_line_from_bbc_articles(bbc):
    items = bbc
    removed = [(a.source, r) for a in items if isinstance(a, Article) for r in a.removed]
    assert removed == []


def test_bbc_articles_keep_headline_and_every_paragraph(bbc):
    items = bbc
    articles = {a.source: a for a in items if isinstance(a, Article)}
    for path in _files()[::25]:
        if str(path) not in articles:
            continue  # a duplicate
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        article = articles[str(path)]
        assert article.title == lines[0]
        assert article.body.split("\n\n") == lines[1:]


def test_clean_body_alone_removes_nothing_from_any_bbc_file():
    if not BBC.is_dir():
        pytest.skip(f"BBC corpus not found at {BBC}")
    for path in _files():
        _, paragraphs = split_text(path.read_text(encoding="utf-8"))
        assert clean_body(paragraphs)[1] == [], path
