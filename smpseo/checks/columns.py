"""Where a finding's words stand on its source line: its column, with markup between the words.

A finding knows its line and an estimate of its column (the text's characters counted from where its block starts);
markup and escapes in the source shift the estimate. `refine_column` looks for the finding's first words on the line,
allowing between them what Markdown and HTML put between words (`GAP`), and in them escaped punctuation.

The words are looked for by a small matcher over a few expressions compiled once, rather than by one expression
compiled per finding: that expression repeats `GAP` between every two words, and compiling it cost a millisecond or
more a finding, a third of a cold check of a blog of hundreds of posts. The matcher accepts what that expression
accepts, where it accepts it (`pattern` is that expression; the tests hold one to the other).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

# What may stand between two words of a finding's text in its source: spaces and line breaks, emphasis marks, a
# tag, a non-breaking space, a JSON string's escaped line break, a Markdown link's brackets and address.
_GAP_PARTS = (r"\s", r"[*_~`]", r"&nbsp;", r"&#160;", r"&#xa0;", r"<[^<>]*>", r"\\[nrt]", r"!?\[",
              r"\]\([^()\s]*(?:\s+\"[^\"]*\")?\)", r"\]\[[^\]]*\]", r"\]")
GAP = "(?:" + "|".join(_GAP_PARTS) + ")+"
# What may close a word before the punctuation after it: the end of an emphasis or of a link.
_CLOSER_PARTS = (r"[*_~`]", r"\]\([^()\s]*(?:\s+\"[^\"]*\")?\)", r"\]")
_CLOSERS = "(?:" + "|".join(_CLOSER_PARTS) + ")*"
_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!<>|~")  # punctuation Markdown lets a backslash escape
_TRAILING = ",.;:!?"

_GAP_STEPS = tuple(re.compile(p) for p in _GAP_PARTS)
_CLOSER_STEP = re.compile("|".join(_CLOSER_PARTS))
_WORD_CHAR = re.compile(r"\w")


def _written(chunk: str) -> str:
    """A word as Markdown may write it, as an expression: a punctuation mark escaped (`oauth2\\_proxy`), the end of
    a link or of an emphasis before the punctuation after it (`[PayScale](...),`)."""
    word = chunk.rstrip(_TRAILING) or chunk
    marks = "".join(rf"\\?{re.escape(c)}" if c in _ESCAPABLE else re.escape(c) for c in word)
    if word == chunk:
        return marks
    return marks + _CLOSERS + re.escape(chunk[len(word):])


def pattern(chunks: list[str], whole: bool) -> re.Pattern:
    """The words `chunks` as they may stand in a source line, as one expression: as whole words, with markup or
    spaces between them. What `Phrase` finds; used as it is only for a word holding a backslash."""
    head = r"(?<!\w)" if re.match(r"\w", chunks[0]) else ""
    tail = r"(?!\w)" if whole and re.search(r"\w$", chunks[-1]) else ""
    return re.compile(head + GAP.join(_written(c) for c in chunks) + tail)


class Phrase:
    """The words `chunks` as they may stand in a source line (as `pattern` writes them), found without compiling
    anything: `match`, `search` and `starts` answer as the compiled expression's `match`, `search` and `finditer`
    would (the same starts, in the same order)."""

    def __init__(self, chunks: list[str], whole: bool):
        self.chunks = chunks
        self.head = bool(_WORD_CHAR.match(chunks[0]))
        self.tail = whole and bool(_WORD_CHAR.match(chunks[-1][-1:]))
        self.fallback = pattern(chunks, whole) if any("\\" in c for c in chunks) else None
        self.words = [(c.rstrip(_TRAILING) or c) for c in chunks]

    def match(self, text: str, pos: int = 0) -> bool:
        if self.fallback is not None:
            return self.fallback.match(text, pos) is not None
        return self._end(text, min(max(pos, 0), len(text))) is not None  # a position out of the text: its end

    def search(self, text: str, pos: int = 0) -> int | None:
        """The first start at or after `pos` (None: none)."""
        if self.fallback is not None:
            found = self.fallback.search(text, pos)
            return found.start() if found else None
        for start in self._candidates(text, min(max(pos, 0), len(text))):
            if self._end(text, start) is not None:
                return start
        return None

    def starts(self, text: str) -> Iterator[int]:
        """Every start, left to right, each search going on from where the last match ended (as `finditer`)."""
        if self.fallback is not None:
            yield from (m.start() for m in self.fallback.finditer(text))
            return
        pos = 0
        while pos <= len(text):
            for start in self._candidates(text, pos):
                end = self._end(text, start)
                if end is not None:
                    yield start
                    pos = end if end > start else start + 1
                    break
            else:
                return

    def _candidates(self, text: str, pos: int) -> Iterator[int]:
        """Where the first word may start, from `pos` on: its first character, or a backslash escaping it."""
        first = self.words[0][0]
        escapable = first in _ESCAPABLE
        while True:
            at = text.find(first, pos)
            if escapable:
                slash = text.find("\\" + first, pos)
                if slash != -1 and (at == -1 or slash < at):
                    at = slash
            if at == -1:
                return
            yield at
            pos = at + 1

    def _end(self, text: str, start: int) -> int | None:
        """Where the match starting at `start` ends, on the path the compiled expression would take; None: none."""
        if start > len(text) or self.head and start > 0 and _WORD_CHAR.match(text, start - 1):
            return None
        end = self._word(text, start, 0)
        return None if end is None else self._rest(text, end, 1)

    def _rest(self, text: str, pos: int, i: int) -> int | None:
        if i == len(self.chunks):
            return None if self.tail and _WORD_CHAR.match(text, pos) else pos
        for gap_end in _gap_ends(text, pos):
            end = self._word(text, gap_end, i)
            if end is not None:
                done = self._rest(text, end, i + 1)
                if done is not None:
                    return done
        return None

    def _word(self, text: str, pos: int, i: int) -> int | None:
        """Where word `i` ends when it starts at `pos` (None: it does not): its characters, each escapable one maybe
        after a backslash, then, before the punctuation after the word, the ends of emphasis or links."""
        word = self.words[i]
        if text.find("\\", pos, pos + len(word)) == -1:  # no escape where the word would stand: as written, or not
            if not text.startswith(word, pos):  # (one comparison: a word of 20,000 characters tried at each of
                return None  # thousands of starts went character by character)
            pos += len(word)
        else:
            n = len(text)
            for c in word:
                if c in _ESCAPABLE and text.startswith("\\" + c, pos):
                    pos += 2
                elif pos < n and text[pos] == c:
                    pos += 1
                else:
                    return None
        chunk = self.chunks[i]
        if len(chunk) == len(self.words[i]):
            return pos
        while (step := _CLOSER_STEP.match(text, pos)) is not None:  # none of them starts with punctuation: the
            pos = step.end()  # longest run is the only one the punctuation can follow
        trailing = chunk[len(self.words[i]):]
        return pos + len(trailing) if text.startswith(trailing, pos) else None


def _gap_ends(text: str, pos: int) -> Iterator[int]:
    """Where one or more `GAP` steps from `pos` may end, in the order the compiled `(?:...)+` tries them: the
    longest first, each step's alternatives in their order. Walked with a stack: a run of spaces can be long."""
    frames = [_steps(text, pos)]
    pending: list[int] = []
    while frames:
        step = next(frames[-1], None)
        if step is None:
            frames.pop()
            if pending:
                yield pending.pop()
            continue
        pending.append(step)
        frames.append(_steps(text, step))


