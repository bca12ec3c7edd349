"""When an article was published: its date, from what the file or the user says.

An article's date comes from, most trusted first:

1. a ``--dates`` sidecar, a CSV file of ``path,date`` rows the user keeps beside the corpus
   (:func:`read_sidecar`; the build applies it with :meth:`Sidecar.date_of`);
2. metadata in the file itself: YAML front matter opening a .txt/.md file
   (:func:`take_leading_date`), or an HTML page's metadata (``<meta>`` tags, JSON-LD,
   ``<time>``, a dated canonical URL), which trafilatura reads with htmldate
   (:data:`HTML_DATE_PARAMS`);
3. a date line at the top of a .txt/.md file, first or right after the title
   ("Published 7 January 2024", "2024-01-07");
4. a dateline opening the body ("MOSCOW, Jan 7, 2024 (Reuters) -"), when it gives a year.

A dateline without a year ("MOSCOW, Jan 7 (Reuters) -") leaves the article undated: its year
could only be guessed, and a guess would file old news under the wrong year without a word.
The file's modification time is never taken: copying a corpus changes it.

Front matter, a date line and a dateline are taken out of the text before it is parsed (each
kept as a :class:`~graphbuild.records.RemovedLine` for ``--explain``), so they never become
actors and every character offset indexes the text as parsed.

Dates are read by dateutil (month names, weekdays, times, time zones) behind strict gates: a
date needs a day, a month and, but for datelines, a year; numbers alone count only as ISO 8601
(``2024-01-07``) or as a day/month pair that cannot be read both ways (``17/02/2024``).
"""
from __future__ import annotations

import csv
import datetime
import functools
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from . import lexicon
from .errors import InputError
from .records import RemovedLine

#: Passed to trafilatura's ``bare_extraction``: dates from the page's metadata only.
#: htmldate's "extensive search" (trafilatura's default) also takes dates from the story's own
#: text, so an article about a 2019 treaty would be dated 2019; that is the dateline's job here.
HTML_DATE_PARAMS = {"extensive_search": False, "original_date": True}
#: The oldest year taken for an article date; the newest is next year (clocks and time zones).
MIN_YEAR = 1900
#: Lines longer than this are never date lines, and datelines are at most this long.
MAX_DATE_LINE = 100
MAX_DATELINE = 80
#: A dateline of a bare place ("PARIS —") needs this many letters in its place: not "US", "UK", "EU".
MIN_BARE_PLACE = 4
#: Front matter is looked for in the first this many characters of a file.
MAX_FRONT_MATTER = 10_000
#: The data file of date labels (see its header).
LABELS_FILE = "dates_labels.tsv"

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ ,]+[\d:.]+(?:\s*[AaPp][Mm])?)?$")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.DOTALL | re.MULTILINE)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
#: Where a dateline ends: a dash with space around it, an en or em dash, or a dash right after
#: the agency's closing parenthesis or slash.
_DATELINE_END = re.compile(r"\s+--?\s+|\s*[–—]+\s*|(?<=[)/])\s*--?\s*")
#: A dateline's head: a place, comma-separated qualifiers and date, an agency in parentheses
#: ("(Reuters)") or between slashes ("/PRNewswire/").
_DATELINE_HEAD = re.compile(
    r"^(?P<place>[^\W\d_][^\s,()/]*(?:\s+[^\s,()/]+){0,4}?)"
    r"(?P<parts>(?:\s*,\s*[^,()/]+)*?)"
    r"(?:\s*\((?P<agency>[^()]{1,40})\)|\s*/(?P<wire>[^/]{1,40})/)?\s*$")
#: Short lowercase words a place name may hold ("Rio de Janeiro", "Dar es Salaam").
_PARTICLE = re.compile(r"^[a-z]{1,3}$")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


@dataclass(frozen=True, slots=True)
class Dating:
    """What was found of an article's date at one place in its file.

    Attributes:
        date: the publication date as ISO 8601 ``YYYY-MM-DD``, "" when none was found.
        removed: what was taken out of the text (front matter, a date line, a dateline).
    """

    date: str = ""
    removed: tuple[RemovedLine, ...] = ()


