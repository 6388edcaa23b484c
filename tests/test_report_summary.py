"""summary.json figures and the month-to-month comparison, on real posts and on hand-made summaries."""

import json
import re
from pathlib import Path

import pytest

from smpseo.app.report.monthly import monthly_report
from smpseo.app.report.summary import compare, finding_key, load_summary, todo

FIXTURES = Path(__file__).parent / "fixtures"
POSTS = FIXTURES / "report_posts"


def _summary(month, posts, findings=(), gaps=()):
    findings = [dict(f, key=finding_key(f)) for f in findings]
    return {"month": month, "available": {"findings": True, "coverage": True, "gaps": True},
            "totals": {"posts": len(posts), "flesch_reading_ease": 60.0, "findings": len(findings)},
            "posts": posts, "findings": findings, "gaps": list(gaps), "read_errors": []}


def _post(slug, ease=60.0, words=100, findings=0):
    return {"slug": slug, "path": f"{slug}.md", "title": slug.title(), "words": words,
            "flesch_reading_ease": ease, "grade": 8.0, "findings": findings}


def test_monthly_report_figures_from_real_posts(tmp_path):
    out = tmp_path / "summary.json"
    report = monthly_report("2026-10", posts=POSTS, summary_path=out)
    written = json.loads(out.read_text())
    assert written == json.loads(json.dumps(report.summary.to_dict(), default=str))
    assert written["month"] == "2026-10"
    assert written["totals"]["posts"] == 3
    assert written["totals"]["published"] == 1  # only smp-for-women is dated October 2026
    slugs = [p["slug"] for p in written["posts"]]
    assert slugs == sorted(slugs) and "does-smp-hurt" in slugs
    post = next(p for p in written["posts"] if p["slug"] == "how-long-does-smp-last")
    assert post["path"] == "how-long-does-smp-last.md"  # relative to the posts folder, portable
    assert post["words"] > 80 and 0 < post["flesch_reading_ease"] < 100
    assert written["totals"]["words"] == sum(p["words"] for p in written["posts"])
    assert report.changes.previous_month is None


def test_a_post_whose_file_name_is_not_utf8_is_in_the_summary_escaped(tmp_path):
    import os
    import shutil

    posts = tmp_path / "posts"
    shutil.copytree(POSTS, posts)
    name = os.fsdecode(b"caf\xe9.md")
    (posts / name).write_text("# Caf\n\nScalp micropigmentation lasts for years.\n", encoding="utf-8")
    out = tmp_path / "summary.json"
    monthly_report("2026-10", posts=posts, summary_path=out)
    assert "caf\\udce9.md" in out.read_text(encoding="utf-8")
    assert name in [p["path"] for p in load_summary(out)["posts"]]


def test_previous_summary_found_in_the_reports_folder(tmp_path):
    (tmp_path / "2026-09").mkdir()
    previous = _summary("2026-09", [_post("does-smp-hurt", ease=40.0)])
    (tmp_path / "2026-09" / "summary.json").write_text(json.dumps(previous))
    report = monthly_report("2026-10", posts=POSTS, reports_dir=tmp_path)
    assert report.changes.previous_month == "2026-09"
    assert {p.slug for p in report.changes.new_posts} == {"how-long-does-smp-last", "smp-for-women"}
    delta = next(d for d in report.changes.score_deltas if d.metric == "flesch_reading_ease")
    assert delta.before == 40.0 and delta.improved is True


def test_compare_findings_by_rule_post_and_text_not_line():
    moved = {"rule": "long-sentence", "slug": "a", "path": "a.md", "line": 9, "message": "m", "match": "x y z"}
    fixed = {"rule": "passive", "slug": "a", "path": "a.md", "line": 3, "message": "m", "match": "was done"}
    new = {"rule": "nap-phone", "slug": "b", "path": "b.md", "line": 2, "message": "phone", "match": "778 917"}
    gone = {"rule": "passive", "slug": "c", "path": "c.md", "line": 2, "message": "m", "match": "was seen"}
    before = _summary("2026-09", [_post("a", ease=50.0), _post("c")], [dict(moved, line=4), fixed, gone])
    after = _summary("2026-10", [_post("a", ease=62.5), _post("b")], [moved, new])
    changes = compare(before, after)
    assert [f["rule"] for f in changes["fixed_findings"]] == ["passive"]  # c.md's finding left with its post
    assert [f["rule"] for f in changes["new_findings"]] == ["nap-phone"]
    assert [p["slug"] for p in changes["new_posts"]] == ["b"]
    assert [p["slug"] for p in changes["removed_posts"]] == ["c"]
    (delta,) = [d for d in changes["score_deltas"] if d["slug"] == "a" and d["metric"] == "flesch_reading_ease"]
    assert (delta["before"], delta["after"], delta["delta"], delta["improved"]) == (50.0, 62.5, 12.5, True)


def test_compare_counts_repeated_findings():
    f = {"rule": "passive", "slug": "a", "path": "a.md", "line": 3, "message": "m", "match": "was done"}
    before = _summary("2026-09", [_post("a")], [f, dict(f, line=8)])
    after = _summary("2026-10", [_post("a")], [f])
    assert len(compare(before, after)["fixed_findings"]) == 1


def test_compare_gap_status_changes():
    before = _summary("2026-09", [], gaps=[{"id": "pain", "question": "Does SMP hurt?", "status": "missing"}])
    after = _summary("2026-10", [], gaps=[{"id": "pain", "question": "Does SMP hurt?", "status": "answered"}])
    assert compare(before, after)["gap_changes"] == [
        {"id": "pain", "question": "Does SMP hurt?", "before": "missing", "after": "answered", "post": "",
         "slug": "", "section": "", "post_changed": None}]  # a summary of no post digests: not known


