"""Answering SPARQL over a built graph, safely.

A query may be a SPARQL string, a ``.rq`` file, or the name of a bundled query
(:func:`bundled_queries`). Queries never reach the network or the file system on
a query's behalf, by two lines of defence:

* the text guard (:func:`check_query`) refuses SERVICE, FROM / FROM NAMED and
  updates, read with rdflib's parser from :func:`canonical_text`, the one text
  the engine is then given (escapes expanded and line endings made newlines, so
  the guard and the engine cannot read a comment or an escape differently);
* the engine runs in a child process that cannot open a network socket, is
  stopped after a time limit and on Ctrl-C, and has a memory cap
  (:mod:`graphbuild.sandbox`): Oxigraph's SERVICE cannot be turned off from
  Python, so this holds even if the guard were wrong.

Graphs are read and queries answered by Oxigraph (:mod:`graphbuild.graphfile`): on
the BBC graph each bundled query takes a fraction of a second there, where
rdflib's engine takes minutes.
"""
from __future__ import annotations

import csv
import difflib
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from pyparsing import ParseException, ParseResults
from rdflib import Graph, Literal, Variable
from rdflib.plugins import sparql as _sparql
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from .errors import GraphbuildError, QueryError, one_line
from .graphfile import oxigraph_store, oxigraph_term, read_graph
from .sandbox import JobFailed, TimeLimitExceeded, run_sandboxed

# Never fetch the graphs a query names with FROM: graphbuild answers from the file it was given.
_sparql.SPARQL_LOAD_GRAPHS = False

#: Seconds a query may run before it is stopped (the CLI's ``--timeout``).
DEFAULT_TIMEOUT = 60.0
#: A word that can only mean a bundled query's name (SPARQL always has a space or brace).
_BARE_NAME = re.compile(r"[A-Za-z][\w-]*")
#: Variables of the bundled queries that hold an actor's canonical label: a value bound to
#: one of them may be any of the actor's names (its label or an alias).
ACTOR_NAME_VARIABLES = {"evidence": ("subject", "object"), "relations": ("subject", "object"),
                        "actors": ("label",)}
