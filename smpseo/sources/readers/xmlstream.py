"""What WordPress exports and feeds share: a streaming parse of XML with line numbers, the HTML of a stored post
made ready for the block builder, and the posts of a file read one by one.

Parsed with defusedxml's SAX parser (entity declarations are refused), which also gives every element its line in
the file, so blocks keep their lines.
"""

from __future__ import annotations

import re
import xml.sax
import xml.sax.handler
from html import escape

from smpseo.model.post import Post
from smpseo.sources.readers.decode import SourceError

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
_CAPTION = re.compile(r"\[caption\b([^\]]*)\](.*?)\[/caption\]", re.DOTALL | re.IGNORECASE)
_CAPTION_ATTR = re.compile(r"""\bcaption=(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_IMAGE_PART = re.compile(r"^\s*(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", re.IGNORECASE | re.DOTALL)
# WordPress's audio and video shortcodes (`[audio https://.../a.mp3]`, `[audio mp3="..."]`, `[video mp4="..."][/video]`):
# a player of the address they give, as the block editor writes one, else nothing.
_PLAYER = re.compile(r"\[(audio|video)\b([^\]]*)\](?:((?:(?!\[\1\b).)*?)\[/\1\])?", re.DOTALL | re.IGNORECASE)
_PLAYER_SOURCE = re.compile(r"""\b(?:src|mp3|m4a|ogg|oga|wav|flac|mp4|m4v|webm|ogv|mov)=(?:"([^"]*)"|'([^']*)'|([^\s"']+))"""
                            r"""|(?<![\w="'])(https?://[^\s\]"'<>]+)""", re.IGNORECASE)
# Shortcodes whose content is a URL or media, never prose.
_MEDIA_SHORTCODE = re.compile(r"\[(embed|video|audio|playlist|gallery)\b[^\]]*\].*?\[/\1\]", re.DOTALL | re.IGNORECASE)
# What WordPress shows as another site's player (a YouTube video, an Instagram post): `[embed]URL[/embed]`, and a URL
# alone on a line (which the embed block also stores, in its wrapper: read with the block, `htmlcells.is_embed`).
_EMBED_SHORTCODE = re.compile(r"\[embed\b[^\]]*\]\s*(https?://[^\s<>\"\[\]]+)\s*\[/embed\]", re.IGNORECASE)
_BARE_URL_LINE = re.compile(r"(?m)^[ \t]*(https?://[^\s<>\"]+)[ \t]*$")
# What an address alone on its line stands in when it is no embed of its own: the embed block's wrapper (read with
# the block), or a link (the link's text).
_NO_EMBED = re.compile(r"(?:<div\b[^>]*\bwp-block-embed__wrapper\b[^>]*>|<a\b[^>]*>)\s*$", re.IGNORECASE)
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


def _player(match: re.Match[str]) -> str:
    found = _PLAYER_SOURCE.search(match.group(2)) or _PLAYER_SOURCE.search(match.group(3) or "")
    src = next((g for g in found.groups() if g), "") if found else ""
    name = match.group(1).lower()
    player = f'<figure><{name} controls src="{escape(src.strip(), quote=True)}"></{name}></figure>' if src.strip() else ""
    return player + _keep_lines(match)


def _embed(match: re.Match[str]) -> str:
    """An embed as WordPress's embed block stores one, of the address it shows; its lines kept."""
    if _NO_EMBED.search(match.string, max(0, match.start() - 300), match.start()):
        return match.group(0)
    src = escape(match.group(1), quote=True)
    return (f'<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">{src}</div></figure>'
            + _keep_lines(match))


def prepare_content(html: str) -> str:
    """Stored post content to HTML the block builder reads: captions become figures, audio and video shortcodes
    players, embeds (`[embed]`, an address alone on a line) the embed block, other media shortcodes go.

    Line breaks are kept, so lines stay those of the export.
    """
    html = _CAPTION.sub(_caption_to_figure, html)
    html = _PLAYER.sub(_player, html)
    html = _EMBED_SHORTCODE.sub(_embed, html)
    html = _MEDIA_SHORTCODE.sub(_keep_lines, html)
    return _BARE_URL_LINE.sub(_embed, html)


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
        line, column = exc.getLineNumber() or 0, exc.getColumnNumber() or 0
        handler.error = (f"not well-formed XML: {exc.getMessage()}", line + getattr(handler, "line_offset", 0))
        handler.error_at = _offset(text, line, column)  # where, in `text`
    except DefusedXmlException as exc:  # at the line of the declaration
        raise SourceError(path, f"refused: the file declares XML entities or a DTD ({type(exc).__name__})",
                          line=parser.getLineNumber() or 0) from None
    return handler


# A field of a post that holds the end of its post and the start of the next: a CDATA section whose `]]>` is
# missing runs on until the next post's closes it, and the XML is well-formed again, so the parser says nothing.
_SWALLOWED = {tag: re.compile(rf"</{tag}\s*>\s*<{tag}[\s>]") for tag in ("item", "entry")}


class _At:
    """A SAX locator standing still at one place (line from 1, column from 0, as expat counts them)."""

    def __init__(self, line: int, column: int) -> None:
        self.line, self.column = line, column

    def getLineNumber(self) -> int:  # noqa: N802 (SAX API)
        return self.line

    def getColumnNumber(self) -> int:  # noqa: N802 (SAX API)
        return self.column

    def getPublicId(self) -> None:  # noqa: N802 (SAX API)
        return None

    def getSystemId(self) -> None:  # noqa: N802 (SAX API)
        return None


def where(locator) -> tuple[int, int]:
    """The (line, column) a handler's locator is at, in the text parsed: where a post starts, for `swallowed`."""
    return (locator.getLineNumber() or 0, locator.getColumnNumber() or 0) if locator else (0, 0)


