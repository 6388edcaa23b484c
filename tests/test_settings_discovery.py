"""Every command finds the same settings: the nearest smpseo.toml in the post's folder or its parents, else in the
current folder or its parents; and says which file it used. A path that names nothing stops every command (2)."""

from __future__ import annotations

import json

import pytest

from smpseo.app.settings import find_config, load_config
from smpseo.cli import main
from smpseo.core.settings import ConfigError

CONFIG = '[site]\nname = "Advanced Scalp Clinic"\ncity = "Vancouver"\nphone = "778-917-7772"\n'
DRAFT = "---\ntitle: Does SMP hurt?\n---\n\nCall (778) 917-7772 to book a chat about SMP.\n"


@pytest.fixture
def blog(tmp_path):
    """A blog folder with its settings, and a draft kept elsewhere."""
    (tmp_path / "blog").mkdir()
    (tmp_path / "blog" / "smpseo.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "draft.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def test_a_draft_elsewhere_uses_the_settings_of_the_current_folder(blog, capsys, monkeypatch):
    monkeypatch.chdir(blog / "blog")
    draft = str(blog / "drafts" / "draft.md")
    assert find_config(draft) == blog / "blog" / "smpseo.toml"
    main(["check", draft])
    out = capsys.readouterr().out
    assert f"{draft}:5:6: LOC301 warning Phone written '(778) 917-7772', not '778-917-7772'" in out
    assert "Settings: smpseo.toml" in out  # the current folder's, named as the user knows it
    main(["check", "--format", "json", draft])
    assert json.loads(capsys.readouterr().out)["settings"] == "smpseo.toml"


@pytest.mark.parametrize("command", ["gaps", "analyze"])
def test_gaps_and_analyze_name_the_settings_they_used(blog, capsys, monkeypatch, command):
    monkeypatch.chdir(blog / "blog")
    assert main([command, str(blog / "drafts" / "draft.md")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Settings: smpseo.toml"
    monkeypatch.chdir(blog / "drafts")
    assert main([command, "draft.md"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("Settings: none found")


def test_the_posts_own_folder_comes_first(blog, capsys, monkeypatch):
    (blog / "drafts" / "smpseo.toml").write_text('[site]\nphone = "(778) 917-7772"\n', encoding="utf-8")
    monkeypatch.chdir(blog / "blog")
    assert find_config(blog / "drafts" / "draft.md") == blog / "drafts" / "smpseo.toml"
    main(["check", str(blog / "drafts" / "draft.md")])
    out = capsys.readouterr().out
    assert "LOC301" not in out and f"Settings: {blog / 'drafts' / 'smpseo.toml'}" in out


def test_no_settings_anywhere_is_said(blog, capsys, monkeypatch):
    monkeypatch.chdir(blog / "drafts")
    main(["check", "draft.md"])
    assert "Settings: none found" in capsys.readouterr().out


@pytest.mark.parametrize("command", [["check"], ["analyze"], ["gaps"], ["import", "--to", "out"]])
def test_a_path_that_names_nothing_is_refused_with_status_2(blog, capsys, monkeypatch, command):
    monkeypatch.chdir(blog / "blog")
    assert main([*command, "postz"]) == 2
    out, err = capsys.readouterr()
    assert err == "postz: error: no such file or folder\n"
    assert out == ""


@pytest.mark.parametrize("kind", [["monthly", "--posts", "postz"], ["prepublish", "postz/draft.md"]])
def test_reports_refuse_a_path_that_names_nothing(blog, capsys, monkeypatch, kind):
    monkeypatch.chdir(blog / "blog")
    assert main(["report", *kind, "--out", str(blog / "out")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert not (blog / "out").exists()


@pytest.mark.parametrize("command", [["check"], ["check", "--format", "sarif"], ["analyze"], ["gaps"]])
def test_a_deleted_current_folder_does_not_stop_a_run_on_paths_given_in_full(blog, capsys, monkeypatch, command):
    """A shell left in a folder another program removed: the settings next to the posts are found, and the posts
    given by their full path are checked; only a report, whose notebooks run in the current folder, is refused."""
    import os

    def gone():
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(os, "getcwd", gone)
    code = main([*command, str(blog / "drafts")])
    out, err = capsys.readouterr()
    assert code in (0, 1) and "Error" not in err and out, err
    assert main(["report", "monthly", "--posts", str(blog / "drafts"), "--out", str(blog / "r")]) == 2
    assert "the current folder no longer exists" in capsys.readouterr().err


@pytest.mark.parametrize("name, text", [("smpseo.toml", '[site]\ncity = "Leeds"\n'),
                                        ("pyproject.toml", '[tool.smpseo.site]\ncity = "Leeds"\n')])
def test_settings_saved_with_a_byte_order_mark_are_read(tmp_path, name, text):
    from smpseo.app.settings import load_config

    (tmp_path / name).write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert find_config(tmp_path) == tmp_path / name
    assert load_config(search_from=tmp_path).site.city == "Leeds"


@pytest.mark.parametrize("kind", ["folder", "broken link"])
def test_a_nearest_settings_file_that_is_no_file_is_an_error_not_skipped(tmp_path, capsys, kind):
    """A folder or a broken link named smpseo.toml next to the posts: the settings above it were not meant."""
    (tmp_path / "smpseo.toml").write_text('[site]\ncity = "Leeds"\n', encoding="utf-8")
    blog = tmp_path / "blog"
    (blog / "posts").mkdir(parents=True)
    (blog / "posts" / "a.md").write_text(DRAFT, encoding="utf-8")
    if kind == "folder":
        (blog / "smpseo.toml").mkdir()
    else:
        (blog / "smpseo.toml").symlink_to(blog / "nowhere.toml")
    assert main(["check", str(blog / "posts")]) == 2
    out, err = capsys.readouterr()
    what = "a folder" if kind == "folder" else "a link to nothing"
    assert out == "" and err == f"smpseo: error: {blog / 'smpseo.toml'}: {what}, not a settings file: fix it, or " \
                                "name one with --config\n"


def test_settings_read_before_come_from_the_cache(tmp_path, monkeypatch):
    """The table of a settings file is remembered by its text: the same Config again, a changed file read anew, a
    bad one refused every time and never kept, one with a date (not JSON) read each time."""
    from smpseo.app import cache
    from smpseo.app.settings import SETTINGS, _settings_table, load_config
    from smpseo.core.settings import ConfigError, toml_table

    monkeypatch.setenv("SMPSEO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SMPSEO_NO_CACHE", raising=False)
    settings = tmp_path / "smpseo.toml"
    settings.write_text('[site]\nname = "Lakeshore SMP"\ncity = "Toronto"\nlatitude = 43.65\nlongitude = -79.38\n\n[keywords]\n'
                        'targets = ["scalp micropigmentation toronto"]\n\n[rules.RD101]\nmax_words = 25\n',
                        encoding="utf-8")
    first = load_config(settings)
    assert len(list((tmp_path / "cache" / SETTINGS).rglob("*.json"))) == 1
    assert load_config(settings) == first and first.site.city == "Toronto" and first.site.latitude == 43.65
    settings.write_text(settings.read_text(encoding="utf-8").replace("Toronto", "Mississauga"), encoding="utf-8")
    assert load_config(settings).site.city == "Mississauga"
    settings.write_text("[site\nname = 1\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError, match="invalid TOML"):
            load_config(settings)
    assert len(list((tmp_path / "cache" / SETTINGS).rglob("*.json"))) == 2
    dated = '[report]\npdf = true\n[extra]\nwhen = 2026-11-28\n'
    assert _settings_table(dated, "x") == toml_table(dated, "x")
    assert _settings_table(dated, "x") == toml_table(dated, "x")
    assert len(list((tmp_path / "cache" / SETTINGS).rglob("*.json"))) == 2
    monkeypatch.setenv("SMPSEO_NO_CACHE", "1")  # --no-cache: read, never kept
    settings.write_text('[site]\nname = "Lakeshore SMP"\n', encoding="utf-8")
    assert not cache.enabled() and load_config(settings).site.name == "Lakeshore SMP"
    assert len(list((tmp_path / "cache" / SETTINGS).rglob("*.json"))) == 2


@pytest.mark.parametrize("text, line, says", [
    ('[site]\ncity = "Leeds"\nnme = 3\n', 3, "unknown key 'nme' in [site]"),
    ('[site]\ncity = "Leeds"\n\n[colour]\n', 4, "unknown section [colour]"),
    ('[site]\ncity = "Leeds"\n\n[rules]\nSEO213.max_gap_share = 1.5\n', 5, "[rules] SEO213.max_gap_share = 1.5"),
    ('[rules.SEO213]\nseverity = "error"\nmax_gap_share = 1.5\n', 3, "[rules] SEO213.max_gap_share = 1.5"),
    ('[site]\nlatitude = 500\nlongitude = 0\n', 2, "[site] latitude must be a number"),
    ('site.city = "Leeds"\n[rules]\nNOPE = "on"\n', 3, "[rules] unknown rule 'NOPE'"),
    ('[site]\ncity = "Leeds\n', 2, "invalid TOML"),
    ('[site]\ncity = [\n', 2, "invalid TOML"),
    # in an inline table or a quoted key: the key's line, not its table's header
    ('[site]\nname = "A"\n\n[rules]\nRD104 = "off"\nRD101 = { max_words = true }\n', 6, "RD101.max_words must be int"),
    ('[keywords.synonyms]\n"a" = ["b"]\n"scalp micropigmentation" = "SMP"\n', 3,
     "[keywords.synonyms] 'scalp micropigmentation' must be a list of strings"),
])
def test_a_settings_error_names_the_line_it_is_about(tmp_path, text, line, says):
    """One line naming the file and the line, as for every other file smpseo reads."""
    (tmp_path / "smpseo.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path / "smpseo.toml")
    assert str(error.value).startswith(f"{tmp_path / 'smpseo.toml'}:{line}: ") and says in str(error.value)


def test_every_mistake_of_the_rules_is_said_at_once_in_the_order_of_its_lines(tmp_path, capsys):
    from smpseo.cli import main

    (tmp_path / "smpseo.toml").write_text('[rules]\nXX999 = "off"\nRD101 = "sometimes"\nRD102 = { max_words = "ten" }\n'
                                          'RD104 = "warning"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path / "smpseo.toml")
    assert [line.split("smpseo.toml:")[1][:2] for line in error.value.lines()] == ["2:", "3:", "4:"]
    (tmp_path / "post.md").write_text("# A\n\nText.\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "post.md")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert [line.split(": ", 3)[3] for line in err] == ["[rules] unknown rule 'XX999' (see `docs/checks.md` for the "
                                                        "rule ids)", "[rules] RD101 = 'sometimes': use \"on\", "
                                                        "\"off\", a severity (error, warning, info) or a table",
                                                        "[rules] RD102.max_words must be int, not 'ten'"]


def test_a_settings_error_in_pyproject_names_its_line(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.smpseo.site]\nnme = 1\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pyproject\.toml:5: unknown key 'nme' in \[site\]"):
        load_config(tmp_path / "pyproject.toml")
