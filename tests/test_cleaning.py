"""Tests for graphbuild.cleaning on page layouts written for the tests.

Every outlet, name and headline below is invented. Each layout test states
exactly which lines go and checks that every other line stays.
"""
from __future__ import annotations

import pytest

from graphbuild import cleaning
from graphbuild.cleaning import (
    AUTHOR_BIO,
    BYLINE,
    CREDIT,
    HEADLINE_AGAIN,
    IMAGE_CREDIT,
    PROMOTIONAL,
    PROMOTIONAL_BLURB,
    RECURRING,
    RELATED_HEADLINES,
    REPEATED,
    clean_body,
    find_recurring,
)

# --- one sentence per pattern ----------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe to the Harbour Gazette",
        "Sign up for our Evening Bulletin",
        "Signup today and save 40%",
        "Log in to keep reading",
        "Register for free to read this story",
        "Join us on Telegram for breaking alerts",
        "Follow us on Mastodon",
        "Follow the Riverside Courier on social media",
        "All the day's headlines, straight to your inbox every morning.",
        "Get our free newsletter",
        "Get the Morning Tide, our free weekly briefing",
        "Newsletters: pick the ones you want and sign up in one click",
        "Advertisement",
        "Sponsored content",
        "We use cookies to improve your experience on our site.",
        "Manage your cookie preferences here",
        "Download the Northern Star app for iOS and Android",
        "Get unlimited digital access for $1 a week",
        "Already a subscriber? Sign in",
        "Read more: Ferry strike enters its second week",
        "Most read",
        "You might also like",
        "Share this article",
        "Share",
        "Support independent journalism with a donation today",
        "Become a member and read without limits",
        "Start your free trial",
        "Click here to see the full gallery",
        "© 2031 Coastline Media Group. All rights reserved.",
        "Read our privacy policy and terms of use",
        "Save",
        "Comments",
        "share3",
        "Follow the Coast Courier:",
        "Skip next section Related topics",
        "Republish this story, opens new tab",
        "Our Standards: how the Courier checks its facts",
        "6 min read",
    ],
)
def test_promotional_line_is_removed(line):
    kept, removed = clean_body(["The council voted on Tuesday to close the depot.", line])
    assert kept == ["The council voted on Tuesday to close the depot."]
    assert removed[0].text == line
    assert removed[0].reason == PROMOTIONAL


@pytest.mark.parametrize(
    "line",
    [
        # Promotional words inside prose.
        "The firm will try to sign up existing customers for its broadband service.",
        "Subscribers to the streaming service rose 8% to 12 million in the quarter.",
        "The leaked newsletter was sent to party members last week, officials said.",
        "Follow-up talks are due in Geneva next month.",
        "He said he would never share details of the negotiations with reporters.",
        "Register of Members' Interests shows no gifts.",
        "Copyright lawyers argued the case for months.",
        "The company changed its privacy policy last week.",
        "In his daily newsletter, the analyst wrote that markets would fall.",
        "The drug's free trial ended in May.",
        # Credit and contact words inside prose.
        "Reporting by the Harbour Gazette showed that the pier had been sold twice.",
        "Additional reporting by local officials was never published, the inquiry found.",
        "Two engineers contributed to the design, which cost $4 million.",
        "Sources: the council had known about the cracks since 2029.",
        "He said the mayor would follow the advice of the harbour board.",
        "Saved by a passing trawler, the crew returned home on Friday.",
        "He urged voters to become a member of the party.",
        "Regulators said the cookie rules on consent were ignored.",
        "Follow the money, investigators say.",
        "Recommended doses were cut by half.",
        "Related charges were dropped in June.",
        "Donors fund independent journalism in the region, she said.",
        # Short body lines: quotes, section headings, a dated heading.
        "“It’s over,” she said.",
        "'We will not back down.'",
        "What happens next",
        "2. A setback for the opposition",
        "Election 2.0",
        "By Monday, shares had fallen 12%.",
        "By the end of the year, the plant had closed.",
        "Published figures showed a 3% rise in exports.",
        "Updated forecasts point to a milder winter.",
        "Mr Patel is a former editor of the paper and a critic of the plan.",
        "Ana Silva is technology correspondent for Radio Meridian",
    ],
)
def test_body_line_stays(line):
    lines = ["The council voted on Tuesday to close the depot.", line, "Work will start in May."]
    kept, removed = clean_body(lines)
    assert removed == []
    assert kept == lines


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Okafor",
        "By Tom Reyes and Priya Nair, Valley Herald Published",
        "By Lena Fischer | Updated 4 March 2031",
        "BY HUGO MARTIN",
        "Published 3 hours ago",
        "Updated: 12 June 2031, 14:05 BST",
        "Posted on Monday 3 May",
        "Published",
        "2 hours ago",
        "By Lena Fischer, a senior correspondent who covers shipping from Hamburg.",
    ],
)
def test_byline_is_removed(line):
    kept, removed = clean_body([line, "The council voted on Tuesday to close the depot."])
    assert kept == ["The council voted on Tuesday to close the depot."]
    assert removed == [cleaning.RemovedLine(line, BYLINE)]


