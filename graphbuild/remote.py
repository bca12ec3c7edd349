"""A built graph in a SPARQL server: pushing it there, and asking it questions over HTTP.

:func:`push` loads a build's ``graph.ttl`` into any server that speaks the
SPARQL 1.1 Graph Store HTTP Protocol (Oxigraph server, Apache Jena Fuseki,
Virtuoso), as one named graph (:data:`DEFAULT_GRAPH` unless told otherwise),
replacing what that graph held. The output folder remembers what it last
pushed to each store and graph (``.graphbuild/pushed/``), so the next push,
after an ``--update`` build or any rebuild, sends only the triples that changed,
as one SPARQL Update request (``DELETE DATA`` then ``INSERT DATA``).

:func:`query_endpoint` answers a query, bundled ones included, at a SPARQL
endpoint, after the same checks as on a file
(:func:`graphbuild.query.prepare_query`). The query's dataset is the named graph,
through the protocol's ``default-graph-uri`` parameter; values bound to its
variables travel as a ``VALUES`` clause of serialized RDF literals, never pasted
into the query text as they are.

HTTP goes through the standard library's :mod:`urllib`: plain requests, no
sessions, nothing a dependency would add.
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.plugins.sparql.parser import parseQuery

from .cache import STATE_DIR
from .errors import GraphbuildError, QueryError
from .files import atomic_write
from .query import ACTOR_LABELS, ACTOR_NAME_VARIABLES, QueryResult, choose_label, prepare_query, resolve_query
from .vocab import bind_namespaces

#: The named graph a build is pushed to, and queried in, unless ``--graph`` names another.
DEFAULT_GRAPH = "https://graphbuild.dev/graph"
#: ``--graph default``: the endpoint's own default graph (no ``default-graph-uri``).
ENDPOINT_DEFAULT = "default"
#: Seconds to wait for a server's answer.
TIMEOUT = 600
PUSHED_DIR = "pushed"
STORE_HINT = "is it a Graph Store Protocol endpoint (Oxigraph: /store; Fuseki: /DATASET/data)?"


@dataclass(frozen=True, slots=True)
class PushReport:
    """What a push sent.

    Attributes:
        graph: the named graph's IRI.
        store: the Graph Store endpoint.
        triples: the triples the named graph holds now.
        added: triples sent (every one, when the graph was replaced whole).
        removed: triples deleted from it (0 when replaced whole).
        replaced: the whole graph was sent (else only the changes, or nothing if none).
        seconds: wall time of the push.
    """

    graph: str
    store: str
    triples: int
    added: int
    removed: int
    replaced: bool
    seconds: float


def graph_iri(graph: str) -> ox.NamedNode:
    """The named graph ``graph`` names.

    Raises:
        GraphbuildError: when it is not an absolute IRI.
    """
    try:
        if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", graph):
            raise ValueError(graph)
        return ox.NamedNode(graph)
    except ValueError:
        raise GraphbuildError(f"--graph {graph!r} is not an absolute IRI (e.g. {DEFAULT_GRAPH})") from None


def _send(method: str, url: str, body: bytes | None, headers: dict[str, str], *, what: str, hint: str,
          timeout: float | None = None) -> bytes:
    """One HTTP request; the answer's body.

    Raises:
        GraphbuildError: when the server cannot be reached or answers with an error.
    """
    if not url.lower().startswith(("http://", "https://")):
        raise GraphbuildError(f"{url}: not an http:// or https:// URL")
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout or TIMEOUT) as response:
            return response.read()
    except TimeoutError:
        raise GraphbuildError(f"{url} did not answer {what} within {timeout or TIMEOUT:g} s; "
                              f"raise --timeout, or ask for less") from None
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read(300).decode("utf-8", "replace").split())
        raise GraphbuildError(f"{url} refused {what} (HTTP {exc.code}{': ' + detail if detail else ''}); "
                              f"{hint}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise GraphbuildError(f"cannot reach {url} ({reason}); start the server or check the URL") from None


def _with_graph(url: str, graph: ox.NamedNode) -> str:
    """``url`` naming the graph as the Graph Store Protocol's indirect identification does (?graph=IRI)."""
    return f"{url}{'&' if '?' in url else '?'}{urllib.parse.urlencode({'graph': graph.value})}"


def update_url_for(store: str) -> str | None:
    """The SPARQL Update endpoint beside a Graph Store endpoint, where the server's layout tells it.

    Oxigraph serves ``/store`` beside ``/update``, Fuseki ``/DATASET/data`` beside
    ``/DATASET/update``; for any other path there is no guess (None).
    """
    parts = urllib.parse.urlsplit(store)
    head, _, last = parts.path.rstrip("/").rpartition("/")
    if last not in ("store", "data"):
        return None
    return urllib.parse.urlunsplit(parts._replace(path=f"{head}/update", query=""))


