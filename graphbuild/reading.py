"""Read news articles from files: stage 1 of graphbuild.

:func:`find_sources` turns the paths a user gave (files, folders, glob
patterns) into a sorted list of files; :func:`read_articles` streams one
:class:`~graphbuild.records.Article` per readable, English, new article and
one :class:`InputProblem` per file it had to skip, so one bad file never stops
a run. Text files (.txt, .md) are split into a title (the first non-empty line,
or a Markdown ``# heading``) and a body of paragraphs, which
:mod:`graphbuild.cleaning` rids of page furniture; HTML pages go through
trafilatura's main-text extraction first.

Example:
    >>> for item in read_articles(["articles/"]):  # doctest: +SKIP
    ...     print(item.title if isinstance(item, Article) else item.message)
"""
from __future__ import annotations

import codecs
import hashlib
import html as html_lib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from glob import glob
from pathlib import Path

from charset_normalizer import from_bytes

from graphbuild.cleaning import MIN_RECURRENCE_ARTICLES, clean_body, find_recurring
from graphbuild.errors import InputError
from graphbuild.records import Article

#: File suffixes read from folders and glob patterns (compared in lower case).
TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
#: The default cap on a file's size; the CLI's ``--max-bytes`` changes it.
DEFAULT_MAX_BYTES = 5_000_000
#: Characters of the content hash kept as :attr:`Article.id`.
ID_LENGTH = 16

#: Frequent English function words; their share of a text's words tells English apart.
ENGLISH_WORDS = frozenset(
    "the of and to a in is that for it was on with as he she his her by at from are be this"
    " have has had not but or they their an which were will would said who been its we you i"
    " after also more than about up out into over".split()
)
#: Below this share of :data:`ENGLISH_WORDS`, a text is not English. BBC news
#: scores 0.15 at least (a rugby line-up), French, German, Spanish and Italian news 0.06 at most.
MIN_ENGLISH_SHARE = 0.1
#: Texts with fewer letter-words than this are too short to judge and pass.
MIN_WORDS_TO_JUDGE = 20
#: Function words of other languages, to name what a non-English text looks like.
OTHER_LANGUAGE_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "French": "le la les de des du et est un une que qui dans pour pas sur au avec il elle ne se",
        "German": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem sie es",
        "Spanish": "el la los las de del y que en un una es por con para se no su al lo como",
        "Italian": "il la di che e un una per non con del della sono gli le si nel è ha",
        "Portuguese": "o a os as de do da que e um uma em para com não no na se por mais",
        "Dutch": "de het een en van is dat op te in niet met voor zijn er aan ook als",
    }.items()
}
#: A text with this share of one language's :data:`OTHER_LANGUAGE_WORDS` is named as that language.
MIN_OTHER_SHARE = 0.1
#: Unicode script prefixes (of character names) for texts in other alphabets.
SCRIPTS = ("CYRILLIC", "ARABIC", "HEBREW", "GREEK", "DEVANAGARI", "CJK", "HIRAGANA", "KATAKANA",
           "HANGUL", "THAI", "ARMENIAN", "GEORGIAN")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GLOB_CHARS = frozenset("*?[")
_WORD = re.compile(r"[^\W\d_]+")
_CONTROL_OK = frozenset("\t\n\r\f\v")
#: Share of control characters above which decoded bytes are binary, not text.
MAX_CONTROL_SHARE = 0.01