@pytest.mark.parametrize(
    "line",
    ["Image credit: Getty Images", "(Image credit: Harbour Gazette)", "Photo: Lena Fischer/Reuters",
     "Image source, Coastline Pictures", "Image caption, The old pier closed in 2029"],
)
def test_image_credit_is_removed(line):
    kept, removed = clean_body(["The council voted on Tuesday to close the depot.", line])
    assert [r.reason for r in removed] == [cleaning.IMAGE_CREDIT]


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by Omar Haddad in Tunis and Ines Duarte in Lisbon; Editing by Sam Okoro",
        "Additional reporting by Aiko Tanaka; Writing by Ben Moyo",
        "--With assistance from Lucia Brand.",
        "Coast Courier writer Dana Fisk contributed to this report.",
        "Priya Nair in Mumbai contributed reporting.",
        "To contact the reporter on this story:",
        "Omar Haddad in Tunis at ohaddad@example.org",
        "To contact the editors responsible for this story:",
        "(Updates with the mayor's comments in fifth paragraph.)",
        "SOURCE: COAST COURIER AND AGENCIES",
    ],
)
def test_credit_or_contact_line_is_removed(line):
    kept, removed = clean_body(["The council voted on Tuesday to close the depot.", line])
    assert kept == ["The council voted on Tuesday to close the depot."]
    assert removed == [cleaning.RemovedLine(line, CREDIT)]


@pytest.mark.parametrize(
    "bio",
    [
        "Dana has worked as a business reporter at the Lakeside Tribune since 2015. She covers "
        "energy, trade and labour. Her career began at a local radio station.",
        "Omar Haddad is a senior correspondent for the Eastern Review. He writes about courts "
        "and policing. Follow him on Bluesky.",
        "Ines Duarte has been a columnist at the Weekly Atlas since 2019. Before joining Atlas, "
        "she was an editor at a wire agency.",
    ],
)
def test_author_bio_at_the_end_is_removed(bio):
    lines = ["The council voted on Tuesday to close the depot.", "Work will start in May.", bio]
    kept, removed = clean_body(lines)
    assert kept == lines[:2]
    assert removed == [cleaning.RemovedLine(bio, AUTHOR_BIO)]


def test_bio_cues_in_the_middle_of_the_story_stay():
    bio_like = (
        "Dana has worked as a business reporter at the Lakeside Tribune since 2015. "
        "She covers energy, trade and labour."
    )
    lines = [bio_like] + [f"Paragraph {n} of the story ends here." for n in range(5)]
    assert clean_body(lines)[1] == []


def test_one_bio_cue_is_not_enough():
    line = "Sam Lee is a staff writer at the Ridge Post."
    assert clean_body(["The council voted on Tuesday.", line])[1] == []


# --- whole layouts -------------------------------------------------------------------------------

STORY = [
    "Fishing crews in the northern bay staged a second day of protests on Wednesday, blocking "
    "the harbour mouth with more than 40 boats.",
    "The crews say new quotas will halve their income. “We have nothing left to lose,” said "
    "Marta Kovac, who has fished the bay for 30 years.",
    "1. The quota row",
    "Regulators argue that stocks have fallen by a third since 2020.",
    "“It’s simple,” Kovac said.",
    "Fish stocks – a decade of decline",
    "The ministry said it would meet the crews on Friday.",
]


def _layout(*blocks):
    lines, furniture = [], []
    for kind, block in blocks:
        lines.extend(block)
        if kind != "body":
            furniture.extend((line, kind) for line in block)
    return lines, furniture


def _check(lines, furniture, recurring=()):
    kept, removed = clean_body(lines, recurring=recurring)
    assert [(r.text, r.reason) for r in removed] == [(t, k) for t, k in furniture]
    assert kept == [line for line in lines if line not in {t for t, _ in furniture}]
    assert all(line in kept for line in STORY)