ACTOR_LABELS = """SELECT DISTINCT ?label ?name WHERE {
  ?actor <http://www.w3.org/2000/01/rdf-schema#label> ?label .
  { ?actor <http://www.w3.org/2000/01/rdf-schema#label> ?name }
  UNION { ?actor <http://www.w3.org/2004/02/skos/core#altLabel> ?name }
} ORDER BY ?label"""


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
    """Turn a bundled name, a query file or SPARQL text into SPARQL text.

    Raises:
        QueryError: when a query file cannot be read, or a bare word names no bundled query.
    """
    bundled = bundled_queries()
    if query in bundled:
        return bundled[query]
    path = Path(query)
    if query.endswith(".rq") or ("{" not in query and "\n" not in query and _is_file(path)):
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
            raise QueryError(f"{query}: cannot read the query file ({reason}); check the path") from exc
    if _BARE_NAME.fullmatch(query):
        close = difflib.get_close_matches(query, bundled, n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise QueryError(f"{query!r} is neither a bundled query ({', '.join(sorted(bundled))}) nor a query file; "
                         f"{hint}pass SPARQL text, a .rq file or one of those names")
    return query


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long for the file system, a NUL byte
        return False


#: SPARQL's codepoint escapes, as the standard defines them: \\u and four hex digits, \\U and eight.
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
#: What any parser might still read as an escape once those are expanded (rdflib's reading is looser).
_LEFTOVER_ESCAPE = re.compile(r"\\[uU][0-9A-Fa-f]{4}")


def canonical_text(text: str) -> str:
    """The query text both the guard and the engine read: escapes expanded, every line ending a newline.

    SPARQL's ``\\u``/``\\U`` escapes may stand anywhere in a query, and a
    comment ends at a carriage return as well as a newline; parsers differ
    on both (rdflib expands escapes before parsing and ends comments only at
    a newline; Oxigraph does neither). The guard checks, and the engine runs,
    this one text, in which neither question arises.

    Raises:
        QueryError: an escape is not a Unicode character, or an escape spells another escape.
    """
    def expand(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise QueryError(f"{match.group(0)} is not a Unicode character (escapes run from \\u0000 to "
                             f"\\U0010FFFF, surrogates excluded); fix or remove the escape")
        return chr(code)

    expanded = _ESCAPE.sub(expand, text)
    leftover = _LEFTOVER_ESCAPE.search(expanded)
    if leftover:
        raise QueryError(f"the query holds an escape graphbuild cannot read one way only ({leftover.group(0)!r}, "
                         f"perhaps written with an escaped backslash); write the character itself")
    return expanded.replace("\r\n", "\n").replace("\r", "\n")


def _walk(node) -> bool:
    """Whether a parsed query contains a SERVICE clause anywhere."""
    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            return True
        return any(_walk(value) for value in node.values())
    if isinstance(node, (list, tuple)):
        return any(_walk(value) for value in node)
    return False


def _variables(node, found: set[str]) -> set[str]:
    """Every variable a parsed query names."""
    if isinstance(node, Variable):
        found.add(str(node))
    elif isinstance(node, CompValue):
        for value in node.values():
            _variables(value, found)
    elif isinstance(node, (list, tuple, ParseResults)):
        for value in node:
            _variables(value, found)
    return found


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except Exception:  # noqa: BLE001 - anything that is not an update
        return False
    return True


@dataclass(frozen=True, slots=True)
class PreparedQuery:
    """A checked query: the text the engine runs, and the variables it names."""

    text: str
    variables: frozenset[str]


def prepare_query(text: str) -> PreparedQuery:
    """Check a query (:func:`check_query`) and give the text to run and its variables.

    Raises:
        QueryError: naming what was refused and why.
    """
    text = canonical_text(text)
    try:
        prologue, body = parseQuery(text)
    except ParseException as exc:
        if _is_update(text):
            raise QueryError("updates (LOAD, INSERT, DELETE, CLEAR, ...) are not allowed: "
                             "graphbuild only reads the graph") from exc
        raise QueryError(f"the query does not parse as SPARQL: {exc.msg} (line {exc.lineno}, "
                         f"column {exc.col})") from exc
    except RecursionError as exc:
        raise QueryError("the query is nested too deeply to check; flatten it") from exc
    except Exception as exc:  # noqa: BLE001 - the parser's other failures (bad code points, ...)
        raise QueryError(f"the query does not parse as SPARQL ({type(exc).__name__}: {exc})") from exc
    if "datasetClause" in body:
        raise QueryError("FROM / FROM NAMED are not allowed: graphbuild answers from the graph file given")
    if _walk(body):
        raise QueryError("SERVICE is not allowed: graphbuild queries never reach the network")
    return PreparedQuery(text, frozenset(_variables([prologue, body], set())))


def check_query(text: str) -> None:
    """Refuse queries that would reach outside the graph, or that do not parse.

    The query is read as :func:`canonical_text` gives it, the text
    :func:`run_query` hands the engine.

    Raises:
        QueryError: naming what was refused and why.
    """
    prepare_query(text)


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


def run_query(graph: Graph, query: str, bindings: Mapping[str, str] | None = None, *,
              timeout: float | None = DEFAULT_TIMEOUT) -> QueryResult:
    """Answer a query (bundled name, ``.rq`` path or SPARQL text) over ``graph``.

    The query is checked (:func:`check_query`), then answered by Oxigraph over
    the graph's store (a graph from :func:`load_graph` has one; any other graph
    is copied into one first), in a child process that cannot open a network
    socket and is stopped after ``timeout`` seconds (:mod:`graphbuild.sandbox`).
    The graph's prefixes hold in the query, as in rdflib's ``Graph.query``.

    Args:
        graph: the graph to ask.
        query: what to ask.
        bindings: values for the query's variables, as literals (never pasted into the text).
            For the bundled queries, an actor's name may be any of its names.
        timeout: seconds before the query is stopped; None for no limit.

    Raises:
        QueryError: when the query does not parse, is not a SELECT/ASK, is refused, binds a
            variable it does not have, or runs out of time or memory.
        KeyboardInterrupt: on Ctrl-C, once the query is stopped.
    """
    prepared = prepare_query(resolve_query(query))
    bindings = dict(bindings or {})
    unknown = sorted(set(bindings) - prepared.variables)
    if unknown:
        have = ", ".join(f"?{v}" for v in sorted(prepared.variables)) or "none"
        raise QueryError(f"the query has no variable ?{unknown[0]} to bind (its variables: {have}); "
                         f"check the --bind name")
    names = [v for v in ACTOR_NAME_VARIABLES.get(query, ()) if v in bindings]
    try:
        return run_sandboxed(_run, graph, prepared.text, bindings, names, timeout=timeout)
    except TimeLimitExceeded:
        raise QueryError(f"the query ran longer than {timeout:g} s and was stopped; narrow it down "
                         f"(LIMIT, FILTER, fewer joined patterns) or allow more time with --timeout") from None
    except JobFailed as exc:
        raise QueryError(f"the query failed: {exc}; narrow it down (LIMIT, FILTER)") from None


def _canonical_name(store: ox.Store, variable: str, value: str) -> str:
    """The canonical label of the one actor that ``value`` names (by label or alias).

    Raises:
        QueryError: when several actors have that name and none has it as its label.
    """
    labels = [row[0].value for row in store.query(ACTOR_LABELS,
                                                  substitutions={ox.Variable("name"): ox.Literal(value)})]
    return choose_label(variable, value, labels)


def choose_label(variable: str, value: str, labels: list[str]) -> str:
    """Of the labels of the actors named ``value`` (:data:`ACTOR_LABELS`), the one a binding means.

    Raises:
        QueryError: when several actors have that name and none has it as its label.
    """
    if not labels or value in labels:
        return value
    if len(labels) == 1:
        return labels[0]
    shown = "; ".join(labels[:5]) + ("; ..." if len(labels) > 5 else "")
    raise QueryError(f"{variable}={value!r} names {len(labels)} actors ({shown}); bind one of those labels")


def _run(graph: Graph, text: str, bindings: dict[str, str], names: list[str]) -> QueryResult:
    """Answer a checked query (in the sandboxed child)."""
    store = oxigraph_store(graph)
    for variable in names:
        bindings[variable] = _canonical_name(store, variable, bindings[variable])
    values = {name: Literal(value) for name, value in bindings.items()}
    try:
        return _answer(store.query(
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
    text = one_line(" ".join(text.split()))
    return text if len(text) <= width else text[: width - 1] + "…"
