"""The plain-text dump reader, on the clinic's own scraped blog and on small dumps that isolate each rule."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from smpseo.model.post import HEADING, LIST_ITEM, PARAGRAPH, QUOTE
from smpseo.sources.readers import load_posts, read_file
from smpseo.sources.readers.decode import SourceError
from smpseo.sources.readers.textdump import read_textdump

from .conftest import FIXTURES

SEED = FIXTURES / "textdump" / "advanced-scalp-blog.txt"

TITLES = [
    "Does SMP damage hair follicles?",
    "How long does SMP last?",
    "Are there any side effects to Scalp Micropigmentation?",
    "Does scalp micropigmentation Hurt?",
    "How to prevent a shiny scalp before and after SMP",
    "What can Scalp Micropigmentation be used for?",
    "Why do I need multiple Scalp Micropigmentation sessions?",
    "What is SMP?",
]


@pytest.fixture(scope="module")
def seed():
    return read_file(SEED)


def test_seed_splits_into_its_eight_posts(seed):
    assert [p.title for p in seed] == TITLES
    assert [p.title_line for p in seed] == [1, 51, 117, 168, 234, 313, 364, 408]
    assert seed[0].slug == "does-smp-damage-hair-follicles"
    assert all(p.source == "advanced-scalp-blog.txt" and p.format == "text" for p in seed)


def test_every_block_keeps_its_line_in_the_dump(seed):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for post in seed:
        assert lines[post.title_line - 1].strip() == post.title
        for block in post.blocks:
            assert lines[block.line - 1].strip() and lines[block.line - 1].strip() in block.text
            for s in block.sentences:
                assert s.text.split()[0] in lines[s.line - 1]


def test_headings_are_told_from_sentences(seed):
    headings = {p.title: [b.text for b in p.headings] for p in seed}
    assert headings["Does SMP damage hair follicles?"] == [
        "Does SMP damage hair follicles?", "Scalp Micropigmentation does not cause hair loss"]
    assert headings["How long does SMP last?"] == [
        "SMP aftercare for longevity", "What are the reasons for fading?",
        "Is there anything I can do to prolong my SMP longevity?", "Avoid sun damage", "Healthy lifestyle",
        "What should I expect to happen over 5 years?"]
    assert "Step 1:" in headings["How to prevent a shiny scalp before and after SMP"]
    hurt = seed[3]
    assert "OK, but is SMP painful?" in headings[hurt.title]
    # An unfinished sentence is prose, not a heading; a question in quotation marks is a quote.
    kinds = {b.text: b.kind for b in hurt.blocks}
    assert kinds["One of the questions I commonly receive is"] == PARAGRAPH
    assert kinds["“Is scalp micropigmentation painful?”"] == QUOTE
    assert all(b.level == 2 for p in seed for b in p.headings)


def test_captions_and_alt_lines_are_dropped(seed):
    texts = [b.text for p in seed for b in p.blocks]
    for caption in ("Will the SMP needle damage a hair follicle?", "The hair follicle is deed in the dermis",
                    "Gradual SMP fading", "numbing cream", "Scalp clinic", "2 years old, SMP Still looks great!",
                    "SMP procedureBadly", "Maintain your SMP", "Rob James SMP at work in his busy Vancouver studio",
                    "Typical fade in between 1st and 2nd session."):
        assert not any(t.startswith(caption) for t in texts), caption
    # Never glued into a sentence either.
    assert not any("Scalp Micropigmentation Scalp" in s.text for p in seed for s in p.sentences)


def test_boilerplate_found_by_repetition_and_own_words_kept(seed):
    # "Scalp Micropigmentation" alone on a line recurs in three posts: image alt text, dropped everywhere.
    assert not any(b.text == "Scalp Micropigmentation" for p in seed for b in p.blocks)
    # Each post's own sign-off is worded differently and stays, with the seed's typos and phone formats.
    text = "\n".join(p.text for p in seed)
    assert "scalp Micropigmention artist" in text
    assert "778 917 7772" in text and "778-917-7772" in text


def test_sentence_broken_over_two_lines_is_joined(seed):
    first = seed[-1].blocks[0]
    assert first.text.startswith("Hi my name is Rob James I am a Vancouver scalp micropigmentation artist")
    assert (first.line, first.end_line) == (410, 412)
    assert len(first.sentences) == 1


DUMP = textwrap.dedent(
    """\
    Choosing a clinic for your first session

    Hi, I am Sam and I write about clinics. Picking one is hard and this post walks through it.

    What to ask

    Ask how many sessions they expect. Ask to see healed work from a year ago.

    Sam Lee writes for the Example Clinic. Book a free consultation at 555-010-9999 today.

    Aftercare in the first week

    Hello again. Aftercare matters more than most people think in the first week.

    keep it dry

    Keep it dry for three days and avoid the gym.

    Sam Lee writes for the Example Clinic. Book a free consultation at 555-010-9999 today.

    Costs explained

    Welcome back. Prices vary with the size of the area and the number of sessions.

    Sam Lee writes for the Example Clinic. Book a free consultation at 555-010-9999 today.
    """
)


def test_small_dump_split_and_repeated_bio_dropped():
    posts = read_textdump(DUMP, "dump.txt")
    assert [p.title for p in posts] == ["Choosing a clinic for your first session", "Aftercare in the first week",
                                        "Costs explained"]
    assert [b.text for b in posts[0].headings] == ["What to ask"]
    assert not any("Sam Lee" in p.text for p in posts)
    assert "keep it dry" not in posts[1].text
    assert posts[2].blocks[0].kind == PARAGRAPH and posts[2].blocks[0].line == 23


def test_one_post_without_cues_stays_one_post():
    posts = read_textdump("A title\n\nSome text here. More text.\n\nA heading\n\nBody text follows here.\n", "x.txt")
    assert len(posts) == 1
    assert [(b.kind, b.text) for b in posts[0].blocks] == [
        (PARAGRAPH, "Some text here. More text."), (HEADING, "A heading"), (PARAGRAPH, "Body text follows here.")]


def test_a_sign_off_with_a_phone_number_of_any_country_ends_its_post():
    """A Dublin clinic's sign-off "Ring Aoife on 01 555 0123." did not end its post, as "Call 778-917-7772" does: the
    dump knew North American numbers only. It knows any number smpseo takes for a phone."""
    text = ("Does SMP hurt?\n\nMost clients describe a light scratching. Breaks are fine whenever you want one.\n\n"
            "Questions? Ring Aoife on 01 555 0123.\n\nHow long does SMP last?\n\nThe pigment stays for years. Sun "
            "fades it fastest, so wear a hat.\n\nAny questions, text us at 087 123 4567 today.\n")
    posts = read_textdump(text, "dump.txt")
    assert [p.title for p in posts] == ["Does SMP hurt?", "How long does SMP last?"]
    assert posts[0].blocks[-1].text == "Questions? Ring Aoife on 01 555 0123."


def test_bad_dumps_are_one_clear_error(tmp_path):
    with pytest.raises(SourceError) as err:
        read_textdump("Only a title\n", "t.txt")
    assert "no post found" in str(err.value) and err.value.path == "t.txt"
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    good = tmp_path / "good.txt"
    good.write_text("Title here\n\nA paragraph of text. Another sentence.\n")
    corpus = load_posts(empty, binary, good)
    assert [p.title for p in corpus] == ["Title here"]
    assert sorted(e.path for e in corpus.failed) == sorted([str(empty), str(binary)])


def test_separator_lines_split_posts_and_datelines_give_dates():
    dump = textwrap.dedent(
        """\
        Why sessions are spaced out
        ===========================
        Posted on March 3, 2021 by Sam

        Skin needs about ten days to settle between sessions. Pigment that fades shows what to adjust.

        ----

        Choosing a pigment shade

        Published: 12 Sept 2020

        The shade is matched to the hair that is left. A lighter shade looks more natural on fair skin.

        ----

        Aftercare

        Keep the scalp dry for four days. Avoid the gym for a week.

        * * *

        What to avoid

        - The gym and the sauna
        • Swimming pools
        2. Direct sun on the scalp
        """
    )
    posts = read_textdump(dump, "dump.txt")
    assert [(p.title, p.title_line, p.date) for p in posts] == [
        ("Why sessions are spaced out", 1, dt.date(2021, 3, 3)),
        ("Choosing a pigment shade", 9, dt.date(2020, 9, 12)),
        ("Aftercare", 17, None)]
    assert [b.text.split(".")[0] for p in posts for b in p.blocks] == [
        "Skin needs about ten days to settle between sessions", "The shade is matched to the hair that is left",
        "Keep the scalp dry for four days", "What to avoid", "The gym and the sauna", "Swimming pools",
        "Direct sun on the scalp"]
    assert [b.kind for b in posts[2].blocks[-4:]] == [HEADING, LIST_ITEM, LIST_ITEM, LIST_ITEM]


def test_a_dump_of_real_posts_separated_by_rules():
    """100 of 18F's posts written out as a plain-text dump, one '----' between posts: every title comes back."""
    from .conftest import shared

    folder = shared("corpora", "18f-blog-posts")
    originals = load_posts(sorted(folder.glob("*.md"))[:100])
    lines: list[str] = []
    for post in originals:
        lines += [post.title, ""]
        for block in post.blocks:
            if block.kind in (HEADING, PARAGRAPH, QUOTE, LIST_ITEM):
                bullet = "- " if block.kind == LIST_ITEM else ""
                lines += [bullet + " ".join(block.text.split()), ""]
        lines += ["----", ""]
    posts = read_textdump("\n".join(lines), "18f.txt")
    assert [p.title for p in posts] == [p.title for p in originals]
    kept = sum(len(p.blocks) for p in posts)
    assert kept >= 0.9 * sum(len(p.prose) + len(p.headings) for p in originals)