def test_layout_mid_story_signup_bio_and_headline_list_with_separators():
    lines, furniture = _layout(
        ("body", STORY[:3]),
        ("promotional", ["Sign up for the Morning Tide newsletter"]),
        (PROMOTIONAL_BLURB, ["Your weekday guide to the coast, delivered free every morning."]),
        ("body", STORY[3:]),
        (AUTHOR_BIO, [
            "Lucia Brand has worked as an environment reporter at the Coast Courier since 2012. "
            "She covers fisheries and climate. Her reporting has appeared in several national titles."
        ]),
        (RELATED_HEADLINES, [
            "* * *", "Ferry fares to rise – again", "Travel Fares are up 9% from April",
            "* * *", "Why the bay's oysters vanished", "Explainer A short history of a collapse",
            "* * *", "Storm season: what to expect?", "Weather Forecasters warn of a wet autumn",
        ]),
    )
    _check(lines, [(t, PROMOTIONAL if k == "promotional" else k) for t, k in furniture])


def test_layout_headline_teaser_byline_list_without_separators():
    trailer = [
        "Port strike talks collapse",
        "Labour Unions walk out of the third round",
        "By Aiko Tanaka Published",
        "New bridge opens after delay",
        "Local The crossing cost twice its budget",
        "By Ben Moyo, Coast Courier Published",
        "Council tax set to rise",
        "Money Bills will climb by 4%",
        "By Aiko Tanaka Published",
    ]
    kept, removed = clean_body(STORY + trailer)
    assert kept == STORY
    assert [r.text for r in removed] == trailer
    assert {r.reason for r in removed} == {RELATED_HEADLINES, BYLINE}


@pytest.mark.parametrize(
    "heading", ["More from the Coast Courier", "Explore more on these topics", "Related stories:", "Most read"]
)
def test_layout_list_heading_then_plain_headlines(heading):
    trailer = [heading, "Ferry fares to rise – again", "Why the oysters vanished"]
    kept, removed = clean_body(STORY + trailer)
    assert kept == STORY
    assert [r.text for r in removed] == trailer


def test_layout_dash_separated_list_after_closing_promo():
    trailer = [
        "Get the best of the Courier in your inbox",
        "The stories you missed this week, every Sunday",
        "-",
        "Harbour master quits",
        "In Brief",
        "-",
        "Lighthouse sold at auction",
        "In Brief",
    ]
    kept, removed = clean_body(STORY + trailer)
    assert kept == STORY
    assert [r.reason for r in removed] == [PROMOTIONAL, PROMOTIONAL_BLURB] + [RELATED_HEADLINES] * 6


def test_layout_wire_story_with_credits_contacts_and_a_list_inside():
    lines, furniture = _layout(
        (BYLINE, ["By Omar Haddad and Ines Duarte", "Updated 3 hours ago"]),
        ("promotional", ["5 minute read"]),
        ("body", STORY[:2]),
        (IMAGE_CREDIT, ["Image source, Coastline Pictures", "Image caption, Boats blocked the harbour mouth"]),
        ("body", STORY[2:4]),
        ("promotional", ["Read more:"]),
        (RELATED_HEADLINES, ["Ferry fares to rise – again", "Why the bay's oysters vanished"]),
        ("body", STORY[4:]),
        (CREDIT, [
            "Reporting by Omar Haddad in Tunis and Ines Duarte in Lisbon; Editing by Sam Okoro",
            "(Updates with the ministry's comment in seventh paragraph.)",
            "To contact the reporter on this story:",
            "Omar Haddad in Tunis at ohaddad@example.org",
            "SOURCE: COAST COURIER",
        ]),
        ("promotional", ["Our Standards: The Coast Courier Principles., opens new tab", "Follow Coast Courier:"]),
    )
    _check(lines, [(t, PROMOTIONAL if k == "promotional" else k) for t, k in furniture])


def test_a_list_heading_inside_the_story_takes_only_title_like_lines():
    lines = STORY[:3] + ["Most read", "Ferry fares to rise – again"] + STORY[3:]
    kept, removed = clean_body(lines)
    assert kept == STORY  # "Fish stocks – a decade of decline", after prose, stays
    assert [r.reason for r in removed] == [PROMOTIONAL, RELATED_HEADLINES]


def test_story_ending_in_short_lines_without_markers_is_kept():
    lines = STORY + ["Final score", "Harbour 2 Bay 1"]
    assert clean_body(lines) == (lines, [])


def test_one_separator_is_a_section_break_not_a_list():
    lines = STORY[:4] + ["* * *"] + STORY[4:]
    kept, removed = clean_body(lines)
    assert removed == []


def test_recurring_lines_are_removed():
    lines = STORY + ["Coast Courier – independent since 1871"]
    _check(lines, [("Coast Courier – independent since 1871", RECURRING)],
           recurring={"Coast Courier – independent since 1871"})


