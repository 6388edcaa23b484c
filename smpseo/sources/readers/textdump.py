"""Plain-text blog dumps: the text of several posts copied from a site, one paragraph a line, no markup.

What a dump holds and how it is read:

* A post starts where the dump marks it, by the strongest mark the dump has. Separator lines ("----", "====",
  "* * *", a form feed): the first line after one is the title. Else datelines, where two or more posts have one: a
  post starts at a title-like line with a dateline right under it (right over it, in a dump that opens on a
  dateline), and nowhere else. Else a post starts at its title: a heading-shaped line that follows a sign-off
  (contact details, a call to action) or is followed by an opening ("Hi, I'm ...", "As one of ..."), and that is
  followed by prose. The cue words are data (`smpseo/data/en/textdump_*.txt`).
* A heading is a short line without closing punctuation, or a question standing alone; a line wholly in
  quotation marks is a quote. An unfinished sentence (ending on "is", "the", ...) or a line opening with a
  personal pronoun is prose.
* Images leave their alt text and caption behind as lines of their own: a line repeated at once (or nearly so),
  a short lowercase line, a bare keyword line followed by a short caption, a line glued from two
  ("procedureBadly done ..."), a long line with no closing punctuation, a heading-shaped line right under a
  heading. These are dropped: they are neither headings nor prose.
* Boilerplate (an author bio, a call to action, an image alt) that recurs in several posts is found by
  repetition - the same or nearly the same line in three or more posts, or the same paragraph in two - and
  dropped. So is a share box, wherever it stands: its label ("Share this:", a line to itself) and the buttons listed
  right under it ("Facebook", "Twitter"); the words are data (`smpseo/data/en/textdump_share_*.txt`). Boilerplate
  is dropped by itself: it is no image's alt text, and takes no line next to it along as a caption.
* A dateline next to the title ("Posted on March 3, 2021 by Sam", "3 March 2021", "2021-03-03") gives the post's
  date, and is neither its title nor its text; a dateline anywhere else in a post is a paragraph.
* A line starting with a bullet ("- ", "* ", "• ", "1. ") is a list item.
* A sentence broken over two lines (the second starting in lowercase) is joined.

Every block keeps the line it stands on in the dump.
"""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import PurePath

from smpseo.core.months import AmbiguousDay
from smpseo.core.text import is_question, slugify
from smpseo.model.post import HEADING, LIST_ITEM, PARAGRAPH, QUOTE, Block, Post, split_sentences
from smpseo.sources.readers.datefields import ambiguous
from smpseo.sources.readers.decode import SourceError
from smpseo.sources.readers.textdump_lines import (
    _BULLET,
    _CLOSE_QUOTES,
    _GLUED,
    _SEPARATOR,
    CAPTION_MAX_WORDS,
    DATELINE,
    HEADING_MAX_WORDS,
    LONG_BLOCK_WORDS,
    REPEATED_BLOCK_POSTS,
    REPEATED_LINE_POSTS,
    SEPARATOR,
    _cue_list,
    _ends_terminal,
    _has_contact,
    _has_cue,
    _is_caption,
    _is_heading_shaped,
    _is_keyword_line,
    _is_lowercase_alt,
    _is_prose,
    _is_quote,
    _is_runaway_caption,
    _is_share_button,
    _is_share_label,
    _is_title_shaped,
    _norm,
    _opens_post,
    _same,
    _same_words,
    _Unit,
    _words,
    date_of_line,
    hashtags,
    is_dateline,
)


