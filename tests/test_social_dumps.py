"""A post copied out of a social network into a plain-text dump: its sentences often end on an emoji where a full
stop would be, and an emoji is never how an image's caption or alt text ends."""

from __future__ import annotations

import textwrap

from smpseo.model.post import HEADING
from smpseo.sources.readers.textdump import read_textdump


def _blocks(dump: str):
    (post,) = read_textdump(textwrap.dedent(dump), "social.txt")
    return post, [(b.kind, b.text) for b in post.blocks]


def test_a_long_sentence_ending_on_an_emoji_is_kept():
    """A long line without a full stop is read as an image's caption and dropped; one that ends on an emoji is the
    writer's sentence, ended the way a social post ends one, and stays the post's text."""
    line = "There will be snacks and cold drinks, and the first ten people to book on the day get a free touch-up 🥳"
    post, blocks = _blocks(
        f"""\
        Open afternoon this Saturday 🎉

        We're opening the doors of the new studio this Saturday from 1pm to 4pm.

        {line}

        Bring your family and your mates. No appointment needed.
        """)
    texts = [text for _, text in blocks]
    assert line in texts
    # a long line without closing punctuation and without an emoji is still a caption, and still dropped
    caption = line.removesuffix(" 🥳")
    _, without = _blocks(
        f"""\
        Open afternoon this Saturday 🎉

        We're opening the doors of the new studio this Saturday from 1pm to 4pm.

        {caption}

        Bring your family and your mates. No appointment needed.
        """)
    assert caption not in [text for _, text in without]


def test_a_sentence_closed_before_its_emoji_is_no_heading():
    """'In his words: "...ten years ago, bro." 😂🙌' ends on a full stop inside its quote: a sentence, not a
    heading, whatever emoji follow it. A short line ending on words and then an emoji is still read by its words."""
    quote = 'In his words: "Wish I\'d done it ten years ago, bro." 😂🙌'
    post, blocks = _blocks(
        f"""\
        Before and after: three sessions ✨

        He came to us last summer after years of hiding under a cap. He works outdoors all day.

        {quote}

        Massive thanks for letting us share the photos. Call the studio to book a free consult.
        """)
    assert post.title == "Before and after: three sessions ✨"
    assert (HEADING, quote) not in blocks
    assert quote in [text for _, text in blocks]


def test_a_line_of_hashtags_is_the_posts_tags():
    """A Facebook or Instagram post ends on its hashtags, "#smp #hamiltonnz #kiaora": they are the post's tags (as
    `tags:` in the file written), not a sentence of its text to count words and links in. A '#' in a sentence, or
    a line that only starts with one, stays text."""
    post, blocks = _blocks(
        """\
        Open afternoon this Saturday

        We're opening the doors of the new studio this Saturday from 1pm to 4pm. Bring your whānau.

        #1 tip: book early, the spots go fast.

        #smp #hamiltonnz #scalpmicropigmentation #tūī
        """)
    assert post.tags == ["smp", "hamiltonnz", "scalpmicropigmentation", "tūī"]
    assert [text for _, text in blocks] == [
        "We're opening the doors of the new studio this Saturday from 1pm to 4pm. Bring your whānau.",
        "#1 tip: book early, the spots go fast."]
