"""Text segmentation: words, slugs, and markup noise removal (sentences: `smpseo.core.sentences`).

Language-neutral mechanics only; what is English (function words, transition words) lives in data files.
"""

from __future__ import annotations

import re
import unicodedata

# The hyphens a word may be written with: the ASCII one, Unicode's HYPHEN and its NON-BREAKING HYPHEN, which show
# the same; `one_hyphen` makes them all "-" for comparing words.
HYPHENS = "-\u2010\u2011"
_ONE_HYPHEN = str.maketrans(dict.fromkeys(HYPHENS[1:], "-"))

# The blocks of Unicode that hold marks (categories Mn, Mc, Me), read for them: the whole of Unicode takes 25 times as
# long to read, at every start, for the marks of a few old scripts.
_MARK_BLOCKS = ((0x0300, 0x1E00), (0x20D0, 0x2100), (0x2CEF, 0x2E00), (0x302A, 0x3030), (0x3099, 0x309B),
                (0xA66F, 0xAC00), (0xFB1E, 0xFB1F), (0xFE20, 0xFE30))


def _marks() -> str:
    """The marks that combine with the letter before them, as a character class's content: Arabic's and Hebrew's
    vowel signs ("كَتَبَ"), the vowel signs and viramas of Indic scripts ("हिन्दी"), an accent typed after its
    letter ("cafe\u0301"). Python's `\\w` takes none of them, so each split its word in two."""
    found = [c for first, end in _MARK_BLOCKS for c in range(first, end)
             if unicodedata.category(chr(c)) in ("Mn", "Mc", "Me")]
    runs: list[list[int]] = []
    for c in found:
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in runs)


MARKS = _marks()
# The joiners that sit inside a word: Persian's and Urdu's zero-width non-joiner ("می\u200cخواهم", one word written
# in two shapes) and the zero-width joiner.
JOINERS = "\u200c\u200d"
# A word: letters or digits, each with its marks, joined by an apostrophe, hyphen, decimal point or joiner ("don't",
# "micro-pigmentation", "2.5", "کتاب\u200cها").
_LETTER = rf"(?:[^\W_][{MARKS}]*)"
WORD_RE = re.compile(rf"{_LETTER}+(?:['’.{re.escape(HYPHENS)}{JOINERS}]{_LETTER}+)*")
LETTERS_RE = re.compile(r"[^\W\d_]+")  # a run of letters: a word without its digits and joins


def one_hyphen(text: str) -> str:
    """`text` with every hyphen of `HYPHENS` written "-" (same length: offsets stay)."""
    return text.translate(_ONE_HYPHEN) if "\u2010" in text or "\u2011" in text else text


def _latin(case: str) -> str:
    """The Latin letters of one case (`Lu` or `Ll`), accented ones too, as a character class's content."""
    return "".join(chr(c) for c in range(0xC0, 0x250) if unicodedata.category(chr(c)) == case)


# Capital and small letters for patterns of names ("Montréal", "Zürich", "Łódź"), where [A-Z][a-z]+ cuts at an accent
UPPER = "A-Z" + _latin("Lu")
LOWER = "a-z" + _latin("Ll")

# Markup that is not prose: template tags and WordPress shortcodes.
_TEMPLATE_CLOSE = {"{": "}}", "%": "%}", "#": "#}"}  # `{{ }}`, `{% %}`, `{# #}` by the character after `{`
_SHORTCODE_RE = re.compile(
    r"\[/?(?:caption|gallery|embed|video|audio|playlist|wp_[a-z_]+|contact-form[a-z0-9_-]*)\b[^\]\[]*\]"
    r"|\[[a-z][a-z0-9_-]*(?:\s+[a-z_-]+=(?:\"[^\"]*\"|'[^']*'|[^\s\]]+))+\s*/?\]",
    re.IGNORECASE,
)


