"""Hugo and Jekyll blogs: TOML and YAML front matter, drafts and section pages left out, dates from Jekyll's file
names, Hugo's `summary`, page bundles, and settings from `pyproject.toml [tool.smpseo]`."""

from __future__ import annotations

import datetime as dt

import pytest

from smpseo.app.settings import find_config, load_config
from smpseo.cli import main
from smpseo.core.settings import ConfigError
from smpseo.sources.readers import load_posts, read_file
from smpseo.sources.readers.decode import SourceError

from .conftest import FIXTURES

HUGO = FIXTURES / "hugo"
JEKYLL = FIXTURES / "jekyll"




def test_toml_front_matter_gives_title_description_date_and_field_lines():
    post = read_file(HUGO / "content/posts/first.md")[0]
    assert post.title == "Does scalp micropigmentation hurt?"
    assert post.description.startswith("What SMP feels like")
    assert post.date == dt.date(2026, 9, 3)
    assert post.tags == ["pain"]
    assert post.meta_lines["description"] == 3 and post.title_line == 2
    assert post.keyphrase == ""  # a key inside a [params] table is not the post's field
    assert not any("+++" in s.text or "title =" in s.text for s in post.sentences)
    assert post.sentences[0].line == 11


def test_a_bad_toml_block_is_one_error_naming_its_line(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text('+++\ntitle = "ok"\ndate = \n+++\nText.\n', encoding="utf-8")
    with pytest.raises(SourceError) as exc:
        read_file(bad)
    assert exc.value.line == 3 and "TOML" in exc.value.message
    open_fence = tmp_path / "open.md"
    open_fence.write_text('+++\ntitle = "ok"\n', encoding="utf-8")
    with pytest.raises(SourceError, match="never closed"):
        read_file(open_fence)


def test_drafts_and_section_pages_are_not_posts_and_the_note_says_so():
    corpus = load_posts(HUGO / "content")
    assert sorted(p.slug for p in corpus) == ["first", "lasting"]
    notes = [e for e in corpus.errors if e.severity == "info"]
    assert len(notes) == 1 and "1 draft and 1 section page left out" in notes[0].message
    with_drafts = load_posts(HUGO / "content", drafts=True)
    assert sorted(p.title for p in with_drafts)[0] == "A draft"
    assert not any(p.path.endswith("_index.md") for p in with_drafts)  # a section page is never a post


@pytest.mark.parametrize("command", ["check", "analyze", "gaps"])
def test_a_draft_named_on_its_own_is_read_and_one_found_in_a_folder_is_left_out(hugo, capsys, command):
    """Checking a draft before publishing it: the file named is what the writer asked for."""
    draft = "content/posts/draft.md"
    fmt = [] if command == "gaps" else ["--format", "json"]  # gaps names no post that answers nothing: its count

    def read(*paths: str) -> tuple[str, str]:
        assert main([command, *paths, *fmt]) in (0, 1)
        return capsys.readouterr()

    out, err = read(draft)
    assert "left out" not in err and ("over 1 post:" if command == "gaps" else '"content/posts/draft.md"') in out
    out, err = read("content")
    assert "1 draft and 1 section page left out" in err and "draft.md" not in out
    out, err = read(draft, "content/posts/first.md")  # named along with another file: still asked for
    assert "left out" not in err and ("over 2 posts:" if command == "gaps" else '"content/posts/draft.md"') in out


@pytest.mark.parametrize("command", ["check", "analyze", "gaps"])
def test_the_note_on_what_was_left_out_names_the_path_given_it_came_from(hugo, capsys, command):
    """Several paths given: the note names the one the drafts were found in, as written, never a folder that was
    not given (their common parent, or "posts")."""
    (hugo / "notes").mkdir()
    (hugo / "notes/old.md").write_text((hugo / "content/posts/draft.md").read_text(encoding="utf-8"), encoding="utf-8")

    def notes(*paths: str) -> list[str]:
        assert main([command, *paths]) in (0, 1)
        return [line for line in capsys.readouterr().err.splitlines() if "left out" in line]

    assert notes("content/posts/first.md", "notes") == ["notes: info: 1 draft left out; --drafts includes drafts"]
    assert notes("content", "notes/") == ["content: info: 1 draft and 1 section page left out; --drafts includes "
                                          "drafts", "notes/: info: 1 draft left out; --drafts includes drafts"]


def test_a_draft_named_on_its_own_is_a_post_to_load_posts():
    assert [p.title for p in load_posts(HUGO / "content/posts/draft.md")] == ["A draft"]
    assert "A draft" not in [p.title for p in load_posts(HUGO / "content/posts")]


def test_a_site_folder_is_read_without_its_packages_built_site_or_virtual_environment(tmp_path):
    """A site's root holds more than posts: npm packages (Markdown READMEs), Jekyll's built `_site` (an HTML copy of
    each post), a Python virtual environment. Reading the root reads the posts only."""
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2025-04-12-smp-aftercare.md").write_text("---\ntitle: Aftercare\n---\n\nKeep it dry.\n")
    stray = {"node_modules/theme/README.md": "# A theme\n\nInstall it.\n",
             "_site/2025/04/12/smp-aftercare.html": "<html><head><title>Aftercare</title></head><body>x</body></html>",
             "venv/lib/python3.11/site-packages/pkg/README.md": "# A package\n\nText.\n",
             "env/pyvenv.cfg": "home = /usr/bin\n", "env/share/doc/NOTES.md": "# Notes\n\nText.\n"}
    for name, text in stray.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    corpus = load_posts(tmp_path)
    assert [p.title for p in corpus] == ["Aftercare"] and not corpus.errors
    assert [p.title for p in load_posts(tmp_path / "node_modules")] == ["A theme"]  # named, it is read


def test_a_hugo_site_is_read_without_the_site_hugo_built(hugo):
    built = hugo / "public" / "posts" / "first" / "index.html"
    built.parent.mkdir(parents=True)
    built.write_text("<html><head><title>First, built</title></head><body><p>Built.</p></body></html>")
    (hugo / "hugo.toml").write_text('title = "Site"\n')
    assert "First, built" not in [p.title for p in load_posts(hugo)]
    (hugo / "hugo.toml").unlink()  # without Hugo's settings, `public` is any folder
    assert "First, built" in [p.title for p in load_posts(hugo)]


def test_page_bundle_takes_its_folder_name_and_hugo_summary_is_the_description():
    post = read_file(HUGO / "content/posts/lasting/index.md")[0]
    assert post.slug == "lasting"
    assert post.description.startswith("How long scalp micropigmentation lasts")


def test_jekyll_file_name_gives_the_date_and_published_false_is_a_draft():
    corpus = load_posts(JEKYLL)
    assert [(p.slug, p.date) for p in corpus] == [("smp-aftercare", dt.date(2025, 4, 12))]
    assert corpus[0].description.startswith("What to do and avoid")
    assert "1 draft left out" in corpus.errors[0].message


def test_a_jekyll_site_s_pages_are_not_posts_and_its_drafts_are_drafts(tmp_path, capsys):
    """A Jekyll site read whole gave its home and about pages as posts (a missing description, "no other post links
    to this one", the site's name as a post's topic), and the posts of `_drafts` as published. A draft checked on
    its own was read with `_drafts` as its blog: "0 other posts"."""
    site = {"_config.yml": "title: Desert Ink SMP\n", "index.md": "---\nlayout: home\n---\n\nWelcome.\n",
            "about.md": "---\nlayout: page\ntitle: About\n---\n\nWe are a studio.\n",
            "blog/index.html": "<html><head><title>Blog</title></head><body><p>All posts.</p></body></html>",
            "_posts/2026-01-08-does-smp-hurt.md": "---\ntitle: Does SMP hurt?\n---\n\nA light scratch.\n",
            "_posts/2026-02-08-smp-cost.md": "---\ntitle: What SMP costs\n---\n\nAbout three thousand.\n",
            "_faq/parking.md": "---\ntitle: Where do I park?\n---\n\nBehind the studio.\n",
            "_drafts/smp-and-gray-hair.md": "---\ntitle: SMP and gray hair\n---\n\nIt stays dark.\n"}
    for name, text in site.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = load_posts(tmp_path)
    assert sorted(p.title for p in corpus) == ["Does SMP hurt?", "What SMP costs", "Where do I park?"]
    assert "1 draft left out" in corpus.errors[0].message
    assert "SMP and gray hair" in [p.title for p in load_posts(tmp_path, drafts=True)]
    from smpseo.app.check import blog_folder

    assert blog_folder([tmp_path / "_drafts" / "smp-and-gray-hair.md"]) == tmp_path
    from smpseo.app.report.prepublish import prepublish_report

    # the pre-publish report finds the blog as check does: it said "Blog average over 0 other posts"
    assert prepublish_report(tmp_path / "_drafts" / "smp-and-gray-hair.md", topics=False).blog_posts == 3


def test_settings_from_pyproject_tool_table_and_smpseo_toml_wins(hugo):
    assert find_config(hugo / "content/posts") == hugo / "pyproject.toml"
    config = load_config(search_from=hugo / "content/posts")
    assert config.site.city == "Denver" and config.targets == ["scalp micropigmentation Denver"]
    (hugo / "smpseo.toml").write_text('[site]\ncity = "Boulder"\n', encoding="utf-8")
    assert load_config(search_from=hugo / "content").site.city == "Boulder"


def test_pyproject_without_the_table_is_passed_over_and_a_bad_table_named(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(tmp_path) is None or find_config(tmp_path).parent != tmp_path
    (tmp_path / "pyproject.toml").write_text('[tool.smpseo.site]\ncolour = "red"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config(search_from=tmp_path)
    assert "pyproject.toml" in str(exc.value) and "colour" in str(exc.value)


def test_check_on_a_hugo_site_reports_posts_only(hugo, capsys):
    code = main(["check", "content", "--format", "json"])
    out, err = capsys.readouterr()
    import json

    data = json.loads(out)
    paths = {p["path"] for p in data["posts"]}
    assert paths == {"content/posts/first.md", "content/posts/lasting/index.md"}
    assert not any(f["rule"] == "SEO206" for f in data["findings"])  # the TOML description was read
    assert "left out" in err and code in (0, 1)


def test_the_prepublish_report_checks_a_draft(hugo):
    from smpseo.app.report.prepublish import prepublish_report

    report = prepublish_report(hugo / "content/posts/draft.md")
    assert report.post.title == "A draft" and report.blog_posts == 2  # the other posts, not the section page


def test_pyproject_that_only_names_smpseo_is_not_a_settings_file(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\ndependencies = ["smpseo"]\n', encoding="utf-8")
    found = find_config(tmp_path)
    assert found is None or found.parent != tmp_path
    (tmp_path / "pyproject.toml").write_text('[tool]\nsmpseo = { site = { city = "Lyon" } }\n', encoding="utf-8")
    assert load_config(search_from=tmp_path).site.city == "Lyon"
    (tmp_path / "pyproject.toml").write_text('[tool.smpseo.site\ncity = "Lyon"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(search_from=tmp_path)


def test_a_link_or_image_whose_address_is_a_template_string_keeps_that_address(tmp_path):
    """Eleventy's `{{ "/path/" | url }}`, Jekyll's `relative_url`, Hugo's `relURL`: the tag outputs the quoted path,
    so the link is internal (it was read without an address: "No link to another page of the site") and the image
    has its source; the columns after the tag stay where they are."""
    post = tmp_path / "2016-10-28-new-approach.md"
    post.write_text('---\ntitle: A new approach\n---\n\nRead [our post]({{ "/2016/03/22/helping/" | url }}), '
                    "[the team]({{ '/team/' | relative_url }}) and [Hugo's]({{\"/about/\" | relURL}}).\n\n"
                    '![A chart]({{ "/assets/blog/chart.png" | url }}) Then [{{ site.title }}]({{ site.baseurl }}/x/).\n',
                    encoding="utf-8")
    (read,) = read_file(post)
    assert [link.href for link in read.links] == ["/2016/03/22/helping/", "/team/", "/about/", "/x/"]
    assert [image.src for image in read.images] == ["/assets/blog/chart.png"]
    import smpseo

    assert smpseo.check(str(post), rules=["SEO218"], keyphrases=False).findings == []  # it links to the site


def test_a_repository_s_own_files_in_a_folder_of_posts_are_left_out_with_one_line(tmp_path):
    """A blog kept in git has its README.md and LICENSE.md beside the posts: neither is a post (the 18F blog's
    LICENSE.md was checked as one), and one line says they were left out; named on its own, or in a folder of
    nothing else, such a file is read."""
    for name in ("LICENSE.md", "README.md", "CODE-OF-CONDUCT.md", "2024-05-06-does-smp-hurt.md"):
        (tmp_path / name).write_text(f"---\ntitle: {name}\n---\n\nText of {name}.\n", encoding="utf-8")
    corpus = load_posts(tmp_path)
    assert [p.title for p in corpus] == ["2024-05-06-does-smp-hurt.md"]
    assert [(e.severity, e.message) for e in corpus.errors] == [
        ("info", "3 files a repository keeps beside its posts left out (CODE-OF-CONDUCT.md, LICENSE.md, README.md): "
                 "name one to check it")]
    assert [p.title for p in load_posts(tmp_path / "LICENSE.md")] == ["LICENSE.md"]
    (tmp_path / "2024-05-06-does-smp-hurt.md").unlink()  # a folder of nothing else: what it holds is read
    assert sorted(p.title for p in load_posts(tmp_path)) == ["CODE-OF-CONDUCT.md", "LICENSE.md", "README.md"]
