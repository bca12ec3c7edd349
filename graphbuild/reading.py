"""Read news articles from files: stage 1 of graphbuild.

:func:`find_sources` turns the paths a user gave (files, folders, glob
patterns) into a sorted list of files; :func:`read_articles` streams one
:class:`~graphbuild.records.Article` per readable, English, new article and
one :class:`InputProblem` per file it had to skip, so one bad file never stops
a run. Text files (.txt, .md) are split into a title (the first non-empty line,
or a Markdown ``# heading``) and a body of paragraphs, which
:mod:`graphbuild.cleaning` rids of page furniture; HTML pages go through
trafilatura's main-text extraction first. Each article's publication date, and
the front matter, date line or dateline it came from, are found by
:mod:`graphbuild.dates`.

Example:
    >>> for item in read_articles(["articles/"]):  # doctest: +SKIP
    ...     print(item.title if isinstance(item, Article) else item.message)
"""
from __future__ import annotations

import codecs
import functools
import hashlib
import html as html_lib
import os
import re
import stat
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from glob import glob
from pathlib import Path

import pycountry
from charset_normalizer import from_bytes

from graphbuild.cache import STATE_DIR
from graphbuild.cleaning import MIN_RECURRENCE_ARTICLES, clean_body, find_recurring
from graphbuild.dates import HTML_DATE_PARAMS, Dating, take_dateline, take_leading_date
from graphbuild.errors import InputError
from graphbuild.records import Article, RemovedLine

#: File suffixes read from folders and glob patterns (compared in lower case).
TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
#: The default cap on a file's size; the CLI's ``--max-bytes`` changes it.
DEFAULT_MAX_BYTES = 5_000_000
#: Characters of the content hash kept as :attr:`Article.id`.
ID_LENGTH = 16

#: Only the start of a long text is looked at to tell its language.
LANGUAGE_SAMPLE_CHARS = 600
#: A text is taken to be in another language only when the identifier (py3langid) gives that
#: language at least this probability; below it, the text is kept. On the 2,225 BBC articles
#: English always wins (at 0.995 or more); short texts in ten other languages and scripts score
#: 0.77 and more (see README: "Language identification").
MIN_OTHER_LANGUAGE_PROBABILITY = 0.7

#: When UTF-8 fails, these encodings win over charset-normalizer's first guess if they
#: fit almost as well (their mess ratio is at most :data:`ENCODING_CHAOS_MARGIN` higher).
PREFERRED_ENCODINGS = ("cp1252", "iso8859_15", "latin_1")
ENCODING_CHAOS_MARGIN = 0.05

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GLOB_CHARS = frozenset("*?[")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_STRAY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Share of control characters above which decoded bytes are binary, not text.
MAX_CONTROL_SHARE = 0.01

# Light Markdown. Block syntax is read per line; inline syntax is stripped per paragraph.
_MD_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(\s+#+)?\s*$")
_MD_DROP = re.compile(r"^\s*(=+|\[[^\]]+\]:\s*\S+.*)\s*$")  # setext underlines, link refs
_MD_FENCE = ("```", "~~~")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_INLINE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # image
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # inline link
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference link
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolink
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),  # emphasis
    (re.compile(r"`([^`]+)`"), r"\1"),  # inline code
    (re.compile(r"^\s*([*+-]|\d+[.)])\s+(?=\S)"), ""),  # list marker
    (re.compile(r"\s{2,}"), " "),  # the gap an image or marker left
)
#: A line that starts a new paragraph even inside a block: a list item.
_LIST_ITEM = re.compile(r"^\s*([*+•-]|\d+[.)])\s+\S")
#: Hard-wrapped text breaks its lines at about one width, at most this many characters.
MAX_WRAP_WIDTH = 100
#: In hard-wrapped text, a line shorter than this share of the width ends its paragraph.
WRAP_LINE_SHARE = 0.6
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