# Template tags become runs of this character (same length, same lines) so Markdown around them parses as written.
MASK = "\ue000"  # a private-use character: not whitespace or punctuation, so link destinations stay valid
MASK_URL = "%EE%80%80"  # MASK as Markdown percent-encodes it inside a link destination


def unmask(text: str) -> str:
    return text.replace(MASK_URL, "").replace(MASK, "")


# A block tag of Liquid, Nunjucks or Django whose content is no text: a comment, code (Jekyll's and Eleventy's
# `{% highlight %}`); or text written as it is, its tags and all (`{% raw %}{{ price }}{% endraw %}` shows
# "{{ price }}").
_BLOCK_OPEN_RE = re.compile(r"\{%-?\s*(comment|highlight|raw|verbatim)\b[^%]*?-?%\}")
_HIDDEN_BLOCKS = frozenset({"comment", "highlight"})


def template_spans(text: str) -> list[tuple[int, int]]:
    """Where the `{{ }}`, `{% %}` and `{# #}` tags are, leftmost first, each ending at its first closer (as the
    lazy expression `\\{\\{.*?\\}\\}` matches); a comment or `highlight` block is one span up to its end tag, and
    what a `raw` block holds is in none. In linear time: a kind of tag with no closer after one opener has none
    after any later one, so 50,000 unclosed `{` are read once, not 50,000 times."""
    spans: list[tuple[int, int]] = []
    unclosed: set[str] = set()
    endless: set[str] = set()  # the block tags with no end tag after one of them (ordinary tags from then on)
    pos = text.find("{")
    while pos >= 0 and len(unclosed) < len(_TEMPLATE_CLOSE):
        kind = text[pos + 1:pos + 2]
        closer = _TEMPLATE_CLOSE.get(kind)
        if closer is None or kind in unclosed:
            pos = text.find("{", pos + 1)
            continue
        end = text.find(closer, pos + 2) + 2
        if end < 2:
            unclosed.add(kind)
            pos = text.find("{", pos + 1)
            continue
        block = _BLOCK_OPEN_RE.fullmatch(text, pos, end) if kind == "%" else None
        name = block.group(1) if block else ""
        close = re.compile(rf"\{{%-?\s*end{name}\s*-?%\}}").search(text, end) \
            if name and name not in endless else None
        if name and close is None:
            endless.add(name)
        if close is None:
            spans.append((pos, end))
        elif name in _HIDDEN_BLOCKS:
            spans.append((pos, close.end()))
        else:
            spans += [(pos, end), close.span()]
        pos = text.find("{", close.end() if close else end)
    return spans


def _replace_templates(text: str, by) -> str:
    spans = template_spans(text) if "{" in text else []
    if not spans:
        return text
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], by(text[start:end])]
        last = end
    out.append(text[last:])
    return "".join(out)


# A tag that outputs a quoted string, through filters or not: `{{ "/consulting/" | url }}` (Eleventy),
# `{{ '/about/' | relative_url }}` (Jekyll), `{{ "img/a.jpg" | relURL }}` (Hugo). It stands for that string.
_LITERAL_TAG_RE = re.compile(r"\{\{-?\s*([\"'])(?P<address>[^\"'\n{}]*)\1\s*(?:\|[^{}\n]*)?-?\}\}")
# A tag that outputs the address of another post of the site, named by its file or its path: Hugo's `ref` and
# `relref` shortcodes (`{{< relref "aftercare.md" >}}`, `{{% ref "/posts/aftercare#sun" %}}`, `path="..."`) and
# Jekyll's `{% link _posts/2024-01-01-x.md %}` and `{% post_url 2024-01-01-x %}`. It stands for that name.
REFERENCE_TAG_RE = re.compile(
    r"\{\{([<%])-?\s*(?:rel)?ref\s+(?:path\s*=\s*)?([\"'`])(?P<address>[^\"'`\n{}]*)\2[^\n{}]*?-?[>%]\}\}"
    r"|\{%-?\s*(?:link|post_url)\s+(?P<name>[^\s{}%]+)\s*-?%\}")


