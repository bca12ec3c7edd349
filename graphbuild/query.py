"""Answering SPARQL over a built graph, safely.

A query may be a SPARQL string, a ``.rq`` file, or the name of a bundled query
(:func:`bundled_queries`). Queries never reach the network or the file system on
a query's behalf: SERVICE, FROM / FROM NAMED and updates are refused (checked
with rdflib's parser before anything runs). Graphs are read and queries answered
by Oxigraph (:mod:`graphbuild.graphfile`): on the BBC graph each bundled query
takes a fraction of a second there, where rdflib's engine takes minutes.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from pyparsing import ParseException
from rdflib import Graph, Literal
from rdflib.plugins import sparql as _sparql
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from .errors import GraphbuildError, QueryError
from .graphfile import oxigraph_store, oxigraph_term, read_graph

# Never fetch the graphs a query names with FROM: graphbuild answers from the file it was given.
_sparql.SPARQL_LOAD_GRAPHS = False


@dataclass(frozen=True, slots=True)
class QueryResult:
    """A table of answers: column names and rows of plain strings."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def bundled_queries() -> dict[str, str]:
    """The queries that ship with graphbuild, by name ("actors", "relations", ...)."""
    folder = resources.files("graphbuild") / "queries"
    return {Path(item.name).stem: item.read_text(encoding="utf-8")
            for item in folder.iterdir() if item.name.endswith(".rq")}


def resolve_query(query: str) -> str:
    """Turn a bundled name, a ``.rq`` path or SPARQL text into SPARQL text.

    Raises:
        QueryError: when a ``.rq`` file cannot be read.
    """
    bundled = bundled_queries()
    if query in bundled:
        return bundled[query]
    if query.endswith(".rq"):
        try:
            return Path(query).read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(f"{query}: cannot read the query file ({exc.strerror}); check the path") from exc
    return query


def _walk(node) -> bool:
    """Whether a parsed query contains a SERVICE clause anywhere."""
    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            return True
        return any(_walk(value) for value in node.values())
    if isinstance(node, (list, tuple)):
        return any(_walk(value) for value in node)
    return False


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except ParseException:
        return False
    return True


def check_query(text: str) -> None:
    """Refuse queries that would reach outside the graph, or that do not parse.

    Raises:
        QueryError: naming what was refused and why.
    """
    try:
        prologue, body = parseQuery(text)
    except ParseException as exc:
        if _is_update(text):
            raise QueryError("updates (LOAD, INSERT, DELETE, CLEAR, ...) are not allowed: "
                             "graphbuild only reads the graph") from exc
        raise QueryError(f"the query does not parse as SPARQL: {exc.msg} (line {exc.lineno}, "
                         f"column {exc.col})") from exc
    if "datasetClause" in body:
        raise QueryError("FROM / FROM NAMED are not allowed: graphbuild answers from the graph file given")
    if _walk(body):
        raise QueryError("SERVICE is not allowed: graphbuild queries never reach the network")


def load_graph(path: str | Path) -> Graph:
    """Read a graph file written by graphbuild (Turtle, or any format by suffix).

    The file is parsed by Oxigraph and the graph kept in an Oxigraph store
    behind rdflib's ``Graph`` API (:func:`graphbuild.graphfile.read_graph`).

    Raises:
        GraphbuildError: when the file is missing or does not parse.
    """
    path = Path(path)
    if not path.is_file():
        raise GraphbuildError(f"{path}: no such graph file; build one with: graphbuild build ARTICLES -o DIR")
    try:
        graph = read_graph(path)
    except Exception as exc:  # SyntaxError, OSError, ValueError from the parser
        raise GraphbuildError(f"{path}: not a readable RDF graph ({type(exc).__name__}); "
                              f"pass the graph.ttl a build wrote") from exc
    return graph


def _text(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    return "" if term is None else term.value


def run_query(graph: Graph, query: str, bindings: Mapping[str, str] | None = None) -> QueryResult:
    """Answer a query (bundled name, ``.rq`` path or SPARQL text) over ``graph``.

    The query is checked (:func:`check_query`), then answered by Oxigraph over
    the graph's store (a graph from :func:`load_graph` has one; any other graph
    is copied into one first). The graph's prefixes hold in the query, as in
    rdflib's ``Graph.query``.

    Args:
        graph: the graph to ask.
        query: what to ask.
        bindings: values for the query's variables, as literals (never pasted into the text).

    Raises:
        QueryError: when the query does not parse, is not a SELECT/ASK, or is refused.
    """
    text = resolve_query(query)
    check_query(text)
    values = {name: Literal(value) for name, value in (bindings or {}).items()}
    try:
        return _answer(oxigraph_store(graph).query(
            text, prefixes={prefix: str(ns) for prefix, ns in graph.namespaces()},
            substitutions={ox.Variable(name): oxigraph_term(value) for name, value in values.items()}))
    except QueryError:
        raise
    except Exception as exc:  # SyntaxError for what Oxigraph cannot parse, OSError/ValueError on evaluation
        if not values:
            raise QueryError(f"the query failed: {exc}") from exc
    # Oxigraph binds only variables the query selects; rdflib's engine binds any (slower, same answer).
    memory = Graph()
    for prefix, namespace in graph.namespaces():
        memory.bind(prefix, namespace, override=True)
    memory += graph
    try:
        result = memory.query(text, initBindings=values)
    except Exception as exc:  # evaluation errors surface as assorted types
        raise QueryError(f"the query failed: {exc}") from exc
    if result.type == "ASK":
        return QueryResult(("answer",), ((str(bool(result.askAnswer)).lower(),),))
    if result.type != "SELECT":
        raise QueryError("only SELECT and ASK queries are supported")
    columns = tuple(str(v) for v in result.vars)
    return QueryResult(columns, tuple(tuple("" if row[i] is None else str(row[i]) for i in range(len(columns)))
                                      for row in result))


def _answer(result: ox.QueryBoolean | ox.QuerySolutions | ox.QueryTriples) -> QueryResult:
    """Oxigraph's answer as a table of strings."""
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(("answer",), ((str(bool(result)).lower(),),))
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("only SELECT and ASK queries are supported")
    columns = tuple(v.value for v in result.variables)
    return QueryResult(columns, tuple(tuple(_text(solution[i]) for i in range(len(columns))) for solution in result))


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result as an aligned text table, CSV or JSON (a list of objects)."""
    if fmt == "json":
        return json.dumps([dict(zip(result.columns, row)) for row in result.rows], ensure_ascii=False, indent=1)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(result.rows)
        return buffer.getvalue().rstrip("\n")
    widths = [min(60, max([len(c), *(len(r[i]) for r in result.rows)])) for i, c in enumerate(result.columns)]

    def line(cells) -> str:
        return "  ".join(_clip(cell, w).ljust(w) for cell, w in zip(cells, widths)).rstrip()

    out = [line(result.columns), line("-" * w for w in widths)]
    out += [line(row) for row in result.rows]
    out.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(out)


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
