"""What "contains the keyphrase" means, where the introduction is, and where synonyms count: one definition for
every rule, the coverage table and the reports.

A text contains a keyphrase where one sentence holds all the keyphrase's content words, in any order and any word
form (hyphen and space variants too). A sentence counts as often as its rarest keyphrase word appears in it
("scalp micropigmentation, scalp micropigmentation" counts twice). This is how Yoast counts.

Synonyms (`[keywords.synonyms]`) count where Yoast Premium counts them: the introduction, the meta description,
subheadings, image alt text, the keyphrase distribution and link anchors. The title, the slug and the keyphrase
density need the keyphrase itself ("SMP" does not stand for "scalp micropigmentation" there).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from smpseo.analysis.keyphrase import Match, Matcher, Phrase
from smpseo.core.frozen import Frozen
from smpseo.core.language import is_function_word, normalize_word, stem, word_list
from smpseo.core.sentences import sentence_spans
from smpseo.core.text import WORD_RE, counted, opening
from smpseo.model.post import HEADING, Block, Post

TITLE, SLUG, INTRO, DESCRIPTION, SUBHEADING, ALT, BODY = "title", "slug", "intro", "description", "subheading", \
    "alt", "body"
DENSITY, DISTRIBUTION, LINK = "density", "distribution", "link"
PLACEMENTS = (TITLE, SLUG, INTRO, DESCRIPTION, SUBHEADING, ALT, BODY)
SYNONYMS_COUNT = frozenset({INTRO, DESCRIPTION, SUBHEADING, ALT, DISTRIBUTION, LINK})
APART = "words apart in one sentence"


def synonyms_count(place: str) -> bool:
    """Whether a synonym stands for the keyphrase in this place."""
    return place in SYNONYMS_COUNT


def introduction(post: Post) -> Block | None:
    """The introduction: the post's first paragraph of body text."""
    return post.first_paragraph


def subheadings(post: Post) -> list[Block]:
    """The subheadings: the post's H2 and H3 headings."""
    return [b for b in post.blocks if b.kind == HEADING and b.level in (2, 3)]


class Part(Frozen, positional=True):
    """A part of a post where the keyphrase (or the city) counts: its text (the subheadings: each one's), and where
    a finding about it goes (line, column, and the text it points at)."""

    place: str
    texts: tuple[str, ...]
    line: int
    column: int
    match: str

    @property
    def text(self) -> str:
        return self.texts[0] if self.texts else ""


def part(post: Post, place: str) -> Part | None:
    """The part of `post` that `place` names (TITLE, SLUG, INTRO, DESCRIPTION, SUBHEADING), or None when the post
    has no introduction or no subheading. The title, slug and description are there even when empty. The slug is
    read with its hyphens as spaces."""
    if place == TITLE:
        return Part(TITLE, (post.title,), post.title_line or 1, 1, post.title)
    if place == SLUG:
        line = post.meta_line("slug") if "slug" in post.meta_lines else 1
        return Part(SLUG, (post.slug.replace("-", " "),), line, 1, post.slug)
    if place == DESCRIPTION:
        return Part(DESCRIPTION, (post.description,), post.meta_line("description"), 1, post.description)
    if place == INTRO:
        first = introduction(post)
        if first is None:
            return None
        return Part(INTRO, (first.text,), first.line, first.sentences[0].column if first.sentences else 1,
                    opening(first.text))
    if place == SUBHEADING:
        heads = subheadings(post)
        if not heads:
            return None
        return Part(SUBHEADING, tuple(h.text for h in heads), heads[0].line, 1, heads[0].text)
    raise ValueError(f"no part of a post is called {place!r}")


