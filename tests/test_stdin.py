"""`smpseo check -`: a post read from standard input (an editor's unsaved buffer, a pre-commit hook's staged text),
checked as the file `--stdin-filename` names would be, in its place, with nothing written and nothing kept that a
later check of the file on disk could take for its own. The real command, in processes of its own."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from .conftest import CLINIC_CONFIG, CLINIC_POSTS, FIXTURES

POST = "posts/what-is-smp.md"
# Lines an editor added above the post's first paragraph, not saved yet: every finding after them moves down 4 lines.
ADDED = ("Scalp micropigmentation is a cosmetic tattoo that our Vancouver clinic places in the scalp one dot at a "
         "time so that a shaved head looks fuller and a thinning crown looks denser to anyone who sees it.\n\n"
         "Call us to book.\n\n")


@pytest.fixture
def site(tmp_path):
    """A copy of the clinic's posts and settings, as the working folder: outputs name `posts/...`."""
    root = tmp_path / "site"
    shutil.copytree(CLINIC_POSTS, root / "posts")
    shutil.copy(CLINIC_CONFIG, root / "smpseo.toml")
    return root


def smpseo(cwd, *argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
    """`smpseo check ARGV...` run in `cwd` with `stdin` piped in, its cache in the test's folder and switched on."""
    env = {**os.environ, "SMPSEO_CACHE_DIR": str(cwd.parent / "cache"), "SMPSEO_NO_CACHE": "0",
           "SMPSEO_WORKERS": "1"}
    proc = subprocess.run([sys.executable, "-m", "smpseo", "check", *argv], cwd=cwd, input=stdin,
                          capture_output=True, env=env, timeout=300)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def edited(site) -> str:
    """The post as an editor holds it: `ADDED` after its front matter."""
    text = (site / POST).read_text(encoding="utf-8")
    end = text.index("\n---\n", 4) + len("\n---\n")
    return text[:end] + "\n" + ADDED + text[end:].lstrip("\n")


def lines_of(out: str, rule: str) -> list[int]:
    return [int(line.split(":")[1]) for line in out.splitlines() if f": {rule} " in line]


# ---- the text piped in is checked as that file ---------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "csv"])
def test_the_same_output_and_status_as_the_same_text_in_the_file(site, fmt):
    """Findings (their lines and columns in the text piped in), the notes, the blog's site-wide findings and the exit
    status are those of a check of the file holding that text."""
    text = edited(site)
    piped = smpseo(site, "-", "--stdin-filename", POST, "--format", fmt, stdin=text.encode("utf-8"))
    (site / POST).write_text(text, encoding="utf-8")
    assert piped == smpseo(site, POST, "--format", fmt)
    assert piped[0] == 1  # the post has no meta description: an error finding
    if fmt == "json":
        data = json.loads(piped[1])
        assert {f["path"] for f in data["findings"]} == {POST}
        assert any(f["rule"] == "SITE405" for f in data["findings"])  # no other post of the blog links to it
    if fmt == "sarif":
        results = json.loads(piped[1])["runs"][0]["results"]
        assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {POST}


def test_findings_point_into_the_text_piped_in_not_the_file_on_disk(site):
    code, on_disk, _ = smpseo(site, POST, "--select", "RD101")
    _, piped, _ = smpseo(site, "-", "--stdin-filename", POST, "--select", "RD101", stdin=edited(site).encode())
    assert code == 0 and lines_of(on_disk, "RD101")
    assert lines_of(piped, "RD101")[-3:] == [line + 4 for line in lines_of(on_disk, "RD101")[-3:]]
    assert lines_of(piped, "RD101")[0] == 7  # the long sentence added, the first paragraph after the front matter


def test_the_file_on_disk_is_unchanged_and_checked_as_it_is_after(site):
    """The text piped in is never written, and what is kept of it is kept by its bytes: a check of the file on disk
    after it gives the file's own findings, those a check with the cache off gives."""
    before = (site / POST).read_bytes()
    reference = smpseo(site, POST, "--no-cache", "--format", "json")
    assert smpseo(site, POST, "--format", "json") == reference  # the file's run, remembered
    text = edited(site).replace("title: What is SMP?", "title: What is scalp micropigmentation?")
    piped = smpseo(site, "-", "--stdin-filename", POST, "--format", "json", stdin=text.encode())
    assert piped != reference and "What is scalp micropigmentation?" in piped[1]
    assert (site / POST).read_bytes() == before
    assert sorted(p.name for p in (site / "posts").iterdir()) == sorted(p.name for p in CLINIC_POSTS.iterdir())
    assert smpseo(site, POST, "--format", "json") == reference
    assert smpseo(site, "-", "--stdin-filename", POST, "--format", "json", stdin=text.encode()) == piped


# ---- the name given: reader, settings, blog -------------------------------------------------------------------------
def test_the_name_chooses_the_reader(site):
    """Named `.html`, a page is read by the HTML reader (its <meta> description, without the site's navigation);
    with no name, it is Markdown, as a post named `-`."""
    page = (FIXTURES / "html" / "wordpress-post.html").read_bytes()
    code, out, err = smpseo(site, "-", "--stdin-filename", "posts/does-smp-hurt.html", "--format", "json",
                            stdin=page)
    data = json.loads(out)
    (post,) = data["posts"]
    assert post["path"] == "posts/does-smp-hurt.html" and post["title"] == "Does SMP hurt?"
    assert "SEO206" not in {f["rule"] for f in data["findings"]}
    assert "Skip to content" not in post["metrics"]["top_terms"]
    _, out, _ = smpseo(site, "-", "--format", "json", stdin=page)
    data = json.loads(out)
    (post,) = data["posts"]
    assert post["path"] == "-" and "SEO206" in {f["rule"] for f in data["findings"]}
    assert "Skip to content" in post["metrics"]["top_terms"]  # the page's navigation, read as the post's text


def test_a_new_post_is_checked_with_the_rest_of_its_blog(site):
    """A post not saved yet, named into the blog's folder: the site-wide rules read the blog's other posts; with no
    name, the text is a post of its own."""
    text = edited(site).replace("title: What is SMP?", "title: Does SMP damage hair follicles?") \
        .replace("slug: what-is-smp", "slug: smp-and-hair-follicles")
    code, out, err = smpseo(site, "-", "--stdin-filename", "posts/new-post.md", stdin=text.encode())
    assert "posts/new-post.md:2:8: SITE403 warning Same title as " in out
    assert "does-smp-damage-hair-follicles.md" in out
    assert not (site / "posts" / "new-post.md").exists()
    _, out, _ = smpseo(site, "-", stdin=text.encode())
    assert "-:1:1: SEO206 error No meta description" in out and "SITE403" not in out


def test_the_text_takes_the_place_of_its_file_in_the_blog(site):
    """The blog's copy of the file is left out: its old title is not a duplicate of the new text's."""
    other = (site / "posts" / "what-is-smp.md").read_text(encoding="utf-8")
    (site / "posts" / "copy.md").write_text(other.replace("slug: what-is-smp", "slug: copy"), encoding="utf-8")
    code, out, _ = smpseo(site, "posts/copy.md", "--select", "SITE403")
    assert "posts/copy.md:2:8: SITE403" in out  # the file on disk has what-is-smp.md's title
    text = other.replace("title: What is SMP?", "title: A title of its own").replace("slug: what-is-smp", "slug: copy")
    code, out, _ = smpseo(site, "-", "--stdin-filename", "posts/copy.md", "--select", "SITE403", stdin=text.encode())
    assert code == 0 and "SITE403" not in out


def test_settings_are_found_from_the_name(site, tmp_path):
    """Run from outside the blog, the settings beside the post named are used, as for the file itself."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    text = edited(site).encode()
    code, out, err = smpseo(elsewhere, "-", "--stdin-filename", f"../site/{POST}", stdin=text)
    assert f"Settings: {site / 'smpseo.toml'}" in out
    assert "LOC30" in out  # the clinic's name, city and phone, from those settings
    (site / POST).write_bytes(text)
    assert smpseo(elsewhere, f"../site/{POST}") == (code, out, err)


# ---- bytes decoded as a file's ---------------------------------------------------------------------------------------
def test_bytes_are_decoded_as_a_file_is(site):
    text = edited(site)
    as_utf8 = smpseo(site, "-", "--stdin-filename", POST, stdin=text.encode("utf-8"))
    assert smpseo(site, "-", "--stdin-filename", POST, stdin=text.encode("utf-16")) == as_utf8  # its BOM says so
    assert smpseo(site, "-", "--stdin-filename", POST, stdin=b"\xef\xbb\xbf" + text.encode("utf-8")) == as_utf8
    cp1252 = "---\ntitle: Caf\xe9 SMP\n---\n\nA short post.\n".encode("cp1252")
    code, _, err = smpseo(site, "-", "--stdin-filename", "posts/new.md", "--select", "RD", stdin=cp1252)
    assert err == "posts/new.md:2: warning: not UTF-8; read as Windows-1252\n"


@pytest.mark.parametrize(("data", "message"), [
    (b"", "-: error: file is empty"),
    (b"\n  \n", "-: error: file is empty"),
    (bytes(range(32)) * 4, "-: error: binary file, not text"),
])
def test_unreadable_text_is_one_line_naming_it_status_1(site, data, message):
    code, out, err = smpseo(site, "-", stdin=data)
    assert (code, err) == (1, message + "\n")
    assert out.splitlines()[-1].endswith("1 file could not be read")


def test_an_unknown_file_type_is_named(site):
    code, _, err = smpseo(site, "-", "--stdin-filename", "notes.docx", stdin=b"Some text.\n")
    assert code == 1 and err.startswith("notes.docx: error: a word processor's document: save it as a web page (.html)")


# ---- usage errors ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("argv", "says"), [
    (["-", "-"], "- given twice"),
    (["-", "posts"], "give no other PATH"),
    (["--watch", "-"], "cannot be watched"),
    (["posts", "--stdin-filename", POST], "give - as the PATH"),
    (["-", "--stdin-filename", "posts"], "not a folder"),
], ids=["twice", "with-paths", "watch", "name-without-dash", "name-a-folder"])
def test_usage_errors_exit_2_on_one_line(site, argv, says):
    code, out, err = smpseo(site, *argv, stdin=b"# A post\n\nText.\n")
    assert code == 2 and out == ""
    assert err.splitlines()[-1].startswith("smpseo check: error: ") and says in err.splitlines()[-1]
    assert "Traceback" not in err
