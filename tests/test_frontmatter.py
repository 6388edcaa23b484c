"""Plain front matter read without PyYAML (`smpseo.sources.readers.plainyaml`) gives what PyYAML's safe loader gives,
value for value and type for type; whatever it does not read is left to PyYAML."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smpseo.core import tomltext
from smpseo.sources.readers import frontmatter, plainyaml
from smpseo.sources.readers.decode import SourceError

from .conftest import ROOT, SHARED


def typed(value):
    """A value with the type of every part spelt out (`1 == True` and `date == date` hide what differs)."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    return (type(value).__name__, repr(value))


def by_pyyaml(source: str):
    """What `split_front_matter` reads with PyYAML, or the error it raises."""
    try:
        data = frontmatter._yaml(source, "post.md")
        return typed({} if data is None else data)  # as `split_front_matter` takes no document
    except SourceError as exc:
        return ("error", str(exc))


def same_as_pyyaml(source: str) -> bool:
    """True when `plainyaml` reads `source`, False when it leaves it to PyYAML; either way, nothing it reads
    differs from what PyYAML reads."""
    found = plainyaml.read(source)
    if found is None:
        return False
    assert typed(found) == by_pyyaml(source), source
    return True


def front_matters(folder: Path) -> list[str]:
    """The YAML front matter of every post under `folder`, as `split_front_matter` hands it to a loader."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".md", ".markdown") or not path.is_file():
            continue
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        if not re.match(r"^---[ \t]*$", lines[0]):
            continue
        end = next((i for i in range(1, len(lines)) if re.match(r"^---[ \t]*$", lines[i])
                    or lines[i].rstrip() == "..."), None)
        if end is not None:
            found.append("\n".join(line.rstrip(" \t") for line in lines[1:end]))
    return found


def test_the_clinic_s_posts_and_the_fixtures():
    clinic = front_matters(ROOT / "posts")
    assert clinic and all(same_as_pyyaml(s) for s in clinic)  # every one of the clinic's posts is plain
    fixtures = front_matters(ROOT / "tests" / "fixtures")
    read = [same_as_pyyaml(s) for s in fixtures]
    assert sum(read) > len(read) / 2


@pytest.mark.parametrize("corpus, share", [("18f-blog-posts", 0.6), ("faq-dev", 0.9)])
def test_real_blogs(corpus, share):
    """Most posts' front matter is plain (the rest of the 18F blog's is long text over several lines)."""
    folder = SHARED / "corpora" / corpus
    if not folder.is_dir():
        pytest.skip(f"{folder} not available")
    sources = front_matters(folder)
    read = [same_as_pyyaml(s) for s in sources]
    assert sum(read) >= share * len(read)


@pytest.mark.parametrize("source, expected", [
    ("", {}),
    ("# only a comment", {}),
    ("title: Coming soon\ndraft: yes\nweight: 12\ndate: 2024-03-01", {"title": "Coming soon", "draft": True,
                                                                      "weight": 12, "date": dt.date(2024, 3, 1)}),
    ("date: 2024-02-30", {"date": "2024-02-30"}),
    ("tags:\n- 18f\n-\n- 'it''s'\n- \"a: b\"", {"tags": ["18f", None, "it's", "a: b"]}),
    ("tags:\n  - a\n  - b\nnext:", {"tags": ["a", "b"], "next": None}),
    ("url: http://example.com/a#b?c=d", {"url": "http://example.com/a#b?c=d"}),
    ("a: ~\nb: Null\nc: off\nd: +5\ne: y\nf: 1e5\ng: '~'", {"a": None, "b": None, "c": False, "d": 5, "e": "y",
                                                               "f": "1e5", "g": "~"}),
])
def test_plain_shapes(source, expected):
    assert typed(plainyaml.read(source)) == typed(expected)
    assert same_as_pyyaml(source)


@pytest.mark.parametrize("source", [
    "tags: [a, b]", "a: &x 1\nb: *x", "a: !!str 1", "a: |\n  text", "a: >\n  text", "a:\n  b: c",
    "a: some\n  continued", 'a: "x\\ty"', "a: x # comment", "a: 1.5", "a: 0x1F", "a: 012", "a: 1_000", "a: 12:30",
    "a: 2024-01-01 10:00:00", "a: -1", "a: .inf", "yes: a", "null: a", "a:\tb", "a: b\u00a0c", "a:\n- x\n  - y",
    "- a\n- b", "a: b: c", "a: b:", "'a': b", "a : b", "a:b", "a: <<", "a: =", "? a\n: b", "a: 'x' y", "a: \"x\" y",
    "%YAML 1.1\na: b", "a: \ufeffb", "a: `b`", "a: @b", "a: '\ud800'",
])
def test_other_shapes_are_left_to_pyyaml(source):
    assert plainyaml.read(source) is None


KEYS = st.sampled_from(["title", "tags", "date", "Draft", "on", "null", "a-b", "_x", "y", "é", "a b", "1a", "TRUE",
                        "k:", "-k", "#k", "'k'", "k "])
VALUES = st.sampled_from([
    "", "plain text", "Coming soon!", "yes", "No", "ON", "~", "null", "NULL", "0", "00", "012", "+12", "-12", "12",
    "1_2", "0x1f", "0b11", "1.5", ".5", "1e5", "1.", "-.inf", ".NaN", "12:30", "1:2:3", "2024-03-01", "2024-3-1",
    "2024-02-30", "2024-03-01T10:00:00Z", "2024-03-01 10:00:00 +01:00", "9999-99-99", "http://a.b/c?d=e#f", "a: b",
    "a:", "a #b", "a#b", "#b", "'quoted'", "'it''s'", "'open", "''", '"double"', '"a\\nb"', '""', '"a"b"', "[a, b]",
    "{a: b}", "&a x", "*a", "!t x", "|", ">", "%x", "@x", "`x`", "-x", "- x", "?x", ":x", ",x", "<<", "=", "==",
    "é", "😀 emoji", "a\tb", "a\u00a0b", "a\u200bb", "\ufffe", "x\ud800y", "18f", "5 tips", "3.0 release",
])
LINES = st.one_of(
    st.tuples(KEYS, st.sampled_from([": ", ":", ":  ", " : "]), VALUES).map("".join),
    st.tuples(st.sampled_from(["- ", "  - ", "-", "    - ", "-  "]), VALUES).map("".join),
    st.sampled_from(["", "# a comment", "  # indented comment", "  continued", "...", "---"]),
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(LINES, max_size=8))
def test_whatever_plainyaml_reads_pyyaml_reads_alike(lines):
    same_as_pyyaml("\n".join(line.rstrip(" \t") for line in lines))


def test_a_plain_post_is_read_without_importing_yaml(tmp_path):
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: A post\ntags:\n- a\n---\n\nSome text.\n", encoding="utf-8")
    script = ("import sys; from smpseo.sources.readers import read_file; p = read_file(sys.argv[1]); "
              "print(p[0].title, 'yaml' in sys.modules, 'tomllib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script, str(post)], capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    assert out.stdout.split() == ["A", "post", "False", "False"], out.stderr


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="0123456789_:.-+eExXbBoOabcdefTtZ \tinfINFnaNA", min_size=1, max_size=30))
def test_the_quick_test_for_numbers_and_times_misses_none(value):
    if plainyaml._resolves_to_other().match(value):
        assert plainyaml._may_be_number_or_time(value), value


@pytest.mark.parametrize("opening", ["---\n", ""])  # YAML front matter, and Hexo's without its opening fence
@pytest.mark.parametrize("title", ["B", '"B"  # a comment'])  # read by plainyaml, and by PyYAML
def test_a_field_given_twice_is_the_last_and_said_at_its_line(opening, title):
    """YAML readers keep a field's last value: a finding about the title points at that line, and the repeat is a
    warning, not a silent choice."""
    from smpseo.sources.readers.markdown import parse_markdown

    warnings: list[str] = []
    post = parse_markdown(f"{opening}title: A\ndate: 2024-03-01\ntitle: {title}\n---\n\nBody.\n", "p.md", warnings)
    first = 2 if opening else 1
    assert post.meta["title"] == "B"
    assert post.title_line == first + 2
    assert warnings == [f"line {first + 2}: 'title' is given again (first on line {first}); the last one is used"]


def test_a_field_given_once_warns_of_nothing():
    warnings: list[str] = []
    frontmatter.split_front_matter("---\ntitle: A\ntags:\n- a\n- b\nnested:\n  title: x\n---\n", "p.md", None, warnings)
    assert warnings == []


@pytest.mark.parametrize("before", ["\n", "\n\n", "  \n"])
def test_front_matter_after_a_blank_line_is_text_and_said_so(before):
    """Sites read front matter only from the first line: after a blank line it is text on the page, and its title
    is not the post's. smpseo reads it so too, and says why the post has no title."""
    from smpseo.sources.readers.markdown import parse_markdown

    warnings: list[str] = []
    post = parse_markdown(f"{before}---\ntitle: Late\ndate: 2024-03-01\n---\n\nBody.\n", "p.md", warnings)
    line = before.count("\n") + 1
    assert post.title != "Late"
    assert warnings == [f"line {line}: front matter must open on the first line; after the blank "
                        f"{'line' if line == 2 else 'lines'} above it, it is read as text, and its fields are not "
                        f"the post's"]


