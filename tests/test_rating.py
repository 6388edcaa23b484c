"""Each post's rating (SEO and readability, as Yoast rates a post from its assessments) and its three most valuable
fixes: in `smpseo.check()` results, in `check --format json`, and worked out as docs/checks.md says."""

from __future__ import annotations

import json

import smpseo
from smpseo.checks import EXAMPLE_CONFIG, RULES
from smpseo.checks.rating import rating, top_fixes
from smpseo.cli import main
from smpseo.model.results import Finding

from .conftest import FIXTURES

WELL_WRITTEN = FIXTURES / "checks" / "well-written.md"


def finding(rule: str, line: int = 5, severity: str = "warning", message: str = "m") -> Finding:
    return Finding("p.md", line, 1, rule, RULES[rule].category, severity, message)


def test_no_finding_rates_good_both_ways():
    assert rating([], RULES) == {"seo": "good", "readability": "good"}


def test_readability_adds_penalty_points_as_yoast_does():
    # red assessments weigh 3 points, orange ones 2: more than 4 is ok, more than 6 poor
    assert rating([finding("RD101")], RULES)["readability"] == "good"  # 3
    assert rating([finding("RD101"), finding("RD102")], RULES)["readability"] == "ok"  # 5
    assert rating([finding("RD101"), finding("RD103"), finding("RD104")], RULES)["readability"] == "poor"  # 9
    # one assessment counts once, however many sentences it lists
    assert rating([finding("RD101", line) for line in range(1, 30)], RULES)["readability"] == "good"


def test_seo_is_the_share_of_nine_points_per_assessment():
    keyphrase_rules = ["SEO202", "SEO203", "SEO204", "SEO205", "SEO208"]
    assert rating([finding(r) for r in keyphrase_rules], keyphrase_rules)["seo"] == "ok"  # (6+2+6+3+3) / 45 = 44
    with_description = [*keyphrase_rules, "SEO206"]  # no description: its length (1) and keyphrase (3) fail
    assert rating([finding(r) for r in with_description], with_description)["seo"] == "poor"  # 21 / 54 = 39
    assert rating([finding("SEO204")], keyphrase_rules)["seo"] == "good"  # (6 + 4 * 9) / 45 = 93
    assert rating([finding("SEO203"), finding("SEO205")], keyphrase_rules)["seo"] == "good"  # (2+3+27) / 45 = 71
    assert rating([finding(r) for r in ("SEO203", "SEO204", "SEO205")], keyphrase_rules)["seo"] == "ok"  # 29/45


def test_a_short_text_scores_by_how_short_it_is_as_yoast_does():
    from smpseo.checks.rating import text_length_score

    # Yoast's steps for a post: 300 words and more 9, 250 6, 200 3, 100 -10, fewer -20
    assert [text_length_score(n, 300) for n in (300, 299, 250, 249, 200, 199, 100, 99, 0)] == [9, 6, 6, 3, 3, -10,
                                                                                                -10, -20, -20]
    assert text_length_score(500, 600) == 6 and text_length_score(150, 600) == -20  # steps follow min_words
    rules = ["RD107", "SEO203", "SEO204", "SEO205", "SEO208", "SEO218"]
    short = [finding("RD107"), finding("SEO218")]
    assert rating(short, rules, {"RD107": 6})["seo"] == "good"  # 260 words: (6 + 3 + 36) / 54 = 83
    assert rating(short, rules, {"RD107": -20})["seo"] == "poor"  # 40 words: (-20 + 3 + 36) / 54 = 35
    # a very short text is the fix worth most among warnings; a little short, the missing link weighs more
    assert top_fixes(short, rules, grades={"RD107": -20})[0]["rule"] == "RD107"
    assert top_fixes(short, rules, grades={"RD107": 6})[0]["rule"] == "SEO218"


POST = ("---\ntitle: Scalp micropigmentation in Vancouver\ndescription: Scalp micropigmentation in Vancouver, "
        "and what it does for thinning hair, in a few words from our studio on Main Street.\nkeyphrase: scalp "
        "micropigmentation\n---\n\n{body}\n")