def test_a_status_moved_by_new_posts_around_an_unchanged_post_is_not_its_progress(tmp_path):
    """Each passage is measured against the blog's other posts, so adding a post moves the statuses that rest on
    posts nobody touched: those are said apart, as the blog around them changing, never as answers written."""
    from smpseo.views.monthly import changes

    sept = tmp_path / "sept"
    sept.mkdir()
    for name in ("does-smp-hurt.md", "how-long-does-smp-last.md"):
        (sept / name).write_bytes((POSTS / name).read_bytes())
    config = FIXTURES.parent.parent / "smpseo.toml"
    monthly_report("2026-09", posts=sept, config=config, summary_path=tmp_path / "sept.json")
    report = monthly_report("2026-10", posts=POSTS, config=config, previous=tmp_path / "sept.json")
    moved = {(g.id, g.before, g.after, g.post, g.post_changed) for g in report.changes.gap_changes}
    assert moved == {("side_effects", "partial", "missing", "does-smp-hurt.md", False),  # no word of it changed
                     ("women", "missing", "answered", "smp-for-women.md", True)}  # the new post: progress
    html = changes(report)._repr_html_()
    changed, around = html.split("<h4>FAQ topics whose post did not change (1)</h4>")
    assert "Does SMP work for women with thinning hair?" in changed.split("<h4>FAQ topics that changed</h4>")[1]
    side_effects = "What are the risks and side effects of SMP?"
    assert side_effects not in changed and side_effects in around
    assert ("This FAQ topic changed status, but the post and passage each rests on did not change: each passage "
            "is measured against the blog&#x27;s other posts, so the posts added or changed around it moved its "
            "status. Not the blog&#x27;s progress (or loss) on these questions.") in around


def test_todo_orders_errors_then_gaps_then_warnings_then_readability():
    error = {"rule": "SEO206", "name": "meta-description-missing", "severity": "error", "slug": "a",
             "path": "a.md", "line": 1, "message": "No meta description", "hint": "Add `description:`."}
    warning = {"rule": "RD101", "name": "long-sentence", "severity": "warning", "slug": "b", "path": "b.md",
               "line": 4, "message": "Sentence has 22 words (max 20)", "hint": "Split it in two."}
    summary = _summary("2026-10", [_post("a", ease=70.0), _post("b", ease=42.0)],
                       [warning, dict(warning, line=9), error, dict(error, slug="b", path="b.md")],
                       gaps=[{"id": "cost", "question": "How much does SMP cost?", "status": "partial", "priority": 1,
                              "impressions": 3940},
                             {"id": "pain", "question": "Does SMP hurt?", "status": "answered", "priority": 2},
                             {"id": "sun", "question": "Sun?", "status": "missing", "priority": 3}])
    items = todo(summary, compare(None, summary))
    assert [i["rank"] for i in items] == list(range(1, len(items) + 1))
    actions = [i["action"] for i in items]
    assert actions[0] == "Meta description missing: Add `description:`."  # one item for the rule, not per post
    assert "2 errors (SEO206) in 2 posts" in items[0]["why"]
    assert actions[1] == "Answer fully \u201cHow much does SMP cost?\u201d" and "3,940" in items[1]["why"]
    assert actions[2] == "Write a post answering \u201cSun?\u201d"  # answered topics are not to-dos
    assert actions[3] == "Long sentence: Split it in two." and "\u201cB\u201d" in items[3]["why"]
    assert actions[4].startswith("Simplify \u201cB\u201d")
    assert len(items) == 5


def test_load_summary_rejects_other_json(tmp_path):
    bad = tmp_path / "summary.json"
    bad.write_text('{"hello": 1}')
    with pytest.raises(ValueError, match="not an smpseo summary"):
        load_summary(bad)
    bad.write_text("{")
    with pytest.raises(ValueError, match="summary.json:1: not valid JSON"):
        load_summary(bad)


def test_missing_posts_folder_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="posts folder not found"):
        monthly_report("2026-10", posts=tmp_path / "nope")


def test_report_modules_import_light():
    """`smpseo --help` stays fast: the report code loads papermill, nbconvert, matplotlib... only when it runs."""
    import subprocess
    import sys

    code = ("import sys, smpseo.cli, smpseo.app.report, smpseo.cli.report, smpseo.views.notebook; "
            "smpseo.cli.build_parser(); "
            "print(sorted(m for m in ('papermill', 'nbconvert', 'nbformat', 'jupyter_client', 'matplotlib', "
            "'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_todo_makes_room_for_every_kind_of_warning_before_it_is_full():
    """A title too wide or a phone written another way in one post is a quick fix: it is listed after the kinds found
    in most posts while the list has room, not left out behind the first three."""
    def warning(rule: str, slugs: list[str]) -> list[dict]:
        return [{"rule": rule, "name": rule.lower(), "severity": "warning", "slug": s, "path": f"{s}.md", "line": 1,
                 "message": f"{rule} here", "hint": f"Fix {rule}."} for s in slugs]

    findings = (warning("SITE405", ["a", "b", "c"]) + warning("SEO212", ["a", "b", "c"]) + warning("RD101", ["a", "b"])
                + warning("SEO216", ["a"]) + warning("LOC301", ["b"]) + warning("SEO211", ["c"]))
    summary = _summary("2026-10", [_post("a"), _post("b"), _post("c")], findings)
    rules = [re.search(r"\((SEO|SITE|RD|LOC)\d+", i["why"]).group(0)[1:] for i in todo(summary)]
    assert rules == ["SEO212", "SITE405", "RD101", "LOC301", "SEO211", "SEO216"]
