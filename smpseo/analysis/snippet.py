"""The search result a post makes: its title, address and description as Google shows and cuts them, on a desktop
screen and on a phone. Plain data; the pre-publish report and notebook draw it.

Google does not publish its limits and moves them now and then; these are the ones Yoast's snippet preview uses
(a title of 600 px of Arial at 20 px on a desktop, a description of about 156 characters) and, on a phone, a title
over two lines of 300 px and a description of about 120 characters.
"""

from __future__ import annotations

from dataclasses import dataclass

from smpseo.core.pixels import TITLE_FONT_PX, cut_to_width, text_width


@dataclass(frozen=True)
class Screen:
    name: str
    title_lines: int
    line_px: int
    description_chars: int


DESKTOP = Screen("desktop", 1, 600, 156)
MOBILE = Screen("mobile", 2, 300, 120)
ELLIPSIS = " ..."


def cut_description(text: str, limit: int) -> str:
    """`text` cut at a word before `limit` characters, followed by " ..." (whole when it fits)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = limit - len(ELLIPSIS)
    cut = text[:room + 1].rsplit(" ", 1)[0] if " " in text[:room + 1] else text[:room]
    return cut.rstrip(" ,;:-") + ELLIPSIS


def _title_lines(title: str, screen: Screen) -> list[str]:
    """The title as it wraps on `screen`: at most `title_lines` lines of `line_px`, the last one cut."""
    lines: list[str] = []
    words = title.split()
    while words and len(lines) < screen.title_lines - 1:
        line: list[str] = []
        while words and text_width(" ".join([*line, words[0]]), TITLE_FONT_PX) <= screen.line_px:
            line.append(words.pop(0))
        if not line:
            break
        lines.append(" ".join(line))
    if words:
        lines.append(cut_to_width(" ".join(words), screen.line_px, TITLE_FONT_PX, ELLIPSIS))
    return lines


def display_url(site_url: str, address: str) -> str:
    """The address as a result shows it: "example.com › slug", the folders of a path as breadcrumbs ("/blog/slug/":
    "example.com › blog › slug"); the path alone without a site address."""
    path = " › ".join(part for part in address.split("/") if part)
    host = site_url.split("://", 1)[-1].strip("/")
    return f"{host} › {path}" if host and path else host or path


def preview(title: str, address: str, description: str, site_url: str = "") -> dict:
    """The search result of a page at `address` (its slug, or its path from the site's root):
    {"url", "title_px", "desktop": {"title", "description", "title_cut", "description_cut"}, "mobile": {...}}.

    A missing description is shown as missing: Google then picks text from the page itself."""
    out: dict = {"url": display_url(site_url, address), "title_px": round(text_width(title)),
                 "description_chars": len(description)}
    for screen in (DESKTOP, MOBILE):
        lines = _title_lines(title, screen)
        shown = cut_description(description, screen.description_chars) if description else ""
        out[screen.name] = {"title": "\n".join(lines), "title_cut": any(x.endswith(ELLIPSIS) for x in lines),
                            "description": shown, "description_cut": shown != " ".join(description.split())}
    return out
