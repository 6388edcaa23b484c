"""What a node of an HTML page is, for reading it as a post: shown or hidden, a figure or a caption, the address
an image shows (lazy loading included) and the address a link leads to (through Google's redirect)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from bs4 import Tag
from bs4.element import PreformattedString

from smpseo.sources.readers.htmltags import SKIP_TAGS, hides


def hidden(node) -> bool:
    """Comments, CDATA, declarations (`<!DOCTYPE html>`, and the `<![if !supportLists]>` ... `<![endif]>` Word writes
    around a list's bullet), elements that never hold prose (scripts, styles, forms, frames but another site's
    player: `is_player`) and elements hidden by an attribute (`hidden`, `style="display: none"`: `hides`): a
    browser shows none."""
    return isinstance(node, PreformattedString) or (isinstance(node, Tag) and (
        (node.name in SKIP_TAGS and not is_player(node)) or hides(node.attrs)))


FRAMES = ("iframe", "embed", "object")
_PLAYER_ASKS = re.compile(r"fullscreen|autoplay|encrypted-media|picture-in-picture", re.IGNORECASE)
_PLAYER_ADDRESS = re.compile(r"/embed\b|//player\.|/player/", re.IGNORECASE)


def frame_address(tag: Tag) -> str:
    """The address a frame shows (`src`, a lazy frame's `data-src`, an object's `data`), made absolute when it is
    written without its scheme (`//www.youtube.com/embed/...`)."""
    src = str(tag.get("src") or tag.get("data-src") or tag.get("data") or "").strip()
    return "https:" + src if src.startswith("//") else src


def is_player(tag) -> bool:
    """Whether `tag` is a frame showing another site's player (a YouTube or Vimeo video, a map, an Instagram post):
    an `<iframe>` (`<embed>`, `<object>`) of a web address that asks what players ask of a page (`allowfullscreen`,
    `allow="autoplay; encrypted-media"`) or whose address is a player's (`/embed/`, `player.`); never one of no
    size (a counter's, a tracker's)."""
    if not isinstance(tag, Tag) or tag.name not in FRAMES or not re.match(r"https?://", frame_address(tag)):
        return False
    if any(str(tag.get(side, "")).strip() in ("0", "1", "0px", "1px") for side in ("width", "height")):
        return False
    return tag.has_attr("allowfullscreen") or bool(_PLAYER_ASKS.search(str(tag.get("allow") or ""))) \
        or bool(_PLAYER_ADDRESS.search(frame_address(tag)))


def shown(node: Tag, within: Tag) -> bool:
    """Whether a browser shows `node`: neither it nor an element around it, up to `within`, is hidden."""
    while node is not None and node is not within:
        if hidden(node):
            return False
        node = node.parent
    return True


# Where a lazy-loading script keeps an image's address until the image is scrolled into view, in the order tried.
_LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original")
_LAZY_SETS = ("data-srcset", "data-lazy-srcset", "srcset")
# The elements that show an image: `<img>`, and AMP's `<amp-img>` and `<amp-anim>`, each one image whatever it holds
# (AMP's sizer, an empty `aria-hidden` placeholder image sized as the image is, and the image's `<noscript>` copy).
IMAGE_TAGS = ("img", "amp-img", "amp-anim")
_AMP_IMAGES = IMAGE_TAGS[1:]


def is_image(tag: Tag) -> bool:
    """Whether `tag` shows one of the post's images: an `<img>` or an AMP image, not an `<img>` inside an AMP
    image (its placeholder or its copy)."""
    return tag.name in IMAGE_TAGS and tag.find_parent(_AMP_IMAGES) is None


def images_in(tag: Tag) -> list[Tag]:
    """The images (`is_image`) a browser shows in `tag`, in the page's order: not the copy in a `<noscript>`."""
    return [img for img in tag.find_all(is_image) if shown(img, tag)]


