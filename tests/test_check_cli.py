"""`smpseo check` and `smpseo analyze` from the command line: output formats and exit status."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from smpseo.cli import main

from .conftest import FIXTURES

WELL_WRITTEN = FIXTURES / "checks" / "well-written.md"
CONFIG = """
[site]
name = "Advanced Scalp Clinic"
city = "Vancouver"
phone = "778-917-7772"

[keywords]
targets = ["scalp micropigmentation", "Vancouver scalp micropigmentation"]

[keywords.synonyms]
"scalp micropigmentation" = ["SMP"]
"""
DRAFT = """---
title: How long does scalp micropigmentation last in Vancouver?
---

Scalp micropigmentation usually lasts for many years before it needs a refresh session, but the sun, your skin type and the way you care for your scalp all change how fast it fades over time.

Call (778) 917-7772 to book. Our scalp Micropigmention artist will help.
"""


@pytest.fixture
def site(tmp_path):
    (tmp_path / "smpseo.toml").write_text(CONFIG, encoding="utf-8")
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "draft.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_is_linter_style_grouped_with_summary(site, capsys, monkeypatch):
    monkeypatch.chdir(site)
    code, out, err = run(capsys, "check", "posts/")
    assert code == 1  # the missing description is an error
    lines = out.splitlines()
    assert ("posts/draft.md:5:1: RD101 warning Sentence has 35 words (max 20); 1 of 3 sentences are this long "
            "(33%, max 25%): \"Scalp micropigmentation usually") in "\n".join(lines)
    assert "posts/draft.md:7:6: LOC301 warning Phone written '(778) 917-7772', not '778-917-7772'" in out
    assert "posts/draft.md:7:40: SEO215 warning 'Micropigmention' looks like a misspelling of 'Micropigmentation'" \
        in out
    assert "Keyword coverage" in out
    assert lines[-1] == "10 findings (1 error, 5 warning, 4 info) in 1 post"
    assert err == ""


def test_one_file_checked_names_the_other_posts_as_the_file_is_named(site, capsys, monkeypatch):
    """A file checked alone is read with the rest of its blog; a finding naming another post named it by its full
    path ("the topic of /home/.../posts/aftercare.md") where checking the folder names it "posts/aftercare.md"."""
    (site / "posts" / "aftercare.md").write_text(
        "---\ntitle: SMP aftercare\n---\n\nSMP aftercare takes a few days. Keep the scalp dry and out of the sun.\n",
        encoding="utf-8")
    (site / "posts" / "draft.md").write_text(DRAFT + "\nRead about SMP aftercare before you book.\n", encoding="utf-8")
    monkeypatch.chdir(site)
    _, out, _ = run(capsys, "check", "posts/draft.md", "--select", "SITE406")
    assert "the topic of posts/aftercare.md, but does not link to it" in out, out


def test_json_output(site, capsys, monkeypatch):
    monkeypatch.chdir(site)
    code, out, _ = run(capsys, "check", "posts/", "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert {"findings", "posts", "errors", "coverage", "keyphrases", "opportunities"} <= set(data)
    rules = {f["rule"] for f in data["findings"]}
    assert {"RD101", "LOC301", "SEO215", "SEO206"} <= rules
    assert data["posts"][0]["metrics"]["words"] > 30


def test_csv_output(site, capsys, monkeypatch):
    monkeypatch.chdir(site)
    code, out, _ = run(capsys, "check", "posts/", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and list(rows[0]) == ["path", "line", "column", "rule", "category", "severity", "message", "match",
                                      "hint"]


def test_exit_zero_without_error_findings(site, capsys, monkeypatch):
    monkeypatch.chdir(site)
    code, out, _ = run(capsys, "check", "posts/", "--rule", "RD101")
    assert code == 0 and "RD101" in out


def test_config_errors_exit_2_and_name_the_key(site, capsys, monkeypatch):
    monkeypatch.chdir(site)
    (site / "bad.toml").write_text(CONFIG + '\n[rules]\nRD101 = { max_wrds = 3 }\n', encoding="utf-8")
    code, out, err = run(capsys, "check", "posts/", "--config", "bad.toml")
    assert code == 2 and "RD101.max_wrds" in err and "Traceback" not in err


def test_unknown_rule_option_exits_2(site, capsys, monkeypatch):
    monkeypatch.chdir(site)
    with pytest.raises(SystemExit) as exc:
        main(["check", "posts/", "--rule", "XX1"])
    assert exc.value.code == 2


def test_unreadable_file_is_reported_and_the_rest_checked(site, capsys, monkeypatch):
    monkeypatch.chdir(site)
    (site / "posts" / "broken.md").write_text("---\ntitle: [oops\n---\n\nText.\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "posts/", "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert [e["path"] for e in data["errors"]] == ["posts/broken.md"]
    assert "posts/broken.md:2" in err
    assert {f["path"] for f in data["findings"]} == {"posts/draft.md"}


def test_keyphrase_option(capsys):
    code, out, _ = run(capsys, "check", str(WELL_WRITTEN), "--keyphrase", "hair transplant", "--rule", "SEO203")
    assert "SEO203 warning Title does not contain the keyphrase 'hair transplant'" in out


def test_analyze_json_and_csv(site, capsys, monkeypatch):
    monkeypatch.chdir(site)
    code, out, _ = run(capsys, "analyze", "posts/", "--format", "json")
    (row,) = json.loads(out)
    assert code == 0
    assert row["kw: scalp micropigmentation"] >= 1 and row["top_terms"]
    code, out, _ = run(capsys, "analyze", "posts/", "--format", "csv")
    assert "kw: scalp micropigmentation" in out.splitlines()[0]


def test_command_runs_as_a_program_without_pandas(site):
    code = ("import sys, runpy; sys.argv=['smpseo','analyze','posts/','--format','json'];"
            "import smpseo.cli as c; rc=c.main(sys.argv[1:]); "
            "assert 'pandas' not in sys.modules, 'pandas imported'; sys.exit(rc)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=site, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)[0]["words"] > 30


def test_the_coverage_table_names_a_post_by_its_slug(tmp_path):
    """A Jekyll post's row read "2026-01-08-does-smp-hurt", and every page bundle's "index"."""
    import smpseo
    from smpseo.views.findings import coverage_table

    body = "\n\nScalp micropigmentation takes a few sessions.\n"
    files = {"_posts/2026-01-08-does-smp-hurt.md": "Does SMP hurt?", "content/posts/swim/index.md": "Swimming",
             "posts/what-is-smp.md": "What is SMP?", "notes/2026-01-08.md": "Notes"}
    for name, title in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"---\ntitle: {title}\n---{body}", encoding="utf-8")
    (tmp_path / "dump.txt").write_text("My post\n\nScalp micropigmentation lasts years. Call us.\n\n----\n\n"
                                       "Other post\n\nScalp micropigmentation heals in days. Call us.\n",
                                       encoding="utf-8")
    config = smpseo.Config(targets=["scalp micropigmentation"])
    result = smpseo.check([str(tmp_path / name) for name in [*files, "dump.txt"]], config)
    rows = {line.split()[0] for line in coverage_table(result)[3:]}
    assert rows == {"does-smp-hurt", "swim", "what-is-smp", "2026-01-08", "my-post", "other-post"}


def test_one_file_checked_lists_the_terms_it_ranks_for_not_the_other_posts(tmp_path):
    """Checked alone, a post about longevity was shown the cost post's "talk money" and the artist post's "biggest
    decision" as terms the posts rank high for."""
    import smpseo

    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "cost.md").write_text("---\ntitle: SMP cost\n---\n\n" + "Payment plans spread the price of a hairline "
                                   "refresh over months. " * 12, encoding="utf-8")
    (posts / "lasting.md").write_text("---\ntitle: How long SMP lasts\n---\n\n" + "Pigment fading slows after the "
                                      "healing weeks, and sunscreen keeps dots crisp. " * 12, encoding="utf-8")
    whole = smpseo.check(str(posts)).opportunities["untargeted"]
    assert {p for e in whole for p in e["paths"]} == {str(posts / "cost.md"), str(posts / "lasting.md")}
    alone = smpseo.check(str(posts / "lasting.md"), blog=str(posts)).opportunities["untargeted"]
    assert alone and all(e["paths"] == [str(posts / "lasting.md")] for e in alone)