@dataclass(frozen=True, slots=True)
class Sidecar:
    """Article dates kept outside the articles: a CSV of ``path,date`` rows.

    Attributes:
        path: the sidecar file.
        dates: each named file's absolute, resolved path -> its ISO date.
        problems: (where, message) for every row that could not be used, where is "FILE line N".
    """

    path: Path
    dates: dict[str, str] = field(default_factory=dict)
    problems: tuple[tuple[str, str], ...] = ()

    def date_of(self, source: str | os.PathLike) -> str:
        """The date the sidecar gives the file at ``source`` ("" when it names no such file)."""
        return self.dates.get(_key(source), "")


def _key(path: str | os.PathLike) -> str:
    return str(Path(path).expanduser().resolve())


@functools.cache
def _labels() -> dict[str, str]:
    """label -> "published" or "updated", from :data:`LABELS_FILE`."""
    return lexicon.mapping(LABELS_FILE)


def _label_pattern(kind: str) -> str:
    labels = sorted((label for label, k in _labels().items() if k == kind), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, label.split())) for label in labels)


@functools.cache
def _published_label() -> re.Pattern[str]:
    """A leading publication label, with an optional "on" and colon or dash: "Published on:"."""
    return re.compile(rf"^(?:{_label_pattern('published')})\b(?:\s+on\b)?\s*[:\-–—]?\s*", re.IGNORECASE)


@functools.cache
def _updated_label() -> re.Pattern[str]:
    """Where a date line's first date ends: an update label or a " | " separator."""
    return re.compile(rf"\s*(?:\s\|\s|\b(?:{_label_pattern('updated')})\b)", re.IGNORECASE)


@functools.cache
def _month_names() -> re.Pattern[str]:
    """English month names and abbreviations, as dateutil's parser knows them."""
    from dateutil.parser import parserinfo

    names = sorted({name for month in parserinfo.MONTHS for name in month}, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(names)})\b\.?", re.IGNORECASE)


def _iso(year: int, month: int, day: int) -> str:
    try:
        value = datetime.date(year, month, day)
    except ValueError:
        return ""
    if not MIN_YEAR <= year <= datetime.date.today().year + 1:
        return ""
    return value.isoformat()