@pytest.mark.parametrize("text", ["\n---\n\nA rule at the top, then prose.\n\n---\n\nMore.\n", "\n---\n\nJust a rule.\n",
                                  "---\ntitle: On time\n---\n\nBody.\n"])
def test_a_rule_at_the_top_of_the_text_is_not_late_front_matter(text):
    from smpseo.sources.readers.markdown import parse_markdown

    warnings: list[str] = []
    parse_markdown(text, "p.md", warnings)
    assert warnings == []


# -- TOML front matter: a date that cannot be is its text, as YAML's is ----------------------------------------------

def _toml(fields: str) -> str:
    return f'+++\ntitle = "A"\n{fields}\nnote = """\n2024-02-30\n"""\n+++\n\nBody.\n'


@pytest.mark.parametrize("value, expected", [
    ("2024-02-30", "2024-02-30"),
    ("0000-00-00", "0000-00-00"),
    ("2024-13-01 10:00:00Z", "2024-13-01 10:00:00Z"),
    ("2024-02-30T10:00:00+01:00  # a comment", "2024-02-30T10:00:00+01:00"),
    ("[2024-01-01, 2024-02-30,0000-00-00]", [dt.date(2024, 1, 1), "2024-02-30", "0000-00-00"]),
    ("{on = 2024-02-30}", {"on": "2024-02-30"}),
    ("2024-03-01", dt.date(2024, 3, 1)),
])
def test_an_impossible_toml_date_is_read_as_the_text_it_is_written_as(value, expected):
    """tomllib refuses a whole document for one date that cannot be: the post was lost. Such a date is read as its
    text (a multi-line string that holds one is left as it is), the field's line kept for `as_date` to name."""
    fields, lines, start = frontmatter.split_front_matter(_toml(f"date = {value}"), "p.md")
    assert typed(fields) == typed({"title": "A", "date": expected, "note": "2024-02-30\n"})
    assert lines["date"] == 3 and start == 7