def swallowed(text: str, tag: str, start: tuple[int, int]) -> None:
    """Raise SAXParseException, as damage at the post that starts at `start` (`where`), when a field's `text` holds
    the next post (`</item><item>`): that post is skipped and `read_past_damage` reads on from the one it swallowed,
    which was otherwise lost without a word, its text run into this one's."""
    if "</" in text and _SWALLOWED[tag].search(text):
        raise xml.sax.SAXParseException(f"a CDATA section not closed (its ']]>' missing) before the next <{tag}>",
                                        None, _At(*start))


def _offset(text: str, line: int, column: int) -> int:
    """The index in `text` of (line, column) as expat counts them (lines from 1, columns from 0)."""
    at = 0
    for _ in range(line - 1):
        at = text.find("\n", at) + 1
        if not at:
            return len(text)
    return min(at + column, len(text))


def start_tag(name: tuple[str | None, str], attrs) -> str:
    """An element met inside a field whose text is HTML (`<b>` not escaped inside `content:encoded`, between two
    CDATA sections), written back as the HTML start tag it stands for, so the field's text keeps it and the text
    after it (it once ended the field there, and the post was imported without its body)."""
    from xml.sax.saxutils import quoteattr

    return "<" + name[1] + "".join(f" {key[1]}={quoteattr(value)}" for key, value in attrs.items()) + ">"


def plain(html: str) -> str:
    """The text of an HTML fragment (a title, an excerpt) on one line."""
    if "<" not in html and "&" not in html:
        return " ".join(html.split())
    from smpseo.sources.readers.htmlblocks import parse_html

    text = " ".join(parse_html(html).get_text(" ").split())
    return re.sub(r" ([.,;:!?)])", r"\1", text)


MAX_RESUMES = 20  # damaged places read past in one file
REREAD = 4  # ... and at most this many times the file's length read again for them (each reads the rest of it)


def read_past_damage(text: str, path: str, handler, fresh, tag: str = "item"):
    """After `parse_xml` stopped where the file is damaged (`handler.error`: a character XML refuses, a section
    never closed, in one post): read on from the next `<tag>` after the damage, with the file's opening (up to its
    first `<tag>`: the root element and its namespaces) before it, as if the damaged post were not there; again
    past each damage, `MAX_RESUMES` times at most, and `REREAD` times the file read again at most. Damage before the
    first `<tag>` (in the opening every reading needs) is not read past. `fresh()` makes a new handler (with a
    `line_offset`). The items read on are added to `handler.items`; `handler.damage` lists each damage (message,
    line) and `handler.error` is the last one when nothing could be read after it (a file cut off)."""
    handler.damage = [handler.error] if handler.error else []
    opening = re.compile(rf"<{tag}[\s>]")
    first = opening.search(text)
    at = getattr(handler, "error_at", None)
    if first is None or handler.error is None or at is None or at < first.start():
        return handler
    head = text[:first.start()]
    budget = REREAD * len(text)
    for _ in range(MAX_RESUMES):
        following = opening.search(text, at + 1)
        if following is None or budget < len(head) + len(text) - following.start():
            break
        rest = following.start()
        budget -= len(head) + len(text) - rest
        again = fresh()
        again.line_offset = text.count("\n", 0, rest) - head.count("\n")
        parse_xml(head + text[rest:], path, again)
        handler.items += again.items
        handler.error = again.error
        if again.error is None:
            break
        handler.damage.append(again.error)
        at = rest + again.error_at - len(head)
        if at < rest:  # (the opening read well before; it cannot be damaged now)
            break
    return handler


def _damage_note(handler, read: int) -> tuple[str, int] | None:
    """What was lost to damage in the file, and where, as posts_of says it; None when nothing was."""
    damage = getattr(handler, "damage", None) or ([handler.error] if handler.error else [])
    if not damage:
        return None
    (message, line), more = damage[0], damage[1:]
    stopped = handler.error is not None  # nothing could be read after the last damage
    if stopped and not more:
        return f"{message} (cut off?); the {read} posts complete before it were read", line
    skipped = [line, *(n for _, n in (more[:-1] if stopped else more))]
    lines = str(skipped[0]) if len(skipped) == 1 else ", ".join(map(str, skipped[:-1])) + f" and {skipped[-1]}"
    said = f"the post at line {lines} was skipped" if len(skipped) == 1 else \
        f"the posts at lines {lines} were skipped"
    if stopped:
        said += f"; reading stopped at line {more[-1][1]} (cut off?)"
    return f"{message}: {said}; the other {read} posts were read", line


def posts_of(handler, path: str, make) -> list[Post]:
    """`make(item, path, warnings)` for every item the handler kept. A post nested too deeply for the HTML parser is
    lost alone; a post damaged in the file is skipped (`read_past_damage`), and a file cut off part-way keeps the
    posts complete before the cut. Raises SourceError for either, carrying the posts read."""
    posts = []
    lost: list[int] = []
    for item in handler.items:
        try:
            posts.append(make(item, path, []))
        except RecursionError:  # one post nested too deeply for the HTML parser: only that post is lost
            lost.append(item["line"])
    handler.items.clear()
    damaged = _damage_note(handler, len(posts))
    if lost and not damaged:
        where = ", ".join(str(line) for line in lost)
        raise SourceError(path, f"the post{'s' if len(lost) > 1 else ''} at line {where} nested too deeply to "
                                f"read; the other {len(posts)} posts were read", lost[0], posts=posts)
    if damaged:
        raise SourceError(path, damaged[0], damaged[1], posts=posts)
    return posts


__all__ = ["CONTENT_NS", "DC_NS", "parse_xml", "plain", "posts_of", "prepare_content", "read_past_damage", "start_tag",
           "swallowed", "where"]
