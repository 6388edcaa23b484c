"""What the library's functions take as posts and settings (`smpseo.app.arguments`): a path, a Post, or a list of
them, mixed or not, and a Config or a settings path; anything else is a TypeError saying what was given."""

from __future__ import annotations

import warnings

import pytest

import smpseo

from .conftest import CLINIC_POSTS

FILE = CLINIC_POSTS / "what-is-smp.md"
OTHER = CLINIC_POSTS / "how-long-does-smp-last.md"


@pytest.fixture(scope="module")
def post():
    return smpseo.load_posts(str(FILE))[0]


@pytest.mark.parametrize("function", ["check", "analyze", "gaps"])
def test_a_post_a_path_and_a_list_mixing_them_are_all_taken(post, function):
    call = getattr(smpseo, function)

    def slugs(result) -> set[str]:
        if function == "analyze":
            return set(result["slug"])
        if function == "check":
            return {p["path"].rsplit("/", 1)[-1].removesuffix(".md") for p in result.posts}
        return set()

    alone, mixed = call(post), call([post, str(OTHER)])
    if function != "gaps":
        assert slugs(alone) == {"what-is-smp"}
        assert slugs(mixed) == {"what-is-smp", "how-long-does-smp-last"}


@pytest.mark.parametrize("function", ["check", "analyze", "gaps"])
@pytest.mark.parametrize(("posts", "config", "message"), [
    (None, None, "posts must be a path (str or Path), a Post, or a list of them, not NoneType"),
    (b"posts", None, "not bytes"),
    ([1, 2], None, "the list holds a int"),
    (str(FILE), {"site": {"city": "Leeds"}}, "config must be a Config or the path of a smpseo.toml, not dict"),
])
def test_anything_else_is_a_type_error_saying_what_was_given(function, posts, config, message):
    with pytest.raises(TypeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        getattr(smpseo, function)(posts, config=config)


def test_what_a_mixed_list_could_not_read_is_in_the_errors(post, tmp_path):
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02 not text")
    result = smpseo.check([post, str(tmp_path / "binary.md")])
    assert [e.path.rsplit("/", 1)[-1] for e in result.errors] == ["binary.md"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = smpseo.analyze([post, str(tmp_path / "binary.md")])
    assert list(frame["slug"]) == ["what-is-smp"] and len(frame.attrs["errors"]) == 1 and caught


@pytest.mark.parametrize(("topics", "queries", "message"), [
    (5, None, "topics must be a topics file (str or Path), a Topic, or a list of them, not int"),
    ({"id": "parking", "question": "Is there parking?"}, None, "topics must be a topics file .*, not dict"),
    (["mine.yml", 3], None, "topics must be .*; the list holds a int"),
    (None, 5, "queries must be a Search Console Queries.csv or export ZIP .*, not int"),
    (None, b"Queries.csv", "queries must be .*, not bytes"),
])
def test_gaps_topics_and_queries_of_another_type_are_a_type_error_saying_what_was_given(post, topics, queries,
                                                                                        message):
    with pytest.raises(TypeError, match=message.replace("(str or Path)", r"\(str or Path\)")):
        smpseo.gaps(post, topics=topics, queries=queries)


def test_posts_already_read_take_the_settings_beside_their_files_not_the_current_folders(tmp_path, monkeypatch):
    blog, here = tmp_path / "austin", tmp_path / "elsewhere"
    blog.mkdir()
    here.mkdir()
    (blog / "what-is-smp.md").write_bytes(FILE.read_bytes())
    (blog / "smpseo.toml").write_text('[site]\ncity = "Austin"\nregion = "Texas"\n', encoding="utf-8")
    (here / "smpseo.toml").write_text('[site]\ncity = "Vancouver"\nregion = "BC"\n', encoding="utf-8")
    monkeypatch.chdir(here)
    posts = smpseo.load_posts(str(blog))
    assert smpseo.gaps(posts)["cost"].question == "How much does SMP cost in Austin?"
    assert smpseo.gaps(list(posts)[0])["local_provider"].question == "Where can I get SMP in Austin?"
    assert smpseo.check(posts).settings.endswith("smpseo.toml") and "austin" in smpseo.check(posts).settings


def test_check_takes_a_posts_text_in_place_of_its_file(tmp_path):
    """`check(path, text=...)`, as an editor holds a post not saved yet: read as that file, in its blog, with
    findings pointing into the text; the file is not read or written. The same text saved gives the same result."""
    blog = tmp_path / "posts"
    blog.mkdir()
    for name in ("what-is-smp.md", "does-smp-damage-hair-follicles.md"):
        (blog / name).write_bytes((CLINIC_POSTS / name).read_bytes())
    path = blog / "what-is-smp.md"
    text = FILE.read_text(encoding="utf-8").replace("title: What is SMP?", "title: Does SMP damage hair follicles?")
    result = smpseo.check(str(path), text=text, blog=str(blog))
    assert [f.line for f in result.findings if f.rule == "SITE403"] == [2]  # the title of the other post
    assert path.read_bytes() == FILE.read_bytes()
    assert smpseo.check(str(path), text=text.encode("utf-16"), blog=str(blog)).findings == result.findings
    path.write_text(text, encoding="utf-8")
    assert smpseo.check(str(path), blog=str(blog)).findings == result.findings
    assert smpseo.check("-", text=text).findings[0].path == "-"  # no file: Markdown, named "-"


@pytest.mark.parametrize(("posts", "text", "message"), [
    ([str(FILE), str(OTHER)], "# A post", "text is one post's text: give posts as the one path it stands for"),
    (FILE, 5, "text must be str or bytes, not int"),
])
def test_check_text_without_one_path_to_stand_for_is_a_type_error(post, posts, text, message):
    with pytest.raises(TypeError, match=message):
        smpseo.check(posts, text=text)
    with pytest.raises(TypeError, match="text is one post's text"):
        smpseo.check(post, text="# A post")