def _steps(text: str, pos: int) -> Iterator[int]:
    for step in _GAP_STEPS:
        found = step.match(text, pos)
        if found is not None:
            yield found.end()


def refine_column(lines: Sequence[str], line: int, column: int, match: str) -> int:
    """The column of `match` on the source line, from an estimate (markup and escapes shift estimates).

    The estimate counts the text's characters from where its block starts, and the markup around the text only
    adds to them, so the match is the first one at or after the estimate (else the nearest one before it). A match
    of several words is looked for by its first words, at least two of them: a finding whose match is not text of
    the post ("8 of 40 sentences") keeps its column rather than jump to a word that happens to be on the line.
    """
    if line > len(lines):
        return column
    src = lines[line - 1]
    words = match.split()[:6]
    if not words:
        return column
    # A word of more than LONGEST characters ends the words looked for, cut to its first LONGEST: the same place
    # for a post's words, and a bound on the work for a "word" of thousands of characters ("[1][1][1]...") tried
    # at each of thousands of starts.
    long = next((i for i, w in enumerate(words) if len(w) > LONGEST), None)
    cut = long is not None
    chunks = words if long is None else [*words[:long], words[long][:LONGEST]]
    # the match may go on past the end of its line ("... And\nthen ..."): it is looked for with the next line,
    # starting on this one
    text = src if line >= len(lines) else f"{src}\n{lines[line]}"
    estimate = min(column - 1, len(src))
    # On a line of hundreds of thousands of characters (a whole export or page on one line), only the part around
    # the estimate is searched: searching all of it for every finding on it grew with the square of its length.
    lo = max(0, estimate - WINDOW)
    text, estimate, end_of_src = text[lo: estimate + WINDOW], estimate - lo, len(src) - lo
    for k in range(len(chunks), min(2, len(chunks)) - 1, -1):
        phrase = Phrase(chunks[:k], whole=len(chunks) == 1 and not cut)
        if column - 1 - lo >= 0 and phrase.match(text, column - 1 - lo):
            return column
        after = phrase.search(text, estimate)  # the first at or after the estimate: found without going through
        if after is not None and after < end_of_src:  # a long line again for each finding on it
            return lo + after + 1
        before = None
        for start in phrase.starts(text):  # else the nearest one before it
            if start >= estimate:
                break
            before = start
        if before is not None:
            return lo + before + 1
    return column


WINDOW = 20_000  # characters either side of a finding's estimated column that its words are looked for in
LONGEST = 64  # characters of a word it is looked for by
