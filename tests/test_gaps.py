"""`smpseo.gaps`: the report's shape, user topics without terms, demand ordering, speed, and the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smpseo
from smpseo.app.gaps import gaps
from smpseo.cli import main
from smpseo.model.post import Block, Post, split_sentences
from smpseo.sources.topics import Topic

POSTS = Path(__file__).parent / "fixtures" / "gaps" / "posts"
QUERIES = Path(smpseo.__file__).parent / "data" / "examples" / "Queries.csv"


@pytest.fixture(scope="module")
def report():
    return gaps(str(POSTS), queries=str(QUERIES))


def test_json_schema(report):
    data = report.to_dict()
    assert set(data) == {"topics", "candidates", "unmatched"}
    topic = data["topics"][0]
    for key in ("id", "question", "status", "score", "posts", "evidence", "suggestion", "impressions", "priority"):
        assert key in topic
    for t in data["topics"]:
        scores = [p["score"] for p in t["posts"]][1:]  # the first is the place to send a reader, the rest by score
        assert scores == sorted(scores, reverse=True)
        for p in t["posts"]:
            assert set(p) >= {"path", "title", "score", "section"}
        for e in t["evidence"]:
            assert e["path"] and e["line"] >= 1
    json.dumps(data)


def test_gaps_come_first_by_demand(report):
    statuses = [t.status for t in report.topics]
    first_answered = statuses.index("answered")
    assert all(s == "answered" for s in statuses[first_answered:])
    gaps_demand = [t.impressions for t in report.topics[:first_answered]]
    assert gaps_demand == sorted(gaps_demand, reverse=True)
    assert [t.priority for t in report.topics] == list(range(1, len(report.topics) + 1))
    assert report.topics[0].impressions > 0


def test_a_mistyped_search_counts_for_the_topic_it_was_meant_for():
    """Searches are typed in a hurry: "scalp micropigmnetation cost" is demand for the cost question, as the same
    search spelt right is, and is listed as it was typed."""
    rows = [{"query": "how much does scalp micropigmentation cost", "impressions": 50},
            {"query": "how much does scalp micropigmnetation cost", "impressions": 30},
            {"query": "how much does scalp micropigmentaion cost", "impressions": 20}]
    report = gaps(str(POSTS), queries=rows)
    assert report["cost"].queries == [r["query"] for r in rows] and report["cost"].impressions == 100


def test_queries_map_to_topics_and_questions_become_candidates(report):
    assert "does smp hurt" in report["pain"].queries
    assert "smp near me" in report["local_provider"].queries
    assert "how much does scalp micropigmentation cost" in report["cost"].queries
    assert "what is smp hair" in report["what_is"].queries  # generic words only: matched on how it asks
    assert "can you get smp with long hair" in report["shave_required"].queries
    candidates = [c.query for c in report.candidates]
    assert "can you dye your hair after smp" in candidates
    assert "scalp micropigmentation" not in candidates  # not a question


def test_searches_that_count_for_no_topic_and_ask_nothing_are_said_not_dropped(tmp_path):
    """A search no topic counts that is not a question is no candidate either: it is listed (most searched first)
    under the table, so demand is not lost in silence, and a topic's phrasing then counts it."""
    rows = [{"query": "micropigmentation capillaire vancouver", "impressions": 840},
            {"query": "smp vancouver prix", "impressions": 610}, {"query": "does smp hurt", "impressions": 5}]
    report = gaps(str(POSTS), queries=rows)
    assert [(c.query, c.impressions) for c in report.unmatched] == [("micropigmentation capillaire vancouver", 840),
                                                                    ("smp vancouver prix", 610)]
    from smpseo.views.gaps import render

    text = render(report, "text")
    assert ("2 searches (1,450 impressions) count for no topic and ask no question: 'micropigmentation capillaire "
            "vancouver' (840), 'smp vancouver prix' (610).") in text
    assert report.to_dict()["unmatched"][0] == {"query": "micropigmentation capillaire vancouver", "impressions": 840,
                                                "clicks": 0, "position": None}
    assert type(report).from_record(json.loads(json.dumps(report.to_record()))) == report
    mine = tmp_path / "mine.yml"
    mine.write_text("topics:\n  - id: local_provider\n    question: Where can I get SMP in {city}?\n    phrasings: "
                    "[\"micropigmentation capillaire {city}\", \"prix smp {city}\"]\n", encoding="utf-8")
    counted = gaps(str(POSTS), queries=rows, topics=str(mine))
    assert counted.unmatched == [] and counted["local_provider"].impressions == 840 + 610


def test_suggestions(report):
    cost = report["cost"]  # "cheaper than a transplant" in posts about other things: a post of its own
    assert cost.suggestion.action == "write" and cost.suggestion.title == cost.question
    assert cost.suggestion.subheadings == list(smpseo.load_topics()[8].phrasings)
    assert "cost" in cost.suggestion.keywords
    assert report["pain"].suggestion is None
    posts = {Path(p).stem: p for p in POSTS.glob("*.md")}
    extended = [t for t in report.topics if t.suggestion and t.suggestion.action == "extend"]
    assert extended  # some gaps sit in posts that already say part of the answer
    for t in extended:  # ... next to a section those posts have
        text = posts[Path(t.suggestion.post).stem].read_text(encoding="utf-8")
        assert t.suggestion.title == t.question and (t.suggestion.after in text)
    assert all(t.suggestion is None for t in report.topics if t.status == "answered")


