"""The build: articles in, graph and views out, streaming through spaCy.

Stages run forward: read and clean (:mod:`graphbuild.reading`), parse in
batches with ``nlp.pipe`` (in ``jobs`` processes), find actors and relations
(:mod:`graphbuild.extract`), build the RDF graph (:mod:`graphbuild.graph`),
write the outputs (:mod:`graphbuild.outputs`). Articles parsed before, in the
same output folder with the same model, come from the cache (:mod:`graphbuild.cache`).
"""
from __future__ import annotations

import dataclasses
import multiprocessing
import signal
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from rdflib.namespace import RDF

from .aliases import AliasRules, read_aliases
from .cache import STATE_DIR, ResultCache, read_manifest, write_manifest
from .dates import Sidecar, read_sidecar
from .diff import GraphDiff, diff_graphs, write_diff
from .errors import GraphbuildError
from .graph import build_graph
from .outputs import GRAPH_FILE, OutputPaths, PublishError, output_lock, write_outputs
from .reading import InputProblem, find_sources, read_articles
from .records import Article, ArticleResult
from .vocab import actor_type_of

# spaCy and the extraction stages are imported where they run: a build whose parsing runs on a Dask
# cluster never parses here, and its client starts faster for not importing them.

#: Texts per ``nlp.pipe`` batch, and articles per task sent to a worker: small enough that the
#: last tasks of a --jobs run end close together, large enough that sending them costs nothing.
BATCH_SIZE = 32


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did: counts for the summary, problems, output paths, stage times.

    Attributes:
        articles: articles in the graph (earlier ones included, with --update).
        parsed: articles parsed in this run (the rest came from the cache).
        actors_by_type: actor count per type.
        relations: actor-to-actor edges.
        problems: the inputs that were skipped, each with its message.
        outputs: where the files went.
        seconds: wall time per stage.
        dated: articles in the graph with a publication date.
        changes: what changed from the folder's earlier graph, when the build was asked for it.
        changes_file: where those changes were written.
    """

    articles: int
    parsed: int
    actors_by_type: dict[str, int]
    relations: int
    problems: tuple[InputProblem, ...]
    outputs: OutputPaths
    seconds: dict[str, float] = field(default_factory=dict)
    dated: int = 0
    changes: GraphDiff | None = None
    changes_file: Path | None = None


class Executor(Protocol):
    """Where the parse stage runs instead of local processes (e.g. :class:`graphbuild.cluster.DaskExecutor`).

    ``model_identity`` names the model that will parse, as the cache keys it;
    ``parse`` yields each article's records, in input order, as :func:`parse_articles` does.
    """

    def model_identity(self, model: str | None) -> str: ...

    def parse(self, articles: Sequence[Article], model: str | None) -> Iterator[ArticleResult]: ...


def _parse_chunk(args: tuple[str | None, list[Article]]) -> list[ArticleResult]:
    from .extract import extract
    from .nlp import load_pipeline, parse_texts

    model, articles = args
    nlp = load_pipeline(model)
    docs = parse_texts(nlp, (a.text for a in articles), batch_size=BATCH_SIZE)  # long texts in pieces
    return [extract(doc, article) for doc, article in zip(docs, articles)]


def _ignore_interrupts() -> None:
    # Ctrl-C reaches every process of the terminal's group; only the parent should
    # handle it (it stops the pool), or each worker would print its own traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def parse_articles(articles: Iterable[Article], *, model: str | None = None,
                   jobs: int = 1) -> Iterator[ArticleResult]:
    """Parse articles and extract their records, streaming, in input order.

    Args:
        articles: cleaned articles (a stream is fine).
        model: the spaCy model; None picks the default.
        jobs: worker processes; 1 parses in this process.
    """
    from .extract import load_tables
    from .nlp import load_pipeline

    load_pipeline(model)  # fail early, in this process, if the model is missing
    load_tables()
    chunks = ((model, chunk) for chunk in _chunks(articles, BATCH_SIZE))
    if jobs <= 1:
        yield from (result for batch in map(_parse_chunk, chunks) for result in batch)
        return
    # Workers are forked after the model and tables are loaded, so they share their memory pages.
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_ignore_interrupts) as pool:
        for batch in pool.imap(_parse_chunk, chunks):
            yield from batch


def check_writable(out_dir: Path) -> None:
    """Make sure ``out_dir`` can take the outputs, before any time is spent parsing.

    Raises:
        GraphbuildError: the folder cannot be created or written to.
    """
    try:
        state = out_dir / STATE_DIR
        state.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=state):
            pass
    except OSError as exc:
        raise GraphbuildError(f"{out_dir}: cannot write the outputs there ({exc.strerror}); "
                              f"pick another folder with -o") from None


def model_identity(model: str | None) -> str:
    """The name and version of the model, as the cache keys it.

    Read from the model's meta.json where it can be, so that a build whose
    articles all come from the cache never loads the model.

    Raises:
        ModelNotFound: when the model is not installed.
    """
    import spacy.util

    from .nlp import default_model, load_pipeline

    name = model or default_model()
    try:
        path = Path(name) if Path(name).is_dir() else spacy.util.get_package_path(name)
        meta = spacy.util.get_model_meta(path)
    except Exception:  # noqa: BLE001 - not a package or folder spaCy knows: loading it says what is wrong
        meta = load_pipeline(model).meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '0')}"


def _dated(article: Article, sidecar: Sidecar | None) -> Article:
    """The article with the date the sidecar gives its file, which wins over any the file gives itself."""
    date = sidecar.date_of(article.source) if sidecar else ""
    return dataclasses.replace(article, date=date) if date and date != article.date else article


def _previous_graph(out_dir: Path):
    """The graph an earlier build left in ``out_dir`` (an empty one if none), to diff the new one with."""
    from rdflib import Graph

    from .query import load_graph

    path = out_dir / GRAPH_FILE
    if not path.is_file():
        return Graph()
    try:
        return load_graph(path)
    except GraphbuildError:
        raise GraphbuildError(f"{path}: the earlier graph is damaged, so there is nothing to diff with; "
                              f"build without --diff") from None


def build(paths: Sequence[str | Path], out_dir: str | Path = "output", *, model: str | None = None,
          jobs: int = 1, max_nodes: int = 500, update: bool = False, progress: bool = False,
          max_bytes: int = 5_000_000, on_problem: Callable[[InputProblem], None] | None = None,
          on_article: Callable[[Article], None] | None = None, dates: str | Path | None = None,
          diff: str | Path | None = None, on_wait: Callable[[], None] | None = None,
          aliases: str | Path | None = None, executor: Executor | None = None,
          title: str | None = None) -> BuildReport:
    """Build the knowledge graph of the articles under ``paths`` into ``out_dir``.

    Args:
        paths: files, folders and glob patterns.
        out_dir: where the outputs go; earlier outputs are replaced only once
            the new ones are complete.
        model: the spaCy model; None picks the default.
        jobs: worker processes for parsing.
        max_nodes: the page shows at most this many actors (the most connected).
        update: add the articles to the graph already in ``out_dir`` instead of
            replacing it; an article read from the same source as an earlier
            one, with other content, replaces it.
        progress: show a progress bar when more than one article is parsed.
        max_bytes: files larger than this are skipped with a message.
        on_problem: called with each skipped input as it is found.
        on_article: called with each article read (e.g. to explain its cleaning).
        dates: a CSV sidecar of ``path,date`` rows (:func:`graphbuild.dates.read_sidecar`); its
            dates win over those the files give. Rows it cannot use are reported as problems.
        diff: write what changed from the graph already in ``out_dir`` (none: everything is
            added) to this file, as JSON for ``.json`` and text otherwise (:mod:`graphbuild.diff`).
        on_wait: called once when another build holds ``out_dir``; this one then waits
            for it to end (the folder is locked, so two builds never interleave).
        aliases: a user alias file (:mod:`graphbuild.aliases`): names to merge, split or retype.
        executor: parse there (e.g. on a Dask cluster) instead of in ``jobs`` local processes.
        title: the page title; None names the folder holding the articles.

    Returns:
        A :class:`BuildReport`.

    Raises:
        InputError: when a path does not exist or matches nothing, or the dates file cannot be read.
        ModelNotFound: when the spaCy model is not installed.
        AliasFileError: when ``aliases`` cannot be read or holds a line that is no rule.
        GraphbuildError: with ``update``, when ``out_dir`` holds no earlier build;
            when ``out_dir`` cannot be written; when not one article could be
            read (the earlier outputs are then left as they were).
    """
    rules = read_aliases(aliases) if aliases is not None else None  # a bad alias file fails before anything
    sources = find_sources(paths)  # a bad path fails before the output folder is made
    check_writable(Path(out_dir))
    with output_lock(Path(out_dir), on_wait=on_wait):
        return _build(sources, out_dir, model=model, jobs=jobs, max_nodes=max_nodes, update=update, progress=progress,
                      max_bytes=max_bytes, on_problem=on_problem, on_article=on_article, dates=dates, diff=diff,
                      rules=rules, executor=executor, title=title)


def _build(sources: list[Path], out_dir: str | Path, *, model: str | None, jobs: int, max_nodes: int,
           update: bool, progress: bool, max_bytes: int, on_problem: Callable[[InputProblem], None] | None,
           on_article: Callable[[Article], None] | None, dates: str | Path | None,
           diff: str | Path | None, rules: AliasRules | None = None,
           executor: Executor | None = None, title: str | None = None) -> BuildReport:
    """:func:`build`, once the output folder is locked."""
    out_dir = Path(out_dir)
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    problems: list[InputProblem] = []

    def problem(item: InputProblem) -> None:
        problems.append(item)
        if on_problem:
            on_problem(item)

    sidecar = read_sidecar(dates) if dates is not None else None
    for where, message in sidecar.problems if sidecar else ():
        problem(InputProblem(where, message))
    previous = _previous_graph(out_dir) if diff is not None else None

    manifest = read_manifest(out_dir) if update else []  # no earlier build: fail before reading

    # Articles are read before the model is asked for: a Dask cluster's workers load it meanwhile.
    articles: list[Article] = []
    seen: set[str] = set()
    for item in read_articles(sources, max_bytes=max_bytes):
        if isinstance(item, InputProblem):
            problem(item)
            continue
        item = _dated(item, sidecar)
        if on_article:
            on_article(item)
        if item.id not in seen:
            seen.add(item.id)
            articles.append(item)

    identity = executor.model_identity(model) if executor else model_identity(model)
    cache = ResultCache(out_dir, identity)
    earlier: list[ArticleResult] = []
    for article in manifest:
        result = cache.load(article.id)
        if result is None:
            raise GraphbuildError(f"{out_dir}: the cache lacks {article.source}; rebuild without --update")
        # The cache keeps the path an article was first parsed from; the manifest, the one last built from.
        earlier.append(dataclasses.replace(result, article=_dated(
            dataclasses.replace(result.article, source=article.source, date=article.date), sidecar)))
    known = {r.article.id for r in earlier}
    articles = [a for a in articles if a.id not in known]  # already in the graph
    # An edited article replaces the version an earlier build read from the same source.
    fresh = {a.source for a in articles}
    earlier = [r for r in earlier if r.article.source not in fresh]
    if sidecar and sidecar.dates and not any(sidecar.date_of(a.source) for a in articles + [r.article for r in earlier]):
        problem(InputProblem(str(sidecar.path), "names none of the articles read; its paths are relative to "
                                                "its own folder (or absolute)"))
    seconds["read"] = time.perf_counter() - started

    started = time.perf_counter()
    done = {a.id: r for a in articles if (r := cache.get(a)) is not None}
    todo = [a for a in articles if a.id not in done]
    bar = None
    if progress and len(todo) > 1:
        from tqdm import tqdm
        bar = tqdm(total=len(todo), unit="article", desc="graphbuild", leave=False, dynamic_ncols=True)
    if not articles and not earlier:
        raise GraphbuildError(f"not one article could be read ({len(problems)} skipped, each named above); "
                              f"nothing written, earlier output left unchanged")
    try:
        parsed = executor.parse(todo, model) if executor else parse_articles(todo, model=model, jobs=jobs)
        for result in parsed if todo else ():
            cache.put(result)
            done[result.article.id] = result
            if bar is not None:
                bar.update()
    finally:
        if bar is not None:
            bar.close()
    results = earlier + [done[a.id] for a in articles]
    seconds["parse"] = time.perf_counter() - started

    started = time.perf_counter()
    graph = build_graph(results, rules)
    seconds["graph"] = time.perf_counter() - started
    started = time.perf_counter()
    try:
        outputs = write_outputs(graph, out_dir, max_nodes=max_nodes, title=title,
                                write_extra=lambda folder: write_manifest(folder, [r.article for r in results], identity))
    except PublishError as exc:  # only where the file system has no links: say what it now holds
        raise GraphbuildError(f"{exc.filename or out_dir}: cannot publish ({exc.strerror})") from None
    except OSError as exc:  # a full disk, a folder made read-only mid-run, a folder where a file goes
        raise GraphbuildError(f"{exc.filename or out_dir}: cannot write ({exc.strerror}); "
                              f"earlier output left unchanged") from None
    seconds["write"] = time.perf_counter() - started
    changes = changes_file = None
    if previous is not None:
        changes = diff_graphs(previous, graph, old_name=f"{outputs.graph} (before)", new_name=str(outputs.graph))
        try:
            changes_file = write_diff(changes, diff)
        except OSError as exc:
            raise GraphbuildError(f"{diff}: cannot write the diff ({exc.strerror}); the build itself is "
                                  f"complete") from None

    actors_by_type = Counter(kind for cls in graph.objects(None, RDF.type) if (kind := actor_type_of(cls)))
    return BuildReport(articles=len(results), parsed=len(todo), actors_by_type=dict(actors_by_type),
                       relations=outputs.relations, problems=tuple(problems), outputs=outputs,
                       seconds=seconds, dated=sum(bool(r.article.date) for r in results), changes=changes,
                       changes_file=changes_file)