@pytest.mark.parametrize("fields, line, problem", [
    ("date = 2024-01-01 x", 3, "Expected newline or end of document after a statement"),
    ("date = 2024-01-01x", 3, "Expected newline or end of document after a statement"),
    ("dates = [2024-01-01 2024-01-02]", 3, "Unclosed array"),
    ('date = 2024-02-30\nsummary = "unclosed', 4, "Illegal character '\\n'"),  # after a date read as text
    ('title = "B"', 3, "Cannot overwrite a value"),
    ("dates = [" + ", ".join(["2024-02-30"] * (1 + tomltext.MAX_TEXT_DATES)) + "]", 3, "Invalid date or datetime"),
])
def test_other_toml_errors_are_still_errors_at_their_line(fields, line, problem):
    with pytest.raises(SourceError) as raised:
        frontmatter.split_front_matter(_toml(fields), "p.md")
    assert (raised.value.line, raised.value.message) == (line, f"invalid TOML front matter: {problem}")


@pytest.mark.parametrize("text, line, problem", [
    ('---\ntitle: "Does SMP hurt?\ndescription: A short answer.\nkeyphrase: smp pain\n---\n\nBody.\n', 2,
     "invalid YAML front matter: found unexpected end of stream while scanning a quoted scalar"),
    ('+++\ntitle = """Does SMP hurt?\ndescription = "x"\n+++\n\nBody.\n', 2,
     "invalid TOML front matter: Unterminated string: the string opened on this line is never closed"),
])
def test_a_quote_never_closed_is_said_at_the_line_it_opens(text, line, problem):
    """The error was said at the end of the front matter, where the parser ran out of text, not at the quote to
    close (the same lines as topics and settings files)."""
    with pytest.raises(SourceError) as raised:
        frontmatter.split_front_matter(text, "p.md")
    assert (raised.value.line, raised.value.message) == (line, problem)


