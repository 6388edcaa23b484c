"""The engine around the rules: settings from [rules], per-post suppression, the result's shape."""

from __future__ import annotations

import dataclasses
import json

import pytest

import smpseo
from smpseo.checks import EXAMPLE_CONFIG, RULES
from smpseo.checks.engine import resolve_settings
from smpseo.core.settings import ConfigError, config_from_dict
from smpseo.sources.readers.markdown import parse_markdown

LONG = ("Scalp micropigmentation is a cosmetic treatment in which tiny dots of pigment are placed in the scalp to "
        "look like the shadow of shaved hair on a head that has none.")


def post(text: str, name: str = "p.md"):
    return parse_markdown(text, name)


def config(rules: dict):
    return dataclasses.replace(EXAMPLE_CONFIG, rules=rules)


def rd101(result):
    return [f for f in result.findings if f.rule == "RD101"]


def test_defaults():
    (f,) = rd101(smpseo.check([post(LONG)], EXAMPLE_CONFIG))
    assert f.severity == "warning" and f.category == "readability"
    assert f.message == "Sentence has 31 words (max 20); 1 of 1 sentences are this long (100%, max 25%)"
    assert (f.line, f.column) == (1, 1)
    assert f.hint


@pytest.mark.parametrize("limit", [20, 25, 40])
def test_the_long_sentence_share_and_the_rule_use_one_limit(limit):
    """The metrics' share of long sentences counts exactly the sentences RD101 flags, whatever `[rules]` sets."""
    text = LONG + " Short one here. " + " ".join(["Word"] * 22) + "."
    result = smpseo.check([post(text)], config({"RD101": {"max_words": limit}}))
    flagged = len(rd101(result))
    share = result.posts[0]["metrics"]["long_sentences_pct"]
    assert share == round(100 * flagged / 3, 1)
    rows = smpseo.analyze([post(text)], config({"RD101": {"max_words": limit}}))
    assert rows["long_sentences_pct"].tolist() == [share]


def test_threshold_and_severity_from_config():
    (f,) = rd101(smpseo.check([post(LONG)], config({"RD101": {"max_words": 25, "severity": "info"}})))
    assert f.severity == "info" and "(max 25)" in f.message
    assert not rd101(smpseo.check([post(LONG)], config({"RD101": {"max_words": 31}})))


def test_a_very_long_sentence_is_one_finding_whichever_rule_lists_it():
    """RD109 lists a sentence of more than 40 words among short ones (RD101's share is within its limit, so
    RD101, like Yoast, says nothing); where RD101 lists it, RD109 yields: one finding at one place."""
    very_long = LONG[:-1] + ", and it takes a few hours a session over two or three sessions a week or so apart."
    short = "SMP is quick. It looks real. You can book a chat today. Most people heal in a few days. "
    alone = smpseo.check([post(short * 3 + very_long)], EXAMPLE_CONFIG)
    assert [(f.rule, f.message) for f in alone.findings if f.rule in ("RD101", "RD109")] == [
        ("RD109", "Sentence has 49 words (max 40)")]
    among_long = smpseo.check([post(very_long + " " + LONG)], EXAMPLE_CONFIG)
    assert [(f.rule, f.column) for f in among_long.findings if f.rule in ("RD101", "RD109")] == [
        ("RD101", 1), ("RD101", 249)]
    rd101_off = smpseo.check([post(very_long + " " + LONG)], config({"RD101": "off"}))
    assert [(f.rule, f.column) for f in rd101_off.findings if f.rule in ("RD101", "RD109")] == [("RD109", 1)]
    assert alone.posts[0]["rating"] == smpseo.check([post(short * 3 + LONG)], EXAMPLE_CONFIG).posts[0]["rating"]


@pytest.mark.parametrize("setting", ["off", {"enabled": False}])
def test_rule_off(setting):
    assert not rd101(smpseo.check([post(LONG)], config({"RD101": setting})))


def test_rule_by_name_and_severity_shorthand():
    (f,) = rd101(smpseo.check([post(LONG)], config({"long-sentence": "error"})))
    assert f.severity == "error"


def test_category_off():
    result = smpseo.check([post(LONG)], config({"readability": "off"}))
    assert not [f for f in result.findings if f.category == "readability"]
    assert [f for f in result.findings if f.category != "readability"]


