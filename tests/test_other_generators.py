"""Front matter and formats of other static-site generators: Hugo's JSON front matter, Pelican's and
MultiMarkdown's `Key: value` lines, and MDX (Docusaurus, Gatsby, Astro). Every field keeps its line, every sentence
its own, and prose that merely looks like a field is left as prose."""

from __future__ import annotations

import datetime as dt

import pytest

from smpseo.cli import main
from smpseo.sources.readers import load_posts, read_file
from smpseo.sources.readers.decode import SourceError

from .conftest import read_error

JSON_POST = """{
  "title": "Does SMP hurt?",
  "date": "2024-05-06",
  "description": "What a session feels like.",
  "params": {"title": "not the post's", "keyphrase": "nested"},
  "tags": ["pain", "sessions"]
}

Most clients rate it a two out of ten.
"""


def test_json_front_matter_gives_fields_their_lines_and_the_body_its_own(tmp_path):
    path = tmp_path / "hurt.md"
    path.write_text(JSON_POST, encoding="utf-8")
    post = read_file(path)[0]
    assert (post.title, post.date, post.description) == ("Does SMP hurt?", dt.date(2024, 5, 6),
                                                         "What a session feels like.")
    assert post.tags == ["pain", "sessions"] and post.keyphrase == ""  # a nested object's keys are not fields
    assert post.meta_lines == {"title": 2, "date": 3, "description": 4, "params": 5, "tags": 6}
    assert [(s.line, s.text) for s in post.sentences] == [(9, "Most clients rate it a two out of ten.")]


@pytest.mark.parametrize(("text", "line", "message"), [
    ('{\n  "title": "x",\n  "date": \n}\nText.\n', 4, "invalid JSON front matter"),
    ('{\n  "title": "x"\n', 3, "invalid JSON front matter"),
    ('{\n  "title": "x"\n} and more\nText.\n', 3, "after the JSON front matter"),
    ('{\n  "a": ' + '[' * 100_000 + '\n}\n', 1, "nested too deeply"),
    ('{\n  "a": ' + '1' * 5000 + '\n}\n', 2, "a number of more than 4,300 digits"),
])
def test_bad_json_front_matter_is_one_error_naming_its_line(tmp_path, text, line, message):
    error = read_error(tmp_path / "bad.md", text)
    assert error.line == line and message in error.message


@pytest.mark.parametrize("text", ['---\ntitle: x\nn: ' + '9' * 5000 + '\n---\n\nText.\n',
                                  '+++\ntitle = "x"\nn = ' + '9' * 5000 + '\n+++\n\nText.\n'])
def test_a_number_too_long_to_read_in_yaml_or_toml_is_one_error_at_its_line(tmp_path, text):
    error = read_error(tmp_path / "bad.md", text)
    assert (error.line, error.message) == (3, "front matter refused: a number of more than 4,300 digits")


@pytest.mark.parametrize("opening", ['{{< figure src="a.jpg" >}}\n', "{\n", "{ a brace of pheasants\n"])
def test_a_post_opening_with_a_shortcode_or_braces_in_prose_has_no_front_matter(tmp_path, opening):
    path = tmp_path / "shortcode.md"
    path.write_text(opening + "\n# Title here\n\nText.\n", encoding="utf-8")
    post = read_file(path)[0]
    assert post.title == "Title here" and post.meta == {}


PELICAN_POST = """Title: How long does SMP last?
Date: 2023-02-01 10:20
Modified: 2023-03-01
Category: Aftercare
Tags: longevity, fading
Slug: smp-longevity
Summary: Four to six years before a refresh,
    with care in the sun.

Expect four to six years before a refresh.

Sunscreen keeps it dark.
"""


def test_pelican_metadata_lines_are_front_matter(tmp_path):
    path = tmp_path / "longevity.md"
    path.write_text(PELICAN_POST, encoding="utf-8")
    post = read_file(path)[0]
    assert (post.title, post.slug, post.date) == ("How long does SMP last?", "smp-longevity", dt.date(2023, 2, 1))
    assert post.description == "Four to six years before a refresh, with care in the sun."
    assert post.categories == ["Aftercare"] and post.tags == ["longevity", "fading"]
    assert post.title_line == 1 and post.meta_lines["summary"] == 7
    assert [s.line for s in post.sentences] == [10, 12]
    assert not any("Title:" in s.text for s in post.sentences)


