"""The search-result preview of a post, as HTML for the pre-publish notebook and report: title, address and
description as Google would show and cut them, on a desktop screen and on a phone."""

from __future__ import annotations

from smpseo.views.html import HTML, e

_STYLE = ("font-family: arial, sans-serif; border: 1px solid #e3e6ea; border-radius: 8px; padding: 10px 14px; "
          "margin: 6px 12px 12px 0; display: inline-block; vertical-align: top; background: #fff; width: 100%; "
          "box-sizing: border-box; overflow-wrap: anywhere;")
_WIDTH = {"desktop": 600, "mobile": 300}


def _result(shown: dict, url: str, screen: str) -> str:
    title = "<br>".join(e(line) for line in shown["title"].split("\n")) or "<i>no title</i>"
    description = e(shown["description"]) if shown["description"] else (
        '<i style="color:#57606a">No meta description: Google picks text from the page.</i>')
    notes = [what for what, cut in (("title cut", shown["title_cut"]), ("description cut", shown["description_cut"]))
             if cut]
    note = f' <span class="muted">({", ".join(notes)})</span>' if notes else ""
    # as wide as the screen shows it (600 px, 300 px), narrower where the page is: a phone reading the report
    return (f'<div style="{_STYLE} max-width:{_WIDTH[screen] + 30}px"><div class="muted">{e(screen)}{note}</div>'
            f'<div style="font-size:14px;color:#202124">{e(url)}</div>'
            f'<div style="font-size:20px;line-height:1.3;color:#1a0dab">{title}</div>'
            f'<div style="font-size:14px;line-height:1.58;color:#4d5156">{description}</div></div>')


def search_preview(preview: dict | None) -> HTML:
    """Both screens side by side, with the title's width in pixels (600 px fit on one desktop line)."""
    if not preview:
        return HTML('<p class="note">No search-result preview: the draft has no title.</p>')
    head = (f'<p>Title width: <b>{e(preview["title_px"])} px</b> of 600 px; description: '
            f'<b>{e(preview["description_chars"])}</b> characters (about 156 show on a desktop, 120 on a '
            'phone).</p>')
    return HTML(head + _result(preview["desktop"], preview["url"], "desktop")
                + _result(preview["mobile"], preview["url"], "mobile"))