def test_summary_and_frame(report):
    s = report.summary()
    assert sum(s.values()) == 33
    frame = report.frame()
    assert len(frame) == 33 and "status" in frame.columns


def test_the_text_table_shows_each_topic_s_id_to_mark_it_by(report):
    """A topic is marked answered or not relevant in a topics file by its id, which the text table did not show:
    only the JSON output had it."""
    from smpseo.views.gaps import text

    lines = text(report).splitlines()
    header = next(line for line in lines if line.lstrip().startswith("#"))
    assert header.split()[:3] == ["#", "id", "status"]
    first = report.topics[0]
    assert any(line.split()[:2] == [str(first.priority), first.id] for line in lines)


def test_user_topics_with_only_a_question():
    topics = [Topic("scar_pain", "Does scar tissue hurt more during SMP?"),
              Topic("numbing", "Can numbing cream be used during SMP?"),
              Topic("less_shiny", "How can I make my scalp less shiny?"),
              Topic("price", "What does SMP cost?"),
              Topic("mri", "Can I have an MRI scan after SMP?"),
              Topic("dye", "Can I dye my hair after SMP?")]
    report = gaps(str(POSTS), topics=topics)
    status = {t.id: t.status for t in report.topics}
    assert status["scar_pain"] == "answered"
    assert status["numbing"] == "answered"
    assert status["less_shiny"] == "answered"
    assert status["price"] == "partial"


def test_a_sentence_of_function_words_alone_is_no_evidence(tmp_path):
    """"Here is why." came closest to "Where can I get SMP in Dublin?" ("here", "why" against "where") and was shown
    as the evidence for it, above the sentences that say something."""
    for name in ("does-scalp-micropigmentation-hurt.md", "what-is-smp.md"):
        (tmp_path / name).write_text((POSTS / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "gym.md").write_text(
        "---\ntitle: Can I go to the gym after SMP?\n---\n\nGoing to the gym after SMP is what clients who train ask "
        "most. Here is why. It is. The short answer: rest for four days, train lightly in the first week, and wait "
        "a month for saunas and pools.\n", encoding="utf-8")
    report = gaps(str(tmp_path), topics=[Topic("where", "Where can I get SMP here?"),
                                         Topic("gym", "When can I go back to the gym after SMP?")])
    shown = [e.text for t in report.topics for e in t.evidence]
    assert shown and "Here is why." not in shown and "It is." not in shown, shown


def test_a_topic_that_requires_a_thing_is_answered_only_where_it_is_named():
    """"It thins the blood." answered whether SMP is a problem for MRI scans or giving blood on a new clinic's blog.
    A topic may say what a section must name to answer it (`requires`); a section that names none of it can show
    the blog mentions the topic, never that it answers it. The shipped MRI topic requires MRI or giving blood."""
    from smpseo.sources.topics import parse_topics, shipped_topics

    numbing = Topic("numbing", "Can numbing cream be used during SMP?")
    assert gaps(str(POSTS), topics=[numbing])["numbing"].status == "answered"
    named = Topic("numbing", numbing.question, requires=("numbing", "anaesthetic"))
    assert gaps(str(POSTS), topics=[named])["numbing"].status == "answered"
    unnamed = Topic("numbing", numbing.question, requires=("lidocaine spray", "anaesthetic gel"))
    assert gaps(str(POSTS), topics=[unnamed])["numbing"].status != "answered"
    mri = next(t for t in shipped_topics() if t.id == "medical_misc")
    assert {"MRI", "give blood"} <= set(mri.requires)
    (own,) = parse_topics("topics:\n  - id: laser\n    question: Can SMP be lasered off?\n    requires: [laser]\n")
    assert own.requires == ("laser",)


def test_a_blog_that_never_names_a_transplant_does_not_answer_whether_to_get_one():
    """A Calgary clinic's blog with no word of a hair transplant had "Should I get SMP or a hair transplant?" answered
    by its price list ("Most of our clients pay between ..."): a comparison is answered only where both are named,
    so the shipped topic requires the transplant, in any of its names."""
    from smpseo.sources.topics import shipped_topics

    blog = POSTS.parent / "calgary"
    result = gaps(str(blog), config=str(blog / "smpseo.toml"))["vs_transplant"]
    assert result.status == "partial", (result.status, result.evidence[0].text)
    transplant = next(t for t in shipped_topics() if t.id == "vs_transplant")
    assert "transplant" in transplant.requires


@pytest.mark.xfail(strict=False, reason="a passage close in meaning but on something else (doctors, for an MRI "
                                        "question) still rates; see docs/gaps.md, Accuracy")
def test_questions_nothing_answers_are_missing():
    report = gaps(str(POSTS), topics=[Topic("dye", "Can I dye my hair after SMP?"),
                                      Topic("mri", "Can I have an MRI scan after SMP?")])
    assert report["dye"].status == "missing" and report["mri"].status == "missing"


def test_user_topic_file_overrides_a_shipped_id(tmp_path):
    f = tmp_path / "mine.yml"
    f.write_text("topics:\n  - id: cost\n    question: Do you offer financing for SMP?\n", encoding="utf-8")
    report = gaps(str(POSTS), topics=[str(f)])
    assert len(report.topics) == 33
    assert report["cost"].question == "Do you offer financing for SMP?"


def test_posts_about_something_else_answer_nothing(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: Does our software hurt?\n---\n\nThe cost of software maintenance is "
                                  "high. Prices rise. A session of testing takes hours. Sessions repeat weekly.\n",
                                  encoding="utf-8")
    report = gaps(str(tmp_path))
    assert report.summary()["answered"] == 0 and report.summary()["partial"] == 0


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200),
                min_size=1, max_size=4))