# -- fields of the wrong type: left out with a warning at their line ------------------------------------------------

@pytest.mark.parametrize("field, expected, warning", [
    ("tags: [a, 2024, ' b ']", ["a", "2024", "b"], None),
    ("tags: a, b", ["a", "b"], None),
    ("tags: 42", ["42"], None),
    ("tags: {a: [b, {c: d}]}", [], "line 3: 'tags' should be a list of text, not dict; ignored"),
    ("tags: true", [], "line 3: 'tags' should be a list of text, not bool; ignored"),
    ("tags: [b, {c: d}, [e], f]", ["b", "f"], "line 3: 'tags' should be a list of text; its items that are dict or "
                                               "list are ignored"),
    ("categories: {a: b}", [], "line 3: 'categories' should be a list of text, not dict; ignored"),
])
def test_tags_and_categories_are_text_and_anything_else_is_said(field, expected, warning):
    """A mapping given as tags was kept as the tag "{'a': ['b', {'c': 'd'}]}" without a word; the items of a list
    that are not text were dropped without one."""
    from smpseo.sources.readers.markdown import parse_markdown

    warnings: list[str] = []
    post = parse_markdown(f"---\ntitle: Tags\n{field}\n---\n\nBody.\n", "p.md", warnings)
    assert (post.categories if field.startswith("categories") else post.tags) == expected
    assert warnings == ([warning] if warning else [])


def test_a_number_is_text_in_every_text_field_and_a_list_in_none():
    """One rule for every text field: a number is read as the text it is (`title: 1984`, `description: 5`), and a
    list or mapping is left out with a warning at its line."""
    from smpseo.sources.readers.markdown import parse_markdown

    warnings: list[str] = []
    post = parse_markdown("---\ntitle: 1984\ndescription: 5\nkeyphrase: 42\n---\n\nBody.\n", "p.md", warnings)
    assert (post.title, post.description, post.keyphrase, warnings) == ("1984", "5", "42", [])
    post = parse_markdown("---\ntitle: [x]\ndescription: {a: b}\nkeyphrase: [x]\n---\n\nBody.\n", "p.md", warnings)
    assert (post.title, post.description, post.keyphrase) == ("", "", "")
    assert warnings == ["line 2: 'title' should be text, not list; ignored",
                        "line 3: 'description' should be text, not dict; ignored",
                        "line 4: 'keyphrase' should be text, not list; ignored"]


@pytest.mark.parametrize("field, fix", [
    ("title: SMP Aftercare: Your First Week", 'title: "SMP Aftercare: Your First Week"'),
    ('title: Emma\'s story: "I stopped wearing hats"', "title: 'Emma''s story: \"I stopped wearing hats\"'"),
    ("  description: Dublin: what it costs", '  description: "Dublin: what it costs"'),
])
def test_a_value_with_a_colon_not_in_quotes_is_said_with_the_line_that_fixes_it(field, fix):
    """YAML refuses a second ': ' on a line ("mapping values are not allowed here"), which a title often has: the
    line says how to write it, quoted, where before it said only what the YAML parser met."""
    text = f"---\nslug: a\n{field}\ndate: 2026-12-01\n---\n\nBody.\n"
    if field.startswith(" "):
        text = f"---\nseo:\n{field}\n---\n\nBody.\n"
    with pytest.raises(SourceError) as raised:
        frontmatter.split_front_matter(text, "p.md")
    assert raised.value.line == 3
    assert raised.value.message == ("invalid YAML front matter: mapping values are not allowed here; a value "
                                    f"holding ': ' goes in quotes: {fix.strip()}")