@pytest.mark.parametrize(
    ("rules", "fragment"),
    [
        ({"RD999": "off"}, "unknown rule 'RD999'"),
        ({"RD101": {"max_wrds": 3}}, "unknown setting 'RD101.max_wrds'"),
        ({"RD101": {"max_words": "many"}}, "RD101.max_words must be int"),
        ({"RD101": {"severity": "fatal"}}, "RD101.severity"),
        ({"RD101": "loud"}, "RD101 = 'loud'"),
        ({"readability": "maybe"}, "readability"),
    ],
)
def test_bad_settings_are_config_errors_naming_the_key(rules, fragment):
    with pytest.raises(ConfigError) as err:
        smpseo.check([post(LONG)], config(rules))
    assert fragment in str(err.value)


def test_float_threshold_accepts_int():
    settings = resolve_settings({"SEO212": {"max_percent": 4}})
    assert settings["SEO212"].thresholds["max_percent"] == 4


def test_rules_table_in_toml_loads():
    cfg = config_from_dict({"rules": {"RD101": {"max_words": 25}, "RD104": "off"}}, "smpseo.toml")
    settings = resolve_settings(cfg.rules)
    assert settings["RD101"].thresholds["max_words"] == 25 and not settings["RD104"].enabled


@pytest.mark.parametrize("disable", ["[RD101]", "[long-sentence]", "[readability]", "RD101, SEO206"])
def test_per_post_suppression(disable):
    text = f"---\ntitle: A post\nsmpseo:\n  disable: {disable}\n---\n\n{LONG}\n"
    assert not rd101(smpseo.check([post(text)], EXAMPLE_CONFIG))
    other = smpseo.check([post(text), post(f"---\ntitle: B\n---\n\n{LONG}\n", "q.md")], EXAMPLE_CONFIG)
    assert [f.path for f in rd101(other)] == ["q.md"]


