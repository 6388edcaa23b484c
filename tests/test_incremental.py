"""Incremental checks (`smpseo.app.incremental`): after an edit, only the edited file is read and checked, and the
output equals a cold run's in every format. Plus the post's plain-data record that makes this possible."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smpseo.app.incremental as incremental
from smpseo.app.check import check
from smpseo.app.incremental import Session
from smpseo.cli import main
from smpseo.model.post import Block, Image, Link, Post, Sentence
from smpseo.model.records import from_plain, to_plain
from smpseo.sources.readers import load_posts

from .conftest import CLINIC_CONFIG, CLINIC_POSTS, FIXTURES, damage_entry, shared

# ---- Post.to_record / from_record ------------------------------------------------------------------------------
text = st.text(max_size=30)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), text,
                    st.dates(), st.datetimes(timezones=st.sampled_from([None, UTC,
                                                                        timezone(timedelta(hours=-8))])),
                    st.binary(max_size=8), st.times(timezones=st.sampled_from([None, UTC])))
keys = st.one_of(text, st.integers(), st.booleans(), st.dates(), st.just("$date"), st.just("$map"))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4), st.tuples(inner, inner),
    st.frozensets(st.one_of(st.integers(), text), max_size=3)), max_leaves=12)
sentences = st.builds(Sentence, text, st.integers(0, 500), st.integers(1, 200))
blocks = st.builds(Block, st.sampled_from(["heading", "paragraph", "list_item", "quote", "image", "code", "table"]),
                   text, st.integers(0, 500), st.one_of(st.none(), st.integers(0, 500)), st.integers(0, 6),
                   st.lists(sentences, max_size=3),
                   st.lists(st.builds(Link, text, text, st.integers(0, 500), st.integers(1, 99)), max_size=2),
                   st.lists(st.builds(Image, text, text, st.integers(0, 500), text, text, text), max_size=2), text)
posts = st.builds(Post, st.one_of(st.none(), text), text, text, st.lists(blocks, max_size=4),
                  description=text, keyphrase=text, date=st.one_of(st.none(), st.dates()), status=text,
                  tags=st.lists(text, max_size=3), categories=st.lists(values, max_size=2), canonical=text,
                  source=text, jsonld=st.lists(values, max_size=2), meta=st.dictionaries(keys, values, max_size=5),
                  meta_lines=st.dictionaries(text, st.integers(0, 99), max_size=3), title_line=st.integers(0, 99),
                  format=st.sampled_from(["markdown", "html", "wxr", "text", ""]), warnings=st.lists(text, max_size=2))


@settings(max_examples=150, deadline=None)
@given(posts)
def test_a_post_comes_back_equal_from_its_record_through_json(post):
    record = json.loads(json.dumps(post.to_record()))
    assert Post.from_record(record) == post


def test_real_posts_come_back_equal():
    corpus = [*load_posts(CLINIC_POSTS), *load_posts(FIXTURES / "wxr" / "themeunittestdata.wordpress.xml"),
              *load_posts(FIXTURES / "html" / "wordpress-post.html")]
    assert len(corpus) > 8
    for post in corpus:
        assert Post.from_record(json.loads(json.dumps(post.to_record()))) == post


def test_values_of_other_types_are_refused_and_tags_are_not_trusted():
    with pytest.raises(TypeError):
        to_plain({"when": object()})
    with pytest.raises(KeyError):
        from_plain({"$pickle": "x"})
    with pytest.raises(ValueError):
        from_plain({"$date": "2026-01-01", "$other": 1})
    assert from_plain(to_plain({"$date": "not a tag"})) == {"$date": "not a tag"}
    assert from_plain(to_plain({1: datetime(2026, 1, 2, 3, 4), "d": date(2026, 5, 6)})) == \
        {1: datetime(2026, 1, 2, 3, 4), "d": date(2026, 5, 6)}


def test_a_post_with_a_time_of_day_in_its_front_matter_is_checked_and_kept(tmp_path, capsys, monkeypatch):
    """TOML has local times (`opens = 09:30:00`): the post is checked, with the others, and read back from the
    cache as it was read."""
    monkeypatch.setenv("SMPSEO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SMPSEO_NO_CACHE", raising=False)
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "hours.md").write_text('+++\ntitle = "Opening hours"\nopens = 09:30:00\n+++\n\n'
                                                 "We open at half past nine.\n", encoding="utf-8")
    (tmp_path / "posts" / "other.md").write_text("# Other\n\nAnother post.\n", encoding="utf-8")
    runs = []
    for _ in range(2):
        main(["check", str(tmp_path / "posts"), "--format", "json"])
        out, err = capsys.readouterr()
        assert "error" not in err
        runs.append(sorted({f["path"] for f in json.loads(out)["findings"]}))
    assert runs[0] == runs[1] and len(runs[0]) == 2


# ---- an edit: one file read, one post checked, the same output as cold -----------------------------------------
@pytest.fixture
def site(clinic_site):
    return clinic_site


def outputs(capsys, monkeypatch, cold: bool, formats=("text", "json", "csv")) -> dict[str, tuple[int, str, str]]:
    monkeypatch.setenv("SMPSEO_NO_CACHE", "1" if cold else "0")
    found = {}
    for fmt in formats:
        code = main(["check", "posts", "--format", fmt])
        out, err = capsys.readouterr()
        found[fmt] = (code, out, err)
    monkeypatch.setenv("SMPSEO_NO_CACHE", "0")
    return found


def append(path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


EDITS = {
    "a sentence added": lambda posts: append(posts / "what-is-smp.md", "\nA sentence the editor has just added to "
                                                                       "this post about the clinic in Vancouver.\n"),
    "a keyphrase changed": lambda posts: (posts / "what-is-smp.md").write_text(
        (posts / "what-is-smp.md").read_text(encoding="utf-8").replace("---\n", "---\nkeyphrase: SMP hairline\n", 1),
        encoding="utf-8"),
    "a link added": lambda posts: append(posts / "what-is-smp.md", "\nRead [how long SMP lasts](/how-long-does-"
                                                                   "scalp-micropigmentation-last/).\n"),
    "a post removed": lambda posts: sorted(posts.glob("*.md"))[0].unlink(),
    "a post added": lambda posts: (posts / "new-draft.md").write_text(
        "---\ntitle: Scalp micropigmentation aftercare tips\n---\n\nGood SMP aftercare keeps the dots crisp. Call "
        "us to book a consultation.\n", encoding="utf-8"),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_after_an_edit_every_format_equals_a_cold_run(site, capsys, monkeypatch, edit):
    outputs(capsys, monkeypatch, cold=False)  # fills the cache
    EDITS[edit](site / "posts")
    assert outputs(capsys, monkeypatch, cold=False) == outputs(capsys, monkeypatch, cold=True)


def test_an_edit_reads_and_checks_one_file(site, monkeypatch):
    read = []
    real = incremental.read_source
    monkeypatch.setattr(incremental, "read_source", lambda path, *a, **k: read.append(path) or real(path, *a, **k))
    session = Session()
    check("posts", session=session)
    assert len(read) == 8 and session.last_checked == 8
    read.clear()
    check("posts", session=session)
    assert read == [] and session.last_checked == 0
    EDITS["a sentence added"](site / "posts")
    check("posts", session=session)
    assert [p.name for p in read] == ["what-is-smp.md"] and session.last_parsed == 1 and session.last_checked == 1

    read.clear()  # a new process: the same from the disk cache
    fresh = Session()
    append(site / "posts" / "what-is-smp.md", "\nAnd one more.\n")
    check("posts", session=fresh)
    assert [p.name for p in read] == ["what-is-smp.md"] and fresh.last_checked == 1


def test_a_new_keyphrase_checks_every_post_again(site):
    """A new phrase can change how any text is read (a space variant): every post's summary is worked out again,
    but no file is parsed again."""
    session = Session()
    check("posts", session=session)
    EDITS["a keyphrase changed"](site / "posts")
    check("posts", session=session)
    assert session.last_parsed == 1 and session.last_checked == 8


WRONG_SHAPES = {incremental.PARSED: {"posts": [{"path": 1}], "errors": []},
                incremental.CHECKED: [{"findings": [[1]]}], incremental.MATCHES: {"a phrase": [["key"], [[0, 1]]]}}


@pytest.mark.parametrize("kind", list(WRONG_SHAPES))
@pytest.mark.parametrize("damage", ["garbage", "other-key", "wrong-shape"])
def test_a_damaged_entry_is_rebuilt(site, capsys, monkeypatch, kind, damage):
    outputs(capsys, monkeypatch, cold=False)
    EDITS["a sentence added"](site / "posts")
    entries = sorted((site.parent / "cache" / kind).rglob("*.json"))
    assert entries
    for entry in entries:
        damage_entry(entry, damage, WRONG_SHAPES[kind])
    assert outputs(capsys, monkeypatch, False, ["json"]) == outputs(capsys, monkeypatch, True, ["json"])


@pytest.mark.slow
def test_after_an_edit_the_18f_blog_equals_a_cold_run(tmp_path, monkeypatch):
    """Link suggestions on a real blog: kept topic matches, a new topic searched where its words can be."""
    posts = tmp_path / "posts"
    shutil.copytree(shared("corpora", "18f-blog-posts"), posts)
    for extra in sorted(posts.glob("*.md"))[120:]:
        extra.unlink()
    monkeypatch.setenv("SMPSEO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SMPSEO_NO_CACHE", "0")
    check(str(posts))
    target = sorted(posts.glob("*.md"))[7]
    append(target, "\nOpen source code and human-centered design make modular contracting work.\n")
    warm = check(str(posts)).to_dict()
    monkeypatch.setenv("SMPSEO_NO_CACHE", "1")
    assert warm == check(str(posts)).to_dict()


def test_a_keyphrase_that_changes_how_another_post_is_read(tmp_path, monkeypatch):
    """b's new keyphrase makes "hair line" a known word, so a's own keyphrase no longer matches a's text: a's
    findings change although a did not, and the incremental run must see it."""
    monkeypatch.setenv("SMPSEO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SMPSEO_NO_CACHE", "0")
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "a.md").write_text("---\ntitle: Hair line design\nkeyphrase: hair line design\n---\n\nOur hair line "
                                "design follows your face. Hair line design takes an hour.\n", encoding="utf-8")
    (posts / "b.md").write_text("---\ntitle: SMP cost\nkeyphrase: SMP cost\n---\n\nThe SMP cost depends on the "
                                "area.\n", encoding="utf-8")
    session = Session()
    before = check(str(posts), CLINIC_CONFIG, session=session).to_dict()
    (posts / "b.md").write_text((posts / "b.md").read_text(encoding="utf-8").replace("keyphrase: SMP cost",
                                                                                    "keyphrase: hairline"),
                                encoding="utf-8")
    kept = check(str(posts), CLINIC_CONFIG, session=session).to_dict()
    from_disk = check(str(posts), CLINIC_CONFIG, session=Session()).to_dict()
    monkeypatch.setenv("SMPSEO_NO_CACHE", "1")
    cold = check(str(posts), CLINIC_CONFIG).to_dict()
    assert kept == from_disk == cold
    a_findings = [[f["rule"], f["message"]] for f in cold["findings"] if f["path"].endswith("a.md")]
    assert a_findings != [[f["rule"], f["message"]] for f in before["findings"] if f["path"].endswith("a.md")]


def test_each_file_is_decoded_once_for_its_findings_and_switches(tmp_path, monkeypatch, capsys):
    """A post's source lines place its findings and hold its inline switches: decoded once per file and run, not
    again for each use (an export of hundreds of posts would be decoded once per post)."""
    monkeypatch.setenv("SMPSEO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SMPSEO_NO_CACHE", "1")
    decoded = []
    plain = incremental.Source.lines
    monkeypatch.setattr(incremental.Source, "lines", lambda self: decoded.append(self.path) or plain(self))
    main(["check", str(CLINIC_POSTS), "--config", str(CLINIC_CONFIG), "--format", "json"])
    capsys.readouterr()
    assert decoded and len(decoded) == len(set(decoded))