def rated(tmp_path, body: str) -> dict:
    draft = tmp_path / "draft.md"
    draft.write_text(POST.format(body=body), encoding="utf-8")
    (post,) = smpseo.check(smpseo.load_posts(draft), EXAMPLE_CONFIG).posts
    return post


def test_a_post_of_a_few_words_is_not_rated_good(tmp_path):
    post = rated(tmp_path, "Scalp micropigmentation in Vancouver, explained in a few words. Call us.")
    assert post["metrics"]["words"] < 20 and post["rating"]["seo"] != "good"
    assert post["fixes"][0]["rule"] == "RD107"


def test_a_keyphrase_stuffed_into_the_text_costs_as_yoast_scores_it(tmp_path):
    filler = "We plan every visit with care and answer your questions before we start the work. " * 3
    fair = rated(tmp_path, " ".join(["Scalp micropigmentation in Vancouver is our work.", filler] * 10))
    stuffed = rated(tmp_path, " ".join(["Scalp micropigmentation in Vancouver is our work. " * 4, filler] * 10))
    assert "SEO212" not in {f["rule"] for f in fair["fixes"]} and fair["rating"]["seo"] == "good"
    assert stuffed["rating"]["seo"] != "good"  # 40 uses in 600 words: far over 3.5 %, -50 as in Yoast


def rated_by(rule_id: str | list[str], body: str, keyphrase: str | None = "Vancouver scalp micropigmentation",
             title: str = "Vancouver scalp micropigmentation") -> dict:
    """The rating of a post checked by these rules alone (SEO: the share of 9 their findings score)."""
    from smpseo.checks import run_rules
    from smpseo.sources.readers.markdown import parse_markdown

    text = f"---\ntitle: {title}\n---\n\n" + body
    result = run_rules([parse_markdown(text, "draft.md")], [], EXAMPLE_CONFIG, keyphrase,
                       [rule_id] if isinstance(rule_id, str) else rule_id)
    return {"rules": [f.rule for f in result.findings], **result.posts[0]["rating"]}


def test_the_keyphrase_left_out_of_most_of_the_text_scores_as_yoast_scores_it():
    intro = "Vancouver scalp micropigmentation is our only work. "
    rest = "We plan each visit with care. "
    assert rated_by("SEO213", (intro + rest * 4) * 4)["seo"] == "good"  # at most 4 of 20 sentences without it
    assert rated_by("SEO213", intro + rest * 3 + intro + rest * 8 + intro + rest * 6)["seo"] == "ok"  # 40 %: 6
    assert rated_by("SEO213", intro + rest * 20) == {"rules": ["SEO213"], "seo": "poor", "readability": "good"}
    assert rated_by("SEO213", rest * 20)["seo"] == "poor"  # never there: 1, as Yoast scores it


def test_top_fixes_rank_by_what_fixing_the_rule_gains_one_per_rule():
    found = [finding("SEO220", 2, "info", "No link to another site"),
             finding("RD101", 9, message="Sentence has 31 words"), finding("RD101", 12, message="Sentence has 25"),
             finding("SEO206", 1, "error", "No meta description"), finding("SEO204", 3, "info", "Slug")]
    fixes = top_fixes(found, RULES)
    # no fix moves a rating from one step to the next: the points they gain (3 readability points, then SEO's
    # 8 + 6 of 9 per assessment, then 6)
    assert [(f["rule"], f["line"], f["message"]) for f in fixes] == [
        ("RD101", 9, "Sentence has 31 words (and 1 more like it)"),
        ("SEO206", 1, "No meta description"),
        ("SEO220", 2, "No link to another site"),
    ]


