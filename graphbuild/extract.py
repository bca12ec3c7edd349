"""From parsed text to records: one article's actors and relations."""
from __future__ import annotations

from spacy.tokens import Doc

from . import gazetteer, pronouns
from .actors import find_actors, with_group_countries
from .records import Article, ArticleResult
from .relations import find_relations


def extract(doc: Doc, article: Article) -> ArticleResult:
    """Run the actor and relation stages on one parsed article.

    Args:
        doc: ``article.text`` parsed by the pipeline.
        article: the article it came from.
    """
    table = find_actors(doc)
    relations = with_group_countries(tuple(dict.fromkeys((*table.relations, *find_relations(doc, table)))), table)
    return ArticleResult(article=article, actors=table.actors, relations=relations)


def load_tables() -> None:
    """Load the gazetteer and name tables the stages read, which otherwise load on first use.

    A build calls this before forking its ``--jobs`` workers, so they share one
    copy instead of each reading its own.
    """
    gazetteer.load_tables()
    pronouns.load_tables()