# A tag that outputs a variable, without filters: `{{ site.phone }}`, `{{- page.title -}}`.
_VARIABLE_TAG_RE = re.compile(r"\{\{-?\s*([A-Za-z_][\w.-]*)\s*-?\}\}")


# The opening tag of a Hugo shortcode and the title it shows: a `title`, `summary`, `question`, `heading` or `header`
# value, or a first value without a name (`{{% expand "Will it fade?" %}}`); what is inside the quotes is `shown`.
_SHORTCODE_TITLE_RE = re.compile(
    r"\{\{([<%])-?\s*(?P<name>[A-Za-z][\w-]*)\s+(?:[^\n{}]*?\b(?:title|summary|question|heading|header)\s*=\s*)?"
    r"([\"'`])(?P<shown>[^\"'`\n{}<>]*[^\W_][^\"'`\n{}<>]*)\3[^\n{}]*?-?[>%]\}\}")


# Shortcodes whose values say how to show code or markup, never a title
_CODE_SHORTCODES = frozenset({"highlight", "code", "mermaid", "math", "katex", "chart", "raw", "rawhtml", "html",
                              "comment"})


def _masked(tag: str, values: dict[str, str], closed: frozenset[str] = frozenset()) -> str:
    titled = _SHORTCODE_TITLE_RE.fullmatch(tag) if closed and tag[2:3] in "<%" else None
    if titled and titled.group("name").lower() in closed - _CODE_SHORTCODES:  # it shows its title: that is text
        start, end = titled.span("shown")
        return MASK * start + tag[start:end] + MASK * (len(tag) - end)
    literal = _LITERAL_TAG_RE.fullmatch(tag) or REFERENCE_TAG_RE.fullmatch(tag)
    variable = _VARIABLE_TAG_RE.fullmatch(tag) if values and literal is None else None
    written = (literal.group("address") or literal.groupdict().get("name") or "") if literal \
        else values.get(variable.group(1)) if variable else None
    if written is not None:  # what it outputs, then MASK characters to the tag's length
        return written + MASK * (len(tag) - len(written))
    return re.sub(r"[^\n]", MASK, tag)


def mask_templates(text: str, values: dict[str, str] | None = None) -> str:
    """Replace `{{ }}`, `{% %}` and `{# #}` tags by MASK characters, keeping newlines and every other offset; a tag
    that outputs a quoted string (`{{ "/consulting/" | url }}`, a link's address) or names another post (Hugo's
    `{{< relref "aftercare.md" >}}`, Jekyll's `{% post_url 2024-01-01-x %}`) by that string or name and MASK
    characters, so the link keeps its address and points at the post it names, and one that outputs a variable of
    `values` (`{{ site.phone }}`: one line of text) by its value. A Hugo shortcode that is closed further on and
    shows a title (an FAQ accordion's `{{< accordion title="Does it hurt?" >}}`, `details`' `summary`) keeps that
    title, at its place, as text."""
    closed = frozenset(n.lower() for n in re.findall(r"\{\{[<%]-?\s*/\s*([A-Za-z][\w-]*)", text)) if "{{" in text \
        else frozenset()
    return _replace_templates(text, lambda tag: _masked(tag, values or {}, closed))


# Emoji, as a character class's contents: pictographs, dingbats, and the selector that ends one. In a message or a
# social post, an emoji often ends a sentence where a full stop would.
EMOJI = "\u2600-\u27bf\ufe0f\U0001f000-\U0001faff"

# A question: a sentence or heading ending in "?", closing quotes and brackets allowed after it.
QUESTION_RE = re.compile(r"\?[\s\"'”’»)\]]*$")