def test_a_form_feed_between_posts_moves_no_line(tmp_path):
    """A dump printed page by page separates posts with a form feed: it is no line of its own in an editor, so the
    lines after it keep the numbers the file gives them."""
    posts = [f"{title}\n\nMost clients say it feels like a light scratch, call 778 917 7772 to book. This is post "
             f"{i} of the dump.\n" for i, title in enumerate(["Does SMP hurt", "How long does SMP last", "Is SMP safe"])]
    dump = tmp_path / "dump.txt"
    dump.write_text("\f".join(posts) + "\fThe last post\n\nIts text\fcarries on after a form feed.\n")
    lines = dump.read_text().split("\n")
    found = [(s.line, s.text) for p in read_file(dump) for s in p.sentences]
    assert found and all(text.split()[0] in lines[line - 1] for line, text in found), found
    assert [p.title for p in read_file(dump)][:3] == ["Does SMP hurt", "How long does SMP last", "Is SMP safe"]


def test_a_page_break_on_a_line_of_its_own_separates_posts(tmp_path):
    """docs/importing.md: a form feed on its own line separates a dump's posts, as "* * *" does, and the lines after
    it keep their numbers."""
    posts = ["Apples and pears\n\nWe grow apples in the valley every year and sell them at the market.\n",
             "Oranges today\n\nOranges come from the south and we buy them by the crate for winter.\n"]
    dump = tmp_path / "dump.txt"
    dump.write_text("\f\n".join(posts), encoding="utf-8")
    read = read_file(dump)
    assert [(p.title, p.start_line) for p in read] == [("Apples and pears", 1), ("Oranges today", 5)]
    assert read[1].blocks[0].line == 7


