"""WordPress exports (WXR 1.0-1.2, Tools > Export): every item of type `post`, with its metadata and content.

Parsed as a stream with defusedxml's SAX parser (entity declarations are refused), which also gives each
`content:encoded` its line in the file, so blocks keep their lines. Both the `http://` and the `https://`
`wordpress.org/export/1.x/` namespaces are read, whichever the file declares.

Content is the post's HTML as stored: classic posts (paragraphs separated by blank lines, as `wpautop` renders
them, `[caption]` shortcodes) and block-editor posts (`<!-- wp:... -->` comments are markup, never prose). A
reusable block (`<!-- wp:block {"ref":300} /-->`, the item of type `wp_block` with that id in the same export) is
put in its place, on the line of its use.
"""

from __future__ import annotations

import json
import re
import xml.sax
import xml.sax.handler
from pathlib import PurePath

from smpseo.core.text import slugify
from smpseo.model.post import Post
from smpseo.sources.readers import xmlstream
from smpseo.sources.readers.decode import SourceError
from smpseo.sources.readers.frontmatter import export_date
from smpseo.sources.readers.htmlblocks import html_to_blocks
from smpseo.sources.readers.xmlstream import CONTENT_NS, DC_NS, parse_xml, plain, posts_of, prepare_content

_WP_NS = re.compile(r"^https?://wordpress\.org/export/1\.\d+/?$")
_EXCERPT_NS = re.compile(r"^https?://wordpress\.org/export/1\.\d+/excerpt/?$")
STATUSES = ("publish", "draft", "future", "pending", "private")


class _Handler(xml.sax.handler.ContentHandler):
    """Collects each `<item>`'s fields (comments skipped), with the lines of its title and content."""

    def __init__(self):
        super().__init__()
        self.items: list[dict] = []
        self.wp_namespace = ""
        self.wxr_version = ""
        self.root = ""  # the document's element: `rss` for an export, and for a feed (then no WordPress namespace)
        self._locator = None
        self._stack: list[str] = []
        self._item: dict | None = None
        self._field: str | None = None
        self._field_depth = 0  # elements open when the field started: deeper ones are markup in its text
        self._text: list[str] = []
        self._text_line = 0
        self._meta: dict | None = None
        self._category: dict | None = None
        self._in_comment = 0
        self.error: tuple[str, int] | None = None  # (message, line) where the XML stopped being well-formed

    def setDocumentLocator(self, locator):  # noqa: N802 (SAX API)
        self._locator = locator

    line_offset = 0  # lines of the file before the text parsed (read on past a damaged post)

    def _line(self) -> int:
        return self._locator.getLineNumber() + self.line_offset if self._locator else 0

    def _name(self, name: tuple[str | None, str]) -> str:
        uri, local = name
        uri = uri or ""
        if _WP_NS.match(uri):
            if not self.wp_namespace:
                self.wp_namespace = uri
            return f"wp:{local}"
        if _EXCERPT_NS.match(uri):
            return f"excerpt:{local}"
        if uri == CONTENT_NS:
            return f"content:{local}"
        if uri == DC_NS:
            return f"dc:{local}"
        return local if not uri else f"{{{uri}}}{local}"

    def startElementNS(self, name, qname, attrs):  # noqa: N802 (SAX API)
        tag = self._name(name)
        if not self._stack and not self.root:
            self.root = tag
        self._stack.append(tag)
        if self._in_comment or tag == "wp:comment":
            self._in_comment += 1
            return
        if self._field is not None:  # an element inside a field: HTML of its text, not a field of its own
            self._text.append(xmlstream.start_tag(name, attrs))
            return
        if tag == "item" and self._item is None:
            self._item = {"categories": [], "postmeta": {}, "lines": {}, "line": self._line(),
                          "at": xmlstream.where(self._locator)}
            return
        if self._item is None:
            if tag == "wp:wxr_version":
                self._start_field(tag)
            return
        if tag == "wp:postmeta":
            self._meta = {}
        elif tag == "category":
            self._category = {"domain": attrs.get((None, "domain"), ""), "nicename": attrs.get((None, "nicename"), "")}
            self._start_field(tag)
        else:
            self._start_field(tag)

    def _start_field(self, tag: str) -> None:
        self._field = tag
        self._field_depth = len(self._stack)
        self._text = []
        self._text_line = self._line()

    def characters(self, content):
        if self._field is not None and not self._in_comment:
            if not self._text:
                self._text_line = self._line()
            self._text.append(content)

    def endElementNS(self, name, qname):  # noqa: N802 (SAX API)
        tag = self._stack.pop() if self._stack else ""
        if self._in_comment:
            self._in_comment -= 1
            return
        if self._field is not None and len(self._stack) >= self._field_depth:  # the end of an element inside it
            self._text.append(f"</{name[1]}>")
            return
        text = "".join(self._text)
        if self._item is None:
            if tag == "wp:wxr_version":
                self.wxr_version = text.strip()
            self._field = None
            return
        if tag == "item":
            # pages, attachments, menus: not kept; a reusable block is kept for the posts that use it
            if (self._item.get("wp:post_type") or "").strip() in ("post", REUSABLE):
                self.items.append(self._item)
            self._item = None
        elif tag == "category" and self._category is not None:
            # The name as WordPress shows it: "Scars &amp; Transplants" (escaped inside CDATA) is "Scars & Transplants"
            self._item["categories"].append((self._category["domain"], plain(text), self._category["nicename"]))
            self._category = None
        elif tag in ("wp:meta_key", "wp:meta_value") and self._meta is not None:
            self._meta[tag] = text
        elif tag == "wp:postmeta" and self._meta is not None:
            key = self._meta.get("wp:meta_key", "").strip()
            if key:
                self._item["postmeta"][key] = self._meta.get("wp:meta_value", "")
            self._meta = None
        elif tag == self._field and len(self._stack) >= 1 and self._stack[-1] == "item":
            xmlstream.swallowed(text, "item", self._item["at"])
            self._item[tag] = text
            self._item["lines"][tag] = self._text_line
        self._field = None
        self._text = []


