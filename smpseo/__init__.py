"""smpseo: content and SEO checks for a clinic's blog, from a notebook or a terminal.

    >>> import smpseo
    >>> posts = smpseo.load_posts("posts/")
    >>> smpseo.check(posts)                      # findings, ratings, metrics, coverage
    >>> smpseo.gaps(posts)                       # the FAQ topics the posts leave open

The names below load on first use, so `import smpseo` (and the `smpseo` command) starts fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from smpseo.core.version import __version__

# public name -> (module, attribute); attribute None: the module itself
_API = {
    "check": ("smpseo.app.library", "check"),
    "analyze": ("smpseo.app.analyze", "analyze_frame"),
    "gaps": ("smpseo.app.library", "gaps"),
    "rules": ("smpseo.checks", "rules"),
    "load_config": ("smpseo.app.settings", "load_config"),
    "load_posts": ("smpseo.sources.readers", "load_posts"),
    "load_topics": ("smpseo.sources.topics", "load_topics"),
    "read_queries": ("smpseo.sources.queries", "read_queries"),
    "Config": ("smpseo.core.settings", "Config"),
    "ConfigError": ("smpseo.core.settings", "ConfigError"),
    "QueryFileError": ("smpseo.sources.searchconsole", "QueryFileError"),
    "UnknownRule": ("smpseo.checks.select", "UnknownRule"),
    "UnreadPosts": ("smpseo.app.arguments", "UnreadPosts"),
    "Block": ("smpseo.model.post", "Block"),
    "Corpus": ("smpseo.model.post", "Corpus"),
    "Image": ("smpseo.model.post", "Image"),
    "Link": ("smpseo.model.post", "Link"),
    "Post": ("smpseo.model.post", "Post"),
    "ReadError": ("smpseo.model.post", "ReadError"),
    "Section": ("smpseo.model.post", "Section"),
    "Sentence": ("smpseo.model.post", "Sentence"),
    "CheckResult": ("smpseo.model.results", "CheckResult"),
    "Finding": ("smpseo.model.results", "Finding"),
    "GapReport": ("smpseo.model.gaps", "GapReport"),
    "TopicResult": ("smpseo.model.gaps", "TopicResult"),
    "Topic": ("smpseo.sources.topics", "Topic"),
    "TopicError": ("smpseo.sources.topics", "TopicError"),
    "jsonld": ("smpseo.analysis.jsonld", None),
}

__all__ = ["__version__", *_API]


def __getattr__(name: str):
    try:
        module, attribute = _API[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = importlib.import_module(module)
    if attribute is not None:
        value = getattr(value, attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))


if TYPE_CHECKING:  # for editors and type checkers: the same names, imported eagerly
    from smpseo.analysis import jsonld
    from smpseo.app.analyze import analyze_frame as analyze
    from smpseo.app.arguments import UnreadPosts
    from smpseo.app.library import check, gaps
    from smpseo.app.settings import load_config
    from smpseo.checks import rules
    from smpseo.checks.select import UnknownRule
    from smpseo.core.settings import Config, ConfigError
    from smpseo.model.gaps import GapReport, TopicResult
    from smpseo.model.post import Block, Corpus, Image, Link, Post, ReadError, Section, Sentence
    from smpseo.model.results import CheckResult, Finding
    from smpseo.sources.queries import read_queries
    from smpseo.sources.readers import load_posts
    from smpseo.sources.searchconsole import QueryFileError
    from smpseo.sources.topics import Topic, TopicError, load_topics
