"""Ghost's HTML as it reads on the page: its cards (the editor's blocks) and its placeholder for the site's address.

- A bookmark card (`kg-bookmark-card`) shows a link to another page, with that page's title, description and icon:
  it is read as a paragraph linking to the page with its title as the link's text, then its description. The icon
  and thumbnail are decoration (alt-less images of the other site), not the post's images.
- A callout card's emoji (`kg-callout-emoji`) is decoration beside the callout's text, not a paragraph.
- `__GHOST_URL__`, which Ghost writes in its export for the site's own address, becomes a site-relative address:
  `__GHOST_URL__/content/images/a.jpg` is `/content/images/a.jpg`.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from smpseo.sources.readers.htmlblocks import parse_html

_SITE = re.compile(r"__GHOST_URL__/?")


def site_relative(text: str) -> str:
    """`text` with Ghost's placeholder for the site's address made a site-relative address."""
    return _SITE.sub("/", text) if "__GHOST_URL__" in text else text


def _text(card: Tag, name: str) -> str:
    found = card.find(class_=name)
    return " ".join(found.get_text(" ").split()) if found else ""


def _paragraph(soup: BeautifulSoup, *content) -> Tag:
    paragraph = soup.new_tag("p")
    for part in content:
        paragraph.append(part)
    return paragraph


def _bookmark(soup: BeautifulSoup, card: Tag) -> list[Tag]:
    """What a bookmark card shows: a link to the page (its title as the text), its description, the card's caption."""
    container = card.find("a", href=True)
    href = container["href"].strip() if container else ""
    title = _text(card, "kg-bookmark-title") or href
    read: list[Tag] = []
    if title:
        link = soup.new_tag("a", href=href) if href else soup.new_tag("span")
        link.string = title
        read.append(_paragraph(soup, link))
    description = _text(card, "kg-bookmark-description")
    if description:
        read.append(_paragraph(soup, description))
    caption = card.find("figcaption")
    if caption and caption.get_text(strip=True):
        read.append(_paragraph(soup, *list(caption.contents)))
    return read


def ghost_html(html: str) -> str:
    """A Ghost post's HTML with its cards as they read (see the module's text) and its own addresses site-relative."""
    html = site_relative(html)
    if "kg-bookmark-card" not in html and "kg-callout-emoji" not in html:
        return html
    soup = parse_html(html)
    for emoji in soup.find_all(class_="kg-callout-emoji"):
        emoji.decompose()
    for card in soup.find_all(class_="kg-bookmark-card"):
        read = _bookmark(soup, card)
        if read:
            card.replace_with(*read)
        else:
            card.decompose()
    return str(soup)


__all__ = ["ghost_html", "site_relative"]
