"""A post of a static-site generator: its front matter's fields (read by `frontmatter`) and its blocks (read by
the Markdown, MDX, HTML or reStructuredText reader) made into a `Post`, the same way whatever the body's format.

The title is the `title` field, else the first level-1 heading; the slug the `slug` (or `permalink`) field, else the
file's name without a Jekyll date (`2016-05-19-some-title.md`), a page bundle's folder for its `index.md` (without
the date of a Docusaurus folder, `2016-05-19-some-title/index.md`); the description `description`, else Hugo's and
Pelican's `summary` or Jekyll's `excerpt`; the date the `date` field (or another generator's name for it,
`datefields.DATE_FIELDS`: Astro's `pubDate`), else the date of the file's (or folder's) name; a draft by `status`,
Hugo's `draft: true` or Jekyll's `published: false`.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from smpseo.core.language_codes import file_language
from smpseo.core.paths import name_as_meant
from smpseo.core.text import slugify
from smpseo.model.post import HEADING, Block, Post
from smpseo.sources.readers.datefields import DATE_FIELDS, MODIFIED_FIELDS, date_field
from smpseo.sources.readers.frontmatter import as_date, as_list, as_text
from smpseo.sources.readers.hugo import in_hugo_site
from smpseo.sources.readers.permalinks import site_address


def generator_post(path: str, meta: dict[str, Any], meta_lines: dict[str, int], blocks: list[Block], format: str,
                   warnings: list[str]) -> Post:
    """The post of a generator's content file: `meta` and `meta_lines` from `split_front_matter`, `blocks` its
    body's, `format` the body's format name."""
    meta, meta_lines = _lifted(meta, meta_lines)
    stem = PurePath(name_as_meant(path)).stem if path else ""  # "post.md " is "post", as "post.md" is
    if path and file_language(path):
        stem = PurePath(stem).stem  # Hugo's translation (`pain.fr.md`) has the address of its post (`pain.md`)
    title = as_text(meta.get("title"), "title", path, meta_lines.get("title", 1), warnings)
    title_line = meta_lines.get("title", 0)
    h1 = next((b for b in blocks if b.kind == HEADING and b.level == 1), None)
    if not title and h1 is not None:
        title, title_line = h1.text, h1.line
    permalink = meta.get("permalink")
    if isinstance(permalink, str) and re.search(r"/:[a-z_]|[{}%]", permalink):
        permalink = None  # a pattern (`/:year/:title/`) or a template (`{{ page.fileSlug }}`): no name of its own
    raw_slug = as_text(meta.get("slug") or permalink, "slug", path, meta_lines.get("slug", 1), warnings)
    bundle = stem == "index" and bool(path)
    if bundle:  # a Hugo page bundle (`my-post/index.md`): the folder is the post's name
        stem = PurePath(path).parent.name or stem
    # Jekyll-style names ("2016-05-19-some-title.md", Docusaurus' "2016-05-19-some-title/index.md") carry the date,
    # not the slug; a Hugo site keeps a bundle's folder name whole in its address, date and all
    named_date = re.match(r"^(\d{4}-\d{2}-\d{2})-", stem)
    if named_date and not (bundle and in_hugo_site(path)):
        stem = stem[named_date.end():]
    slug = slugify(PurePath(raw_slug.strip("/")).name if raw_slug else (stem or title))
    # Hugo's `summary` and Jekyll's `excerpt` stand in for a missing `description`.
    described = next((k for k in ("description", "summary", "excerpt") if meta.get(k)), "description")
    grouped = "categories" if meta.get("categories") or not meta.get("category") else "category"  # Pelican: one
    dated, value = date_field(meta, DATE_FIELDS)
    date = as_date(value, meta_lines.get(dated, 1), warnings, dated)
    if date is None and named_date and not dated:
        date = as_date(named_date.group(1), 0, [])
    changed, value = date_field(meta, MODIFIED_FIELDS)  # read where it is used (`jsonld`); what is wrong said here
    if changed:
        as_date(value, meta_lines.get(changed, 1), warnings, changed)
    categories = as_list(meta.get(grouped), grouped, meta_lines.get(grouped, 1), warnings)
    return Post(
        path=path,
        slug=slug,
        title=title,
        blocks=blocks,
        description=as_text(meta.get(described), described, path, meta_lines.get(described, 1), warnings),
        keyphrase=as_text(meta.get("keyphrase"), "keyphrase", path, meta_lines.get("keyphrase", 1), warnings),
        date=date,
        status=_status(meta, path, meta_lines, warnings),
        tags=as_list(meta.get("tags"), "tags", meta_lines.get("tags", 1), warnings),
        categories=categories,
        canonical=as_text(meta.get("canonical"), "canonical", path, meta_lines.get("canonical", 1), warnings),
        source=as_text(meta.get("source"), "source", path, meta_lines.get("source", 1), warnings),
        meta=meta,
        meta_lines=meta_lines,
        title_line=title_line,
        format=format,
        warnings=warnings,
        address=site_address(path, slug, title, date, categories, meta) if path else "",
    )


# The table a generator keeps a post's own fields in, as it refuses them at the top (Zola's `[extra]`), and Zola's
# `[taxonomies]` (`tags`, `categories`); a generator's own fields are not taken from them.
OWN_FIELDS = ("extra",)
TAXONOMIES = "taxonomies"
_GENERATOR_FIELDS = frozenset({"title", "date", "slug", "draft", "status", "published", "permalink", "tags",
                               "categories", "category"})


def _lifted(meta: dict[str, Any], meta_lines: dict[str, int]) -> tuple[dict[str, Any], dict[str, int]]:
    """`meta` with the fields of its tables of own fields (`keyphrase` in Zola's `[extra]`) and Zola's tags and
    categories (`[taxonomies]`) where the front matter does not set them at its top, each at its line (`extra.
    keyphrase` in `meta_lines`), else at its table's."""
    tables = [(t, meta[t]) for t in (*OWN_FIELDS, TAXONOMIES) if isinstance(meta.get(t), dict)]
    if not tables:
        return meta, meta_lines
    meta, meta_lines = dict(meta), dict(meta_lines)
    for table, fields in tables:
        for key, value in fields.items():
            taken = key in ("tags", "categories") if table == TAXONOMIES else key not in _GENERATOR_FIELDS
            if taken and isinstance(key, str) and meta.get(key) in (None, ""):
                meta[key] = value
                line = meta_lines.get(f"{table}.{key}") or meta_lines.get(table)
                if line:
                    meta_lines[key] = line
    return meta, meta_lines


def _status(meta: dict, path: str, meta_lines: dict[str, int], warnings: list[str]) -> str:
    """The `status` field, else "draft" for Hugo's `draft: true` or Jekyll's `published: false`."""
    status = as_text(meta.get("status"), "status", path, meta_lines.get("status", 1), warnings)
    draft = _draft(meta, meta_lines, warnings)
    if not status and (draft is True or meta.get("published") is False):  # Jekyll: only `false` itself
        return "draft"
    return status


# What Hugo (Go's strconv.ParseBool) reads as true or false in a `draft` written as text: `draft: "true"`, as a
# CMS or a TOML file quoting every value writes it, is a draft to Hugo, and was published to smpseo.
_TRUE, _FALSE = ("1", "t", "true"), ("0", "f", "false")


def _draft(meta: dict, meta_lines: dict[str, int], warnings: list[str]) -> bool | None:
    """Hugo's `draft` as Hugo reads it; None when it is not given, and a warning at its line when it is neither true
    nor false (`draft: [1]`, `draft: maybe`, which Hugo refuses): it is not guessed at."""
    field, value = "draft", meta.get("draft")
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
        return value.strip().lower() in _TRUE
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    shown = repr(value) if isinstance(value, str) else type(value).__name__
    warnings.append(f"line {meta_lines.get(field, 1)}: '{field}' should be true or false, not {shown}; ignored")
    return None


__all__ = ["generator_post"]
