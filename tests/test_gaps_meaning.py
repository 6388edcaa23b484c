"""FAQ gaps on any clinic's blog: answers in other words, asking is not answering, the clinic's own place, marks set
by hand, the same best post whatever the format, and no slower start for commands that do not match topics."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import yaml
from markdown_it import MarkdownIt

from smpseo.analysis.gaps.scorer import Scorer, best_place, post_answers
from smpseo.app.gaps import gaps
from smpseo.cli import main
from smpseo.core.settings import Config, Site
from smpseo.sources.topics import Topic, TopicError, load_topics

from .conftest import ROOT

HERE = Path(__file__).parent / "fixtures" / "gaps"
OTHER_WORDS = HERE / "other-words"  # four short posts that answer in other words than the questions
ASKED = [Topic("back_to_work", "When can I go back to work?"), Topic("does_it_hurt", "Does it hurt?"),
         Topic("holiday", "Can I fly or swim on holiday after SMP?"),
         Topic("removal_later", "Can SMP be removed one day?")]


@pytest.fixture(scope="module")
def other_words():
    return gaps(str(OTHER_WORDS), topics=ASKED)


def _best(result) -> tuple[str, str]:
    return (Path(result.posts[0].path).stem, result.posts[0].section) if result.posts else ("", "")


# ---- the best post -----------------------------------------------------------------------------------------------
def test_the_best_post_counts_every_section_of_it_and_the_status_does_not():
    answers = np.array([0.30, 0.25, 0.25, 0.10])
    post_of = np.array([0, 1, 1, 2])
    assert post_answers(answers, post_of) == pytest.approx([0.30, 0.4375, 0.4375, 0.10])
    assert best_place(answers, post_of) == 1  # two sections on it beat one closer section
    assert best_place(answers, post_of, at_least=0.28) == 0  # ... unless only the closer one answers
    assert best_place(np.array([0.2, 0.1, 0.2]), np.array([0, 1, 2])) == 0  # the first of tied posts
    scorer = Scorer(["x"], [0.0, 0.0], answered_at=0.28, partial_at=0.5)
    closeness = np.full(4, 0.6)
    assert scorer.decide(answers, closeness, post_of) == ("answered", 0)
    # the status reads passages alone: the same sections in one long post, or each in a post of its own
    for spread in (np.zeros(4, int), np.arange(4)):
        assert scorer.decide(answers, closeness, spread)[0] == "answered"
    assert scorer.decide(answers * 0.8, closeness, post_of) == ("partial", 1)


# ---- answers in other words -------------------------------------------------------------------------------------
def test_a_scratch_two_out_of_ten_answers_does_it_hurt(other_words):
    for tid in ("does_it_hurt", "pain"):
        assert other_words[tid].status == "answered", tid
        assert _best(other_words[tid]) == ("feeling", "The sensation")


def test_booking_around_a_trip_answers_flying_and_swimming(other_words):
    assert other_words["holiday"].status == "answered"
    assert _best(other_words["holiday"]) == ("aftercare", "Booking around a trip")


def test_at_their_desk_the_next_morning_is_where_to_read_about_work(other_words):
    result = other_words["back_to_work"]
    assert result.status != "missing"
    assert _best(result) == ("aftercare", "Back to normal life")
    assert any("desk the next morning" in e.text for e in result.evidence)


def test_a_section_giving_the_price_is_the_place_for_cost(other_words):
    assert _best(other_words["cost"]) == ("money", "What a full scalp costs")


def test_a_list_of_questions_to_ask_asks_and_does_not_answer(other_words):
    result = other_words["removal_later"]
    assert result.status != "answered"
    asked = [e for e in result.evidence if e.section == "Questions to ask any artist"]
    assert asked and all(e.role == "asks" and e.why.startswith("asks") for e in asked)
    assert _best(result)[1] != "Questions to ask any artist"


def test_every_status_comes_with_a_note_and_evidence_that_says_why(other_words):
    for t in other_words.topics:
        assert t.note and t.confidence in ("sure", "check")
        if t.status != "missing":
            assert t.evidence and all(e.why for e in t.evidence)


# ---- the clinic's own place -----------------------------------------------------------------------------------
ELSEWHERE = ("Vancouver", "Burnaby", "Surrey", " BC")


def test_a_phrase_naming_smp_says_no_more_than_smp():
    """ "Tattoo" in "a hair tattoo" names SMP, as "SMP" does; alone it is a word of its own question."""
    from smpseo.analysis.gaps.lexicon import default_lexicon
    from smpseo.analysis.gaps.vectors import words_of

    lexicon = default_lexicon()
    words = words_of("Does a hair tattoo hurt more than scalp micro pigmentation?")
    assert [w for w, named in zip(words, lexicon.in_generic_form(words), strict=True) if named] \
        == ["hair", "tattoo", "scalp", "micro", "pigmentation"]
    assert not any(lexicon.in_generic_form(words_of("Is SMP a tattoo? Does hair grow back?")))


def test_questions_naming_smp_a_hair_tattoo_find_what_smp_finds():
    """A prospect who calls SMP "a hair tattoo" is sent where one who says "SMP" is: "tattoo" would otherwise draw
    the question to the sections comparing SMP with tattoos. (Both wordings under ids of their own: a shipped id
    brings its exemplar.)"""
    from smpseo.sources.topics import shipped_topics

    asked = [t for t in shipped_topics() if "SMP" in t.question]
    topics = [x for t in asked for x in (Topic(f"{t.id}_a", t.question),
                                          Topic(f"{t.id}_b", t.question.replace("SMP", "a hair tattoo")))]
    report = gaps(str(HERE / "posts"), topics=topics)
    same = {t.id for t in asked if (report[f"{t.id}_a"].status, _best(report[f"{t.id}_a"])[0])
            == (report[f"{t.id}_b"].status, _best(report[f"{t.id}_b"])[0])}
    assert {"looks_fake", "cost", "skin_tone", "longevity"} <= same
    assert len(same) >= 0.85 * len(asked), sorted({t.id for t in asked} - same)


def test_a_greeting_or_thanks_around_a_question_changes_nothing():
    """ "Hi! How much does SMP cost? Thanks!" asks what "How much does SMP cost?" asks, and asks for an amount too."""
    from smpseo.analysis.gaps.features import AMOUNT
    from smpseo.sources.topics import shipped_topics

    asked = shipped_topics()
    topics = [x for t in asked for x in (Topic(f"{t.id}_a", t.question), Topic(f"{t.id}_b", f"Hi! {t.question} Thanks!"))]
    report = gaps(str(HERE / "posts"), topics=topics)
    same = {t.id for t in asked if (report[f"{t.id}_a"].status, _best(report[f"{t.id}_a"]))
            == (report[f"{t.id}_b"].status, _best(report[f"{t.id}_b"]))}
    assert len(same) >= 0.9 * len(asked), sorted({t.id for t in asked} - same)
    assert AMOUNT.search("Hi! How much does SMP cost?") and AMOUNT.search("I'm 64. When can I start?")
    assert not AMOUNT.search("Can I swim when it is healing?")


def test_a_sentence_about_the_prospect_before_a_question_naming_smp_changes_nothing():
    """ "My brother had it done last year and loved it. How long does SMP last?" asks what the question alone asks:
    a question that names what it asks about stands on its own, and the sentence before it (whose words would weigh
    as much as the question's) does not draw it to other sections. One that does not name it is read with the
    sentence before it: "I've been on blood thinners. Is that going to be a problem?" is about blood thinners."""
    from smpseo.analysis.gaps.framing import standing_alone
    from smpseo.analysis.gaps.lexicon import default_lexicon
    from smpseo.sources.topics import shipped_topics

    names = default_lexicon().names_thing
    assert standing_alone("We live an hour away. Does a hair tattoo hurt?", names) == "Does a hair tattoo hurt?"
    assert standing_alone("Does SMP hurt? It's for my son.", names) == "Does SMP hurt?"
    for text in ("I've been on blood thinners. Is that going to be a problem?", "Does SMP hurt?", "SMP. Thanks."):
        assert standing_alone(text, names) == text
    asked = [t for t in shipped_topics() if "SMP" in t.question]
    before = "My brother had it done last year and loved it."
    topics = [x for t in asked for x in (Topic(f"{t.id}_a", t.question), Topic(f"{t.id}_b", f"{before} {t.question}"))]
    report = gaps(str(HERE / "posts"), topics=topics)
    same = {t.id for t in asked if (report[f"{t.id}_a"].status, _best(report[f"{t.id}_a"]))
            == (report[f"{t.id}_b"].status, _best(report[f"{t.id}_b"]))}
    assert len(same) >= 0.9 * len(asked), sorted({t.id for t in asked} - same)


def test_a_mistyped_word_is_read_as_the_word_meant():
    """A word no dictionary and no post knows, one edit from the blog's word or from one everyday word, is read as
    that word; names, short words and words with several equally likely readings stay as written."""
    from smpseo.analysis.gaps.respell import respelled
    from smpseo.app.gaps import word_vectors

    vectors = word_vectors()
    blog = {"micropigmentation": 9, "micropigmention": 1, "toronto": 2, "sessions": 3, "scalp": 9}

    def read(text: str) -> str:
        return respelled(text, blog, vectors.knows, vectors.freq)

    assert read("How long does scalp micropigmnetation last?") == "How long does scalp micropigmentation last?"
    assert read("How many sesions? Is it permanant?") == "How many sessions? Is it permanent?"
    assert read("Where in Tornoto? Near Mimico?") == "Where in Toronto? Near Mimico?"  # a name: the blog's only
    assert read("Micropigmnetation, then.") == "Micropigmentation, then."  # a capital opening a sentence
    assert read("Does it hrut?") == "Does it hrut?"  # too short to tell
    assert read("Can I colour it?") == "Can I colour it?"  # a word, though not the blog's


def test_a_typo_in_a_question_finds_what_the_question_finds():
    """A prospect's slip ("micropigmnetation", "sesions") sends the question where the question spelt right goes:
    a mistyped word has no vector of its own and, rare as can be, would weigh more than every other word of it."""
    from smpseo.sources.topics import shipped_topics

    def slip(text: str) -> str:  # the longest word with two letters in its middle swapped
        word = max(re.findall(r"[A-Za-z]{5,}", text), key=len)
        k = len(word) // 2
        return text.replace(word, word[:k] + word[k + 1] + word[k] + word[k + 2:], 1)

    asked = [t for t in shipped_topics() if re.search(r"[A-Za-z]{5,}", t.question)]
    topics = [x for t in asked for x in (Topic(f"{t.id}_a", t.question), Topic(f"{t.id}_b", slip(t.question)))]
    report = gaps(str(HERE / "posts"), topics=topics)
    same = {t.id for t in asked if (report[f"{t.id}_a"].status, _best(report[f"{t.id}_a"]))
            == (report[f"{t.id}_b"].status, _best(report[f"{t.id}_b"]))}
    assert len(same) >= 0.9 * len(asked), sorted({t.id for t in asked} - same)


def test_shipped_questions_name_the_configured_city():
    config = Config(site=Site(city="Leeds", region="West Yorkshire", country="UK"))
    data = gaps(str(OTHER_WORDS), config=config).to_dict()
    questions = {t["id"]: t["question"] for t in data["topics"]}
    assert questions["cost"] == "How much does SMP cost in Leeds?"
    assert questions["local_provider"] == "Where can I get SMP in Leeds?"
    assert questions["choose_artist"].endswith("regulated in the UK?")  # the rules are the country's
    text = json.dumps(data)
    assert not any(place in text for place in ELSEWHERE)


def test_without_a_city_the_questions_ask_near_me():
    topics = {t["id"]: t for t in gaps(str(OTHER_WORDS), config=Config()).to_dict()["topics"]}
    assert topics["local_provider"]["question"] == "Where can I get SMP near me?"
    assert not any("{" + place + "}" in json.dumps(topics) for place in ("city", "region", "country"))
    shipped = (ROOT / "smpseo" / "data" / "faq_topics.yml").read_text(encoding="utf-8")
    assert not any(place in shipped for place in ELSEWHERE)


def test_the_library_finds_the_settings_above_the_posts_as_the_command_does(tmp_path):
    (tmp_path / "smpseo.toml").write_text('[site]\ncity = "Leeds"\n', encoding="utf-8")
    shutil.copytree(OTHER_WORDS, tmp_path / "posts")
    assert gaps(str(tmp_path / "posts"))["cost"].question == "How much does SMP cost in Leeds?"
    assert gaps(str(tmp_path / "posts"), config=str(tmp_path / "smpseo.toml"))["local_provider"].question == \
        "Where can I get SMP in Leeds?"


def test_a_clinic_adds_a_local_question(tmp_path):
    f = tmp_path / "local.yml"
    f.write_text("topics:\n  - id: parking\n    question: Is there parking near your {city} studio?\n",
                 encoding="utf-8")
    report = gaps(str(OTHER_WORDS), topics=[str(f)], config=Config(site=Site(city="Leeds")))
    assert report["parking"].question == "Is there parking near your Leeds studio?"
    assert report["parking"].status != "missing"
    assert _best(report["parking"]) == ("about", "Our studio")


# ---- marks set by hand ---------------------------------------------------------------------------------------------
MARKS = """topics:
  - id: back_to_work
    question: When can I go back to work?
    mark: answered
    post: aftercare
    section: Back to normal life
  - id: tricopigmentation
    mark: not relevant
"""


def test_marks_set_by_hand_are_kept_and_shown(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SMPSEO_CACHE_DIR", str(tmp_path / "cache"))
    marks = tmp_path / "marks.yml"
    marks.write_text(MARKS, encoding="utf-8")
    for _ in range(2):  # the second run comes from the remembered run: the marks hold
        assert main(["gaps", str(OTHER_WORDS), "--topics", str(marks), "--format", "json"]) == 0
        data = {t["id"]: t for t in json.loads(capsys.readouterr().out)["topics"]}
        work, trico = data["back_to_work"], data["tricopigmentation"]
        assert (work["status"], work["set_by_hand"]) == ("answered", True)
        assert Path(work["posts"][0]["path"]).stem == "aftercare" and work["posts"][0]["section"] == "Back to normal life"
        assert (trico["status"], trico["set_by_hand"], trico["suggestion"]) == ("not_relevant", True, None)
        assert not data["pain"]["set_by_hand"]
    assert main(["gaps", str(OTHER_WORDS), "--topics", str(marks)]) == 0
    out = capsys.readouterr().out
    assert "answered (by hand)" in out and "not relevant (by hand)" in out
    assert re.search(r"topics over \d+ posts: \d+ answered, \d+ partial, \d+ missing, 1 not relevant\n", out)
    assert main(["gaps", str(OTHER_WORDS), "--topics", str(marks), "--format", "markdown"]) == 0
    assert ", 1 not relevant.\n" in capsys.readouterr().out


def test_a_mark_naming_a_post_not_read_is_a_warning_at_its_line_and_flagged(tmp_path, capsys):
    marks = tmp_path / "marks.yml"
    marks.write_text("topics:\n  - id: pain\n    question: Does it hurt?\n  - id: cost\n    mark: answered\n"
                     "    post: no-such-post\n", encoding="utf-8")
    assert main(["gaps", str(OTHER_WORDS), "--topics", str(marks), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err == (f"{marks}:4: warning: topic (cost) is marked answered by 'no-such-post', but no post or section "
                   "of that name was read\n")
    cost = {t["id"]: t for t in json.loads(out)["topics"]}["cost"]
    assert (cost["status"], cost["set_by_hand"], cost["confidence"]) == ("answered", True, "check")
    assert f"in {marks}" in cost["note"] and "faq_topics.yml" not in cost["note"]


def test_a_mark_may_name_any_post_read_and_its_section_in_any_case(tmp_path, capsys):
    posts = tmp_path / "posts"
    shutil.copytree(OTHER_WORDS, posts)
    (posts / "finding-us.md").write_text("---\ntitle: Finding our studio\n---\n\nWe are above the bakery.\n\n"
                                         "## Parking\n\nThere is free parking behind the building.\n",
                                         encoding="utf-8")  # no word of the domain: the matcher leaves it out
    marks = tmp_path / "marks.yml"
    marks.write_text("topics:\n  - id: parking\n    question: Is there parking near your studio?\n"
                     "    mark: answered\n    post: finding-us\n    section: \" parking\"\n", encoding="utf-8")
    assert main(["gaps", str(posts), "--topics", str(marks), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    parking = {t["id"]: t for t in json.loads(out)["topics"]}["parking"]
    assert (parking["status"], parking["set_by_hand"], parking["confidence"]) == ("answered", True, "sure")
    assert [(Path(p["path"]).name, p["section"], p["line"]) for p in parking["posts"]] == [("finding-us.md",
                                                                                           "Parking", 7)]
    assert parking["evidence"][0]["text"] == "There is free parking behind the building."


def test_a_mark_needs_a_known_topic_and_a_post(tmp_path):
    f = tmp_path / "bad.yml"
    f.write_text("topics:\n  - id: nope\n    mark: not relevant\n", encoding="utf-8")
    with pytest.raises(TopicError, match="nope"):
        load_topics(str(f))
    f.write_text("topics:\n  - id: cost\n    mark: answered\n", encoding="utf-8")
    with pytest.raises(TopicError, match="post"):
        load_topics(str(f))
    f.write_text("topics:\n  - id: cost\n    mark: maybe\n", encoding="utf-8")
    with pytest.raises(TopicError, match="maybe"):
        load_topics(str(f))


# ---- the same best post whatever the format ----------------------------------------------------------------------
def test_best_post_is_the_same_from_markdown_and_html(tmp_path):
    md = MarkdownIt()
    for post in (HERE / "posts").glob("*.md"):
        _, front, body = post.read_text(encoding="utf-8").split("---", 2)
        title = yaml.safe_load(front)["title"]
        (tmp_path / f"{post.stem}.html").write_text(
            f"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"{md.render(body)}</article></body></html>", encoding="utf-8")
    markdown, html = gaps(str(HERE / "posts")), gaps(str(tmp_path))
    for t in markdown.topics:
        assert (t.status, _best(t)) == (html[t.id].status, _best(html[t.id])), t.id


WXR_ITEM = """<item><title>{title}</title><wp:post_name>{slug}</wp:post_name><wp:post_type>post</wp:post_type>
<wp:status>publish</wp:status><content:encoded><![CDATA[{html}]]></content:encoded></item>"""


def test_best_post_is_the_same_from_a_wordpress_export(tmp_path, capsys):
    md = MarkdownIt()
    items = []
    for post in sorted((HERE / "posts").glob("*.md")):
        _, front, body = post.read_text(encoding="utf-8").split("---", 2)
        items.append(WXR_ITEM.format(title=yaml.safe_load(front)["title"], slug=post.stem, html=md.render(body)))
    export = tmp_path / "export.xml"
    export.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
                      'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                      'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Clinic</title>'
                      + "".join(items) + "</channel></rss>", encoding="utf-8")
    markdown, wordpress = gaps(str(HERE / "posts")), gaps(str(export))
    assert wordpress.posts == 8
    for t in markdown.topics:
        w = wordpress[t.id]
        assert (t.status, t.posts[0].slug if t.posts else "", _best(t)[1]) == \
            (w.status, w.posts[0].slug if w.posts else "", _best(w)[1]), t.id
        if w.posts:
            assert w.posts[0].path == f"{export}#{w.posts[0].slug}"  # which post of the export
    assert main(["gaps", str(export), "--no-cache"]) == 0
    assert "does-scalp-micropigmentation-hurt" in capsys.readouterr().out


# ---- start-up ---------------------------------------------------------------------------------------------------------
def test_commands_that_match_no_topics_do_not_load_the_matcher(tmp_path):
    script = ("import sys; from smpseo.cli import main; main(sys.argv[1:]); "
              "print(sorted(m for m in sys.modules if m.startswith('smpseo.analysis.gaps')))")
    env = {**os.environ, "SMPSEO_CACHE_DIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", script, "check", "posts/what-is-smp.md"], capture_output=True,
                         text=True, cwd=ROOT, env=env, timeout=120)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_last_heading_of_function_words_alone_is_read(tmp_path):
    """A heading with no word that tells a topic apart ("Would I do it again?") as the blog's last section: the
    word-by-word match over headings has no words to read there, and the run goes on."""
    (tmp_path / "five-years.md").write_text(
        "# Five years with my own SMP\n\nI got scalp micropigmentation five years ago and it still looks sharp. "
        "The dots have softened a little, which is normal for SMP.\n\n## Would I do it again?\n\n"
        "Yes. It took ten years off my face and I never think about my hairline now.\n", encoding="utf-8")
    report = gaps(str(tmp_path), topics=[Topic("longevity", "How long does SMP last?"), *ASKED])
    assert {t.id for t in report.topics} >= {"longevity", *(t.id for t in ASKED)}
    assert not report.errors
