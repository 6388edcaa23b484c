"""The links a Markdown post writes with a generator's reference to another post as their address."""

from __future__ import annotations

import re

from smpseo.core.text import REFERENCE_TAG_RE

# A link whose address is a template tag: `[aftercare]({{< ref "aftercare" >}})`, `[x]({% post_url 2024-01-01-x %})`.
_TAG_LINK_RE = re.compile(r"\]\(\s*<?(\{\{[<%][^\n{}]*?[>%]\}\}|\{%-?[^\n{}%]*-?%\})")


def reference_links(text: str) -> set[str]:
    """The names of other posts `text` links to with a generator's reference as the link's address (Hugo's
    `[x]({{< ref "aftercare" >}})`, Jekyll's `[x]({% post_url 2024-01-01-x %})`): what such a link's address is
    once the tag is masked (`smpseo.core.text.mask_templates`)."""
    found = set()
    for m in _TAG_LINK_RE.finditer(text):
        tag = REFERENCE_TAG_RE.fullmatch(m.group(1))
        if tag is not None:
            found.add((tag.group("address") or tag.group("name") or "").strip())
    return found - {""}