# What never belongs in text read from a file, a page or front matter: lone surrogates (half an escaped emoji: no
# UTF-8 write can hold one), control characters other than tab and newline (escape sequences, NUL) and the
# bidirectional overrides and isolates that make text display in another order than it is stored.
_UNSAFE = "\ud800-\udfff\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_UNSAFE_RE = re.compile(f"[{_UNSAFE}]")
# For one line of a terminal, tab and newline are unsafe too.
TERMINAL_UNSAFE_RE = re.compile(f"[{_UNSAFE}\t\n]")
# Invisible characters that sit inside a word and never separate two: a soft hyphen (`&shy;`), a zero-width space
# pasted from a document, a word joiner, a byte order mark in the middle of a text. Read text drops them too, so
# "micro\u00adpigmentation" is the word a browser shows.
_IN_WORDS = "\u00ad\u200b\u2060\ufeff"
# The other characters that format text without being seen: Unicode's format characters (category Cf: the joiners
# U+200C and U+200D, the direction marks, the invisible operators U+2061 to U+2064, the Mongolian vowel separator, tags
# ...), the variation selectors and the combining grapheme joiner. Dropped where they touch a letter or a digit
# ("micro\u200dpigmentation" is one word), kept between symbols, where they make one emoji of several ("👩\u200d⚕️").
# Not the Cf characters a reader sees (Arabic's number signs and end of ayah, U+0600-U+0605 ...).
_FORMAT = ("\u034f\u061c\u180b-\u180f\u200c-\u200f\u2061-\u2064\u206a-\u206f\ufe00-\ufe0f\ufff9-\ufffb"
           "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
           "\U000e0100-\U000e01ef")
_INVISIBLE_RE = re.compile(f"[{_UNSAFE}{_IN_WORDS}]|(?<=[^\\W_])[{_FORMAT}]+|[{_FORMAT}]+(?=[^\\W_])")
# Whether a text holds any of them: one character class, which the regular expression engine scans for quickly
# (the expression above, with its lookarounds, tries every position: a long line read once per finding took seconds)
_ANY_INVISIBLE_RE = re.compile(f"[{_UNSAFE}{_IN_WORDS}{_FORMAT}]")


def one_newline(text: str) -> str:
    """Lines ended by a newline alone: Windows' carriage return and newline, and an old Mac's carriage return alone
    (which cleaning would drop, joining the lines)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def clean_text(text: str) -> str:
    """Text as smpseo keeps it: a lone surrogate becomes U+FFFD, a form feed or vertical tab a space (no editor
    counts it as a line: the lines after it keep their numbers), the other
    unsafe characters (see `_UNSAFE_RE`) and the invisible ones inside words (`_INVISIBLE_RE`) are dropped. Applied
    once, where text enters (decoding, front matter)."""
    if not _ANY_INVISIBLE_RE.search(text):
        return text
    return _INVISIBLE_RE.sub(lambda m: _cleaned(m.group()), text)


def clean_data(value):
    """`clean_text` over every string of plain data read from a file (JSON front matter, a settings file): in
    strings, lists and the keys and values of mappings."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_data(v) for v in value]
    if isinstance(value, dict):
        return {clean_data(k): clean_data(v) for k, v in value.items()}
    return value


def _cleaned(char: str) -> str:
    """What `clean_text` makes of one of the characters it takes out (`_INVISIBLE_RE`): "" when it drops it."""
    return "\ufffd" if "\ud800" <= char <= "\udfff" else " " if char in ("\f", "\v") else ""


def source_column(line: str, column: int) -> int:
    """The column in `line`, as the file has it, of the `column`th character of the line as `clean_text` keeps it:
    the characters it drops (a zero-width space, a control character) take a column in an editor."""
    dropped = {i for m in _INVISIBLE_RE.finditer(line) if not _cleaned(m.group()) for i in range(*m.span())}
    kept = 0
    for i in range(len(line)):
        if i in dropped:
            continue
        kept += 1
        if kept == column:
            return i + 1
    return column + len(line) - kept