# Light Markdown: (pattern, replacement) applied to each line, in order.
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(\s+#+)?\s*$")
_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\s{0,3}>\s?"), ""),  # blockquote marker
    (re.compile(r"^\s*[*+-]\s+(?=\S)"), ""),  # bullet
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # image
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # inline link
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference link
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolink
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),  # emphasis
    (re.compile(r"`([^`]+)`"), r"\1"),  # inline code
)
_MD_DROP = re.compile(r"^\s*(=+|```.*|~~~.*|\[[^\]]+\]:\s*\S+.*)\s*$")  # setext rules, fences, link refs
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A file that was skipped, and why.

    Attributes:
        source: the path of the file.
        message: one line: what is wrong and what to do about it.
    """

    source: str
    message: str


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
    recurring = _recurring_by_folder(sources, max_bytes) if clean else {}
    seen: dict[str, str] = {}
    for path in sources:
        try:
            article = _read_one(path, max_bytes, clean, recurring.get(path.parent, frozenset()))
        except _Skip as skip:
            yield InputProblem(str(path), str(skip))
            continue
        if article.id in seen:
            yield InputProblem(
                str(path), f"duplicate of {seen[article.id]} (same text); read once, skipped here"
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
    head = f"{article.source} (id {article.id}, {article.encoding})"
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
    best = from_bytes(data).best()
    if best is None:
        raise ValueError("no text encoding fits")
    return _check_text(str(best)), best.encoding


def guess_language(text: str) -> str | None:
    """Tell whether a text is English, cheaply, from its share of function words.

    Args:
        text: the article's text.

    Returns:
        None when the text is English or too short to judge, else a short
        description of what it looks like ("French", "Cyrillic-script text").
    """
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS_TO_JUDGE:
        return None
    if sum(w in ENGLISH_WORDS for w in words) / len(words) >= MIN_ENGLISH_SHARE:
        return None
    script = _dominant_script(text)
    if script:
        return f"{script.title()}-script text"
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in OTHER_LANGUAGE_WORDS.items()}
    lang, score = max(scores.items(), key=lambda item: item[1])
    return lang if score / len(words) >= MIN_OTHER_SHARE else "another language"


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
    lines = text.splitlines()
    title_index = None
    if markdown:
        lines, title_index = _strip_markdown(lines)
    if title_index is None:
        title_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if title_index is None:
        return "", []
    title = lines[title_index].strip()
    rest = lines[:title_index] + lines[title_index + 1:]
    return title, _paragraphs(rest)


def _folder_files(folder: Path) -> list[Path]:
    return [
        path
        for path in folder.rglob("*")
        if _is_article_file(path)
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and path.is_file()
    ]


def _is_article_file(path: Path) -> bool:
    return path.suffix.lower() in ARTICLE_SUFFIXES


def _check_text(text: str) -> str:
    controls = sum(1 for ch in text if ch < " " and ch not in _CONTROL_OK)
    if controls > MAX_CONTROL_SHARE * len(text):
        raise ValueError("control characters")
    return text


def _dominant_script(text: str) -> str | None:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return None
    counts: dict[str, int] = defaultdict(int)
    for ch in letters[:5000]:
        if ch.isascii():
            continue
        name = unicodedata.name(ch, "")
        for script in SCRIPTS:
            if name.startswith(script):
                counts[script] += 1
                break
    if not counts:
        return None
    script, count = max(counts.items(), key=lambda item: item[1])
    return script if count > 0.5 * min(len(letters), 5000) else None


def _strip_markdown(lines: list[str]) -> tuple[list[str], int | None]:
    out: list[str] = []
    title_index = None
    fenced = False
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            out.append("")
            continue
        if fenced or _MD_DROP.match(line):
            out.append("" if not fenced else line)
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            if title_index is None and len(heading.group(1)) == 1 and heading.group(2).strip():
                title_index = len(out)
            line = heading.group(2)
        for pattern, replacement in _MD_RULES:
            line = pattern.sub(replacement, line)
        out.append(line)
    return out, title_index


def _paragraphs(lines: list[str]) -> list[str]:
    stripped = [line.strip() for line in lines]
    if not _is_hard_wrapped(stripped):
        return [line for line in stripped if line]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in stripped + [""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped text: blank-line paragraphs whose lines all break near one width."""
    text_lines = [line for line in lines if line]
    if len(text_lines) < 4 or len(text_lines) == len(lines):
        return False
    longest = max(len(line) for line in text_lines)
    if longest > 100:
        return False
    # Most lines run close to the wrap width, and some paragraph spans several lines.
    near_width = sum(len(line) >= 0.6 * longest for line in text_lines)
    multi_line = any(a and b for a, b in zip(lines, lines[1:]))
    return multi_line and near_width >= 0.6 * len(text_lines)


def _load(path: Path, max_bytes: int) -> tuple[str, str]:
    """Read and decode one file, or raise :class:`_Skip` saying why not."""
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise _Skip("not a .txt/.md/.html file; convert it to text or leave it out")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _Skip(
                f"file is {size:,} bytes, over the {max_bytes:,}-byte cap; raise it with --max-bytes"
                " or split the file"
            )
        data = path.read_bytes()
    except PermissionError:
        raise _Skip("cannot read the file (permission denied); check its permissions") from None
    except IsADirectoryError:
        raise _Skip("is a folder, not a file") from None
    except OSError as error:
        raise _Skip(f"cannot read the file ({error.strerror or error}); check the path") from None
    if len(data) > max_bytes:  # the file grew, or stat() does not know its size
        raise _Skip(f"file is over the {max_bytes:,}-byte cap; raise it with --max-bytes")
    if not data.strip():
        raise _Skip("empty file; nothing to read")
    try:
        text, encoding = decode(data)
    except ValueError as error:
        raise _Skip(f"not text ({error}); is it a binary file? graphbuild reads .txt, .md and .html") from None
    if not text.strip():
        raise _Skip("empty file; nothing to read")
    return text, encoding


def _split(path: Path, text: str) -> tuple[str, list[str]]:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return _extract_html(text)
    return split_text(text, markdown=suffix == ".md")


def _extract_html(text: str) -> tuple[str, list[str]]:
    # Imported here: trafilatura pulls in lxml and friends, needed only for HTML.
    from trafilatura import bare_extraction

    document = bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False
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
    return title.strip(), lines


def _read_one(path: Path, max_bytes: int, clean: bool, recurring: frozenset[str]) -> Article:
    text, encoding = _load(path, max_bytes)
    title, lines = _split(path, text)
    removed = ()
    if clean:
        lines, removed_list = clean_body(lines, recurring=recurring)
        removed = tuple(removed_list)
    body = "\n\n".join(line.strip() for line in lines)
    if not title and not body:
        raise _Skip("empty file; nothing to read")
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
    )


def _recurring_by_folder(sources: list[Path], max_bytes: int) -> dict[Path, frozenset[str]]:
    """First pass: the recurring lines of each folder's text files."""
    by_folder: dict[Path, list[Path]] = defaultdict(list)
    for path in sources:
        if path.suffix.lower() in TEXT_SUFFIXES:
            by_folder[path.parent].append(path)
    recurring: dict[Path, frozenset[str]] = {}
    for folder, paths in by_folder.items():
        if len(paths) < MIN_RECURRENCE_ARTICLES:
            continue
        bodies = []
        for path in paths:
            try:
                text, _ = _load(path, max_bytes)
            except _Skip:
                continue
            bodies.append(_split(path, text)[1])
        recurring[folder] = find_recurring(bodies)
    return recurring


__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "InputProblem",
    "article_id",
    "decode",
    "explain",
    "find_sources",
    "guess_language",
    "read_articles",
    "split_text",
]
