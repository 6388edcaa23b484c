"""The front matter fields that date a generator's post: when it was published and when it was last changed."""

from __future__ import annotations

from typing import Any

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


__all__ = ["DATE_FIELDS", "MODIFIED_FIELDS", "date_field"]
