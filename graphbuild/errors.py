"""graphbuild's own errors: each carries one line a user can act on."""
from __future__ import annotations


class GraphbuildError(Exception):
    """A problem the user can fix; its message is one line naming what and how."""


class ModelNotFound(GraphbuildError):
    """No usable spaCy model is installed."""


class QueryError(GraphbuildError):
    """A SPARQL query that is malformed or not allowed."""


class InputError(GraphbuildError):
    """A path that cannot be read as articles."""
