"""Text as Markdown: escaped so that it reads back as the same text, and the inline pieces `import` writes (links,
images, code), shared by the writer of posts and of their tables."""

from __future__ import annotations

import re

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]~|])")
_ANGLE = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
# What would start a block construct at the beginning of a line.
_LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|=+\s*$|-+\s*$)")


def escape(text: str) -> str:
    """Markdown-escape plain text so that it reads back as the same text (line by line)."""
    return fix_line_starts(escape_inline(text))


def destination(url: str) -> str:
    if not url or re.search(r"[\s()<>]", url):
        return "<" + url.replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">"
    return url


def title_attr(title: str) -> str:
    return ' "' + title.replace("\\", "\\\\").replace('"', '\\"') + '"' if title else ""


def image_markdown(src: str, alt: str, title: str = "") -> str:
    return f"![{escape(' '.join(alt.split()))}]({destination(src)}{title_attr(title)})"


def link_markdown(text: str, href: str) -> str:
    """A link of `text` (Markdown already). Where it shows nothing (an icon's link, an empty span, code the reader
    does not count as words), its address is its text, in code (`` [`tel:+15550123`](tel:+15550123) ``): never an
    empty link no one can see or follow, and no words added to the post's prose, which code is not."""
    return f"[{text if text.strip() else code_markdown(href)}]({destination(href)})"


def code_markdown(text: str) -> str:
    """`text` on one line as inline code, its fence longer than any run of backticks in it."""
    text = " ".join(text.split())
    if not text:
        return ""
    run = max((len(m) for m in re.findall(r"`+", text)), default=0)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{'`' * (run + 1)}{pad}{text}{pad}{'`' * (run + 1)}"


def escape_inline(text: str) -> str:
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _ANGLE.sub(r"\\<", text)
    return _ENTITY.sub(r"\\&", text)


def fix_line_starts(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        line = line.strip()
        m = _LINE_START.match(line)
        if m:
            at = m.end(2) if m.group(2)[0].isdigit() else m.start(2)
            line = line[:at] + "\\" + line[at:]
        lines.append(line)
    return "\n".join(lines)