def occurrences(matcher: Matcher, phrase: Phrase | str, text: str, synonyms: bool = True) -> list[Match]:
    """Each time a sentence of `text` holds the keyphrase, as a Match that says what matched and why."""
    if isinstance(phrase, str):
        phrase = matcher.phrase(phrase)
    if not text or not phrase:
        return []
    if phrase.exact is not None:
        return matcher.find(phrase, text)
    need = Counter(phrase.keys_for(synonyms))
    units = matcher.units(text, synonyms)
    if not units or not set(need) <= {k for u in units for k in u.keys}:
        return []
    out: list[Match] = []
    spans = sentence_spans(text)
    i = 0
    for start, end in spans:
        inside = []
        while i < len(units) and units[i].start < end:
            if units[i].start >= start:
                inside.append(units[i])
            i += 1
        have = Counter(k for u in inside for k in u.keys)
        times = min(have[k] // n for k, n in need.items())
        if not times:
            continue
        close = [Match(m.phrase, m.text, m.start + start, m.end + start, m.reasons)
                 for m in matcher.find(phrase, text[start:end], synonyms)][:times]
        used = [u for u in inside if set(u.keys) & set(need)]
        while len(close) < times:
            apart = matcher.explain(phrase, text, used[0].start, used[-1].end, used, [], synonyms)
            close.append(Match(apart.phrase, apart.text, apart.start, apart.end, (*apart.reasons, APART)))
        out.extend(close)
    return out


def topic_shares(matcher: Matcher, phrase: Phrase, text: str, synonyms: bool = True) -> list[tuple[float, int]]:
    """(share of its content words in `text`, how many it has) for the keyphrase and, with `synonyms`, for each
    synonym's phrase, as Yoast reads them: with "SMP" for "scalp micropigmentation", "SMP" alone is all of the
    keyphrase "scalp micropigmentation" and one of the three words of "SMP side effects" (not two of four).
    Any word form counts."""
    literal = phrase.literal
    if not literal:
        return []
    present = {k for u in matcher.units(text, synonyms=False) for k in u.keys}
    out = [(sum(1 for k in literal if k in present) / len(literal), len(literal))]
    if not synonyms:
        return out
    units = matcher.units(text)
    plain = {k for u in units if u.kind != "synonym" for k in u.keys}
    keys = phrase.keys
    out.append((sum(1 for k in keys if k in plain) / len(keys), len(keys)))
    for u in units:
        group = set(u.keys)
        if u.kind == "synonym" and group <= set(keys):
            rest = [k for k in keys if k not in group]
            out.append(((1 + sum(1 for k in rest if k in plain)) / (len(rest) + 1), len(rest) + 1))
    return out


def topic_share(matcher: Matcher, phrase: Phrase, text: str, synonyms: bool = True) -> float:
    """The best share (0..1) of the keyphrase's content words, or of a synonym phrase's, in `text`."""
    return max((share for share, _ in topic_shares(matcher, phrase, text, synonyms)), default=0.0)


def holds_topic(matcher: Matcher, phrase: Phrase, sentence: str, synonyms: bool = True) -> bool:
    """A sentence that keeps the topic going, as Yoast's keyphrase distribution reads it: it holds all the words
    of the keyphrase or of a synonym's phrase, or half of them for a phrase of four or more content words."""
    return any(share == 1.0 or (n >= 4 and share >= 0.5)
               for share, n in topic_shares(matcher, phrase, sentence, synonyms))


def contains(matcher: Matcher, phrase: Phrase | str, text: str, synonyms: bool = True) -> bool:
    return bool(occurrences(matcher, phrase, text, synonyms))


def count(matcher: Matcher, phrase: Phrase | str, text: str, synonyms: bool = True) -> int:
    return len(occurrences(matcher, phrase, text, synonyms))


class Uses(Frozen, positional=True):
    """How often a keyphrase is in some text: as written (word forms included) and, on top, through a synonym."""

    written: int
    synonym: int
    synonym_forms: tuple[str, ...] = ()

    def describe(self) -> str:
        """"4 times as written, 17 more as 'SMP'"."""
        text = f"{counted(self.written, 'time')} as written"
        if self.synonym:
            forms = " or ".join(f"'{f}'" for f in self.synonym_forms) or "a synonym"
            text += f", {self.synonym} more as {forms}"
        return text


def uses(matcher: Matcher, phrase: Phrase, texts: Iterable[str]) -> Uses:
    """The keyphrase's uses in `texts`: as written, and the extra ones a synonym makes (with the synonyms used)."""
    written = extra = 0
    forms: dict[str, None] = {}
    for text in texts:
        plain = count(matcher, phrase, text, synonyms=False)
        found = occurrences(matcher, phrase, text, synonyms=True)
        written += plain
        if len(found) > plain:
            extra += len(found) - plain
            for u in matcher.units(text):
                if u.kind == "synonym" and set(u.keys) & set(phrase.keys):
                    forms.setdefault(u.surface, None)
    return Uses(written, extra, tuple(forms))


START, LATER, WORDS, MISSING, HELD = "start", "later", "words", "missing", "held"


def text_placement(matcher: Matcher, phrase: Phrase, text: str, place: str) -> str:
    """Whether a part of a post (the introduction, the description) holds the keyphrase: HELD (a sentence holds
    it, a synonym standing for it where synonyms count in `place`), WORDS (all its content words, but no sentence
    holds them all), MISSING."""
    if contains(matcher, phrase, text, synonyms_count(place)):
        return HELD
    return WORDS if matcher.share(phrase, text) == 1.0 else MISSING


def slug_placement(matcher: Matcher, phrase: Phrase, words: str) -> str:
    """Whether a slug's words hold the keyphrase as written (any word form; synonyms do not count): all the
    content words of a one- or two-word keyphrase, more than half of a longer one's (HELD), or not (MISSING)."""
    share = matcher.share(phrase, words, synonyms=False)
    enough = share == 1.0 if len(phrase.literal) <= 2 else share > 0.5
    return HELD if enough else MISSING


def title_placement(matcher: Matcher, phrase: Phrase, title: str) -> str:
    """Where the keyphrase is in a title, as written (word forms allowed, synonyms not): START (the whole phrase,
    with only function words or a question's opening words before it: "How long does ..."), LATER (the whole
    phrase, after other words), WORDS (all its content words, but not as the phrase), MISSING."""
    wanted = WORD_RE.findall(phrase.text)
    tokens = WORD_RE.findall(title)
    if not wanted or not phrase.literal:
        return MISSING

    def same(a: str, b: str) -> bool:
        if is_function_word(b):
            return normalize_word(a) == normalize_word(b)
        return stem(a) == stem(b)

    for i in range(len(tokens) - len(wanted) + 1):
        if all(same(tokens[i + j], w) for j, w in enumerate(wanted)):
            opening = all(is_function_word(w) or w.lower() in word_list("question_openers") for w in tokens[:i])
            return START if opening else LATER
    return WORDS if matcher.share(phrase, title, synonyms=False) == 1.0 else MISSING