# What an SEO plugin keeps of a post, by field, in the order looked at: Yoast, Rank Math, SEOPress, All in One SEO
# (before its version 4, which keeps them in a table of its own, not in the export)
SEO_FIELDS = {
    "description": ("_yoast_wpseo_metadesc", "rank_math_description", "_seopress_titles_desc", "_aioseop_description"),
    "keyphrase": ("_yoast_wpseo_focuskw", "rank_math_focus_keyword", "_seopress_analysis_target_kw",
                  "_aioseop_keywords"),
    "canonical": ("_yoast_wpseo_canonical", "rank_math_canonical_url", "_seopress_robots_canonical",
                  "_aioseop_custom_link"),
}


def seo_field(meta: dict, field: str) -> str:
    """A post's description, focus keyphrase or canonical address as its SEO plugin set it ("" for none). Rank
    Math, SEOPress and AIOSEO keep several keyphrases, comma-separated: the first is the focus one."""
    for key in SEO_FIELDS[field]:
        value = " ".join(plain(meta.get(key) or "").split())
        if field == "keyphrase":
            value = value.split(",")[0].strip()
        if value:
            return value
    return ""


REUSABLE = "wp_block"  # the type of a reusable block's item ("synced pattern")
_USE_OF_REUSABLE = re.compile(r"<!--\s*wp:block\s+(\{[^<>]*?\})\s*/?-->")
MAX_REUSABLE_DEPTH = 8  # reusable blocks inside reusable blocks, followed this deep
MAX_REUSABLE_USES = 200  # reusable blocks put into one post at most (one used twice in one used twice ... grows fast)


def _reusable_ref(comment_json: str) -> str:
    """The id a reusable block's use names (`{"ref":300}`), or "" for none."""
    try:
        ref = json.loads(comment_json).get("ref")
    except (ValueError, AttributeError):
        return ""
    return str(ref).strip() if isinstance(ref, (int, str)) and not isinstance(ref, bool) else ""


