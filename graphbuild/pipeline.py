"""The build: articles in, graph and views out, streaming through spaCy.

Stages run forward: read and clean (:mod:`graphbuild.reading`), parse in
batches with ``nlp.pipe`` (in ``jobs`` processes), find actors and relations
(:mod:`graphbuild.extract`), build the RDF graph (:mod:`graphbuild.graph`),
write the outputs (:mod:`graphbuild.outputs`).
"""
from __future__ import annotations

import multiprocessing
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .extract import extract
from .graph import build_graph
from .nlp import load_pipeline
from .outputs import OutputPaths, write_outputs
from .reading import InputProblem, find_sources, read_articles
from .records import Article, ArticleResult

BATCH_SIZE = 32


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did: counts for the summary, problems, output paths, stage times."""

    articles: int
    actors_by_type: dict[str, int]
    relations: int
    problems: tuple[InputProblem, ...]
    outputs: OutputPaths
    seconds: dict[str, float] = field(default_factory=dict)


def _parse_chunk(args: tuple[str | None, list[Article]]) -> list[ArticleResult]:
    model, articles = args
    nlp = load_pipeline(model)
    docs = nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE)
    return [extract(doc, article) for doc, article in zip(docs, articles)]


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def parse_articles(articles: Iterable[Article], *, model: str | None = None, jobs: int = 1,
                   on_article: Callable[[Article], None] | None = None) -> Iterator[ArticleResult]:
    """Parse articles and extract their records, in input order.

    Args:
        articles: cleaned articles (a stream is fine).
        model: the spaCy model; None picks the default.
        jobs: worker processes; 1 parses in this process.
        on_article: called once per article as its result is ready (progress).
    """
    load_pipeline(model)  # fail early, in this process, if the model is missing
    chunks = ((model, chunk) for chunk in _chunks(articles, BATCH_SIZE * 2))
    if jobs <= 1:
        results = map(_parse_chunk, chunks)
        pool = None
    else:
        pool = multiprocessing.get_context("fork").Pool(jobs)
        results = pool.imap(_parse_chunk, chunks)
    try:
        for batch in results:
            for result in batch:
                if on_article:
                    on_article(result.article)
                yield result
    finally:
        if pool is not None:
            pool.terminate()


def build(paths: Sequence[str | Path], out_dir: str | Path = "output", *, model: str | None = None,
          jobs: int = 1, max_nodes: int = 500, progress: bool = False,
          on_problem: Callable[[InputProblem], None] | None = None) -> BuildReport:
    """Build the knowledge graph of the articles under ``paths`` into ``out_dir``.

    Args:
        paths: files, folders and glob patterns.
        out_dir: where the outputs go; earlier outputs are replaced only once
            the new ones are complete.
        model: the spaCy model; None picks the default.
        jobs: worker processes for parsing.
        max_nodes: the page shows at most this many actors (the most connected).
        progress: show a progress bar when there is more than one article.
        on_problem: called with each skipped input as it is found.

    Returns:
        A :class:`BuildReport`.

    Raises:
        InputError: when a path does not exist or matches nothing.
        ModelNotFound: when the spaCy model is not installed.
    """
    seconds: dict[str, float] = {}
    sources = find_sources(paths)
    problems: list[InputProblem] = []

    def articles() -> Iterator[Article]:
        for item in read_articles(sources):
            if isinstance(item, InputProblem):
                problems.append(item)
                if on_problem:
                    on_problem(item)
            else:
                yield item

    bar = None
    if progress and len(sources) > 1:
        from tqdm import tqdm
        bar = tqdm(total=len(sources), unit="article", desc="graphbuild", leave=False)
    started = time.perf_counter()
    try:
        results = list(parse_articles(articles(), model=model, jobs=jobs,
                                      on_article=(lambda _a: bar.update()) if bar else None))
    finally:
        if bar is not None:
            bar.close()
    seconds["parse"] = time.perf_counter() - started

    started = time.perf_counter()
    graph = build_graph(results)
    seconds["graph"] = time.perf_counter() - started
    started = time.perf_counter()
    outputs = write_outputs(graph, Path(out_dir), max_nodes=max_nodes)
    seconds["write"] = time.perf_counter() - started

    actors_by_type = Counter(_actor_types(graph))
    return BuildReport(articles=len(results), actors_by_type=dict(actors_by_type),
                       relations=outputs.relations, problems=tuple(problems), outputs=outputs,
                       seconds=seconds)


def _actor_types(graph) -> Iterator[str]:
    from rdflib.namespace import RDF

    from .vocab import actor_type_of
    for cls in graph.objects(None, RDF.type):
        if (kind := actor_type_of(cls)) is not None:
            yield kind
