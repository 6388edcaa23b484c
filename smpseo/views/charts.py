"""The reports' charts, each drawn twice: for a wide screen or paper, and for a phone's width.

A phone shows a picture about 350 CSS pixels wide, so its version is drawn 3.6 inches wide with 10-point text
(about 13 pixels there) and its labels where they fit: a bar's label above the bar, a heat map turned so that the
posts are rows.
"""

from __future__ import annotations

import functools
import re
import textwrap
import unicodedata
from dataclasses import replace

from smpseo.analysis.readability import EASE_GOOD
from smpseo.core.months import month_title
from smpseo.core.text import EMOJI
from smpseo.model.gaps import TopicResult
from smpseo.model.summary import PostFigures
from smpseo.views.findings import PLACEMENT_KEY, placement_letters
from smpseo.views.html import (
    GREEN,
    HTML,
    RED,
    STATUS_COLOUR,
    Chart,
    _figure,
    _short,
    ease_colour,
    message,
    unavailable,
)

NARROW_WIDTH = 3.6  # inches
NARROW_TEXT = 10  # points
# what a heat map cell says: as the keyphrase checks count (`smpseo check`'s coverage table)
CAPTION = f"times in the body, then where else: {PLACEMENT_KEY}; 0 in red: nowhere"


# An emoji made of several joined by U+200D ("👩\u200d⚕️"), and the selector that asks for a picture: the font may
# draw a part (⚕) alone, which is not what the title shows.
_JOINED_EMOJI = re.compile(f"[{EMOJI}]*(?:\u200d[{EMOJI}]+)+|\ufe0f")


@functools.cache
def _font_chars() -> frozenset[int]:
    """The characters the charts' font has a glyph for (matplotlib's default sans-serif, DejaVu Sans unless set)."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(font_manager.findfont(font_manager.FontProperties())).get_charmap())


def _label(text: str, width: int = 42) -> str:
    """A title or keyword as a chart label: without the symbols the font cannot draw (an emoji a social post's title
    ends on, "... this Saturday 🎉", and the joiners and selectors between emoji), which matplotlib draws as empty
    boxes; a letter the font lacks stays, so that no word is lost. Then cut to `width`, as `_short` cuts."""
    chars = _font_chars()
    kept = "".join(c for c in _JOINED_EMOJI.sub("", str(text))
                   if ord(c) in chars or unicodedata.category(c)[0] not in "SCM" or c in "\n\t")
    return _short(kept, width)


def readability_chart(report) -> Chart | HTML:
    """Flesch reading ease per post as horizontal bars coloured by band, with the blog's average."""
    rows = [p for p in report.summary.posts if isinstance(p.flesch_reading_ease, (int, float))]
    if not rows:
        return message("No post has prose to score yet.")
    rows.sort(key=lambda p: p.flesch_reading_ease)
    names = report.summary.titles()  # (two posts of one title told apart)
    rows = [replace(p, title=names[(p.path, p.slug)]) for p in rows]
    average = report.summary.totals.flesch_reading_ease
    title = f"Reading ease per post, {month_title(report.summary.month)}"
    return Chart(_ease_bars(rows, average, title, narrow=False), "Reading ease per post",
                 narrow=_ease_bars(rows, average, title, narrow=True))


