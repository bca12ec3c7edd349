"""The command line: a thin shell over the library.

Each command parses its arguments, calls one library function and formats the
result. Library errors become one line on stderr and a non-zero exit code:

* 0: everything read and written;
* 1: nothing was built (a bad path, a missing model, an unreadable graph, a refused query);
* 2: the command line itself was wrong;
* 3: the build finished, but some inputs could not be read (each named on stderr); an exact
  duplicate of another input is only noted (it loses nothing), with exit 0;
* 130: interrupted (Ctrl-C); the output folder still holds its last complete build.
"""
from __future__ import annotations

import sys

import click

from . import __version__
from .errors import GraphbuildError, one_line

EXIT_SKIPPED = 3
EXIT_INTERRUPTED = 130


def one_line_each(text: str) -> str:
    """Each line of ``text`` made safe for a terminal, as :func:`one_line` does for one."""
    return "\n".join(one_line(line) for line in text.split("\n"))


def _fail(exc: GraphbuildError) -> None:
    click.echo(one_line(f"graphbuild: error: {exc}"), err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="graphbuild")
def cli() -> None:
    """Turn news articles into a knowledge graph of actors and relations."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", default="output", show_default=True, type=click.Path(file_okay=False),
              help="Folder for graph.ttl, graph.html, graph.gexf, graph.graphml, relations.csv, evidence.csv.")
@click.option("--model", default=None, help="spaCy model to use (default: the installed English small model).")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 64), help="Parsing processes.")
@click.option("--max-nodes", default=500, show_default=True, type=click.IntRange(1),
              help="The page draws at most this many actors (the most connected).")
@click.option("--update", is_flag=True,
              help="Add these articles to the graph already in the output folder (earlier ones are not re-parsed).")
@click.option("--max-bytes", default=5_000_000, show_default=True, type=click.IntRange(1),
              help="Skip files larger than this.")
@click.option("--explain", is_flag=True, help="Report on stderr what cleaning removed from each article, and why.")
@click.option("--dates", "dates", default=None, metavar="FILE", type=click.Path(dir_okay=False),
              help="CSV of path,date rows giving articles their publication dates (paths relative to FILE).")
@click.option("--diff", "diff_file", default=None, metavar="FILE", type=click.Path(dir_okay=False),
              help="Write what changed from the graph already in the output folder (JSON for .json, else text).")
@click.option("--aliases", default=None, type=click.Path(dir_okay=False),
              help="A tab-separated file of actor names to merge, split or retype (see the README).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary (the bar shows only on a terminal).")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS",
              help="Parse on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786) instead of --jobs.")
@click.option("--title", default=None, help="The page's title (default: the name of the folder holding the articles).")
def build(paths: tuple[str, ...], out_dir: str, model: str | None, jobs: int, max_nodes: int, update: bool,
          max_bytes: int, explain: bool, dates: str | None, diff_file: str | None, aliases: str | None,
          quiet: bool, dask_address: str | None, title: str | None) -> None:
    """Read articles (files, folders, globs) and build the graph and its views."""
    import contextlib

    from .reading import DUPLICATE
    from .reading import explain as explain_article

    if dask_address and jobs > 1:
        raise click.UsageError("--jobs and --dask do not go together: the cluster's workers do the parsing")

    def warn(problem) -> None:
        said = "note:" if problem.kind == DUPLICATE else "skipped"
        click.echo(one_line(f"graphbuild: {said} {problem.source}: {problem.message}"), err=True)

    def waiting() -> None:
        click.echo(one_line(f"graphbuild: waiting: another build is writing into {out_dir}; this one starts when "
                            f"it ends (Ctrl-C to give up)"), err=True)

    def show_cleaning(article) -> None:
        click.echo(one_line_each(explain_article(article)), err=True)

    def worker_lost(worker: str) -> None:
        click.echo(f"graphbuild: Dask worker {worker} left mid-build; its articles are parsed again on the others",
                   err=True)

    try:
        with contextlib.ExitStack() as stack:
            executor = None
            if dask_address:
                # Connect first: the workers load the model while this process loads the pipeline and reads.
                from .cluster import DaskExecutor
                executor = stack.enter_context(DaskExecutor(dask_address, model=model, on_worker_lost=worker_lost))
            from .pipeline import build as run_build

            report = run_build(paths, out_dir, model=model, jobs=jobs, max_nodes=max_nodes, update=update,
                               max_bytes=max_bytes, progress=not quiet and sys.stderr.isatty(), on_problem=warn,
                               on_article=show_cleaning if explain else None, dates=dates, diff=diff_file,
                               on_wait=waiting, aliases=aliases, executor=executor, title=title)
    except GraphbuildError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        # Outputs are staged and published all at once, so the folder holds the last complete build.
        click.echo("graphbuild: interrupted; earlier output left unchanged", err=True)
        sys.exit(EXIT_INTERRUPTED)
    if not quiet:
        click.echo(one_line_each(summary(report)))
    if any(problem.kind != DUPLICATE for problem in report.problems):
        sys.exit(EXIT_SKIPPED)


def summary(report) -> str:
    """A few lines on what a build read and wrote."""
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(report.actors_by_type.items(), key=lambda kv: -kv[1]))
    total = sum(report.actors_by_type.values())
    from .reading import DUPLICATE

    duplicates = sum(problem.kind == DUPLICATE for problem in report.problems)
    counts = [f"{n} {what}" for n, what in ((len(report.problems) - duplicates, "skipped"),
                                            (duplicates, "duplicate" + ("s" if duplicates > 1 else ""))) if n]
    skipped = f" ({', '.join(counts)})" if counts else ""
    cached = report.articles - report.parsed
    reused = f"; {cached} from the cache" if cached else ""
    dated = f"; {report.dated} dated" if report.dated else ""
    out = report.outputs
    capped = (f" (page shows {out.page_info.nodes_drawn} of {out.page_info.nodes_total})"
              if out.page_info.capped else "")
    lines = [
        f"Articles: {report.articles}{skipped}{reused}{dated}",
        f"Actors: {total}" + (f" ({kinds})" if kinds else "") + capped,
        f"Relations: {report.relations}",
        f"Wrote {out.graph}, {out.page}, {out.gexf}, {out.graphml}, {out.csv}, {out.evidence}",
    ]
    changes = report.changes
    if changes is not None:
        lines.append(f"Changes: {len(changes.actors_added)} actors added, {len(changes.actors_removed)} removed, "
                     f"{len(changes.actors_merged)} merged; {len(changes.relations_added)} relations added, "
                     f"{len(changes.relations_removed)} removed, {len(changes.relations_restated)} restated; "
                     f"written to {report.changes_file}")
    return "\n".join(lines)


def _answer(graph_file: str, query_text: str, bindings: dict[str, str], timeout: float | None):
    """Run one query for the CLI: errors become one line, Ctrl-C exit 130."""
    from .query import load_graph, run_query

    try:
        return run_query(load_graph(graph_file), query_text, bindings, timeout=timeout)
    except GraphbuildError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        click.echo("graphbuild: interrupted; the query was stopped", err=True)
        sys.exit(EXIT_INTERRUPTED)


TIMEOUT_HELP = "Stop a query that runs longer than this many seconds (0: no limit)."


@cli.command()
@click.argument("graph_file", metavar="GRAPH")
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--bind", "binds", multiple=True, metavar="NAME=VALUE",
              help="Bind a query variable to a literal value (repeatable).")
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(0), metavar="SECONDS",
              help=TIMEOUT_HELP)
@click.option("--graph", "graph_iri", default=None, metavar="IRI",
              help="With an endpoint URL: the named graph to ask (default: where graphbuild push puts a build; "
                   "'default': the endpoint's default graph).")
def query(graph_file: str, query: str, fmt: str, binds: tuple[str, ...], timeout: float, graph_iri: str | None) -> None:
    """Answer QUERY (SPARQL text, a .rq file, or a bundled name: actors, relations, evidence, timeline).

    GRAPH is a graph file, or the URL of a SPARQL endpoint (http://host:7878/query).
    """
    from .query import format_result

    bindings = {}
    for item in binds:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--bind")
        bindings[name.lstrip("?")] = value
    remote = graph_file.lower().startswith(("http://", "https://"))
    if graph_iri is not None and not remote:
        raise click.BadParameter("only applies when GRAPH is an endpoint URL", param_hint="--graph")
    if remote:
        from .remote import DEFAULT_GRAPH, query_endpoint

        try:
            result = query_endpoint(graph_file, query, bindings, graph=graph_iri or DEFAULT_GRAPH,
                                    timeout=timeout or None)
        except GraphbuildError as exc:
            _fail(exc)
    else:
        result = _answer(graph_file, query, bindings, timeout or None)
    click.echo(format_result(result, fmt))


@cli.command()
@click.argument("out_dir", metavar="OUTDIR", type=click.Path(file_okay=False))
@click.option("--store", required=True, metavar="URL",
              help="The Graph Store Protocol endpoint (Oxigraph: http://host:7878/store; Fuseki: .../DATASET/data).")
@click.option("--graph", "graph_iri", default=None, metavar="IRI",
              help="The named graph to replace [default: https://graphbuild.dev/graph].")
@click.option("--update-url", default=None, metavar="URL",
              help="The SPARQL Update endpoint for sending only what changed (default: beside --store, "
                   "for Oxigraph's /store and Fuseki's /data).")
@click.option("--full", is_flag=True, help="Send the whole graph, even when the changes since the last push would do.")
def push(out_dir: str, store: str, graph_iri: str | None, update_url: str | None, full: bool) -> None:
    """Load the graph built in OUTDIR into a SPARQL server, replacing its named graph."""
    from .remote import DEFAULT_GRAPH, push as run_push

    try:
        report = run_push(out_dir, store, graph=graph_iri or DEFAULT_GRAPH, update_url=update_url, full=full)
    except GraphbuildError as exc:
        _fail(exc)
    if report.replaced:
        sent = f"replaced it with {report.triples} triples"
    elif report.added or report.removed:
        sent = f"sent the changes: {report.added} triples added, {report.removed} removed; {report.triples} now"
    else:
        sent = f"nothing changed since the last push ({report.triples} triples)"
    click.echo(f"Pushed {out_dir} to <{report.graph}> at {report.store}: {sent} ({report.seconds:.1f} s)")


@cli.command()
@click.argument("out_dir", metavar="OUTDIR", type=click.Path(file_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on (another machine can reach the endpoint only if this allows it).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="0: any free port.")
@click.option("--graph", "graph_iri", default=None, metavar="IRI",
              help="The named graph to load the build into [default: https://graphbuild.dev/graph].")
def serve(out_dir: str, host: str, port: int, graph_iri: str | None) -> None:
    """Serve the graph built in OUTDIR as a read-only SPARQL endpoint until Ctrl-C."""
    import signal

    from .remote import DEFAULT_GRAPH
    from .serve import serving

    # A SIGTERM stops the server as Ctrl-C does, through the cleanup below (no store left behind).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        with serving(out_dir, host=host, port=port, graph=graph_iri or DEFAULT_GRAPH) as server:
            click.echo(f"Serving {out_dir} read-only at {server.query_url} (graph <{server.graph}>); "
                       f"Ctrl-C stops", err=True)
            try:
                code = server.process.wait()
            except KeyboardInterrupt:
                click.echo("graphbuild: stopped", err=True)
                return
    except GraphbuildError as exc:
        _fail(exc)
    _fail(GraphbuildError(f"the Oxigraph server stopped by itself (exit {code})"))


@cli.command()
@click.argument("graph_file", metavar="GRAPH", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(0), metavar="SECONDS",
              help=TIMEOUT_HELP)
def actors(graph_file: str, fmt: str, timeout: float) -> None:
    """List the actors in GRAPH with their types, mention counts and aliases."""
    from .query import format_result

    click.echo(format_result(_answer(graph_file, "actors", {}, timeout or None), fmt))


@cli.command()
@click.argument("graph_file", metavar="GRAPH", type=click.Path())
@click.option("-o", "--output", "out", default="graph.html", show_default=True, type=click.Path(dir_okay=False),
              help="The page to write.")
@click.option("--max-nodes", default=500, show_default=True, type=click.IntRange(0),
              help="Draw at most this many actors, the most connected (0: all).")
@click.option("--types", default=None, metavar="TYPE,...",
              help="Only actors of these types: Person, Organization, Country, Place.")
@click.option("--min-weight", default=1, show_default=True, type=click.IntRange(1),
              help="Only relations stated at least this many times.")
@click.option("--min-confidence", default=0.0, show_default=True, type=click.FloatRange(0, 1),
              help="Only evidence at or above this confidence.")
@click.option("--title", default=None, help="The page's title (default: the name of the folder holding the articles).")
def render(graph_file: str, out: str, max_nodes: int, types: str | None, min_weight: int,
           min_confidence: float, title: str | None) -> None:
    """Redraw the interactive page from GRAPH (a graph.ttl) without re-reading articles."""
    from .views import render as render_page

    wanted = [t.strip() for t in types.split(",") if t.strip()] if types else None
    try:
        info = render_page(graph_file, out, max_nodes=max_nodes, types=wanted, min_weight=min_weight,
                           min_confidence=min_confidence, title=title)
    except GraphbuildError as exc:
        _fail(exc)
    shown = f"{info.nodes_drawn} of {info.nodes_total}" if info.capped else str(info.nodes_drawn)
    click.echo(one_line(f"Wrote {out}: {shown} actors, {info.edges_drawn} relations"))


@cli.command()
@click.argument("graph_file", metavar="GRAPH", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["gexf", "graphml", "csv", "evidence", "jsonld"]), required=True,
              help="gexf, graphml (Gephi), csv (a row per relation), evidence (a row per statement), jsonld.")
@click.option("-o", "--output", "out", default=None, type=click.Path(dir_okay=False),
              help="The file to write (default: beside GRAPH, with the format's suffix).")
@click.option("--min-confidence", default=0.0, show_default=True, type=click.FloatRange(0, 1),
              help="Only evidence at or above this confidence (gexf, graphml, csv, evidence).")
def export(graph_file: str, fmt: str, out: str | None, min_confidence: float) -> None:
    """Export GRAPH for Gephi (gexf, graphml), spreadsheets (csv, evidence) or JSON-LD."""
    from .views import export as export_graph

    try:
        path = export_graph(graph_file, fmt, out, min_confidence=min_confidence)
    except GraphbuildError as exc:
        _fail(exc)
    click.echo(one_line(f"Wrote {path}"))


@cli.command()
@click.argument("old", type=click.Path())
@click.argument("new", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def diff(old: str, new: str, fmt: str) -> None:
    """Show what changed from OLD to NEW (graph files or output folders): actors added, removed and
    merged, relations added, removed and restated, with their evidence and dates."""
    from .diff import diff_paths, format_json, format_text

    try:
        changes = diff_paths(old, new)
    except GraphbuildError as exc:
        _fail(exc)
    click.echo(format_json(changes) if fmt == "json" else format_text(changes))


def main() -> None:
    """The console script's entry point."""
    cli(prog_name="graphbuild")


if __name__ == "__main__":
    main()