#: :attr:`InputProblem.kind` of a file that could not be used.
SKIPPED = "skipped"
#: :attr:`InputProblem.kind` of a file whose text was already read from another: information, not a failure.
DUPLICATE = "duplicate"
#: The names a build writes into its output folder that an input folder could hold as articles.
OUTPUT_NAMES = frozenset({"graph.html"})


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A file that was skipped, and why.

    Attributes:
        source: the path of the file.
        message: one line: what is wrong and what to do about it.
        kind: :data:`SKIPPED` for a file that could not be used, :data:`DUPLICATE` for
            the same text as a file already read (nothing is lost).
    """

    source: str
    message: str
    kind: str = SKIPPED


class _Skip(Exception):
    """Internal: a file cannot become an article; the message says why."""


def find_sources(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files, folders and glob patterns into the files to read.

    Folders are searched recursively and glob patterns expanded; from both,
    only .txt, .md, .html and .htm files are taken (hidden files and folders
    are skipped). A file named explicitly is kept whatever its suffix, so that
    :func:`read_articles` can report it.

    Args:
        paths: files, folders or glob patterns (``"news/**/*.txt"``).

    Returns:
        The files, sorted and without duplicates.

    Raises:
        InputError: a path does not exist, a pattern matches no article file,
            or a folder holds none.
    """
    if isinstance(paths, (str, Path)):  # one path, not an iterable of its characters
        paths = [paths]
    found: dict[Path, Path] = {}

    def add(path: Path) -> None:
        found.setdefault(path.resolve(), path)

    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            files = _folder_files(path)
            if not files:
                raise InputError(
                    f"{raw}: folder holds no .txt, .md or .html files; point at a folder of articles"
                )
            for file in files:
                add(file)
        elif path.exists():
            add(path)
        elif _GLOB_CHARS & set(str(raw)):
            matches = [Path(m) for m in sorted(glob(str(path), recursive=True))]
            files = [f for m in matches for f in (_folder_files(m) if m.is_dir() else [m])
                     if f.is_file() and _is_article_file(f)]
            if not files:
                raise InputError(
                    f"{raw}: pattern matches no .txt, .md or .html file; check it, and quote it so the"
                    " shell does not expand it"
                )
            for file in files:
                add(file)
        else:
            raise InputError(f"{raw}: no such file or folder; check the path")
    return sorted(found.values(), key=str)


def read_articles(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES, clean: bool = True
) -> Iterator[Article | InputProblem]:
    """Read articles from files, folders and glob patterns.

    Files are read in :func:`find_sources` order. Each yields an
    :class:`Article` or, when it cannot be used, an :class:`InputProblem`:
    not an article suffix, unreadable, over ``max_bytes``, empty, binary or
    undecodable, no text found in an HTML page, not English, or the same
    cleaned text as an article already yielded.

    When ``clean`` is true, each text file's folder is first read once to find
    the lines its articles share (:func:`graphbuild.cleaning.find_recurring`);
    HTML pages are left out of that pass, as trafilatura already drops page
    chrome.

    Args:
        paths: files, folders or glob patterns.
        max_bytes: files larger than this are skipped with a problem record.
        clean: remove page furniture (:func:`graphbuild.cleaning.clean_body`).

    Yields:
        Articles and problems, in file order.

    Raises:
        InputError: from :func:`find_sources`, before anything is yielded.
    """
    sources = find_sources(paths)
    first_pass = _FolderPass(sources, max_bytes) if clean else None
    seen: dict[str, str] = {}
    for path in sources:
        try:
            if first_pass is not None:
                title, lines, encoding, dating, recurring = first_pass.parse(path)
            else:
                title, lines, encoding, dating = _parse(path, max_bytes)
                recurring = frozenset()
            article = _make_article(path, title, lines, encoding, clean, recurring, dating)
        except _Skip as skip:
            yield InputProblem(str(path), str(skip))
            continue
        if article.id in seen:
            yield InputProblem(
                str(path), f"duplicate of {seen[article.id]} (same text); read once, skipped here", DUPLICATE
            )
            continue
        seen[article.id] = article.source
        yield article


def explain(article: Article, *, width: int = 100) -> str:
    """Format what the cleaner removed from one article, for ``--explain``.

    Args:
        article: an article from :func:`read_articles`.
        width: longest line shown; longer removed lines are cut with "…".

    Returns:
        A few lines of text: a header naming the source, then one line per removal.

    Example:
        >>> print(explain(Article("ab12", "a.txt", "T", "Body.")))
        a.txt (id ab12, utf-8): nothing removed
    """
    dated = f", dated {article.date}" if article.date else ""
    head = f"{article.source} (id {article.id}, {article.encoding}{dated})"
    if not article.removed:
        return f"{head}: nothing removed"
    count = len(article.removed)
    lines = [f"{head}: {count} line{'s' if count != 1 else ''} removed"]
    for removed in article.removed:
        text = removed.text if len(removed.text) <= width else removed.text[: width - 1] + "…"
        lines.append(f"  - [{removed.reason}] {text}")
    return "\n".join(lines)


