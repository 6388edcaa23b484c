"""RSS 2.0 and Atom feeds, and Blogger's export (an Atom feed of the whole blog): every post with its metadata and
content, for blogs that are not on WordPress.

Parsed as a stream with defusedxml's SAX parser (entity declarations are refused), as WordPress exports are, so the
content of each post keeps its lines in the file. What counts as a post:

- RSS: every `<item>`; its content is `content:encoded`, else `description` (then no description of its own).
- Atom: every `<entry>` but comments (`thr:in-reply-to`, Blogger's `blogger:type` other than POST, or the old
  export's `kind#comment`, `kind#settings` and `kind#template` categories) and what Blogger has in the bin. Content
  of type `html` or `text` is read as stored, `xhtml` from its elements. A draft (`blogger:status` DRAFT,
  `app:draft` yes, in either namespace of the Atom Publishing Protocol, within `app:control` as RFC 5023 writes it
  or not) is a draft, left out as other drafts are. Its description is Blogger's `blogger:metaDescription` (the
  search description), else its `summary`.
"""

from __future__ import annotations

import xml.sax
import xml.sax.handler
from pathlib import PurePath
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from smpseo.core.text import slugify
from smpseo.model.post import Post
from smpseo.sources.readers import xmlstream
from smpseo.sources.readers.decode import SourceError
from smpseo.sources.readers.frontmatter import export_date
from smpseo.sources.readers.htmlblocks import html_to_blocks
from smpseo.sources.readers.xmlstream import CONTENT_NS, DC_NS, parse_xml, plain, posts_of, prepare_content

ATOM_NS = "http://www.w3.org/2005/Atom"
THREAD_NS = "http://purl.org/syndication/thread/1.0"
APP_NS = "http://www.w3.org/2007/app"
APP_DRAFT_NS = "http://purl.org/atom/app#"  # the draft of the protocol, which Blogger's classic backup still writes
BLOGGER_KIND = "http://schemas.google.com/g/2005#kind"
NOT_POSTS = ("#comment", "#settings", "#template", "#page")
_NAMES = {ATOM_NS: "", CONTENT_NS: "content:", DC_NS: "dc:", THREAD_NS: "thr:", APP_NS: "app:", APP_DRAFT_NS: "app:"}
FIELDS = frozenset({"title", "link", "pubDate", "description", "content:encoded", "dc:creator", "dc:date", "guid",
                    "content", "summary", "published", "updated", "id", "blogger:type", "blogger:status",
                    "blogger:filename", "blogger:metaDescription", "app:draft"})


class _Handler(xml.sax.handler.ContentHandler):
    """Collects each item's or entry's fields, with the lines of its title and content."""

    def __init__(self):
        super().__init__()
        self.items: list[dict] = []
        self.root = ""
        self.error: tuple[str, int] | None = None
        self._locator = None
        self._depth = 0
        self._item: dict | None = None
        self._item_depth = 0
        self._field_depth = 0  # the depth of the field read: an entry's child, or `app:draft` inside `app:control`
        self._parent = ""  # `app:control` while inside it
        self._field: str | None = None
        self._text: list[str] = []
        self._text_line = 0
        self._xhtml = 0  # depth inside an Atom content of type xhtml: its elements are the content's HTML

    def setDocumentLocator(self, locator):  # noqa: N802 (SAX API)
        self._locator = locator

    line_offset = 0  # lines of the file before the text parsed (read on past a damaged post)

    def _line(self) -> int:
        return self._locator.getLineNumber() + self.line_offset if self._locator else 0

    @staticmethod
    def _name(name: tuple[str | None, str]) -> str:
        uri, local = name
        if uri and "blogger" in uri and "schemas.google.com" in uri:
            return f"blogger:{local}"
        return _NAMES.get(uri or "", f"{{{uri}}}") + local if uri not in (None, "") else local

    def startElementNS(self, name, qname, attrs):  # noqa: N802 (SAX API)
        tag = self._name(name)
        self._depth += 1
        if self._depth == 1:
            self.root = tag
        if self._xhtml:
            self._xhtml += 1
            shown = "".join(f' {k[1]}="{_attr(v)}"' for k, v in attrs.items())
            self._text.append(f"<{name[1]}{shown}>")
            return
        if self._field is not None and self._item is not None and self._depth > self._field_depth:
            self._text.append(xmlstream.start_tag(name, attrs))  # an element inside a field: HTML of its text
            return
        if tag in ("item", "entry") and self._item is None:
            self._item = {"categories": [], "lines": {}, "line": self._line(), "links": [],
                          "at": xmlstream.where(self._locator), "kind": (tag,)}
            self._item_depth = self._depth
            return
        control = tag == "app:draft" and self._depth == self._item_depth + 2 and self._parent == "app:control"
        if self._item is None or self._depth != self._item_depth + 1 and not control:
            return
        if tag == "app:control":  # RFC 5023 writes the entry's `app:draft` inside it
            self._parent = tag
            return
        if tag == "category":
            term = attrs.get((None, "term"))
            if term is not None:  # Atom: the term is an attribute
                self._item["categories"].append((attrs.get((None, "scheme"), ""), term.strip()))
                return
        elif tag == "link" and (None, "href") in attrs:
            self._item["links"].append((attrs.get((None, "rel"), "alternate"), attrs[(None, "href")].strip()))
            return
        elif tag == "thr:in-reply-to":
            self._item["reply"] = True
            return
        self._field, self._text, self._text_line, self._field_depth = tag, [], self._line(), self._depth
        if tag in ("content", "summary", "title"):
            self._item[f"{tag}:type"] = attrs.get((None, "type"), "text")
            if self._item[f"{tag}:type"] == "xhtml":
                self._xhtml = 1

    def characters(self, content):
        if self._field is not None:
            if not self._text:
                self._text_line = self._line()
            self._text.append(_attr(content) if self._xhtml else content)

    def endElementNS(self, name, qname):  # noqa: N802 (SAX API)
        tag = self._name(name)
        self._depth -= 1
        if self._xhtml > 1:
            self._xhtml -= 1
            self._text.append(f"</{name[1]}>")
            return
        self._xhtml = 0
        if self._field is not None and self._item is not None and self._depth >= self._field_depth:
            self._text.append(f"</{name[1]}>")  # the end of an element inside the field
            return
        if self._item is None:
            return
        if self._depth + 1 == self._item_depth:
            self.items.append(self._item)
            self._item = None
        elif tag == "app:control":
            self._parent = ""
        elif tag == "category" and self._field == "category":
            self._item["categories"].append(("", "".join(self._text).strip()))
        elif tag == self._field and tag in FIELDS and tag not in self._item["lines"]:
            xmlstream.swallowed("".join(self._text), self._item["kind"][0], self._item["at"])
            self._item[tag] = "".join(self._text)
            self._item["lines"][tag] = self._text_line
        self._field = None
        self._text = []


