from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smpseo.core.text import opening, slugify, strip_markup_noise, words
from smpseo.model.post import split_sentences
from smpseo.sources.readers.markdown import parse_markdown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("Dr. Smith said so. Then he left.", ["Dr. Smith said so.", "Then he left."]),
        ("It costs $2.50 per day. Really!", ["It costs $2.50 per day.", "Really!"]),
        ("“Will SMP damage my hair follicles?” A common question.", ["“Will SMP damage my hair follicles?”",
                                                                     "A common question."]),
        ("e.g. this stays whole. J. Smith too.", ["e.g. this stays whole.", "J. Smith too."]),
        ("Ends without punctuation", ["Ends without punctuation"]),
        ("Wait... what? Yes.", ["Wait... what?", "Yes."]),
        ("lowercase after a period. does not split", ["lowercase after a period. does not split"]),
    ],
)
def test_sentence_split_examples(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_sentence_lines_follow_newlines():
    sents = split_sentences("First one.\nSecond one. Third\none.", line=10)
    assert [(s.text, s.line) for s in sents] == [("First one.", 10), ("Second one.", 11), ("Third one.", 11)]


def test_markup_noise_is_removed():
    assert strip_markup_noise('Hi {{ site.name }} there {% include x.html %}.').split() == ["Hi", "there", "."]
    assert strip_markup_noise('[caption id="a" align="x"]<img src="a.jpg"> A caption[/caption]').strip() == \
        '<img src="a.jpg"> A caption'
    assert strip_markup_noise("[sic] stays").strip() == "[sic] stays"


def test_slugify_is_safe():
    assert slugify("Does SMP Hurt? (Pain out of 10)") == "does-smp-hurt-pain-out-of-10"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("Café crème") == "cafe-creme"
    assert slugify("???") == "post"


_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'’-éç", min_size=1,
                max_size=10)
_punct = st.sampled_from(["", "", "", ".", "!", "?", ",", "...", ":", ";", ".”", ")"])
_line = st.lists(st.tuples(_word, _punct), min_size=1, max_size=12).map(lambda ws: " ".join(w + p for w, p in ws))
_paragraph = st.lists(_line, min_size=1, max_size=4).map("\n".join)
_doc = st.lists(_paragraph, min_size=1, max_size=5).map("\n\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_doc)
def test_any_prose_segments_without_loss(doc):
    post = parse_markdown(doc, "p.md")
    lines = doc.split("\n")
    for block in post.prose:
        # words are counted once: the sentences hold exactly the block's words
        assert [w for s in block.sentences for w in words(s.text)] == words(block.text)
        for s in block.sentences:
            # every sentence maps back to where it starts: its first character stands at its line and column
            assert lines[s.line - 1][s.column - 1 :].startswith(s.text[0])


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_text_parses(text):
    # Text that opens as front matter does (`---`, `+++`, `{`) must be front matter that parses: that failing is an
    # error naming its line (tests/test_frontmatter.py, tests/test_other_generators.py). Any other text parses.
    opens = text.startswith(("---", "+++", "{"))
    post = parse_markdown(text, "any.md") if not opens else None
    if post is not None:
        assert all(s.line >= 1 for s in post.sentences)


def test_a_web_or_email_address_is_one_word():
    from smpseo.core.text import words

    # a tweet's address on its own line was five words, and a sentence holding two addresses read as a long one
    assert words("See https://twitter.com/travelingheidi/status/578569906834264064 now.") == [
        "See", "https://twitter.com/travelingheidi/status/578569906834264064", "now"]
    assert len(words("Mail info@clinic.example or book at www.clinic.example/book today.")) == 7
    assert words("Scalp micropigmentation, e.g. for scars, isn't slow.") == [
        "Scalp", "micropigmentation", "e.g", "for", "scars", "isn't", "slow"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Hi this is Rob James, I’m an SMP artist situated in Vancouver, BC, and I answer", "Hi this is Rob James, I’m an "
                                                                                     "SMP artist situated in"),
    ("Most clients rate the discomfort of scalp micropigmentation as two out of ten",
     "Most clients rate the discomfort of scalp micropigmentation"),
    ("a" * 80, "a" * 60),  # one word longer than the limit is cut
    ("Short enough.", "Short enough."),
])
def test_a_quoted_opening_ends_at_a_word_s_end(text, expected):
    assert opening(text) == expected and text.startswith(opening(text))


