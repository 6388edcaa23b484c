"""Where a page holds its post: the element of its main content, and what is never content, wherever it stands
(navigation, headers, footers, sidebars, comments, forms, scripts, what a browser hides, the post's furniture).

The post's furniture is named once, in `_FURNITURE`: the names themes and site builders give it (in a class, an id
or Wix's `data-hook`).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from smpseo.sources.readers.htmlnodes import is_player
from smpseo.sources.readers.htmltags import hides

CONTENT_SELECTORS = (
    # A page builder's theme template says where the post's own content is: Elementor Pro's post-content widget,
    # else its single-post template (the `<article>`s on such a page are the cards of a posts widget).
    ".elementor-widget-theme-post-content", ".elementor-location-single",
    "article", "main", "[role=main]", ".entry-content", ".post-content", ".article-content", ".post-body",
    ".blog-post", ".single-post", ".hentry", "#content", ".content",
)
# Never content, wherever they stand, and neither is a hidden element (`_noise`). (`<noscript>` is not shown either,
# but stays for the address of a lazy image's copy in it: see `image_address`.)
NOISE_SELECTORS = (
    "script", "style", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg",
    "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[role=complementary]", "[role=search]",
    "#comments", ".comments", "#respond", ".comment-respond", ".sidebar", "#sidebar", ".widget-area", ".widget",
    ".screen-reader-text", ".skip-link", ".post-navigation", ".navigation", ".sharedaddy", ".share-buttons",
    ".breadcrumbs", ".breadcrumb",
    ".graf--title", ".graf--subtitle", ".graf--kicker",  # Medium's title, subtitle and kicker, again in the body
)
_COMMENT_CLASS = re.compile(r"^comment(?:s|-|$)")
# The post's furniture, by the names themes and site builders give it (in a class, an id, or Wix's `data-hook`): the
# strip of author, date and reading time, the view, like and share counters, the lists of related or recent posts;
# Elementor's widgets of them and its templates around the post (header, footer, popup); cookie-consent banners.
_FURNITURE = re.compile(
    r"^(?:(?:post|entry|article|blog-post)[-_]?(?:header|footer|meta|metadata|info|byline|stats|share|sharing|author"
    r"|date|tags)|byline|reading-?time|time-to-read|read-?time|like-?button|likes|views?-?count"
    r"|(?:related|recent|more|similar|latest)[-_]?(?:posts?|articles?|entries|stories|reads)"
    r"|jp-relatedposts|yarpp-related|social-?share"
    r"|elementor-widget-(?:post-info|share-buttons|posts|archive-posts|loop-grid|loop-carousel|post-navigation"
    r"|author-box|post-comments|sidebar|nav-menu|breadcrumbs|wp-widget-[\w-]+)"
    r"|elementor-(?:post-info|share-buttons|share-btn|posts-container|location-(?:header|footer|popup))"
    r"|cky-(?:consent-container|consent-bar|modal|overlay|btn-revisit-wrapper)|cookie-law-info(?:-[\w-]+)?"
    r"|cmplz-(?:cookiebanner(?:-container)?|manage-consent|soft-cookiewall)|cybotcookiebot[\w-]*|cookiebotwidget"
    r"|cookie-notice(?:-container)?|onetrust-(?:consent-sdk|banner-sdk|pc-sdk)|cc-window|borlabscookie[\w-]*"
    r"|moove_gdpr_cookie_(?:info_bar|modal)|(?:cookie|gdpr)[-_](?:consent|banner|bar|popup)(?:[-_][\w-]+)?)$", re.I)
_NAMING_ATTRS = ("data-hook", "data-testid")
MIN_CONTENT_CHARS = 80  # a container with less text than this is not the post


def is_noise(tag: Tag) -> bool:
    """Comments, or the post's furniture (`_FURNITURE`), by a class, the id or a `data-hook` naming it."""
    names = [*(tag.get("class") or []), *(str(tag.get(k) or "") for k in ("id", *_NAMING_ATTRS))]
    return any(_COMMENT_CLASS.match(n) or _FURNITURE.match(n) for n in names if n)


_SIMPLE = re.compile(r"(?P<name>[a-z][a-z0-9-]*)|\.(?P<cls>[\w-]+)|#(?P<id>[\w-]+)"
                     r"|\[(?P<attr>[\w-]+)(?:=(?P<value>[\w-]+))?\]")