# ---- reading ----------------------------------------------------------------------------------------------------
def _units(text: str) -> list[_Unit]:
    """Non-blank lines; a line that breaks off mid-sentence is joined to the lowercase line that continues it."""
    units: list[_Unit] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if "\f" in raw or _SEPARATOR.match(line):
            units.append(_Unit(line, number, number, kind=SEPARATOR))
            continue
        if not line:
            continue
        if is_dateline(line):
            units.append(_Unit(line, number, number, kind=DATELINE))
            continue
        bullet = _BULLET.match(line)
        if bullet and len(units) and units[-1].kind != SEPARATOR and line[bullet.end():].strip():
            units.append(_Unit(line[bullet.end():].strip(), number, number, kind=LIST_ITEM))
            continue
        # A title (the dump's first line, or the first after a separator) is never continued.
        if len(units) > 1 and units[-1].kind not in (SEPARATOR, LIST_ITEM, DATELINE) and units[-2].kind != SEPARATOR:
            prev = units[-1]
            continues = line[0].islower() and (_ends_terminal(line) or len(_words(line)) > 6)
            if (continues and len(prev.words) >= 3 and not _ends_terminal(prev.text)
                    and prev.text[-1] not in ":;," + _CLOSE_QUOTES):
                prev.text = f"{prev.text} {line}"
                prev.end_line = number
                continue
        units.append(_Unit(line, number, number))
    return units


def _split_at_separators(units: list[_Unit]) -> list[list[_Unit]]:
    """Posts between separator lines ("----", "====", "* * *", a form feed); the first line after one is a title.
    Where the first rule of "=" or "-" stands right under the dump's first line, and every other right under a
    heading-like line, the rules underline titles instead ("Title" over "-----"). Where the first line is underlined
    with "=" and the others with "=" or "-", the dump is written in setext style, as Markdown underlines: a line over
    "=====" is a post's title, a line over "-----" a heading of that post."""
    if _is_setext(units):
        return _split_setext(units)
    # The dump's own separator is its most frequent kind; a different one inside a post is a section break.
    styles = Counter(u.text[:1] for u in units if u.kind == SEPARATOR)
    style = max(styles, key=lambda k: (styles[k], k == ""))
    rules = [i for i, u in enumerate(units) if u.kind == SEPARATOR and u.text[:1] == style]
    underlines = style in ("=", "-") and rules[0] == 1 and all(_underlines(units[i - 1], units[i]) for i in rules)
    posts: list[list[_Unit]] = [[]]
    for unit in units:
        if unit.kind != SEPARATOR:
            posts[-1].append(unit)
        elif unit.text[:1] == style:
            posts.append([posts[-1].pop()] if underlines else [])
    return [p for p in posts if p]


def _is_setext(units: list[_Unit]) -> bool:
    """Whether the dump underlines its first line with "=" and every other rule of "=" or "-" underlines a line too,
    with both kinds of rule in it: titles over "=====", headings over "-----"."""
    rules = [i for i, u in enumerate(units) if u.kind == SEPARATOR and u.text[:1] in ("=", "-")]
    return (len(rules) > 1 and rules[0] == 1 and units[1].text[0] == "="
            and any(units[i].text[0] == "-" for i in rules) and all(_underlines(units[i - 1], units[i]) for i in rules))


def _split_setext(units: list[_Unit]) -> list[list[_Unit]]:
    """A dump in setext style: a post starts at each line over "====="; a line over "-----" is one of its headings,
    whatever its shape. Any other separator ("* * *", a form feed) is a section break inside a post."""
    posts: list[list[_Unit]] = [[]]
    for unit in units:
        if unit.kind != SEPARATOR:
            posts[-1].append(unit)
        elif unit.text[0] == "=":
            posts.append([posts[-1].pop()])
        elif unit.text[0] == "-":
            posts[-1][-1].underlined = True
    return [p for p in posts if p]


def _underlines(above: _Unit, rule: _Unit) -> bool:
    """Whether a rule of "=" or "-" can underline the line right above it: a heading-like line (a post's last line, a
    sentence or a sign-off with contact details, is no title)."""
    return above.kind == "" and above.end_line == rule.line - 1 and _is_heading_shaped(above.text)


DATED_POSTS = 2  # titles with a dateline that make a dump one that dates its posts