def test_each_sentence_of_a_paragraph_of_many_lines_has_its_own_line_and_column():
    """The line breaks before a sentence are counted on from the sentence before it (counting them from the start
    of the paragraph for each sentence grew with the square of its lines): every sentence still gets its line, and
    its column on it."""
    from smpseo.model.post import split_sentences

    text = "\n".join(f"Line {i} is here. And {i} more." for i in range(2_000))
    found = split_sentences(text, line=5, column=3, line_columns=[3] + [1] * 1_999)
    assert [(s.line, s.column) for s in found[:4]] == [(5, 3), (5, 19), (6, 1), (6, 17)]
    assert [(s.text, s.line, s.column) for s in found[-2:]] == [("Line 1999 is here.", 2_004, 1),
                                                                 ("And 1999 more.", 2_004, 20)]
    assert len(found) == 4_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our studio is on SW 8th St. Parking is free after six.",
         ["Our studio is on SW 8th St.", "Parking is free after six."]),
        ("Clients fly in from all over the U.S. Many stay two nights.",
         ["Clients fly in from all over the U.S.", "Many stay two nights."]),
        ("We opened at 9 a.m. Clients waited outside.", ["We opened at 9 a.m.", "Clients waited outside."]),
        ("Dr. Elena Ruiz is a dermatologist on Brickell Ave. She sends us clients often.",
         ["Dr. Elena Ruiz is a dermatologist on Brickell Ave.", "She sends us clients often."]),
        ("Tools like Python, Ruby, etc. This works. Acme Inc. Our partner.",
         ["Tools like Python, Ruby, etc.", "This works.", "Acme Inc.", "Our partner."]),
        # before a name, a word in capitals, a number or a suite: the sentence goes on
        ("We met in St. Louis once. St. Augustine is old.", ["We met in St. Louis once.", "St. Augustine is old."]),
        ("The U.S. Department of Labor agreed at 9 a.m. Pacific time.",
         ["The U.S. Department of Labor agreed at 9 a.m. Pacific time."]),
        ("Go to 1800 F St. NW or 1101 Brickell Ave. Suite 300 today.",
         ["Go to 1800 F St. NW or 1101 Brickell Ave. Suite 300 today."]),
    ],
)
def test_sentence_ends_at_an_abbreviation_that_ends_it(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_a_number_after_ext_or_no_goes_on_the_sentence():
    text = "Dial 305-555-0142 ext. 2. Call ext. 2 for Marisol. See nos. 4 and 5, approx. 3 hrs. Ask for no. 7."
    assert [s.text for s in split_sentences(text)] == [
        "Dial 305-555-0142 ext. 2.", "Call ext. 2 for Marisol.", "See nos. 4 and 5, approx. 3 hrs.", "Ask for no. 7."]


@pytest.mark.parametrize(("text", "expected"), [
    ("Does it hurt? The answer is no. Most clients rate it two out of ten.",
     ["Does it hurt?", "The answer is no.", "Most clients rate it two out of ten."]),
    ("Is it painful? No. Most say it is mild.", ["Is it painful?", "No.", "Most say it is mild."]),
    ("Would I do it again? Absolutely no. (Kidding.) I booked twice.",
     ["Would I do it again?", "Absolutely no.", "(Kidding.)", "I booked twice."]),
    # "No." before a number is the abbreviation of "number": the sentence goes on
    ("We are the No. 1 choice in Leeds. Visit Unit No. 4 today.",
     ["We are the No. 1 choice in Leeds.", "Visit Unit No. 4 today."]),
    ("Ask for room no. #7 or No. (12) at reception.", ["Ask for room no. #7 or No. (12) at reception."]),
])
def test_no_ends_a_sentence_unless_a_number_follows(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Persian and Urdu write one word in two shapes with a zero-width non-joiner inside it
    ("من می\u200cخواهم کتاب\u200cها را بخوانم", ["من", "می\u200cخواهم", "کتاب\u200cها", "را", "بخوانم"]),
    ("क्\u200dष", ["क्\u200dष"]),  # a zero-width joiner inside a word
    # a word's marks are the word's: Arabic's vowel signs, Hindi's vowel signs and virama, an accent typed after
    ("كَتَبَ الوَلَدُ الدَّرْسَ", ["كَتَبَ", "الوَلَدُ", "الدَّرْسَ"]),
    ("मैं हिन्दी बोलता हूँ", ["मैं", "हिन्दी", "बोलता", "हूँ"]),
    ("cafe\u0301 au lait", ["cafe\u0301", "au", "lait"]),
    # a joiner between words, or alone, joins nothing
    ("two\u200c \u200cwords", ["two", "words"]),
])
def test_joiners_and_marks_inside_a_word_keep_it_one_word(text, expected):
    from smpseo.core.text import words

    assert words(text) == expected


def test_a_post_in_persian_counts_its_words_whole(tmp_path):
    """The word count of a post written with zero-width non-joiners and vowel signs: each word once."""
    from smpseo.analysis.metrics import post_metrics
    from smpseo.sources.readers import load_posts

    (tmp_path / "fa.md").write_text("---\ntitle: درباره ما\n---\n\nمن می\u200cخواهم کتاب\u200cها را بخوانم. "
                                    "كَتَبَ الوَلَدُ الدَّرْسَ.\n", encoding="utf-8")
    [post] = load_posts(tmp_path / "fa.md")
    assert post_metrics(post)["words"] == 8


def test_every_mark_of_the_basic_plane_is_a_mark_of_a_word():
    """The blocks the marks are read from hold all of this Python's Unicode marks there (but the variation
    selectors, which reading text drops)."""
    import re
    import unicodedata

    from smpseo.core.text import MARKS

    marks = re.compile(f"[{MARKS}]")
    missing = [hex(c) for c in range(0x300, 0x10000) if unicodedata.category(chr(c)) in ("Mn", "Mc", "Me")
               and not 0xFE00 <= c <= 0xFE0F and not marks.match(chr(c))]
    assert missing == []