def _read(dump: str):
    """The posts of a dump written inline: (title, date, [block texts]) each."""
    return [(p.title, p.date, [b.text for b in p.blocks]) for p in read_textdump(textwrap.dedent(dump), "dump.txt")]


@pytest.mark.parametrize("signoff", ["Ring the studio on 020 7946 0000 to book a first visit.",
                                     "Ring the studio to book a first visit"])
def test_a_separator_under_a_sign_off_leaves_it_in_its_post(signoff):
    """A post's last line, right above the "----" that ends the post, stays its last paragraph: it underlines no title,
    and the first line after the separator is the next post's title (its ISO dateline its date)."""
    posts = _read(
        f"""\
        Is the first session painful?
        Posted on March 3, 2021 by Sam
        Most people feel a light scratch. We stop for a break whenever you ask for one.
        {signoff}
        ----
        How often is a top-up needed?
        2021-04-05
        A top-up every few years keeps the dots crisp. Sun and oily skin make them fade faster.
        Drop in on a Saturday morning and see healed work for yourself.
        """)
    assert posts == [
        ("Is the first session painful?", dt.date(2021, 3, 3), [
            "Most people feel a light scratch. We stop for a break whenever you ask for one.", signoff]),
        ("How often is a top-up needed?", dt.date(2021, 4, 5), [
            "A top-up every few years keeps the dots crisp. Sun and oily skin make them fade faster.",
            "Drop in on a Saturday morning and see healed work for yourself."])]
    # Where the first rule stands under the dump's first line, and every rule under a heading-like line, the rules
    # underline the titles.
    underlined = _read(
        """\
        Is the first session painful?
        -----------------------------
        Most people feel a light scratch. We stop for a break whenever you ask for one.

        How often is a top-up needed?
        -----------------------------
        A top-up every few years keeps the dots crisp. Sun and oily skin make them fade faster.
        """)
    assert [(title, body) for title, _, body in underlined] == [
        ("Is the first session painful?",
         ["Most people feel a light scratch. We stop for a break whenever you ask for one."]),
        ("How often is a top-up needed?",
         ["A top-up every few years keeps the dots crisp. Sun and oily skin make them fade faster."])]