@pytest.mark.parametrize("opening", [
    "Note: this post was updated in May.\n\nText of the post.\n",  # a known-looking line, but no title, date or slug
    "Title: a line of prose\nthat goes on without a colon.\n\nText.\n",  # not every line of the block is a field
    "Update: prices changed.\nSummary: see below.\n\nText.\n",
])
def test_prose_that_looks_like_a_field_stays_prose(tmp_path, opening):
    path = tmp_path / "prose.md"
    path.write_text(opening, encoding="utf-8")
    post = read_file(path)[0]
    assert post.meta == {} and post.sentences[0].line == 1


MDX_POST = """---
title: Does SMP hurt?
---
import Chart from "../components/Chart"
import {
  Note,
} from "../components"
export const meta = { author: "Dee" }

{/* a note for editors */}

# Out of ten

<Chart
  data={[1, 2, 3]}
/>

<Note type="tip">

Book a consultation to see it.

</Note>

Most clients rate it a two out of ten.

```js
import x from "y"
```
"""


def test_mdx_imports_exports_comments_and_component_tags_are_not_text(tmp_path):
    path = tmp_path / "pain.mdx"
    path.write_text(MDX_POST, encoding="utf-8")
    post = read_file(path)[0]
    assert post.title == "Does SMP hurt?" and post.slug == "pain"
    assert [(b.line, b.kind, b.text) for b in post.blocks] == [
        (12, "heading", "Out of ten"),
        (20, "paragraph", "Book a consultation to see it."),
        (24, "paragraph", "Most clients rate it a two out of ten."),
        (26, "code", 'import x from "y"\n'),
    ]


MDX_EXPRESSIONS = """---
title: Does SMP hurt?
---

# About {frontMatter.title}

Most clients rate it {props.score} out of ten. {/* check the figure */} Book a visit.

{/*
  a note for editors
*/}
Prices start at {props.price.toLocaleString("en-US", {
  style: "currency",
})} a session.

Call `{a code span}` today, \\{as written\\}.

```js
const x = {a: 1}
```

A stray { brace is text, and so is all after it.

Last words.
"""


def test_mdx_expressions_are_not_text_and_the_lines_after_them_keep_their_numbers(tmp_path):
    """`{frontMatter.title}`, `{props.x}` and `{/* comments */}`, on a line or over several, are code; what is
    around them is the post's, on its own line. A code span's braces, an escaped brace and a fence's are text, and
    a brace never closed (MDX would not compile it) keeps the words after it."""
    path = tmp_path / "pain.mdx"
    path.write_text(MDX_EXPRESSIONS, encoding="utf-8")
    post = read_file(path)[0]
    assert [(b.line, b.kind, " ".join(b.text.split())) for b in post.blocks] == [
        (5, "heading", "About"),
        (7, "paragraph", "Most clients rate it out of ten. Book a visit."),
        (12, "paragraph", "Prices start at a session."),
        (16, "paragraph", "Call today, {as written}."),
        (18, "code", "const x = {a: 1}"),
        (22, "paragraph", "A stray { brace is text, and so is all after it."),
        (24, "paragraph", "Last words."),
    ]
    assert [s.line for s in post.sentences] == [7, 7, 12, 16, 22, 24] and post.blocks[2].end_line == 14


def test_a_folder_of_mdx_and_pelican_posts_is_read_and_checked(tmp_path, capsys):
    (tmp_path / "pain.mdx").write_text(MDX_POST, encoding="utf-8")
    (tmp_path / "longevity.md").write_text(PELICAN_POST, encoding="utf-8")
    (tmp_path / "hurt.md").write_text(JSON_POST, encoding="utf-8")
    corpus = load_posts(tmp_path)
    assert sorted(p.slug for p in corpus) == ["hurt", "pain", "smp-longevity"] and not corpus.errors
    assert main(["check", str(tmp_path)]) in (0, 1)
    out = capsys.readouterr().out
    assert "pain.mdx:" in out and "Title:" not in out and "import Chart" not in out


