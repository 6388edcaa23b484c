"""The language a post says it is in (front matter `lang`, `language` or `locale`; an HTML page's `<html lang>`),
for the pre-publish page to say once when it is not English: smpseo's readability and keyword rules are
English's, and their scores mean nothing for another language. An English post is read as before."""

from __future__ import annotations

import re
from pathlib import Path

from smpseo.core.language_codes import ENGLISH, language_of

FIELDS = ("lang", "language", "locale")
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z_-]+)", re.I)
HEAD_BYTES = 64 * 1024  # where an HTML page's `<html>` tag is looked for


def said_language(post) -> tuple[str, int]:
    """(the language code the post gives, as written, and its line), or ("", 0) when it gives none."""
    meta, lines = post.meta or {}, post.meta_lines or {}
    for field in FIELDS:
        if isinstance(meta.get(field), str) and meta[field].strip():
            return meta[field].strip(), lines.get(field, 1)
    if post.path and Path(post.path).suffix.lower() in (".html", ".htm"):
        try:
            with open(post.path, "rb") as file:
                head = file.read(HEAD_BYTES).decode("utf-8", "replace")
        except OSError:
            return "", 0
        found = _HTML_LANG.search(head)
        if found:
            return found.group(1), head.count("\n", 0, found.start()) + 1
    return "", 0


def language_warning(post) -> str:
    """One warning line, at the field's line, for a post that says it is in another language than English; ""
    for an English post, or one that does not say."""
    code, line = said_language(post)
    language = language_of(code)
    if not language or language == ENGLISH:
        return ""
    return (f"{post.path}:{line}: warning: the post says its language is {code!r}; smpseo's readability and keyword "
            "rules are English's (reading ease, sentence length, passive voice, transition words, keyphrase "
            "forms), so their scores and the rating are not meaningful for it")