def _noscript_copy(img: Tag) -> Tag | None:
    """The `<img>` in the `<noscript>` written beside an image (or, in an AMP image, inside it) for browsers without
    scripts."""
    for place in (img.find_previous_sibling(), img.find_next_sibling(), img.find("noscript", recursive=False)):
        if isinstance(place, Tag) and place.name == "noscript":
            copy = place.find("img")
            if copy is not None:
                return copy
    return None


def image_address(img: Tag) -> str:
    """The address an image (`is_image`) shows: its `src`, else where lazy loading keeps it (`data-src`,
    `data-lazy-src`, `data-original`, a `srcset`'s first entry), else the `src` of its `<noscript>` copy. A `data:`
    placeholder in `src` gives way to a real address."""
    src = str(img.get("src") or "").strip()
    if src and not src.lower().startswith("data:"):
        return src
    for key in _LAZY_SOURCES:
        value = str(img.get(key) or "").strip()
        if value:
            return value
    for key in _LAZY_SETS:
        first = str(img.get(key) or "").strip().split(",")[0].split()
        if first:
            return first[0]
    copy = _noscript_copy(img)
    if copy is not None and str(copy.get("src") or "").strip():
        return str(copy["src"]).strip()
    return src


def image_alt(img: Tag) -> str:
    """An image's alt text: its own, else (an AMP image written without one) its `<noscript>` copy's."""
    alt = str(img.get("alt") or "").strip()
    if alt or img.name == "img":
        return alt
    copy = _noscript_copy(img)
    return str(copy.get("alt") or "").strip() if copy is not None else ""


_GOOGLE_REDIRECT = re.compile(r"https?://(?:www\.)?google\.com/url\?", re.I)
_ADDRESS = re.compile(r"[a-z][a-z0-9+.-]*:", re.I)


def link_address(href: str) -> str:
    """The address a link leads to: its `href`, unless that is Google's redirect to it
    (`https://www.google.com/url?q=https://site/page/&sa=D&source=editors&...`, the form every link of a Google Docs
    document takes in its "Web page" download), whose `q` is the address itself."""
    href = href.strip()
    if _GOOGLE_REDIRECT.match(href):
        target = parse_qs(urlsplit(href).query).get("q", [""])[0].strip()
        if _ADDRESS.match(target):
            return target
    return href


def line_breaks(node) -> int:
    return (node.get_text() if isinstance(node, Tag) else str(node)).count("\n")


CAPTION_TEXT = re.compile(r"^(?:wp-caption-text|wp-element-caption|caption-text)$")


def is_figure(tag: Tag) -> bool:
    return tag.name == "figure" or is_caption_box(tag)


def is_caption(tag: Tag) -> bool:
    return tag.name == "figcaption" or any(CAPTION_TEXT.match(c) for c in tag.get("class") or [])


def figure_around(node: Tag, within: Tag) -> Tag:
    """The figure (or caption box) nearest around `node`, up to `within`."""
    parent = node.parent
    while parent is not None and parent is not within and not is_figure(parent):
        parent = parent.parent
    return parent if parent is not None else within


def is_caption_box(tag: Tag) -> bool:
    """A WordPress classic caption (`<div class="wp-caption">`): an image and its caption, like `<figure>`."""
    return tag.name == "div" and "wp-caption" in (tag.get("class") or []) and tag.find(IMAGE_TAGS) is not None


# The question of an accordion or a FAQ block, where the page writes it without a heading element: Elementor's
# accordion and toggle titles (not the tabs widget's row of titles, each written again before its content), Yoast's
# and Spectra's FAQ questions, Ultimate Blocks' content toggles.
_QUESTION_CLASS = re.compile(r"^(?:elementor-tab-title|schema-faq-question|uagb-question"
                             r"|wp-block-ub-content-toggle-accordion-title)$")


def is_question(tag: Tag) -> bool:
    """Whether `tag` is the question (the title) of an accordion or FAQ block: a `<summary>` of `<details>`, or an
    element a builder names so (`_QUESTION_CLASS`)."""
    if tag.name == "summary":
        return True
    classes = tag.get("class") or []
    return "elementor-tab-desktop-title" not in classes and any(_QUESTION_CLASS.match(c) for c in classes)