def test_posts_in_formats_not_read_are_counted_in_one_warning_not_passed_over(tmp_path, capsys):
    (tmp_path / "a.org").write_text("#+TITLE: Title\n\nText.\n", encoding="utf-8")
    (tmp_path / "b.org").write_text("#+TITLE: Other\n\nText.\n", encoding="utf-8")
    (tmp_path / "c.adoc").write_text("= Title\n\nText.\n", encoding="utf-8")
    (tmp_path / "notes.py").write_text("x = 1\n", encoding="utf-8")  # not a post in any format: no word of it
    assert main(["check", str(tmp_path)]) == 1  # nothing to check: the folder holds no posts
    err = capsys.readouterr().err.splitlines()
    assert err[:2] == [
        f"{tmp_path}: warning: 3 posts left out: smpseo does not read AsciiDoc (.adoc, 1), Org (.org, 2); save "
        "as Markdown or HTML to check",
        f"{tmp_path}: error: folder holds no posts (.md, .markdown, .mdx, .rst, .html)"]
    (tmp_path / "d.md").write_text(PELICAN_POST, encoding="utf-8")
    corpus = load_posts(tmp_path)
    assert [p.slug for p in corpus] == ["smp-longevity"]
    assert [(e.severity, e.message.split(":")[0]) for e in corpus.errors] == [("warning", "3 posts left out")]


def test_a_jekyll_html_post_reads_its_front_matter_and_its_body_as_the_content(tmp_path):
    posts = tmp_path / "_posts"
    posts.mkdir()
    path = posts / "2024-05-06-does-smp-hurt.html"
    path.write_text("---\nlayout: post\ntitle: Does SMP hurt?\ndescription: What a session feels like.\n---\n"
                    "<p>Most clients rate it two out of ten.</p>\n<h2>Numbing</h2>\n<p>We use a numbing cream.</p>\n",
                    encoding="utf-8")
    [post] = read_file(path)
    assert (post.title, post.slug, post.date, post.format) == ("Does SMP hurt?", "does-smp-hurt", dt.date(2024, 5, 6),
                                                               "html")
    assert post.description == "What a session feels like." and post.meta_lines["title"] == 3
    assert [(b.line, b.kind, b.text) for b in post.blocks] == [
        (6, "paragraph", "Most clients rate it two out of ten."), (7, "heading", "Numbing"),
        (8, "paragraph", "We use a numbing cream.")]
    bad = posts / "2024-05-07-bad.html"
    bad.write_text("---\ntitle: [unclosed\n---\n<p>x</p>\n", encoding="utf-8")
    with pytest.raises(SourceError) as exc:
        read_file(bad)
    assert exc.value.line == 2 and "YAML" in exc.value.message


def test_hexo_front_matter_may_leave_out_its_opening_fence(tmp_path):
    path = tmp_path / "hexo.md"
    path.write_text("title: Hexo post\ndate: 2024-01-02\ntags: [aftercare, sun]\n---\n\nKeep out of the sun.\n",
                    encoding="utf-8")
    [post] = read_file(path)
    assert (post.title, post.date, post.tags) == ("Hexo post", dt.date(2024, 1, 2), ["aftercare", "sun"])
    assert post.meta_lines == {"title": 1, "date": 2, "tags": 3}
    assert [(s.line, s.text) for s in post.sentences] == [(6, "Keep out of the sun.")]
    prose = tmp_path / "prose.md"  # a first line with a colon, then a rule after a blank line: prose and a rule
    prose.write_text("Update: prices changed in May.\n\n---\n\nText.\n", encoding="utf-8")
    assert read_file(prose)[0].meta == {}


@pytest.mark.parametrize(("settings", "beside", "built"), [
    ("gatsby-config.js", None, "public"),
    ("astro.config.mjs", None, "dist"),
    ("docusaurus.config.js", None, "build"),
    ("pelicanconf.py", None, "output"),
    ("conf.py", "posts", "output"),  # Nikola
    ("hugo.toml", "content", "layouts"),
])
def test_a_site_root_is_read_without_what_its_generator_built_or_templates(tmp_path, settings, beside, built):
    (tmp_path / settings).write_text("", encoding="utf-8")
    posts = tmp_path / (beside or "content")
    posts.mkdir()
    (posts / "hurt.md").write_text(JSON_POST, encoding="utf-8")
    (tmp_path / built).mkdir()
    (tmp_path / built / "hurt.html").write_text("<html><head><title>Does SMP hurt? | Clinic</title></head><body>"
                                                "<article><p>Most clients rate it a two.</p></article></body></html>")
    assert [p.slug for p in load_posts(tmp_path)] == ["hurt"]
    (tmp_path / settings).unlink()  # without the generator's settings, the folder is any folder
    assert sorted(p.slug for p in load_posts(tmp_path)) == ["hurt", "hurt"]


