"""Tests for graphbuild.reading: finding files, decoding, splitting, problems, duplicates."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuild.errors import InputError
from graphbuild.reading import (
    DUPLICATE,
    SKIPPED,
    InputProblem,
    article_id,
    explain,
    find_sources,
    guess_language,
    read_articles,
    split_text,
)
from graphbuild.records import Article, RemovedLine

DATA = Path(__file__).parent / "data"

STORY = (
    "Dock workers end strike after pay deal\n"
    "Dock workers at the southern port returned to work on Thursday after their union accepted "
    "a pay offer from the port authority, ending a strike that had lasted nine days.\n"
    "The agreement gives the workers a rise of 6% this year and a further 4% next year, the union "
    "said in a statement.\n"
)


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _story(n: int) -> str:
    """A distinct English story, so duplicates are not an accident of the test."""
    return STORY.replace("nine days", f"{n + 2} days").replace("6%", f"{n + 2}%")


def _only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


# --- find_sources -----------------------------------------------------------------------------


def test_find_sources_folder_is_recursive_sorted_and_filtered(tmp_path):
    for name in ["b.txt", "a.md", "sub/c.html", "sub/d.HTM", "notes.json", "image.png", ".hidden.txt",
                 ".git/x.txt"]:
        _write(tmp_path, name, "x")
    found = find_sources([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.md", "b.txt", "sub/c.html", "sub/d.HTM"]


def test_find_sources_deduplicates_and_expands_globs(tmp_path):
    a = _write(tmp_path, "a.txt", "x")
    b = _write(tmp_path, "deep/b.txt", "x")
    _write(tmp_path, "deep/c.csv", "x")
    found = find_sources([a, tmp_path / "a.txt", str(tmp_path / "**" / "*")])
    assert found == [a, b]


def test_find_sources_takes_a_single_path_too(tmp_path):
    path = _write(tmp_path, "a.txt", "x")
    assert find_sources(str(path)) == find_sources(path) == [path]


def test_find_sources_keeps_an_explicit_file_of_another_suffix(tmp_path):
    path = _write(tmp_path, "data.csv", "a,b")
    assert find_sources([path]) == [path]
    problem = _only(read_articles([path]))
    assert problem == InputProblem(str(path), problem.message)
    assert "not a .txt/.md/.html file" in problem.message


@pytest.mark.parametrize(
    ("name", "words"),
    [("missing.txt", "no such file or folder"), ("nothing-*.txt", "pattern matches no")],
)
def test_find_sources_raises_one_line_input_error(tmp_path, name, words):
    with pytest.raises(InputError) as error:
        find_sources([tmp_path / name])
    message = str(error.value)
    assert words in message and name in message and "\n" not in message


def test_find_sources_empty_folder_is_an_error(tmp_path):
    _write(tmp_path, "notes.json", "{}")
    with pytest.raises(InputError, match="holds no .txt, .md or .html"):
        find_sources([tmp_path])


# --- text files -------------------------------------------------------------------------------


def test_txt_title_is_first_line_and_body_the_rest(tmp_path):
    path = _write(tmp_path, "story.txt", "\n\n" + STORY)
    article = _only(read_articles([path]))
    assert article.title == "Dock workers end strike after pay deal"
    assert article.body.split("\n\n") == STORY.strip().splitlines()[1:]
    assert article.source == str(path)
    assert article.encoding == "utf-8"
    assert article.id == article_id(article.title, article.body)
    assert len(article.id) == 16


def test_blank_line_paragraphs_keep_long_lines(tmp_path):
    text = STORY.replace("\n", "\n\n")
    article = _only(read_articles([_write(tmp_path, "story.txt", text)]))
    assert article.body.split("\n\n") == STORY.strip().splitlines()[1:]


def test_hard_wrapped_text_is_joined_into_paragraphs():
    text = (
        "Flood defences to be rebuilt\n\n"
        "The river authority will rebuild the flood defences along the\n"
        "eastern bank this summer, its chief engineer said on Monday,\n"
        "after last winter's storms breached them in three places.\n\n"
        "Work is due to finish in October.\n\n"
        "Residents said they had waited long enough for the repairs and\n"
        "asked the authority to publish its timetable.\n"
    )
    title, paragraphs = split_text(text)
    assert title == "Flood defences to be rebuilt"
    assert paragraphs == [
        "The river authority will rebuild the flood defences along the eastern bank this summer, its "
        "chief engineer said on Monday, after last winter's storms breached them in three places.",
        "Work is due to finish in October.",
        "Residents said they had waited long enough for the repairs and asked the authority to "
        "publish its timetable.",
    ]


def test_markdown_is_stripped_lightly():
    article = _only(read_articles([DATA / "reading_article.md"]))
    assert article.title == "Harbour ferry strike enters second week"
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0] == (
        "Ferry crews in the northern harbour stayed off work for an eighth day on Monday, and the "
        "operator said it had no plans to return to talks. See the union's statement for its "
        "demands, and the operator's reply."
    )
    assert "What the crews want" in paragraphs
    assert (
        "The crews want a pay rise in line with inflation and an end to zero-hours contracts, "
        "their union said in a statement." in paragraphs
    )
    assert '"We will stay out as long as it takes," a spokesperson said.' in paragraphs
    assert paragraphs[-2:] == ["Talks broke down on 2 May", "The operator has hired agency crews"]
    for syntax in ("#", "**", "](", "`", "<!--", "> "):
        assert syntax not in article.text
    assert article.removed == (RemovedLine("By Nadia Osei", "byline or dateline"),)


def test_markdown_without_heading_takes_first_line_as_title():
    title, paragraphs = split_text("**Strike over**\n\nThe strike ended.", markdown=True)
    assert (title, paragraphs) == ("Strike over", ["The strike ended."])


# --- HTML -------------------------------------------------------------------------------------


def test_html_main_text_without_scripts_styles_or_chrome():
    article = _only(read_articles([DATA / "reading_page.html"]))
    assert article.title == "Bridge vote delayed again"
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("The county council postponed its vote")
    assert paragraphs[-1] == "The vote is now expected at the council's meeting in June, officials said."
    assert len(paragraphs) == 4
    for chrome in ("tracking code", "font-family", "inline script", "Subscribe", "Home |", "cookies"):
        assert chrome not in article.text


def test_html_title_falls_back_to_the_title_tag(tmp_path):
    body = "".join(f"<p>{line}</p>" for line in STORY.splitlines()[1:])
    path = _write(tmp_path, "page.htm", f"<html><head><title>Port deal &amp; pay</title></head><body>{body}</body></html>")
    article = _only(read_articles([path]))
    assert article.title in {"Port deal & pay", "Dock workers end strike after pay deal"}
    assert "Dock workers at the southern port" in article.body


def test_html_with_no_text_is_a_problem(tmp_path):
    path = _write(tmp_path, "empty.html", "<html><head><script>var a = 1;</script></head><body></body></html>")
    assert "no article text" in _only(read_articles([path])).message


# --- problems ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty file"),
        (b"  \n\n \t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "not text"),
        (bytes(range(256)) * 8, "not text"),
    ],
)
def test_empty_and_binary_files_are_problems(tmp_path, content, words):
    path = _write(tmp_path, "bad.txt", content)
    problem = _only(read_articles([path]))
    assert isinstance(problem, InputProblem)
    assert words in problem.message and "\n" not in problem.message


@pytest.mark.parametrize(
    ("encoding", "recorded"),
    [("cp1252", {"cp1252"}), ("latin-1", {"cp1252", "latin_1", "iso8859_15"}), ("utf-16", {"utf-16"})],
)
def test_other_encodings_are_detected(tmp_path, encoding, recorded):
    text = STORY + "The deal is worth £4m, said the union’s leader, René Côté, at the café.\n"
    if encoding == "latin-1":
        text = text.replace("’", "'")
    path = _write(tmp_path, "story.txt", text.encode(encoding))
    article = _only(read_articles([path]))
    assert isinstance(article, Article), article
    assert "£4m" in article.body and "René Côté" in article.body and "café" in article.body
    assert article.encoding in recorded


def test_invalid_utf8_is_decoded_by_detection(tmp_path):
    data = STORY.encode("utf-8") + "Prices rose 5 % in Zürich and Málaga.\n".encode("cp1252")
    article = _only(read_articles([_write(tmp_path, "story.txt", data)]))
    assert isinstance(article, Article)
    assert article.encoding != "utf-8"
    assert "Dock workers" in article.body


def test_utf8_with_bom(tmp_path):
    article = _only(read_articles([_write(tmp_path, "story.txt", "\ufeff".encode() + STORY.encode())]))
    assert article.title == "Dock workers end strike after pay deal"


def test_file_over_the_cap_names_the_cap_and_the_flag(tmp_path):
    path = _write(tmp_path, "big.txt", STORY * 50)
    problem = _only(read_articles([path], max_bytes=1000))
    assert isinstance(problem, InputProblem)
    assert "1,000-byte cap" in problem.message and "--max-bytes" in problem.message
    assert isinstance(_only(read_articles([path], max_bytes=10**6)), Article)


def test_unreadable_file_is_a_problem(tmp_path, monkeypatch):
    import os

    from graphbuild import reading

    path = _write(tmp_path, "locked.txt", STORY)
    real = os.open

    def locked_open(name, *args, **kwargs):
        if Path(name).name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(reading.os, "open", locked_open)
    other = _write(tmp_path, "other.txt", _story(1))
    items = list(read_articles([path, other]))
    assert isinstance(items[0], InputProblem) and "permission denied" in items[0].message
    assert isinstance(items[1], Article)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Le gouvernement annonce de nouvelles mesures\n"
            "Le président de la République a annoncé lundi une série de mesures pour lutter contre "
            "la hausse des prix de l'énergie. Selon le gouvernement, ces aides seront versées dès "
            "le mois prochain aux ménages les plus modestes.",
            "French",
        ),
        (
            "Neue Hilfen für Bürger\n"
            "Der Bundeskanzler hat am Montag ein neues Paket zur Entlastung der Bürger angekündigt. "
            "Nach Angaben der Regierung sollen die Hilfen bereits im kommenden Monat ausgezahlt "
            "werden, sagte der Finanzminister in Berlin.",
            "German",
        ),
        (
            "Новые меры поддержки\n"
            "Президент в понедельник объявил о новых мерах поддержки граждан. По словам министра "
            "финансов, выплаты начнутся уже в следующем месяце, сообщили в правительстве страны.",
            "Russian",
        ),
    ],
)
def test_non_english_text_is_a_problem(tmp_path, text, language):
    problem = _only(read_articles([_write(tmp_path, "story.txt", text)]))
    assert isinstance(problem, InputProblem)
    assert f"looks like {language}" in problem.message and "reads English" in problem.message


def test_english_with_foreign_quotes_is_english():
    text = STORY + "“Liberté, égalité, fraternité,” the banner read, in French."
    assert guess_language(text) is None


@pytest.mark.parametrize(("text", "language"), [
    ("北京市政府周一宣布了新的城市交通规划。", "Chinese"),
    ("東京都は月曜日に新しい交通計画を発表した。", "Japanese"),
    ("서울시는 월요일에 새로운 교통 계획을 발표했다.", "Korean"),
    ("أعلنت الحكومة عن إجراءات جديدة يوم الاثنين.", "Arabic"),
    ("Правительство объявило о новых мерах в понедельник.", "Russian"),
    ("Le gouvernement a annoncé lundi de nouvelles mesures pour les transports.", "French"),
    ("El gobierno anunció el lunes nuevas medidas para el transporte público.", "Spanish"),
    ("O governo anunciou na segunda-feira novas medidas para os transportes.", "Portuguese"),
])
def test_short_texts_in_other_languages_are_told(text, language):
    assert guess_language(text) == language


@pytest.mark.parametrize("text", [
    # A meal plan: lists of foods, hardly a sentence.
    "Weekly meal plan\nMonday: oatmeal with berries; grilled chicken salad; salmon, rice and broccoli\n"
    "Tuesday: yogurt and granola; lentil soup; beef stir-fry with peppers\n"
    "Wednesday: scrambled eggs on toast; tuna wrap; pasta with tomato sauce\n"
    "Shopping list: eggs, milk, spinach, garlic, onions, lemons, oats, rice",
    # Box scores: names and numbers.
    "Harbour Hawks 112, Valley Foxes 108\nHAW: Okafor 31 pts 8 reb 9 ast; Lindqvist 24 pts 12 reb\n"
    "VAL: Moreau 29 pts 7 reb; Brandt 22 pts; Silva 14 pts 5 ast\nFG: HAW 44-89, VAL 41-90. "
    "3PT: HAW 12-33, VAL 15-41. FT: HAW 12-15, VAL 11-14.\nAttendance: 18,997",
    "Port strike ends after pay deal",
    "The minister resigned on Monday after the vote.",
])
def test_list_heavy_and_short_english_stays_english(text):
    assert guess_language(text) is None


def test_duplicate_is_read_once(tmp_path):
    first = _write(tmp_path, "a.txt", STORY)
    second = _write(tmp_path, "b.txt", STORY.replace("\n", "\n\n"))  # same text, other layout
    items = list(read_articles([tmp_path]))
    assert isinstance(items[0], Article) and items[0].source == str(first)
    assert items[1] == InputProblem(str(second), items[1].message, DUPLICATE)
    assert items[1].message.startswith(f"duplicate of {first}")


def test_problems_do_not_stop_the_run(tmp_path):
    _write(tmp_path, "1.txt", _story(1))
    _write(tmp_path, "2.txt", b"")
    _write(tmp_path, "3.txt", b"\x00\x01\x02")
    _write(tmp_path, "4.txt", _story(4))
    kinds = [type(item).__name__ for item in read_articles([tmp_path])]
    assert kinds == ["Article", "InputProblem", "InputProblem", "Article"]


# --- cleaning through the reader ----------------------------------------------------------------


def test_recurring_lines_of_a_folder_are_removed(tmp_path):
    for n in range(4):
        _write(tmp_path, f"{n}.txt", _story(n) + "Harbour Times – news since 1902\n")
    articles = list(read_articles([tmp_path]))
    assert all(isinstance(a, Article) for a in articles)
    for article in articles:
        assert "Harbour Times" not in article.body
        assert article.removed == (
            RemovedLine("Harbour Times – news since 1902", "recurs across articles of this source"),
        )


def test_paragraphs_shared_by_stories_of_one_event_stay(tmp_path):
    shared = (
        "The union's general secretary said the agreement was the best the workers could have "
        "hoped for after nine days on the picket line, and thanked the port's neighbours for their "
        "patience during the dispute."
    )
    for n in range(3):
        _write(tmp_path, f"{n}.txt", _story(n) + shared + "\n")
    assert all(a.removed == () and shared in a.body for a in read_articles([tmp_path]))


def test_recurrence_needs_three_files_in_the_folder(tmp_path):
    for n in range(2):
        _write(tmp_path, f"{n}.txt", _story(n) + "Harbour Times – news since 1902\n")
    assert all(a.removed == () for a in read_articles([tmp_path]))


def test_clean_false_keeps_every_line(tmp_path):
    path = _write(tmp_path, "story.txt", STORY + "Subscribe to the Harbour Times\n")
    assert _only(read_articles([path], clean=False)).body.endswith("Subscribe to the Harbour Times")
    assert _only(read_articles([path])).removed == (
        RemovedLine("Subscribe to the Harbour Times", "promotional"),
    )


def test_explain_lists_every_removal():
    article = Article(
        "abc", "news/a.txt", "T", "Body.", encoding="cp1252",
        removed=(RemovedLine("Subscribe now", "promotional"), RemovedLine("x" * 300, "author bio")),
    )
    report = explain(article).splitlines()
    assert report[0] == "news/a.txt (id abc, cp1252): 2 lines removed"
    assert report[1] == "  - [promotional] Subscribe now"
    assert report[2].startswith("  - [author bio] xxx") and report[2].endswith("…")
    assert len(report[2]) < 130


# --- robustness ---------------------------------------------------------------------------------

_SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".htm"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=st.one_of(st.text(max_size=400), st.binary(max_size=400)), suffix=_SUFFIXES)
def test_any_file_content_yields_records_not_exceptions(content, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"file{suffix}"
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8", errors="surrogatepass")
        else:
            path.write_bytes(content)
        for item in read_articles([path]):
            assert isinstance(item, Article | InputProblem)
            if isinstance(item, InputProblem):
                assert item.message and "\n" not in item.message


@settings(max_examples=30, deadline=None)
@given(lines=st.lists(st.text(max_size=80), min_size=3, max_size=6))
def test_any_folder_of_texts_yields_one_record_per_file(lines):
    with tempfile.TemporaryDirectory() as folder:
        for n, line in enumerate(lines):
            (Path(folder) / f"{n}.txt").write_text(f"Title {n}\n{line}\nShared line\n", encoding="utf-8",
                                                 errors="surrogatepass")
        items = list(read_articles([folder]))
        assert len(items) == len(lines)


# --- files that are not regular files -----------------------------------------------------------


def _special_files(folder: Path) -> dict[str, str]:
    """A FIFO, a link to /dev/zero, a device and a socket, each named as an article; and what each is."""
    import os
    import socket

    made = {}
    os.mkfifo(folder / "pipe.txt")
    made["pipe.txt"] = "named pipe"
    (folder / "zero.txt").symlink_to("/dev/zero")
    made["zero.txt"] = "character device"
    (folder / "null.txt").symlink_to("/dev/null")
    made["null.txt"] = "character device"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "sock.txt"))
    made["sock.txt"] = "socket"
    return made


def test_special_files_named_on_the_command_line_are_refused_at_once(tmp_path):
    made = _special_files(tmp_path)
    good = _write(tmp_path / "good", "story.txt", STORY)
    items = list(read_articles([tmp_path / name for name in made] + [good]))  # a FIFO would block for ever
    problems = {Path(item.source).name: item for item in items if isinstance(item, InputProblem)}
    assert set(problems) == set(made)
    for name, kind in made.items():
        assert problems[name].kind == SKIPPED
        assert f"is a {kind}" in problems[name].message and "not a regular file" in problems[name].message
    assert [item.source for item in items if isinstance(item, Article)] == [str(good)]


def test_special_files_in_a_folder_are_left_out(tmp_path):
    _special_files(tmp_path)
    _write(tmp_path, "story.txt", STORY)
    assert [p.name for p in find_sources([tmp_path])] == ["story.txt"]


def test_the_size_cap_applies_while_reading(tmp_path):
    """A file whose size the system does not know (a /proc file says 0) is still read only up to the cap."""
    link = tmp_path / "maps.txt"
    link.symlink_to("/proc/self/maps")
    problem = _only(read_articles([link], max_bytes=100))
    assert "over the 100-byte cap" in problem.message


def test_an_output_folder_inside_the_input_is_not_read(tmp_path):
    _write(tmp_path, "story.txt", STORY)
    out = tmp_path / "out"
    (out / ".graphbuild").mkdir(parents=True)
    _write(out, "graph.html", "<html><body><p>" + STORY + "</p></body></html>")
    _write(tmp_path, "pages/graph.html", "<html><body><p>" + _story(3) + "</p></body></html>")
    found = [p.relative_to(tmp_path).as_posix() for p in find_sources([tmp_path])]
    assert found == ["pages/graph.html", "story.txt"]  # a page of that name elsewhere is an article