def test_a_typo_in_a_posts_rule_switch_is_one_warning_at_its_line(tmp_path, monkeypatch, capsys):
    """What a post's `smpseo:` block names that no rule answers to (a typo: `SEO2l3`, a key `disabel`) turns nothing
    off: one warning each, naming the file and the line of the word at fault; the post is still checked with the
    rule on, and a warning does not change the status."""
    from smpseo.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(f"---\ntitle: A post\nsmpseo:\n  disable:\n    - RD101\n    - long-sentenc\n"
                                   f"  disabel: [RD104]\n---\n\n{LONG}\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"+++\ntitle = 'B'\n[smpseo]\ndisable = 'locl, rd101'\n+++\n\n{LONG}\n",
                                   encoding="utf-8")
    (tmp_path / "c.md").write_text(f"---\ntitle: C\nsmpseo: off\n---\n\n{LONG}\n", encoding="utf-8")
    (tmp_path / "d.md").write_text(f"---\ntitle: D\nsmpseo: {{disable: 5}}\n---\n\n{LONG}\n", encoding="utf-8")
    assert main(["check", ".", "--exit-zero", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        "a.md:6: warning: unknown rule 'long-sentenc' in smpseo: disable (did you mean long-sentence?); it is not "
        "turned off",
        "a.md:7: warning: unknown key 'disabel' in smpseo (known: disable); ignored",
        "b.md:4: warning: unknown rule 'locl' in smpseo: disable (did you mean local?); it is not turned off",
        "b.md:4: warning: unknown rule 'rd101' in smpseo: disable (did you mean RD101?); it is not turned off",
        "c.md:3: warning: 'smpseo' should be a mapping such as {disable: [RD101]}, not bool; ignored",
        "d.md:3: warning: 'smpseo: disable' should be a list of rule ids, names or categories, not int; ignored"]
    checked = {(f["path"], f["rule"]) for f in json.loads(out)["findings"]}
    assert ("a.md", "RD101") not in checked and {("b.md", "RD101"), ("c.md", "RD101"), ("d.md", "RD101")} <= checked
    # posts read without their file's lines (a library call): the line of `smpseo:`
    result = smpseo.check([post("---\ntitle: A\nsmpseo: {disable: [SEO2l3]}\n---\n\nText.\n")], EXAMPLE_CONFIG)
    assert [(e.path, e.line, e.severity) for e in result.errors] == [("p.md", 3, "warning")]
    assert "'SEO2l3'" in result.errors[0].message and "SEO213" in result.errors[0].message


def test_inferred_keyphrase_findings_are_info_and_say_so():
    text = "---\ntitle: Aftercare tips\n---\n\nKeep it dry. Scalp micropigmentation heals fast.\n"
    result = smpseo.check([post(text)], EXAMPLE_CONFIG, rules=["SEO201", "SEO203"])
    rules = {f.rule: f for f in result.findings}
    assert "the target this post mentions most" in rules["SEO201"].message
    assert rules["SEO203"].severity == "info" and "inferred" in rules["SEO203"].message


def test_keyphrase_option_overrides_front_matter():
    text = "---\ntitle: Aftercare tips\nkeyphrase: aftercare tips\n---\n\nKeep it dry.\n"
    result = smpseo.check([post(text)], EXAMPLE_CONFIG, keyphrase="hair transplant", rules=["SEO203"])
    (f,) = result.findings
    assert "'hair transplant'" in f.message and f.severity == "warning"


def test_result_schema_and_frames(tmp_path):
    good = tmp_path / "a.md"
    good.write_text(f"---\ntitle: Scalp micropigmentation\n---\n\n{LONG}\n", encoding="utf-8")
    bad = tmp_path / "b.md"
    bad.write_text("---\ntitle: [unclosed\n---\n\nText.\n", encoding="utf-8")
    result = smpseo.check([str(good), str(bad)], EXAMPLE_CONFIG)
    data = json.loads(json.dumps(result.to_dict()))
    assert set(data) >= {"findings", "posts", "errors", "coverage", "keyphrases", "opportunities"}
    assert set(data["findings"][0]) == {"path", "line", "column", "rule", "category", "severity", "message",
                                        "match", "hint"}
    assert data["posts"][0]["path"] == str(good) and "metrics" in data["posts"][0]
    assert data["errors"][0]["path"] == str(bad) and data["errors"][0]["message"]
    assert {f["category"] for f in data["findings"]} <= {"readability", "seo", "local", "site"}
    assert {f["severity"] for f in data["findings"]} <= {"error", "warning", "info"}
    assert result.summary()["errors"] == 1
    assert list(result.findings_frame().columns)[:4] == ["path", "line", "column", "rule"]
    assert len(result.coverage_frame()) == len(EXAMPLE_CONFIG.targets)


def test_check_accepts_a_folder_and_rules_registry():
    assert all(r.examples for r in smpseo.rules())
    assert [r.id for r in smpseo.rules()] == sorted(RULES)


def test_analyze_returns_a_frame(tmp_path):
    (tmp_path / "a.md").write_text(f"---\ntitle: T\n---\n\n{LONG}\n", encoding="utf-8")
    frame = smpseo.analyze(str(tmp_path), EXAMPLE_CONFIG)
    assert frame.shape[0] == 1
    assert {"words", "flesch_reading_ease", "passive_pct", "kw: scalp micropigmentation", "top_terms"} <= set(frame)
    assert frame.loc[0, "kw: scalp micropigmentation"] == 1


def test_posts_sharing_a_file_are_named_file_and_slug():
    a = post(f"---\ntitle: A\nslug: first\n---\n\n{LONG}\n", "export.xml")
    b = post(f"---\ntitle: B\nslug: second\n---\n\n{LONG}\n", "export.xml")
    result = smpseo.check([a, b], EXAMPLE_CONFIG)
    assert [p["path"] for p in result.posts] == ["export.xml#first", "export.xml#second"]
    assert {f.path for f in rd101(result)} == {"export.xml#first", "export.xml#second"}
    assert set(result.keyphrases) == {"export.xml#first", "export.xml#second"}


def test_wordpress_export_is_checked():
    from .conftest import shared

    path = shared("corpora", "wordpress-theme-test-data", "theme-preview.xml")
    result = smpseo.check(str(path), EXAMPLE_CONFIG)
    assert len(result.posts) > 1 and not result.summary()["errors"]
    assert len({p["path"] for p in result.posts}) == len(result.posts)


def test_inline_suppression_of_one_line(tmp_path):
    text = (f"---\ntitle: A post\n---\n\n<!-- smpseo-disable-next-line RD101 -->\n{LONG}\n\n{LONG} "
            f"<!-- smpseo-disable-line passive-voice -->\n\n{LONG}\n")
    path = tmp_path / "p.md"
    path.write_text(text, encoding="utf-8")
    result = smpseo.check(str(path), EXAMPLE_CONFIG, rules=["RD101", "RD104"])
    lines = text.split("\n")
    long_at = [i + 1 for i, line in enumerate(lines) if line.startswith(LONG)]
    assert [f.line for f in result.findings if f.rule == "RD101"] == long_at[1:]
    assert [f.line for f in result.findings if f.rule == "RD104"] == [long_at[0], long_at[2]]


def test_a_typo_in_an_inline_switch_is_one_warning_at_its_line(tmp_path, monkeypatch, capsys):
    """An inline switch naming a rule no rule answers to (`RD1O4`), a switch mistyped (`smpseo-disable-nextline`,
    in capitals) or not closed on its line turns nothing off: one warning each at the comment's line, with the name
    meant; the post is still checked with the rule on, and a warning does not change the status. `all` turns every
    rule off, as in front matter."""
    from smpseo.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(
        f"---\ntitle: A post\n---\n\n<!-- smpseo-disable-next-line RD1O4 -->\n{LONG}\n\n"
        f"{LONG} <!-- smpseo-disable-line long-sentenc, RD104 -->\n\n<!-- smpseo-disable-nextline RD101 -->\n{LONG}\n\n"
        f"<!-- SMPSEO-DISABLE-LINE -->\n{LONG} <!-- smpseo-disable-line all -->\n<!-- smpseo-disable-line-->\n\n"
        f"<!-- smpseo-disable-next-line RD101\n-->\n", encoding="utf-8")
    assert main(["check", ".", "--select", "RD101,RD104", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        "a.md:5: warning: unknown rule 'RD1O4' in smpseo-disable-next-line (did you mean RD104?); it is not turned "
        "off",
        "a.md:8: warning: unknown rule 'long-sentenc' in smpseo-disable-line (did you mean long-sentence?); it is not "
        "turned off",
        "a.md:10: warning: unknown switch 'smpseo-disable-nextline' (did you mean smpseo-disable-next-line?); it "
        "turns nothing off",
        "a.md:13: warning: unknown switch 'SMPSEO-DISABLE-LINE' (did you mean smpseo-disable-line?); it turns "
        "nothing off",
        "a.md:17: warning: 'smpseo-disable-next-line' is not closed (-->) on its own line; it turns nothing off"]
    found = [(f["line"], f["rule"]) for f in json.loads(out)["findings"]]
    assert found == [(6, "RD101"), (6, "RD104"), (8, "RD101"), (11, "RD101"), (11, "RD104")]


def test_an_inline_switch_may_give_its_reason_after_two_dashes(tmp_path, monkeypatch, capsys):
    """`<!-- smpseo-disable-line RD104 -- the rhythm is meant -->`: the words after `--` are the reason, for the
    reader, not rules to turn off (as ESLint reads its comments)."""
    from smpseo.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(f"---\ntitle: A post\n---\n\n{LONG} <!-- smpseo-disable-line RD104 -- the rhythm "
                                   f"is meant, see the style guide -->\n", encoding="utf-8")
    assert main(["check", ".", "--select", "RD101,RD104", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and [(f["line"], f["rule"]) for f in json.loads(out)["findings"]] == [(5, "RD101")]


def test_one_typo_gives_one_finding():
    """A misspelt city is LOC305's; the misspelt-term rule leaves it alone, and still finds the brand's typo."""
    text = "Rob works at Advnaced Scalp Clinic in Vancover. Book a consultation."
    found = [(f.rule, f.match) for f in smpseo.check([post(text)], EXAMPLE_CONFIG).findings
             if f.match in ("Vancover", "Advnaced")]
    assert found == [("SEO215", "Advnaced"), ("LOC305", "Vancover")]


def test_rules_declared_as_kinds_say_so():
    """A rule declared as a kind's spec carries the kind's name, in the registry, in `to_dict()` and in the docs
    table; every other rule is "custom"."""
    from smpseo.checks import rules_markdown

    kinds = {rid: r.kind for rid, r in RULES.items() if r.kind != "custom"}
    assert kinds == {"RD102": "metric", "RD103": "metric", "RD107": "metric", "RD108": "metric", "RD109": "metric",
                     "SEO202": "metric", "SEO207": "metric", "SEO216": "metric",
                     "RD101": "share", "RD104": "share", "RD105": "share", "SEO210": "share",
                     "RD106": "repetition",
                     "SEO201": "required", "SEO206": "required", "SEO218": "required", "SEO219": "required",
                     "SEO220": "required", "LOC303": "required",
                     "SEO211": "occurrence", "SEO214": "occurrence", "SEO215": "occurrence", "SEO217": "occurrence",
                     "SEO222": "occurrence",
                     "LOC301": "consistency", "LOC302": "consistency", "LOC305": "consistency",
                     "LOC306": "consistency",
                     "SEO203": "placement", "SEO204": "placement", "SEO205": "placement", "SEO208": "placement",
                     "SEO221": "placement", "LOC304": "placement",
                     "SITE401": "duplicate", "SITE402": "duplicate", "SITE403": "duplicate", "SITE404": "duplicate"}
    assert len(kinds) >= 32, "most rules are short specs of a kind"
    assert RULES["RD107"].to_dict()["kind"] == "metric"
    assert "| RD107 | `short-text` | metric | warning |" in rules_markdown()


def test_a_title_of_one_long_word_is_cut_inside_it():
    """A title of one run of letters wider than a search result (no space to cut at) is shown cut inside the word,
    not as nothing ("it gets cut after ''"); a title of words is still cut at a word."""
    from smpseo.core.pixels import cut_to_width, text_width

    for title in ("A" * 10_000, "Scalpmicropigmentation" * 40 + " Vancouver"):
        result = smpseo.check([post(f"---\ntitle: {title}\n---\n\nText.\n")], EXAMPLE_CONFIG, rules=["SEO216"])
        (finding,) = result.findings
        shown = finding.message.split("it gets cut after ")[1].strip("'")
        assert shown and title.startswith(shown) and text_width(shown) <= 600 < text_width(shown + title[len(shown)])
    assert cut_to_width("Scalp micropigmentation in Vancouver " * 5, 600, ellipsis="").endswith(" micropigmentation in")


def test_posts_sharing_a_topic_are_searched_for_it_once_each(monkeypatch):
    """SITE406 searches each post once for a topic many posts share, not once per post that has it: a blog of
    thousands of posts on one topic was checked in time that grew with their square (counted, not timed)."""
    from smpseo.analysis.context import PostContext

    searched = []
    find = PostContext.find

    def counted(self, phrase, synonyms=False):
        searched.append(phrase.text)
        return find(self, phrase, synonyms)

    monkeypatch.setattr(PostContext, "find", counted)
    n = 40
    posts = [post(f"---\ntitle: Post {i} about scalp care\nslug: p{i}\n{'keyphrase: scalp care' if i % 2 else ''}\n"
                  f"---\n\nGood scalp care keeps skin calm. Scalp care matters after the sun.\n", f"p{i}.md")
             for i in range(n)]
    result = smpseo.check(posts, EXAMPLE_CONFIG, rules=["SITE406"])
    suggested = [f for f in result.findings if f.rule == "SITE406"]
    assert len(suggested) == n // 2 * 3  # the posts without the keyphrase, each pointed at the first three with it
    assert searched.count("scalp care") <= n


@pytest.mark.parametrize("sentence, found", [
    ("If you wait a week, the redness goes.", "if"), ("Whether it suits you depends on your skin.", "whether"),
    ("Either we book the crown first or we do the hairline.", "either ... or"),
    ("Neither the cream nor the spray numbs it fully.", "nor"),  # "nor" alone is one in Yoast's list too
    ("Both the crown and the hairline take two sessions.", "both ... and"),
    ("The crown takes two sessions.", None), ("Or either one.", None),  # a pair's parts in its order only
    # the rest of Yoast's English list, "e.g." and "i.e." read as the text is
    ("Keep the scalp dry from now on.", "from now on"), ("Sun and sweat all at once fade it.", "all at once"),
    ("Pick a soft shade, e.g. charcoal.", "e.g"), ("In this case, wait a week.", "in this case"),
])
def test_transition_words_count_conditions_and_two_part_pairs_as_yoast_does(sentence, found):
    from smpseo.core.language import find_phrase

    assert find_phrase("transition_words", sentence) == found


def test_a_post_of_no_text_has_no_image_as_yoast_counts_it():
    (f,) = [f for f in smpseo.check([post("---\ntitle: Soon\n---\n\n## Coming soon\n")], EXAMPLE_CONFIG).findings
            if f.rule == "SEO219"]
    assert (f.line, f.message) == (1, "The post has no image")
