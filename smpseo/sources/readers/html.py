"""HTML pages (saved from a browser or fetched from the site): the post's main content and its metadata.

Main content: the `e-content` of the page's one microformats `h-entry`, else where a page builder's template puts
the post (Elementor Pro's post-content widget), its `<article>`, `<main>`, `[role=main]` or a WordPress content
container (`.entry-content`, `.post-content`, ...), else the element holding the most paragraph text. Navigation,
headers, footers, sidebars, comments, forms, scripts, cookie banners and the post's furniture (byline, counters,
related posts) are never content (`htmlmain`). Metadata: `<title>` (else `og:title`, else the
H1), `<meta name=description>` (else `og:description`), `<link rel=canonical>` (else `og:url`), the date from
`article:published_time` or JSON-LD `datePublished`, tags from `article:tag`, JSON-LD blocks into `post.jsonld`;
where those are missing, a microformats `h-entry`'s summary, canonical link and date (Medium's export marks them so;
its drafts are `status: draft`, its slugs lose the post id Medium ends them with: see `htmlentry`).
Lines are the file's own (the parser's `sourceline`). The page's `<h1>` of its title (opening the content, or in the
entry's header) is its one H1 (`Post.title_h1`), not a block: any `<h1>` in the content is then a second one.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from smpseo.core.text import slugify
from smpseo.core.version import GENERATOR
from smpseo.model.post import HEADING, Post
from smpseo.sources.readers.decode import SourceError
from smpseo.sources.readers.frontmatter import as_date, split_front_matter
from smpseo.sources.readers.generator import generator_post
from smpseo.sources.readers.htmlbase import base_address, with_base
from smpseo.sources.readers.htmlblocks import html_to_blocks, parse_html
from smpseo.sources.readers.htmlentry import entry_content, h_entry, medium_post, medium_slug
from smpseo.sources.readers.htmlmain import main_content, remove_noise
from smpseo.sources.readers.htmltags import tagless_paragraphs

_DATE_PROPS = ("article:published_time", "og:published_time", "datePublished")


def _meta(soup: BeautifulSoup, *keys: str) -> tuple[str, int]:
    """The first non-empty `<meta name|property=key content=...>` among keys, with its line."""
    for key in keys:
        for tag in soup.find_all("meta"):
            if (tag.get("name") or tag.get("property") or tag.get("itemprop") or "").strip().lower() == key.lower():
                value = " ".join(str(tag.get("content") or "").split())
                if value:
                    return value, tag.sourceline or 0
    return "", 0


# A refresh's content: seconds, then where to go (`0; url=/new/`, `0;URL='/new/'`, `5, /new/`).
_REFRESH = re.compile(r"\s*\d*(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?([\"']?)(?P<address>[^\"']*?)\1\s*$", re.I)


def redirect(soup: BeautifulSoup) -> str:
    """Where a `<meta http-equiv="refresh" content="0; url=/new/">` sends the reader, or "" (none, or a refresh of
    the page itself)."""
    for tag in soup.find_all("meta"):
        if str(tag.get("http-equiv") or "").strip().lower() == "refresh":
            m = _REFRESH.match(str(tag.get("content") or ""))
            if m and m["address"].strip():
                return m["address"].strip()
    return ""


def _meta_all(soup: BeautifulSoup, key: str) -> list[str]:
    return [" ".join(str(t.get("content")).split()) for t in soup.find_all("meta")
            if (t.get("property") or t.get("name") or "").lower() == key and t.get("content")]


# The first line of the style sheet smpseo's report pages have carried from the start (`views/templates`)
_REPORT_STYLE = "A report to read, not a notebook to edit"


def _older_report(soup: BeautifulSoup) -> str:
    """"smpseo" for a report page an earlier version wrote, before its pages said so in `<meta name="generator">`: a
    notebook exported to HTML with smpseo's style sheet; "" for any other page."""
    body = soup.find("body")
    if body is None or "jp-Notebook" not in (body.get("class") or []):
        return ""
    return GENERATOR if any(_REPORT_STYLE in (style.string or "") for style in soup.find_all("style")) else ""