def article_id(title: str, body: str) -> str:
    """The content hash that identifies an article: sha256 of title and body, shortened."""
    digest = hashlib.sha256(f"{title}\n\n{body}".encode("utf-8")).hexdigest()
    return digest[:ID_LENGTH]


def decode(data: bytes) -> tuple[str, str]:
    """Decode a file's bytes as text, detecting the encoding when it is not UTF-8.

    Args:
        data: the file's content.

    Returns:
        The text and the name of the encoding used.

    Raises:
        ValueError: the bytes are binary or in no encoding that can be found.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(encoding)), encoding
            except UnicodeDecodeError as error:
                raise ValueError("bytes do not match their byte-order mark") from error
    if b"\x00" in data:
        raise ValueError("NUL bytes")
    try:
        return _check_text(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data))
    if not matches:
        raise ValueError("no text encoding fits")
    # On short texts several code pages fit about as well; English news favours Windows-1252.
    best = matches[0]
    for match in matches:
        if match.encoding in PREFERRED_ENCODINGS and match.chaos <= best.chaos + ENCODING_CHAOS_MARGIN:
            best = match
            break
    return _check_text(str(best)), best.encoding


@functools.cache
def _language_identifier():
    """py3langid's identifier over its bundled model (97 languages), with probabilities that sum to 1."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def guess_language(text: str) -> str | None:
    """Tell whether a text is English, with py3langid's language identifier.

    Args:
        text: the article's text (only its start is looked at).

    Returns:
        None when the text is English, or when no other language is likely enough
        (:data:`MIN_OTHER_LANGUAGE_PROBABILITY`: a list of scores or a short headline
        stays); else the language's name ("French", "Chinese").
    """
    code, probability = _language_identifier().classify(text[:LANGUAGE_SAMPLE_CHARS])
    if code == "en" or probability < MIN_OTHER_LANGUAGE_PROBABILITY:
        return None
    language = pycountry.languages.get(alpha_2=code)
    return language.name if language is not None else f"another language ({code})"


def split_text(text: str, *, markdown: bool = False) -> tuple[str, list[str]]:
    """Split a text file into its title and body paragraphs.

    The title is the first non-empty line (for Markdown, the first ``#``
    heading if there is one). Hard-wrapped text, where every line is short and
    paragraphs are separated by blank lines, is unwrapped into one line per
    paragraph; otherwise every non-empty line is a paragraph.

    Args:
        text: the decoded file.
        markdown: strip Markdown syntax lightly (headings, emphasis, links, images, code).

    Returns:
        The title and the body paragraphs (blank lines dropped).
    """
    if markdown:
        return _split_markdown(text)
    lines = text.splitlines()
    title_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if title_index is None:
        return "", []
    return lines[title_index].strip(), _unwrap(lines[title_index + 1:])


def _folder_files(folder: Path) -> list[Path]:
    return [
        path
        for path in folder.rglob("*")
        if _is_article_file(path)
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and not is_build_output(path)
        and path.is_file()
    ]


def is_build_output(path: Path) -> bool:
    """Whether ``path`` is a file a build wrote (its page), in an output folder inside the input."""
    return path.name in OUTPUT_NAMES and (path.parent / STATE_DIR).is_dir()