def test_blank_lines_are_dropped_without_a_report():
    assert clean_body(["", "One paragraph.", "   ", "Another."]) == (["One paragraph.", "Another."], [])


# --- recurrence ------------------------------------------------------------------------------------


def test_find_recurring_needs_three_distinct_articles():
    articles = [["Subscribe to the Courier", f"Story {n}."] for n in range(2)]
    assert find_recurring(articles) == frozenset()
    assert find_recurring(articles + [articles[0]]) == frozenset()  # an identical copy counts once


def test_find_recurring_half_of_the_folder():
    articles = [["Courier – independent since 1871", f"Story {n}."] for n in range(3)]
    articles += [[f"Other story {n}."] for n in range(3)]
    assert find_recurring(articles) == {"Courier – independent since 1871"}


def test_find_recurring_short_lines_in_a_large_folder():
    articles = [[f"Story {n} is about the bay."] for n in range(40)]
    for article in articles[:3]:
        article.append("Coast Courier Weekend")
    for article in articles[3:6]:
        article.extend(["1930 GMT", "A long paragraph that three versions of one story share, word for word."])
    assert find_recurring(articles) == {"Coast Courier Weekend"}


# Pages whose extracted text repeats the body, with metadata lines between the copies


@pytest.mark.parametrize("line", [
    "https://cdn.example.org/images/2031/06/pier-4411.jpg",
    "www.example.org/harbour/pier",
    "pier-4411.jpg?w=640",
    "2031-06-03T14:05:00Z",
    "2031-06-03",
    "14:05 GMT, 3 June 2031",
    "3 June 2031",
    "June 3, 2031 2:05 PM",
    "Tue 3 Jun 2031 14.05 BST",
])
def test_metadata_line_is_removed(line):
    kept, removed = clean_body(["The council voted on Tuesday to close the depot.", line])
    assert kept == ["The council voted on Tuesday to close the depot."]
    assert removed[0].text == line


@pytest.mark.parametrize("line", [
    "The vote is on 3 June 2031.",
    "See https://example.org for the council's plans.",
    "June 2031 will see the first ships at the new pier, the council said.",
])
def test_a_sentence_holding_a_date_or_link_stays(line):
    assert clean_body([line])[0] == [line]


def page_repeating_its_body(title: str, paragraphs: list[str], copies: int = 3) -> str:
    """An HTML page whose text trafilatura returns ``copies`` times, with metadata lines before each copy
    (the body sits in the article, an AMP copy and a print copy)."""
    meta = "<p>Updated 14:05 GMT, 3 June 2031</p><p>https://cdn.example.org/images/2031/06/pier-4411.jpg</p>"
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    containers = ['<article><h1>{t}</h1>{m}{b}</article>', '<div class="amp-version"><h2>{t}</h2>{m}{b}</div>',
                  '<section class="print">{m}{b}</section>']
    blocks = "".join(containers[i % 3].format(t=title, m=meta, b=body) for i in range(copies))
    return f"<html><head><title>{title}</title></head><body><header><h1>{title}</h1></header>{blocks}</body></html>"


PIER = ["The harbour council of Portovia voted on Tuesday to extend the pier by eighty metres.",
        "Mayor Lina Okafor said the works would start in spring and end before the summer season.",
        "Fishing crews had asked for the longer pier for a decade, the council said."]


def test_a_page_that_repeats_its_body_is_read_once(tmp_path):
    from graphbuild.reading import read_articles

    page = tmp_path / "pier.html"
    page.write_text(page_repeating_its_body("Council extends the pier", PIER), encoding="utf-8")
    (article,) = read_articles([page])
    assert article.title == "Council extends the pier"
    assert article.body.split("\n\n") == PIER
    reasons = {r.reason for r in article.removed}
    assert {REPEATED, HEADLINE_AGAIN} <= reasons


def test_a_page_whose_text_is_given_once_is_unchanged_by_the_repeat_rule(tmp_path):
    from graphbuild.reading import read_articles

    page = tmp_path / "pier.html"
    page.write_text(page_repeating_its_body("Council extends the pier", PIER, copies=1), encoding="utf-8")
    (article,) = read_articles([page])
    assert article.body.split("\n\n") == PIER
    assert not {r.reason for r in article.removed} & {REPEATED, HEADLINE_AGAIN}


def test_repeats_are_dropped_only_from_page_text():
    lines = ["The crowd sang the anthem.", "Then the mayor spoke.", "The crowd sang the anthem."]
    assert clean_body(lines)[0] == lines
    assert clean_body(lines, page_text=True)[0] == lines[:2]
    assert clean_body(["Council extends the pier", *lines[:2]], title="Council extends the pier",
                      page_text=True)[0] == lines[:2]