def _date_parts(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a date written as ``text``, or None when it is not one date."""
    text = " ".join(text.split()).strip(" ,")
    if not text or len(text) > MAX_DATE_LINE:
        return None
    if match := _ISO.match(text):
        return int(match[1]), int(match[2]), int(match[3])
    if match := _NUMERIC.match(text):
        a, b, year = int(match[1]), int(match[2]), int(match[3])
        if a == b or (a > 12) != (b > 12):  # day/month only when the numbers cannot be read both ways
            day, month = (a, b) if a >= b else (b, a)
            return year, month, day
        return None
    if not _month_names().search(text):
        return None
    from dateutil import parser

    # Parsed twice with different defaults: a field that follows the default was not written.
    first, second = datetime.datetime(2000, 1, 1), datetime.datetime(2001, 2, 2)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a = parser.parse(text, default=first, ignoretz=True)
            b = parser.parse(text, default=second, ignoretz=True)
    except (ValueError, OverflowError, TypeError):
        return None
    if a.day != b.day or a.month != b.month:
        return None
    return (a.year if a.year == b.year else None), a.month, a.day


def parse_date(text: str) -> str:
    """The ISO date written in ``text``, when the whole text is one full date.

    Args:
        text: a date as people write it: "7 January 2024", "Jan. 7, 2024",
            "Tuesday, 7 January 2025 10:32 GMT", "2024-01-07", "17/02/2024".

    Returns:
        ``YYYY-MM-DD``, or "" when the text is not a date with day, month and year
        (a numeric date that reads both ways, "03/02/2024", is not taken).

    Example:
        >>> parse_date("Thu, Mar 14 2024 10:12 AM EDT")
        '2024-03-14'
        >>> parse_date("January 2024")
        ''
    """
    parts = _date_parts(text)
    if parts is None or parts[0] is None:
        return ""
    return _iso(*parts)


def date_line(line: str) -> str:
    """The date a line of its own gives ("Published on 7 May 2024", "2024-05-07"), or "".

    A leading publication label is dropped, and the line is cut where an update
    label starts ("... Updated 9 May 2024"): the first date is the publication date.
    """
    text = line.strip().strip("*_").strip()
    if not text or len(text) > MAX_DATE_LINE:
        return ""
    text = _published_label().sub("", text, count=1)
    text = _updated_label().split(text, maxsplit=1)[0]
    return parse_date(text.strip(" :-–—|,"))


def _front_matter_key(key: object) -> str:
    return " ".join(_CAMEL.sub(" ", str(key)).replace("_", " ").replace("-", " ").lower().split())


def take_leading_date(text: str, *, markdown: bool = False) -> tuple[Dating, str]:
    """Take the front matter, or a date line, off the top of a .txt/.md file's text.

    Front matter is a YAML mapping between ``---`` lines opening the file; its
    date is the value of the first key :data:`LABELS_FILE` names a publication
    label ("date", "publishDate", ...), and a ``title`` key becomes the title (the
    file's first line, or its ``#`` heading for Markdown). Without front matter, the
    first non-empty line, or the line after it (the one under the title), is taken
    when it is a date of its own (:func:`date_line`).

    Args:
        text: the decoded file.
        markdown: the file is Markdown (a front-matter title becomes a ``#`` heading).

    Returns:
        What was found, and the text without what was taken.
    """
    found = _take_front_matter(text, markdown)
    if found is not None:
        return found
    lines = text.splitlines(keepends=True)
    candidates = [i for i, line in enumerate(lines[:50]) if line.strip()][:2]
    for i in candidates:
        date = date_line(lines[i])
        if date:
            removed = RemovedLine(lines[i].strip(), "date line")
            return Dating(date, (removed,)), "".join(lines[:i] + lines[i + 1:])
    return Dating(), text


def _take_front_matter(text: str, markdown: bool) -> tuple[Dating, str] | None:
    match = _FRONT_MATTER.match(text[:MAX_FRONT_MATTER])
    if match is None:
        return None
    import yaml

    try:
        # BaseLoader: every value a string (no YAML timestamps, which fail on "2024-13-45"), no objects.
        data = yaml.load(match.group(1), Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds no objects
    except yaml.YAMLError:
        return None  # not front matter after all: leave the text as it is
    if not isinstance(data, dict):
        return None
    date = ""
    for key, value in data.items():
        if _labels().get(_front_matter_key(key)) == "published":
            date = parse_date(value) if isinstance(value, str) else ""
            if date:
                break
    rest = text[match.end():]
    title = data.get("title")
    if isinstance(title, str) and title.strip():
        rest = f"{'# ' if markdown else ''}{' '.join(title.split())}\n\n{rest}"
    block = " ".join(line.strip() for line in match.group(0).splitlines() if line.strip())
    return Dating(date, (RemovedLine(block, "front matter"),)), rest


def take_dateline(paragraphs: list[str]) -> tuple[Dating, list[str]]:
    """Take a dateline off the start of an article's first body paragraph.

    A dateline is a place (in capitals, or followed by an agency), then optional
    comma-separated qualifiers and a date, an optional agency in parentheses or
    between slashes, and a dash: "MOSCOW, Jan 7, 2024 (Reuters) -", "LONDON (AP) --",
    "Kyiv (AFP) -", "NEW YORK, March 3, 2024 /PRNewswire/ --", "PARIS —". A place with
    neither date nor agency must be one the gazetteer knows, and its dash must not
    open an aside that a second dash closes ("NATO – the alliance – said").

    Args:
        paragraphs: the body paragraphs, first to last.

    Returns:
        What was found (the date is "" without a year), and the paragraphs without the dateline.
    """
    if not paragraphs:
        return Dating(), paragraphs
    first = paragraphs[0]
    end = _dateline_end(first)
    if end is None:
        return Dating(), paragraphs
    head, date = end
    rest = first[len(head):].strip()
    kept = ([rest] if rest else []) + list(paragraphs[1:])
    return Dating(date, (RemovedLine(head.strip(), "dateline"),)), kept


def _dateline_end(paragraph: str) -> tuple[str, str] | None:
    """(the dateline with its dash, its ISO date or "") when ``paragraph`` opens with one."""
    separator = _DATELINE_END.search(paragraph, 0, MAX_DATELINE + 4)
    if separator is None or separator.start() == 0:
        return None
    match = _DATELINE_HEAD.match(paragraph[:separator.start()])
    if match is None:
        return None
    place, agency = match["place"], match["agency"] or match["wire"] or ""
    words = place.split()
    if any(ch.isdigit() for ch in place) or not all(
            w[0].isupper() or (i and _PARTICLE.match(w)) for i, w in enumerate(words)):
        return None
    letters = [ch for ch in place if ch.isalpha()]
    capitals = len(letters) >= 2 and all(ch.isupper() for ch in letters)
    if agency and not _agency_like(agency):
        return None
    if not capitals and not agency:
        return None
    parts = [p.strip() for p in match["parts"].split(",") if p.strip()]
    date_found, year, qualifiers = False, "", parts
    for k in range(len(parts)):
        found = _date_parts(", ".join(parts[k:]))
        if found is not None:
            date_found, qualifiers = True, parts[:k]
            year = _iso(*found) if found[0] is not None else ""
            break
    if not all(_qualifier_like(q) for q in qualifiers):
        return None
    if not agency and not date_found and not _bare_place(place, paragraph, separator):
        return None
    return paragraph[:separator.end()], year


def _agency_like(agency: str) -> bool:
    words = agency.split()
    return 1 <= len(words) <= 5 and any(ch.isalpha() for ch in agency) and not _SENTENCE_END.search(agency)


def _qualifier_like(part: str) -> bool:
    words = part.split()
    return 1 <= len(words) <= 4 and not any(ch.isdigit() for ch in part) and all(w[0].isupper() for w in words)


def _bare_place(place: str, paragraph: str, separator: re.Match[str]) -> bool:
    """Whether "PLACE — text" is a dateline: a known place, and no second dash closing an aside.

    The place needs :data:`MIN_BARE_PLACE` letters: "US - China talks" is not a dateline.
    """
    from .gazetteer import place as known_place

    if sum(ch.isalpha() for ch in place) < MIN_BARE_PLACE or known_place(place) is None:
        return False
    sentence = _SENTENCE_END.split(paragraph[separator.end():], maxsplit=1)[0]
    return _DATELINE_END.search(sentence) is None


def read_sidecar(path: str | os.PathLike) -> Sidecar:
    """Read a ``--dates`` file: CSV rows of a file's path and its date.

    Paths are relative to the sidecar's folder, or absolute. A first row whose
    second cell is a label such as "date" is a header; blank rows and rows
    starting with ``#`` are skipped. A row that cannot be used (one column, a
    date that is not one, a file named twice with two dates) is left out with a
    problem naming the file and line.

    Args:
        path: the sidecar file.

    Returns:
        The dates, and the problems with their rows.

    Raises:
        InputError: the file cannot be read or is not text.

    Example:
        ``dates.csv``::

            path,date
            politics/001.txt,2024-01-07
            /data/news/002.txt,8 January 2024
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such dates file; check the path given to --dates") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise InputError(f"{path}: cannot read the dates file ({reason}); give a CSV of path,date rows") from None
    base = path.resolve().parent
    dates: dict[str, str] = {}
    lines: dict[str, int] = {}
    problems: list[tuple[str, str]] = []
    reader = csv.reader(text.splitlines())
    first = True
    for row in reader:
        where = f"{path} line {reader.line_num}"
        cells = [cell.strip() for cell in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        is_first, first = first, False
        if len(cells) < 2 or not cells[0]:
            problems.append((where, "expected two columns, a file's path and its date; fix or remove the row"))
            continue
        date = parse_date(cells[1])
        if not date:
            if is_first and _labels().get(_front_matter_key(cells[1])):
                continue  # a header row
            problems.append((where, f"{cells[1]!r} is not a date with day, month and year; write it as "
                                    f"YYYY-MM-DD"))
            continue
        key = str((base / Path(cells[0]).expanduser()).resolve())
        if key in dates and dates[key] != date:
            problems.append((where, f"{cells[0]} has another date on line {lines[key]}; keep one of the rows"))
            continue
        dates.setdefault(key, date)
        lines.setdefault(key, reader.line_num)
    return Sidecar(path, dates, tuple(problems))


__all__ = ["HTML_DATE_PARAMS", "Dating", "Sidecar", "date_line", "parse_date", "read_sidecar",
           "take_dateline", "take_leading_date"]