def test_jekyll_templates_are_not_posts(tmp_path):
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2024-05-06-hurt.md").write_text(JSON_POST, encoding="utf-8")
    for folder in ("_layouts", "_includes"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "default.html").write_text("---\nlayout: base\n---\n<main>{{ content }}</main>\n")
    assert [p.slug for p in load_posts(tmp_path)] == ["hurt"]


def test_jekyll_s_other_markdown_extensions_are_posts(tmp_path):
    for ext in (".mkdown", ".mkdn", ".mkd", ".mdown"):
        (tmp_path / f"post{ext}").write_text(f"---\ntitle: Post {ext}\n---\n\nText.\n", encoding="utf-8")
    assert sorted(p.title for p in load_posts(tmp_path)) == ["Post .mdown", "Post .mkd", "Post .mkdn", "Post .mkdown"]


def test_mdx_text_a_component_wraps_on_its_own_line_is_the_posts(tmp_path):
    # `<Callout>...</Callout>` on one line, as Docusaurus and Astro posts write a tip: the tag is code, its text is
    # the post's, at its own column
    path = tmp_path / "tip.mdx"
    line = '<Callout type="tip" icon={<Star size={2} />}>Call us at 778 917 7772 to book.</Callout>'
    path.write_text(f"---\ntitle: Tips\n---\n\n{line}\n\n<Badge>New</Badge> clinic hours.\n", encoding="utf-8")
    post = read_file(path)[0]
    assert [(b.line, b.text) for b in post.blocks] == [(5, "Call us at 778 917 7772 to book."),
                                                       (7, "New clinic hours.")]
    assert (post.sentences[0].line, post.sentences[0].column) == (5, line.index("Call us") + 1)


@pytest.mark.parametrize("given", [".", "content"])
@pytest.mark.parametrize("settings, pages", [("", "content/pages"),
                                             ("PATH = 'src'\nPAGE_PATHS = ['static-pages']\n", "src/static-pages")])
def test_a_pelican_site_s_pages_are_not_posts(tmp_path, monkeypatch, given, settings, pages):
    """Pelican builds `content/pages` (its PAGE_PATHS under its PATH) as pages, not articles: an About page is
    neither checked as a post nor counted in the blog, whether the site or its content folder is given."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pelicanconf.py").write_text(f"AUTHOR = 'A'\n{settings}", encoding="utf-8")
    content = tmp_path / pages.split("/")[0]
    (tmp_path / pages).mkdir(parents=True)
    (content / "hurt.md").write_text("Title: Does SMP hurt?\n\nMost clients rate it a two.\n", encoding="utf-8")
    (tmp_path / pages / "about.md").write_text("Title: About us\n\nWe are a clinic.\n", encoding="utf-8")
    folder = given if given == "." else pages.split("/")[0]
    assert [p.slug for p in load_posts(folder)] == ["hurt"]
    (tmp_path / "pelicanconf.py").unlink()  # without the site's settings, `pages` is any folder of posts
    assert sorted(p.slug for p in load_posts(folder)) == ["about", "hurt"]


@pytest.mark.parametrize("href", ["{filename}/how-long.rst", "how-long.rst", "../posts/how-long.rst", "how-long/",
                                  "/blog/how-long.mdx", "how-long/index.md", "/how-long.html"])
def test_a_link_to_a_post_in_any_format_read_counts_as_a_link_to_it(tmp_path, href):
    from smpseo.analysis.site import incoming_links

    (tmp_path / "a.md").write_text(f"---\ntitle: A\n---\n\nSee [how long it lasts]({href}).\n", encoding="utf-8")
    (tmp_path / "how-long.rst").write_text("How long does SMP last?\n=======================\n\nYears.\n",
                                           encoding="utf-8")
    posts = sorted(load_posts(tmp_path), key=lambda p: p.path)
    assert [p.slug for p, _line in incoming_links(posts)[1]] == ["a"]
