"""What to write for a topic the blog does not answer: a section of a post that is already on it, or a new post;
titled with the question as a prospect asked it, up to the sentence that asks, with the words to use. `blog` is
the matcher's `match.Blog`."""

from __future__ import annotations

import numpy as np

from smpseo.analysis.gaps.features import Part
from smpseo.analysis.gaps.framing import asking_sentences, sentences_of
from smpseo.core.language import unasking_words
from smpseo.core.text import WORD_RE
from smpseo.model.gaps import MISSING, PARTIAL, Suggestion, TopicResult
from smpseo.sources.topics import Topic

EXTEND = 0.5  # a passage rated this share of the answered threshold is half-way to answering: worth extending


def as_heading(read: str) -> str:
    """A way of asking as the matcher read it (`Asked.read`: a typo read as the word meant, without the prospect's
    wrapper or the sentences about them), as a heading: "Hi! Sorry to bug you, but how long does it last?" as "How
    long does it last?"."""
    read = " ".join(read.split())  # a form's lines kept apart (`framing.unframed`) as one line
    return read[:1].upper() + read[1:]


def as_title(read: str) -> str:
    """A way of asking as a title: as read, up to the sentence that asks ("My wife is thin at the part. Can she
    come in too?" whole, but "Do I need to take time off work after? I'm a cook and my boss wants to know lol" as
    "Do I need to take time off work after?": what follows the question helps find the answer, it is no title)."""
    sentences = sentences_of(read)
    asking = asking_sentences(sentences)
    return as_heading(" ".join(sentences[: sentences.index(asking[-1]) + 1]) if asking else read)


def _content_word(word: str) -> str:
    """A word as a keyword, or "" for one that says nothing of the topic: a function or courtesy word ("my",
    "lol"), a negated auxiliary ("don't") or a pronoun with a verb run into it ("I'm", "you're")."""
    plain = word.translate(str.maketrans("’‘", "''")).strip("'")
    low = plain.lower()
    head = low.split("'")[0]
    quiet = unasking_words()
    if low.endswith("n't") or low in quiet or head in quiet:
        return ""
    return plain[: len(head)] if low.endswith("'s") else plain


def _keywords(topic: Topic, ways: list[str], blog, targets: list[str], limit: int = 5) -> list[str]:
    """The words to use: the topic's terms, or the question's content words rarest on this blog; and the site's
    first target keyword."""
    words = list(dict.fromkeys(topic.terms))
    if not words:  # a topic without terms: the question's rarest content words on this blog
        plain = dict.fromkeys(w for w in map(_content_word, WORD_RE.findall(ways[0])) if w)
        words = sorted(plain, key=lambda w: -blog.embedded.weight(w.lower(), blog.vectors))
    words = words[: limit - 1]
    return [*words, targets[0]] if targets else words


def suggest(result: TopicResult, topic: Topic, ways: list[str], blog, place: tuple[str, int, Part | None] | None,
            targets: list[str]) -> Suggestion | None:
    """What to write for a topic not answered (`ways`: its ways of asking as titles, the question first): as
    `place` says (`place_for`: the action, the post and the passage to write next to), else a new post."""
    if result.status not in (MISSING, PARTIAL):
        return None
    keywords = _keywords(topic, ways, blog, targets)
    if place is not None:
        action, post, after = place
        name = blog.section_name(after) if after is not None else ""
        return Suggestion(action, ways[0], ways[1:], keywords, blog.name(post), blog.posts[post].title, name)
    return Suggestion("write", ways[0], ways[1:], keywords)


def place_for(blog, topic: Topic, ways: list[str], rated: np.ndarray, by_post: dict[int, int],
              half_way: int | None, aimed: bool = True) -> tuple[str, int, Part | None] | None:
    """Where a suggestion has the answer written: next to `half_way`, a passage half-way to answering ("extend");
    else, with `aimed`, in a post whose keyphrase or title already asks the question (`Blog.targeting`: a new post
    on it would compete with that one in search), the one whose best passage rates highest, next to that passage
    ("complete"); else None (a new post)."""
    if half_way is not None:
        return "extend", blog.passages[half_way].post, blog.passages[half_way]
    aiming = blog.targeting([*ways, *topic.terms]) if aimed else []
    if aiming:
        post = max(aiming, key=lambda i: rated[by_post[i]] if i in by_post else -1.0)
        return "complete", post, blog.passages[by_post[post]] if post in by_post else None
    return None