#: What each kind of file that is not a regular one is called in a message.
_FILE_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
               (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, reading at most ``max_bytes`` + 1 of them.

    A FIFO, device or socket (or a link to one) is refused before it is read:
    a FIFO would block for ever, ``/dev/zero`` never ends.

    Raises:
        _Skip: for anything that is not a regular file, or over the cap.
        OSError: when the file cannot be opened or read.
    """
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _FILE_KINDS if test(mode)), "not a regular file")
        if stat.S_ISDIR(mode):
            raise _Skip("is a folder, not a file; name the folder itself to read the articles in it")
        raise _Skip(f"is {kind}, not a regular file; name article files only")
    # O_NONBLOCK: should the path have become a FIFO since, opening it does not wait for a writer.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise _Skip("is not a regular file; name article files only")
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise _Skip(f"file is {size:,} bytes, over the {max_bytes:,}-byte cap; raise it with --max-bytes"
                        " or split the file")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # the file grew while it was read
        raise _Skip(f"file is over the {max_bytes:,}-byte cap; raise it with --max-bytes or split the file")
    return data


def _is_article_file(path: Path) -> bool:
    return path.suffix.lower() in ARTICLE_SUFFIXES


def _check_text(text: str) -> str:
    controls = len(_CONTROL.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise ValueError("control characters")
    # A few stray controls in real text become spaces: same length, so offsets hold, and valid XML.
    return _STRAY_CONTROL.sub(" ", text) if controls or "\x0b" in text or "\x0c" in text else text


def _split_markdown(text: str) -> tuple[str, list[str]]:
    """Title and paragraphs of a Markdown file, its syntax stripped lightly."""
    lines: list[str] = []
    headings: set[int] = set()  # indexes in ``lines`` of heading lines
    title_index = None
    fenced = False
    for line in _MD_COMMENT.sub("", text).splitlines():
        if line.lstrip().startswith(_MD_FENCE):
            fenced = not fenced
            lines.append("")
            continue
        if fenced:
            lines.append(line)
            continue
        if _MD_DROP.match(line):
            lines.append("")
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            if title_index is None and len(heading.group(1)) == 1 and heading.group(2).strip():
                title_index = len(lines)
            headings.add(len(lines))
            line = heading.group(2)
        lines.append(_MD_QUOTE.sub("", line))
    if title_index is None:
        title_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if title_index is None:
        return "", []
    # A heading is a paragraph of its own: a blank line on each side keeps it so.
    rest: list[str] = []
    for i, line in enumerate(lines):
        if i == title_index:
            continue
        rest.extend(["", line, ""] if i in headings else [line])
    title = _strip_inline(lines[title_index])
    paragraphs = [_strip_inline(p) for p in _unwrap(rest)]
    return title, [p for p in paragraphs if p]


def _strip_inline(text: str) -> str:
    for pattern, replacement in _MD_INLINE:
        text = pattern.sub(replacement, text)
    return text.strip()


def _unwrap(lines: list[str]) -> list[str]:
    """Paragraphs of a text: one per line, or joined back when the text is hard-wrapped.

    Hard-wrapped text has blank lines, lines no longer than
    :data:`MAX_WRAP_WIDTH`, and at least one line near the width followed by
    another line. There a line joins the one before it unless a blank line
    separates them, it is a list item, or the line before ended short of the
    width (where its writer ended the paragraph).
    """
    stripped = [line.strip() for line in lines]
    text_lines = [line for line in stripped if line]
    if not text_lines:
        return []
    lengths = sorted(len(line) for line in text_lines)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    short = WRAP_LINE_SHARE * width
    wrapped = (
        width <= MAX_WRAP_WIDTH
        and len(text_lines) < len(stripped)
        and any(len(a) >= short and b for a, b in zip(stripped, stripped[1:]))
    )
    if not wrapped:
        return text_lines
    paragraphs: list[str] = []
    current: list[str] = []
    for line in stripped + [""]:
        if current and (not line or _LIST_ITEM.match(line) or len(current[-1]) < short):
            paragraphs.append(" ".join(current))
            current = []
        if line:
            current.append(line)
    return paragraphs


def _load(path: Path, max_bytes: int) -> tuple[str, str]:
    """Read and decode one file, or raise :class:`_Skip` saying why not."""
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise _Skip("not a .txt/.md/.html file; convert it to text or leave it out")
    try:
        data = read_capped(path, max_bytes)
    except PermissionError:
        raise _Skip("cannot read the file (permission denied); check its permissions") from None
    except IsADirectoryError:
        raise _Skip("is a folder, not a file; name the folder itself to read the articles in it") from None
    except OSError as error:
        raise _Skip(f"cannot read the file ({error.strerror or error}); check the path") from None
    if not data.strip():
        raise _Skip("empty file; nothing to read (leave it out, or add the article text)")
    try:
        text, encoding = decode(data)
    except ValueError as error:
        raise _Skip(f"not text ({error}); is it a binary file? graphbuild reads .txt, .md and .html") from None
    if not text.strip():
        raise _Skip("empty file; nothing to read (leave it out, or add the article text)")
    return text, encoding


def _parse(path: Path, max_bytes: int) -> tuple[str, list[str], str, Dating]:
    """Read one file into its title, body paragraphs, encoding and date, or raise :class:`_Skip`."""
    text, encoding = _load(path, max_bytes)
    if path.suffix.lower() in HTML_SUFFIXES:
        title, lines, date = _extract_html(text)
        dating = Dating(date)
    else:
        markdown = path.suffix.lower() == ".md"
        dating, text = take_leading_date(text, markdown=markdown)
        title, lines = split_text(text, markdown=markdown)
    return title, lines, encoding, dating


def _extract_html(text: str) -> tuple[str, list[str], str]:
    # Imported here: trafilatura pulls in lxml and friends, needed only for HTML.
    from trafilatura import bare_extraction

    document = bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params=HTML_DATE_PARAMS,
    )
    body_text = (document.text or "") if document is not None else ""
    title = (document.title or "") if document is not None else ""
    if not title:
        match = _TITLE_TAG.search(text)
        title = " ".join(html_lib.unescape(match.group(1)).split()) if match else ""
    lines = [line.strip() for line in body_text.splitlines() if line.strip()]
    if lines and title and lines[0] == title.strip():
        lines = lines[1:]
    if not lines:
        raise _Skip("no article text found in the HTML page; save the article's text as .txt instead")
    return title.strip(), lines, document.date or ""


def _make_article(
    path: Path, title: str, lines: list[str], encoding: str, clean: bool, recurring: frozenset[str],
    dating: Dating = Dating(),
) -> Article:
    removed: tuple[RemovedLine, ...] = dating.removed
    if clean:
        lines, removed_list = clean_body(lines, recurring=recurring, title=title,
                                         page_text=path.suffix.lower() in HTML_SUFFIXES)
        removed += tuple(removed_list)
    # After cleaning: a byline or "4 minute read" above the dateline is gone by now.
    dateline, lines = take_dateline(lines)
    removed += dateline.removed
    body = "\n\n".join(line.strip() for line in lines)
    if not title and not body:
        raise _Skip("empty file; nothing to read (leave it out, or add the article text)")
    language = guess_language(f"{title}\n{body}")
    if language:
        raise _Skip(
            f"looks like {language}, not English; graphbuild's model reads English: translate it"
            " or leave it out"
        )
    return Article(
        id=article_id(title, body),
        source=str(path),
        title=title,
        body=body,
        removed=removed,
        encoding=encoding,
        date=dating.date or dateline.date,
    )


class _FolderPass:
    """The first pass over each folder's text files, for :func:`find_recurring`.

    When the first file of a folder is asked for, every text file of that
    folder is parsed and its recurring lines found; the parsed files are kept
    until asked for, so each file is read once. HTML pages are left out, as
    trafilatura already drops page chrome.
    """

    def __init__(self, sources: list[Path], max_bytes: int) -> None:
        self._max_bytes = max_bytes
        self._folders: dict[Path, list[Path]] = defaultdict(list)
        for path in sources:
            if path.suffix.lower() in TEXT_SUFFIXES:
                self._folders[path.parent].append(path)
        self._recurring: dict[Path, frozenset[str]] = {}
        self._parsed: dict[Path, tuple[str, list[str], str, Dating] | _Skip] = {}

    def parse(self, path: Path) -> tuple[str, list[str], str, Dating, frozenset[str]]:
        """Title, paragraphs, encoding, date and the folder's recurring lines of one file.

        Raises:
            _Skip: the file cannot be read as an article.
        """
        folder = path.parent
        if folder not in self._recurring and path in self._folders.get(folder, ()):
            self._recurring[folder] = self._first_pass(self._folders[folder])
        parsed = self._parsed.pop(path, None)
        if parsed is None:
            parsed = _parse(path, self._max_bytes)
        if isinstance(parsed, _Skip):
            raise parsed
        return (*parsed, self._recurring.get(folder, frozenset()))

    def _first_pass(self, paths: list[Path]) -> frozenset[str]:
        if len(paths) < MIN_RECURRENCE_ARTICLES:
            return frozenset()
        bodies = []
        for path in paths:
            try:
                parsed: tuple[str, list[str], str, Dating] | _Skip = _parse(path, self._max_bytes)
            except _Skip as skip:
                parsed = skip
            else:
                bodies.append(parsed[1])
            self._parsed[path] = parsed
        return find_recurring(bodies)


__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "DUPLICATE",
    "SKIPPED",
    "InputProblem",
    "article_id",
    "decode",
    "explain",
    "find_sources",
    "guess_language",
    "read_articles",
    "split_text",
]