DATED = """\
    Is the first session painful?
    {first}

    Hello, I am Sam. Most people feel a light scratch, and we stop for a break whenever you ask for one.

    Why we skip numbing cream
    Numbing cream changes how the skin takes the pigment, so we leave it out and take more breaks instead.

    Ring the studio to book a first visit.

    How often is a top-up needed?
    {second}

    Welcome back. A top-up every few years keeps the dots crisp, and it takes an hour.
    """

DATED_BODIES = [
    ["Hello, I am Sam. Most people feel a light scratch, and we stop for a break whenever you ask for one.",
     "Why we skip numbing cream",
     "Numbing cream changes how the skin takes the pigment, so we leave it out and take more breaks instead.",
     "Ring the studio to book a first visit."],
    ["Welcome back. A top-up every few years keeps the dots crisp, and it takes an hour."]]


@pytest.mark.parametrize(("first", "second"), [
    ("2024-05-06", "2024-06-10"),
    ("6 May 2024", "10 June 2024"),
    ("May 6, 2024", "June 10, 2024"),
    ("Posted on 6 May 2024 by Sam Lee", "Posted on 10 June 2024 by Sam Lee"),
    ("Posted on May 6, 2024 by Sam Lee", "Posted on June 10, 2024 by Sam Lee"),
    ("Published: 6th May 2024", "Published: 10th June 2024"),
    ("Posted by Sam Lee on Monday, 6 May 2024", "Posted by Sam Lee on Monday, 10 June 2024"),
])
def test_a_dateline_in_any_common_form_is_the_date_and_never_a_title(first, second):
    """Under each title, a dateline followed by a post's opening ("Hello, I am", "Welcome back"): the line above it is
    the title, the dateline the date, and the post before keeps its last line."""
    posts = _read(DATED.format(first=first, second=second))
    assert posts == [("Is the first session painful?", dt.date(2024, 5, 6), DATED_BODIES[0]),
                     ("How often is a top-up needed?", dt.date(2024, 6, 10), DATED_BODIES[1])]


def test_datelines_of_posts_between_separators_are_dates_not_boilerplate():
    """The same author's dateline in every post is no repeated boilerplate: each gives its post's date, over or under
    the title."""
    dump = DATED.format(first="Posted on 6 May 2024 by Sam Lee", second="Posted on 10 June 2024 by Sam Lee")
    posts = _read(dump.replace("    How often", "    ----\n    How often"))
    assert posts == [("Is the first session painful?", dt.date(2024, 5, 6), DATED_BODIES[0]),
                     ("How often is a top-up needed?", dt.date(2024, 6, 10), DATED_BODIES[1])]
    dates_first = "6 May 2024\nIs the first session painful?\nHow it feels\nMost people feel a light scratch, not a " \
                  "pain.\n----\n10 June 2024\nHow often is a top-up needed?\nEvery few years keeps the dots crisp.\n"
    assert _read(dates_first) == [
        ("Is the first session painful?", dt.date(2024, 5, 6),
         ["How it feels", "Most people feel a light scratch, not a pain."]),
        ("How often is a top-up needed?", dt.date(2024, 6, 10), ["Every few years keeps the dots crisp."])]