def _attr(text: str) -> str:
    """Text as HTML, fit for an attribute's value too: `&`, `<`, `>` and `"` escaped."""
    return escape(text, {'"': "&quot;"})


def _is_post(item: dict) -> bool:
    kind = (item.get("blogger:type") or "").strip().upper()
    if item.get("reply") or (kind and kind != "POST"):
        return False
    if (item.get("blogger:status") or "").strip().upper() in ("SOFT_TRASHED", "DELETED"):
        return False
    return not any(scheme == BLOGGER_KIND and term.endswith(NOT_POSTS) for scheme, term in item["categories"])


def _text_of(item: dict, field: str) -> str:
    """A field as HTML: Atom's `text` type is plain text (escaped again), `html` and `xhtml` and RSS are HTML."""
    value = item.get(field, "")
    return _attr(value) if item.get(f"{field}:type") == "text" and field != "title" else value


def _post(item: dict, path: str, warnings: list[str]) -> Post:
    lines = item["lines"]
    title = " ".join(plain(item.get("title", "")).split())
    body = next((f for f in ("content:encoded", "content", "description", "summary") if item.get(f, "").strip()), "")
    content = _text_of(item, body) if body else ""
    offset = lines.get(body, item["line"]) - 1
    blocks = html_to_blocks(prepare_content(content), line_offset=offset) if content.strip() else []
    described = next((f for f in ("blogger:metaDescription", "summary", "description")
                      if f != body and item.get(f, "").strip()), "")
    link = next((href for rel, href in item["links"] if rel == "alternate"), "") or (item.get("link") or "").strip()
    filename = (item.get("blogger:filename") or "").strip()
    named = PurePath(filename or urlsplit(link).path.rstrip("/")).stem if filename or link else ""
    slug = slugify(named) if named else slugify(title) if title else f"post-{item['line']}"
    draft = (item.get("blogger:status") or "").strip().upper() == "DRAFT" \
        or (item.get("app:draft") or "").strip().lower() == "yes"
    tags = [term for scheme, term in item["categories"] if term and scheme != BLOGGER_KIND]
    dated = next((f for f in ("published", "pubDate", "dc:date", "updated") if item.get(f, "").strip()), "")
    fields = {k: v for k, v in item.items() if isinstance(v, str) and k != body}
    return Post(
        path=path,
        slug=slug,
        title=title,
        blocks=blocks,
        description=plain(_text_of(item, described)) if described else "",
        date=export_date(item.get(dated)) if dated else None,
        status="draft" if draft else "",
        tags=tags,
        canonical=link,
        source=link or f"{PurePath(path).name}#{slug}",
        meta=fields,
        meta_lines={"title": lines.get("title", item["line"]), "date": lines.get(dated, item["line"]),
                    "description": lines.get(described, item["line"])},
        title_line=lines.get("title", item["line"]),
        format="feed",
        warnings=warnings,
    )


def is_feed(root: str) -> bool:
    """Whether a document whose element is `root` (as `{namespace}name`) is a feed: RSS 2.0 or 1.0, or Atom."""
    return root in ("rss", "feed", f"{{{ATOM_NS}}}feed", "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF")


def read_feed(text: str, path: str) -> list[Post]:
    """The posts of an RSS or Atom feed (or a Blogger export), in file order. Raises SourceError as `read_wxr` does;
    a feed cut off part-way keeps the posts completed before the cut."""
    handler = _Handler()
    parse_xml(text, path, handler)
    if handler.root in ("rss", "feed"):  # each post an RSS <item> or an Atom <entry>
        xmlstream.read_past_damage(text, path, handler, _Handler, "item" if handler.root == "rss" else "entry")
    if handler.error and not handler.items:
        raise SourceError(path, handler.error[0], handler.error[1])
    handler.items = [item for item in handler.items if _is_post(item)]
    return posts_of(handler, path, _post)


__all__ = ["read_feed", "is_feed"]
