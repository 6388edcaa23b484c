"""The HTML elements every reader of a post's HTML treats alike, named once (without importing an HTML parser)."""

from __future__ import annotations

# Elements that never hold prose: a browser shows none of their content as text (scripts, styles, forms, drawings).
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "form", "button",
                       "input", "select", "textarea", "canvas", "head", "title", "meta", "link"})
# Elements that are a tag alone, with no content and no closing tag.
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                       "wbr"})