def test_any_posts_give_a_valid_report(texts):
    posts = [Post(path=f"p{i}.md", slug=f"p{i}", title=t[:40],
                  blocks=[Block("heading", t[:30] + "?", 1, level=2),
                          Block("paragraph", t, 2, sentences=split_sentences(t, 2))])
             for i, t in enumerate(texts)]
    report = gaps(posts)
    assert len(report.topics) == 33
    for t in report.topics:
        assert t.status in ("answered", "partial", "missing") and 0.0 <= t.score <= 1.0
    json.dumps(report.to_dict())


def test_cli_text_json_markdown(capsys):
    assert main(["gaps", str(POSTS), "--queries", str(QUERIES)]) == 0
    out = capsys.readouterr().out
    assert "status" in out and "MISSING" in out and "candidate topics" in out
    assert main(["gaps", str(POSTS), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["topics"]) == 33
    assert main(["gaps", str(POSTS), "--format", "markdown"]) == 0
    assert "| # | Status |" in capsys.readouterr().out


def test_cli_bad_topic_file_is_a_usage_error(tmp_path, capsys):
    f = tmp_path / "bad.yml"
    f.write_text("topics:\n  - id: x\n    question: Why?\n    color: red\n", encoding="utf-8")
    assert main(["gaps", str(POSTS), "--topics", str(f)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.yml:2" in err[0] and "color" in err[0]


def test_cli_bad_queries_file_is_a_usage_error(tmp_path, capsys):
    f = tmp_path / "Pages.csv"
    f.write_text('"Top pages","Clicks","Impressions","CTR","Position"\n', encoding="utf-8")
    assert main(["gaps", str(POSTS), "--queries", str(f)]) == 2
    assert "Pages.csv" in capsys.readouterr().err


def test_cli_unreadable_source_still_reports(tmp_path, capsys):
    (tmp_path / "nope.md").write_bytes(b"")
    assert main(["gaps", str(POSTS), str(tmp_path / "nope.md")]) == 1
    captured = capsys.readouterr()
    assert "nope.md" in captured.err and "status" in captured.out


@pytest.mark.slow
def test_unrelated_blog_answers_nothing():
    from tests.conftest import shared

    corpus = smpseo.load_posts(str(shared("corpora", "18f-blog-posts")))
    report = gaps(corpus)
    assert len(corpus) > 500
    assert report.summary()["answered"] == 0  # a government tech blog answers no SMP question


def test_wordpress_export_posts(tmp_path):
    from tests.conftest import shared

    corpus = smpseo.load_posts(str(shared("corpora", "wordpress-theme-test-data", "themeunittestdata.wordpress.xml")))
    report = gaps(corpus)
    assert report.posts == len(corpus) and report.summary()["missing"] == 33


def test_a_question_its_paragraph_answers_does_not_make_the_passage_one_that_asks(tmp_path):
    """"Most people ask the same thing first: does SMP hurt? The honest answer is that it feels like a scratch." was
    a passage half of questions, held below answering as a list of questions to ask is (Halifax's post answering
    "Does SMP hurt?" in its introduction came out partial). A question the next sentence of its paragraph answers is
    asked and answered; a list of questions still asks."""
    from smpseo.analysis.gaps.features import parts
    from smpseo.sources.readers import load_posts

    (tmp_path / "pain.md").write_text(
        "---\ntitle: Does SMP hurt?\n---\n\nMost people ask the same thing first: does SMP hurt? The honest answer is "
        "that it feels like a scratch.\n\n## Questions to ask an artist\n\n- Can I see healed work?\n"
        "- How long have you done SMP?\n- Who does the work?\n", encoding="utf-8")
    intro, questions = parts(list(load_posts(tmp_path)), [True])
    assert [s.question for s in intro.sentences] == [False, False] and not intro.asks
    assert [s.question for s in questions.sentences] == [True, True, True] and questions.asks
