"""Traffic per page from Search Console: the `Pages.csv` of a performance export (or the ZIP holding it), for one
date range or, in the comparison export, two. See `smpseo.sources.searchconsole` for the format."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from smpseo.sources.searchconsole import Metrics, QueryFileError, Table, parse_table, read_export

KEY, FILE_NAME = "Top pages", "Pages.csv"


@dataclass(frozen=True)
class Page:
    """A page's clicks, impressions, CTR (a fraction) and average position; `previous`: the earlier date range's
    figures in a comparison export, else None."""

    url: str
    clicks: int
    impressions: int
    ctr: float | None
    position: float | None
    previous: Metrics | None = None
    line: int = 0


def parse_pages(text: str, path: str = "<pages>") -> Table:
    """Pages from the text of a `Pages.csv`. Raises QueryFileError naming the file (and line), for an address that
    cannot be one (`http://[::1/`) too."""
    rows = parse_table(text, path, KEY, FILE_NAME)
    for r in rows:
        try:
            urlsplit(r.key.strip())
        except ValueError as exc:
            raise QueryFileError(path, f"{KEY} is not a page address ({exc}): {r.key!r}", r.line) from None
    return Table([Page(r.key, r.current.clicks, r.current.impressions, r.current.ctr, r.current.position, r.previous,
                       r.line) for r in rows], rows.notes, rows.ranges,
                 rows.left_out)


def read_pages(path: str | Path) -> Table:
    """The pages of a Search Console `Pages.csv`, or of the export ZIP that holds one; `notes`: what was said of
    reading it (a line read as Windows-1252, a header in another language). Raises QueryFileError."""
    text, name, notes = read_export(path, FILE_NAME)
    pages = parse_pages(text, name)
    pages.notes[:0] = notes
    return pages
