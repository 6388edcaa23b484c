"""A page's `<base href>`: the address a browser resolves the page's relative links and images against.

A page at `https://site/blog/post/` with `<base href="https://site/blog/">` links `about/` to `https://site/blog/about/`,
not `https://site/blog/post/about/`; with `<base href="https://cdn.example.com/">` to another site altogether. Each
relative link and image of the post is written as the browser resolves it: site-relative (`/blog/about/`) when the
base is on the page's own site (the host of its canonical address, else of its address, else the base's own), so a
link to the site stays one wherever the post is read or imported; absolute when the base is another site's.
"""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup

from smpseo.model.post import Block

_ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)


def base_address(soup: BeautifulSoup) -> str:
    """The first `<base>` with an `href`'s address (a browser uses the first), or ""."""
    tag = soup.find("base", href=True)
    return str(tag["href"]).strip() if tag is not None else ""


def resolved(href: str, base: str, own_host: str) -> str:
    """`href` as a browser resolves it against `base`: an absolute address or one within the page itself (`#top`)
    unchanged; site-relative when it lands on `own_host` (or on no host: a base written `/blog/`)."""
    if not href or not base or href.startswith("#") or _ABSOLUTE.match(href):
        return href
    parts = urlsplit(urljoin(base, href))
    if not parts.netloc or parts.netloc.lower().removeprefix("www.") == own_host:
        return urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
    return parts.geturl()


def with_base(blocks: list[Block], base: str, address: str) -> None:
    """Resolve the links and images of `blocks` against `base` (`resolved`), in place; `address`: the page's own
    (canonical) address, whose host is the site's, when it is absolute."""
    own = urlsplit(address if _ABSOLUTE.match(address or "") else base).netloc.lower().removeprefix("www.")
    for block in blocks:
        block.links = [dataclasses.replace(link, href=resolved(link.href, base, own)) for link in block.links]
        block.images = [dataclasses.replace(img, src=resolved(img.src, base, own)) for img in block.images]
