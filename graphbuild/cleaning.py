"""Remove page furniture from the lines of a news article's body.

Text copied or scraped from a news page carries more than the story: prompts to
subscribe, an author bio, a trailing list of related headlines with bylines,
lines the site repeats on every page. :func:`clean_body` drops those lines and
reports each removal as a :class:`~graphbuild.records.RemovedLine`, so a user
can check with ``--explain`` that no story text went.

Precision comes first: a line goes only when its shape says "furniture"
(a promotional call, a byline, a separator) or several weak signs agree
(a third-person bio with two or more bio cues, a title-like line inside a
trailer that holds at least two bylines or separators). The patterns are data:
adding one is adding a line to a tuple below, with a test sentence beside it in
``tests/test_cleaning.py``.

Example:
    >>> kept, removed = clean_body(["The minister resigned on Monday.", "Subscribe to our newsletter"])
    >>> kept
    ['The minister resigned on Monday.']
    >>> removed[0].reason
    'promotional'
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from graphbuild.records import RemovedLine

#: Why a line was removed, as shown by ``--explain``.
PROMOTIONAL = "promotional"
PROMOTIONAL_BLURB = "promotional blurb (follows a promotional line)"
AUTHOR_BIO = "author bio"
RELATED_HEADLINES = "related headlines (trailing list)"
BYLINE = "byline or dateline"
IMAGE_CREDIT = "image credit"
CREDIT = "credit or contact line"
RECURRING = "recurs across articles of this source"
REPEATED = "repeats an earlier paragraph (the page gave its text more than once)"
HEADLINE_AGAIN = "repeats the headline"
METADATA = "page metadata (a link or a timestamp alone on its line)"

#: Lines longer than this (in words) are prose, never furniture by pattern alone.
MAX_FURNITURE_WORDS = 40
#: A title-like line (headline, teaser, category label) has at most this many words.
MAX_TITLE_WORDS = 35
#: A blurb under a promotional line has at most this many words.
MAX_BLURB_WORDS = 30
#: How many lines after a promotional line may be its blurb.
MAX_BLURB_LINES = 2
#: A list heading inside the story ("Read more:") has at most this many words, and the list
#: of headlines under it at most this many lines.
MAX_LIST_HEADING_WORDS = 5
MAX_LIST_ITEMS = 6
#: A bio is looked for among this many last body lines (before any trailer).
BIO_WINDOW = 2
#: A bio needs at least this many distinct cues from :data:`BIO_CUES`.
MIN_BIO_CUES = 2
#: Recurrence: a folder needs this many distinct articles before lines are counted.
MIN_RECURRENCE_ARTICLES = 3
#: Recurrence: a line of at most :data:`MAX_RECURRING_WORDS` words in at least
#: this share of a folder's articles is furniture.
RECURRENCE_SHARE = 0.5
#: Recurrence: longer lines are prose that stories share (wire copy, quotes), never furniture.
MAX_RECURRING_WORDS = 30
#: Recurrence: a short line (at most this many words, two of them words of
#: letters) in at least :data:`MIN_RECURRENCE_ARTICLES` articles and
#: :data:`MIN_SHORT_RECURRENCE_SHARE` of them is furniture.
MAX_SHORT_RECURRING_WORDS = 8
MIN_SHORT_RECURRENCE_SHARE = 0.05

_FLAGS = re.IGNORECASE

#: Calls to action and site chrome; a match on a line of at most
#: :data:`MAX_FURNITURE_WORDS` words removes it.
PROMO_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, _FLAGS)
    for p in (
        r"^(subscribe|sign[ -]?up|sign in|log ?in)\b",
        r"^register (now|for|to|here|today|free)\b",
        r"^(join|follow|like) us\b",
        r"^follow @|^follow\b.*\bon (twitter|x|facebook|instagram|tiktok|youtube|linkedin|bluesky"
        r"|mastodon|threads|whatsapp|telegram|social media)\b",
        r"\b(to|in|into|straight to) your inbox\b",
        r"\bnewsletters?\b[^.!?]*$",  # "Get our free newsletter", "Newsletters"
        r"\bnewsletters?\b.*\b(sign|subscribe|inbox|you|your)\b",
        r"\b(sign|subscribe|you|your)\b.*\bnewsletters?\b",
        r"^(advertisement|advert|ad|sponsored( content)?|paid (post|content)|promoted)$",
        r"\b(we|this (site|website)) uses? cookies\b",
        r"^(accept|manage|reject)\b.*\bcookies?\b|\bcookie (policy|settings|preferences)\b[^.!?]*$",
        r"^(get|try|download|install) (the|our) .*\bapp\b",
        r"^get (the best|unlimited|full access|the latest|exclusive)\b",
        r"^already a (subscriber|member)\b",
        r"^(read|see|watch|listen) (more|next|also|now)\b",
        r"^(related|recommended|more from|more on this|most (read|popular|viewed|shared)|trending( now)?"
        r"|you (may|might) also (like|enjoy)|top stories|latest (news|stories)|explore more"
        r"|further reading|also read|read also)\b[^.!?]{0,80}$",
        r"^(share|print|e-?mail) (this|on|via)\b",
        r"^(share|save|print|comments?)\d*$",
        r"^follow\b[^.!?]{0,60}:$",  # "Follow Harbour Radio:" above a row of icons
        r"^skip (next section|to (main )?content|advert(isement)?)\b",
        r",? \(?opens (in )?(a )?new (tab|window)\)?$",  # link text: "Licensing, opens new tab"
        r"^our standards\b",
        r"^\d+[ -]min(ute)?s?\.? read$",
        r"^(please )?(support|fund)\b.*\bjournalism\b|\bsupport our journalism\b",
        r"^become a (member|subscriber|supporter)\b",
        r"^(start|try|get|begin|claim)\b.*\bfree trial\b",
        r"\bfree (daily|weekly) (e-?mail|newsletter|briefing)\b",
        r"^(click|tap) here\b",
        r"\ball rights reserved\b|^(©|copyright\s*(©|\(c\)|\d{4}))",
        r"^[^.!?]{0,60}\b(privacy policy|terms of (use|service)|terms and conditions)\b[^.!?]{0,60}$",
    )
)

#: Headings that open a list of other stories: everything title-like after one,
#: to the end of the article, is a list of related headlines.
LIST_HEADING_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, _FLAGS)
    for p in (
        r"^(related|recommended|more from|more on this|most (read|popular|viewed|shared)"
        r"|trending( now)?|you (may|might) also (like|enjoy)|top stories|latest (news|stories)"
        r"|read (more|next)|see also|explore more|further reading|also read|read also)\b[^.!?]{0,40}:?$",
    )
)

#: Words in a short line right after a promotional line that mark it as the prompt's blurb.
BLURB_PATTERN = re.compile(
    r"\b(you|your|yours|free|e-?mail|inbox|daily|weekly|newsletters?|briefings?|offers?|trial"
    r"|unlimited|exclusive|members?|subscribers?|subscription|delivered)\b",
    _FLAGS,
)

#: Page metadata that text extraction leaves on lines of its own: a bare link (an image's
#: address), a timestamp or date. Each matches the whole line.
METADATA_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, _FLAGS)
    for p in (
        r"^(https?://|www\.)\S+$",  # "https://cdn.example.org/images/2031/06/pier.jpg"
        r"^\S+\.(jpe?g|png|gif|webp|svg|avif)(\?\S*)?$",  # "pier-4411.jpg?w=640"
        r"^\d{4}-\d{2}-\d{2}([t ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:?\d{2})?)?$",  # "2031-06-03T14:05:00Z"
        # "14:05 GMT, 3 June 2031", "3 June 2031", "June 3, 2031 2:05 PM", "Tue 3 Jun 2031 14.05 BST"
        r"^((mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(\d{1,2}[:.]\d{2}(\s?[ap]\.?m\.?)?(\s[a-z]{2,4})?,?\s+)?"
        r"(\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}"
        r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})"
        r"(,?\s+\d{1,2}[:.]\d{2}(\s?[ap]\.?m\.?)?(\s[a-z]{2,4})?)?$",
    )
)

#: A line made only of rule characters: "-", "* * *", "———".
SEPARATOR_PATTERN = re.compile(r"^[\s\-–—_*•·|=~#+]+$")

#: Bylines and datelines standing alone on a line.
BYLINE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        # "By Jane Doe", "By Jane Doe, The Daily Planet Published", "By A and B | Updated 3 May"
        r"^[Bb][Yy]:?\s+(?!the\b|a\b|an\b)[A-Z][^.!?;]{0,80}?"
        r"(\s+([Pp]ublished|[Uu]pdated|[Pp]osted)\b.{0,40})?$",
        # "Published 3 hours ago", "Updated: 12 June 2031, 14:05 BST", "Posted on Monday"
        r"^(?i:published|updated|posted|last updated)\b:?\s+(?i:on\s+)?"
        r"(\d|(?i:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b"
        r"|today|yesterday|an? (hour|minute|day)))[^!?]{0,50}$",
        # the same split over two lines: "Published" and "3 hours ago"
        r"^(?i:published|updated|posted|last updated)$",
        r"^(?i:(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten) (second|minute|hour|day|week)s? ago)$",
        # "By Jane Doe, a senior reporter who covers courts from Leeds."
        r"^[Bb][Yy]:?\s+[A-Z][\w'’.-]*(\s[A-Z][\w'’.-]*){0,3},\s(a|an|the|our)\s[^!?]{0,60}"
        r"\b(reporter|writer|editor|correspondent|columnist|journalist|contributor|critic)s?\b[^!?]{0,80}$",
    )
)

#: Standalone picture credits and captions ("Photo: ...", "Image source, ...", "Image caption, ...").
IMAGE_CREDIT_PATTERN = re.compile(
    r"^\(?\s*(image|photo(graph)?|picture|video|illustration)s?( credit)?\s*:|^\(image credit\b"
    r"|^(image|photo|picture|video|media) (source|caption|credit)s?\s*[,:]",
    _FLAGS,
)

#: Who wrote, edited or helped with the story, and how to reach them: wire and agency credits.
#: Each needs the line's shape too (see :func:`is_credit`).
CREDIT_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, _FLAGS)
    for p in (
        # "Reporting by A in X and B in Y; Editing by C", "Additional reporting by D"
        r"^[-–—\s]*(additional |further )?(reporting|writing|editing|research|compiled|edited|written)"
        r"( and \w+)? by\s",
        r"^[-–—\s]*with (additional )?(assistance|reporting) (from|by)\s",  # "--With assistance from E."
        # "Wire writer F contributed to this report.", "G in Paris contributed reporting."
        r"\bcontributed( reporting)?( to this (report|story|article))?\.?$",
        r"^sources?\s*:\s*[^.!?]{0,80}$",  # "SOURCE: AGENCIES"
    )
)

#: Credit and contact lines whose whole shape says so, whatever words they hold.
CREDIT_LINE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, _FLAGS)
    for p in (
        r"^to contact the (reporters?|editors?|authors?|writers?)\b[^.!?]*:$",
        r"^\(updates? (with|to|throughout)\b[^()]*\)$",  # an agency's note on a story's new version
        r"^[^.!?]{0,80}\s\S+@\S+\.\w+\.?$",  # ends in an e-mail address: "Jane Doe in Oslo at jdoe@example.com"
    )
)

#: The words a credit may hold besides names: a list of people and places, not a sentence.
CREDIT_WORDS = frozenset({
    "and", "in", "by", "from", "with", "at", "of", "the", "for", "to", "this", "on", "report", "story",
    "article", "reporting", "editing", "writing", "additional", "further", "assistance", "research",
    "compiled", "edited", "written", "contributed", "writer", "writers", "reporter", "reporters",
    "correspondent", "correspondents", "editor", "editors", "contact", "responsible", "source", "sources",
    "news", "agencies", "staff",
})

#: A third-person bio cue. A bio paragraph near the end needs :data:`MIN_BIO_CUES` of them.
BIO_CUES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        # "Jane has worked as a writer", "Jane Doe has been a reporter"
        r"^(?!(Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Prof)\b)[A-Z][\w'’.-]*(\s[A-Z][\w'’.-]*){0,3},?\s"
        r"(has|had)\s(worked|written|reported|been\s(a|an|the))\b",
        # "... is a senior politics reporter at ...", "was a staff writer for ..."
        r"\b(is|was|has been|serves as)\s(a|an|the)\s([\w-]+\s){0,4}(writer|editor|reporter|journalist"
        r"|correspondent|columnist|contributor|producer|critic)s?\s(at|for|with|of)\b",
        r"\b(He|She|They)\s(covers?|writes?|reports?)\b",
        r"\b([Hh]is|[Hh]er|[Tt]heir)\s(journalism\s|reporting\s|writing\s)?(career|work|writing|reporting)"
        r"\s(began|started|has\sappeared|has\sbeen\spublished|includes)\b",
        r"\b(before|prior to)\sjoining\s[A-Z]",
        r"\b[Ff]ollow\s(him|her|them)\son\b",
        r"\b(is|was)\sthe\sauthor\sof\b",
        r"\b(writes|reports)\sabout\b",
        r"\b(has|have)\sincluded\seditorial\b|\beditorial\spositions?\b",
    )
)

#: Word stems one of which every bio holds; paragraphs without any skip the cue patterns.
_BIO_HINTS = (
    "writer", "editor", "reporter", "journalis", "correspondent", "columnist", "contributor",
    "critic", "producer", "author", "career", "covers", "joining", "follow him", "follow her",
    "follow them",
)
_PROMO_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in PROMO_PATTERNS), _FLAGS)
_LETTER_WORD = re.compile(r"\b[^\W\d_]{2,}\b")
_SENTENCE_END = re.compile(r"([.!;:,]|[.!?,][\"'”’)\]])$")


def clean_body(
    lines: Sequence[str], *, recurring: Collection[str] = (), title: str = "", page_text: bool = False
) -> tuple[list[str], list[RemovedLine]]:
    """Drop page furniture from an article body given as one paragraph per line.

    Blank lines are dropped silently. The other lines are judged, in order, by:
    recurrence (``recurring``), promotional patterns and the blurb under them,
    standalone bylines and image credits, a trailing list of related headlines,
    and a third-person author bio among the last body lines.

    Args:
        lines: the body's paragraphs, the title excluded.
        recurring: stripped lines known to recur across the source's articles
            (see :func:`find_recurring`).
        title: the article's headline.
        page_text: the lines are the text extracted from an HTML page, which may give
            the body more than once: a line that repeats an earlier one, or the
            headline, is dropped.

    Returns:
        The kept lines, unchanged and in order, and one record per removed line.

    Example:
        >>> clean_body(["Sign up for our free newsletter", "Get the news delivered to you."])[0]
        []
    """
    texts = [line.strip() for line in lines]
    reasons: list[str | None] = [None] * len(texts)
    blank = [not t for t in texts]

    seen: set[str] = {_normalized(title)} if title else set()
    for i, text in enumerate(texts):
        if blank[i]:
            continue
        normalized = _normalized(text)
        if page_text and normalized in seen:
            reasons[i] = HEADLINE_AGAIN if title and normalized == _normalized(title) else REPEATED
            continue
        seen.add(normalized)
        if text in recurring:
            reasons[i] = RECURRING
        elif is_metadata(text):
            reasons[i] = METADATA
        elif is_promotional(text):
            reasons[i] = PROMOTIONAL
        elif is_byline(text):
            reasons[i] = BYLINE
        elif is_credit(text):
            reasons[i] = CREDIT
        elif _word_count(text) <= MAX_FURNITURE_WORDS and IMAGE_CREDIT_PATTERN.search(text):
            reasons[i] = IMAGE_CREDIT
    _mark_blurbs(texts, reasons, blank)
    _mark_inline_lists(texts, reasons, blank)
    trailer_start = _mark_trailer(texts, reasons, blank)
    _mark_bio(texts, reasons, blank, trailer_start)

    kept: list[str] = []
    removed: list[RemovedLine] = []
    for line, text, reason, is_blank in zip(lines, texts, reasons, blank):
        if is_blank:
            continue
        if reason is None:
            kept.append(line)
        else:
            removed.append(RemovedLine(text, reason))
    return kept, removed


def is_promotional(text: str) -> bool:
    """Tell whether a line is a call to action or site chrome.

    Args:
        text: one stripped line.

    Returns:
        True when the line is short and matches one of :data:`PROMO_PATTERNS`.
    """
    return _word_count(text) <= MAX_FURNITURE_WORDS and bool(_PROMO_ANY.search(text))


def is_metadata(text: str) -> bool:
    """Tell whether a line is page metadata alone: a bare link or a timestamp (:data:`METADATA_PATTERNS`).

    Example:
        >>> is_metadata("Updated 14:05 GMT, 3 June 2031"), is_metadata("14:05 GMT, 3 June 2031")
        (False, True)
    """
    return _word_count(text) <= 12 and any(p.search(text) for p in METADATA_PATTERNS)


def _normalized(text: str) -> str:
    return " ".join(text.split()).casefold()


def is_byline(text: str) -> bool:
    """Tell whether a line is a standalone byline or dateline ("By Jane Doe Published")."""
    return _word_count(text) <= 20 and any(p.search(text) for p in BYLINE_PATTERNS)


def is_credit(text: str) -> bool:
    """Tell whether a line credits the story's writers or says how to reach them.

    A credit opens or ends as one does (:data:`CREDIT_PATTERNS`) and is otherwise a list of
    names, places and credit words (:data:`CREDIT_WORDS`), so a sentence that happens to open
    "Reporting by the agency showed ..." stays; or its whole shape is a credit's or a contact
    line's (:data:`CREDIT_LINE_PATTERNS`).

    Example:
        >>> is_credit("Reporting by Ana Ruiz in Lima; Editing by Joe Bloggs")
        True
        >>> is_credit("Reporting by the Lima Post showed the deal was signed.")
        False
    """
    if _word_count(text) > MAX_FURNITURE_WORDS:
        return False
    if any(p.search(text) for p in CREDIT_LINE_PATTERNS):
        return True
    if not any(p.search(text) for p in CREDIT_PATTERNS):
        return False
    words = re.findall(r"[^\W\d_]+", text)
    return all(w[:1].isupper() or w.lower() in CREDIT_WORDS for w in words)


def is_title_like(text: str) -> bool:
    """Tell whether a line reads like a headline, teaser or label rather than prose.

    Title-like lines are short and do not end as a sentence does (a question
    mark is allowed: headlines ask questions).
    """
    return _word_count(text) <= MAX_TITLE_WORDS and not _SENTENCE_END.search(text)


def bio_cues(text: str) -> int:
    """Count the distinct :data:`BIO_CUES` a paragraph shows."""
    lowered = text.lower()
    if not any(hint in lowered for hint in _BIO_HINTS):  # cheap gate: most paragraphs are not bios
        return 0
    return sum(1 for p in BIO_CUES if p.search(text))


def find_recurring(articles: Iterable[Sequence[str]]) -> frozenset[str]:
    """Find the lines a source repeats across its articles (site furniture).

    The rule, applied to one source folder's articles:

    * Identical articles count once; a line counts once per article; blank
      lines are ignored.
    * With fewer than :data:`MIN_RECURRENCE_ARTICLES` distinct articles, nothing recurs.
    * Lines longer than :data:`MAX_RECURRING_WORDS` words never recur: stories
      of one event share whole paragraphs of wire copy and quotes.
    * A line in at least :data:`RECURRENCE_SHARE` (half) of the articles recurs,
      and must be in two at least.
    * A short line (at most :data:`MAX_SHORT_RECURRING_WORDS` words, two or more
      of them made of letters) recurs when it is in
      :data:`MIN_RECURRENCE_ARTICLES` articles or more and in
      :data:`MIN_SHORT_RECURRENCE_SHARE` of them.

    Lines seen in only a few articles of a large folder are not furniture:
    updated versions of one story share whole paragraphs, match reports share
    a kick-off time ("2000 GMT"), and a columnist's one-line bio under a
    minority of a section's articles is still text the source wrote.

    Args:
        articles: each article's body lines.

    Returns:
        The recurring lines, stripped.

    Example:
        >>> sorted(find_recurring([["Subscribe now", "A."], ["Subscribe now", "B."], ["C."]]))
        ['Subscribe now']
    """
    counts: Counter[str] = Counter()
    seen: set[tuple[str, ...]] = set()
    for lines in articles:
        stripped = tuple(line.strip() for line in lines if line.strip())
        if stripped in seen:
            continue
        seen.add(stripped)
        counts.update(set(stripped))
    total = len(seen)
    if total < MIN_RECURRENCE_ARTICLES:
        return frozenset()
    share_needed = max(2, math.ceil(total * RECURRENCE_SHARE))
    short_needed = max(MIN_RECURRENCE_ARTICLES, total * MIN_SHORT_RECURRENCE_SHARE)

    def recurs(line: str, n: int) -> bool:
        words = _word_count(line)
        if words > MAX_RECURRING_WORDS:
            return False
        if n >= share_needed:
            return True
        is_short = words <= MAX_SHORT_RECURRING_WORDS and len(_LETTER_WORD.findall(line)) >= 2
        return is_short and n >= short_needed

    return frozenset(line for line, n in counts.items() if recurs(line, n))


def _word_count(text: str) -> int:
    return len(text.split())


def _mark_blurbs(texts: list[str], reasons: list[str | None], blank: list[bool]) -> None:
    """Mark the short reader-addressed lines right under a promotional line."""
    for i, reason in enumerate(reasons):
        if reason != PROMOTIONAL:
            continue
        taken = 0
        for j in range(i + 1, len(texts)):
            if blank[j]:
                continue
            if reasons[j] is not None or taken == MAX_BLURB_LINES:
                break
            if _word_count(texts[j]) > MAX_BLURB_WORDS or not BLURB_PATTERN.search(texts[j]):
                break
            reasons[j] = PROMOTIONAL_BLURB
            taken += 1


def _mark_inline_lists(texts: list[str], reasons: list[str | None], blank: list[bool]) -> None:
    """Mark the headlines listed under a short list heading ("Read more:", "Most read") inside the story.

    The list runs over title-like lines and ends at the first line of prose.
    """
    for i, text in enumerate(texts):
        if blank[i] or _word_count(text) > MAX_LIST_HEADING_WORDS \
                or not any(p.search(text) for p in LIST_HEADING_PATTERNS):
            continue
        taken = 0
        for j in range(i + 1, len(texts)):
            if blank[j]:
                continue
            if reasons[j] is not None or taken == MAX_LIST_ITEMS or not is_title_like(texts[j]):
                break
            reasons[j] = RELATED_HEADLINES
            taken += 1


def _is_marker(text: str) -> bool:
    return bool(SEPARATOR_PATTERN.match(text)) or is_byline(text)


def _mark_trailer(texts: list[str], reasons: list[str | None], blank: list[bool]) -> int:
    """Mark a trailing list of related headlines; return where the body ends.

    The trailer is the longest run of lines at the end that are all
    separators, bylines, title-like lines or already-removed lines. It is a
    list of other stories when it holds two markers (separators or bylines)
    or opens with a list heading ("Related stories", "More from ..."). The
    removal starts at the first marker, reaching back over at most one item's
    worth of title-like lines (the first headline and teaser of the list).
    """
    n = len(texts)
    start = n
    while start > 0 and (
        blank[start - 1]
        or reasons[start - 1] is not None
        or _is_marker(texts[start - 1])
        or is_title_like(texts[start - 1])
    ):
        start -= 1
    run = [i for i in range(start, n) if not blank[i]]
    markers = [i for i in run if _is_marker(texts[i])]
    heading = next(
        (i for i in run if any(p.search(texts[i]) for p in LIST_HEADING_PATTERNS)), None
    )
    if heading is not None:
        cut = heading
    elif len(markers) >= 2:
        # One item of the list is the lines between its first two markers;
        # the item before the first marker (headline, teaser) goes too.
        item_size = sum(1 for i in run if markers[0] < i < markers[1])
        before = [i for i in run if i < markers[0]]
        cut = before[max(0, len(before) - item_size)] if before and item_size else markers[0]
    else:
        return _body_end(reasons, blank, n)
    for i in range(cut, n):
        if not blank[i] and reasons[i] is None:
            reasons[i] = RELATED_HEADLINES
    return _body_end(reasons, blank, cut)


def _body_end(reasons: list[str | None], blank: list[bool], end: int) -> int:
    """Index just after the last kept line before ``end``."""
    while end > 0 and (blank[end - 1] or reasons[end - 1] is not None):
        end -= 1
    return end


def _mark_bio(
    texts: list[str], reasons: list[str | None], blank: list[bool], body_end: int
) -> None:
    """Mark a third-person author bio among the last kept lines of the body."""
    window: list[int] = []
    for i in range(body_end - 1, -1, -1):
        if len(window) == BIO_WINDOW:
            break
        if not blank[i] and reasons[i] is None:
            window.append(i)
    for i in window:
        if bio_cues(texts[i]) >= MIN_BIO_CUES:
            reasons[i] = AUTHOR_BIO
