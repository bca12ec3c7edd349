"""Article dates: parsing, front matter, date lines, datelines, HTML metadata and the --dates sidecar.

Every article and line here is written for these tests.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from graphbuild.dates import date_line, parse_date, read_sidecar, take_dateline, take_leading_date
from graphbuild.errors import InputError
from graphbuild.reading import read_articles
from graphbuild.records import Article

BODY = ("The two governments agreed on Tuesday to reopen the river crossing, ending a closure that had "
        "stranded hundreds of lorries for three months.\n\n"
        "Officials from both sides said the first convoys would cross at the end of the week.\n")


def _write(folder: Path, name: str, content: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def _article(path: Path) -> Article:
    items = list(read_articles([path]))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


# --- parsing one date ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, iso", [
    ("7 January 2024", "2024-01-07"),
    ("Jan. 7, 2024", "2024-01-07"),
    ("January 7th, 2024", "2024-01-07"),
    ("Tuesday, 7 January 2025 10:32 GMT", "2025-01-07"),
    ("Thu, Mar 14 2024 10:12 AM EDT", "2024-03-14"),
    ("2024-01-07", "2024-01-07"),
    ("2024-01-07T23:30:00-05:00", "2024-01-07"),  # the date as written, not moved to UTC
    ("17/02/2024", "2024-02-17"),  # only one reading: 17 is no month
    ("02/17/2024", "2024-02-17"),
])
def test_full_dates_are_read(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", [
    "03/02/2024",  # 3 February or March 2nd: not guessed
    "January 2024",  # no day
    "Jan 7",  # no year
    "2004",
    "May",
    "May urges party unity",  # a headline, not a date
    "31 February 2024",
    "7 January 1850",  # before any news archive graphbuild reads
    "",
])
def test_what_is_not_one_full_date_is_refused(text):
    assert parse_date(text) == ""


@pytest.mark.parametrize("line, iso", [
    ("Published 7 January 2024", "2024-01-07"),
    ("Published on: 7 Jan 2024", "2024-01-07"),
    ("Posted on May 5, 2023 | By Jane Okafor", "2023-05-05"),
    ("Date: 2023-05-05", "2023-05-05"),
    ("*12 June 2023*", "2023-06-12"),  # Markdown emphasis
    ("Published Thu, Mar 14 2024 10:12 AM EDT Updated Fri, Mar 15 2024 4:48 PM EDT", "2024-03-14"),
    ("Updated 9 May 2024", ""),  # a revision, not the publication
    ("Updated 2 hours ago", ""),
    ("Published", ""),
])
def test_date_lines_give_the_publication_date(line, iso):
    assert date_line(line) == iso


# --- front matter and date lines in text files --------------------------------------------------


def test_markdown_front_matter_gives_date_and_title_and_leaves_the_text(tmp_path):
    path = _write(tmp_path, "story.md", "---\ntitle: \"Crossing reopens: lorries move again\"\n"
                                        "date: 2024-03-12\ntags: [trade, borders]\n---\n" + BODY)
    article = _article(path)
    assert article.date == "2024-03-12"
    assert article.title == "Crossing reopens: lorries move again"
    assert article.body.startswith("The two governments agreed")
    assert "tags" not in article.text and "---" not in article.text
    assert [r.reason for r in article.removed] == ["front matter"]


@pytest.mark.parametrize("key, value", [("date", "2024-03-12 09:30:00"), ("publishDate", "March 12, 2024"),
                                        ("date_published", "'12 March 2024'"), ("pubdate", "2024-03-12")])
def test_front_matter_date_keys_of_common_site_generators(tmp_path, key, value):
    path = _write(tmp_path, "story.txt", f"---\n{key}: {value}\n---\nCrossing reopens\n" + BODY)
    article = _article(path)
    assert (article.date, article.title) == ("2024-03-12", "Crossing reopens")


def test_front_matter_without_a_date_is_still_taken_off(tmp_path):
    article = _article(_write(tmp_path, "story.md", "---\nauthor: J. Okafor\n---\n# Crossing reopens\n" + BODY))
    assert (article.date, article.title) == ("", "Crossing reopens")
    assert "author" not in article.text


def test_a_rule_line_that_opens_no_mapping_is_text(tmp_path):
    text = "---\nThe crossing reopened on Tuesday after months of talks.\n---\n"
    dating, rest = take_leading_date(text + BODY)
    assert dating.date == "" and rest.startswith(text)


@pytest.mark.parametrize("content", [
    "2024-03-12\nCrossing reopens\n",  # date first, then the title
    "Crossing reopens\nPublished 12 March 2024\n",  # the line under the title
    "Crossing reopens\n12 March 2024, 09:30 GMT\n",
])
def test_a_date_line_at_the_top_dates_the_article_and_leaves_the_text(tmp_path, content):
    article = _article(_write(tmp_path, "story.txt", content + BODY))
    assert (article.date, article.title) == ("2024-03-12", "Crossing reopens")
    assert "12 March" not in article.text and "2024" not in article.text
    assert article.body.startswith("The two governments")


def test_a_date_deep_in_the_story_is_not_its_date(tmp_path):
    article = _article(_write(tmp_path, "story.txt", "Crossing reopens\n" + BODY + "12 March 2024\n"))
    assert article.date == ""


def test_a_headline_with_a_month_is_a_headline(tmp_path):
    article = _article(_write(tmp_path, "story.txt", "May 2024 sales rise at river ports\n" + BODY))
    assert (article.date, article.title) == ("", "May 2024 sales rise at river ports")


def test_the_files_modification_time_is_never_a_date(tmp_path):
    path = _write(tmp_path, "story.txt", "Crossing reopens\n" + BODY)
    os.utime(path, (1_700_000_000, 1_700_000_000))
    assert _article(path).date == ""


# --- datelines ----------------------------------------------------------------------------------


@pytest.mark.parametrize("paragraph, iso, rest", [
    ("BELGRADE, March 12, 2024 (Reuters) - Serbia said on Tuesday it would act.", "2024-03-12",
     "Serbia said on Tuesday it would act."),
    ("BELGRADE, March 12 (Reuters) - Serbia said it would act.", "", "Serbia said it would act."),
    ("LIMA (AP) -- Peru's congress voted on Friday.", "", "Peru's congress voted on Friday."),
    ("SAN JOSE, Costa Rica, 4 June 2023 (AFP) — Voters queued early.", "2023-06-04", "Voters queued early."),
    ("WASHINGTON, D.C. (AP) — Senators met.", "", "Senators met."),
    ("Quito (AFP) - Ecuador's president spoke.", "", "Ecuador's president spoke."),
    ("DENVER, Oct. 2, 2023 /PRNewswire/ -- Acme Rail said it had signed.", "2023-10-02",
     "Acme Rail said it had signed."),
    ("NAIROBI — Kenya's central bank held rates.", "", "Kenya's central bank held rates."),
])
def test_datelines_are_taken_off_the_first_paragraph(paragraph, iso, rest):
    dating, paragraphs = take_dateline([paragraph, "Second paragraph."])
    assert dating.date == iso
    assert paragraphs == [rest, "Second paragraph."]
    assert [r.reason for r in dating.removed] == ["dateline"]
    assert paragraph.startswith(dating.removed[0].text)


@pytest.mark.parametrize("paragraph", [
    "NATO – the western military alliance – said on Monday it would send more ships.",
    "Lena Moravec - the party's deputy leader - resigned on Monday.",
    "UNESCO - the UN's cultural agency - listed the site.",
    "UK - US trade talks resumed on Monday.",
    "Shares in retailer Corvel - which rose on Monday - fell again.",
    "The crossing reopened - to the relief of traders.",
])
def test_sentences_with_dashes_are_not_datelines(paragraph):
    dating, paragraphs = take_dateline([paragraph])
    assert dating.removed == () and paragraphs == [paragraph]


def test_dateline_of_a_text_file_dates_it_and_offsets_index_the_text(tmp_path):
    path = _write(tmp_path, "wire.txt", "Crossing reopens\n\nBELGRADE, March 12, 2024 (Reuters) - " + BODY)
    article = _article(path)
    assert article.date == "2024-03-12"
    assert article.body.startswith("The two governments agreed")
    assert "Reuters" not in article.text


# --- HTML metadata -------------------------------------------------------------------------------

PAGE = """<html><head><title>Crossing reopens</title>{head}</head>
<body><article><h1>Crossing reopens</h1>{lead}
<p>The two governments agreed on Tuesday to reopen the river crossing, ending a closure that had stranded
hundreds of lorries for three months, the transport ministry said in a statement.</p>
<p>Officials from both sides said the first convoys would cross at the end of the week, after customs staff
return to the posts on either bank of the river.</p>
<p>The treaty that set the border was signed on 5 May 1998 and has been amended twice since.</p>
</article></body></html>"""


@pytest.mark.parametrize("head", [
    '<meta property="article:published_time" content="2024-03-12T08:00:00Z">',
    '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-03-12"}</script>',
    '<link rel="canonical" href="https://news.example.org/2024/03/12/crossing-reopens.html">',
])
def test_html_metadata_dates_the_page(tmp_path, head):
    article = _article(_write(tmp_path, "page.html", PAGE.format(head=head, lead="")))
    assert article.date == "2024-03-12"


def test_html_without_metadata_is_not_dated_by_a_date_in_its_story(tmp_path):
    article = _article(_write(tmp_path, "page.html", PAGE.format(head="", lead="")))
    assert article.date == ""


def test_html_dateline_dates_a_page_without_metadata(tmp_path):
    lead = "<p>BELGRADE, March 12, 2024 (Reuters) - Serbia and its neighbour met on Tuesday.</p>"
    article = _article(_write(tmp_path, "page.html", PAGE.format(head="", lead=lead)))
    assert article.date == "2024-03-12"
    assert article.body.startswith("Serbia and its neighbour")


# --- the --dates sidecar -------------------------------------------------------------------------


def test_sidecar_paths_are_relative_to_it_or_absolute(tmp_path):
    other = tmp_path / "elsewhere" / "b.txt"
    sidecar = _write(tmp_path / "meta", "dates.csv",
                     f"path,date\n../news/a.txt,2024-03-12\n{other},12 March 2024\n\n# a comment\n")
    dates = read_sidecar(sidecar)
    assert dates.problems == ()
    assert dates.date_of(tmp_path / "news" / "a.txt") == "2024-03-12"
    assert dates.date_of(tmp_path / "news" / ".." / "news" / "a.txt") == "2024-03-12"
    assert dates.date_of(other) == "2024-03-12"
    assert dates.date_of(tmp_path / "news" / "c.txt") == ""


def test_sidecar_bad_rows_are_named_by_file_and_line(tmp_path):
    sidecar = _write(tmp_path, "dates.csv", "a.txt,2024-03-12\nb.txt\nc.txt,soon\nd.txt,03/02/2024\n"
                                            "a.txt,2024-03-13\na.txt,2024-03-12\n")
    dates = read_sidecar(sidecar)
    assert dates.date_of(tmp_path / "a.txt") == "2024-03-12"
    where = [w for w, _ in dates.problems]
    assert where == [f"{sidecar} line {n}" for n in (2, 3, 4, 5)]
    messages = [m for _, m in dates.problems]
    assert "two columns" in messages[0]
    assert "'soon' is not a date" in messages[1] and "YYYY-MM-DD" in messages[1]
    assert "'03/02/2024'" in messages[2]
    assert "another date on line 1" in messages[3]
    assert all("\n" not in m for m in messages)


def test_missing_sidecar_is_one_line_error(tmp_path):
    with pytest.raises(InputError, match="no such dates file"):
        read_sidecar(tmp_path / "nope.csv")


def test_explain_names_the_date_and_what_was_taken_off(tmp_path):
    from graphbuild.reading import explain

    path = _write(tmp_path, "wire.txt", "Crossing reopens\n\nBELGRADE, March 12, 2024 (Reuters) - " + BODY)
    report = explain(_article(path)).splitlines()
    assert report[0].endswith(", dated 2024-03-12): 1 line removed")
    assert report[1] == "  - [dateline] BELGRADE, March 12, 2024 (Reuters) -"
