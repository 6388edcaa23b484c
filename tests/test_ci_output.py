"""smpseo in CI and pre-commit: SARIF 2.1.0, GitHub annotations, --select/--ignore, --exit-zero, --quiet, the
hook file, and some files of a blog checked against the whole blog."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from smpseo.cli import main
from smpseo.model.results import CheckResult, Finding
from smpseo.views.annotations import annotation_lines, escape_data, escape_property

from .conftest import ROOT


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_sarif_2_1_0(log: dict) -> None:
    """The parts of the SARIF 2.1.0 schema a consumer relies on, checked key by key and type by type."""
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    assert isinstance(log["runs"], list) and len(log["runs"]) == 1
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "smpseo" and isinstance(driver["version"], str)
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids)) and all(isinstance(i, str) and i for i in ids)
    for r in driver["rules"]:
        assert r["shortDescription"]["text"] and r["defaultConfiguration"]["level"] in ("none", "note", "warning",
                                                                                           "error")
    assert run_["results"], "a post with findings gives results"
    for res in run_["results"]:
        assert res["ruleId"] in ids and ids[res["ruleIndex"]] == res["ruleId"]
        assert res["level"] in ("none", "note", "warning", "error") and res["message"]["text"]
        phys = res["locations"][0]["physicalLocation"]
        uri = phys["artifactLocation"]["uri"]
        assert uri and "\\" not in uri and not uri.startswith("/")
        region = phys.get("region", {})
        assert region.get("startLine", 1) >= 1 and region.get("startColumn", 1) >= 1
    for inv in run_["invocations"]:
        assert isinstance(inv["executionSuccessful"], bool)


def test_sarif_is_2_1_0_with_rules_and_physical_locations(hugo, capsys):
    code, out, _ = run(capsys, "check", "content", "--format", "sarif")
    log = json.loads(out)
    assert_sarif_2_1_0(log)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"content/posts/first.md", "content/posts/lasting/index.md"}
    assert code in (0, 1)


def test_github_annotations_one_per_finding_with_file_line_col(hugo, capsys):
    _, out, _ = run(capsys, "check", "content", "--format", "github")
    lines = out.splitlines()
    assert lines and all(re.match(r"::(error|warning|notice) file=[^,]+,line=\d+,col=\d+::[A-Z]+\d+ \S", line)
                         for line in lines)
    assert any(line.startswith("::warning file=content/posts/first.md,line=") for line in lines)


def test_annotations_escape_what_would_end_or_start_a_command():
    nasty = "50% off\n::error::injected, right: now\r"
    assert escape_data(nasty) == "50%25 off%0A::error::injected, right: now%0D"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"
    result = CheckResult(findings=[Finding("posts/a,b:c.md", 3, 4, "RD101", "readability", "warning", nasty)])
    [line] = annotation_lines(result)
    assert line.startswith("::warning file=posts/a%2Cb%3Ac.md,line=3,col=4::RD101 ")
    assert "\n" not in line and "\r" not in line  # one line: the injected command never starts a line
    assert line.split("::", 2)[2] == "RD101 " + escape_data(nasty)


def test_select_ignore_and_unknown_codes(hugo, capsys):
    _, out, _ = run(capsys, "check", "content", "--format", "json", "--select", "SEO,SITE", "--ignore", "SEO201")
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert rules and all(r.startswith(("SEO", "SITE")) for r in rules) and "SEO201" not in rules
    _, out, _ = run(capsys, "check", "content", "--format", "json", "--select", "readability")
    assert {f["rule"][:2] for f in json.loads(out)["findings"]} == {"RD"}
    with pytest.raises(SystemExit) as exc:
        main(["check", "content", "--select", "NOPE"])
    assert exc.value.code == 2


def test_exit_zero_and_quiet(hugo, capsys):
    post = hugo / "content/posts/first.md"
    post.write_text(post.read_text(encoding="utf-8").replace('description = "What SMP feels like, session by '
                                                             'session, and how our Denver clinic keeps it '
                                                             'comfortable for you."\n', ""), encoding="utf-8")
    code, out, _ = run(capsys, "check", "content", "--select", "SEO206")
    assert code == 1 and "SEO206 error" in out
    code, out, err = run(capsys, "check", "content", "--select", "SEO206", "--exit-zero", "--quiet")
    assert code == 0 and out.strip().splitlines() == [line for line in out.strip().splitlines()
                                                       if ": SEO206 error " in line] and out.strip()
    assert err == ""  # no note about drafts, no summary


def test_some_files_are_checked_against_the_whole_blog(hugo, capsys):
    # first.md links to lasting/: checked with the blog, lasting/ is no orphan (SITE405); checked alone, it is
    from smpseo.app.check import check

    bundle, other = "content/posts/lasting/index.md", "content/posts/other.md"
    (hugo / other).write_text("---\ntitle: Another post\n---\n\nNo links here.\n", encoding="utf-8")
    alone = check([bundle, other], rules=["SITE405"], blog="content/posts/lasting")  # first.md's link is not seen
    assert bundle in {f.path for f in alone.findings}
    _, inside, _ = run(capsys, "check", bundle, other, "--select", "SITE405", "-q")  # the blog: content/posts
    assert f"{other}:" in inside and f"{bundle}:" not in inside
    library = check([bundle, other], rules=["SITE405"])  # the library finds the blog as the command does
    assert {f.path for f in library.findings} == {other}
    _, one, _ = run(capsys, "check", "content/posts/first.md", "--format", "json")
    data = json.loads(one)
    assert [p["path"] for p in data["posts"]] == ["content/posts/first.md"]  # reported on: the file given only
    assert data["findings"] and all(f["path"] == "content/posts/first.md" for f in data["findings"])


def test_pre_commit_hook_file():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "smpseo" and hook["entry"] == "smpseo check" and hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "html"}


def test_example_workflow_annotates_pull_requests():
    flow = yaml.safe_load((ROOT / ".github/workflows/check-posts.yml").read_text(encoding="utf-8"))
    assert "pull_request" in flow[True]  # YAML 1.1 reads the key `on` as True
    steps = flow["jobs"]["check"]["steps"]
    commands = " ".join(s.get("run", "") for s in steps)
    assert "smpseo check" in commands and "--format github" in commands and "--format sarif" in commands
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)


def _phone_written_other_ways(tmp_path, monkeypatch, line: str) -> None:
    """A post at line 5 of which `line` writes the clinic's phone another way (LOC301), in the current folder."""
    (tmp_path / "smpseo.toml").write_text('[site]\nname = "Bright Smile Dental"\nphone = "503-555-0142"\n',
                                          encoding="utf-8")
    (tmp_path / "post.md").write_text(f"---\ntitle: Whitening\n---\n\n{line}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)


def test_sarif_columns_are_in_the_unit_the_log_states(tmp_path, capsys, monkeypatch):
    # an emoji before the finding: one character, two UTF-16 code units (SARIF's unit unless columnKind says)
    line = "\U0001f600\U0001f600 Call us at (503) 555-0142 to book."
    _phone_written_other_ways(tmp_path, monkeypatch, line)
    _, out, _ = run(capsys, "check", "post.md", "--format", "sarif")
    log = json.loads(out)
    assert_sarif_2_1_0(log)
    unit = log["runs"][0].get("columnKind", "utf16CodeUnits")
    before = line[:line.index("(503)")]
    want = 1 + (len(before.encode("utf-16-le")) // 2 if unit == "utf16CodeUnits" else len(before))
    loc301 = [r for r in log["runs"][0]["results"] if r["ruleId"] == "LOC301"]
    assert [r["locations"][0]["physicalLocation"]["region"] for r in loc301] == [{"startLine": 5,
                                                                                  "startColumn": want}]


def test_github_columns_count_code_points_as_the_docs_say(tmp_path, capsys, monkeypatch):
    # an emoji and an accented letter before the finding: one column each, as in every other output
    line = "\U0001f600 Café: call us at (503) 555-0142 to book."
    _phone_written_other_ways(tmp_path, monkeypatch, line)
    _, out, _ = run(capsys, "check", "post.md", "--format", "github")
    loc301 = [a for a in out.splitlines() if "::LOC301 " in a]
    assert [re.search(r",line=(\d+),col=(\d+)::", a).groups() for a in loc301] == [
        ("5", str(1 + line.index("(503)")))]
    docs = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    github = docs[docs.index("`github` (one GitHub Actions workflow command"):]
    assert "code points" in github[:github.index("\n- ")]
