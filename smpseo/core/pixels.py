"""How wide a line of text is in pixels, as a search result shows it (Arial; titles at 20 px).

Google cuts a title at about 600 px, not at a number of characters: "WWW" is wider than "iii". The widths are
Arial's, from `smpseo/data/arial_widths.tsv`; accents are dropped first ("é" is as wide as "e"), and a character
without a width there counts as wide as "x".
"""

from __future__ import annotations

import functools
import unicodedata

from smpseo.core import shipped

TITLE_FONT_PX = 20


@functools.cache
def _widths() -> dict[str, int]:
    text = shipped.read_text("arial_widths.tsv")
    widths = {}
    for line in text.split("\n"):
        if not line or line.startswith("# "):
            continue
        char, _, width = line.partition("\t")
        widths[char] = int(width)
    return widths


def _plain(text: str) -> str:
    """Accents dropped: "é" -> "e"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def text_width(text: str, size: int = TITLE_FONT_PX) -> float:
    """The width of `text` in Arial at `size` px (control characters count nothing)."""
    widths = _widths()
    fallback = widths["x"]
    units = sum(widths.get(c, fallback) for c in _plain(text) if c >= " ")
    return units * size / 100


def cut_to_width(text: str, max_px: float, size: int = TITLE_FONT_PX, ellipsis: str = " ...") -> str:
    """`text` as a search result shows it in `max_px`: whole, or cut at a word and followed by `ellipsis` (inside
    its first word when that word alone is wider: a title of one long run of letters)."""
    if text_width(text, size) <= max_px:
        return text
    room = max_px - text_width(ellipsis, size)
    words = text.split(" ")
    kept: list[str] = []
    for word in words:
        if text_width(" ".join([*kept, word]), size) > room:
            break
        kept.append(word)
    if not kept:
        low, high = 0, len(words[0])  # the most characters of it that fit: found in a few measures of it
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if text_width(words[0][:middle], size) <= room else (low, middle - 1)
        kept = [words[0][:low]]
    return " ".join(kept).rstrip(" ,;:-") + ellipsis