def _split_posts(units: list[_Unit]) -> list[list[_Unit]]:
    """Split where the dump marks a post's start, by the strongest mark it has: separator lines; else, in a dump that
    dates its posts, a title with its dateline; else a title found by what stands around it (see _cued_titles)."""
    if any(u.kind == SEPARATOR for u in units):
        return _split_at_separators(units)
    dated = _dated_titles(units)
    starts = sorted({0, *dated} if len(dated) >= DATED_POSTS else {0, *dated, *_cued_titles(units)})
    return [units[a:b] for a, b in zip(starts, starts[1:] + [len(units)], strict=True)]


def _dated_titles(units: list[_Unit]) -> list[int]:
    """Where the posts with a dateline start: at a title-like line with a dateline right under it, or right over it
    in a dump that opens on a dateline (dates first); the start is the first of the two lines."""
    over = units[0].kind == DATELINE
    starts = []
    for i in range(len(units) - 1):
        title, date = (units[i + 1], units[i]) if over else (units[i], units[i + 1])
        if date.kind == DATELINE and title.kind == "" and _is_title_shaped(title.text):
            starts.append(i)
    return starts


def _cued_titles(units: list[_Unit]) -> list[int]:
    """In a dump with no separators and no dates, the titles after the first: every heading between a sign-off
    (contact details, a call to action) and the prose of a new post, or followed by a post's opening ("Hi, I'm")."""
    signoff = _cue_list("textdump_signoff")
    starts = [0]
    for i in range(1, len(units) - 1):
        text = units[i].text
        if units[i].kind or not _is_heading_shaped(text):
            continue  # a list item, a dateline
        nxt = units[i + 1]
        if not (_is_prose_paragraph(nxt.text) or len(nxt.words) >= HEADING_MAX_WORDS) or not _is_prose(nxt):
            continue
        current_title = units[starts[-1]].text
        if _same(text, current_title):
            continue  # the title repeated as the post's first heading
        before = units[max(starts[-1] + 1, i - 2) : i]
        signed_off = any(_has_contact(u.text) or _has_cue(u.text, signoff) for u in before)
        if signed_off or _opens_post(nxt.text):
            starts.append(i)
    return starts[1:]


SHARED_WORD_LINES = 32  # distinct lines a word may be in and still point at a line's near copies


def _drop_repeated(posts: list[list[_Unit]]) -> None:
    """Boilerplate: a line in REPEATED_LINE_POSTS posts, or a paragraph in REPEATED_BLOCK_POSTS posts.

    Boilerplate is a small part of a post: where most of a post would go, the post itself is repeated (the same
    post twice in the dump) and is kept whole.
    """
    if len(posts) < 2:
        return
    entries = [(p, u) for p, units in enumerate(posts) for u in units[1:]
               if u.kind not in (SEPARATOR, DATELINE, "drop")]  # (a share box is dropped already)
    norms = [_norm(u.text) for _, u in entries]
    # Exact copies are one line, held by the posts that have it; near copies of a line (a typo apart) share one of
    # its rarer words, among the distinct lines, and have similar lengths. A word in more than SHARED_WORD_LINES
    # distinct lines ("Part 12 of the series", in every post of a long dump) is no sign of a copy: followed, it made
    # the comparison quadratic, and a dump of 4,000 posts was not read in its 20 s.
    posts_of: dict[tuple[str, ...], set[int]] = {}
    for (p, _), norm in zip(entries, norms, strict=True):
        posts_of.setdefault(norm, set()).add(p)
    distinct = [norm for norm in posts_of if norm]  # an empty line is no copy of anything
    frequency: dict[str, int] = {}
    for norm in distinct:
        for w in set(norm):
            frequency[w] = frequency.get(w, 0) + 1
    index: dict[str, list[int]] = {}
    rare = [sorted(set(norm), key=lambda x: (frequency[x], x))[:3] for norm in distinct]
    for i, words_ in enumerate(rare):
        for w in words_:
            index.setdefault(w, []).append(i)
    near: list[set[int]] = [set() for _ in distinct]
    for i, words_ in enumerate(rare):
        for j in {j for w in words_ if len(index[w]) <= SHARED_WORD_LINES for j in index[w] if j > i}:
            if _same_words(distinct[i], distinct[j]):
                near[i].add(j)
                near[j].add(i)
    held = {norm: posts_of[norm].union(*(posts_of[distinct[j]] for j in near[i])) for i, norm in enumerate(distinct)}
    holders = [held.get(norm, {p}) for (p, _), norm in zip(entries, norms, strict=True)]
    dropped: dict[int, list[_Unit]] = {}
    for (p, unit), found in zip(entries, holders, strict=True):
        needed = REPEATED_BLOCK_POSTS if len(unit.words) >= LONG_BLOCK_WORDS else REPEATED_LINE_POSTS
        if len(found) >= needed:
            dropped.setdefault(p, []).append(unit)
    for p, units in dropped.items():
        if len(units) * 2 > len(posts[p]) - 1:
            continue  # the post is a copy of another, not boilerplate
        for unit in units:
            unit.kind = "drop"
            unit.boilerplate = True


