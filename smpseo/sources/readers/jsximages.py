"""The images of an MDX post written as components: Astro's `<Image>` and `<Picture>` (`astro:assets`), Next.js'
`<Image>`, Gatsby's `<StaticImage>` and `<GatsbyImage>`, Docusaurus' `<ThemedImage>` and `<IdealImage>`: a component
whose name ends in `Image`, `Picture` or `Img` and that has an `alt` prop.

Its alt text is the prop's string (`alt="..."`, `alt={"..."}`); an expression (`alt={post.heroAlt}`) is kept as
written: an alt text that is not known, which is not a missing one. Its address is the `src` (or `img`, `image`)
prop's string, the file an identifier was imported from (`import hero from '../assets/chair.jpg'`, `src={hero}`), or
the expression as written.
"""

from __future__ import annotations

import re

from smpseo.model.post import IMAGE, Block, Image

_IMAGE_TAG = re.compile(r"^[ \t]*<(?=[A-Z])[\w.]*(?:Image|Picture|Img)(?=[\s/>]|$)")
_PROP = re.compile(r"([\w-]+)[ \t\n]*=[ \t\n]*(?=[\"'{])")
_IMPORT = re.compile(r"""^import[ \t]+([A-Za-z_$][\w$]*)[ \t]+from[ \t]+["']([^"'\n]+)["']""", re.M)
_STRING = re.compile(r"""\{\s*(?:(["'])(.*?)\1|`([^`$]*)`)\s*\}""", re.S)  # `{"text"}`: a string in braces
_REQUIRE = re.compile(r"""\{\s*require\(\s*(["'])(.+?)\1\s*\)(?:\.default)?\s*\}""", re.S)
_SOURCE_PROPS = ("src", "img", "image")


def is_image_tag(line: str) -> bool:
    """Whether `line` opens an image component's tag (which may go on over the lines after it)."""
    return _IMAGE_TAG.match(line) is not None


def imported_files(text: str) -> dict[str, str]:
    """The files an MDX text imports by a name: `import hero from '../assets/chair.jpg'` gives hero."""
    return {m.group(1): m.group(2) for m in _IMPORT.finditer(text)} if "import" in text else {}


def jsx_until(text: str, start: int, stop: str) -> int | None:
    """Where the first `stop` character stands in JSX `text` from `start`, past quoted strings and what braces hold
    (`{<Star />}`, `{"a > b"}`); None when there is none."""
    depth, quote = 0, ""
    for i in range(start, len(text)):
        c = text[i]
        if quote:
            quote = "" if c == quote else quote
        elif c in "\"'`":
            quote = c
        elif c == stop and depth == 0:
            return i
        elif c == "{":
            depth += 1
        elif c == "}":
            depth = max(depth - 1, 0)
    return None


def _props(tag: str) -> dict[str, str]:
    """The props of a component's tag: a quoted string's text, or an expression as written, braces and all."""
    props: dict[str, str] = {}
    at = 0
    while (m := _PROP.search(tag, at)) is not None:
        start = m.end()
        if tag[start] in "\"'":
            end = tag.find(tag[start], start + 1)
            end = len(tag) if end < 0 else end
            props.setdefault(m.group(1), tag[start + 1:end])
            at = end + 1
            continue
        close = jsx_until(tag, start + 1, "}") if tag[start] == "{" else None
        end = len(tag) - 1 if close is None else close
        props.setdefault(m.group(1), tag[start:end + 1])
        at = end + 1
    return props


def _value(prop: str, imports: dict[str, str]) -> str:
    """A prop's text: a string's, an imported file's or a `require()`d one's; else the expression as written."""
    if not prop.startswith("{"):
        return prop
    string = _STRING.fullmatch(prop) or _REQUIRE.fullmatch(prop)
    if string:
        return string.group(2) if string.group(2) is not None else string.group(3)
    name = prop[1:-1].strip()
    return imports.get(name, prop)


def image_block(tag: str, line: int, imports: dict[str, str]) -> Block | None:
    """The image block of an image component's tag (`tag`, from its `<` to its `>`, starting on `line`); None when
    it has no alt prop."""
    props = _props(tag)
    if "alt" not in props:
        return None
    alt = " ".join(_value(props["alt"], imports).split())
    src = next((_value(props[p], imports) for p in _SOURCE_PROPS if p in props), "")
    image = Image(src=src, alt=alt, line=line)
    return Block(IMAGE, alt, line, line + tag.count("\n"), images=[image])


def with_images(blocks: list[Block], images: list[Block]) -> list[Block]:
    """`blocks` with the image blocks each before the first block that starts after it."""
    for image in images:
        at = next((k for k, b in enumerate(blocks) if b.line > image.line), len(blocks))
        blocks.insert(at, image)
    return blocks


__all__ = ["image_block", "imported_files", "is_image_tag", "with_images"]
