"""Hexo's tag plugins that put a link or an image in a post, written as the Markdown they stand for, in the same
number of characters (MASK characters after it), so every line and column stays where it was:

- `{% post_link smp-aftercare 'our aftercare guide' %}`: a link to the post of that slug, its text the one given;
  without one, Hexo shows the post's title, which is not known while one file is read: the link has no text then;
- `{% asset_img crown.jpg "Title text 'alt text'" %}` (an image of the post's asset folder), `{% img /images/a.jpg
  ... %}` and `{% image ... %}`: an image, its class names, width and height passed over, its title and alt text
  read from the rest as Hexo's `img` tag reads them: a text alone is the image's title, not its alt text; two
  quoted texts, or one quoted text holding two (`'"title" "alt"'`), the title and the alt text. The source is the
  first argument that is an address (`https://`, `//`, `/`, `www.`) or a file's path (`assets/crown.jpg`), never a
  text with a space in it ("photo: the team").

Other tags are left to the template masking (`mask_templates`).
"""

from __future__ import annotations

import re

from smpseo.core.text import MASK

_TAG = re.compile(r"\{%-?\s*(post_link|asset_img|asset_image|img|image)\s+(.*?)\s*-?%\}")
_ARG = re.compile(r"\"([^\"]*)\"|'([^']*)'|(\S+)")
_ADDRESS = re.compile(r"^(?:https?://|//|/|www\.)\S*$", re.I)
_FILE = re.compile(r"\.[A-Za-z0-9]{2,5}$")
_DOUBLE, _SINGLE = r'"?([^"]+)?"?', r"'?([^']+)?'?"  # Hexo's title and alt, each quoted the way the text is


def hexo_tags(line: str) -> str:
    """`line` with Hexo's link and image tags written as Markdown."""
    return _TAG.sub(_markdown, line) if "{%" in line else line


def _markdown(m: re.Match) -> str:
    found = list(_ARG.finditer(m.group(2)))
    args = [next(g for g in arg.groups() if g is not None) for arg in found]
    quoted = [arg.group(3) is None for arg in found]
    written = [_link(args)] if m.group(1) == "post_link" else _image(args, quoted, m.group(1).startswith("asset"))
    fits = next((w for w in written if w and len(w) <= len(m.group())), "")  # (escapes may lengthen it)
    return fits + MASK * (len(m.group()) - len(fits)) if fits else m.group()


def _link(args: list[str]) -> str:
    """`{% post_link slug [text] [escape] %}` as `[text](<slug>)`."""
    if not args:
        return ""
    slug, rest = args[0], args[1:]
    if rest and rest[-1] in ("true", "false"):
        rest = rest[:-1]
    return f"[{_escaped(' '.join(rest))}](<{_address(slug)}>)"


def _image(args: list[str], quoted: list[bool], asset: bool) -> list[str]:
    """`{% img [class names] src [width] [height] [title [alt]] %}` as `![alt](<src> "title")`, and without its
    title: the source is Hexo's (an address, a path from the site's root or a file's path) or, for an asset of the
    post, the first file name."""
    at = next((i for i, a in enumerate(args) if not re.search(r"\s", a)
               and (_FILE.search(a) or not asset and _ADDRESS.match(a))), None)
    if at is None:
        return []
    src, rest, marks = args[at], args[at + 1:], quoted[at + 1:]
    for _ in range(2):  # width, then height
        if rest and rest[0].isdigit():
            rest, marks = rest[1:], marks[1:]
    meta = " ".join(rest)
    title = alt = ""
    if len(rest) >= 2 and all(marks[:2]):  # "title" "alt": each quoted on its own
        title, alt = rest[0].strip(), rest[1].strip()
    elif meta:
        found = re.match((_DOUBLE if meta.startswith('"') else _SINGLE) + r"\s*"
                         + (_DOUBLE if meta.endswith('"') else _SINGLE), meta)
        title, alt = ((found.group(1) or "").strip(), (found.group(2) or "").strip()) if found else ("", "")
    titled = ' "' + title.replace("\\", "\\\\").replace('"', '\\"') + '"' if title else ""
    return [f"![{_escaped(alt)}](<{_address(src)}>{titled})", f"![{_escaped(alt)}](<{_address(src)}>)"]


def _escaped(text: str) -> str:
    return re.sub(r"([\\\[\]])", r"\\\1", text)


def _address(text: str) -> str:
    return text.replace("<", "%3C").replace(">", "%3E")


__all__ = ["hexo_tags"]