def _jsonld(soup: BeautifulSoup, warnings: list[str]) -> list:
    items = []
    for tag in soup.find_all("script", attrs={"type": re.compile(r"^\s*application/ld\+json\s*$", re.I)}):
        raw = tag.string or tag.get_text()
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            line = (tag.sourceline or 1) + raw.count("\n", 0, exc.pos)
            warnings.append(f"line {line}: invalid JSON-LD ignored: {exc.msg}")
            continue
        items.append(data)
    return items


def _walk_jsonld(data):
    """Every object in JSON-LD data, `@graph` and nested values included."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(item)


def _title_h1s(soup: BeautifulSoup, title: str) -> int:
    """How many `<h1>` of the page read `title` (a site's name in an `<h1>` of its header is not the post's)."""
    return sum(1 for h1 in soup.find_all("h1") if title and _heading_text(h1) == title)


def _heading_text(tag: Tag) -> str:
    """A heading's text as its block would read (`Does SMP <em>hurt</em>?` is "Does SMP hurt?")."""
    return " ".join(" ".join(b.text for b in html_to_blocks(tag)).split())


def _slug_from(canonical: str, path: str, title: str) -> str:
    if canonical:
        segment = [s for s in urlsplit(canonical).path.split("/") if s]
        if segment:
            return slugify(PurePath(segment[-1]).stem if segment[-1].endswith((".html", ".htm")) else segment[-1])
    if path and not re.match(r"https?://", path, re.I):
        stem = PurePath(path).stem
        if stem.lower() not in ("index", "page", "post"):
            return slugify(stem)
    elif path:
        segment = [s for s in urlsplit(path).path.split("/") if s]
        if segment:
            return slugify(segment[-1].rsplit(".", 1)[0])
    return slugify(title)


_BODY = re.compile(r"<body\b[^>]*>(.*?)(?:</body\s*>|\Z)", re.I | re.S)


def _body_text(text: str, warnings: list[str]) -> list:
    """The page's body as paragraphs of its text, for a page nested too deeply to walk (`<div>` 10,000 deep): the
    whole body, its menus and footer too, since finding the post in it needs the walk; said in `warnings`."""
    m = _BODY.search(text)
    start = text.count("\n", 0, m.start(1)) + 1 if m else 1
    warnings.append(f"line {start}: HTML nested too deeply to read its structure (headings, lists, links, which part "
                    "is the post); the text of the whole page is read as paragraphs")
    return tagless_paragraphs(m.group(1) if m else text, start)