def with_reusable_blocks(content: str, reusable: dict[str, str], first_line: int, warnings: list[str]) -> str:
    """`content` with each reusable block it uses put in its place, on one line (the line of its use: the lines of
    the post's own text stay those of the export), and the reusable blocks those use in turn. A use of a block not in
    the export, of a block inside itself, or past MAX_REUSABLE_DEPTH or MAX_REUSABLE_USES, is left out, with one
    warning at the line of the use in the post."""
    budget = [MAX_REUSABLE_USES]

    def expand(text: str, line_at, within: tuple[str, ...]) -> str:
        def put(m: re.Match) -> str:
            ref, line = _reusable_ref(m.group(1)), line_at(m.start())
            if ref not in reusable:
                named = ref or repr(m.group(1))
                warnings.append(f"line {line}: reusable block {named} is not in the export; its text is missing from "
                                "this post")
                return ""
            if ref in within or len(within) >= MAX_REUSABLE_DEPTH or budget[0] <= 0:
                warnings.append(f"line {line}: reusable block {ref} is used inside itself or too deeply; put in once")
                return ""
            budget[0] -= 1
            inner = " ".join(reusable[ref].split("\n"))  # the use's one line
            return expand(inner, lambda _: line, (*within, ref))

        return _USE_OF_REUSABLE.sub(put, text) if "wp:block" in text else text

    return expand(content, lambda at: first_line + content.count("\n", 0, at), ())


def _post(item: dict, path: str, warnings: list[str], reusable: dict[str, str] | None = None) -> Post:
    lines = item["lines"]
    title = " ".join(plain(item.get("title", "")).split())
    post_id = (item.get("wp:post_id") or "").strip()
    name = (item.get("wp:post_name") or "").strip()
    slug = slugify(name) if name else (slugify(title) if title else f"post-{post_id or item['line']}")
    offset = lines.get("content:encoded", item["line"]) - 1
    content = with_reusable_blocks(item.get("content:encoded", ""), reusable or {}, offset + 1, warnings)
    blocks = html_to_blocks(prepare_content(content), line_offset=offset) if content.strip() else []
    meta = item["postmeta"]
    description = seo_field(meta, "description") or plain(item.get("excerpt:encoded", ""))
    status = (item.get("wp:status") or "").strip()
    if status and status not in STATUSES:
        warnings.append(f"line {lines.get('wp:status', item['line'])}: unknown status {status!r}")
    link = (item.get("link") or "").strip()
    fields = {k: v for k, v in item.items() if isinstance(v, str) and k != "content:encoded"}  # read into blocks
    fields["postmeta"] = dict(meta)
    return Post(
        path=path,
        slug=slug,
        title=title,
        blocks=blocks,
        description=description,
        keyphrase=seo_field(meta, "keyphrase"),
        date=export_date(item.get("wp:post_date")) or export_date(item.get("wp:post_date_gmt")),
        status=status,
        tags=[name for domain, name, _ in item["categories"] if domain == "post_tag" and name],
        categories=[name for domain, name, _ in item["categories"] if domain == "category" and name],
        canonical=seo_field(meta, "canonical"),
        source=link or f"{PurePath(path).name}#post-{post_id}",
        meta=fields,
        meta_lines={"title": lines.get("title", item["line"]), "date": lines.get("wp:post_date", item["line"]),
                    "description": lines.get("excerpt:encoded", item["line"])},
        title_line=lines.get("title", item["line"]),
        format="wxr",
        warnings=warnings,
    )


def read_wxr(text: str, path: str) -> list[Post]:
    """The posts (items of type `post`) of a WordPress export, in file order; an RSS or Atom feed (a Blogger export)
    is read by `smpseo.sources.readers.feed`. Raises SourceError; for an export that stops being well-formed part-way
    (a half-saved file) the error carries the posts completed before it."""
    handler = _Handler()
    parse_xml(text, path, handler)
    if not handler.wp_namespace:
        from smpseo.sources.readers.feed import is_feed, read_feed

        if is_feed(handler.root):
            return read_feed(text, path)
    if handler.wp_namespace:
        xmlstream.read_past_damage(text, path, handler, _Handler)
    if handler.error and not handler.items:
        raise SourceError(path, handler.error[0], handler.error[1])
    if not handler.wp_namespace:
        raise SourceError(path, f"not a WordPress export, RSS or Atom feed (the document is <{handler.root or '?'}>, "
                                "without the wordpress.org/export namespace)")
    reusable = {(item.get("wp:post_id") or "").strip(): item.get("content:encoded", "")
                for item in handler.items if (item.get("wp:post_type") or "").strip() == REUSABLE}
    handler.items = [item for item in handler.items if (item.get("wp:post_type") or "").strip() != REUSABLE]
    return posts_of(handler, path, lambda item, path_, warnings: _post(item, path_, warnings, reusable))




__all__ = ["read_wxr", "prepare_content"]