def _drop_share_boxes(units: list[_Unit]) -> None:
    """A share box: a label line ("Share this:") and the buttons listed right under it ("Facebook", "Twitter")."""
    in_box = False
    for unit in units:
        if unit.kind in (SEPARATOR, DATELINE):
            in_box = False
            continue
        in_box = _is_share_label(unit.text) or (in_box and _is_share_button(unit.text))
        if in_box:
            unit.kind = "drop"
            unit.boilerplate = True


def _classify(units: list[_Unit]) -> None:
    """Decide each line of one post (the title excluded): heading, paragraph, quote, or dropped."""
    n = len(units)
    for i, unit in enumerate(units):
        if unit.kind in ("drop", LIST_ITEM, DATELINE):
            continue
        if unit.underlined:
            unit.kind = HEADING  # underlined with "-----": a heading the dump marks as one (unless boilerplate)
            continue
        t = unit.text
        # Captions repeated at once, or nearly so ("The hair follicle is deed/deep in the dermis").
        for j in (i + 1, i + 2):
            if j < n and units[j].kind != "drop" and len(unit.words) <= CAPTION_MAX_WORDS and _same(t, units[j].text):
                unit.kind = units[j].kind = "drop"
                for k in range(i + 1, j):  # a line between two copies is part of the same image
                    if _is_caption(units[k].text) and not _is_prose_paragraph(units[k].text):
                        units[k].kind = "drop"
        if unit.kind == "drop":
            continue
        if _is_lowercase_alt(t) or _GLUED.search(t) or _is_keyword_line(t) and _stands_by_caption(units, i):
            unit.kind = "drop"
            continue
        if _is_runaway_caption(t):
            unit.kind = "drop"
            continue
        unit.kind = QUOTE if _is_quote(t) else HEADING if _is_heading_shaped(t) else PARAGRAPH
    # Alt lines take their caption with them (the caption stands right after the alt line, or a short one right
    # before it); a heading-shaped line right under a heading is a caption.
    alts = [u.kind == "drop" and not u.boilerplate and (_is_lowercase_alt(u.text) or _is_keyword_line(u.text))
            for u in units]
    last_live: _Unit | None = None
    for i, unit in enumerate(units):
        if unit.kind in ("drop", DATELINE):
            continue
        if unit.kind not in (QUOTE, LIST_ITEM) and not unit.underlined and _is_caption(unit.text):
            if i and alts[i - 1] and i + 1 < n:
                unit.kind = "drop"
            elif i + 1 < n and alts[i + 1] and unit.kind == PARAGRAPH and len(unit.words) <= 10:
                unit.kind = "drop"
        if unit.kind == HEADING and last_live is not None and last_live.kind == HEADING \
                and not is_question(unit.text) and not unit.underlined:
            unit.kind = "drop"
        if unit.kind != "drop":
            last_live = unit
    # A heading with no prose of substance after it (a closing "Always available ...") is a paragraph.
    live = [u for u in units if u.kind in (HEADING, PARAGRAPH, QUOTE, LIST_ITEM)]
    for i, unit in enumerate(live):
        if unit.kind != HEADING or unit.underlined:
            continue
        following = []
        for other in live[i + 1 :]:
            if other.kind == HEADING:
                break
            following.append(other)
        if not any(_is_prose_paragraph(u.text) or len(u.words) >= HEADING_MAX_WORDS or u.kind == LIST_ITEM
                   for u in following):
            unit.kind = PARAGRAPH


