"""A question in a prospect's wrapper ("Sorry to bug you guys, but does SMP hurt?") is matched as the question."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from smpseo.analysis.gaps.framing import unframed
from smpseo.analysis.gaps.lexicon import default_lexicon
from smpseo.analysis.gaps.respell import meant
from smpseo.app.gaps import gaps, word_vectors
from smpseo.sources.topics import Topic, shipped_topics

from .conftest import ROOT

HERE = Path(__file__).parent / "fixtures" / "gaps"
CONCERN = default_lexicon().names_concern


@pytest.mark.parametrize(("text", "read"), [
    ("Sorry if this is a dumb question, but does SMP hurt?", "does SMP hurt?"),
    ("Quick question: does SMP hurt?", "does SMP hurt?"),
    ("Hi, quick question: is it safe?", "is it safe?"),
    ("I was wondering, does SMP hurt?", "does SMP hurt?"),
    ("Just curious - how much is it?", "how much is it?"),
    ("Can you tell me how long SMP lasts?", "how long SMP lasts?"),
    ("I was wondering if SMP hurts?", "SMP hurts?"),
    ("Sorry to bug you, but how long does SMP last?", "how long does SMP last?"),
    ("Does SMP hurt? Thanks in advance!!", "Does SMP hurt?"),
    ("Does SMP hurt? thx, any info much appreciated.", "Does SMP hurt?"),
    ("Can I ask, does it hurt?", "does it hurt?"),
])
def test_the_wrapper_is_left_out(text, read):
    assert unframed(text, CONCERN) == read


@pytest.mark.parametrize("text", [
    "I've had a transplant, but will SMP help?",  # a concession that names a concern of the domain
    "Scars are my worry, but can SMP cover them?",
    "If I stop Rogaine, will my SMP fade?",  # a condition: the question's own
    "If I do this now, have I ruled out getting plugs later on?",
    "Ballpark, what am I looking at for a full head?",
    "What's actually in the ink, and is it safe?",
    "What questions should I ask an artist?",  # framing words in the question itself keep their weight
    "Do you know Dr Patel?",  # no question inside the opening
    "I'm 64. Am I too old for this?",  # a sentence about the prospect is no wrapper
    "Quick question?",  # nothing but a wrapper: left as it is
    "Will it look real, up close?",  # a clause that opens as a question is the question
    "How will it look, up close?",
    "Is it quick, or does it take hours?",
    "Is it safe, but does it hurt?",
    "I have dark skin, but will it work?",  # a concession about the prospect, with no word about the asking
    "I'm 64, but can I still get it?",
])
def test_a_clause_that_says_something_stays(text):
    assert unframed(text, CONCERN) == text


def test_no_labelled_or_shipped_question_is_changed():
    """The labelled blogs' questions and phrasings, and the shipped topics', are read as they were: the scorer,
    fitted on them, sees the same features."""
    files = [ROOT / "smpseo" / "data" / "faq_topics.yml", ROOT / "benchmarks" / "faq" / "brisbane" / "questions.yml",
             *sorted((ROOT.parent / "shared" / "corpora" / "faq-dev").glob("*/questions.yml"))]
    texts = [q for f in files if f.is_file() for t in yaml.safe_load(f.read_text(encoding="utf-8"))["topics"]
             for q in [t["question"], *t.get("phrasings", [])]]
    assert len(texts) > 60
    assert [t for t in texts if unframed(t, CONCERN) != t] == []


def test_words_of_speech_weigh_nothing():
    """Typed as said ("yeah", "okay", "bye"), they are as rare in writing as content words, and weighed more."""
    from smpseo.core.language import courtesy_words

    assert {"um", "hmm", "lol", "yeah", "okay", "bye"} <= courtesy_words()


def test_a_letter_held_for_effect_is_read_once():
    vectors = word_vectors()
    assert meant("ummm", {}, vectors.knows, vectors.freq) == "um"
    assert meant("sooo", {}, vectors.knows, vectors.freq) == "so"
    assert meant("pleeease", {}, vectors.knows, vectors.freq) == "please"
    assert meant("hurrrt", {"hurt": 3}, vectors.knows, vectors.freq) == "hurt"


def test_two_everyday_words_run_together_are_read_as_the_two_not_a_slip():
    """"sunbed" was read as "subbed", and "hairloss" as "hairless", in the question and in the heading suggested for
    it; a word of the blog one edit away still wins over the split."""
    vectors = word_vectors()

    def read(word: str, blog: dict[str, int] | None = None) -> str | None:
        return meant(word, blog or {}, vectors.knows, vectors.freq, common=vectors.common)

    assert (read("sunbed"), read("hairloss"), read("headshave")) == ("sun bed", "hair loss", "head shave")
    assert read("aftercar", {"aftercare": 3}) == "aftercare"
    # a common word one edit away is the slip's meaning, not two rare words ("wit out", "the ere", "prep pare")
    assert [read(w) for w in ("witout", "theere", "preppare", "permanant")] \
        == ["without", "there", "prepare", "permanent"]
    assert read("kelpids") is None  # "kelp" and "ids" are not common words: left as written


def _best(result) -> tuple[str, str]:
    return (Path(result.posts[0].path).stem, result.posts[0].section) if result.posts else ("", "")


def test_a_wrapped_question_finds_what_the_question_finds():
    """Every shipped question, on the clinic's posts, as written and in a prospect's wrappers: the same status and
    best post for nearly all. Read with its wrapper, "sorry", "bug" and "guys" weighed as much as the question's
    own words, and sent it to other sections."""
    wrappers = ("Sorry to bug you guys, but {ql}", "Hey so ummm {ql}", "Quick question: {q}",
                "{q} Cheers in advance, any info much appreciated.", "{q} yeah okay thank you bye")
    asked = shipped_topics()
    topics = [Topic(f"{t.id}_as_written", t.question) for t in asked]
    for k, w in enumerate(wrappers):
        topics += [Topic(f"{t.id}_{k}", w.replace("{ql}", t.question[0].lower() + t.question[1:])
                         .replace("{q}", t.question)) for t in asked]
    report = gaps(str(HERE / "posts"), topics=topics)
    same = [(t.id, k) for t in asked for k in range(len(wrappers))
            if (report[f"{t.id}_as_written"].status, _best(report[f"{t.id}_as_written"]))
            == (report[f"{t.id}_{k}"].status, _best(report[f"{t.id}_{k}"]))]
    assert len(same) >= 0.9 * len(asked) * len(wrappers), len(same)


def test_frames_left_out_of_one_sentence_are_bounded():
    """A hostile topic stacking thousands of frames is not stripped one by one (each pass reads the rest again):
    `MOST_FRAMES` are left out, the rest is read as written."""
    from smpseo.analysis.gaps.framing import MOST_FRAMES

    text = "Quick question: " * 20 + "does SMP hurt?"
    assert unframed(text, CONCERN) == "Quick question: " * (20 - MOST_FRAMES) + "does SMP hurt?"


def test_a_gap_is_suggested_as_the_question_without_its_wrapper():
    """The heading to write is the question a reader would search for, not the prospect's message: no greeting,
    apology or sign-off in it, nor among the keywords."""
    asked = Topic("birds", "Hi! Sorry to bug you guys, but can I go birdwatching in Patagonia the week after? "
                           "Thanks in advance")
    result = gaps(str(HERE / "posts"), topics=[asked])["birds"]
    assert result.suggestion.title == "Can I go birdwatching in Patagonia the week after?"
    assert not {"Hi", "Sorry", "bug", "guys", "Thanks", "advance"} & set(result.suggestion.keywords)
    assert result.question == asked.question  # the topic is still shown as it was written
    assert result.note.endswith('; read as "Can I go birdwatching in Patagonia the week after?"')


def test_the_note_says_how_a_question_was_read_when_not_as_written():
    """A typo read as the word meant, a wrapper left out: the note says what was matched; a question read as it is
    written says nothing more."""
    topics = [Topic("typo", "How long does micropigmnetation last?"), Topic("plain", "How long does SMP last?")]
    report = gaps(str(HERE / "posts"), topics=topics)
    assert report["typo"].note.endswith('; read as "How long does micropigmentation last?"')
    assert "read as" not in report["plain"].note


def test_a_sentence_start_is_found_by_reading_back_over_spaces_only():
    """`starts_sentence` tells a capital that opens a sentence from a name, as a search of the whole text before
    the word did (this expression), without reading that text again for every word."""
    import random
    import re

    from smpseo.analysis.gaps.respell import starts_sentence

    searched = re.compile(r"(?:^|[.!?:;]\s+|[\"\u201c(]\s*)$")
    rng = random.Random(7)
    alphabet = ["a", "B", " ", "\t", "\n", ".", "!", "?", ":", ";", '"', "\u201c", "(", ",", "\u00a0", "x"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        at = rng.randint(0, len(text))
        before = text[:at]
        assert starts_sentence(text, at) == (not before.strip() or bool(searched.search(before))), (text, at)


@pytest.mark.parametrize(("asked", "sentences"), [
    ("Hiya sorry for the random message 🙈 Does SMP hurt?", ["Hiya sorry for the random message 🙈", "Does SMP hurt?"]),
    ("Does it hurt? 👍🏽 ok thanks", ["Does it hurt?", "👍🏽", "ok thanks"]),
    ("Hello,\n\nDoes it hurt\nThanks", ["Hello,", "Does it hurt", "Thanks"]),
    ("Does it hurt? thx in advance!!", ["Does it hurt?", "thx in advance!!"]),
    ("Does SMP hurt 😬?", ["Does SMP hurt 😬?"]),
])
def test_a_message_s_sentences_end_at_an_emoji_or_a_line_break_too(asked, sentences):
    """In a message an emoji ends a sentence as a full stop does, and a line break ends one; an emoji inside a
    sentence's last word's place ("hurt 😬?") does not."""
    from smpseo.analysis.gaps.framing import sentences_of

    assert sentences_of(asked) == sentences


def test_a_greeting_ended_by_an_emoji_is_left_out_as_one_ended_by_a_full_stop():
    lexicon = default_lexicon()
    assert unframed("hey sorry for the random message 🙈 Does it hurt?", lexicon.names_concern) == "Does it hurt?"
    assert unframed("hey sorry for the random message. Does it hurt?", lexicon.names_concern) == "Does it hurt?"


@pytest.mark.parametrize(("asked", "read"), [
    ("Hiya, hope all's grand with ye. Will it fade? Go raibh maith agat!", "Will it fade?"),
    ("Kia ora team. Does it hurt? Chur", "Does it hurt?"),
    ("Much appreciated, whoever's reading. Can it be removed?", "Can it be removed?"),
    ("Kia ora team. does it hurt", "does it hurt"),  # a question asked straight out without a question mark
    ("Hiya. how long does it last. Chur", "how long does it last."),
    # kept: about the prospect (a first-person word, a number) or naming one of the domain's concerns
    ("I work outside all summer. Am I going to wreck it?", None),
    ("Im 60. Is it weird at my age?", None),
    ("Wedding on the 14th. How far ahead should I book?", None),
    ("Scars from a car accident. Will this cover them?", None),
    ("Our son is 19. Can he get it?", None),
])
def test_a_question_that_does_not_name_smp_is_read_with_what_is_said_about_the_prospect_only(asked, read):
    from smpseo.analysis.gaps.framing import standing_alone

    lexicon = default_lexicon()
    assert standing_alone(asked, lexicon.names_thing, lexicon.names_concern) == (asked if read is None else read)


def test_what_the_prospect_says_of_themselves_is_told_from_a_greeting():
    from smpseo.analysis.gaps.framing import about_the_prospect

    assert about_the_prospect("I'm fair-haired.") and about_the_prospect("My beard's going grey.")
    assert about_the_prospect("im 45 lol") and about_the_prospect("Turning 50 in May.")
    assert not about_the_prospect("Hope you're all keeping well.") and not about_the_prospect("Cheers pal")
    assert not about_the_prospect("Idk, whatever suits.")  # "idk" is not "I"


@pytest.mark.parametrize(("asked", "read"), [
    ("please can you tell me if SMP hurts?", "SMP hurts?"),
    ("Thanks, do you know whether it fades?", "it fades?"),
    ("Anyway, I was wondering how long SMP lasts?", "how long SMP lasts?"),
    ("Do you know Dr Patel?", "Do you know Dr Patel?"),
])
def test_an_indirect_opening_is_left_out_after_any_courtesy_or_opening_word(asked, read):
    """The words read before an indirect opening are the courtesy words and `opening_words.txt`, data both."""
    assert unframed(asked) == read


@pytest.mark.parametrize(("text", "read"), [
    # a frame run into the question with no stop between: the question opens right after a framing or courtesy word
    ("yo quick q does SMP hurt?", "does SMP hurt?"),
    ("hi um sorry I was just wondering is it safe?", "is it safe?"),
    ("hey how long does it last?", "how long does it last?"),
    ("sorry but do you know is it safe?", "is it safe?"),
    ("G'day, does SMP hurt?", "does SMP hurt?"),
    ("what I meant to ask was does SMP hurt?", "does SMP hurt?"),
    ("yo quick q does smp hurt", "does smp hurt"),  # no question mark, as a message often has none
    ("Looking for info: how long does it last", "how long does it last"),  # a short label before a colon
    ("Question for you guys: does it hurt?", "does it hurt?"),
    ("Sorry to bug you but does SMP hurt?", "does SMP hurt?"),  # a concession before "but" with no comma
    ("I know it's a dumb question but how long does it last?", "how long does it last?"),
])
def test_a_frame_run_into_the_question_is_left_out(text, read):
    assert unframed(text, CONCERN) == read


@pytest.mark.parametrize("text", [
    "Do you have a blog I can read?",  # the clause before opens as a question: it is the question
    "Is it real, will people know?",
    "Hi I was told it hurts, is that true?",  # "was" after "I" opens no question
    "Please help me understand why does it fade?",  # a word that says something comes first
    "How long does it last?",
    "I've had a transplant but will SMP help?",  # a concession with no word about the asking
    "Sorry my scars are bad but can SMP cover them?",  # one that names a concern
    "Is it painful but is it worth it?",  # one that opens as a question
    "Scars from my transplant: can SMP cover them?",  # a label that names a concern
    "Is it safe: does it hurt?",
])
def test_a_question_with_no_frame_run_into_it_stays(text):
    assert unframed(text, CONCERN) == text


def test_a_line_a_phone_or_form_adds_is_left_out_and_a_form_s_lines_stay_apart():
    assert unframed("Is it going to hurt?\n\nSent from my iPhone", CONCERN) == "Is it going to hurt?"
    assert unframed("Will it fade?\nGet Outlook for Android", CONCERN) == "Will it fade?"
    # "Message:" frames; the other lines stay, each on a line of its own, so that reading the question alone
    # (`standing_alone`) does not take the form's lines for part of it
    form = unframed("[Website contact form]\nSubject: Question\nMessage: Is it going to hurt?", CONCERN)
    assert form == "[Website contact form]\nSubject: Question\nIs it going to hurt?"
    from smpseo.analysis.gaps.framing import standing_alone

    lexicon = default_lexicon()
    assert standing_alone(form, lexicon.names_thing, lexicon.names_concern) == "Is it going to hurt?"