def read_html(text: str, path: str) -> list[Post]:
    """One post from an HTML page, or from a generator's HTML content file (Jekyll's or Hugo's `.html` post: front
    matter, then the post's HTML). Raises SourceError when the page has no readable content."""
    if not re.match(r"\s*<", text):  # front matter never opens with a tag, a page always does
        lines = text.split("\n")
        repeated: list[str] = []
        meta, meta_lines, start = split_front_matter(text, path, lines, repeated)
        if start:  # the body is the post's content itself, not a page to find it in
            body = "\n".join(lines[start:])
            blocks = html_to_blocks(body, line_offset=start) if body.strip() else []
            return [generator_post(path, meta, meta_lines, blocks, "html", repeated)]
    if not re.search(r"<[A-Za-z!]", text):
        raise SourceError(path, "not an HTML page (no tags)")
    soup = parse_html(text)
    warnings: list[str] = []
    jsonld = _jsonld(soup, warnings)

    title_tag = soup.find("title")
    title = " ".join(title_tag.get_text().split()) if title_tag else ""
    title_line = (title_tag.sourceline or 0) if title else 0
    og_title, og_line = _meta(soup, "og:title", "twitter:title")
    h1 = soup.find("h1")
    h1_text = _heading_text(h1) if h1 else ""
    # "Post title | Site name": the post's own title is the part the page's other signals agree on.
    for shorter in (og_title, h1_text):
        if title and shorter and shorter != title and title.startswith(shorter) \
                and re.match(r"\s*[|\-–—:·•»]", title[len(shorter):]):
            title = shorter
            break
    if not title:
        title, title_line = (og_title, og_line) if og_title else (h1_text, (h1.sourceline or 0) if h1 else 0)

    description, description_line = _meta(soup, "description", "og:description", "twitter:description")
    canonical_tag = soup.find("link", rel=lambda v: v and "canonical" in (v if isinstance(v, list) else [v]))
    canonical = str(canonical_tag.get("href") or "").strip() if canonical_tag else ""
    if not canonical:
        canonical, _ = _meta(soup, "og:url")
    date_text, date_line = _meta(soup, *_DATE_PROPS)
    if not date_text:
        for obj in _walk_jsonld(jsonld):
            if isinstance(obj.get("datePublished"), str):
                date_text = obj["datePublished"]
                break
    entry = h_entry(soup)  # microformats (Medium's export, IndieWeb and many blog themes): after the meta tags
    if not description and entry["summary"]:
        description, description_line = entry["summary"]
    canonical = canonical or entry["url"]
    if not date_text and entry["published"]:
        date_text, date_line = entry["published"]
    date = as_date(date_text, date_line, warnings) if date_text else None
    tags = _meta_all(soup, "article:tag")
    section, _ = _meta(soup, "article:section")
    generator, _ = _meta(soup, "generator")  # smpseo's own reports say so: `Post.not_a_post`
    generator = generator or _older_report(soup)

    titled = _title_h1s(soup, title)  # before the entry's header is taken out as noise
    medium = medium_post(soup, path)
    remove_noise(soup)
    root = entry_content(soup) or main_content(soup)
    try:
        blocks = html_to_blocks(root)
    except RecursionError:  # nested deeper than the walk through it can go: the body's text is kept all the same
        blocks = _body_text(text, warnings)
    # The title repeated as the content's first heading, of any level (Medium's export repeats it as an <h3>), is
    # the page title, not a section.
    if blocks and blocks[0].kind == HEADING and blocks[0].text == title:
        title_line = title_line or blocks[0].line
        blocks = blocks[1:]
    # An <h1> of the title that is not in the blocks (the one just taken out, the entry header's) is the page's H1.
    title_h1 = titled > sum(1 for b in blocks if b.kind == HEADING and b.level == 1 and b.text == title)
    base = base_address(soup)
    if base:  # relative links and images resolve against the page's <base href>, as a browser resolves them
        with_base(blocks, base, canonical or path)
    refresh = redirect(soup)  # a page that sends the reader elsewhere: `Post.not_a_post` when it has no text
    if not blocks and not title and not refresh:
        raise SourceError(path, "no readable content (no title, no text)")
    meta = {k: v for k, v in (("title", title), ("description", description), ("canonical", canonical),
                              ("date", date_text), ("generator", generator), ("refresh", refresh)) if v}
    is_url = bool(re.match(r"https?://", path or "", re.I))
    slug = _slug_from(canonical, path, title)
    return [Post(
        path=path,
        slug=medium_slug(slug, medium, from_file=not canonical) if medium else slug,
        status="draft" if medium and medium.draft else "response" if medium and medium.response else "",
        title=title,
        blocks=blocks,
        description=description,
        date=date,
        tags=tags,
        categories=[section] if section else [],
        canonical=canonical,
        source=canonical or (path if is_url else PurePath(path).name if path else ""),
        jsonld=jsonld,
        meta=meta,
        meta_lines={k: v for k, v in (("title", title_line), ("description", description_line),
                                      ("date", date_line)) if v},
        title_line=title_line,
        format="html",
        warnings=warnings,
        title_h1=title_h1,
    )]


__all__ = ["read_html", "main_content"]