def _stands_by_caption(units: list[_Unit], i: int) -> bool:
    """Whether a keyword line is an image's alt text: a caption right after it (and more text after that), a
    short caption right before it, or nothing after it at all. Otherwise it is a heading ("Healthy lifestyle")."""
    if i + 1 >= len(units):
        return True
    after, before = units[i + 1], units[i - 1] if i else None
    if _is_caption(after.text) and not _is_quote(after.text) and i + 2 < len(units):
        return True
    return (before is not None and before.kind != "drop" and _is_caption(before.text) and _ends_terminal(before.text)
            and len(before.words) <= 10 and not is_question(before.text))


@functools.lru_cache(maxsize=65536)
def _is_prose_paragraph(text: str) -> bool:
    return _ends_terminal(text) and not _is_quote(text) and len(_words(text)) > 3


def _title_first(units: list[_Unit]) -> list[_Unit]:
    """A post's lines with its title first: where the dump puts a post's dateline over its title, the two swap."""
    if units[0].kind == DATELINE and len(units) > 1 and not units[1].kind:
        return [units[1], units[0], *units[2:]]
    return units


def _post(units: list[_Unit], path: str) -> Post:
    """One post: its title, the date its dateline gives, and its blocks. A dateline anywhere else is a paragraph."""
    title_unit, body = units[0], units[1:]
    date, warnings = None, []
    if body and body[0].kind == DATELINE:
        try:
            date = date_of_line(body[0].text)
        except AmbiguousDay as exc:
            warnings.append(f"line {body[0].line}: {ambiguous('the date', exc)}")
        body = body[1:]
    blocks: list[Block] = []
    tags = [tag for unit in body for tag in hashtags(unit.text)]  # a social post's "#smp #auckland": its tags
    for unit in body:
        kind = PARAGRAPH if unit.kind == DATELINE else unit.kind
        if kind not in (HEADING, PARAGRAPH, QUOTE, LIST_ITEM) or hashtags(unit.text):
            continue
        level = 2 if kind == HEADING else 1 if kind == LIST_ITEM else 0
        block = Block(kind, unit.text, unit.line, unit.end_line, level=level)
        if block.is_prose:
            block.sentences = split_sentences(unit.text, unit.line, 1)
        blocks.append(block)
    title = title_unit.text
    return Post(path=path, slug=slugify(title), title=title, blocks=blocks, date=date, source=PurePath(path).name,
                title_line=title_unit.line, format="text", warnings=warnings, tags=list(dict.fromkeys(tags)))


def read_textdump(text: str, path: str) -> list[Post]:
    """The posts of a plain-text dump, in order. Raises SourceError when it holds no post."""
    units = _units(text)
    if not units:
        raise SourceError(path, "no text to read")
    posts = [_title_first(p) for p in _split_posts(units)]
    for units_of_post in posts:
        _drop_share_boxes(units_of_post[1:])
    _drop_repeated(posts)
    for units_of_post in posts:
        _classify(units_of_post[1:])
    result = [_post(p, path) for p in posts]
    if not any(p.blocks for p in result):
        raise SourceError(path, "no post found: a dump holds a title line followed by paragraphs", line=1)
    return result


__all__ = ["read_textdump"]