class _Selectors:
    """The simple selectors of a list above (a tag name, `.class`, `#id`, `[attr]`, `[attr=value]`), tested on
    each tag of one walk of the page by looking its name, classes, id and attributes up. Asking the CSS engine for
    each selector in turn walked every element of the page once per selector."""

    def __init__(self, selectors: tuple[str, ...]):
        self.names: dict[str, list[int]] = {}
        self.classes: dict[str, list[int]] = {}
        self.ids: dict[str, list[int]] = {}
        self.attrs: list[tuple[int, str, str | None]] = []
        for i, selector in enumerate(selectors):
            m = _SIMPLE.fullmatch(selector)
            if m is None:
                raise ValueError(f"not a simple selector: {selector}")
            if m["name"]:
                self.names.setdefault(m["name"], []).append(i)
            elif m["cls"]:
                self.classes.setdefault(m["cls"], []).append(i)
            elif m["id"]:
                self.ids.setdefault(m["id"], []).append(i)
            else:
                self.attrs.append((i, m["attr"], m["value"]))

    def which(self, tag: Tag) -> list[int]:
        """The selectors (by their place in the list) that name `tag`."""
        found = list(self.names.get(tag.name, ()))
        attrs = tag.attrs
        if attrs:
            for cls in attrs.get("class") or ():
                found += self.classes.get(cls, ())
            ident = attrs.get("id")
            if isinstance(ident, str):
                found += self.ids.get(ident, ())
            found += [i for i, attr, value in self.attrs if attr in attrs and (value is None or attrs[attr] == value)]
        return found


def _tags(root: Tag, skip=None):
    """Every tag under `root`, in the page's order, without recursion (a page may nest thousands deep); the tags
    under one `skip` finds are not walked."""
    stack = [c for c in reversed(root.contents) if isinstance(c, Tag)]
    while stack:
        tag = stack.pop()
        yield tag
        if skip is None or not skip(tag):
            stack.extend(c for c in reversed(tag.contents) if isinstance(c, Tag))


_NOISE = _Selectors(NOISE_SELECTORS)
_CONTENT = _Selectors(CONTENT_SELECTORS)


def _noise(tag: Tag) -> bool:
    """Named by `NOISE_SELECTORS`, or by a comment class or id, or hidden (`hides`: `hidden`, `display: none`)."""
    return bool(_NOISE.which(tag)) or (bool(tag.attrs) and (is_noise(tag) or hides(tag.attrs)))


def remove_noise(root: Tag) -> None:
    """Take out every tag a `NOISE_SELECTORS` selector or a comment class or id names, with what it holds."""
    noisy: list[Tag] = []

    def noise(tag: Tag) -> bool:  # each tag tested once: the walk does not go into the noise it finds
        found = _noise(tag) and not (tag.name == "iframe" and _embedded(tag))
        if found:
            noisy.append(tag)
        return found

    for _ in _tags(root, noise):
        pass
    for tag in noisy:
        tag.decompose()


def _embedded(frame: Tag) -> bool:
    """Whether an `<iframe>` is a player of the post's (a YouTube video, the clinic's map: `is_player`) or the
    player of WordPress's embed block: kept, for its address, the post's own (`htmlcells.embed_markup`)."""
    return is_player(frame) or frame.find_parent("figure", class_="wp-block-embed") is not None


def text_len(tag: Tag) -> int:
    return len(" ".join(tag.get_text(" ").split()))


_CONTAINERS = frozenset({"div", "section", "td", "article", "main", "body"})
_TEXTS = frozenset({"p", "h2", "h3", "li", "blockquote", "pre"})


_BODY_HEADINGS = frozenset({"h1", "h2", "h3"})


def _densest(body: Tag) -> Tag:
    """The element whose own paragraphs (and headings, list items) hold the most text: `body` itself among them when
    a heading stands right in it, so that a page whose text stands right in its body (a document saved as a web
    page: Google Docs, Word) is read whole, not from a table's cell that holds the only other paragraph, while a
    page whose post is in a container, a cookie notice or opening hours loose in its body, is read from the post."""
    best, best_score = body, 0
    own_heading = any(isinstance(child, Tag) and child.name in _BODY_HEADINGS for child in body.contents)
    for tag in (body, *_tags(body)) if own_heading else _tags(body):
        if tag.name not in _CONTAINERS and tag is not body:
            continue
        score = sum(text_len(child) for child in tag.contents if isinstance(child, Tag) and child.name in _TEXTS)
        if score > best_score:
            best, best_score = tag, score
    return best


def main_content(soup: BeautifulSoup) -> Tag:
    """The element holding the post itself (noise already removed from the document)."""
    matched: list[list[Tag]] = [[] for _ in CONTENT_SELECTORS]
    for tag in _tags(soup):
        for i in dict.fromkeys(_CONTENT.which(tag)):
            matched[i].append(tag)
    for candidates in matched:
        found = [t for t in candidates if text_len(t) >= MIN_CONTENT_CHARS]
        if found:
            # On a page listing several, the post is the one with most text.
            return max(found, key=text_len)
    body = soup.body or soup
    return _densest(body)


__all__ = ["CONTENT_SELECTORS", "MIN_CONTENT_CHARS", "NOISE_SELECTORS", "is_noise", "main_content", "remove_noise",
           "text_len"]
