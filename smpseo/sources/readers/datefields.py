"""The front matter fields that date a generator's post: when it was published and when it was last changed; and
which way round a day written in numbers is read ("3/4/2025"), as the clinic's country writes it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from smpseo.core.months import AmbiguousDay

# The fields a generator's post gives its date in, in lower case (front matter is read without regard to case
# here): Jekyll, Hugo, Eleventy, Gatsby, Docusaurus, Hexo, Pelican `date`; Astro's blog `pubDate` (AstroPaper
# `pubDatetime`, AstroWind `publishDate`); Hugo `publishDate` (`pubdate`, `published`); Quartz `created`; CMSs
# `published_at`, `date_published`. Jekyll's `published: false` is no date: a value that is true or false is passed
# over.
DATE_FIELDS = ("date", "pubdate", "pubdatetime", "publishdate", "published", "published_at", "publishedat",
               "date_published", "datepublished", "created", "created_at", "createdat")
# ... and the date it was last changed: Hugo `lastmod` (`modified`), Hexo, Zola, Nikola `updated`, Astro's blog
# `updatedDate` (AstroPaper `modDatetime`, AstroWind `updateDate`), Jekyll's `last_modified_at`, Pelican `modified`,
# Docusaurus `last_update: {date: ...}`.
MODIFIED_FIELDS = ("lastmod", "updated", "updateddate", "updatedate", "moddatetime", "modified", "last_modified",
                   "last_modified_at", "last-modified", "date_modified", "datemodified", "updated_at", "updatedat",
                   "last_update")


def date_field(meta: dict[str, Any], fields: tuple[str, ...]) -> tuple[str, Any]:
    """The first of `fields` (names in lower case) that `meta` gives a value that may be a date (not true or false,
    not empty), as `meta` names it, and that value (Docusaurus' `last_update: {date: ...}`: its date); ("", None)
    when there is none."""
    named = {str(k).lower(): k for k in meta}
    for field in fields:
        key = named.get(field)
        value = meta.get(key) if key is not None else None
        if isinstance(value, dict):
            value = value.get("date")
        if value is not None and value != "" and not isinstance(value, (bool, list, dict)):
            return str(key), value
    return "", None


# Whether a day written in numbers whose two first parts could each be the month ("3/4/2025") is read day first
# (True), month first (False), or not read at all (None: said to be ambiguous). Set while a clinic's posts are read.
_DAY_FIRST: ContextVar[bool | None] = ContextVar("day_first", default=None)
# The countries that write the month first ("3/15/2025"); every other writes the day first ("15/3/2025").
MONTH_FIRST_COUNTRIES = ("United States",)


def day_first() -> bool | None:
    """How the posts being read write an ambiguous day in numbers (`days_read_as`): None when nobody said."""
    return _DAY_FIRST.get()


def day_first_in(country: str) -> bool | None:
    """How a clinic in `country` (`[site] country`, any of its names: "USA", "United Kingdom", "UK") writes a day
    in numbers: False for the United States (month first), True for any other country, None when not given."""
    if not isinstance(country, str) or not country.strip():
        return None
    from smpseo.sources.queries import place_names

    names = {n.lower() for n in place_names(country, "country")}
    return not any(c.lower() in names for c in MONTH_FIRST_COUNTRIES)


def ambiguous(what: str, exc: AmbiguousDay) -> str:
    """What a reader says of an ambiguous day in numbers it leaves unread: `what` is where it is written ("'date'")."""
    return (f"{what} {exc.text!r} is ambiguous ({exc.said}); ignored: write it "
            f"{' or '.join(d.isoformat() for d in exc.days)}, or set [site] country")


@contextmanager
def days_read_as(first: bool | None) -> Iterator[None]:
    """Read the posts within as a clinic that writes the day first (True) or the month first (False) does; None: an
    ambiguous day is said to be so and left unread."""
    token = _DAY_FIRST.set(first)
    try:
        yield
    finally:
        _DAY_FIRST.reset(token)


__all__ = ["DATE_FIELDS", "MODIFIED_FIELDS", "MONTH_FIRST_COUNTRIES", "ambiguous", "date_field", "day_first", "day_first_in",
           "days_read_as"]
