"""Results shown as the last line of a notebook cell: rich, escaped HTML for check and gaps; analyze's DataFrame."""

from __future__ import annotations

import smpseo
from smpseo.model.gaps import GapReport, TopicResult
from smpseo.model.results import CheckResult, Finding

from .conftest import CLINIC_CONFIG, CLINIC_POSTS


def test_check_result_renders_summary_and_escaped_findings():
    nasty = Finding("posts/a.md", 3, 4, "RD101", "readability", "warning", "<script>alert(1)</script> & co")
    html = CheckResult(findings=[nasty], posts=[{"path": "posts/a.md"}])._repr_html_()
    assert "1 finding (0 error, 1 warning, 0 info) in 1 post<" in html
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    assert "<td style=\"text-align:left\">RD101</td>" in html


def test_long_results_say_how_many_rows_are_not_shown():
    findings = [Finding("p.md", i, 1, "RD101", "readability", "info", "m") for i in range(1, 61)]
    assert "10 more rows: see findings_frame()." in CheckResult(findings=findings)._repr_html_()


def test_gap_report_renders_topics():
    report = GapReport([TopicResult("pain", "Does SMP <hurt>?", "missing", 0.1, priority=1)], posts=8)
    html = report._repr_html_()
    assert "1 FAQ topic over 8 posts: 0 answered, 0 partial, 1 missing" in html and "Does SMP &lt;hurt&gt;?" in html


def test_real_results_render():
    result = smpseo.check(str(CLINIC_POSTS), config=str(CLINIC_CONFIG))
    assert result._repr_html_().count("<tr>") == min(len(result.findings), 50) + 1
    assert hasattr(smpseo.analyze(str(CLINIC_POSTS)), "_repr_html_")  # a DataFrame


def test_analyze_in_a_notebook_says_what_it_could_not_read(tmp_path):
    import shutil

    import pytest

    from smpseo.app.analyze import UnreadPosts

    shutil.copy(CLINIC_POSTS / "what-is-smp.md", tmp_path / "good.md")
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02\x03 not text")
    with pytest.warns(UnreadPosts, match=r"gone.md: error: no such file or folder \(and 1 more"):
        frame = smpseo.analyze([str(tmp_path / "good.md"), str(tmp_path / "binary.md"), str(tmp_path / "gone.md")])
    assert list(frame["slug"]) == ["what-is-smp"]
    assert sorted(str(e).split(": ")[0].rsplit("/", 1)[-1] for e in frame.attrs["errors"]) == ["binary.md",
                                                                                              "gone.md"]


def test_gap_report_counts_topics_marked_not_relevant_and_names_what_was_not_read(tmp_path):
    from smpseo.model.post import ReadError

    topics = [TopicResult("pain", "Does SMP hurt?", "missing", 0.1, priority=1),
              TopicResult("trico", "Trico?", "not_relevant", 0.0, priority=2, set_by_hand=True)]
    report = GapReport(topics, posts=0, errors=[ReadError("posts-typo", "no such file or folder")])
    assert repr(report) == ("GapReport(2 topics: 0 answered, 0 partial, 1 missing, 1 not relevant; 1 file could not "
                            "be read; 0 candidate topics)")
    html = report._repr_html_()
    assert "2 FAQ topics over 0 posts: 0 answered, 0 partial, 1 missing, 1 not relevant; 1 file could not be read" \
        in html
    assert "posts-typo: error: no such file or folder" in html and "not_relevant (by hand)" in html
    assert html.endswith("</div>")
