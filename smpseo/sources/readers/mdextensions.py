"""The extensions of generators' Markdown that are no words of a post, masked before the body is parsed (MASK
characters, so every line and column stays where it was):

- kramdown's (Jekyll's) and Python-Markdown's attribute lists, `{: .note}`, `{:toc}` (with the list it stands for),
  `**text**{: .highlight}`, and the attributes of goldmark (Hugo) and Pandoc, `## Aftercare {#aftercare}`;
- kramdown's extensions, `{::nomarkdown}` ... `{:/nomarkdown}`, and what a `{::comment}` holds;
- footnote markers, `[^1]`, and the label of a footnote's definition, `[^1]: ...` (its text is the post's);
- abbreviation definitions, `*[SMP]: Scalp micropigmentation` (kramdown, PHP Markdown Extra, Python-Markdown);
- the lines that open and close an admonition or container, `:::tip Booking in Ottawa` (Docusaurus, VitePress,
  markdown-it-container; `:::note[Title]`) and `:::`: its title is not read, what it holds is.

Hexo's tags that put a link or an image in a post (`{% post_link %}`, `{% asset_img %}`) are written as the
Markdown they stand for (`hexotags`).

A Liquid `{% highlight %}` block alone on its lines (Jekyll, Eleventy) is written as the fenced code it shows.
Fenced code is left as it is.
"""

from __future__ import annotations

import re

from smpseo.core.text import MASK
from smpseo.sources.readers.hexotags import hexo_tags

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")  # a code fence's opening or closing line
_HIGHLIGHT = re.compile(r"^( {0,3})\{%-?\s*highlight\b[^%]*-?%\}[ \t]*$")
_END_HIGHLIGHT = re.compile(r"^ {0,3}\{%-?\s*endhighlight\s*-?%\}[ \t]*$")
_ITEM = r"""(?:[#.][\w:-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}"']+))"""
# kramdown's `{: ...}` and `{::extension}`, `{:/extension}`; goldmark's and Pandoc's `{#id .class key=value}`
_ATTRIBUTES = re.compile(rf"\{{:[^{{}}\n]*\}}|\{{[ \t]*{_ITEM}(?:[ \t]+{_ITEM})*[ \t]*\}}")
_COMMENT_OPEN = re.compile(r"\{::comment\}")
_COMMENT_CLOSE = re.compile(r"\{:/(?:comment)?\}")
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]+\]")
_FOOTNOTE_LABEL = re.compile(r"^ {0,3}\[\^[^\]\s]+\]:")
_ABBREVIATION = re.compile(r"^ {0,3}\*\[[^\]\n]+\]:")
_TOC = re.compile(r"^ {0,3}\{:\s*toc\s*\}[ \t]*$")
_LIST_ITEM = re.compile(r"^( {0,3}(?:[-*+]|\d+[.)])[ \t]+)\S")
_INDENT = re.compile(r"^(?: {4}|\t)")
# a container's closing `:::`, or its opening `:::tip`, `:::tip Title`, `:::note[Title]`; with a space before the
# name only Docusaurus' own ("::: tip"), so that "::: This line is text" stays text
_ADMONITION = re.compile(r"^ {0,3}:{3,}(?:[ \t]*|[A-Za-z][\w-]*(?:[\[{ \t].*)?|[ \t]+(?:note|tip|info|caution|danger|"
                         r"warning|important|success|secondary)(?:[\[{ \t].*)?)$", re.I)


def _masked(text: str) -> str:
    return MASK * len(text)


def _mask_spans(line: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: _masked(m.group()), line)


def masked_extensions(body: str) -> str:
    """`body` with the extensions above masked and its `{% highlight %}` blocks written as fenced code."""
    if not any(mark in body for mark in ("{", "[^", "*[", ":::")):
        return body
    lines = body.split("\n")
    fence = ""  # the fence of the code being read ("```"), "" outside code
    highlight_end = -1  # the line that ends the `{% highlight %}` block being read
    comment = footnote = False  # in a kramdown comment; in a footnote's definition
    for i, line in enumerate(lines):
        if fence:
            fence = "" if line.strip().startswith(fence) else fence
            continue
        if i < highlight_end:
            continue
        if i == highlight_end:
            lines[i] = "```" + " " * (len(line) - 3)
            continue
        if comment:
            close = _COMMENT_CLOSE.search(line)
            comment = close is None
            lines[i] = _masked(line) if close is None else _masked(line[:close.end()]) + line[close.end():]
            continue
        if (m := FENCE.match(line)) is not None:
            fence = m.group(1)[0] * len(m.group(1))
            continue
        if (m := _HIGHLIGHT.match(line)) is not None:
            end = next((k for k in range(i + 1, len(lines)) if _END_HIGHLIGHT.match(lines[k])), -1)
            if end > 0:  # (a block never closed is left to the template masking)
                highlight_end = end
                lines[i] = m.group(1) + "```" + MASK * (len(line) - len(m.group(1)) - 3)
                continue
        if _ADMONITION.match(line):
            lines[i] = _masked(line)
            continue
        lines[i], comment = _line(hexo_tags(line))
        if _TOC.match(line) and i and _LIST_ITEM.match(lines[i - 1]):  # `* TOC` `{:toc}`: the contents go there
            lead = _LIST_ITEM.match(lines[i - 1]).end(1)
            lines[i - 1] = lines[i - 1][:lead] + _masked(lines[i - 1][lead:])
        if _ABBREVIATION.match(line):
            lines[i] = _masked(line)
        elif (m := _FOOTNOTE_LABEL.match(line)) is not None:
            footnote = True
            lines[i] = _masked(m.group()) + lines[i][m.end():]
        elif footnote and line.strip() and i and not lines[i - 1].strip() and not _INDENT.match(line):
            footnote = False  # (a line after a blank one, not indented: the definition has ended)
        elif footnote and (m := _INDENT.match(line)) is not None:  # its paragraphs after the first: not code
            lines[i] = _masked(m.group()) + lines[i][m.end():]
    return "\n".join(lines)


def _line(line: str) -> tuple[str, bool]:
    """One line outside code with its attribute lists, extension tags and footnote markers masked, and whether a
    kramdown comment opened on it goes on past it."""
    opened = _COMMENT_OPEN.search(line) if "{::" in line else None
    rest = ""
    if opened is not None:
        close = _COMMENT_CLOSE.search(line, opened.end())
        if close is None:
            line, rest = line[:opened.start()], _masked(line[opened.start():])
        else:
            line = line[:opened.start()] + _masked(line[opened.start():close.end()]) + line[close.end():]
    if "{" in line:
        line = _mask_spans(line, _ATTRIBUTES)
    if "[^" in line:
        line = _mask_spans(line, _FOOTNOTE_MARK)
    return line + rest, opened is not None and rest != ""


__all__ = ["masked_extensions"]