def escaped(text: str, *, keep_lines: bool = False, json: bool = False) -> str:
    """Text safe to show: every unsafe character written as an escape, `\\xNN` or `\\uNNNN` (in JSON text always
    `\\uNNNN`, which parses back to the same character). For one terminal line newlines and tabs are escaped too;
    with `keep_lines` (a CSV cell, Markdown) they stay. Applied to what is printed: file names are not cleaned text."""
    pattern = _UNSAFE_RE if keep_lines or json else TERMINAL_UNSAFE_RE
    if json:
        return pattern.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return pattern.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                       else f"\\u{ord(m.group()):04x}", text)


def told_apart(name: str, other: str) -> str:
    """`name` (a file's) as a message shows it beside `other`: as it is, but when the two differ only in how their
    Unicode characters are written (`café` composed, `cafe` and a combining accent), which prints the same, with its
    spelling in escapes after it, so the message does not seem to name one file twice."""
    if name == other or unicodedata.normalize("NFC", name) != unicodedata.normalize("NFC", other):
        return name
    spelled = name.encode("ascii", "backslashreplace").decode("ascii")
    return f"{name} (another file, whose name is written with other Unicode characters: {spelled})"


def shortened(value, limit: int = 40) -> str:
    """A value as a message quotes it (its repr), cut short: a 400-digit number, a 10,000-character string."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text):,} characters)"


def opening(text: str, limit: int = 60) -> str:
    """The start of a text a finding quotes and a view highlights: at most `limit` characters, ending at a word's
    end rather than inside one ("situated in", not "situated in Vancouve"); a first word longer than that is cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if not text[limit].isspace():  # the cut falls inside a word: back to the space before it
        space = max(cut.rfind(" "), cut.rfind("\t"), cut.rfind("\n"))
        cut = cut[:space] if space > 0 else cut
    return cut.rstrip()


def counted(n: int, noun: str) -> str:
    """"1 post", "2 posts": a count and its noun, plural but for one."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def is_question(text: str) -> bool:
    """Whether a sentence, heading or line asks a question (ends in "?")."""
    return QUESTION_RE.search(text.rstrip()) is not None


# An address a reader takes in as one word: a web address or an email address.
_ADDRESS_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'()\[\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def words(text: str) -> list[str]:
    """The words of a text, in order; a web or email address is one word ("https://twitter.com/18F/status/5" is not
    five), as a reader and Yoast count it."""
    if "://" in text or "www." in text or "@" in text:
        return _WORD_OR_ADDRESS_RE.findall(text)
    return WORD_RE.findall(text)


_WORD_OR_ADDRESS_RE = re.compile(f"{_ADDRESS_RE.pattern}|{WORD_RE.pattern}")


def strip_markup_noise(text: str, masked: bool = False) -> str:
    """Remove template tags (`{{ }}`, `{% %}`) and WordPress shortcodes (`[caption ...]`), keeping line breaks.
    `masked`: the text's tags are masked already (`mask_templates`): what is left of `{{ }}` was written inside a
    `{% raw %}` block, text, and the MASK characters stay where a tag stood, for the sentence split to see
    (`sentence_spans`); `unmask` takes them out."""

    def keep_newlines(tag: str) -> str:
        return "\n" * tag.count("\n")

    if not masked:
        text = _replace_templates(text, keep_newlines).replace(MASK, "")
    return _SHORTCODE_RE.sub(lambda m: keep_newlines(m.group(0)), text)


def normalize_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def slugify(text: str, max_length: int = 80) -> str:
    """A URL- and file-safe slug: lowercase ASCII letters, digits and single hyphens; never empty."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace("'", "").replace("’", "")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug or "post"


def sentence_lines(sentences) -> str:
    """Sentences one per line, each ending with `.`, `!` or `?`: the text textstat and YAKE are given, so textstat's
    sentence counter sees exactly our sentences and YAKE never glues a heading to a sentence."""
    return "\n".join(t if t[-1:] in ".!?" else t + "." for t in sentences)