def test_a_section_heading_inside_a_post_starts_no_post():
    """Without separators or datelines, a heading whose paragraph before it talks of contact or a consultation is a
    section of the post; the next post starts after a call to action, at its opening."""
    posts = _read(
        """\
        Can I play football after a session?

        Most of our clients play a sport, and the question comes up at almost every visit.

        Contact sports
        A knock to a healing scalp can pull out pigment. Wait two weeks before any contact.

        Planning around a match
        Tell us about your fixtures at your consultation. We plan the sessions around them.

        Questions? Book a free consultation with the studio.

        Does the pigment suit fair skin?

        Hello again. Fair skin needs a lighter pigment, and we test the shade first.
        """)
    assert posts == [
        ("Can I play football after a session?", None, [
            "Most of our clients play a sport, and the question comes up at almost every visit.",
            "Contact sports", "A knock to a healing scalp can pull out pigment. Wait two weeks before any contact.",
            "Planning around a match",
            "Tell us about your fixtures at your consultation. We plan the sessions around them.",
            "Questions? Book a free consultation with the studio."]),
        ("Does the pigment suit fair skin?", None, [
            "Hello again. Fair skin needs a lighter pigment, and we test the shade first."])]


def test_in_a_dump_that_dates_its_posts_only_a_dated_title_starts_one():
    """A heading after a paragraph with a phone number, followed by an opening word, is a section where every post
    has a dateline under its title."""
    posts = _read(
        """\
        Is the first session painful?
        6 May 2024
        Most people feel a light scratch. We stop for a break whenever you ask for one.
        Questions before you book? Call 778 917 7772.
        What to bring
        Today most clients bring headphones and a snack for the afternoon.
        How often is a top-up needed?
        10 June 2024
        A top-up every few years keeps the dots crisp. It takes an hour.
        """)
    assert posts == [
        ("Is the first session painful?", dt.date(2024, 5, 6), [
            "Most people feel a light scratch. We stop for a break whenever you ask for one.",
            "Questions before you book? Call 778 917 7772.", "What to bring",
            "Today most clients bring headphones and a snack for the afternoon."]),
        ("How often is a top-up needed?", dt.date(2024, 6, 10), [
            "A top-up every few years keeps the dots crisp. It takes an hour."])]


SHARED_POSTS = [
    ("Does SMP hurt?", "Posted on 3rd March 2021 by Fiona", "A little, but far less than most people expect.",
     "Call 0141 496 0123 for a free consultation.", "Numbing cream is there if you want it."),
    ("How much does SMP cost?", "Posted on 17th May 2021 by Fiona", "Yes, you can spread the cost over 12 months.",
     "Phone 0141 496 0123 to book.", "Ask about the payment plan at your visit."),
    ("How long does SMP last?", "Posted on 2nd August 2021 by Fiona", "Four to six years for most clients.",
     "Call 0141 496 0123 to talk it through.", "A top-up keeps the dots crisp."),
]


@pytest.mark.parametrize("count", [2, 3])
def test_a_share_box_goes_and_the_sentence_above_it_stays(count):
    """A share box under every post ("Share this:" over its buttons) is dropped, label and buttons, and nothing else:
    the one-sentence paragraph right above it is the post's own (it was taken for the caption of an image whose alt
    text the repeated box was thought to be), and the label is never a heading (in a dump of two posts, too few for
    repetition to find it). The line after the box is no caption either, with more text after it."""
    dump = "\n".join(
        f"{title}\n{dateline}\n\n{sentence}\n\n"
        "Share this:\nFacebook\nClick to share on Twitter (Opens in new window)\n\n"
        f"{call}\n{closing}\n"
        for title, dateline, sentence, call, closing in SHARED_POSTS[:count])
    posts = [(p.title, [(b.kind, b.line, b.text) for b in p.blocks]) for p in read_textdump(dump, "dump.txt")]
    assert posts == [(title, [(PARAGRAPH, 12 * i + 4, sentence), (PARAGRAPH, 12 * i + 10, call),
                              (PARAGRAPH, 12 * i + 11, closing)])
                     for i, (title, _, sentence, call, closing) in enumerate(SHARED_POSTS[:count])]


