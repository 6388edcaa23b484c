"""The real posts on which the differential tests (tests/test_*core.py) compare a port with the package it copies.

Each corpus says where its posts are and how many texts it must give, so that a corpus that shrank or stopped
loading fails the test rather than passing it on nothing. A test file states only what it compares:

    @corpora.each(corpora.CLINIC, corpora.WORDPRESS)
    def test_real_posts(corpus):
        for text in corpus.texts():
            same(text)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

import smpseo
from smpseo.analysis.readability import post_text

from .conftest import CLINIC_POSTS, shared


@dataclass(frozen=True)
class Corpus:
    name: str  # the test id
    sources: Callable[[], list[Path]]  # called by the test, so that a missing ../shared skips it
    least: int  # the fewest texts it must give
    most: int | None = None  # the most, where the number is known exactly
    step: int = 1  # every step-th text only
    slow: bool = False

    def texts(self) -> list[str]:
        """smpseo's text (post_text) of each post that has a sentence, in reading order, once their number is
        checked."""
        found = [post_text(p) for source in self.sources() for p in smpseo.load_posts(source)
                 if p.sentences][::self.step]
        assert self.least <= len(found), (self.name, len(found))
        assert self.most is None or len(found) <= self.most, (self.name, len(found))
        return found


def _faq_blogs() -> list[Path]:
    return [path for path in sorted(shared("corpora", "faq-dev").iterdir()) if (path / "smpseo.toml").is_file()]


CLINIC = Corpus("clinic", lambda: [CLINIC_POSTS], least=8, most=8)
WORDPRESS = Corpus("wordpress-export",
                   lambda: [shared("corpora", "wordpress-theme-test-data", "themeunittestdata.wordpress.xml")],
                   least=31)
EVERY_18F_POST = Corpus("every-18f-post", lambda: [shared("corpora", "18f-blog-posts")], least=501, slow=True)
EVERY_THIRD_18F_POST = replace(EVERY_18F_POST, name="every-third-18f-post", step=3, least=151)
FAQ_BLOGS = Corpus("faq-blogs", _faq_blogs, least=15, slow=True)


def each(*corpora: Corpus):
    """The test, once per corpus (its argument `corpus`); the slow ones marked slow, as `make test-fast` skips."""
    return pytest.mark.parametrize(
        "corpus", [pytest.param(c, id=c.name, marks=[pytest.mark.slow] if c.slow else []) for c in corpora])