def _ease_bars(rows: list[PostFigures], average: float | None, title: str, narrow: bool):
    values = [p.flesch_reading_ease for p in rows]
    n = len(rows)
    size = NARROW_TEXT if narrow else 9
    if narrow:  # each post's title above its bar: the whole width is left for the bars
        fig, ax = _figure(NARROW_WIDTH, 0.62 * n + 1.9, fit=True)
        ax.barh(range(n), values, color=[ease_colour(v) for v in values], height=0.42)
        for i, p in enumerate(rows):
            ax.text(0, i + 0.27, _label(p.name, 40), fontsize=size, va="bottom", ha="left",
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5}, zorder=4)
        ax.set_yticks([])
        ax.set_ylim(-0.45, n - 0.05)
        ax.spines[["left"]].set_visible(False)
        ax.set_xlabel(f"Flesch reading ease (aim: {EASE_GOOD:g}+)", fontsize=size)
        ax.tick_params(axis="x", labelsize=size)
    else:
        fig, ax = _figure(8.5, 0.42 * n + 1.4)
        ax.barh(range(n), values, color=[ease_colour(v) for v in values], height=0.62)
        ax.set_yticks(range(n), [_label(p.name) for p in rows], fontsize=size)
        ax.set_ylim(-0.6, n - 0.4)
        ax.set_xlabel(f"Flesch reading ease (higher is easier; aim for {EASE_GOOD:g} or more)")
    for i, v in enumerate(values):
        ax.text(v + 0.8, i, f"{v:g}", va="center", fontsize=size - 0.5,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
    if average is not None:
        ax.axvline(average, color="#57606a", linestyle="--", linewidth=1, label=f"blog average ({average:g})")
    ax.axvline(EASE_GOOD, color=GREEN, linestyle=":", linewidth=1.2, label=f"aim: {EASE_GOOD:g} or more")
    ax.set_xlim(0, max(100, max(values) + (14 if narrow else 8)))
    # outside the plot, where it covers no bar and no score: below the chart on a phone, to its right elsewhere
    if narrow:
        fig.legend(loc="outside lower left", fontsize=size - 1, frameon=False)
    else:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0, fontsize=8.5, frameon=False)
    ax.set_title(title, fontsize=size + 2 if narrow else 11, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def coverage_heatmap(report) -> Chart | HTML:
    """How often each target keyword appears in each post (rows: targets, columns: posts; on a phone the
    other way round)."""
    if report.coverage is None:
        return unavailable("Keyword coverage")
    cov = report.summary.coverage
    targets = list(dict.fromkeys(c.target for c in cov)) or list(report.config.targets)
    posts = report.summary.posts
    if not targets or not posts:
        return message("No target keywords in the settings (smpseo.toml [keywords] targets).")
    col = {p.slug: i for i, p in enumerate(posts)}
    grid = [[0] * len(posts) for _ in targets]
    where = [[""] * len(posts) for _ in targets]  # the title, headings ... that hold it: counted as the checks do
    row_of = {t: i for i, t in enumerate(targets)}
    placed = report.coverage if len(report.coverage) == len(cov) else [None] * len(cov)  # the same cells, in order
    for c, cell in zip(cov, placed, strict=True):
        if c.target in row_of and c.slug in col:
            grid[row_of[c.target]][col[c.slug]] = c.count
            where[row_of[c.target]][col[c.slug]] = placement_letters(cell.placements) if cell else ""
    names = report.summary.titles()  # (two posts of one title told apart)
    titles = [names[(p.path, p.slug)] for p in posts]
    return Chart(_heatmap(grid, where, targets, titles, narrow=False), "Target keyword coverage per post",
                 narrow=_heatmap([list(r) for r in zip(*grid, strict=True)], [list(r) for r in zip(*where, strict=True)],
                                 targets, titles, narrow=True))


def _heatmap(grid: list[list[int]], where: list[list[str]], targets: list[str], titles: list[str], narrow: bool):
    top = max(max(r) for r in grid) or 1
    if narrow:  # rows: posts; columns: targets, named above in a few short lines
        fig, ax = _figure(NARROW_WIDTH, 0.42 * len(titles) + 1.2 + 0.2 * len(targets), fit=True)
    else:
        fig, ax = _figure(max(6.0, 0.55 * len(titles) + 3.2), 0.5 * len(targets) + 2.6)
    ax.imshow(grid, cmap="Greens", vmin=0, vmax=top, aspect="auto")
    size = NARROW_TEXT if narrow else 9
    for i, r in enumerate(grid):
        for j, v in enumerate(r):
            ax.text(j, i, f"{v} {where[i][j]}".rstrip(), ha="center", va="center", fontsize=size,
                    color="white" if v > top * 0.6 else (RED if v == 0 and not where[i][j] else "#1f2328"))
    if narrow:  # columns lettered, the letters explained in the title: long keywords need no room above
        letters = [chr(ord("A") + i) if i < 26 else str(i + 1) for i in range(len(targets))]
        ax.set_yticks(range(len(titles)), [_label(t, 24) for t in titles], fontsize=size - 1)
        ax.xaxis.tick_top()
        ax.set_xticks(range(len(targets)), letters, fontsize=size)
        key = "\n".join(f"{letter}: {_label(t, 34)}" for letter, t in zip(letters, targets, strict=True))
        caption = textwrap.fill(f"({CAPTION})", 44)
        fig.suptitle(f"Target keywords per post\n{caption}\n{key}", x=0.02, ha="left",
                     fontsize=size - 1, linespacing=1.4)
    else:
        ax.set_xticks(range(len(titles)), [_label(t, 28) for t in titles], rotation=35, ha="right", fontsize=8.5)
        ax.set_yticks(range(len(targets)), [_label(t, 36) for t in targets], fontsize=size)
        ax.set_title(f"Target keywords per post\n({CAPTION})", fontsize=10, loc="left")
    return fig


def gap_chart(topics: list[TopicResult] | None) -> Chart | HTML:
    """How many FAQ topics the blog answers, answers in part, or leaves open."""
    if topics is None:
        return unavailable("FAQ gap analysis")
    if not topics:
        return message("No FAQ topics configured.")
    order = ("answered", "partial", "missing")
    counts = [sum(1 for t in topics if t.status == s) for s in order]
    aside = len(topics) - sum(counts)  # marked not relevant by hand: neither a gap nor an answer, so not a bar
    total = f"{sum(counts)}; {aside} marked not relevant" if aside else str(sum(counts))
    return Chart(_status_bars(counts, order, total, narrow=False), "FAQ topics by status",
                 narrow=_status_bars(counts, order, total, narrow=True))


def _status_bars(counts: list[int], order: tuple[str, ...], total: str, narrow: bool):
    size = NARROW_TEXT if narrow else 9.5
    fig, ax = _figure(NARROW_WIDTH, 2.6, fit=True) if narrow else _figure(7.5, 2.2)
    ax.barh(range(3), counts, color=[STATUS_COLOUR[s] for s in order], height=0.6)
    ax.set_yticks(range(3), ["answered", "answered in part", "not answered"], fontsize=size)
    for i, v in enumerate(counts):
        ax.text(v + 0.2, i, str(v), va="center", fontsize=size - 0.5)
    ax.invert_yaxis()
    ax.set_xlim(0, max(counts) + 3)
    ax.set_xlabel(f"FAQ topics (of {total})")
    if narrow:
        ax.xaxis.label.set_fontsize(size)
        ax.tick_params(axis="x", labelsize=size)
    title = "Which questions prospects ask\ndoes the blog answer?" if narrow else \
        "Which questions prospects ask does the blog answer?"
    ax.set_title(title, fontsize=size + 1 if narrow else 11, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    return fig