def _read_triples(path: Path, data: bytes | None = None) -> set[ox.Quad]:
    try:
        if data is None:
            return set(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        return set(ox.parse(data, format=ox.RdfFormat.TURTLE))
    except (SyntaxError, OSError) as exc:
        raise GraphbuildError(f"{path}: not a readable graph ({exc}); build again") from None


def graph_file(out_dir: Path) -> Path:
    """The ``graph.ttl`` a build wrote into ``out_dir``.

    Raises:
        GraphbuildError: when there is none.
    """
    from .outputs import GRAPH_FILE  # here: outputs brings in the page and export writers

    path = out_dir / GRAPH_FILE
    if not path.is_file():
        raise GraphbuildError(f"{out_dir}: no {GRAPH_FILE} there; build one first (graphbuild build ARTICLES -o DIR)")
    return path


def push(out_dir: str | Path, store: str, *, graph: str = DEFAULT_GRAPH, update_url: str | None = None,
         full: bool = False) -> PushReport:
    """Load the graph built in ``out_dir`` into ``graph`` at a Graph Store Protocol endpoint.

    The first push to a store and graph sends the whole ``graph.ttl`` (HTTP PUT,
    which replaces the named graph). Later ones send what changed since,
    as one SPARQL Update request to ``update_url``, unless the changes are
    larger than the graph itself, the graph has blank nodes, or no update
    endpoint is known: then the whole graph again.

    Args:
        out_dir: a build's output folder.
        store: the Graph Store endpoint (Oxigraph: ``http://host:7878/store``;
            Fuseki: ``http://host:3030/DATASET/data``).
        graph: the named graph's IRI.
        update_url: the SPARQL Update endpoint for sending changes; None guesses it
            from ``store`` (:func:`update_url_for`).
        full: send the whole graph even when changes would do.

    Raises:
        GraphbuildError: when ``out_dir`` holds no graph, or the server cannot be
            reached or refuses it.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    path = graph_file(out_dir)
    iri = graph_iri(graph)
    key = hashlib.sha256(f"{store}\n{iri.value}".encode()).hexdigest()[:16]
    state = out_dir / STATE_DIR / PUSHED_DIR
    snapshot, record = state / f"{key}.ttl", state / f"{key}.json"
    update_url = update_url or update_url_for(store)

    # Read once: what is sent, diffed and remembered is one version, even if a build publishes meanwhile.
    data = path.read_bytes()
    triples = _read_triples(path, data)
    changes = None
    if not full and update_url and snapshot.is_file():
        earlier = _read_triples(snapshot)
        added, removed = triples - earlier, earlier - triples
        has_blank = any(isinstance(term, ox.BlankNode) for q in added | removed for term in (q.subject, q.object))
        if len(added) + len(removed) < len(triples) and not has_blank:
            changes = added, removed
    if changes is None:
        _send("PUT", _with_graph(store, iri), data, {"Content-Type": "text/turtle; charset=utf-8"},
              what="the graph", hint=STORE_HINT)
        added, removed = triples, set()
    elif added or removed:
        _send("POST", update_url, _update_request(iri, added, removed),
              {"Content-Type": "application/sparql-update; charset=utf-8"}, what="the changes",
              hint="is --update-url its SPARQL Update endpoint (Oxigraph: /update; Fuseki: /DATASET/update)?")
    # Remember what the store holds now, for the next push to send only what changes.
    state.mkdir(parents=True, exist_ok=True)
    with atomic_write(snapshot, "wb") as handle:
        handle.write(data)
    with atomic_write(record) as handle:
        handle.write(json.dumps({"store": store, "graph": iri.value, "triples": len(triples)}, indent=1))
    return PushReport(graph=iri.value, store=store, triples=len(triples), added=len(added), removed=len(removed),
                      replaced=changes is None, seconds=time.perf_counter() - started)


def _update_request(graph: ox.NamedNode, added: set[ox.Quad], removed: set[ox.Quad]) -> bytes:
    """``DELETE DATA`` the removed triples and ``INSERT DATA`` the added ones, in ``graph``.

    The triples are written by Oxigraph's N-Triples serializer, whose terms are valid SPARQL.
    """
    operations = []
    for keyword, quads in (("DELETE DATA", removed), ("INSERT DATA", added)):
        if quads:
            lines = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES)
            operations.append(f"{keyword} {{ GRAPH {graph} {{\n".encode() + lines + b"} }")
    return b" ;\n".join(operations)


def _prologue(text: str) -> str:
    """PREFIX lines for the graph's prefixes the query uses, as on a file (the query's own come after, and win)."""
    prefixes = dict(bind_namespaces(Graph()).namespaces())
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes.items()
                   if re.search(rf"(?<![\w.-]){re.escape(p)}:", text))


def _values_clause(bindings: Mapping[str, str]) -> str:
    """A trailing VALUES clause binding each variable to a plain literal, serialized by Oxigraph."""
    try:
        variables = [str(ox.Variable(name)) for name in bindings]
    except ValueError as exc:
        raise QueryError(f"--bind: {', '.join(map(repr, bindings))} is not a valid variable name ({exc})") from None
    values = [str(ox.Literal(value)) for value in bindings.values()]
    return f"\nVALUES ({' '.join(variables)}) {{ ({' '.join(values)}) }}\n"


def query_endpoint(url: str, query: str, bindings: Mapping[str, str] | None = None, *,
                   graph: str = DEFAULT_GRAPH, timeout: float | None = None) -> QueryResult:
    """Answer a query (bundled name, ``.rq`` path or SPARQL text) at a SPARQL endpoint.

    The query is checked first, as on a file (:func:`graphbuild.query.prepare_query`),
    and nothing is sent if it is refused. Bound values join the query's solutions
    as a trailing ``VALUES`` clause: for every variable the query's pattern binds
    (those of the bundled queries included) the rows are those ``--bind`` gives on
    a file; a bundled query's actor may be bound by any of its names, as on a file.

    Args:
        url: the SPARQL query endpoint (Oxigraph: ``http://host:7878/query``).
        query: what to ask.
        bindings: values for the query's variables, as plain literals.
        graph: the named graph to ask (:data:`DEFAULT_GRAPH`, where :func:`push`
            puts a build); ``"default"`` for the endpoint's own default graph.
        timeout: seconds to wait for each answer (None: :data:`TIMEOUT`).

    Raises:
        QueryError: when the query is refused, does not parse, is not a SELECT/ASK,
            or binds a variable it does not have.
        GraphbuildError: when the endpoint cannot be reached or answers with an error.
    """
    prepared = prepare_query(resolve_query(query))
    bindings = dict(bindings or {})
    unknown = sorted(set(bindings) - prepared.variables)
    if unknown:
        raise QueryError(f"the query has no variable ?{unknown[0]} to bind; check the --bind name")
    ask = functools.partial(_ask, url, graph=graph, timeout=timeout)
    for variable in ACTOR_NAME_VARIABLES.get(query, ()):
        if variable in bindings:
            labels = [row[0] for row in ask(ACTOR_LABELS, {"name": bindings[variable]}).rows]
            bindings[variable] = choose_label(variable, bindings[variable], labels)
    return ask(prepared.text, bindings)


def _ask(url: str, text: str, bindings: Mapping[str, str], *, graph: str, timeout: float | None) -> QueryResult:
    """Send one checked query, its bindings as a trailing VALUES clause; its answer as a table."""
    form = parseQuery(text)[1]
    if form.name not in ("SelectQuery", "AskQuery"):
        raise QueryError("only SELECT and ASK queries are supported")
    if bindings:
        if "valuesClause" in form:
            raise QueryError("--bind cannot be used with a query that ends in its own VALUES clause")
        text += _values_clause(bindings)
    params = {"query": _prologue(text) + text}
    if graph != ENDPOINT_DEFAULT:
        params["default-graph-uri"] = graph_iri(graph).value
    answer = _send("POST", url, urllib.parse.urlencode(params).encode(),
                   {"Content-Type": "application/x-www-form-urlencoded",
                    "Accept": "application/sparql-results+json, application/sparql-results+xml;q=0.9"},
                   what="the query", hint="is it a SPARQL query endpoint (Oxigraph: /query; Fuseki: /DATASET/query)?",
                   timeout=timeout)
    return _table(answer)


def _table(answer: bytes) -> QueryResult:
    """SPARQL results (JSON, or XML from a server that prefers it) as a table of strings."""
    fmt = ox.QueryResultsFormat.XML if answer.lstrip().startswith(b"<") else ox.QueryResultsFormat.JSON
    try:
        result = ox.parse_query_results(answer, fmt)
    except (SyntaxError, ValueError) as exc:
        raise GraphbuildError(f"the endpoint's answer is not SPARQL results ({exc}); is the URL a query "
                              f"endpoint?") from None
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(("answer",), ((str(bool(result)).lower(),),))
    columns = tuple(v.value for v in result.variables)
    return QueryResult(columns, tuple(tuple("" if s[i] is None else s[i].value for i in range(len(columns)))
                                      for s in result))