def test_the_fix_that_moves_the_rating_comes_first_whatever_its_findings_severity():
    """A draft's 56 passive sentences (28 %, red: 3 points) are each an `info` finding: its top three were a
    repeated sentence start, a long text without a subheading and the missing image, while making the sentences
    active is what moves its readability most."""
    passive = [finding("RD104", line, "info", "Passive voice") for line in range(10, 66)]
    rest = [finding("RD103", 84, message="306 words without a subheading"),
            finding("RD106", 96, message="3 sentences start with 'Scalp'"), finding("SEO219", 1, message="No image")]
    grades = {"RD104": 3, "RD103": 6}  # red passive voice, an orange subheading distance
    assert rating(passive + rest, RULES, grades)["readability"] == "poor"  # 3 + 2 + 3 points
    # each readability fix makes it ok: the larger gains first, a warning before an info of the same worth
    assert [f["rule"] for f in top_fixes(passive + rest, RULES, grades=grades)] == ["RD106", "RD104", "RD103"]
    # with a paragraph too long instead of the repeated starts, only the active sentences make it good
    rest = [rest[0], finding("RD102", 30, message="Paragraph of 180 words"), rest[2]]
    fixes = top_fixes(passive + rest, RULES, grades={**grades, "RD102": 6})
    assert fixes[0]["rule"] == "RD104" and fixes[0]["message"] == "Passive voice (and 55 more like it)"


def test_check_results_carry_a_rating_and_fixes_per_post():
    result = smpseo.check(smpseo.load_posts(WELL_WRITTEN), EXAMPLE_CONFIG)
    (post,) = result.posts
    assert post["rating"] == {"seo": "good", "readability": "good"}
    assert post["fixes"] == []


def test_check_json_has_the_rating_of_every_post(tmp_path, capsys, monkeypatch):
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "a.md").write_text("---\ntitle: What is SMP?\n---\n\nSMP is a hair tattoo.\n",
                                             encoding="utf-8")
    (tmp_path / "smpseo.toml").write_text('[keywords]\ntargets = ["scalp micropigmentation"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "--format", "json", "posts"])
    data = json.loads(capsys.readouterr().out)
    (post,) = data["posts"]
    assert set(post["rating"]) == {"seo", "readability"}
    assert all(v in ("good", "ok", "poor") for v in post["rating"].values())
    # no keyphrase, no good SEO rating (as Yoast): setting one is worth most
    assert [f["rule"] for f in post["fixes"]][:2] == ["SEO201", "RD107"]
    assert data["settings"] == "smpseo.toml" or data["settings"].endswith("smpseo.toml")


def test_readability_counts_a_near_miss_orange_and_a_far_one_red():
    long_ = ("Scalp micropigmentation is a cosmetic treatment in which an artist puts tiny dots of pigment into the scalp "
             "to look like the shadow of shaved hair on a head. ")
    passive, short = "The pigment is set in the skin. ", "We talk it through with you first. "
    # 4 of 15 sentences long (27 %: orange, 2 points) and 2 of 15 passive (13 %: orange, 2): 4 points, good
    near = rated_by(["RD101", "RD104"], long_ * 4 + passive * 2 + short * 9)
    assert set(near["rules"]) == {"RD101", "RD104"} and near["readability"] == "good"
    # 8 of 15 long (53 %: red, 3) and the same passive voice: 5 points, ok
    assert rated_by(["RD101", "RD104"], long_ * 8 + passive * 2 + short * 5)["readability"] == "ok"


def test_a_post_with_no_keyphrase_at_all_is_rated_poor_as_yoast_rates_it():
    rules = ["SEO201", "SEO216", "SEO217"]
    body = "We talk it through with you first. " * 5
    none = rated_by(rules, body, keyphrase=None, title="Our studio")  # no target written: nothing to infer
    assert none == {"rules": ["SEO201"], "seo": "poor", "readability": "good"}
    inferred = rated_by(rules, "Scalp micropigmentation in Vancouver. " + body, keyphrase=None, title="Our studio")
    assert inferred["rules"] == ["SEO201"] and inferred["seo"] == "good"  # (3 + 9 + 9) / 27: checked with its target
