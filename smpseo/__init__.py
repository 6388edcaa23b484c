"""smpseo: content and SEO checks for a clinic's blog, from a notebook or a terminal.

    >>> import smpseo
    >>> posts = smpseo.load_posts("posts/")
"""

from __future__ import annotations

__version__ = "0.1.0"

from .checks import check, rules
from .config import Config, ConfigError, load_config
from .gaps import GapReport, TopicResult, gaps
from .metrics import analyze_frame as analyze
from .model import Block, Corpus, Image, Link, Post, ReadError, Section, Sentence
from .queries import read_queries
from .readers import load_posts
from .results import CheckResult, Finding
from .topics import Topic, TopicError, load_topics

__all__ = [
    "__version__",
    "Block",
    "CheckResult",
    "Finding",
    "analyze",
    "check",
    "rules",
    "Config",
    "ConfigError",
    "Corpus",
    "Image",
    "Link",
    "Post",
    "ReadError",
    "Section",
    "Sentence",
    "load_config",
    "load_posts",
    "GapReport",
    "Topic",
    "TopicError",
    "TopicResult",
    "gaps",
    "jsonld",
    "load_topics",
    "read_queries",
]


def __getattr__(name: str):
    if name == "jsonld":  # imported on first use
        import importlib

        return importlib.import_module(".jsonld", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
