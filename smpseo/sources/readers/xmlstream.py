"""What WordPress exports and feeds share: a streaming parse of XML with line numbers, the HTML of a stored post
made ready for the block builder, and the posts of a file read one by one.

Parsed with defusedxml's SAX parser (entity declarations are refused), which also gives every element its line in
the file, so blocks keep their lines.
"""

from __future__ import annotations

import re
import xml.sax
import xml.sax.handler

from smpseo.model.post import Post
from smpseo.sources.readers.decode import SourceError

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
_CAPTION = re.compile(r"\[caption\b([^\]]*)\](.*?)\[/caption\]", re.DOTALL | re.IGNORECASE)
_CAPTION_ATTR = re.compile(r"""\bcaption=(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_IMAGE_PART = re.compile(r"^\s*(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", re.IGNORECASE | re.DOTALL)
# Shortcodes whose content is a URL or media, never prose.
_MEDIA_SHORTCODE = re.compile(r"\[(embed|video|audio|playlist|gallery)\b[^\]]*\].*?\[/\1\]", re.DOTALL | re.IGNORECASE)
_BARE_URL_LINE = re.compile(r"(?m)^[ \t]*https?://\S+[ \t]*$")  # a URL alone on a line is an oEmbed
_XML_DECL_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?)\bencoding=["'][^"']*["']""")


def _keep_lines(match: re.Match[str]) -> str:
    return "\n" * match.group(0).count("\n")


def _caption_to_figure(match: re.Match[str]) -> str:
    attrs, inner = match.group(1), match.group(2)
    image = _IMAGE_PART.match(inner)
    attr = _CAPTION_ATTR.search(attrs)
    if image:
        caption = inner[image.end():].strip()
        img = image.group(0)
    else:
        caption, img = "", inner
    if attr:
        caption = attr.group(1) if attr.group(1) is not None else attr.group(2)
    caption = caption.replace("\n", " ")
    return f"<figure>{img.replace(chr(10), ' ')}<figcaption>{caption}</figcaption></figure>" + _keep_lines(match)


def prepare_content(html: str) -> str:
    """Stored post content to HTML the block builder reads: captions become figures, media shortcodes go.

    Line breaks are kept, so lines stay those of the export.
    """
    html = _CAPTION.sub(_caption_to_figure, html)
    html = _MEDIA_SHORTCODE.sub(_keep_lines, html)
    return _BARE_URL_LINE.sub("", html)


_FEED = 1024 * 1024  # characters handed to the XML parser at a time


def parse_xml(text: str, path: str, handler):
    """Feed `text` to `handler` (a SAX content handler with `error`) through defusedxml's parser, namespaces on. A
    file that stops being well-formed sets `handler.error` (message, line); one that declares entities or a DTD is
    refused (SourceError)."""
    from defusedxml import DefusedXmlException
    from defusedxml.sax import make_parser

    parser = make_parser()
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    parser.setContentHandler(handler)
    # The text is already decoded: tell the parser it is UTF-8 whatever the declaration said. It is fed a
    # megabyte at a time, so no second copy of a large export is ever made.
    head = _XML_DECL_ENCODING.sub(r'\1encoding="UTF-8"', text[:4096], count=1)
    from xml.sax.expatreader import ExpatLocator

    handler.setDocumentLocator(ExpatLocator(parser))  # as parse() would: the handler gets line numbers
    try:
        parser.feed(head.encode("utf-8"))
        for start in range(4096, len(text), _FEED):
            parser.feed(text[start:start + _FEED].encode("utf-8"))
        parser.close()
    except xml.sax.SAXParseException as exc:
        # A cut-off or damaged export: the items completed before the error are still good.
        handler.error = (f"not well-formed XML: {exc.getMessage()}", exc.getLineNumber() or 0)
    except DefusedXmlException as exc:  # at the line of the declaration
        raise SourceError(path, f"refused: the file declares XML entities or a DTD ({type(exc).__name__})",
                          line=parser.getLineNumber() or 0) from None
    return handler


def plain(html: str) -> str:
    """The text of an HTML fragment (a title, an excerpt) on one line."""
    if "<" not in html and "&" not in html:
        return " ".join(html.split())
    from smpseo.sources.readers.htmlblocks import parse_html

    text = " ".join(parse_html(html).get_text(" ").split())
    return re.sub(r" ([.,;:!?)])", r"\1", text)


def posts_of(handler, path: str, make) -> list[Post]:
    """`make(item, path, warnings)` for every item the handler kept. A post nested too deeply for the HTML parser is
    lost alone; a file cut off part-way keeps the posts complete before the cut. Raises SourceError for either,
    carrying the posts read."""
    posts = []
    lost: list[int] = []
    for item in handler.items:
        try:
            posts.append(make(item, path, []))
        except RecursionError:  # one post nested too deeply for the HTML parser: only that post is lost
            lost.append(item["line"])
    handler.items.clear()
    if lost and not handler.error:
        where = ", ".join(str(line) for line in lost)
        raise SourceError(path, f"the post{'s' if len(lost) > 1 else ''} at line {where} nested too deeply to "
                                f"read; the other {len(posts)} posts were read", lost[0], posts=posts)
    if handler.error:
        message, line = handler.error
        raise SourceError(path, f"{message} (cut off?); the {len(posts)} posts complete before it were read",
                          line, posts=posts)
    return posts


__all__ = ["CONTENT_NS", "DC_NS", "parse_xml", "plain", "posts_of", "prepare_content"]
