"""A post's address on its site as its generator makes it, from the settings beside the posts or the post's own
pattern:

- Hugo: `[permalinks]` in the site's settings, by the post's section (`posts = "/blog/:slug/"`; Hugo 0.112's
  `[permalinks.page]` too), with `:year`, `:month`, `:day`, `:section`, `:slug` (the `slug` field, else the title,
  as Hugo makes it), `:title`, `:slugorfilename`, `:slugorcontentbasename`, `:filename`, `:contentbasename`; without a pattern for its section, Hugo's default: the content path, its
  folders then the post's `slug` or its file's (a page bundle's folder's) name (`content/posts/new-post/index.md`:
  `/posts/new-post/`), under `/<lang>/` for a translation in another language than the site's;
- Jekyll: `permalink` in `_config.yml`, a pattern or a style (`date`, Jekyll's default, `pretty`, `ordinal`, `none`),
  with `:categories`, `:year`, `:month`, `:i_month`, `:day`, `:i_day`, `:title`, `:slug`, `:output_ext`; a post's
  own front matter `permalink` written as a pattern is read the same way.

An address that needs what the post does not say (a date-based pattern for an undated post) is not made: "" then,
and the post's address is `/<slug>/` as before.
"""

from __future__ import annotations

import os
import re
from datetime import date as Date
from pathlib import Path

from smpseo.core.language_codes import ENGLISH, file_language, language_of
from smpseo.core.text import slugify
from smpseo.sources.readers.hugo import CONTENT, hugo_root, site_settings
from smpseo.sources.readers.sitevalues import JEKYLL_CONFIGS, config_fields, generator_site

_JEKYLL_STYLES = {"date": "/:categories/:year/:month/:day/:title:output_ext",
                  "pretty": "/:categories/:year/:month/:day/:title/",
                  "ordinal": "/:categories/:year/:y_day/:title:output_ext",
                  "none": "/:categories/:title:output_ext"}
_TOKEN = re.compile(r":([a-z_]+)")


def site_address(path: str, slug: str, title: str, date: Date | None, categories: list[str], meta: dict) -> str:
    """The address from the site's root of the post read from `path` (a file of a Hugo or Jekyll site), as the
    generator's settings or the post's own `permalink` pattern make it; "" when nothing says, or a pattern needs
    what the post does not give."""
    own = meta.get("permalink") if isinstance(meta.get("permalink"), str) else ""
    if own and _TOKEN.search(own) and "{" not in own and not re.match(r"^[a-z]+://", own):
        return _expand(_jekyll_style(own), _values(path, slug, slug, date, categories, ""))
    folder = str(Path(os.path.abspath(path)).parent)
    root = hugo_root(folder)
    if root is not None:
        section = Path(os.path.abspath(path)).relative_to(os.path.join(root, CONTENT)).parts
        section_name = section[0] if len(section) > 1 else ""
        pattern = _hugo_pattern(site_settings(root), section_name)
        if not pattern:
            return _hugo_default(root, section, slug, path)
        values = _values(path, slug, title, date, categories, section_name)
        if not (isinstance(meta.get("slug"), str) and meta["slug"].strip()):
            values["slug"] = values["title"]  # Hugo's `:slug` is the `slug` field, else the title
        return _expand(pattern, values)
    site = generator_site(folder)
    if site is not None and site[0] == "jekyll" and {"_posts", "_drafts"} & set(Path(path).parts):
        style = next((config_fields(os.path.join(site[1], name)).get("permalink") for name in JEKYLL_CONFIGS
                      if os.path.isfile(os.path.join(site[1], name))), None)
        pattern = _jekyll_style(style if isinstance(style, str) and style.strip() else "date")
        # Jekyll's `:title` is the post's slug (its file name's, or `slug`), not its title; the folders between the
        # site's and `_posts` are categories before the front matter's (`blog/_posts/...`: "blog")
        parts = Path(os.path.abspath(path)).relative_to(os.path.abspath(site[1])).parts
        above = list(parts[:min(parts.index(p) for p in ("_posts", "_drafts") if p in parts)])
        return _expand(pattern, _values(path, slug, slug, date, [*above, *categories], ""))
    return ""


def _jekyll_style(pattern: str) -> str:
    return _JEKYLL_STYLES.get(pattern.strip(), pattern.strip())


def _hugo_pattern(settings: dict, section: str) -> str:
    permalinks = settings.get("permalinks")
    if not isinstance(permalinks, dict):
        return ""
    pages = permalinks.get("page") if isinstance(permalinks.get("page"), dict) else permalinks
    pattern = pages.get(section)
    return pattern if isinstance(pattern, str) else ""


def _hugo_default(root: str, parts: tuple[str, ...], slug: str, path: str) -> str:
    """Hugo's own address of a content file (`parts`: its path under `content/`) without a pattern for its section:
    its folders (a page bundle's above its own), then its `slug` or name, lower-cased as Hugo does; a translation
    (`pain.fr.md`) under its language's folder when that is not the site's default language."""
    bundle = Path(parts[-1]).stem.split(".")[0] in ("index", "_index")
    folders = parts[:-2] if bundle and len(parts) > 1 else parts[:-1]
    language, settings = file_language(path), site_settings(root)
    default = language_of(settings.get("defaultContentLanguage", settings.get("defaultcontentlanguage"))) or ENGLISH
    above = [language] if language and language_of(language) != default else []
    return "/" + "".join(f"{slugify(part)}/" for part in (*above, *folders)) + f"{slug}/"


def _values(path: str, slug: str, title: str, date: Date | None, categories: list[str], section: str) -> dict:
    stem = Path(path).stem
    stem = Path(Path(path).parent).name if stem in ("index", "_index") else stem
    values = {"slug": slug, "title": slugify(title) or slug, "slugorfilename": slug, "slugorcontentbasename": slug,
              "filename": stem,
              "contentbasename": stem, "section": section, "sections": section, "output_ext": ".html",
              "categories": "/".join(slugify(c) for c in categories if slugify(c))}
    if date is not None:
        values.update(year=f"{date.year:04d}", month=f"{date.month:02d}", i_month=str(date.month),
                      day=f"{date.day:02d}", i_day=str(date.day), short_year=f"{date.year % 100:02d}",
                      y_day=f"{date.timetuple().tm_yday:03d}", monthname=date.strftime("%B").lower())
    return values


def _expand(pattern: str, values: dict) -> str:
    """`pattern` with each `:token` written as its value; "" when one is not known."""
    tokens = _TOKEN.findall(pattern)
    if any(t not in values for t in tokens):
        return ""
    # the longest names first (`:slugorfilename` before `:slug`), then one "/" between parts
    address = _TOKEN.sub(lambda m: values[m.group(1)], pattern)
    address = re.sub(r"/{2,}", "/", "/" + address.lstrip("/"))
    return address
