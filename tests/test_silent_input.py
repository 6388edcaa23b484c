"""Broken or unusual files that were once passed over in silence: each is now said in one line naming the file (and
line), and the rest of the work is still done (see docs/bad-input.md)."""

from __future__ import annotations

import pytest

from smpseo.cli import main
from smpseo.sources.readers import load_posts

POST = "---\ntitle: Scalp micropigmentation aftercare\n---\nKeep the scalp dry for four days after each session.\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def _site(tmp_path, settings: dict[str, str], post: str) -> None:
    for name, text in {**settings, post: POST}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")


# -- a site's settings file that cannot be read ---------------------------------------------------------------------

SITES = [  # (settings files, a post, the file and line said)
    ({"site/_config.yml": "title: Calgary SMP\nphone: \"403 555 0100\n"}, "site/_posts/2024-01-02-care.md",
     "site/_config.yml:2"),
    ({"site/hugo.toml": "baseURL = 'https://example.com/'\ntitle = [1,\n"}, "site/content/posts/care.md",
     "site/hugo.toml:2"),
    ({"site/hugo.toml": "title = 'x'\n", "site/config/_default/params.toml": "mainSections = ['posts'\n\n"},
     "site/content/posts/care.md", "site/config/_default/params.toml:1"),
    ({"site/.obsidian/daily-notes.json": '{\n  "folder": "Daily",\n}\n'}, "site/care.md",
     "site/.obsidian/daily-notes.json:3"),
    ({"site/.obsidian/app.json": '{"attachmentFolderPath" "img"}\n'}, "site/care.md", "site/.obsidian/app.json:1"),
    ({"site/_data/site.json": '{"phone": }'}, "site/care.md", "site/_data/site.json:1"),
    ({"site/_config.yml": "- Calgary SMP\n- 403 555 0100\n"}, "site/_posts/2024-01-02-care.md", "site/_config.yml:1"),
]


@pytest.mark.parametrize("given", ["site", "post"])
@pytest.mark.parametrize(("settings", "post", "said"), SITES)
def test_a_broken_site_settings_file_is_one_line_naming_it_and_the_posts_are_read(tmp_path, settings, post, said,
                                                                                   given):
    _site(tmp_path, settings, post)
    corpus = load_posts("site" if given == "site" else post)
    assert [p.title for p in corpus] == ["Scalp micropigmentation aftercare"]
    problems = [str(e) for e in corpus.errors if "settings" in e.message]
    assert len(problems) == 1 and problems[0].startswith(f"{said}: warning: site settings not read: ")


def test_a_broken_settings_file_is_said_once_on_the_command_line(tmp_path, capsys):
    _site(tmp_path, {"site/_config.yml": "title: [Calgary SMP\n"}, "site/_posts/2024-01-02-care.md")
    main(["check", "--no-cache", "site", "site/_posts/2024-01-02-care.md"])
    err = capsys.readouterr().err
    assert err.count("site/_config.yml:1: warning: site settings not read: invalid YAML") == 1


def test_site_settings_that_read_well_say_nothing(tmp_path):
    _site(tmp_path, {"site/_config.yml": "title: Calgary SMP\n", "site/hugo.toml": "title = 'x'\n"},
          "site/_posts/2024-01-02-care.md")
    assert [str(e) for e in load_posts("site").errors if "settings" in e.message] == []


# -- a post file whose name ends in a space or a dot ----------------------------------------------------------------

@pytest.mark.parametrize(("name", "end"), [("care.md ", "a space"), ("care.md.", "a dot"), ("care.md\t", "a space"),
                                           ("care.html..", "dots"), ("care.md. ", "spaces and dots")])
@pytest.mark.parametrize("given", ["folder", "file"])
def test_a_post_whose_name_ends_in_a_space_or_a_dot_is_read_and_said(tmp_path, name, end, given):
    _site(tmp_path, {}, f"posts/{name}")
    corpus = load_posts("posts" if given == "folder" else f"posts/{name}")
    assert [(p.title, p.slug) for p in corpus] == [("Scalp micropigmentation aftercare", "care")]
    assert [(e.path, e.severity) for e in corpus.errors] == [(f"posts/{name}", "warning")]
    assert corpus.errors[0].message.startswith(f"the file's name ends with {end} ({name!r}): read as ")


def test_a_file_of_another_kind_whose_name_ends_in_a_space_is_left_as_its_kind_is(tmp_path):
    _site(tmp_path, {"posts/notes.txt ": "Some notes.\n"}, "posts/care.md")
    corpus = load_posts("posts")
    assert [p.slug for p in corpus] == ["care"] and corpus.errors == []
