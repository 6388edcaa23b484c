"""Hugo's figure shortcode in a Markdown post: the image it shows, with its caption, and the attributes of a tag or
shortcode."""

from __future__ import annotations

import re
from dataclasses import replace

from smpseo.model.post import IMAGE, Block

_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
# Hugo's figure shortcode on one line: {{< figure src="/img/a.jpg" alt="..." >}} (or {{% %}}), an image of the post
_FIGURE = re.compile(r"\{\{([<%])-?[ \t]*figure\b([^{}\n]*?)-?[ \t]*[>%]\}\}")


def attributes(tag: str) -> dict[str, str]:
    """The attributes of an HTML tag or a shortcode, names in lower case, values with their references decoded."""
    from html import unescape

    return {m.group(1).lower(): unescape(next(g for g in m.groups()[1:] if g is not None))
            for m in _ATTRIBUTE.finditer(tag)}


def figures_as_images(body: str) -> tuple[str, dict[tuple[int, str], str]]:
    """`body` with each one-line Hugo figure shortcode written as the Markdown image it shows, padded to the same
    length (every later column stays where it was); the other template tags are masked after this. With it, the
    figures' captions, by the body's line (from 0) and the image's address: a figure's caption is its image's, as
    an HTML `<figcaption>` is (`with_captions`)."""
    captions: dict[tuple[int, str], str] = {}

    def image(m: re.Match) -> str:
        attrs = attributes(m.group(2))
        src, alt = attrs.get("src", ""), " ".join(attrs.get("alt", "").split())
        if not src or re.search(r"[\s()<>]", src) or re.search(r"[\[\]\\]", alt):
            return m.group(0)  # not writable as ![alt](src): left a template tag
        caption = " ".join(attrs.get("caption", "").split())
        if caption:
            captions[(body.count("\n", 0, m.start()), src)] = caption
        written = f"![{alt}]({src})"
        return written + " " * (len(m.group(0)) - len(written))

    return (_FIGURE.sub(image, body), captions) if "figure" in body else (body, captions)


def with_captions(blocks: list[Block], captions: dict[tuple[int, str], str], offset: int) -> None:
    """The figures' captions (`figures_as_images`) given to their images; an image alone in its block reads as its
    caption, as an HTML figure's does. A figure without `alt` has its caption as alt text, as Hugo's own figure
    shortcode writes it (`alt="{{ with .Get "alt" }}...{{ else }}{{ .Get "caption" | markdownify | plainify }}"`)."""
    for block in blocks:
        for k, img in enumerate(block.images):
            caption = captions.get((img.line - offset - 1, img.src))
            if caption:
                block.images[k] = replace(img, caption=caption, alt=img.alt or _plain(caption))
                if block.kind == IMAGE and len(block.images) == 1:
                    block.text = caption


def _plain(markdown: str) -> str:
    """A caption's text without its Markdown marks (`**`, `_`, a link's brackets and address), as Hugo's
    `markdownify | plainify` leaves it."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return " ".join(re.sub(r"[*_`]+", "", text).split())