def test_the_short_paragraph_under_a_share_box_stays():
    """A share box's buttons ("Facebook", "Twitter") look like an image's alt text: the one-line paragraph under the
    box was taken for that image's caption and dropped, without a word."""
    dump = ("How Long Does SMP Last?\nPosted on 2nd August 2021 by Fiona\n\nFour to six years.\n\n"
            "Share this:\nFacebook\nTwitter\n\nOur clients often ask us this too.\n\nCall 0141 496 0123 to talk.\n")
    [post] = read_textdump(dump, "dump.txt")
    assert [(b.line, b.text) for b in post.blocks] == [(4, "Four to six years."),
                                                       (10, "Our clients often ask us this too."),
                                                       (12, "Call 0141 496 0123 to talk.")]


def test_share_words_outside_a_share_box_are_text():
    """A button's word is dropped only in a run under a share label: a sentence about sharing, and a list of the
    networks the clinic is on, are the post's."""
    posts = _read(
        """\
        How to reach us
        Posted on 3rd March 2021 by Fiona

        Share this with a friend who is thinking about SMP.

        Find us on:
        - Facebook
        - Instagram

        Write to the studio and we answer within a day.
        """)
    assert posts == [("How to reach us", dt.date(2021, 3, 3), [
        "Share this with a friend who is thinking about SMP.", "Find us on:", "Facebook", "Instagram",
        "Write to the studio and we answer within a day."])]


def test_a_post_in_setext_style_is_one_post_its_underlined_lines_its_title_and_headings():
    """A text file written as Markdown underlines it ("=====" under the title, "-----" under each heading) is one
    post: the "-----" rules are more numerous than the "=====" one, and still underline headings, not split posts."""
    posts = read_textdump(textwrap.dedent(
        """\
        Choosing Your SMP Pigment Shade
        ===============================

        The right shade matches the hair you still have. Our Leeds artists test it on your skin first.

        Fair skin and light hair
        ------------------------

        A softer grey reads as natural stubble. A black pigment looks harsh in daylight.

        Darker skin
        -----------

        Deeper tones hold a darker shade well, and the dots stay crisp for years.

        Book a shade test with us on 0113 496 0000.
        """), "shade.txt")
    assert [(p.title, p.title_line, p.slug) for p in posts] == [
        ("Choosing Your SMP Pigment Shade", 1, "choosing-your-smp-pigment-shade")]
    assert [(b.kind, b.level, b.line, b.text) for b in posts[0].blocks] == [
        (PARAGRAPH, 0, 4, "The right shade matches the hair you still have. Our Leeds artists test it on your skin first."),
        (HEADING, 2, 6, "Fair skin and light hair"),
        (PARAGRAPH, 0, 9, "A softer grey reads as natural stubble. A black pigment looks harsh in daylight."),
        (HEADING, 2, 11, "Darker skin"),
        (PARAGRAPH, 0, 14, "Deeper tones hold a darker shade well, and the dots stay crisp for years."),
        (PARAGRAPH, 0, 16, "Book a shade test with us on 0113 496 0000.")]


def test_a_dump_in_setext_style_starts_a_post_at_each_title_over_equals_signs():
    """Several posts in setext style: each line over "=====" starts a post; a line over "-----" is a heading of the
    post it stands in, even one shaped like a caption (a bare keyword line right under the title)."""
    posts = _read(
        """\
        Does SMP Hurt?
        ==============
        Most people feel a light scratch. We stop whenever you ask.

        Numbing cream
        -------------
        We apply it half an hour before the session starts.

        SMP for Women
        =============
        Thinning at the parting is the most common reason women visit us.

        What to expect
        --------------
        The dots are placed between the hairs you have, so the density looks even.

        Aftercare
        ---------
        Keep the scalp dry for four days after each session.
        """)
    assert posts == [
        ("Does SMP Hurt?", None, ["Most people feel a light scratch. We stop whenever you ask.", "Numbing cream",
                                  "We apply it half an hour before the session starts."]),
        ("SMP for Women", None, ["Thinning at the parting is the most common reason women visit us.", "What to expect",
                                 "The dots are placed between the hairs you have, so the density looks even.",
                                 "Aftercare", "Keep the scalp dry for four days after each session."])]
