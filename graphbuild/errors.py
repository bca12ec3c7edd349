"""graphbuild's own errors: each carries one line a user can act on."""
from __future__ import annotations


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters escaped (ESC as ``\\x1b``), so a
    message stays one line and nothing in a file name or article can drive the terminal."""
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in text)


class GraphbuildError(Exception):
    """A problem the user can fix; its message is one line naming what and how."""


class ModelNotFound(GraphbuildError):
    """No usable spaCy model is installed."""


class QueryError(GraphbuildError):
    """A SPARQL query that is malformed or not allowed."""


class InputError(GraphbuildError):
    """A path that cannot be read as articles."""
