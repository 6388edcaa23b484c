"""summary.json read into the typed records the report views take: the same data back, key for key; a damaged
summary is one error that names the file and the field."""

from __future__ import annotations

import json
import shutil

import pytest

from smpseo.app.report.load import summary_from_data
from smpseo.app.report.monthly import monthly_report
from smpseo.model.summary import PostFigures, Summary, Traffic

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """A month's summary.json as a run writes it, with traffic per post."""
    site = tmp_path_factory.mktemp("site")
    shutil.copytree(FIXTURES / "hugo", site / "hugo")
    path = site / "2026-10" / "summary.json"
    path.parent.mkdir()
    monthly_report("2026-10", posts=site / "hugo" / "content",
                   pages=FIXTURES / "searchconsole" / "Pages-compare.csv", summary_path=path)
    return path


def test_a_written_summary_reads_back_to_the_same_data(written):
    data = json.loads(written.read_text(encoding="utf-8"))
    summary = summary_from_data(data, written)
    assert isinstance(summary, Summary) and isinstance(summary.posts[0], PostFigures)
    assert isinstance(summary.traffic, Traffic) and summary.traffic.gained == ("first",)
    assert json.dumps(summary.to_dict()) == json.dumps(data)  # the same keys, in the same order


def test_the_report_holds_the_summary_it_wrote(written, tmp_path):
    report = monthly_report("2026-10", posts=written.parent.parent / "hugo" / "content",
                            pages=FIXTURES / "searchconsole" / "Pages-compare.csv")
    again = report.write_summary(tmp_path / "summary.json")
    mine, theirs = json.loads(again.read_text()), json.loads(written.read_text())
    mine.pop("generated_at"), theirs.pop("generated_at")
    assert mine == theirs


@pytest.mark.parametrize(("damage", "problem"), [
    (lambda d: d["posts"][0].update(words="many"), "posts[0].words is 'many', not a whole number"),
    (lambda d: d["totals"].update(flesch_reading_ease="hard"), "totals.flesch_reading_ease is 'hard', not a number"),
    (lambda d: d["findings"].append({"rule": 7}), "findings[{n}].rule is 7, not a string"),
    (lambda d: d["available"].update(gaps="yes"), "available.gaps is 'yes', not true or false"),
    (lambda d: d["traffic"]["posts"][0].pop("slug"), "traffic.posts[0] has no 'slug'"),
    (lambda d: d.update(gap_counts={"missing": "3"}), "'gap_counts' is not a mapping of counts"),
    (lambda d: d.update(read_errors=[{"path": "a.md"}]), "read_errors[0] has no 'message'"),
])
def test_a_damaged_summary_is_one_error_naming_the_file_and_the_field(written, damage, problem):
    data = json.loads(written.read_text(encoding="utf-8"))
    n = len(data["findings"])
    damage(data)
    with pytest.raises(ValueError) as caught:
        summary_from_data(data, written)
    assert str(caught.value) == f"{written}: damaged summary.json: {problem.format(n=n)}"


def test_an_older_summary_without_the_newer_fields_still_reads():
    summary = summary_from_data({"month": "2025-01", "posts": [{"slug": "a", "title": "A", "words": 10}],
                                 "totals": {"posts": 1, "words": 10}}, "old/summary.json")
    assert summary.totals.published is None and summary.traffic is None and summary.site == ""
    assert summary.posts[0].flesch_reading_ease is None and summary.gap_count("missing") == 0


def test_an_earlier_summary_damaged_inside_costs_only_the_comparison(written, tmp_path):
    data = json.loads(written.read_text(encoding="utf-8"))
    data["month"] = "2026-09"
    data["posts"][0]["words"] = "many"
    (tmp_path / "2026-09").mkdir()
    (tmp_path / "2026-09" / "summary.json").write_text(json.dumps(data), encoding="utf-8")
    report = monthly_report("2026-10", posts=written.parent.parent / "hugo" / "content", reports_dir=tmp_path)
    assert report.previous is None and report.changes.previous_month is None
    [note] = [e for e in report.summary.read_errors if "earlier summary not compared" in e.message]
    assert note.path == str(tmp_path / "2026-09" / "summary.json") and "posts[0].words" in note.message


def test_report_views_take_typed_results_and_leave_the_registry_and_files_alone():
    """The report views import only the model, the core and other views: no rule registry, no summary file."""
    import ast

    from .conftest import ROOT

    views = ROOT / "smpseo" / "views"
    for name in ("charts", "digest", "faq", "html", "monthly", "notebook", "prepublish", "rating", "snippet",
                 "traffic"):
        tree = ast.parse((views / f"{name}.py").read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        assert not {m for m in imported if m.startswith(("smpseo.checks", "smpseo.app"))}, name
        calls = {node.func.attr for node in ast.walk(tree)
                 if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)}
        assert not calls & {"read_text", "read_bytes", "open"}, name


def test_a_post_dated_after_the_month_is_left_out_of_its_report(tmp_path):
    """A draft saved without `draft: true`, dated 28 November, was counted in October's report ("from 9 posts") and
    its gaps suggestions pointed at it."""
    posts = tmp_path / "posts"
    shutil.copytree(FIXTURES / "report_posts", posts)
    before = monthly_report("2026-10", posts=posts)
    (posts / "new-draft.md").write_text("---\ntitle: What SMP costs in November\ndate: 2026-11-28\n---\n\n"
                                        "SMP costs between two and four thousand dollars.\n", encoding="utf-8")
    after = monthly_report("2026-10", posts=posts)
    assert after.summary.to_dict()["posts"] == before.summary.to_dict()["posts"]
    assert any("1 post dated after October 2026 left out of its report" in e["message"]
               for e in after.summary.to_dict()["read_errors"])
    assert len(monthly_report("2026-11", posts=posts).summary.to_dict()["posts"]) == \
        len(before.summary.to_dict()["posts"]) + 1


@pytest.mark.parametrize("given, read", [(False, False), ("false", False), ("False", False), ("no", False), ("0", False),
                                          (True, True), ("true", True), ("yes", True), (1, True)])
def test_a_notebook_s_on_off_parameter_given_as_text_reads_as_meant(given, read):
    """papermill hands `-p drafts false` over as the text "false", which Python reads as true."""
    from smpseo.app.report.parameters import switch

    assert switch(given, "drafts") is read


def test_a_notebook_s_on_off_parameter_that_is_neither_is_said():
    from smpseo.app.report.parameters import switch

    with pytest.raises(TypeError, match="drafts must be true or false, not 'maybe'"):
        switch("maybe", "drafts")
